import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import BackchannelStore
import BackchannelTestSupport

/// `serve` and `demo` as a user runs them: the binary, a loopback port, real HTTP.
@Suite("serve and demo commands", .serialized)
struct ServeCommandTests {
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func get(_ url: String) async -> (Int, String)? {
        guard let (data, response) = try? await URLSession.shared.data(from: URL(string: url)!) else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func demoIngestsTheCorpusThenServesIt() async throws {
        let data = try StoreCommandTests.temporaryFolder()
        let port = Self.freePort()
        let process = Process()
        process.executableURL = BinaryTests.binary
        process.arguments = ["demo", "--data", data, "--port", String(port), "--corpus", StoreCommandTests.corpus]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        // The first line on standard output is the address to open.
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let ready = String(decoding: line, as: UTF8.self)
        #expect(ready.contains("http://127.0.0.1:\(port)/"), "\(ready)")
        let home = await Self.get("http://127.0.0.1:\(port)/")
        #expect(home?.0 == 200)
        #expect(home?.1.contains("articles, the newest from") == true)
        // Every corpus page is there: full pages of 100, each pointing to the next, then the rest.
        var offset: Int? = 0
        var pages: [Int] = []
        while let from = offset, pages.count < 10 {
            let api = await Self.get("http://127.0.0.1:\(port)/api/v1/articles?limit=100&offset=\(from)")
            let page = (try? JSONSerialization.jsonObject(with: Data((api?.1 ?? "").utf8))) as? [String: Any]
            pages.append((page?["items"] as? [Any])?.count ?? -1)
            offset = page?["next_offset"] as? Int
            if let next = offset { #expect(next == from + 100) }
        }
        #expect(pages == [100, 100, 100, 100, 56])

        // A second server on the same port says so and stops.
        let second = try StoreCommandTests.run(["serve", "--data", data, "--port", String(port)])
        #expect(second.status == 1)
        #expect(second.err.contains("cannot listen on 127.0.0.1:\(port): the address is already in use"))
    }

    @Test func badOptionsAreRefusedBeforeAnythingStarts() throws {
        let data = try StoreCommandTests.temporaryFolder()
        let missing = try StoreCommandTests.run(["demo", "--data", data, "--corpus", "/nonexistent/corpus"])
        #expect(missing.status == 1)
        #expect(missing.err == "backchannel: error: --corpus /nonexistent/corpus: not a folder of articles\n")
        let port = try StoreCommandTests.run(["serve", "--data", data, "--port", "70000"])
        #expect(port.status == 64)
        #expect(port.err.contains("--port 70000: expected 1 to 65535"))
        let readers = try StoreCommandTests.run(["serve", "--data", data, "--readers", "0"])
        #expect(readers.status == 64)
    }

    static func run(_ arguments: [String], stdin: String) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = BinaryTests.binary
        process.arguments = arguments
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func usersAreManagedFromTheCommandLine() throws {
        let data = try StoreCommandTests.temporaryFolder()
        let add = try Self.run(["users", "add", "maria", "--role", "admin", "--password-stdin", "--data", data], stdin: "a long passphrase\n")
        #expect(add.status == 0, "\(add.err)")
        #expect(add.out == "added maria (admin)\n")
        let again = try Self.run(["users", "add", "maria", "--password-stdin", "--data", data], stdin: "a long passphrase\n")
        #expect(again.status == 1)
        #expect(again.err.contains("there is already a user of that name"))
        let short = try Self.run(["users", "add", "tom", "--password-stdin", "--data", data], stdin: "short\n")
        #expect(short.status == 1)
        #expect(short.err.contains("at least 10 characters"))
        let noTerminal = try Self.run(["users", "add", "tom", "--data", data], stdin: "")
        #expect(noTerminal.status != 0)
        #expect(noTerminal.err.contains("--password-stdin"))
        _ = try Self.run(["users", "add", "tom", "--role", "reader", "--password-stdin", "--data", data], stdin: "another long one\n")
        let role = try Self.run(["users", "role", "tom", "analyst", "--data", data], stdin: "")
        #expect(role.status == 0)
        let list = try Self.run(["users", "list", "--data", data], stdin: "")
        let lines = list.out.split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: " ") }
        #expect(lines == ["maria admin", "tom analyst"])
        let last = try Self.run(["users", "role", "maria", "reader", "--data", data], stdin: "")
        #expect(last.status == 1)
        #expect(last.err.contains("last admin"))
        let passwd = try Self.run(["users", "passwd", "tom", "--password-stdin", "--data", data], stdin: "a newer long one\n")
        #expect(passwd.status == 0)
    }

    @Test func openModeListensOnLoopbackOnly() throws {
        let data = try StoreCommandTests.temporaryFolder()
        let open = try StoreCommandTests.run(["serve", "--open", "--hostname", "0.0.0.0", "--data", data])
        #expect(open.status == 64)
        #expect(open.err.contains("--open gives every right"))
    }
}

@Suite("digest command", .serialized)
struct DigestCommandTests {
    @Test func followersGetTheNewEventsByMailOnce() async throws {
        let data = try StoreCommandTests.temporaryFolder()
        let ingest = try StoreCommandTests.run(["ingest", "--quiet", "--data", data, StoreCommandTests.corpus + "/witkoff-putin-st-petersburg.html"])
        #expect(ingest.status == 0)
        let add = try ServeCommandTests.run(["users", "add", "maria", "--email", "maria@institute.example", "--password-stdin", "--data", data],
                                            stdin: "a long passphrase\n")
        #expect(add.status == 0, "\(add.err)")
        let store = try await Store.open(.sqlite(path: data + "/backchannel.sqlite"))
        // An actor that takes part in one of the article's events.
        let followed = try await store.ints("SELECT actor_id FROM fused_participants ORDER BY fused_id LIMIT 1")[0]
        try await store.addWatchlist(owner: "maria", name: "Witkoff's travels", actors: [followed], query: nil, token: "t0ken")
        try await store.close()

        let dry = try StoreCommandTests.run(["digest", "--dry-run", "--data", data])
        #expect(dry.out.contains("To: maria@institute.example"))
        #expect(dry.out.contains("Witkoff's travels"))

        let sink = SMTPSink()
        let sent = try StoreCommandTests.run(["digest", "--smtp", "127.0.0.1:\(sink.port)", "--from", "backchannel@institute.example",
                                              "--base", "https://bc.institute.example", "--data", data])
        sink.wait()
        #expect(sent.status == 0, "\(sent.err)")
        #expect(sent.err.contains("digest: 1 sent, 0 failed"))
        #expect(sink.lines.contains("RCPT TO:<maria@institute.example>"))
        #expect(sink.lines.contains("Witkoff's travels"))
        #expect(sink.lines.contains { $0.hasPrefix("  https://bc.institute.example/events/") })
        // Nothing new since: no second mail.
        let again = try StoreCommandTests.run(["digest", "--smtp", "127.0.0.1:1", "--data", data])
        #expect(again.status == 0)
        #expect(again.err.contains("digest: 0 sent, 0 failed"))
        let missing = try StoreCommandTests.run(["digest", "--data", data])
        #expect(missing.status == 64)
    }
}

@Suite("briefing command", .serialized)
struct BriefingCommandTests {
    /// The first words of a sentence, before anything Markdown would escape.
    static func opening(_ sentence: String) -> String {
        String(sentence.prefix { $0.isLetter || $0.isNumber || $0 == " " || $0 == "," }.prefix(40))
    }

    @Test func aBackgrounderOfPickedEventsAndQuotes() async throws {
        let data = try StoreCommandTests.temporaryFolder()
        let ingest = try StoreCommandTests.run(["ingest", "--quiet", "--data", data, StoreCommandTests.corpus + "/witkoff-putin-st-petersburg.html",
                                                StoreCommandTests.corpus + "/riyadh-black-sea-talks.html"])
        #expect(ingest.status == 0)
        let store = try await Store.open(.sqlite(path: data + "/backchannel.sqlite"))
        let events = try await store.ints("SELECT id FROM fused_events ORDER BY id")
        let quotes = try await store.ints("SELECT id FROM quotes ORDER BY id")
        let sentence = try await store.eventDetail(events[0]).reports[0].sentence.text
        let unpicked = try await store.eventDetail(events[events.count - 1]).reports[0].sentence.text
        try await store.close()
        #expect(events.count > 2 && !quotes.isEmpty)

        let picked = try StoreCommandTests.run(["briefing", "--events", "\(events[0])", "--quotes", "\(quotes[0])", "--title", "Two items", "--data", data])
        #expect(picked.status == 0, "\(picked.err)")
        #expect(picked.out.hasPrefix("# Backgrounder: Two items"))
        #expect(picked.out.contains("1 events, 1 quotes"))
        #expect(picked.out.contains(Self.opening(sentence)))
        if Self.opening(unpicked) != Self.opening(sentence) { #expect(!picked.out.contains(Self.opening(unpicked))) }
        let both = try StoreCommandTests.run(["briefing", "--events", "1", "--actors", "Russia", "--data", data])
        #expect(both.status == 64 && both.err.contains("not both"))
        let bad = try StoreCommandTests.run(["briefing", "--events", "1,x", "--data", data])
        #expect(bad.status == 64 && bad.err.contains("expected ids"))
    }
}
