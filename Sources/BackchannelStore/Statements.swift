import SQLKit
import SQLiteKit

/// A value the store binds to a statement: what it stores is integers, reals, text and NULL.
///
/// Storing an article runs a few dozen statements with a few hundred values. Bound as
/// `any Encodable`, each value cost SQLite's side a dynamic cast to find what it was, and
/// SQLKit's side an expression tree to serialise; a value that says what it is in SQLite's
/// terms costs one call. PostgreSQL still takes it as the `Encodable` it also is.
protocol SQLBindable: Encodable, Sendable {
    var sqliteData: SQLiteData { get }
}

extension Int: SQLBindable {
    var sqliteData: SQLiteData { .integer(self) }
}

extension Double: SQLBindable {
    var sqliteData: SQLiteData { .float(self) }
}

extension String: SQLBindable {
    var sqliteData: SQLiteData { .text(self) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqliteData: SQLiteData { self?.sqliteData ?? .null }
}

/// One row of ``Store/rows(_:_:)``, read by column name.
struct StoreRow {
    private enum Storage {
        case sqlite(DirectSQLiteDatabase.Columns, [SQLiteData])
        case other(any SQLRow)
    }

    private let storage: Storage

    fileprivate init(columns: DirectSQLiteDatabase.Columns, values: [SQLiteData]) { storage = .sqlite(columns, values) }
    fileprivate init(_ row: any SQLRow) { storage = .other(row) }

    func optionalInt(_ column: String) throws -> Int? {
        try read(column) { if case .integer(let v) = $0 { v } else { nil } }
    }

    func optionalString(_ column: String) throws -> String? {
        try read(column) { if case .text(let v) = $0 { v } else { nil } }
    }

    /// A column's value: taken as it is when SQLite holds it as `T` (`direct`), else decoded.
    private func read<T: Decodable>(_ column: String, direct: (SQLiteData) -> T?) throws -> T? {
        switch storage {
        case .other(let row):
            return try row.decode(column: column, as: T?.self)
        case .sqlite(let columns, let values):
            guard let i = columns.lookup[column] else { throw DirectSQLiteRow.MissingColumn(column: column) }
            if values[i] == .null { return nil }
            return try direct(values[i]) ?? SQLiteDataDecoder().decode(T.self, from: values[i])
        }
    }

    func int(_ column: String) throws -> Int {
        guard let v = try optionalInt(column) else { throw StoreError.invalid("no value in column \(column)") }
        return v
    }

    func string(_ column: String) throws -> String {
        guard let v = try optionalString(column) else { throw StoreError.invalid("no value in column \(column)") }
        return v
    }
}

extension Store {
    /// Runs one statement written with `?` for each bound value (the statement's text holds no
    /// other question mark) and returns its rows. On SQLite it goes straight to the connection;
    /// on PostgreSQL it becomes an SQLKit query with the same binds.
    @discardableResult
    func rows(_ text: String, _ binds: [any SQLBindable]) async throws -> [StoreRow] {
        if let direct = sql as? DirectSQLiteDatabase {
            let result = try direct.connection.query(text, binds.map(\.sqliteData))
            guard !result.rows.isEmpty else { return [] }
            let columns = DirectSQLiteDatabase.Columns(names: result.columns)
            return result.rows.map { StoreRow(columns: columns, values: $0) }
        }
        let parts = text.split(separator: "?", omittingEmptySubsequences: false)
        precondition(parts.count == binds.count + 1, "\(binds.count) values for \(parts.count - 1) placeholders in \(text)")
        var query = SQLQueryString(String(parts[0]))
        for (value, part) in zip(binds, parts.dropFirst()) {
            query += "\(bind: value)"
            query += SQLQueryString(String(part))
        }
        return try await sql.raw(query).all().map(StoreRow.init)
    }

    /// `?, ?, ?`: placeholders for a list of `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
