import BackchannelCore
import Foundation
import SQLKit

/// A piece an analyst published: kept as written, and stored as an article like any other.
public struct Piece: Sendable, Equatable, Codable {
    public var id: Int
    public var articleID: Int?
    public var author: String
    public var title: String
    public var createdAt: String
}

extension Store {
    /// Stores the piece's Markdown and its analysed document together: both or neither.
    public func publish(author: String, title: String, markdown: String, document: Document) async throws -> (Piece, Int) {
        try await transaction {
            let now = Store.now()
            guard let row = try await sql.raw("""
                INSERT INTO pieces (author, title, markdown, created_at) VALUES (\(bind: author), \(bind: title), \(bind: markdown), \(bind: now)) RETURNING id
                """).first() else { throw StoreError.invalid("the database returned no id for the piece") }
            let id = try row.int("id")
            let outcome = try await write(document, input: "piece:\(id)")
            if case .duplicate = outcome { throw StoreError.invalid("this piece has already been published (same text)") }
            try await sql.raw("UPDATE pieces SET article_id = \(bind: outcome.articleID) WHERE id = \(bind: id)").run()
            return (Piece(id: id, articleID: outcome.articleID, author: author, title: title, createdAt: now), outcome.articleID)
        }
    }

    public func pieces(author: String? = nil, limit: Int = 50) async throws -> [Piece] {
        var q: SQLQueryString = "SELECT id, article_id, author, title, created_at FROM pieces"
        if let author { q += " WHERE author = \(bind: author)" }
        q += " ORDER BY id DESC LIMIT \(bind: limit)"
        return try await sql.raw(q).all().map {
            Piece(id: try $0.int("id"), articleID: try $0.optionalInt("article_id"), author: try $0.string("author"),
                  title: try $0.string("title"), createdAt: try $0.string("created_at"))
        }
    }
}
