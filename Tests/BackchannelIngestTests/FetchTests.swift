@testable import BackchannelIngest
import Foundation
import Testing

/// Fetching within limits, and refusing to be turned against the machine's own network.
@Suite("fetching", .serialized)
struct FetchTests {
    static let page = "<html><head><title>T</title></head><body><article><p>Envoys met in Muscat on Saturday for a first round of talks.</p></article></body></html>"

    @Test(arguments: [
        "http://127.0.0.1/", "http://127.1.2.3:8080/admin", "http://localhost/", "http://10.0.0.7/", "http://172.20.1.1/",
        "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://[::1]/",
        "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://2130706433/",
    ])
    func refusesNonPublicAddressesWithoutConnecting(_ url: String) async throws {
        let fetcher = Fetcher(policy: FetchPolicy(timeout: 2))
        defer { Task { await fetcher.shutdown() } }
        do {
            _ = try await fetcher.fetch(url)
            Issue.record("\(url) was fetched")
        } catch {
            guard case .refused(_, let reason) = error else { Issue.record("\(url): \(error)"); return }
            #expect(reason.contains("--allow-private"))
        }
    }

    @Test func publicAddressesPassThePolicy() {
        #expect(AddressPolicy.nonPublicRange(.v4([8, 8, 8, 8])) == nil)
        #expect(AddressPolicy.nonPublicRange(.v4([172, 32, 0, 1])) == nil)
        #expect(AddressPolicy.nonPublicRange(.v6([0x2a, 0x00, 0x14, 0x50] + [UInt8](repeating: 1, count: 12))) == nil)
        #expect(AddressPolicy(allowPrivate: true).refusal(host: "127.0.0.1") == nil)
    }

    @Test func refusesOtherSchemes() async {
        let fetcher = Fetcher()
        defer { Task { await fetcher.shutdown() } }
        await #expect(throws: FetchError.badURL("file:///etc/passwd")) { try await fetcher.fetch("file:///etc/passwd") }
    }

    @Test func fetchesFollowsRedirectsAndChecksEveryHop() async throws {
        let server = try LocalServer()
        defer { server.stop() }
        server.route("/article", .page(Self.page))
        server.route("/moved", .redirect("/article"))
        server.route("/to-private", .redirect("http://10.9.8.7/internal"))
        server.route("/loop", .redirect("/loop"))
        server.route("/image", .page("GIF89a", type: "image/gif"))
        server.route("/big", .page(String(repeating: "x", count: 4096)))
        var policy = FetchPolicy(timeout: 3, maximumBytes: 1024, maximumRedirects: 3)
        policy.addresses.allowLoopbackOnly = true
        let fetcher = Fetcher(policy: policy)
        defer { Task { await fetcher.shutdown() } }

        let page = try await fetcher.fetch(server.base + "/moved")
        #expect(page.url == server.base + "/article")
        #expect(String(decoding: page.bytes, as: UTF8.self) == Self.page)

        await #expect(throws: FetchError.refused(url: "http://10.9.8.7/internal", reason: "10.9.8.7 is a private address (10.9.8.7); pass --allow-private to fetch from it")) {
            try await fetcher.fetch(server.base + "/to-private")
        }
        await #expect(throws: FetchError.tooManyRedirects(url: server.base + "/loop", limit: 3)) { try await fetcher.fetch(server.base + "/loop") }
        await #expect(throws: FetchError.contentType(url: server.base + "/image", type: "image/gif")) { try await fetcher.fetch(server.base + "/image") }
        await #expect(throws: FetchError.tooLarge(url: server.base + "/big", limit: 1024)) { try await fetcher.fetch(server.base + "/big") }
        await #expect(throws: FetchError.status(url: server.base + "/missing", code: 404)) { try await fetcher.fetch(server.base + "/missing") }
        // Nothing but loopback was contacted: the private hop was refused before any connection.
        #expect(!server.requests.contains("/internal"))
    }

    @Test func givesUpOnASilentServer() async throws {
        let server = try LocalServer()
        defer { server.stop() }
        server.route("/slow", LocalServer.Response(hang: true))
        let fetcher = Fetcher(policy: FetchPolicy(allowPrivate: true, timeout: 1))
        defer { Task { await fetcher.shutdown() } }
        await #expect(throws: FetchError.timeout(url: server.base + "/slow", seconds: 1)) { try await fetcher.fetch(server.base + "/slow") }
    }

    @Test func unreachableHostIsOneLine() async throws {
        let fetcher = Fetcher(policy: FetchPolicy(allowPrivate: true, timeout: 2))
        defer { Task { await fetcher.shutdown() } }
        do {
            _ = try await fetcher.fetch("http://127.0.0.1:9/")
            Issue.record("fetched from a closed port")
        } catch {
            #expect(error.description.hasPrefix("http://127.0.0.1:9/: "))
            #expect(!error.description.contains("\n"))
        }
    }
}

@Suite("feeds")
struct FeedTests {
    @Test func readsRSSAndAtomItemLinks() throws {
        let rss = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
            <item><title>One</title><link>https://wire.example/one</link></item>
            <item><title>Two</title><guid isPermaLink="true">https://wire.example/two</guid></item>
            <item><title>No link</title></item>
            <item><title>Script</title><link>javascript:alert(1)</link></item>
            <item><title>Relative</title><link>/three</link></item>
            <item><title>Again</title><link>https://wire.example/one</link></item>
            </channel></rss>
            """
        let feed = try #require(FeedParser.parse(Array(rss.utf8), baseURL: "https://wire.example/feed.xml"))
        #expect(feed.title == "Wire")
        #expect(feed.links == ["https://wire.example/one", "https://wire.example/two", "https://wire.example/three"])
        #expect(feed.brokenItems.count == 2)
        #expect(FeedParser.looksLikeFeed(Array(rss.utf8)))

        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
            <entry><title>A</title><link rel="alternate" href="https://desk.example/a"/><link rel="enclosure" href="https://desk.example/a.mp3"/></entry>
            <entry><title>B</title><link href="https://desk.example/b"/></entry>
            </feed>
            """
        let atomFeed = try #require(FeedParser.parse(Array(atom.utf8), baseURL: nil))
        #expect(atomFeed.links == ["https://desk.example/a", "https://desk.example/b"])
    }

    @Test func brokenFeedsAreNotFeeds() {
        #expect(FeedParser.parse(Array("<html><body>no</body></html>".utf8), baseURL: nil) == nil)
        #expect(FeedParser.parse([], baseURL: nil) == nil)
        #expect(!FeedParser.looksLikeFeed(Array("<!doctype html><html>".utf8)))
        // Truncated XML: recovered as far as it goes.
        let cut = "<rss><channel><item><link>https://a.example/1</link></item><item><link>https://a.exa"
        #expect(FeedParser.parse(Array(cut.utf8), baseURL: nil)?.links.first == "https://a.example/1")
    }
}
