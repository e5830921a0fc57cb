@testable import BackchannelStore
import Foundation
import SQLKit
import SQLiteKit
import Testing

/// The SQLite connection the store drives on the caller's thread.
@Suite("direct SQLite connection")
struct DirectSQLiteTests {
    static func database() throws -> DirectSQLiteDatabase {
        DirectSQLiteDatabase(connection: try DirectSQLiteConnection(path: ":memory:"), logger: .init(label: "test"))
    }

    @Test func valuesOfEveryKindComeBackAsStored() async throws {
        let db = try Self.database()
        try await db.raw("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)").run()
        let text = "Zelenskyy \u{201C}Kyiv\u{201D} \u{0}after a NUL, 🇺🇦"
        try await db.raw("INSERT INTO t VALUES (\(bind: Int.max), \(bind: 2.5), \(bind: text), \(bind: Data([0, 1, 255])), \(bind: String?.none))").run()
        let row = try #require(try await db.raw("SELECT i, r, s, b, n FROM t").first())
        #expect(try row.decode(column: "i", as: Int.self) == Int.max)
        #expect(try row.decode(column: "r", as: Double.self) == 2.5)
        #expect(try row.decode(column: "s", as: String.self) == text)
        #expect(try row.decode(column: "b", as: Data.self) == Data([0, 1, 255]))
        #expect(try row.decodeNil(column: "n"))
        #expect(try row.decode(column: "n", as: String?.self) == nil)
        #expect(row.allColumns == ["i", "r", "s", "b", "n"])
        #expect(!row.contains(column: "missing"))
        #expect(throws: (any Error).self) { try row.decode(column: "missing", as: Int.self) }
    }

    @Test func aKeptStatementIsResetBetweenRuns() async throws {
        let db = try Self.database()
        try await db.raw("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)").run()
        for k in 1...5 { try await db.raw("INSERT INTO t (k, v) VALUES (\(bind: k), \(bind: "v\(k)"))").run() }
        // The same text with other binds: each run sees only its own values.
        for k in 1...5 {
            let rows = try await db.raw("SELECT v FROM t WHERE k = \(bind: k)").all()
            #expect(try rows.map { try $0.decode(column: "v", as: String.self) } == ["v\(k)"])
        }
        // A statement stopped after its first row (first()) does not hold a read open.
        _ = try await db.raw("SELECT v FROM t ORDER BY k").first()
        try await db.raw("DROP TABLE t").run()
    }

    @Test func moreDistinctStatementsThanTheCacheHolds() async throws {
        let db = try Self.database()
        for n in 1...(DirectSQLiteConnection.cacheLimit + 20) {
            let values = (1...(n % 40 + 1)).map { _ in n }
            let row = try #require(try await db.raw("SELECT \(literal: n) + 0 AS n, \(binds: values) IS NOT NULL AS ok").first())
            #expect(try row.decode(column: "n", as: Int.self) == n)
        }
    }

    @Test func aBadStatementFailsWithSQLitesMessageAndTheStatement() async throws {
        let db = try Self.database()
        do {
            try await db.raw("SELECT * FROM nowhere").run()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("no such table: nowhere"))
            #expect("\(error)".contains("SELECT * FROM nowhere"))
        }
        try await db.raw("CREATE TABLE t (k INTEGER PRIMARY KEY)").run()
        try await db.raw("INSERT INTO t VALUES (1)").run()
        await #expect(throws: (any Error).self) { try await db.raw("INSERT INTO t VALUES (1)").run() }
        // The failed statement was reset: the next run of it works.
        try await db.raw("INSERT INTO t VALUES (\(bind: 2))").run()
        #expect(try await db.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self) == 2)
    }

    @Test func aRowHandlerMayQueryAgain() async throws {
        let db = try Self.database()
        try await db.raw("CREATE TABLE t (k INTEGER)").run()
        try await db.raw("INSERT INTO t VALUES (1), (2), (3)").run()
        let inner = LockedCounts()
        try await db.execute(sql: SQLRaw("SELECT k FROM t")) { row in
            // Would deadlock if rows were handed over with the connection's lock held.
            let k = (try? row.decode(column: "k", as: Int.self)) ?? 0
            _ = db.execute(sql: SQLRaw("SELECT \(k) AS k")) { _ in inner.add() }
        }
        #expect(inner.value == 3)
    }

    @Test func concurrentCallersAreSerialised() async throws {
        let db = try Self.database()
        try await db.raw("CREATE TABLE t (k INTEGER)").run()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for k in 0..<200 {
                group.addTask { try await db.raw("INSERT INTO t VALUES (\(bind: k))").run() }
            }
            try await group.waitForAll()
        }
        let row = try #require(try await db.raw("SELECT COUNT(DISTINCT k) AS n, SUM(k) AS s FROM t").first())
        #expect(try row.decode(column: "n", as: Int.self) == 200)
        #expect(try row.decode(column: "s", as: Int.self) == 199 * 200 / 2)
    }

    @Test func theProfileCountsOneShapePerStatementWhateverItsLength() {
        #expect(DirectSQLiteConnection.shape(of: "INSERT INTO t (a, b) VALUES (?1, ?2), (?3, ?4), (?5, ?6)") == "INSERT INTO t (a, b) VALUES (?…)…")
        #expect(DirectSQLiteConnection.shape(of: "INSERT INTO t (a, b) VALUES (?1, ?2), (?3, ?4)") == "INSERT INTO t (a, b) VALUES (?…)…")
        #expect(DirectSQLiteConnection.shape(of: "SELECT x FROM t\n  WHERE k IN (?1, ?2, ?3) AND y = ?4") == "SELECT x FROM t WHERE k IN (?…) AND y = ?")
        #expect(DirectSQLiteConnection.shape(of: "SELECT x FROM t WHERE k IN (?1, ?2) AND y = ?3") == "SELECT x FROM t WHERE k IN (?…) AND y = ?")
        let report = DirectSQLiteConnection.report(["SELECT 1": (runs: 4, nanoseconds: 2_000_000), "SELECT 2": (runs: 1, nanoseconds: 6_000_000)])
        let lines = report.split(separator: "\n")
        #expect(lines.first == "SQL profile: 5 statements, 8 ms in SQLite")
        #expect(lines.count == 3 && lines[1].hasSuffix("SELECT 2") && lines[1].contains("75.0 %") && lines[2].contains("500.0 µs"))
    }

    @Test func aClosedConnectionRefusesWork() async throws {
        let connection = try DirectSQLiteConnection(path: ":memory:")
        connection.close()
        #expect(throws: DirectSQLiteConnection.Failure.self) { _ = try connection.query("SELECT 1", []) }
    }

    @Test func anUnopenablePathIsAnError() {
        #expect(throws: DirectSQLiteConnection.Failure.self) { _ = try DirectSQLiteConnection(path: "/nonexistent-folder/x/backchannel.sqlite") }
    }
}

final class LockedCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

@Suite("SQLite binds")
struct SQLiteBindTests {
    /// The direct conversion of the store's plain types must give what SQLiteKit's encoder gives.
    @Test func plainValuesBindAsTheEncoderBindsThem() throws {
        let encoder = SQLiteDataEncoder()
        let values: [any Encodable & Sendable] = ["Kyiv", "", 42, -7, Int.max, 2.5, true, false, Optional("text"), Optional<String>.none,
                                                  Optional(3), Optional<Int>.none, Optional(true), ["a", "b"], Date(timeIntervalSince1970: 1_744_329_600)]
        for value in values {
            #expect(try DirectSQLiteDatabase.data(of: value, encoder: encoder) == encoder.encode(value), "\(value)")
        }
    }
}
