import Foundation
import SQLKit

/// A reader's comment on a published piece.
public struct Comment: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable { case pending, approved, rejected }
    public var id: Int
    public var articleID: Int
    public var author: String
    public var body: String
    public var state: State
    public var createdAt: String
    public var moderatedBy: String?
}

extension Store {
    /// Whether an article is one of the analysts' published pieces (the only ones open to comments).
    public func isPiece(articleID: Int) async throws -> Bool {
        try await sql.raw("SELECT id FROM pieces WHERE article_id = \(bind: articleID)").first() != nil
    }

    /// A new comment waits for moderation.
    @discardableResult
    public func addComment(articleID: Int, author: String, body: String) async throws -> Comment {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw StoreError.invalid("a comment cannot be empty") }
        guard text.count <= 2000 else { throw StoreError.invalid("a comment is at most 2,000 characters (this one has \(text.count))") }
        guard try await isPiece(articleID: articleID) else { throw StoreError.notFound("article \(articleID) is not a published piece: only pieces take comments") }
        let pending = try await sql.raw("SELECT COUNT(*) AS n FROM comments WHERE author = \(bind: author) AND state = 'pending'").first()?.int("n") ?? 0
        guard pending < 20 else { throw StoreError.invalid("\(author) has 20 comments waiting for moderation already") }
        let now = Store.now()
        guard let row = try await sql.raw("""
            INSERT INTO comments (article_id, author, body, state, created_at) VALUES (\(bind: articleID), \(bind: author), \(bind: text), 'pending', \(bind: now)) RETURNING id
            """).first() else { throw StoreError.invalid("the database returned no id for the comment") }
        return Comment(id: try row.int("id"), articleID: articleID, author: author, body: text, state: .pending, createdAt: now, moderatedBy: nil)
    }

    public func comments(articleID: Int, states: [Comment.State]) async throws -> [Comment] {
        try await sql.raw("""
            SELECT * FROM comments WHERE article_id = \(bind: articleID) AND state IN (\(binds: states.map(\.rawValue))) ORDER BY id
            """).all().map(Self.comment)
    }

    public func pendingComments(limit: Int = 100) async throws -> [Comment] {
        try await sql.raw("SELECT * FROM comments WHERE state = 'pending' ORDER BY id LIMIT \(bind: limit)").all().map(Self.comment)
    }

    public func moderateComment(_ id: Int, approve: Bool, by moderator: String) async throws {
        guard try await sql.raw("SELECT id FROM comments WHERE id = \(bind: id)").first() != nil else {
            throw StoreError.notFound("no comment with id \(id)")
        }
        try await sql.raw("""
            UPDATE comments SET state = \(bind: approve ? "approved" : "rejected"), moderated_by = \(bind: moderator), moderated_at = \(bind: Store.now())
            WHERE id = \(bind: id)
            """).run()
    }

    static func comment(_ r: any SQLRow) throws -> Comment {
        Comment(id: try r.int("id"), articleID: try r.int("article_id"), author: try r.string("author"), body: try r.string("body"),
                state: Comment.State(rawValue: try r.string("state")) ?? .pending, createdAt: try r.string("created_at"),
                moderatedBy: try r.optionalString("moderated_by"))
    }
}
