import BackchannelStore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered pages and API answers kept in memory, thrown away as soon as the store changes.
///
/// The web application only reads, and the store changes only when an `ingest` (another
/// process) commits, so a page computed once is right until then. At most once per
/// `checkInterval` a request asks the store for its ``Store/dataVersion()``; a new version
/// empties the cache. A page can therefore be up to that interval (one second by default)
/// older than the store. Least recently used pages leave first when the cache is full.
final class PageCache: @unchecked Sendable {
    struct Entry {
        var body: ByteBuffer
        var contentType: HTTPMediaType?
        var lastUse: UInt64
    }

    let capacityBytes: Int
    let checkInterval: TimeInterval
    private let lock = NIOLock()
    private var entries: [String: Entry] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0
    private var version: String?
    private var checkedAt = Date.distantPast
    private(set) var hits = 0
    private(set) var misses = 0

    init(capacityBytes: Int, checkInterval: TimeInterval = 1) {
        self.capacityBytes = capacityBytes
        self.checkInterval = checkInterval
    }

    /// Empties the cache when the store has changed since the last look (at most once per interval).
    func revalidate(_ store: Store) async throws {
        let due: Bool = lock.withLock {
            guard Date().timeIntervalSince(checkedAt) >= checkInterval else { return false }
            checkedAt = Date()
            return true
        }
        guard due else { return }
        let current = try await store.dataVersion()
        lock.withLock {
            if current != version {
                version = current
                entries.removeAll()
                bytes = 0
            }
        }
    }

    func lookup(_ key: String) -> Entry? {
        lock.withLock {
            clock += 1
            guard var entry = entries[key] else { misses += 1; return nil }
            entry.lastUse = clock
            entries[key] = entry
            hits += 1
            return entry
        }
    }

    func store(_ key: String, body: ByteBuffer, contentType: HTTPMediaType?) {
        let size = body.readableBytes + key.utf8.count
        guard size <= capacityBytes / 8 else { return }
        lock.withLock {
            clock += 1
            if let old = entries[key] { bytes -= old.body.readableBytes + key.utf8.count }
            entries[key] = Entry(body: body, contentType: contentType, lastUse: clock)
            bytes += size
            if bytes > capacityBytes {
                // Drop the least recently used quarter in one go, not one entry per insert.
                let victims = entries.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(max(1, entries.count / 4))
                for (k, e) in victims {
                    entries[k] = nil
                    bytes -= e.body.readableBytes + k.utf8.count
                }
            }
        }
    }

    var count: Int { lock.withLock { entries.count } }
}

/// Answers GETs from the cache; successful answers computed by the routes go into it.
struct CachedPages: AsyncMiddleware {
    let cache: PageCache
    let store: Store

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Only what every anonymous visitor sees alike: not a signed-in analyst's pages (notes,
        // forms with their token), not the sign-in and admin pages.
        let viewer = request.viewer
        guard request.method == .GET, viewer.open || viewer.user == nil,
              !["/login", "/admin", "/watchlists", "/feeds", "/moderation"].contains(where: { request.url.path.hasPrefix($0) }) else {
            return try await next.respond(to: request)
        }
        try await cache.revalidate(store)
        let key = request.url.string
        if let hit = cache.lookup(key) {
            var headers = HTTPHeaders()
            if let type = hit.contentType { headers.contentType = type }
            return Response(status: .ok, headers: headers, body: .init(buffer: hit.body))
        }
        let response = try await next.respond(to: request)
        if response.status == .ok, response.headers[.setCookie].isEmpty, let buffer = response.body.buffer {
            cache.store(key, body: buffer, contentType: response.headers.contentType)
        }
        return response
    }
}
