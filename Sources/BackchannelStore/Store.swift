import BackchannelCore
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// Where the store keeps its data.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file (the default), or `":memory:"` for a store that lives as long as the process.
    case sqlite(path: String)
    /// A PostgreSQL server: `postgres://user:password@host:port/database?tlsmode=disable`.
    case postgres(url: String)

    /// The file the default store uses inside a data folder.
    public static let sqliteFileName = "backchannel.sqlite"

    /// `--database` wins, then `DATABASE_URL`, then an SQLite file in `--data` (default `./backchannel-data`).
    public static func resolve(data: String?, database: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseLocation {
        if let url = database ?? environment["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url: url) }
            if url.hasPrefix("sqlite://") { return .sqlite(path: String(url.dropFirst("sqlite://".count))) }
            throw StoreError.badLocation("\(url): a database URL starts with postgres:// or sqlite://")
        }
        let folder = data ?? "backchannel-data"
        return .sqlite(path: (folder as NSString).appendingPathComponent(sqliteFileName))
    }

    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url):
            // Never print a password.
            if var parts = URLComponents(string: url), parts.password != nil {
                parts.password = "***"
                return parts.string ?? "postgres://…"
            }
            return url
        }
    }
}

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case badLocation(String)
    case cannotOpen(String)
    case notFound(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .badLocation(let m), .cannotOpen(let m), .notFound(let m), .invalid(let m): m
        }
    }
}

/// The database behind Backchannel: one connection, one code path for SQLite and PostgreSQL.
///
/// Queries are written once with SQLKit's bound interpolation (`\(bind: x)`), which each
/// dialect renders with its own placeholders; the few places that differ (column types in
/// the schema, full-text search, row locking in the queue) ask ``backend``.
public final class Store: @unchecked Sendable {
    public enum Backend: String, Sendable { case sqlite, postgres }

    public let backend: Backend
    public let location: DatabaseLocation
    /// The connection, for queries of one's own.
    public let sql: any SQLDatabase
    /// Searches with words rank only the newest this many matches (articles or quotes) that
    /// pass the filters. A word found in half of 100,000 articles took 80 ms to rank in full;
    /// news readers want the most relevant of the recent ones. Set it before the store is shared.
    public var rankedWindow = 5000
    private let closer: @Sendable () async throws -> Void
    private let lock = NSLock()
    private var closed = false
    /// Full-text rows kept aside while a batch is written (``withFullTextDeferred(_:)``).
    private var fullTextBuffer: FullTextBuffer?

    private init(backend: Backend, location: DatabaseLocation, sql: any SQLDatabase, closer: @escaping @Sendable () async throws -> Void) {
        self.backend = backend
        self.location = location
        self.sql = sql
        self.closer = closer
    }

    /// Opens (creating if needed) the store and brings its schema up to date.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "backchannel.store")) async throws -> Store {
        let store: Store
        switch location {
        case .sqlite(let path):
            if path != ":memory:" {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty {
                    do {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    } catch {
                        throw StoreError.cannotOpen("\(folder): cannot create the data folder (\(error.localizedDescription))")
                    }
                }
            }
            let connection: DirectSQLiteConnection
            do {
                connection = try DirectSQLiteConnection(path: path)
            } catch {
                throw StoreError.cannotOpen("\(path): cannot open the SQLite database (\(error))")
            }
            store = Store(backend: .sqlite, location: location, sql: DirectSQLiteDatabase(connection: connection, logger: logger)) {
                connection.close()
            }
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000",
                           // 64 MB of page cache and memory-mapped reads: past ~20k articles the
                           // default 2 MB cache had the store re-reading its indexes from the OS.
                           "PRAGMA cache_size = -65536", "PRAGMA mmap_size = 268435456",
                           // Checkpoint every 50,000 pages (a log of up to 200 MB, removed when
                           // the store closes) instead of 1,000: a page that many commits touch
                           // (an index's, the full-text segments') is copied into the file once
                           // per checkpoint, and each checkpoint waits for the disk twice. At
                           // 100k articles an ingest commit took 75 ms with 10,000 pages and
                           // 42 ms with this; a whole 100k ingest 235 s and 220 s.
                           "PRAGMA wal_autocheckpoint = 50000",
                           // Temporary b-trees (the sorts and groupings of the fusion look-up,
                           // two for each report) and the journals of savepoints (when a batch
                           // falls back to one per item) stay in memory: they hold at most one
                           // batch's pages, which SQLite would otherwise spill to a file.
                           "PRAGMA temp_store = MEMORY"] {
                try await store.sql.raw(SQLQueryString(pragma)).run()
            }
        case .postgres(let url):
            let configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: url)
            } catch {
                throw StoreError.badLocation("\(location): not a usable PostgreSQL URL (\(error))")
            }
            let connection: PostgresConnection
            do {
                connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: 1, logger: logger)
            } catch {
                throw StoreError.cannotOpen("\(location): cannot connect to PostgreSQL (\(String(reflecting: error).prefix(300)))")
            }
            store = Store(backend: .postgres, location: location, sql: connection.sql(queryLogLevel: nil)) {
                try await connection.close()
            }
            try await store.sql.raw("SET client_min_messages = WARNING").run()
        }
        do {
            try await Schema.migrate(store)
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    func withFullTextBuffer<T>(_ body: (inout FullTextBuffer?) -> T) -> T {
        lock.withLock { body(&fullTextBuffer) }
    }

    public func close() async throws {
        let first: Bool = lock.withLock {
            defer { closed = true }
            return !closed
        }
        if first { try await closer() }
    }

    /// Runs `body` in one transaction: all of it is stored, or none of it.
    public func transaction<T>(_ body: () async throws -> T) async throws -> T {
        try await sql.raw(backend == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
        do {
            let value = try await body()
            try await sql.raw("COMMIT").run()
            return value
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Refreshes the planner's statistics after a batch of writes (SQLite's `PRAGMA optimize`;
    /// PostgreSQL's autovacuum does this by itself).
    public func optimize() async throws {
        if backend == .sqlite { try await sql.raw("PRAGMA optimize").run() }
    }

    /// The current time as stored, for callers outside the store.
    public static func nowForDisplay() -> String { now() }

    /// The current time as stored (ISO 8601, UTC, seconds).
    /// Formatted by hand: a formatter per call was a sixth of the time of storing an article.
    static func now() -> String { timestamp(Date()) }

    /// A moment as stored (ISO 8601, UTC, seconds).
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var t = tm()
        gmtime_r(&seconds, &t)
        return ISODigits.time(Int(t.tm_year) + 1900, Int(t.tm_mon) + 1, Int(t.tm_mday), Int(t.tm_hour), Int(t.tm_min), Int(t.tm_sec)) + "Z"
    }
}

extension SQLRow {
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try decode(column: column, as: Int?.self) }
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func double(_ column: String) throws -> Double { try decode(column: column, as: Double.self) }
}
