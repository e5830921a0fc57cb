import BackchannelCore
import BackchannelStore
import Foundation
import SQLKit

/// The two backends every store test runs on. SQLite always; PostgreSQL when a throwaway
/// server can be started here (PostgreSQL 15 binaries, run as root, as in CI), or when
/// BACKCHANNEL_TEST_DATABASE_URL names one. CI sets BACKCHANNEL_REQUIRE_POSTGRES=1 so that
/// a missing server fails there instead of being passed over.
public enum TestDatabases {
    public enum Kind: String, CaseIterable, CustomStringConvertible, Sendable {
        case sqlite, postgres
        public var description: String { rawValue }
    }

    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new, empty store; nil when PostgreSQL is not available and not required.
    public static func fresh(_ kind: Kind) async throws -> Store? {
        switch kind {
        case .sqlite:
            let folder = try TemporaryFolders.make("bc-store")
            return try await Store.open(.sqlite(path: folder.appendingPathComponent("backchannel.sqlite").path))
        case .postgres:
            guard let url = try PostgresServer.shared.freshDatabase() else { return nil }
            return try await Store.open(.postgres(url: url))
        }
    }

    public static var postgresRequired: Bool { ProcessInfo.processInfo.environment["BACKCHANNEL_REQUIRE_POSTGRES"] == "1" }
}

/// One throwaway PostgreSQL server per test process (scripts/pg-throwaway.sh), stopped at exit.
public final class PostgresServer: @unchecked Sendable {
    public static let shared = PostgresServer()
    private let lock = NSLock()
    private var started = false
    private var port: String?
    private var baseURL: String?
    private var counter = 0
    nonisolated(unsafe) static var directory: String?

    struct Unavailable: Error, CustomStringConvertible { var description: String }

    /// A URL to a new empty database, or nil when no server can be had (and none is required).
    public func freshDatabase() throws -> String? {
        try lock.withLock {
            if !started {
                started = true
                try start()
            }
            guard let port else {
                if let baseURL { return baseURL } // an external server: one shared database
                return nil
            }
            counter += 1
            let name = "bc_\(ProcessInfo.processInfo.processIdentifier)_\(counter)"
            let status = run([script, "createdb", port, name]).status
            guard status == 0 else { throw Unavailable(description: "createdb \(name) failed") }
            return "postgres://postgres@127.0.0.1:\(port)/\(name)?tlsmode=disable"
        }
    }

    private var script: String { TestDatabases.repository.appendingPathComponent("scripts/pg-throwaway.sh").path }

    private func start() throws {
        if let external = ProcessInfo.processInfo.environment["BACKCHANNEL_TEST_DATABASE_URL"], !external.isEmpty {
            baseURL = external
            return
        }
        let result = run([script, "start"])
        guard result.status == 0 else {
            if TestDatabases.postgresRequired {
                throw Unavailable(description: "PostgreSQL is required (BACKCHANNEL_REQUIRE_POSTGRES=1) but could not start: \(result.err)")
            }
            return
        }
        for line in result.out.split(separator: "\n") {
            for assignment in line.replacingOccurrences(of: "export ", with: "").split(separator: " ") {
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 && parts[0] == "PGTEST_DIR" { PostgresServer.directory = parts[1] }
                if parts.count == 2 && parts[0] == "PGTEST_PORT" { port = parts[1] }
            }
        }
        atexit {
            guard let dir = PostgresServer.directory else { return }
            _ = PostgresServer.shared.run([TestDatabases.repository.appendingPathComponent("scripts/pg-throwaway.sh").path, "stop", dir])
        }
    }

    /// Runs the script with posix_spawn and waitpid, its output in files: Foundation's Process
    /// never saw the script end once the server it started had inherited its descriptors.
    func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        // Not under TemporaryFolders: this also runs at exit, to stop the server, and removes its own folder.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bc-pg-run-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path, errPath = folder.appendingPathComponent("err").path
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let command = "exec </dev/null >'\(outPath)' 2>'\(errPath)'; " + quoted
        var pid: pid_t = 0
        let words: [String] = ["/bin/bash", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/bash", nil, nil, argv, environ) == 0 else { return (127, "", "posix_spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let o = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "", e = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (code, o, e)
    }
}

/// Small hand-built articles: the store's behaviour, independent of the analysis stages.
public struct ArticleBuilder {
    public var url: String?
    public var published: String
    public var title: String
    public var text: String
    public var entities: [Entity] = []
    public var quotes: [Quote] = []
    public var events: [Event] = []

    public init(url: String?, published: String, title: String, text: String) {
        self.url = url
        self.published = published
        self.title = title
        self.text = text
    }

    /// Adds an entity with a mention at every occurrence of each of its spellings.
    @discardableResult
    public mutating func entity(_ name: String, _ type: EntityType, spellings: [String]? = nil, roles: [String] = [], affiliation: String? = nil) -> Entity.ID {
        let id = Entity.ID(rawValue: "E\(entities.count + 1)")
        var mentions: [Mention] = []
        for spelling in spellings ?? [name] {
            mentions += spans(of: spelling).map { Mention(span: $0) }
        }
        let roleObjects = roles.map { title in Role(title: title, span: spans(of: title).first ?? TextSpan(start: 0, end: 0)) }
        entities.append(Entity(id: id, name: name, type: type, roles: roleObjects, affiliation: affiliation, mentions: mentions))
        return id
    }

    public mutating func event(_ type: Event.Kind, actors: [Entity.ID], targets: [Entity.ID], place: Entity.ID? = nil, date: String? = nil,
                        sentence: String, trigger: String, position: Event.Position? = nil) {
        let s = spans(of: sentence).first ?? TextSpan(start: 0, end: text.unicodeScalars.count)
        let t = spans(of: trigger).first ?? s
        let d = date.map { DateMention(span: t, value: $0, granularity: $0.count == 10 ? .day : $0.count == 7 ? .month : .year) }
        events.append(Event(id: Event.ID(rawValue: "V\(events.count + 1)"), type: type, actors: actors, targets: targets, place: place, date: d,
                            position: position, sentence: s, trigger: t, confidence: 0.8))
    }

    public mutating func quote(_ words: String, speaker: Entity.ID?, cue: String = "said") {
        let span = spans(of: words).first!
        quotes.append(Quote(id: Quote.ID(rawValue: "Q\(quotes.count + 1)"), span: span, speaker: speaker, cue: cue, sentence: span))
    }

    public func spans(of needle: String) -> [TextSpan] {
        let hay = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= hay.count else { return [] }
        var found: [TextSpan] = []
        var i = 0
        while i <= hay.count - n.count {
            if Array(hay[i..<(i + n.count)]) == n {
                found.append(TextSpan(start: i, end: i + n.count))
                i += n.count
            } else {
                i += 1
            }
        }
        return found
    }

    public var document: Document {
        let parts = published.split(separator: "-").compactMap { Int($0) }
        var metadata = Metadata(title: title, published: Timestamp(year: parts[0], month: parts[1], day: parts[2]), siteName: "Test Wire")
        metadata.url = url
        var document = Document(metadata: metadata, text: text)
        document.sentences = [Sentence(span: TextSpan(start: 0, end: text.unicodeScalars.count))]
        document.entities = entities
        document.quotes = quotes
        document.events = events
        return document
    }
}

extension Store {
    public func count(_ table: String, _ condition: String = "1 = 1") async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: condition)").first()!.decode(column: "n", as: Int.self)
    }

    public func strings(_ query: String) async throws -> [String] {
        try await sql.raw("\(unsafeRaw: query)").all().map { row in
            try row.decode(column: row.allColumns[0], as: String.self)
        }
    }

    public func ints(_ query: String) async throws -> [Int] {
        try await sql.raw("\(unsafeRaw: query)").all().map { row in
            try row.decode(column: row.allColumns[0], as: Int.self)
        }
    }
}
