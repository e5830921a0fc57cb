import Foundation
import SQLKit

/// What a user's e-mail digest holds: the new events of each of their watchlists.
public struct Digest: Sendable, Equatable {
    public var owner: String
    public var email: String
    public var sections: [(watchlist: Watchlist, events: [EventCard])]
    /// The newest event id the digest covers: the next digest starts after it.
    public var lastEvent: Int

    public var eventCount: Int { sections.reduce(0) { $0 + $1.events.count } }

    public static func == (a: Digest, b: Digest) -> Bool {
        a.owner == b.owner && a.email == b.email && a.lastEvent == b.lastEvent
            && a.sections.map(\.watchlist) == b.sections.map(\.watchlist) && a.sections.map(\.events) == b.sections.map(\.events)
    }
}

extension Store {
    public static func validEmail(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && address.count <= 254
            && !address.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\r" || $0 == "\n" }
    }

    /// Users' e-mail addresses by user name (users without one are not in it).
    public func emails() async throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try await sql.raw("SELECT name, email FROM users WHERE email IS NOT NULL").all() {
            result[try row.string("name")] = try row.string("email")
        }
        return result
    }

    public func setEmail(ofUser name: String, to email: String?) async throws {
        if let email, !Self.validEmail(email) { throw StoreError.invalid("\(email): not an e-mail address") }
        let user = try await user(named: name)
        try await sql.raw("UPDATE users SET email = \(bind: email) WHERE id = \(bind: user.id)").run()
    }

    /// One digest per user with an e-mail address and watchlists that have events newer than
    /// the user's last digest; users with nothing new get none.
    public func pendingDigests() async throws -> [Digest] {
        let newest = try await sql.raw("SELECT MAX(id) AS m FROM fused_events").first()?.optionalInt("m") ?? 0
        var digests: [Digest] = []
        for row in try await sql.raw("""
            SELECT u.name, u.email, d.last_event FROM users u LEFT JOIN digests d ON d.owner = u.name WHERE u.email IS NOT NULL ORDER BY u.name
            """).all() {
            let owner = try row.string("name"), email = try row.string("email"), last = try row.optionalInt("last_event") ?? 0
            var sections: [(watchlist: Watchlist, events: [EventCard])] = []
            for w in try await watchlists(owner: owner) {
                let fresh = try await watchlistEvents(w, limit: 200).filter { $0.id > last }
                if !fresh.isEmpty { sections.append((w, Array(fresh.prefix(30)))) }
            }
            if !sections.isEmpty { digests.append(Digest(owner: owner, email: email, sections: sections, lastEvent: newest)) }
        }
        return digests
    }

    public func markDigestSent(_ digest: Digest) async throws {
        try await sql.raw("""
            INSERT INTO digests (owner, last_event, sent_at) VALUES (\(bind: digest.owner), \(bind: digest.lastEvent), \(bind: Store.now()))
            ON CONFLICT (owner) DO UPDATE SET last_event = excluded.last_event, sent_at = excluded.sent_at
            """).run()
    }
}
