@testable import BackchannelStore
import BackchannelTestSupport
@testable import BackchannelWeb
import Foundation
import Testing
import VaporTesting

/// One API call: a JSON body (or none) and extra headers; the answer parsed when it is JSON.
private func call(_ app: Application, _ method: HTTPMethod, _ path: String, json: [String: Any]? = nil,
                  headers extra: HTTPHeaders = [:]) async throws -> (HTTPStatus, Any?) {
    var headers = extra
    var body = ByteBuffer()
    if let json {
        headers.contentType = .json
        body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
    }
    var result: (HTTPStatus, Data) = (.internalServerError, Data())
    try await app.testing().test(method, path, headers: headers, body: body) { res async in
        result = (res.status, Data(res.body.readableBytesView))
    }
    return (result.0, result.1.isEmpty ? nil : try? JSONSerialization.jsonObject(with: result.1, options: [.fragmentsAllowed]))
}

private func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

@Suite("JSON API writes", .serialized)
struct APIWriteTests {
    static func signIn(_ app: Application, _ name: String) async throws -> String {
        let (status, json) = try await call(app, .POST, "/api/v1/sessions", json: ["name": name, "password": "correct horse battery"])
        #expect(status == .created)
        return try #require((json as? [String: Any])?["token"] as? String)
    }

    /// The documented writes, as "METHOD path".
    static var documentedWrites: Set<String> {
        var writes: Set<String> = []
        for (path, item) in APITests.document["paths"] as! [String: Any] {
            for method in (item as! [String: Any]).keys where method != "get" { writes.insert("\(method.uppercased()) \(path)") }
        }
        return writes
    }

    @Test func everyDocumentedWriteAnswersWhatTheDocumentSays() async throws {
        try await WorkspaceTests.withWorld { app, w in
            var exercised: Set<String> = []
            func check(_ method: HTTPMethod, _ documented: String, _ path: String, _ body: [String: Any]?, token: String, status: String = "200") async throws -> [String: Any] {
                exercised.insert("\(method.rawValue) \(documented)")
                let (got, json) = try await call(app, method, path, json: body, headers: bearer(token))
                #expect(got.code == UInt(status)!, "\(method) \(path): \(got) \(json ?? "")")
                guard let schema = APITests.schema(path: documented, method: method.rawValue.lowercased(), status: status) else {
                    #expect(json == nil, "\(method) \(documented) answers \(status) without a body")
                    return [:]
                }
                let problems = APITests.validator.validate(json ?? NSNull(), against: schema)
                #expect(problems.isEmpty, "\(method) \(path): \(problems.prefix(4))")
                return json as? [String: Any] ?? [:]
            }
            exercised.insert("POST /api/v1/sessions")
            let (signedIn, session) = try await call(app, .POST, "/api/v1/sessions", json: ["name": "ana", "password": "correct horse battery"])
            #expect(signedIn == .created)
            #expect(APITests.validator.validate(session!, against: APITests.schema(path: "/api/v1/sessions", method: "post", status: "201")!).isEmpty)
            let token = try #require((session as? [String: Any])?["token"] as? String)

            let note = try await check(.POST, "/api/v1/notes", "/api/v1/notes", ["subject": "event", "id": w.event, "body": "Confirm with a second source."], token: token, status: "201")
            #expect(note["author"] as? String == "ana")
            let corrected = try await check(.POST, "/api/v1/events/{id}/corrections", "/api/v1/events/\(w.event)/corrections",
                                            ["field": "targets", "value": "Bo Sample; Ann Example"], token: token)
            #expect(Set(((corrected["event"] as? [String: Any])?["targets"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []) == ["Bo Sample", "Ann Example"])
            #expect((corrected["corrections"] as? [[String: Any]])?.first?["user"] as? String == "ana")
            let renamed = try await check(.POST, "/api/v1/actors/{id}/rename", "/api/v1/actors/\(w.actor)/rename", ["name": "Ann B. Example"], token: token)
            #expect((renamed["actor"] as? [String: Any])?["name"] as? String == "Ann B. Example")
            let merged = try await check(.POST, "/api/v1/actors/{id}/merge", "/api/v1/actors/\(w.actor)/merge", ["other": "Bo Sample"], token: token)
            #expect((merged["aliases"] as? [String])?.contains("Bo Sample") == true)
            let split = try await check(.POST, "/api/v1/actors/{id}/split", "/api/v1/actors/\(w.actor)/split", ["alias": "Bo Sample"], token: token, status: "201")
            #expect((split["actor"] as? [String: Any])?["name"] as? String == "Bo Sample")
            let list = try await check(.POST, "/api/v1/watchlists", "/api/v1/watchlists", ["name": "Ann's talks", "actors": ["Ann B. Example"], "query": "talks"], token: token, status: "201")
            #expect((list["actors"] as? [NSNumber])?.map(\.intValue) == [w.actor] && (list["token"] as? String)?.count ?? 0 > 20)
            let text = "Envoy Ann Example met President Bo Sample in Exampleton on Friday, and both sides called the talks useful."
            let piece = try await check(.POST, "/api/v1/pieces", "/api/v1/pieces", ["title": "Exampleton talks", "body": text, "categories": ["Analysis"]], token: token, status: "201")
            let pieceID = try #require((piece["id"] as? NSNumber)?.intValue), pieceArticle = try #require((piece["article_id"] as? NSNumber)?.intValue)
            let edited = try await check(.POST, "/api/v1/pieces/{id}", "/api/v1/pieces/\(pieceID)", ["title": "Exampleton talks, revised", "body": text + " More talks are planned."], token: token)
            #expect(edited["updated_by"] as? String == "ana" && (edited["article_id"] as? NSNumber)?.intValue == pieceArticle)
            let comment = try await check(.POST, "/api/v1/articles/{id}/comments", "/api/v1/articles/\(pieceArticle)/comments", ["body": "Useful, thanks."], token: token, status: "201")
            #expect(comment["state"] as? String == "pending")
            let commentID = try #require((comment["id"] as? NSNumber)?.intValue)
            _ = try await check(.POST, "/api/v1/comments/{id}/moderation", "/api/v1/comments/\(commentID)/moderation", ["approve": true], token: token, status: "204")
            #expect(try await w.store.comments(articleID: pieceArticle, states: [.approved]).map(\.body) == ["Useful, thanks."])
            let (_, current) = try await call(app, .GET, "/api/v1/session", headers: bearer(token))
            #expect((current as? [String: Any])?["bearer"] as? Bool == true)
            _ = try await check(.DELETE, "/api/v1/session", "/api/v1/session", nil, token: token, status: "204")
            let (ended, _) = try await call(app, .GET, "/api/v1/session", headers: bearer(token))
            #expect(ended == .unauthorized, "a token signed out is refused")
            #expect(exercised == Self.documentedWrites, "every documented write is exercised, and only those")
            #expect(try await w.store.count("notes") == 1)
            #expect(try await w.store.count("corrections") == 3)
            #expect(try await w.store.count("watchlists") == 1)
        }
    }

    @Test func writesNeedTheirRoleAndTheirToken() async throws {
        try await WorkspaceTests.withWorld { app, w in
            let note: [String: Any] = ["subject": "article", "id": w.article, "body": "Check the date."]
            let (anonymous, error) = try await call(app, .POST, "/api/v1/notes", json: note)
            #expect(anonymous == .unauthorized)
            #expect(((error as? [String: Any])?["error"] as? [String: Any])?["status"] as? Int == 401)
            let reader = try await Self.signIn(app, "rex")
            let (readerNote, _) = try await call(app, .POST, "/api/v1/notes", json: note, headers: bearer(reader))
            #expect(readerNote == .forbidden)
            let (readerCorrection, _) = try await call(app, .POST, "/api/v1/events/\(w.event)/corrections", json: ["field": "reject"], headers: bearer(reader))
            #expect(readerCorrection == .forbidden)
            let (readerMerge, _) = try await call(app, .POST, "/api/v1/actors/\(w.actor)/rename", json: ["name": "X"], headers: bearer(reader))
            #expect(readerMerge == .forbidden)
            let (readerFollows, _) = try await call(app, .POST, "/api/v1/watchlists", json: ["name": "Ann", "actors": ["Ann Example"]], headers: bearer(reader))
            #expect(readerFollows == .created, "readers may follow: it changes nothing of the record")
            let (readerPublishes, _) = try await call(app, .POST, "/api/v1/pieces", json: ["title": "Mine", "body": String(repeating: "Words of a reader. ", count: 3)], headers: bearer(reader))
            #expect(readerPublishes == .forbidden)
            let (readerModerates, _) = try await call(app, .GET, "/api/v1/comments", headers: bearer(reader))
            #expect(readerModerates == .forbidden)
            let (notAPiece, _) = try await call(app, .POST, "/api/v1/articles/\(w.article)/comments", json: ["body": "Hello"], headers: bearer(reader))
            #expect(notAPiece == .notFound, "only pieces take comments")

            let (stale, _) = try await call(app, .GET, "/api/v1/home", headers: bearer("not-a-token"))
            #expect(stale == .unauthorized)

            // A browser session: the cookie alone is not enough, its CSRF token must come too.
            var browser = Browser()
            _ = try await browser.signIn(app, "ana")
            let (noToken, _) = try await call(app, .POST, "/api/v1/notes", json: note, headers: browser.cookieHeader)
            #expect(noToken == .forbidden)
            let (_, current) = try await call(app, .GET, "/api/v1/session", headers: browser.cookieHeader)
            let csrf = try #require((current as? [String: Any])?["csrf"] as? String)
            var withToken = browser.cookieHeader
            withToken.add(name: "X-CSRF-Token", value: csrf)
            let (created, _) = try await call(app, .POST, "/api/v1/notes", json: note, headers: withToken)
            #expect(created == .created)

            // Bad bodies: a clear 400, nothing stored.
            let analyst = try await Self.signIn(app, "ana")
            let (missing, message) = try await call(app, .POST, "/api/v1/notes", json: ["subject": "article", "id": w.article], headers: bearer(analyst))
            #expect(missing == .badRequest)
            #expect((((message as? [String: Any])?["error"] as? [String: Any])?["message"] as? String)?.contains("\"body\"") == true)
            let (badField, _) = try await call(app, .POST, "/api/v1/events/\(w.event)/corrections", json: ["field": "mood", "value": "sad"], headers: bearer(analyst))
            #expect(badField == .badRequest)
            let (noActor, _) = try await call(app, .POST, "/api/v1/events/\(w.event)/corrections", json: ["field": "actors", "value": "Nobody Known"], headers: bearer(analyst))
            #expect(noActor == .badRequest)
            var form = bearer(analyst)
            form.contentType = .urlEncodedForm
            let (notJSON, _) = try await call(app, .POST, "/api/v1/notes", headers: form)
            #expect(notJSON == .badRequest)
            #expect(try await w.store.count("notes") == 1)
            #expect(try await w.store.count("event_corrections") == 0)

            // Sign-in: wrong passwords are refused and then limited (this app allows 3).
            for _ in 0..<3 {
                let (wrong, _) = try await call(app, .POST, "/api/v1/sessions", json: ["name": "ada", "password": "wrong password!"])
                #expect(wrong == .unauthorized)
            }
            let (limited, _) = try await call(app, .POST, "/api/v1/sessions", json: ["name": "ada", "password": "correct horse battery"])
            #expect(limited == .tooManyRequests)
        }
    }

    @Test func openModeWritesNeedTheCSRFHeader() async throws {
        try await WorkspaceTests.withWorld(access: .open) { app, w in
            let (signIn, _) = try await call(app, .POST, "/api/v1/sessions", json: ["name": "ana", "password": "correct horse battery"])
            #expect(signIn == .badRequest)
            let note: [String: Any] = ["subject": "actor", "id": w.actor, "body": "Local note."]
            let (forged, _) = try await call(app, .POST, "/api/v1/notes", json: note)
            #expect(forged == .forbidden, "another site cannot write through the open mode")
            let (_, current) = try await call(app, .GET, "/api/v1/session")
            let csrf = try #require((current as? [String: Any])?["csrf"] as? String)
            let (created, json) = try await call(app, .POST, "/api/v1/notes", json: note, headers: ["X-CSRF-Token": csrf])
            #expect(created == .created)
            #expect((json as? [String: Any])?["author"] as? String == "local")
        }
    }
}

@Suite("authorisation of every write route", .serialized)
struct EveryWriteRouteTests {
    /// What a reader may do: follow, comment, sign out. Everything else that writes needs more.
    static let readersMay: Set<String> = [
        "POST /watchlists", "POST /watchlists/:id/delete", "POST /articles/:id/comments", "POST /logout",
        "POST /api/v1/watchlists", "POST /api/v1/articles/:id/comments", "DELETE /api/v1/session",
    ]
    /// Signing in is open to all, behind its own checks (tested with the sign-in forms).
    static let signIn: Set<String> = ["POST /login", "POST /api/v1/sessions"]

    /// Every route that is not a GET, found in the application itself: a route added later is
    /// covered without being listed here.
    static func writeRoutes(_ app: Application) -> [String] {
        app.routes.all.filter { $0.method != .GET && $0.method != .HEAD }
            .map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
            .filter { !signIn.contains($0) }.sorted()
    }

    static func concrete(_ route: String, id: Int) -> (HTTPMethod, String) {
        let parts = route.split(separator: " ", maxSplits: 1)
        return (HTTPMethod(rawValue: String(parts[0])), String(parts[1]).replacingOccurrences(of: ":id", with: String(id)))
    }

    @Test func anonymousVisitorsAndReadersAreRefusedEverywhereTheyMayNotWrite() async throws {
        try await WorkspaceTests.withWorld { app, w in
            let routes = Self.writeRoutes(app)
            #expect(routes.count >= 25, "\(routes)")
            let before = try await w.store.dataVersion()
            let counts = { () async throws -> [Int] in
                var n: [Int] = []
                for table in ["notes", "event_corrections", "corrections", "watchlists", "pieces", "comments", "users", "sessions"] { n.append(try await w.store.count(table)) }
                return n
            }
            let initial = try await counts()

            // Anonymous: no route writes (401 for the signed-in kind, 403 where a token is missing first).
            for route in routes {
                let (method, path) = Self.concrete(route, id: w.event)
                var headers = HTTPHeaders()
                headers.contentType = path.hasPrefix("/api/") ? .json : .urlEncodedForm
                var status: HTTPStatus = .ok
                try await app.testing().test(method, path, headers: headers, body: ByteBuffer(string: path.hasPrefix("/api/") ? "{}" : "body=x")) { res async in
                    status = res.status
                }
                #expect([.unauthorized, .forbidden].contains(status), "anonymous \(route): \(status)")
            }

            // A reader with valid tokens: refused (403) wherever readers may not write.
            var reader = Browser()
            _ = try await reader.signIn(app, "rex")
            let (_, _, home) = try await reader.get(app, "/")
            let csrf = try #require(Browser.csrf(in: home))
            let token = try await APIWriteTests.signIn(app, "rex")
            for route in routes where !Self.readersMay.contains(route) {
                let (method, path) = Self.concrete(route, id: w.event)
                var status: HTTPStatus = .ok
                if path.hasPrefix("/api/") {
                    var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                    headers.contentType = .json
                    try await app.testing().test(method, path, headers: headers, body: ByteBuffer(string: "{}")) { res async in status = res.status }
                } else {
                    (status, _, _) = try await reader.post(app, path, ["csrf": csrf, "body": "x", "name": "x", "role": "admin", "other": "Bo Sample", "alias": "x", "field": "reject"])
                }
                #expect(status == .forbidden, "reader \(route): \(status)")
            }
            #expect(try await counts() == initial.enumerated().map { $0.offset == 7 ? $0.element + 2 : $0.element }, "nothing but the reader's two sessions was written")
            #expect(try await w.store.dataVersion() == before)
        }
    }
}
