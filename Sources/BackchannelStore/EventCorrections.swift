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
    /// Not a real event (a misreading): it leaves lists, timelines, trackers and exports.
    case reject

    public static let modalities = ["asserted", "denied", "planned", "hypothetical", "reported"]

    var field: String {
        switch self {
        case .type: "type"
        case .modality: "modality"
        case .place: "place"
        case .date: "date"
        case .reject: "reject"
        }
    }

    var value: String {
        switch self {
        case .type(let t): t
        case .modality(let m): m
        case .place(let id): String(id)
        case .date(let day): day
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
        case .reject:
            try await sql.raw("UPDATE fused_events SET rejected = 1 WHERE id = \(bind: fusedID)").run()
        }
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
        return try rows.map { CorrectionEntry(field: try $0.string("field"), value: try $0.string("value"), user: try $0.string("user_name"), createdAt: try $0.string("created_at")) }
    }
}
