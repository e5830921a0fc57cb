import BackchannelCore
import Foundation
import SQLKit

/// What an analyst can change about an event.
public enum EventCorrection: Sendable, Equatable {
    case type(String)
    case modality(String)
    /// Where it happened: an actor (a country, city or place).
    case place(Int)
    /// When it happened: a day, `YYYY-MM-DD`.
    case date(String)
    /// Who acted: actors (ids), at least one.
    case actors([Int])
    /// At whom it was aimed: actors (ids), possibly none.
    case targets([Int])
    /// Not a real event (a misreading): it leaves lists, timelines, trackers and exports.
    case reject

    public static let modalities = ["asserted", "denied", "planned", "hypothetical", "reported"]

    var field: String {
        switch self {
        case .type: "type"
        case .modality: "modality"
        case .place: "place"
        case .date: "date"
        case .actors: "actors"
        case .targets: "targets"
        case .reject: "reject"
        }
    }

    var value: String {
        switch self {
        case .type(let t): t
        case .modality(let m): m
        case .place(let id): String(id)
        case .date(let day): day
        case .actors(let ids), .targets(let ids): ids.map(String.init).joined(separator: ",")
        case .reject: "rejected"
        }
    }

    /// From a form's field and value; nil when they are not a correction.
    public init?(field: String, value: String) {
        switch field {
        case "type":
            guard Event.Kind(rawValue: value.uppercased()) != nil else { return nil }
            self = .type(value.uppercased())
        case "modality":
            guard Self.modalities.contains(value.lowercased()) else { return nil }
            self = .modality(value.lowercased())
        case "place":
            guard let id = Int(value), id > 0 else { return nil }
            self = .place(id)
        case "date":
            guard Store.isDay(value), DayNumber.of(value) != nil else { return nil }
            self = .date(value)
        case "actors", "targets":
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            let parts = trimmed.isEmpty ? [] : trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let ids = parts.compactMap { Int($0) }.filter { $0 > 0 }
            guard ids.count == parts.count, ids.count <= 20 else { return nil }
            var unique: [Int] = []
            for id in ids where !unique.contains(id) { unique.append(id) }
            if field == "actors" {
                guard !unique.isEmpty else { return nil }
                self = .actors(unique)
            } else {
                self = .targets(unique)
            }
        case "reject": self = .reject
        default: return nil
        }
    }
}

/// One correction as the audit trail shows it.
public struct CorrectionEntry: Sendable, Equatable, Codable {
    public var field: String
    public var value: String
    public var user: String
    public var createdAt: String
    /// The actors a place, actors or targets correction names, in its order.
    public var actors: [ActorRef]
}

extension Store {
    /// Applies `correction` to a fused event and every report of it, and records it, with who
    /// and when, anchored to each report's words.
    public func correctEvent(_ fusedID: Int, _ correction: EventCorrection, by user: String) async throws {
        guard try await sql.raw("SELECT id FROM fused_events WHERE id = \(bind: fusedID)").first() != nil else {
            throw StoreError.notFound("no event with id \(fusedID)")
        }
        if case .place(let id) = correction {
            let place = try await actor(id)
            guard ["GPE", "LOC", "FAC"].contains(place.type) else { throw StoreError.invalid("\(place.name) is not a place (it is \(place.type))") }
        }
        if case .actors(let ids) = correction { for id in ids { _ = try await actor(id) } }
        if case .targets(let ids) = correction { for id in ids { _ = try await actor(id) } }
        try await transaction {
            let now = Store.now()
            let reports = try await sql.raw("""
                SELECT e.id, a.key, e.sentence_text, e.trigger_text, e.type FROM events e JOIN articles a ON a.id = e.article_id WHERE e.fused_id = \(bind: fusedID)
                """).all()
            for report in reports {
                let key = try report.string("key"), sentence = try report.string("sentence_text"), trigger = try report.string("trigger_text")
                // The machine's type: the one before any earlier type correction of this report.
                let earlier = try await sql.raw("""
                    SELECT original_type FROM event_corrections WHERE article_key = \(bind: key) AND sentence_text = \(bind: sentence)
                      AND trigger_text = \(bind: trigger) AND field = 'type' ORDER BY id LIMIT 1
                    """).first()
                let original = try earlier?.string("original_type") ?? report.string("type")
                try await sql.raw("""
                    INSERT INTO event_corrections (article_key, sentence_text, trigger_text, original_type, field, value, user_name, created_at)
                    VALUES (\(bind: key), \(bind: sentence), \(bind: trigger), \(bind: original), \(bind: correction.field), \(bind: correction.value), \(bind: user), \(bind: now))
                    """).run()
            }
            try await apply(correction, toFused: fusedID)
        }
    }

    private func apply(_ correction: EventCorrection, toFused fusedID: Int) async throws {
        switch correction {
        case .type(let type):
            try await sql.raw("UPDATE events SET type = \(bind: type) WHERE fused_id = \(bind: fusedID)").run()
            try await sql.raw("UPDATE fused_events SET type = \(bind: type) WHERE id = \(bind: fusedID)").run()
            try await sql.raw("UPDATE fused_participants SET type = \(bind: type) WHERE fused_id = \(bind: fusedID)").run()
        case .modality(let modality):
            try await sql.raw("UPDATE events SET modality = \(bind: modality) WHERE fused_id = \(bind: fusedID)").run()
        case .place(let id):
            try await sql.raw("UPDATE events SET place_actor_id = \(bind: id) WHERE fused_id = \(bind: fusedID)").run()
            try await sql.raw("UPDATE fused_events SET place_actor_id = \(bind: id) WHERE id = \(bind: fusedID)").run()
        case .date(let day):
            try await sql.raw("""
                UPDATE events SET date_value = \(bind: day), date_granularity = 'day', date_approximate = 0, date_day = \(bind: day) WHERE fused_id = \(bind: fusedID)
                """).run()
            try await sql.raw("UPDATE fused_events SET date_value = \(bind: day), date_granularity = 'day', date_day = \(bind: day) WHERE id = \(bind: fusedID)").run()
            try await sql.raw("UPDATE fused_participants SET date_day = \(bind: day) WHERE fused_id = \(bind: fusedID)").run()
        case .actors(let ids):
            try await replaceParticipants(ofFused: fusedID, role: "actor", with: ids)
        case .targets(let ids):
            try await replaceParticipants(ofFused: fusedID, role: "target", with: ids)
        case .reject:
            try await sql.raw("UPDATE fused_events SET rejected = 1 WHERE id = \(bind: fusedID)").run()
        }
    }

    /// Every report of the event now names these actors in `role`: through the article's own
    /// entity for the actor when it has one, else through the actor alone.
    private func replaceParticipants(ofFused fusedID: Int, role: String, with actors: [Int]) async throws {
        let reports = try await sql.raw("SELECT id, article_id FROM events WHERE fused_id = \(bind: fusedID)").all()
        for report in reports {
            let eventID = try report.int("id"), articleID = try report.int("article_id")
            try await sql.raw("DELETE FROM event_participants WHERE event_id = \(bind: eventID) AND role = \(bind: role)").run()
            for actor in actors where try await sql.raw("SELECT id FROM actors WHERE id = \(bind: actor)").first() != nil {
                let entity = try await sql.raw("""
                    SELECT MIN(id) AS id FROM entities WHERE article_id = \(bind: articleID) AND actor_id = \(bind: actor)
                    """).first()?.optionalInt("id")
                try await sql.raw("""
                    INSERT INTO event_participants (event_id, role, entity_id, actor_id) VALUES (\(bind: eventID), \(bind: role), \(bind: entity), \(bind: actor))
                    """).run()
            }
        }
        try await refreshParticipants(fusedID: fusedID)
    }

    /// Applies the corrections recorded for an article's reports again (after it was stored anew).
    func reapplyCorrections(articleID: Int, key: String) async throws {
        let corrections = try await sql.raw("""
            SELECT sentence_text, trigger_text, original_type, field, value FROM event_corrections WHERE article_key = \(bind: key) ORDER BY id
            """).all()
        guard !corrections.isEmpty else { return }
        // The machine's reading, before any correction is applied to it.
        let reports = try await sql.raw("""
            SELECT fused_id, sentence_text, trigger_text, type FROM events WHERE article_id = \(bind: articleID) AND fused_id IS NOT NULL
            """).all().map { (try $0.int("fused_id"), try $0.string("sentence_text"), try $0.string("trigger_text"), try $0.string("type")) }
        for c in corrections {
            let sentence = try c.string("sentence_text"), trigger = try c.string("trigger_text"), original = try c.string("original_type")
            guard let correction = EventCorrection(field: try c.string("field"), value: try c.string("value")) else { continue }
            for report in reports where report.1 == sentence && report.2 == trigger && report.3 == original {
                try await apply(correction, toFused: report.0)
            }
        }
    }

    /// The corrections of a fused event, oldest first (one entry per action).
    public func eventCorrections(_ fusedID: Int) async throws -> [CorrectionEntry] {
        let rows = try await sql.raw("""
            SELECT c.field, c.value, c.user_name, c.created_at, MIN(c.id) AS first FROM event_corrections c
            JOIN events e ON e.sentence_text = c.sentence_text AND e.trigger_text = c.trigger_text
            JOIN articles a ON a.id = e.article_id AND a.key = c.article_key
            WHERE e.fused_id = \(bind: fusedID) GROUP BY c.field, c.value, c.user_name, c.created_at ORDER BY first
            """).all()
        var entries: [CorrectionEntry] = []
        for row in rows {
            let field = try row.string("field"), value = try row.string("value")
            var refs: [ActorRef] = []
            if ["place", "actors", "targets"].contains(field) {
                for id in value.split(separator: ",").compactMap({ Int($0) }) {
                    // An actor merged away since is shown by its id.
                    let summary = try? await actor(id)
                    refs.append(ActorRef(id: id, name: summary?.name ?? "actor \(id)", type: summary?.type ?? ""))
                }
            }
            entries.append(CorrectionEntry(field: field, value: value, user: try row.string("user_name"), createdAt: try row.string("created_at"), actors: refs))
        }
        return entries
    }
}
