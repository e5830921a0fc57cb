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
    /// When and by whom it was last edited, if ever.
    public var updatedAt: String?
    public var updatedBy: String?
    /// The Markdown as written (not filled in lists).
    public var markdown: String?
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
            return (Piece(id: id, articleID: outcome.articleID, author: author, title: title, createdAt: now, markdown: markdown), outcome.articleID)
        }
    }

    /// Replaces a piece with a new version: the same article (its id, comments and notes stay)
    /// with the new text and facts; analysts' corrections of its events apply again.
    @discardableResult
    public func updatePiece(_ id: Int, by editor: String, title: String, markdown: String, document: Document) async throws -> Int {
        try await transaction {
            guard let row = try await sql.raw("SELECT article_id FROM pieces WHERE id = \(bind: id)").first() else {
                throw StoreError.notFound("no piece with id \(id)")
            }
            guard let articleID = try row.optionalInt("article_id"),
                  let oldKey = try await sql.raw("SELECT key FROM articles WHERE id = \(bind: articleID)").first()?.string("key") else {
                throw StoreError.invalid("piece \(id) has no article any more: publish it anew")
            }
            // A piece has no address of its own, so its key follows its text: move the article
            // (and the corrections anchored to it) to the new key, and write the new version there.
            let newKey = ArticleKey.of(document)
            if newKey != oldKey {
                if try await sql.raw("SELECT id FROM articles WHERE key = \(bind: newKey)").first() != nil {
                    throw StoreError.invalid("another article already has exactly this text")
                }
                try await sql.raw("UPDATE articles SET key = \(bind: newKey) WHERE id = \(bind: articleID)").run()
                try await sql.raw("UPDATE event_corrections SET article_key = \(bind: newKey) WHERE article_key = \(bind: oldKey)").run()
            }
            _ = try await write(document, input: "piece:\(id)", replacing: true)
            try await sql.raw("""
                UPDATE pieces SET title = \(bind: title), markdown = \(bind: markdown), updated_at = \(bind: Store.now()), updated_by = \(bind: editor)
                WHERE id = \(bind: id)
                """).run()
            return articleID
        }
    }

    public func pieces(author: String? = nil, limit: Int = 50) async throws -> [Piece] {
        var q: SQLQueryString = "SELECT id, article_id, author, title, created_at, updated_at, updated_by FROM pieces"
        if let author { q += " WHERE author = \(bind: author)" }
        q += " ORDER BY id DESC LIMIT \(bind: limit)"
        return try await sql.raw(q).all().map { try Self.piece($0, markdown: false) }
    }

    /// A piece with its Markdown.
    public func piece(_ id: Int) async throws -> Piece {
        guard let row = try await sql.raw("SELECT * FROM pieces WHERE id = \(bind: id)").first() else { throw StoreError.notFound("no piece with id \(id)") }
        return try Self.piece(row, markdown: true)
    }

    /// The piece an article was published from, if it was.
    public func piece(ofArticle articleID: Int) async throws -> Piece? {
        guard let row = try await sql.raw("SELECT * FROM pieces WHERE article_id = \(bind: articleID)").first() else { return nil }
        return try Self.piece(row, markdown: true)
    }

    private static func piece(_ row: any SQLRow, markdown: Bool) throws -> Piece {
        Piece(id: try row.int("id"), articleID: try row.optionalInt("article_id"), author: try row.string("author"), title: try row.string("title"),
              createdAt: try row.string("created_at"), updatedAt: try row.optionalString("updated_at"), updatedBy: try row.optionalString("updated_by"),
              markdown: markdown ? try row.string("markdown") : nil)
    }
}
