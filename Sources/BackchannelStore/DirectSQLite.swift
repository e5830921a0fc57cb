import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import VaporCSQLite

/// An SQLite connection driven on the caller's thread, with its prepared statements kept.
///
/// sqlite-nio runs every statement on a thread pool of its own and prepares it anew each
/// time. Storing one article takes a few dozen statements; profiles of `ingest` showed the
/// thread hop (futex and scheduler time) and statement parsing as a quarter of the work.
/// This connection uses the same SQLite library (sqlite-nio's, so that one process never
/// holds the file through two copies of SQLite and their POSIX locks), runs each statement
/// where it is called, under a lock, and keeps each distinct statement prepared.
///
/// It is what ``Store`` speaks to SQLite through: ``DirectSQLiteDatabase`` gives it the
/// same SQLKit interface that PostgreSQL has, so the store has one code path.
final class DirectSQLiteConnection: @unchecked Sendable {
    /// A failed SQLite call: the database's own message, with the statement when there is one.
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { "SQLite error \(code): \(message)" }
    }

    struct Result {
        var columns: [String] = []
        var rows: [[SQLiteData]] = []
    }

    private var handle: OpaquePointer?
    private let lock = NSLock()
    private var statements: [String: OpaquePointer] = [:]
    /// With BACKCHANNEL_SQL_PROFILE set, time spent per statement (by shape: see ``shape(of:)``),
    /// printed to standard error when the connection closes: what the benchmarks read to
    /// find the statements worth working on.
    private let profiling = ProcessInfo.processInfo.environment["BACKCHANNEL_SQL_PROFILE"] != nil
    private var profile: [String: (runs: Int, nanoseconds: UInt64)] = [:]
    /// Statements kept at most; past it the cache is emptied (queries with a varying number
    /// of binds, such as `IN (…)` lists, would otherwise grow it without end).
    static let cacheLimit = 512

    /// Opens (creating it if needed) the database at `path`, or an in-memory one for ":memory:".
    init(path: String) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close_v2(db)
            throw Failure(code: status, message: message)
        }
        handle = db
    }

    deinit { close() }

    func close() {
        lock.withLock {
            if profiling, !profile.isEmpty {
                // Statements of one shape (an insert of 3 rows, of 5 rows…) are counted together.
                var shapes: [String: (runs: Int, nanoseconds: UInt64)] = [:]
                for (sql, p) in profile {
                    let shape = Self.shape(of: sql)
                    shapes[shape, default: (0, 0)].runs += p.runs
                    shapes[shape, default: (0, 0)].nanoseconds += p.nanoseconds
                }
                FileHandle.standardError.write(Data(Self.report(shapes).utf8))
                profile = [:]
            }
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements = [:]
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            handle = nil
        }
    }

    /// Runs one statement with its bound values and returns its rows.
    func query(_ sql: String, _ binds: [SQLiteData]) throws -> Result {
        try lock.withLock {
            guard let handle else { throw Failure(code: SQLITE_MISUSE, message: "the connection is closed") }
            let started = profiling ? DispatchTime.now().uptimeNanoseconds : 0
            defer {
                if profiling {
                    let spent = DispatchTime.now().uptimeNanoseconds - started
                    profile[sql, default: (0, 0)].runs += 1
                    profile[sql, default: (0, 0)].nanoseconds += spent
                }
            }
            let statement = try prepared(sql, on: handle)
            // Reset, and the next run binds every parameter anew. Not sqlite3_clear_bindings:
            // it expires a statement whose plan looked at a bound value (an `x = ?` term that
            // no index serves), which then had SQLite parse and plan it again on every run.
            defer { sqlite_nio_sqlite3_reset(statement) }
            for (i, value) in binds.enumerated() {
                let position = Int32(i + 1)
                let status: Int32
                switch value {
                case .integer(let v): status = sqlite_nio_sqlite3_bind_int64(statement, position, Int64(v))
                case .float(let v): status = sqlite_nio_sqlite3_bind_double(statement, position, v)
                case .text(let v): status = sqlite_nio_sqlite3_bind_text64(statement, position, v, UInt64(v.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
                case .blob(let v):
                    status = v.withUnsafeReadableBytes { sqlite_nio_sqlite3_bind_blob64(statement, position, $0.baseAddress, UInt64($0.count), Self.transient) }
                case .null: status = sqlite_nio_sqlite3_bind_null(statement, position)
                }
                guard status == SQLITE_OK else { throw failure(status, handle, sql) }
            }
            var result = Result()
            let count = sqlite_nio_sqlite3_column_count(statement)
            for c in 0..<count { result.columns.append(String(cString: sqlite_nio_sqlite3_column_name(statement, c))) }
            while true {
                let status = sqlite_nio_sqlite3_step(statement)
                if status == SQLITE_DONE { break }
                guard status == SQLITE_ROW else { throw failure(status, handle, sql) }
                var row: [SQLiteData] = []
                row.reserveCapacity(Int(count))
                for c in 0..<count { row.append(Self.value(statement, c)) }
                result.rows.append(row)
            }
            return result
        }
    }

    /// A statement with its placeholders unnumbered and lists of them folded, so that one
    /// multi-row insert or `IN (…)` list counts as one statement whatever its length.
    static func shape(of sql: String) -> String {
        var out = ""
        var chars = sql.unicodeScalars.makeIterator()
        var lastWasSpace = false
        while let c = chars.next() {
            if c == "?" {
                out.unicodeScalars.append("?")
                // Skip the placeholder's number.
                var next = chars.next()
                while let d = next, ("0"..."9").contains(d) { next = chars.next() }
                if let d = next { out.unicodeScalars.append(d) }
                lastWasSpace = next == " "
                continue
            }
            let space = c == " " || c == "\n" || c == "\t"
            if space { if !lastWasSpace { out.unicodeScalars.append(" ") } } else { out.unicodeScalars.append(c) }
            lastWasSpace = space
        }
        // Fold "?, ?, ?" lists and repeated row tuples "(…), (…)".
        while let r = out.range(of: "?, ?, ") { out.replaceSubrange(r, with: "?, ") }
        while let r = out.range(of: "?, ?)") { out.replaceSubrange(r, with: "?…)") }
        return out.replacing(/(\([^()]*\))(?:, \([^()]*\))+/) { String($0.output.1) + "…" }
    }

    static func report(_ profile: [String: (runs: Int, nanoseconds: UInt64)]) -> String {
        let total = profile.values.reduce(0) { $0 + $1.nanoseconds }
        var lines = ["SQL profile: \(profile.values.reduce(0) { $0 + $1.runs }) statements, \(total / 1_000_000) ms in SQLite"]
        for (sql, p) in profile.sorted(by: { $0.value.nanoseconds > $1.value.nanoseconds }).prefix(25) {
            let ms = Double(p.nanoseconds) / 1e6
            let share = total > 0 ? 100 * Double(p.nanoseconds) / Double(total) : 0
            lines.append(String(format: "%9.1f ms %5.1f %% %8d runs %7.1f µs  ", ms, share, p.runs, ms * 1000 / Double(p.runs)) + sql.prefix(140))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func prepared(_ sql: String, on handle: OpaquePointer) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            sqlite_nio_sqlite3_finalize(statement)
            throw failure(status, handle, sql)
        }
        if statements.count >= Self.cacheLimit {
            for old in statements.values { sqlite_nio_sqlite3_finalize(old) }
            statements = [:]
        }
        statements[sql] = statement
        return statement
    }

    private func failure(_ status: Int32, _ handle: OpaquePointer, _ sql: String) -> Failure {
        Failure(code: status, message: "\(String(cString: sqlite_nio_sqlite3_errmsg(handle))) (in \(sql.prefix(200)))")
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT:
            return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column), length > 0 {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default:
            return .null
        }
    }

    /// SQLite copies the bound text or blob before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}

/// ``DirectSQLiteConnection`` as an SQLKit database, with SQLiteKit's dialect, encoder and decoder.
struct DirectSQLiteDatabase: SQLDatabase {
    let connection: DirectSQLiteConnection
    let logger: Logger
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    init(connection: DirectSQLiteConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededFuture(())
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> ()) throws {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let binds = try serializer.binds.map { try Self.data(of: $0, encoder: encoder) }
        let result = try connection.query(serializer.sql, binds)
        // Rows are handed over after the statement is done and the lock released, so that
        // a caller may query again from inside `onRow`.
        guard !result.rows.isEmpty else { return }
        let columns = Columns(names: result.columns)
        for values in result.rows { onRow(DirectSQLiteRow(columns: columns, values: values, decoder: decoder)) }
    }

    /// A bound value as SQLite data: the store's plain types directly, the rest through
    /// SQLiteKit's encoder (its existential cast and `Encodable` path were a tenth of the Swift
    /// side of storing an article). Same values as the encoder gives.
    static func data(of value: any Encodable & Sendable, encoder: SQLiteDataEncoder) throws -> SQLiteData {
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .integer(number)
        case let number as Double: return .float(number)
        case let flag as Bool: return .integer(flag ? 1 : 0)
        default: return try encoder.encode(value)
        }
    }

    /// Column names of one result, shared by its rows.
    final class Columns: Sendable {
        let names: [String]
        /// Each name's first column.
        let lookup: [String: Int]
        init(names: [String]) {
            self.names = names
            var lookup: [String: Int] = [:]
            for (i, name) in names.enumerated() where lookup[name] == nil { lookup[name] = i }
            self.lookup = lookup
        }
    }
}

struct DirectSQLiteRow: SQLRow {
    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "no column \(column) in the result" }
    }

    let columns: DirectSQLiteDatabase.Columns
    let values: [SQLiteData]
    let decoder: SQLiteDataDecoder

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.lookup[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let i = columns.lookup[column] else { return true }
        return values[i] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let i = columns.lookup[column] else { throw MissingColumn(column: column) }
        return try decoder.decode(D.self, from: values[i])
    }
}
