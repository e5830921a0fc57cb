@testable import BackchannelIngest
import BackchannelStore
import BackchannelTestSupport
import Foundation
import SQLKit
import Testing

/// `ingest` in-process: files, bad inputs, feeds over HTTP on loopback.
@Suite("ingest", .serialized)
struct IngestTests {
    static let corpus = TestDatabases.repository.appendingPathComponent("Corpus/html")

    static func corpusPages(_ n: Int) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "html" }.sorted { $0.path < $1.path }.prefix(n).map { $0 }
    }

    static func temporaryFolder() throws -> URL {
        try TemporaryFolders.make("bc-ingest")
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func badInputsFailAloneAndNothingStoredIsLost(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        let folder = try Self.temporaryFolder()
        for page in try Self.corpusPages(3) {
            try FileManager.default.copyItem(at: page, to: folder.appendingPathComponent(page.lastPathComponent))
        }
        let ingestor = Ingestor(store: store)
        defer { Task { await ingestor.shutdown() } }
        let (queued, errors) = try await ingestor.enqueue([folder.path])
        #expect(queued == 3 && errors.isEmpty)
        let first = try await ingestor.run()
        #expect(first.stored == 3 && first.failed.isEmpty)
        let entities = try await store.count("entities")

        // Now the same folder with bad files beside the good ones.
        FileManager.default.createFile(atPath: folder.appendingPathComponent("empty.html").path, contents: Data())
        FileManager.default.createFile(atPath: folder.appendingPathComponent("binary.html").path, contents: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D] + [UInt8](repeating: 0, count: 200)))
        FileManager.default.createFile(atPath: folder.appendingPathComponent("broken.xml").path, contents: Data("<rss><channel><item><title>no link".utf8))
        let (_, missing) = try await ingestor.enqueue([folder.path, "/nonexistent/page.html", "gopher://old.example/"])
        #expect(missing == ["/nonexistent/page.html: no such file or directory", "gopher://old.example/: only http and https URLs can be fetched"])
        let second = try await ingestor.run()
        // The three good files have not changed: they are not read again.
        #expect(second.skipped == 3 && second.duplicates == 0 && second.stored == 0)
        #expect(second.failed.count == 3)
        #expect(second.failed.allSatisfy { !$0.reason.isEmpty && !$0.reason.contains("\n") })
        #expect(try await store.count("articles") == 3)
        #expect(try await store.count("entities") == entities)

        // A file that changes is read again and its article replaced.
        let page = try Self.corpusPages(1)[0]
        let copy = folder.appendingPathComponent(page.lastPathComponent)
        let html = try String(contentsOf: copy, encoding: .utf8)
        try html.replacingOccurrences(of: "</article>", with: "<p>A late paragraph added by the desk after the talks ended.</p></article>")
            .write(to: copy, atomically: true, encoding: .utf8)
        _ = try await ingestor.enqueue([folder.path])
        let third = try await ingestor.run()
        #expect(third.updated == 1 && third.stored == 0)
        #expect(try await store.count("articles") == 3)
    }

    @Test func feedsOverHTTPAreFollowedAndSSRFIsRefused() async throws {
        let server = try LocalServer()
        defer { server.stop() }
        let pages = try Self.corpusPages(2)
        for (i, page) in pages.enumerated() {
            server.route("/news/\(i)", .page(try String(contentsOf: page, encoding: .utf8)))
        }
        let feed = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
            <item><title>A</title><link>\(server.base)/news/0</link></item>
            <item><title>B</title><link>/news/1</link></item>
            <item><title>Gone</title><link>\(server.base)/news/404</link></item>
            <item><title>Nothing</title></item>
            </channel></rss>
            """
        server.route("/feed.xml", .page(feed, type: "application/rss+xml"))

        // Without --allow-private the loopback feed is refused, and nothing is fetched.
        let guarded = try await TestDatabases.fresh(.sqlite)!
        let refusing = Ingestor(store: guarded)
        _ = try await refusing.enqueue([server.base + "/feed.xml"])
        let refused = try await refusing.run()
        #expect(refused.failed.count == 1 && refused.failed[0].reason.contains("loopback"))
        #expect(server.requests.isEmpty)
        await refusing.shutdown()
        try await guarded.close()

        let store = try await TestDatabases.fresh(.sqlite)!
        var options = IngestOptions()
        options.fetch = FetchPolicy(allowPrivate: true, timeout: 5)
        let ingestor = Ingestor(store: store, options: options)
        _ = try await ingestor.enqueue([server.base + "/feed.xml"])
        let summary = try await ingestor.run()
        await ingestor.shutdown()
        #expect(summary.feeds == 1 && summary.feedItems == 3)
        #expect(summary.stored == 2)
        #expect(summary.failed.map(\.reason) == ["\(server.base)/news/404: the server answered HTTP 404"])
        #expect(try await store.count("articles") == 2)
        try await store.close()
    }
}
