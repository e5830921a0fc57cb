import Foundation
import SQLKit

/// Something a user follows: one or more actors (their shared events), a search, or both.
public struct Watchlist: Sendable, Equatable, Codable {
    public var id: Int
    public var owner: String
    public var name: String
    public var actors: [Int]
    public var query: String?
    /// The secret part of the feed's address (feed readers send no cookies).
    public var token: String
    public var createdAt: String
}

extension Store {
    @discardableResult
    public func addWatchlist(owner: String, name: String, actors: [Int], query: String?, token: String) async throws -> Watchlist {
        let title = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...120).contains(title.count) else { throw StoreError.invalid("a watchlist's name is 1 to 120 characters") }
        let words = query?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !actors.isEmpty || !(words ?? "").isEmpty else { throw StoreError.invalid("a watchlist follows actors, words or both") }
        guard actors.count <= 4 else { throw StoreError.invalid("a watchlist follows at most 4 actors") }
        for actor in actors { _ = try await self.actor(actor) }
        let count = try await sql.raw("SELECT COUNT(*) AS n FROM watchlists WHERE owner = \(bind: owner)").first()?.int("n") ?? 0
        guard count < 100 else { throw StoreError.invalid("\(owner) already follows 100 things: remove some first") }
        let now = Store.now()
        let list = actors.map(String.init).joined(separator: ",")
        let q = (words ?? "").isEmpty ? nil : words
        guard let row = try await sql.raw("""
            INSERT INTO watchlists (owner, name, actors, query, token, created_at) VALUES (\(bind: owner), \(bind: title), \(bind: list), \(bind: q), \(bind: token), \(bind: now))
            RETURNING id
            """).first() else { throw StoreError.invalid("the database returned no id for the watchlist") }
        return Watchlist(id: try row.int("id"), owner: owner, name: title, actors: actors, query: q, token: token, createdAt: now)
    }

    public func watchlists(owner: String) async throws -> [Watchlist] {
        try await sql.raw("SELECT * FROM watchlists WHERE owner = \(bind: owner) ORDER BY id").all().map(Self.watchlist)
    }

    public func watchlist(token: String) async throws -> Watchlist {
        guard let row = try await sql.raw("SELECT * FROM watchlists WHERE token = \(bind: token)").first() else {
            throw StoreError.notFound("no watchlist has this address")
        }
        return try Self.watchlist(row)
    }

    /// Removes a watchlist of `owner`'s; another's is not found.
    public func removeWatchlist(_ id: Int, owner: String) async throws {
        guard try await sql.raw("SELECT id FROM watchlists WHERE id = \(bind: id) AND owner = \(bind: owner)").first() != nil else {
            throw StoreError.notFound("\(owner) has no watchlist \(id)")
        }
        try await sql.raw("DELETE FROM watchlists WHERE id = \(bind: id)").run()
    }

    /// The newest events of what a watchlist follows.
    public func watchlistEvents(_ w: Watchlist, limit: Int = 50) async throws -> [EventCard] {
        let ids = try await storylineEventIDs(actors: w.actors, query: w.query, limit: limit)
        return try await eventCards(ids)
    }

    static func watchlist(_ r: any SQLRow) throws -> Watchlist {
        Watchlist(id: try r.int("id"), owner: try r.string("owner"), name: try r.string("name"),
                  actors: try r.string("actors").split(separator: ",").compactMap { Int($0) }, query: try r.optionalString("query"),
                  token: try r.string("token"), createdAt: try r.string("created_at"))
    }
}
