import ArgumentParser
import BackchannelIngest
import BackchannelStore
import BackchannelWeb
import Foundation

/// `--hostname` and `--port` of the web application.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: "Address to listen on (0.0.0.0 for every interface).")
    var hostname = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port = 8080

    @Option(name: .long, help: "Database connections that serve pages (more read in parallel).")
    var readers = 2

    @Option(name: .long, help: "Megabytes of rendered pages kept until the store changes (0: none).")
    var cacheMegabytes = 64

    @Flag(name: .long, help: "One user on one machine: no sign-in, every right (analyst and admin pages included).")
    var open = false

    @Flag(name: .long, help: "Mark session cookies Secure even without X-Forwarded-Proto: https (behind TLS).")
    var secureCookies = false

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port \(port): expected 1 to 65535") }
        if hostname.isEmpty { throw ValidationError("--hostname cannot be empty") }
        if !(1...16).contains(readers) { throw ValidationError("--readers \(readers): expected 1 to 16") }
        if !(0...4096).contains(cacheMegabytes) { throw ValidationError("--cache-megabytes \(cacheMegabytes): expected 0 to 4096") }
        if open && hostname != "127.0.0.1" && hostname != "localhost" && hostname != "::1" {
            throw ValidationError("--open gives every right to whoever connects: it listens on 127.0.0.1 only")
        }
    }

    /// Serves `store`, with extra connections to the same database for reading.
    func serve(_ store: Store, ready: @escaping @Sendable (String) -> Void) async throws {
        var readers: [Store] = []
        if store.location != .sqlite(path: ":memory:") {
            for _ in 1..<self.readers { readers.append(try await Store.open(store.location)) }
        }
        do {
            try await WebApp.serve(store: store, readers: readers, cacheBytes: cacheMegabytes << 20,
                                   access: open ? .open : .accounts(secureCookies: secureCookies), hostname: hostname, port: port, ready: ready)
        } catch {
            for reader in readers { try? await reader.close() }
            throw error
        }
        for reader in readers { try? await reader.close() }
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application and the JSON API over the store.",
        discussion: "Pages: today's events, articles, actors, events, storylines, the negotiation tracker and search. The JSON API is under /api/v1, described at /api/openapi.json. Read-only: data comes in through ingest."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        try await withStore(store) { store in
            try await server.serve(store) { address in
                say("Backchannel is serving \(store.location) at \(address) (Ctrl-C to stop)")
            }
        }
    }
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Ingest the sample corpus into the embedded store (first start only) and serve it.",
        discussion: "The sample corpus is Backchannel's own articles in Corpus/html. Articles already stored are not read again, so later starts are immediate."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var server: ServerOptions

    @Option(name: .long, help: "The folder of sample articles (default: Corpus/html of this checkout).")
    var corpus: String?

    func run() async throws {
        let folder: String
        if let corpus {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isFolder), isFolder.boolValue else {
                printError("--corpus \(corpus): not a folder of articles")
                throw ExitCode(1)
            }
            folder = corpus
        } else if let found = Self.findCorpus() {
            folder = found
        } else {
            printError("cannot find the sample corpus (Corpus/html): run from the Backchannel folder or give --corpus DIR")
            throw ExitCode(1)
        }
        try await withStore(store) { store in
            let ingestor = Ingestor(store: store, options: IngestOptions())
            do {
                let (queued, errors) = try await ingestor.enqueue([folder])
                for error in errors { printError(error) }
                if queued > 0 {
                    FileHandle.standardError.write(Data("Reading the sample corpus (\(folder)) into \(store.location)…\n".utf8))
                    _ = try await ingestor.run(progress: .standardError(quiet: false))
                }
                await ingestor.shutdown()
            } catch {
                await ingestor.shutdown()
                throw error
            }
            try await server.serve(store) { address in
                say("Backchannel demo is ready: open \(address) (Ctrl-C to stop)")
            }
        }
    }

    /// `Corpus/html` in the working directory, or above the executable (a checkout's `.build/…/backchannel`).
    static func findCorpus() -> String? {
        let fm = FileManager.default
        let relative = "Corpus/html"
        if fm.fileExists(atPath: relative) { return relative }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent(relative).path
            if fm.fileExists(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }
}

/// A line on standard output, written at once (the address must show before the server blocks).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
