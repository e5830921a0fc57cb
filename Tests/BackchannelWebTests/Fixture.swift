import BackchannelCore
import BackchannelIngest
@testable import BackchannelStore
import BackchannelTestSupport
@testable import BackchannelWeb
import Foundation
import Testing
import VaporTesting

/// One in-memory store per test process: a handful of the corpus's articles read through
/// the whole pipeline, plus one hostile article whose text is full of markup.
enum Fixture {
    static let corpus = TestDatabases.repository.appendingPathComponent("Corpus/html")
    static let slugs = [
        "witkoff-putin-st-petersburg", "putin-trump-call-energy-truce", "jeddah-ceasefire-proposal", "riyadh-black-sea-talks",
        "iran-us-talks-muscat-first-round", "iran-us-talks-rome-second-round", "hegseth-udcg-debut-brussels", "istanbul-second-round-prisoner-deal",
    ]
    static let hostileTitle = "<img src=x onerror=alert(1)> Envoy's visit"
    static let hostileText = """
        Envoy <b>Mark Tester</b> met officials in Testville on Monday. <script>alert("owned")</script> The talks ended without a deal.
        """

    private static let shared = Task<Store, any Error> {
        let store = try await Store.open(.sqlite(path: ":memory:"))
        let ingestor = Ingestor(store: store)
        _ = try await ingestor.enqueue(slugs.map { corpus.appendingPathComponent("\($0).html").path })
        let summary = try await ingestor.run(progress: IngestProgress(interactive: false, quiet: true) { _ in })
        await ingestor.shutdown()
        guard summary.failed.isEmpty, summary.stored == slugs.count else {
            throw StoreError.invalid("fixture: \(summary.stored) stored, failures \(summary.failed)")
        }
        var hostile = ArticleBuilder(url: "javascript:alert(2)", published: "2025-05-05", title: hostileTitle, text: hostileText)
        let tester = hostile.entity("<b>Mark Tester</b>", .person, spellings: ["Mark Tester"], roles: ["Envoy"])
        let town = hostile.entity("Testville", .gpe)
        hostile.event(.consult, actors: [tester], targets: [town], place: town, date: "2025-05-05",
                      sentence: "Envoy <b>Mark Tester</b> met officials in Testville on Monday.", trigger: "met")
        hostile.quote("<script>alert(\"owned\")</script>", speaker: tester)
        _ = try await store.transaction { try await store.write(hostile.document, input: "hostile") }
        return store
    }

    static func store() async throws -> Store { try await shared.value }

    /// Runs `body` against an application over the shared store.
    static func withWeb<T>(access: AccessMode = .accounts(secureCookies: false), _ body: (Application, Store) async throws -> T) async throws -> T {
        let store = try await store()
        return try await withApp(configure: { app in try WebApp.configure(app, store: store, access: access) }) { app in
            try await body(app, store)
        }
    }

    static func id(_ store: Store, _ query: String) async throws -> Int {
        let ids = try await store.ints(query)
        guard let first = ids.first else { throw StoreError.notFound("fixture query found nothing: \(query)") }
        return first
    }

    static func hostileArticle(_ store: Store) async throws -> Int {
        try await id(store, "SELECT id FROM articles WHERE input = 'hostile'")
    }
}
