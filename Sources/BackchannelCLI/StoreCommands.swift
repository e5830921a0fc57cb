import ArgumentParser
import BackchannelIngest
import BackchannelStore
import Foundation

/// `--data` and `--database`: where the store is.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of the embedded SQLite store (default ./backchannel-data).")
    var data: String?

    @Option(name: .long, help: "A PostgreSQL URL (postgres://user@host:port/db) instead of SQLite; also read from DATABASE_URL.")
    var database: String?

    func open() async throws -> Store {
        let location = try DatabaseLocation.resolve(data: data, database: database)
        return try await Store.open(location)
    }
}

/// Runs `body` with an open store, closing it afterwards. Any error is printed as one line
/// (`backchannel: error: …`) and the command exits with status 1.
func withStore<T>(_ options: StoreOptions, _ body: (Store) async throws -> T) async throws -> T {
    let store: Store
    do {
        store = try await options.open()
    } catch {
        printError(String(describing: error))
        throw ExitCode(1)
    }
    do {
        let value = try await body(store)
        try? await store.close()
        return value
    } catch let exit as ExitCode {
        try? await store.close()
        throw exit
    } catch {
        try? await store.close()
        printError(String(describing: error))
        throw ExitCode(1)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("backchannel: error: \(message)\n".utf8))
}

// MARK: - ingest

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read pages, directories, feeds and URLs into the store.",
        discussion: """
            INPUT is a file, a directory (its .html, .htm, .txt, .xml, .rss and .atom files), an RSS or \
            Atom feed (a file or a URL: its item links are fetched too), or an http(s) URL. Inputs go \
            through a queue in the store: the same article is stored once, a changed version replaces \
            the old one, and several ingest processes on one PostgreSQL share the work. A process killed \
            at any moment loses nothing: run it again. Fetching refuses loopback, private and link-local \
            addresses unless --allow-private.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Allow fetching from loopback, private and link-local addresses.")
    var allowPrivate = false

    @Option(name: .long, help: "Seconds to wait for a URL.")
    var timeout: Int64 = 20

    @Option(name: .long, help: "Refuse pages and files larger than this many megabytes.")
    var maxMegabytes: Int = 16

    @Option(name: .long, help: "Follow at most this many redirects.")
    var maxRedirects: Int = 5

    @Option(name: .long, help: "Articles committed together; each is still stored whole or not at all (default 256 on SQLite, or what one second gives; 1 on PostgreSQL).")
    var batch: Int?

    @Flag(name: .long, help: "Print only the summary.")
    var quiet = false

    @Argument(help: "Files, directories, feeds or URLs.")
    var inputs: [String] = []

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one INPUT (a file, a directory, a feed or a URL)") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        if maxMegabytes < 1 { throw ValidationError("--max-megabytes must be at least 1") }
        if maxRedirects < 0 { throw ValidationError("--max-redirects cannot be negative") }
        if let batch, batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() async throws {
        var options = IngestOptions()
        options.fetch = FetchPolicy(allowPrivate: allowPrivate, timeout: timeout, maximumBytes: maxMegabytes << 20, maximumRedirects: maxRedirects)
        options.maximumFileBytes = maxMegabytes << 20
        options.batchSize = batch
        let failed: Bool = try await withStore(store) { store in
            let ingestor = Ingestor(store: store, options: options)
            do {
                let (_, errors) = try await ingestor.enqueue(inputs)
                for error in errors { printError(error) }
                let summary = try await ingestor.run(progress: .standardError(quiet: quiet))
                await ingestor.shutdown()
                return !errors.isEmpty || !summary.failed.isEmpty
            } catch {
                await ingestor.shutdown()
                throw error
            }
        }
        if failed { throw ExitCode(1) }
    }
}

// MARK: - search

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search articles (or quotes) by words, actor, event type, dates and place.",
        discussion: """
            Words must all occur; "quoted phrases" stay phrases. Without words, the newest articles \
            matching the filters come first. Examples:
              backchannel search ceasefire --actor Witkoff --since 2025-03-01
              backchannel search --type SANCTION --place Iran
              backchannel search --quotes "get moving" --actor Trump
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "An actor by any spelling (articles naming it; with --quotes, its quotes).")
    var actor: String?

    @Option(name: .long, help: "A PLOVER event type the article reports (CONSULT, DEMAND, SANCTION…).")
    var type: String?

    @Option(name: .long, help: "Published on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(name: .long, help: "Published on or before this day (YYYY-MM-DD).")
    var until: String?

    @Option(name: .long, help: "A place the article names.")
    var place: String?

    @Flag(name: .long, help: "Search quotes instead of articles.")
    var quotes = false

    @Option(name: .long, help: "At most this many results (1–1000).")
    var limit: Int = 20

    @Option(name: .long, help: "Skip this many results.")
    var offset: Int = 0

    @Option(name: .long, help: "Output: text or jsonl.")
    var format: Format = .text

    @Argument(help: "Words to look for.")
    var words: [String] = []

    func run() async throws {
        let query = SearchQuery(text: words.isEmpty ? nil : words.joined(separator: " "), actor: actor, eventType: type,
                                since: since, until: until, place: place, limit: limit, offset: offset)
        let out = FileStream(FileHandle.standardOutput)
        try await withStore(store) { store in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if quotes {
                let hits = try await store.searchQuotes(query)
                for hit in hits {
                    switch format {
                    case .jsonl: out.write(String(decoding: try encoder.encode(hit), as: UTF8.self) + "\n")
                    case .text:
                        out.write("“\(hit.text)” — \(hit.speaker ?? "unattributed")\n    \(hit.published.map { String($0.prefix(10)) } ?? "undated")  \(hit.title ?? "")\n")
                    }
                }
                if hits.isEmpty && format == .text { out.write("no quotes found\n") }
            } else {
                let hits = try await store.searchArticles(query)
                for hit in hits {
                    switch format {
                    case .jsonl: out.write(String(decoding: try encoder.encode(hit), as: UTF8.self) + "\n")
                    case .text:
                        out.write("[\(hit.id)] \(hit.published.map { String($0.prefix(10)) } ?? "undated")  \(hit.title ?? "(untitled)")\(hit.site.map { " — \($0)" } ?? "")\n    \(hit.snippet)\n")
                    }
                }
                if hits.isEmpty && format == .text { out.write("no articles found\n") }
            }
            out.flush()
        }
    }
}

// MARK: - export

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write articles, events, quotes or actors as CSV, JSON Lines or PLOVER records.",
        discussion: """
            events are events, not reports: one record per real event with every article that \
            reported it. --format plover writes events with PLOVER's JSON field names (id, date, \
            source, recipient, event, mode, event_loc, event_text, quad_code, cite_info…), one per line.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "articles, events, quotes or actors.")
    var kind: ExportKind

    @Option(name: .long, help: "csv, jsonl or plover (events only).")
    var format: ExportFormat = .jsonl

    @Option(name: .long, help: "Only records dated on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let h = FileHandle(forWritingAtPath: output) else {
                printError("\(output): cannot be written")
                throw ExitCode(1)
            }
            handle = h
        } else {
            handle = FileHandle.standardOutput
        }
        let out = FileStream(handle)
        let count = try await withStore(store) { store in
            try await store.export(kind, format: format, since: since) { out.write($0) }
        }
        out.flush()
        if output != nil { FileHandle.standardError.write(Data("export: \(count) \(kind.rawValue) written to \(output!)\n".utf8)) }
    }
}

extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

// MARK: - actors

struct ActorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "List actors and correct the machine: merge, split, rename.",
        discussion: "Corrections are kept in the store and survive re-ingestion of the same articles.",
        subcommands: [List.self, Show.self, Merge.self, Split.self, Rename.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Actors by the number of articles naming them.")
        @OptionGroup var store: StoreOptions
        @Option(name: .long, help: "PERSON, ORG, GPE, LOC, NORP or FAC.") var type: String?
        @Option(name: .long, help: "At most this many.") var limit: Int = 50
        func run() async throws {
            try await withStore(store) { store in
                for actor in try await store.actors(type: type?.uppercased(), limit: limit) {
                    print("\(actor.id)\t\(actor.type)\t\(actor.name)\t\(actor.articles) articles\t\(actor.aliases.joined(separator: " | "))")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An actor's spellings and article count.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "An actor id or name.") var actor: String
        func run() async throws {
            try await withStore(store) { store in
                let a = try await store.actor(try await store.actorID(named: actor))
                print("\(a.id)\t\(a.type)\t\(a.name)\n  spellings: \(a.aliases.joined(separator: ", "))\n  articles: \(a.articles)")
            }
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make OTHER part of KEEP (everything said of OTHER is said of KEEP).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The actor to keep (id or name).") var keep: String
        @Argument(help: "The actor merged into it (id or name).") var other: String
        @Option(name: .customLong("by"), help: "Who makes the correction, for the audit trail (default: your login name).") var user: String?
        func run() async throws {
            try await withStore(store) { store in
                let k = try await store.actorID(named: keep), o = try await store.actorID(named: other)
                try await store.mergeActors(keep: k, absorb: o, by: user ?? Store.commandLineUser)
                let a = try await store.actor(k)
                print("merged: \(a.id) \(a.name) (\(a.aliases.joined(separator: ", ")))")
            }
        }
    }

    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make one spelling of ACTOR an actor of its own.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The actor (id or name).") var actor: String
        @Argument(help: "The spelling that names someone else.") var spelling: String
        @Option(name: .customLong("by"), help: "Who makes the correction, for the audit trail (default: your login name).") var user: String?
        func run() async throws {
            try await withStore(store) { store in
                let id = try await store.actorID(named: actor)
                let created = try await store.splitActor(id, alias: spelling, by: user ?? Store.commandLineUser)
                print("split: \(spelling) is now actor \(created)")
            }
        }
    }

    struct Rename: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an actor the name shown everywhere.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The actor (id or name).") var actor: String
        @Argument(help: "The new name.") var name: String
        @Option(name: .customLong("by"), help: "Who makes the correction, for the audit trail (default: your login name).") var user: String?
        func run() async throws {
            try await withStore(store) { store in
                let id = try await store.actorID(named: actor)
                try await store.renameActor(id, to: name, by: user ?? Store.commandLineUser)
                print("renamed: \(id) \(name)")
            }
        }
    }
}
