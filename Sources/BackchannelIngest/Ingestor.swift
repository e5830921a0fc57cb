import BackchannelCore
import BackchannelExtract
import BackchannelPipeline
import BackchannelStore
import Foundation

/// What `ingest` does with its inputs.
public struct IngestOptions: Sendable {
    public var fetch = FetchPolicy()
    public var pipeline = PipelineOptions()
    /// Files larger than this are refused (bytes).
    public var maximumFileBytes = 64 << 20
    /// Names this process in the queue ("host:pid").
    public var worker = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    /// Items committed together (each still all or nothing: see ``Store/processBatch(worker:limit:_:)``).
    /// nil: 256 on SQLite, whose single writer holds the file's lock in any case (64 made
    /// committing a quarter of SQLite's time at 10,000 articles; 256 took ingest from about 390
    /// to 440 articles/s, docs/benchmarks.md); 1 on
    /// PostgreSQL, where workers share the queue and a batch would hold its row locks (new
    /// actors, aliases, fused events) across many articles, making workers wait on each other
    /// and deadlock.
    public var batchSize: Int? = nil
    /// A batch claims no further item after this long, so that slow items (fetched pages) commit
    /// and show in the progress every so often.
    public var batchDuration: Duration = .seconds(1)

    public init() {}
}

/// The tally `ingest` prints at the end.
public struct IngestSummary: Sendable, Equatable {
    public var stored = 0
    public var updated = 0
    public var duplicates = 0
    public var feeds = 0
    public var feedItems = 0
    /// Inputs not queued by this run: already waiting (another run has them), or files unchanged since they were ingested.
    public var skipped = 0
    public var failed: [Failure] = []

    public struct Failure: Sendable, Equatable {
        public var input: String
        public var reason: String
    }

    public var processed: Int { stored + updated + duplicates + feeds + failed.count }
}

/// Reads inputs into the store through the queue: files and directories, feeds (files or
/// URLs, whose item links are queued in turn) and web pages.
public final class Ingestor: @unchecked Sendable {
    public let store: Store
    public let options: IngestOptions
    private let pipeline: Pipeline
    private let lock = NSLock()
    private var madeFetcher: Fetcher?
    /// Inputs the last `enqueue` left out as unchanged; reported by the next `run`.
    private var unchanged = 0
    /// Made on the first URL, so that ingesting files starts no HTTP client.
    private var fetcher: Fetcher {
        lock.withLock {
            if let f = madeFetcher { return f }
            let f = Fetcher(policy: options.fetch)
            madeFetcher = f
            return f
        }
    }

    public init(store: Store, options: IngestOptions = IngestOptions()) {
        self.store = store
        self.options = options
        pipeline = StandardPipeline.make(options.pipeline)
    }

    /// Closes the HTTP client, if one was made; call it before the ingestor goes.
    public func shutdown() async {
        let f: Fetcher? = lock.withLock {
            defer { madeFetcher = nil }
            return madeFetcher
        }
        await f?.shutdown()
    }

    /// The file extensions `ingest` picks up in a directory: pages, text and feeds.
    public static let extensions: Set<String> = ["html", "htm", "xhtml", "txt", "text", "xml", "rss", "atom"]

    /// Queues the inputs: URLs as given, files as absolute paths, directories as the
    /// files below them. A file unchanged (same size and modification time) since it was
    /// last ingested is not queued again. Returns the number queued and one message per
    /// unusable input.
    public func enqueue(_ inputs: [String]) async throws -> (queued: Int, errors: [String]) {
        var items: [QueueInput] = []
        var errors: [String] = []
        let fm = FileManager.default
        func fingerprint(_ path: String) -> String? {
            guard let a = try? fm.attributesOfItem(atPath: path) else { return nil }
            let size = (a[.size] as? Int) ?? -1
            let modified = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(size):\(Int64(modified * 1000))"
        }
        for input in inputs {
            if let scheme = URL(string: input)?.scheme?.lowercased(), scheme == "http" || scheme == "https" {
                items.append(QueueInput(input: input))
                continue
            }
            if input.contains("://") {
                errors.append("\(input): only http and https URLs can be fetched")
                continue
            }
            let path = URL(fileURLWithPath: input).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append("\(input): no such file or directory")
                continue
            }
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(atPath: path) else {
                    errors.append("\(input): cannot list the directory")
                    continue
                }
                var found: [String] = []
                while let relative = walker.nextObject() as? String {
                    if Self.extensions.contains((relative as NSString).pathExtension.lowercased()) {
                        found.append((path as NSString).appendingPathComponent(relative))
                    }
                }
                let files = found.filter { var d: ObjCBool = false; return fm.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
                if files.isEmpty { errors.append("\(input): no pages or feeds in the directory") }
                items += files.sorted().map { QueueInput(input: $0, fingerprint: fingerprint($0)) }
            } else {
                items.append(QueueInput(input: path, fingerprint: fingerprint(path)))
            }
        }
        let queued = try await store.enqueue(items)
        let files = items.filter { $0.fingerprint != nil }.count
        lock.withLock { unchanged += max(0, min(files, items.count - queued)) }
        return (queued, errors)
    }

    /// Works the queue until nothing is pending; other processes may work it at the same time.
    public func run(progress: IngestProgress? = nil) async throws -> IngestSummary {
        var summary = IngestSummary()
        summary.skipped = lock.withLock {
            defer { unchanged = 0 }
            return unchanged
        }
        progress?.start(total: try await store.pendingCount())
        var consecutiveDatabaseErrors = 0
        while true {
            let limit = options.batchSize ?? (store.backend == .sqlite ? 256 : 1)
            let outcomes = try await store.processBatch(worker: options.worker, limit: limit, within: options.batchDuration) { item in
                try await self.process(item)
            }
            if outcomes.isEmpty { break }
            for outcome in outcomes {
                let item: QueueItem, result: QueueResult
                switch outcome {
                case .finished(let i, let r):
                    (item, result) = (i, r)
                    consecutiveDatabaseErrors = 0
                case .rolledBack(let error):
                    // Another worker stored the same article a moment earlier, say: retried,
                    // and given up after three attempts.
                    consecutiveDatabaseErrors += 1
                    if consecutiveDatabaseErrors > 20 { throw error }
                    guard error.item.attempts + 1 >= 3 else { continue }
                    (item, result) = (error.item, .failed(reason: "not stored after three attempts (\(String(describing: error.underlying).prefix(200)))"))
                }
                switch result {
                case .stored(.stored): summary.stored += 1
                case .stored(.updated): summary.updated += 1
                case .stored(.duplicate): summary.duplicates += 1
                case .expanded(let n):
                    summary.feeds += 1
                    summary.feedItems += n
                    progress?.grow(by: n)
                case .failed(let reason): summary.failed.append(IngestSummary.Failure(input: item.input, reason: reason))
                }
                progress?.advance(item: item.input, result: result)
            }
        }
        try? await store.optimize()
        progress?.finish(summary)
        return summary
    }

    /// One queue item, inside its transaction.
    func process(_ item: QueueItem) async throws -> QueueResult {
        let bytes: [UInt8]
        var url: String?
        var format = ExtractionOptions.Format.auto
        if item.input.hasPrefix("http://") || item.input.hasPrefix("https://") {
            do {
                let page = try await fetcher.fetch(item.input)
                bytes = page.bytes
                url = page.url
                if let type = page.contentType?.lowercased() {
                    if type.hasPrefix("text/plain") { format = .text } else if type.contains("html") { format = .html }
                }
            } catch {
                return .failed(reason: error.description)
            }
        } else {
            let path = item.input
            switch FileReader.read(path, limit: options.maximumFileBytes) {
            case .bytes(let read): bytes = read
            case .missing: return .failed(reason: "no such file")
            case .tooLarge: return .failed(reason: "larger than \(options.maximumFileBytes / (1 << 20)) MB")
            case .unreadable: return .failed(reason: "cannot be read")
            }
            switch (path as NSString).pathExtension.lowercased() {
            case "html", "htm", "xhtml": format = .html
            case "txt", "text": format = .text
            default: break
            }
        }
        if format != .text, FeedParser.looksLikeFeed(bytes) {
            guard let feed = FeedParser.parse(bytes, baseURL: url) else { return .failed(reason: "a feed that cannot be read") }
            if feed.links.isEmpty {
                let why = feed.brokenItems.first.map { ": \($0)" } ?? ""
                return .failed(reason: "a feed with no usable item links\(why)")
            }
            // A feed's items are queued once: reading the feed again does not fetch them again.
            let queued = try await store.enqueue(feed.links.map { QueueInput(input: $0) }, onlyNew: true)
            return .expanded(items: queued)
        }
        var extraction = ExtractionOptions(format: format, url: url)
        extraction.maximumBytes = options.maximumFileBytes
        var document: Document
        do {
            switch try ArticleExtractor(options: extraction).extract(bytes, name: item.input) {
            case .article(let extracted): document = extracted
            case .skipped(let reason): return .failed(reason: reason.description)
            }
            try pipeline.run(&document)
        } catch {
            return .failed(reason: String(describing: error))
        }
        // Database errors propagate: the item's transaction rolls back and the item is retried.
        return .stored(try await store.write(document, input: item.input))
    }
}
