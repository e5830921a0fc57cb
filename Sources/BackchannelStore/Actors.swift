import BackchannelCore
import Foundation
import SQLKit

/// One actor across articles: entities join an actor through the folded spellings it is
/// known by (`actor_aliases`), and people also through their surname when the given names
/// agree ("Witkoff" in March, "Steve Witkoff" in April).
extension Store {
    func resolveActor(for entity: Entity) async throws -> Int? {
        let key = NameKey.fold(entity.name)
        guard !key.isEmpty else { return nil }
        let type = entity.type.rawValue
        if let row = try await rows("SELECT actor_id FROM actor_aliases WHERE type = ? AND key = ?", [type, key]).first {
            return try row.int("actor_id")
        }
        let surname = entity.type == .person ? NameKey.surname(ofFolded: key) : nil
        if let surname {
            var keysByActor: [(Int, [String])] = []
            for row in try await rows("SELECT actor_id, key FROM actor_aliases WHERE type = 'PERSON' AND surname = ? ORDER BY actor_id", [surname]) {
                let actor = try row.int("actor_id"), other = try row.string("key")
                if let i = keysByActor.firstIndex(where: { $0.0 == actor }) { keysByActor[i].1.append(other) } else { keysByActor.append((actor, [other])) }
            }
            if let match = keysByActor.first(where: { $0.1.allSatisfy { NameKey.compatiblePersons($0, key) } }) {
                try await addAlias(actorID: match.0, type: type, key: key, alias: entity.name, surname: surname)
                try await sql.raw("""
                    UPDATE actors SET name = \(bind: entity.name)
                    WHERE id = \(bind: match.0) AND name_locked = 0 AND LENGTH(name) < \(bind: entity.name.count)
                    """).run()
                return match.0
            }
        }
        guard let created = try await sql.raw("""
            INSERT INTO actors (name, type, name_locked, created_at) VALUES (\(bind: entity.name), \(bind: type), 0, \(bind: Store.now())) RETURNING id
            """).first()?.int("id") else { return nil }
        try await addAlias(actorID: created, type: type, key: key, alias: entity.name, surname: surname)
        // Another worker may have claimed the spelling first: then its actor is the one.
        let owner = try await rows("SELECT actor_id FROM actor_aliases WHERE type = ? AND key = ?", [type, key]).first?.int("actor_id")
        if let owner, owner != created {
            try await sql.raw("DELETE FROM actors WHERE id = \(bind: created)").run()
            return owner
        }
        return created
    }

    func addAlias(actorID: Int, type: String, key: String, alias: String, surname: String?, pinned: Bool = false) async throws {
        try await rows("""
            INSERT INTO actor_aliases (type, key, actor_id, alias, surname, pinned) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (type, key) DO NOTHING
            """, [type, key, actorID, alias, surname, pinned ? 1 : 0])
    }
}

// MARK: - corrections by analysts

/// One merge, split or rename, as an actor's audit trail shows it. In a merge `otherActorID`
/// is the actor absorbed; in a split, the actor created.
public struct ActorCorrectionEntry: Sendable, Equatable, Codable {
    public var kind: String
    public var actorID: Int?
    public var otherActorID: Int?
    public var value: String?
    public var user: String
    public var createdAt: String
}

/// An actor as the store knows it.
public struct ActorSummary: Sendable, Equatable, Codable {
    public var id: Int
    public var name: String
    public var type: String
    public var aliases: [String]
    public var articles: Int
}

extension Store {
    /// Finds an actor by id ("12") or by any of its spellings; throws when none or several match.
    public func actorID(named query: String) async throws -> Int {
        if let id = Int(query) {
            guard try await sql.raw("SELECT id FROM actors WHERE id = \(bind: id)").first() != nil else {
                throw StoreError.notFound("no actor with id \(id)")
            }
            return id
        }
        let key = NameKey.fold(query)
        var ids = Set(try await sql.raw("SELECT DISTINCT actor_id FROM actor_aliases WHERE key = \(bind: key)").all().map { try $0.int("actor_id") })
        if ids.isEmpty {
            ids = Set(try await sql.raw("SELECT id FROM actors WHERE LOWER(name) = \(bind: query.lowercased())").all().map { try $0.int("id") })
        }
        switch ids.count {
        case 0: throw StoreError.notFound("no actor is known as \"\(query)\"")
        case 1: return ids.first!
        default:
            throw StoreError.invalid("\"\(query)\" names several actors (ids \(ids.sorted().map(String.init).joined(separator: ", "))): give an id")
        }
    }

    public func actor(_ id: Int) async throws -> ActorSummary {
        guard let row = try await sql.raw("SELECT id, name, type FROM actors WHERE id = \(bind: id)").first() else {
            throw StoreError.notFound("no actor with id \(id)")
        }
        let aliases = try await sql.raw("SELECT alias FROM actor_aliases WHERE actor_id = \(bind: id) ORDER BY alias").all().map { try $0.string("alias") }
        let articles = try await sql.raw("SELECT COUNT(DISTINCT article_id) AS n FROM entities WHERE actor_id = \(bind: id)").first()?.int("n") ?? 0
        return ActorSummary(id: try row.int("id"), name: try row.string("name"), type: try row.string("type"), aliases: aliases, articles: articles)
    }

    /// Actors by the number of articles that name them.
    public func actors(type: String? = nil, limit: Int = 50, offset: Int = 0) async throws -> [ActorSummary] {
        var q: SQLQueryString = """
            SELECT a.id, COUNT(DISTINCT e.article_id) AS n FROM actors a LEFT JOIN entities e ON e.actor_id = a.id
            """
        if let type { q += " WHERE a.type = \(bind: type)" }
        q += " GROUP BY a.id ORDER BY n DESC, a.id LIMIT \(bind: limit) OFFSET \(bind: offset)"
        var result: [ActorSummary] = []
        for row in try await sql.raw(q).all() { result.append(try await actor(try row.int("id"))) }
        return result
    }

    /// `actors merge KEEP OTHER`: everything said of OTHER is now said of KEEP, and every
    /// spelling of OTHER leads to KEEP in later ingests. `user` is who asked, for the audit trail.
    public func mergeActors(keep: Int, absorb: Int, by user: String = Store.commandLineUser) async throws {
        guard keep != absorb else { throw StoreError.invalid("an actor cannot be merged with itself") }
        _ = try await actor(keep)
        _ = try await actor(absorb)
        try await transaction {
            try await sql.raw("UPDATE actor_aliases SET actor_id = \(bind: keep) WHERE actor_id = \(bind: absorb)").run()
            try await moveReferences(from: absorb, to: keep, entityFilter: nil)
            try await renumberEventCorrections(from: absorb, to: keep)
            try await sql.raw("DELETE FROM actors WHERE id = \(bind: absorb)").run()
            try await recordCorrection(kind: "merge", actor: keep, other: absorb, value: nil, by: user)
        }
    }

    /// `actors split ACTOR NAME`: the spelling NAME (and the entities written that way) become
    /// an actor of their own; the spelling stays pinned to it in later ingests.
    @discardableResult
    public func splitActor(_ id: Int, alias: String, by user: String = Store.commandLineUser) async throws -> Int {
        let key = NameKey.fold(alias)
        let summary = try await actor(id)
        guard try await sql.raw("SELECT key FROM actor_aliases WHERE actor_id = \(bind: id) AND key = \(bind: key)").first() != nil else {
            throw StoreError.notFound("actor \(id) (\(summary.name)) is not known as \"\(alias)\"; its spellings: \(summary.aliases.joined(separator: ", "))")
        }
        guard summary.aliases.count > 1 else { throw StoreError.invalid("actor \(id) has only one spelling: nothing to split") }
        return try await transaction {
            guard let created = try await sql.raw("""
                INSERT INTO actors (name, type, name_locked, created_at) VALUES (\(bind: alias), \(bind: summary.type), 1, \(bind: Store.now())) RETURNING id
                """).first()?.int("id") else { throw StoreError.invalid("could not create the new actor") }
            try await sql.raw("UPDATE actor_aliases SET actor_id = \(bind: created), pinned = 1 WHERE actor_id = \(bind: id) AND key = \(bind: key)").run()
            // Entities written that way move with the spelling.
            let moved = try await sql.raw("SELECT id, name FROM entities WHERE actor_id = \(bind: id)").all()
                .filter { NameKey.fold(try $0.string("name")) == key }.map { try $0.int("id") }
            try await moveReferences(from: id, to: created, entityFilter: moved)
            try await recordCorrection(kind: "split", actor: id, other: created, value: alias, by: user)
            return created
        }
    }

    /// `actors rename ACTOR NAME`: the name shown everywhere; later ingests keep it.
    public func renameActor(_ id: Int, to name: String, by user: String = Store.commandLineUser) async throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.invalid("a new name cannot be empty") }
        let summary = try await actor(id)
        try await transaction {
            try await sql.raw("UPDATE actors SET name = \(bind: trimmed), name_locked = 1 WHERE id = \(bind: id)").run()
            let key = NameKey.fold(trimmed)
            try await addAlias(actorID: id, type: summary.type, key: key, alias: trimmed,
                               surname: summary.type == "PERSON" ? NameKey.surname(ofFolded: key) : nil)
            try await recordCorrection(kind: "rename", actor: id, other: nil, value: trimmed, by: user)
        }
    }

    /// Who made a correction from the command line: the login name, else "command line".
    public static var commandLineUser: String {
        let name = ProcessInfo.processInfo.environment["USER"] ?? ""
        return name.isEmpty ? "command line" : "\(name) (command line)"
    }

    private func recordCorrection(kind: String, actor: Int, other: Int?, value: String?, by user: String) async throws {
        try await sql.raw("""
            INSERT INTO corrections (kind, actor_id, other_actor_id, value, created_at, user_name)
            VALUES (\(bind: kind), \(bind: actor), \(bind: other), \(bind: value), \(bind: Store.now()), \(bind: user))
            """).run()
    }

    /// Event corrections that name an actor merged away name the actor it joined instead, so
    /// that they still apply when their article is read again.
    private func renumberEventCorrections(from old: Int, to new: Int) async throws {
        let rows = try await sql.raw("SELECT id, value FROM event_corrections WHERE field IN ('place', 'actors', 'targets')").all()
        for row in rows {
            let ids = try row.string("value").split(separator: ",").map(String.init)
            guard ids.contains(String(old)) else { continue }
            var renumbered: [String] = []
            for id in ids.map({ $0 == String(old) ? String(new) : $0 }) where !renumbered.contains(id) { renumbered.append(id) }
            try await sql.raw("UPDATE event_corrections SET value = \(bind: renumbered.joined(separator: ",")) WHERE id = \(bind: try row.int("id"))").run()
        }
    }

    /// What analysts changed about an actor (merges into it, splits from it, renames), oldest first.
    public func actorCorrections(_ id: Int) async throws -> [ActorCorrectionEntry] {
        let rows = try await sql.raw("""
            SELECT kind, actor_id, other_actor_id, value, user_name, created_at FROM corrections
            WHERE actor_id = \(bind: id) OR other_actor_id = \(bind: id) ORDER BY id
            """).all()
        return try rows.map {
            ActorCorrectionEntry(kind: try $0.string("kind"), actorID: try $0.optionalInt("actor_id"), otherActorID: try $0.optionalInt("other_actor_id"),
                                 value: try $0.optionalString("value"), user: try $0.optionalString("user_name") ?? "unknown", createdAt: try $0.string("created_at"))
        }
    }

    /// Points the facts of actor `from` (all, or only those of the given entities) at `to`.
    private func moveReferences(from: Int, to: Int, entityFilter: [Int]?) async throws {
        let fused = try await sql.raw("SELECT DISTINCT fused_id FROM fused_participants WHERE actor_id = \(bind: from)").all().map { try $0.int("fused_id") }
        if let entities = entityFilter {
            guard !entities.isEmpty else { return }
            try await sql.raw("UPDATE entities SET actor_id = \(bind: to) WHERE id IN (\(binds: entities))").run()
            try await sql.raw("UPDATE roles SET actor_id = \(bind: to) WHERE entity_id IN (\(binds: entities))").run()
            try await sql.raw("UPDATE quotes SET speaker_actor_id = \(bind: to) WHERE speaker_entity_id IN (\(binds: entities))").run()
            try await sql.raw("UPDATE event_participants SET actor_id = \(bind: to) WHERE entity_id IN (\(binds: entities))").run()
            try await sql.raw("UPDATE events SET place_actor_id = \(bind: to) WHERE place_entity_id IN (\(binds: entities))").run()
        } else {
            try await sql.raw("UPDATE entities SET actor_id = \(bind: to) WHERE actor_id = \(bind: from)").run()
            try await sql.raw("UPDATE roles SET actor_id = \(bind: to) WHERE actor_id = \(bind: from)").run()
            try await sql.raw("UPDATE quotes SET speaker_actor_id = \(bind: to) WHERE speaker_actor_id = \(bind: from)").run()
            try await sql.raw("UPDATE event_participants SET actor_id = \(bind: to) WHERE actor_id = \(bind: from)").run()
            try await sql.raw("UPDATE events SET place_actor_id = \(bind: to) WHERE place_actor_id = \(bind: from)").run()
            try await sql.raw("UPDATE fused_events SET place_actor_id = \(bind: to) WHERE place_actor_id = \(bind: from)").run()
            try await sql.raw("UPDATE positions SET holder_actor_id = \(bind: to) WHERE holder_actor_id = \(bind: from)").run()
            try await sql.raw("UPDATE positions SET addressee_actor_id = \(bind: to) WHERE addressee_actor_id = \(bind: from)").run()
        }
        for id in fused { try await refreshParticipants(fusedID: id) }
    }
}

// MARK: - events, not reports

extension Store {
    /// Finds the real event this report is about (same type and kind of modality, dates
    /// within two days, compatible place, shared actors) or starts a new one.
    func fuse(type: String, modality: String, date: EventDate, placeActor: Int?, actors: [Int], targets: [Int]) async throws -> Int {
        let modalityClass = ["planned", "hypothetical"].contains(modality) ? "future" : modality == "denied" ? "denied" : "past"
        let participants = Set(actors + targets)
        if !participants.isEmpty, let day = date.day {
            // The candidates: fused events of the type and kind of modality, in the window,
            // that share a party with this report, each with how many they share. The newest
            // one that is compatible joins: its place is this report's or none, and it shares
            // two parties, or all of its or this report's one party (the shared count and the
            // event's own count of parties do for that). Done in the database, since at 100k
            // articles a party such as a country has dozens of candidates in a window and few
            // join.
            var window: String
            var binds: [any SQLBindable] = Array(participants) + [type]
            if date.granularity == "day", let from = EventDate.shift(day, by: -2), let to = EventDate.shift(day, by: 2) {
                window = "date_day BETWEEN ? AND ?"
                binds += [from, to]
            } else {
                window = "date_day = ?"
                binds.append(day)
            }
            binds.append(modalityClass)
            var sameDate = "f.date_granularity = 'day'"
            if date.granularity != "day" {
                sameDate = "f.date_value = ?"
                binds.append(date.value)
            }
            binds += [placeActor, placeActor, participants.count]
            let text = """
                WITH candidates AS (
                  SELECT fused_id, COUNT(DISTINCT actor_id) AS shared FROM fused_participants
                  WHERE actor_id IN (\(Self.placeholders(participants.count))) AND type = ? AND \(window) GROUP BY fused_id)
                SELECT f.id, f.place_actor_id, f.date_day, c.shared FROM candidates c JOIN fused_events f ON f.id = c.fused_id
                WHERE f.modality_class = ? AND \(sameDate)
                  AND (f.place_actor_id IS NULL OR ? IS NULL OR f.place_actor_id = ?)
                  AND (c.shared >= 2 OR ? = 1 OR f.parties = 1)
                ORDER BY f.id DESC LIMIT 1
                """
            if let row = try await rows(text, binds).first {
                let id = try row.int("id")
                try await addParticipants(fusedID: id, actors: actors, targets: targets, type: type, day: try row.optionalString("date_day") ?? day, joining: true)
                // The event gains the report's parties it did not have, and its place if it
                // had none. (Counted again from its participants rather than added to, so that
                // two workers joining one event at once on PostgreSQL leave the right count.)
                let gainsPlace = try row.optionalInt("place_actor_id") == nil && placeActor != nil
                if try participants.count > row.int("shared") || gainsPlace {
                    try await recountParties(fusedID: id, place: placeActor)
                }
                return id
            }
        }
        guard let id = try await rows("""
            INSERT INTO fused_events (type, modality_class, date_value, date_granularity, date_day, place_actor_id, parties, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [type, modalityClass, date.value, date.granularity, date.day, placeActor, participants.count, Store.now()]).first?.int("id") else { throw StoreError.invalid("the database returned no id for a new event") }
        try await addParticipants(fusedID: id, actors: actors, targets: targets, type: type, day: date.day, joining: false)
        return id
    }

    /// Sets a fused event's count of parties from its participants, and its place if it has
    /// none and `place` is given.
    func recountParties(fusedID: Int, place: Int? = nil) async throws {
        try await rows("""
            UPDATE fused_events SET parties = (SELECT COUNT(DISTINCT actor_id) FROM fused_participants WHERE fused_id = ?),
              place_actor_id = COALESCE(place_actor_id, ?) WHERE id = ?
            """, [fusedID, place, fusedID])
    }

    private func addParticipants(fusedID: Int, actors: [Int], targets: [Int], type: String, day: String?, joining: Bool) async throws {
        let rows = Set(actors.map { ($0, "actor") }.map { "\($0.0)|\($0.1)" } + targets.map { "\($0)|target" })
        guard !rows.isEmpty else { return }
        var binds: [any SQLBindable] = []
        for row in rows.sorted() {
            let parts = row.split(separator: "|")
            binds += [fusedID, Int(parts[0])!, String(parts[1]), type, day]
        }
        let tuples = Array(repeating: "(?, ?, ?, ?, ?)", count: rows.count).joined(separator: ", ")
        try await self.rows("INSERT INTO fused_participants (fused_id, actor_id, role, type, date_day) VALUES \(tuples) ON CONFLICT (fused_id, actor_id, role) DO NOTHING", binds)
        // (A new event's one report names each party on one side already.)
        if joining || !Set(actors).isDisjoint(with: targets) { try await dropTargetsThatAct(fusedID: fusedID) }
    }
}

extension EventDate {
    /// A day moved by `days`, by day numbers (no Calendar: this runs for every event stored).
    static func shift(_ day: String, by days: Int) -> String? {
        DayNumber.of(day).map { DayNumber.day($0 + days) }
    }
}
