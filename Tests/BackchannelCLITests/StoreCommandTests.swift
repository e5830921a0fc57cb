import BackchannelStore
import BackchannelTestSupport
import Foundation
import SQLKit
import Testing

/// The store commands through the real executable: kill -9 in the middle of ingest, two
/// workers on one PostgreSQL, search and export on the command line.
@Suite("store commands", .serialized)
struct StoreCommandTests {
    static let corpus = ExtractCommandTests.repository.appendingPathComponent("Corpus/html").path

    static func temporaryFolder() throws -> String {
        try TemporaryFolders.make("bc-cli").path
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = BinaryTests.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try BinaryTests().run(arguments)
    }

    /// Integrity after each kill: SQLite's own check, no fact without its article, every
    /// finished queue item pointing at a stored article.
    static func checkIntegrity(_ store: Store) async throws {
        #expect(try await store.strings("PRAGMA integrity_check") == ["ok"])
        #expect(try await store.count("entities", "article_id NOT IN (SELECT id FROM articles)") == 0)
        #expect(try await store.count("mentions", "entity_id NOT IN (SELECT id FROM entities)") == 0)
        #expect(try await store.count("events", "article_id NOT IN (SELECT id FROM articles)") == 0)
        #expect(try await store.count("queue", "state = 'done' AND article_id IS NOT NULL AND article_id NOT IN (SELECT id FROM articles)") == 0)
    }

    @Test func killedAtRandomPointsIngestEndsWithEveryArticleOnce() async throws {
        let data = try Self.temporaryFolder()
        let total = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter { $0.hasSuffix(".html") }.count
        var random = SystemRandomNumberGenerator()
        let seedDelays = (0..<5).map { _ in UInt32.random(in: 150...900, using: &random) }
        for delay in seedDelays {
            let process = try Self.start(["ingest", "--quiet", "--data", data, Self.corpus])
            usleep(delay * 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let store = try await Store.open(.sqlite(path: data + "/backchannel.sqlite"))
            try await Self.checkIntegrity(store)
            let stored = try await store.count("articles")
            #expect(stored <= total)
            try await store.close()
        }
        let finish = try Self.run(["ingest", "--quiet", "--data", data, Self.corpus])
        #expect(finish.status == 0, "\(finish.err)")
        let store = try await Store.open(.sqlite(path: data + "/backchannel.sqlite"))
        try await Self.checkIntegrity(store)
        #expect(try await store.count("articles") == total)
        #expect(try await store.ints("SELECT MAX(version) FROM articles") == [1])
        #expect(try await store.count("queue", "state = 'pending'") == 0)
        try await store.close()
    }

    @Test func twoWorkersOnOnePostgreSQLNeverTakeOneInputTwice() async throws {
        guard let url = try PostgresServer.shared.freshDatabase() else { return }
        // Migrate once so that both workers start on the same schema.
        try await Store.open(.postgres(url: url)).close()
        let total = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter { $0.hasSuffix(".html") }.count
        let a = try Self.start(["ingest", "--quiet", "--database", url, Self.corpus])
        // The second starts while the first is under way: it must not redo what the first finished.
        usleep(800_000)
        let b = try Self.start(["ingest", "--quiet", "--database", url, Self.corpus])
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let store = try await Store.open(.postgres(url: url))
        #expect(try await store.count("articles") == total)
        #expect(try await store.ints("SELECT MAX(version) FROM articles") == [1])
        // Each input was done exactly once, by one worker or the other.
        #expect(try await store.count("queue", "state = 'done'") == total)
        #expect(try await store.ints("SELECT COUNT(*) FROM (SELECT input FROM queue WHERE state = 'done' GROUP BY input HAVING COUNT(*) > 1) t") == [0])
        let workers = try await store.ints("SELECT COUNT(DISTINCT worker) FROM queue WHERE state = 'done'")
        #expect(workers.first ?? 0 >= 1)
        try await store.close()
    }

    @Test func searchExportAndActorsOnTheCommandLine() throws {
        let data = try Self.temporaryFolder()
        let ingest = try Self.run(["ingest", "--data", data, Self.corpus])
        #expect(ingest.status == 0)
        #expect(ingest.err.contains("stored"))
        #expect(ingest.err.contains("ingest: 456 stored, 0 updated, 0 duplicates, 0 failed"))

        let search = try Self.run(["search", "--data", data, "--format", "jsonl", "ceasefire", "--limit", "5"])
        #expect(search.status == 0)
        #expect(search.out.split(separator: "\n").count == 5)

        let csv = try Self.run(["export", "events", "--data", data, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.out.hasPrefix("id,type,mode,modality,date"))

        let plover = try Self.run(["export", "events", "--data", data, "--format", "plover", "--since", "2025-06-01"])
        let lines = plover.out.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            #expect((record["date"] as! String) >= "2025-06-01")
        }

        let badDate = try Self.run(["search", "--data", data, "--since", "yesterday"])
        #expect(badDate.status == 1)
        #expect(badDate.err == "backchannel: error: --since yesterday: expected a date as YYYY-MM-DD\n")

        let unknown = try Self.run(["actors", "show", "--data", data, "Nobody Atall"])
        #expect(unknown.err == "backchannel: error: no actor is known as \"Nobody Atall\"\n")

        let badDatabase = try Self.run(["search", "--database", "postgres://nobody@127.0.0.1:1/none", "x"])
        #expect(badDatabase.status == 1)
        #expect(badDatabase.err.hasPrefix("backchannel: error: postgres://nobody@127.0.0.1:1/none: cannot connect to PostgreSQL"))
    }
}
