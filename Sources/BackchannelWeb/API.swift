import BackchannelStore
import Foundation
import Vapor

/// The JSON API under `/api/v1`: everything the pages show, with snake_case keys. Lists are
/// paginated with `limit` and `offset` and say `next_offset` when there is more.
/// Its OpenAPI document is at `/api/openapi.json`.
enum API {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.withoutEscapingSlashes]
        return e
    }()

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }()

    /// A backgrounder with the analysts' notes in it (none for readers).
    struct BriefingBody: Encodable { var briefing: Briefing; var notes: [Note] }

    static func register(_ app: Application, pool: StorePool) {
        let v1 = app.grouped("api", "v1")
        v1.get("home") { _ in try json(try await pool.next().homeSummary()) }
        v1.get("articles") { req in
            let (limit, offset) = try Params(req).page()
            return try json(try await pool.next().articleList(limit: limit, offset: offset))
        }
        v1.get("articles", ":id") { req in try json(try await pool.next().articleDetail(try req.id())) }
        v1.get("actors") { req in
            let p = Params(req)
            let (limit, offset) = try p.page()
            return try json(try await pool.next().actorList(type: try p.actorType("type"), limit: limit, offset: offset))
        }
        v1.get("actors", ":id") { req in try json(try await pool.next().actorDetail(try req.id())) }
        v1.get("events") { req in
            let p = Params(req)
            let (limit, offset) = try p.page()
            let actor = try await p.actors("actor", store: pool.next())
            guard actor.count <= 1 else { throw BadRequest(message: "actor: one actor at a time") }
            return try json(try await pool.next().eventList(type: try p.eventType("type"), actor: actor.first, since: try p.day("since"),
                                                      until: try p.day("until"), limit: limit, offset: offset))
        }
        v1.get("events", ":id") { req in try json(try await pool.next().eventDetail(try req.id())) }
        v1.get("storyline") { req in
            let (actors, query) = try await Pages.storylineInput(req, pool.next())
            return try json(try await pool.next().storyline(actors: actors, query: query))
        }
        v1.get("tracker") { req in
            let (actors, query) = try await Pages.storylineInput(req, pool.next())
            return try json(try await pool.next().negotiationTracker(actors: actors, query: query))
        }
        v1.get("storylines") { req in
            let p = Params(req)
            let since = try p.day("since") ?? "0000-01-01"
            return try json(try await pool.next().activeStorylines(since: since, limit: try p.int("limit", default: 20, in: 1...100)))
        }
        v1.get("search") { req in
            let (query, limit, offset) = try searchQuery(req)
            let hits = try await pool.next().searchArticles(query)
            return try json(ListPage(items: Array(hits.prefix(limit)), limit: limit, offset: offset, nextOffset: hits.count > limit ? offset + limit : nil))
        }
        v1.get("quotes") { req in
            let (query, limit, offset) = try searchQuery(req)
            let hits = try await pool.next().searchQuotes(query)
            return try json(ListPage(items: Array(hits.prefix(limit)), limit: limit, offset: offset, nextOffset: hits.count > limit ? offset + limit : nil))
        }
        v1.get("briefing") { req in
            let (briefing, notes, _) = try await Pages.briefingInput(req, pool.next())
            return try json(BriefingBody(briefing: briefing, notes: notes))
        }
        // Notes are for analysts and admins, like on the pages.
        v1.get("notes") { req in
            try req.viewer.require(.analyst)
            let p = Params(req)
            guard let raw = try p.text("subject"), let subject = NoteSubject(rawValue: raw) else {
                throw BadRequest(message: "subject: one of article, event, actor")
            }
            let id = try p.int("id", default: 0, in: 1...Int.max)
            return try json(try await pool.next().notes(on: subject, id: id))
        }
        app.get("api", "openapi.json") { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
        }
    }

    /// One more than asked for, so that a page knows whether there is a next one.
    static func searchQuery(_ req: Request) throws -> (SearchQuery, Int, Int) {
        let p = Params(req)
        let (limit, offset) = try p.page()
        let query = SearchQuery(text: try p.text("q"), actor: try p.text("actor"), eventType: try p.eventType("type"),
                                since: try p.day("since"), until: try p.day("until"), place: try p.text("place"), limit: limit + 1, offset: offset)
        return (query, limit, offset)
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: try encoder.encode(value)))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable { var status: Int; var message: String }
        var error: Detail
    }

    static func error(status: HTTPResponseStatus, message: String) -> Response {
        (try? json(ErrorBody(error: .init(status: Int(status.code), message: message)), status: status))
            ?? Response(status: status)
    }
}
