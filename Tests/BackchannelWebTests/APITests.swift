@testable import BackchannelStore
import BackchannelTestSupport
import BackchannelIngest
@testable import BackchannelWeb
import Foundation
import Testing
import VaporTesting

private func getJSON(_ app: Application, _ path: String) async throws -> (HTTPStatus, HTTPHeaders, Any) {
    var result: (HTTPStatus, HTTPHeaders, Data) = (.internalServerError, [:], Data())
    try await app.testing().test(.GET, path) { res async in
        result = (res.status, res.headers, Data(res.body.readableBytesView))
    }
    let value = try JSONSerialization.jsonObject(with: result.2, options: [.fragmentsAllowed])
    return (result.0, result.1, value)
}

@Suite("JSON API and its OpenAPI document")
struct APITests {
    nonisolated(unsafe) static let document = try! JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as! [String: Any]
    static var validator: SchemaValidator { SchemaValidator(document: document) }

    /// The 200 (or other) response schema the document gives for a path.
    static func schema(path: String, method: String = "get", status: String = "200") -> [String: Any]? {
        let paths = document["paths"] as? [String: Any]
        let operation = (paths?[path] as? [String: Any])?[method] as? [String: Any]
        let response = (operation?["responses"] as? [String: Any])?[status] as? [String: Any]
        return ((response?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
    }

    /// A real request for every path in the document.
    static func requests(_ store: Store) async throws -> [String: String] {
        let article = try await Fixture.id(store, "SELECT id FROM articles WHERE input LIKE '%witkoff-putin-st-petersburg.html'")
        let actor = try await store.actorID(named: "Steve Witkoff")
        let event = try await Fixture.id(store, "SELECT fused_id FROM events GROUP BY fused_id ORDER BY COUNT(*) DESC, fused_id LIMIT 1")
        let russia = try await store.actorID(named: "Russia"), ukraine = try await store.actorID(named: "Ukraine")
        return [
            "/api/v1/home": "/api/v1/home",
            "/api/v1/articles": "/api/v1/articles?limit=3",
            "/api/v1/articles/{id}": "/api/v1/articles/\(article)",
            "/api/v1/actors": "/api/v1/actors?limit=5&type=PERSON",
            "/api/v1/actors/{id}": "/api/v1/actors/\(actor)",
            "/api/v1/events": "/api/v1/events?limit=5",
            "/api/v1/events/{id}": "/api/v1/events/\(event)",
            "/api/v1/storylines": "/api/v1/storylines?limit=5",
            "/api/v1/storyline": "/api/v1/storyline?actors=\(russia),\(ukraine)",
            "/api/v1/tracker": "/api/v1/tracker?actors=\(russia),\(ukraine)",
            "/api/v1/search": "/api/v1/search?q=ceasefire&limit=3",
            "/api/v1/quotes": "/api/v1/quotes?q=talks&limit=3",
            "/api/v1/notes": "/api/v1/notes?subject=article&id=\(article)",
            "/api/v1/briefing": "/api/v1/briefing?actors=\(russia),\(ukraine)&since=2025-01-01",
            "/api/v1/session": "/api/v1/session",
            "/api/v1/watchlists": "/api/v1/watchlists",
            "/api/v1/pieces": "/api/v1/pieces",
            "/api/v1/comments": "/api/v1/comments",
        ]
    }

    /// The documented paths that answer GET.
    static var readablePaths: Set<String> {
        Set((document["paths"] as! [String: Any]).filter { ($0.value as! [String: Any])["get"] != nil }.keys)
    }

    @Test func everyDocumentedPathAnswersWhatTheDocumentSays() async throws {
        // Open mode: every right, so that the analysts' endpoints answer too.
        try await Fixture.withWeb(access: .open) { app, store in
            let article = try await Fixture.id(store, "SELECT id FROM articles WHERE input LIKE '%witkoff-putin-st-petersburg.html'")
            if try await store.notes(on: .article, id: article).isEmpty {
                _ = try await store.addNote(on: .article, id: article, by: User(id: 0, name: "tester", role: .analyst, createdAt: ""), body: "A note to check the API.")
            }
            let requests = try await Self.requests(store)
            #expect(Self.readablePaths == Set(requests.keys), "every documented GET is exercised, and only those")
            for (path, request) in requests.sorted(by: { $0.key < $1.key }) {
                let (status, headers, json) = try await getJSON(app, request)
                #expect(status == .ok, "\(request)")
                #expect(headers.contentType == .json, "\(request)")
                let schema = try #require(Self.schema(path: path), "\(path) has a 200 schema")
                let problems = Self.validator.validate(json, against: schema)
                #expect(problems.isEmpty, "\(request): \(problems.prefix(5))")
            }
        }
    }

    @Test func theValidatorCatchesAResponseThatDoesNotConform() {
        let schema = APITests.schema(path: "/api/v1/events/{id}")!
        let wrong: [String: Any] = ["event": ["id": "seven"], "reports": [], "extra": 1]
        let problems = Self.validator.validate(wrong, against: schema)
        #expect(problems.contains { $0.contains("$.event.id: expected an integer") })
        #expect(problems.contains { $0.contains("extra is not in the schema") })
        #expect(problems.contains { $0.contains("missing required type") })
    }

    @Test func errorsAreJSONWithTheirStatus() async throws {
        try await Fixture.withWeb { app, _ in
            for (request, code) in [("/api/v1/notes?subject=article&id=1", 401), ("/api/v1/articles/abc", 400), ("/api/v1/articles/99999999", 404), ("/api/v1/events?type=NOPE", 400),
                                    ("/api/v1/search?since=yesterday", 400), ("/api/v1/nothing", 404), ("/api/v1/storyline", 400),
                                    ("/api/v1/articles?offset=-1", 400)] {
                let (status, headers, json) = try await getJSON(app, request)
                #expect(Int(status.code) == code, "\(request)")
                #expect(headers.contentType == .json)
                let problems = Self.validator.validate(json, against: ["$ref": "#/components/schemas/Error"])
                #expect(problems.isEmpty, "\(request): \(problems)")
                let error = (json as? [String: Any])?["error"] as? [String: Any]
                #expect(error?["status"] as? Int == code)
                #expect((error?["message"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test func offsetsLeadBackToTheWordsOfTheText() async throws {
        let store = try await Fixture.store()
        let id = try await Fixture.id(store, "SELECT id FROM articles WHERE input LIKE '%witkoff-putin-st-petersburg.html'")
        let article = try await store.articleDetail(id)
        let scalars = Array(article.text.unicodeScalars)
        func slice(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(scalars[a..<b])) }
        #expect(!article.entities.isEmpty && !article.quotes.isEmpty && !article.events.isEmpty)
        for entity in article.entities {
            for mention in entity.mentions { #expect(slice(mention.start, mention.end) == mention.text) }
        }
        for quote in article.quotes { #expect(slice(quote.start, quote.end) == quote.text) }
        for card in article.events {
            let detail = try await store.eventDetail(card.id)
            for report in detail.reports where report.articleID == id {
                #expect(slice(report.sentence.start, report.sentence.end) == report.sentence.text)
                #expect(slice(report.trigger.start, report.trigger.end) == report.trigger.text)
            }
        }
    }

    @Test func pagesDoNotOverlapAndSayWhenThereIsMore() async throws {
        try await Fixture.withWeb { app, store in
            let total = try await store.count("articles")
            var seen: [Int] = []
            var offset: Int? = 0
            while let current = offset {
                let (_, _, json) = try await getJSON(app, "/api/v1/articles?limit=4&offset=\(current)")
                let page = json as! [String: Any]
                seen += (page["items"] as! [[String: Any]]).map { $0["id"] as! Int }
                offset = page["next_offset"] as? Int
            }
            #expect(seen.count == total)
            #expect(Set(seen).count == total)
        }
    }

    @Test func eventsFilterByTypeActorAndDates() async throws {
        try await Fixture.withWeb { app, store in
            let witkoff = try await store.actorID(named: "Steve Witkoff")
            let (_, _, json) = try await getJSON(app, "/api/v1/events?type=CONSULT&actor=\(witkoff)&since=2025-01-01&until=2025-12-31&limit=100")
            let items = (json as! [String: Any])["items"] as! [[String: Any]]
            #expect(!items.isEmpty)
            for item in items {
                #expect(item["type"] as? String == "CONSULT")
                let day = item["day"] as? String ?? ""
                #expect(day >= "2025-01-01" && day <= "2025-12-31")
                let ids = ((item["actors"] as! [[String: Any]]) + (item["targets"] as! [[String: Any]])).map { $0["id"] as! Int }
                #expect(ids.contains(witkoff))
            }
        }
    }

    @Test func theDocumentIsServedAndDescribesAllSchemas() async throws {
        try await Fixture.withWeb { app, _ in
            let (status, _, json) = try await getJSON(app, "/api/openapi.json")
            #expect(status == .ok)
            let doc = json as! [String: Any]
            #expect(doc["openapi"] as? String == "3.0.3")
            // Every $ref points at a schema that exists.
            let schemas = Set(((doc["components"] as! [String: Any])["schemas"] as! [String: Any]).keys)
            let refs = OpenAPIDocument.json.components(separatedBy: "#/components/schemas/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(!refs.isEmpty)
            for ref in refs { #expect(schemas.contains(ref), "\(ref)") }
        }
    }
}

@Suite("the read model on both databases")
struct ReadModelDatabaseTests {
    /// The same API requests on a fresh SQLite file and on PostgreSQL: every query the pages
    /// make is written once and must run on both.
    @Test(arguments: TestDatabases.Kind.allCases)
    func everyEndpointAnswersOnEachDatabase(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        let ingestor = Ingestor(store: store)
        _ = try await ingestor.enqueue(Fixture.slugs.map { Fixture.corpus.appendingPathComponent("\($0).html").path })
        let summary = try await ingestor.run(progress: IngestProgress(interactive: false, quiet: true) { _ in })
        await ingestor.shutdown()
        #expect(summary.stored == Fixture.slugs.count)
        try await withApp(configure: { app in try WebApp.configure(app, store: store, access: .open) }) { app in
            for (path, request) in try await APITests.requests(store).sorted(by: { $0.key < $1.key }) {
                let (status, _, json) = try await getJSON(app, request)
                #expect(status == .ok, "\(kind) \(request)")
                let problems = APITests.validator.validate(json, against: APITests.schema(path: path)!)
                #expect(problems.isEmpty, "\(kind) \(request): \(problems.prefix(3))")
            }
            for page in ["/", "/articles", "/events", "/actors", "/storylines", "/search?q=talks", "/search?scope=quotes&q=talks"] {
                try await app.testing().test(.GET, page) { res async in
                    #expect(res.status == .ok, "\(kind) \(page)")
                }
            }
        }
        let tracker = try await store.negotiationTracker(actors: [try await store.actorID(named: "Russia")], query: "ceasefire")
        #expect(!tracker.cells.isEmpty, "\(kind): positions in the Russia × ceasefire storyline")
        try await store.close()
    }
}
