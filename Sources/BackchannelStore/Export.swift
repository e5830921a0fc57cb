import BackchannelCore
import Foundation
import SQLKit

/// `backchannel export`: the store as CSV, JSON Lines or PLOVER records, streamed in pages
/// so that memory stays flat however large the store is.
public enum ExportKind: String, Sendable, CaseIterable { case articles, events, quotes, actors }
public enum ExportFormat: String, Sendable, CaseIterable { case csv, jsonl, plover }

extension Store {
    /// Writes every record of `kind` (published on or after `since`, `YYYY-MM-DD`) to `emit`,
    /// one line at a time; returns the number of records.
    @discardableResult
    public func export(_ kind: ExportKind, format: ExportFormat, since: String? = nil, emit: @escaping (String) throws -> Void) async throws -> Int {
        if let since, !Self.isDay(since) { throw StoreError.invalid("--since \(since): expected a date as YYYY-MM-DD") }
        if format == .plover && kind != .events { throw StoreError.invalid("the plover format is for events only (export events --format plover)") }
        let writer = RecordWriter(format: format, emit: emit)
        var count = 0
        var last = 0
        var headerDone = false
        while true {
            let records: [(Int, [(String, JSONValue)])]
            switch kind {
            case .articles: records = try await articlePage(after: last, since: since)
            case .events: records = try await eventPage(after: last, since: since, plover: format == .plover)
            case .quotes: records = try await quotePage(after: last, since: since)
            case .actors: records = try await actorPage(after: last, since: since)
            }
            if records.isEmpty { break }
            for (id, fields) in records {
                if !headerDone && format == .csv { try writer.header(fields.map(\.0).filter { $0 != "reports" }); headerDone = true }
                try writer.record(fields)
                last = id
                count += 1
            }
        }
        return count
    }

    private static let pageSize = 500

    private func articlePage(after: Int, since: String?) async throws -> [(Int, [(String, JSONValue)])] {
        var q: SQLQueryString = """
            SELECT a.id, a.key, a.url, a.title, a.published, a.site_name, a.authors, a.categories, a.tags, a.language, a.word_count,
              a.reading_minutes, a.syndication_group, a.version, a.ingested_at, a.input, a.body
            FROM articles a WHERE a.id > \(bind: after)
            """
        if let since { q += " AND a.published_day >= \(bind: since)" }
        q += " ORDER BY a.id LIMIT \(bind: Self.pageSize)"
        return try await sql.raw(q).all().map { r in
            let id = try r.int("id")
            return (id, [
                ("id", .int(id)), ("key", .string(try r.string("key"))), ("url", .optional(try r.optionalString("url"))),
                ("title", .optional(try r.optionalString("title"))), ("published", .optional(try r.optionalString("published"))),
                ("site", .optional(try r.optionalString("site_name"))), ("authors", .rawList(try r.string("authors"))),
                ("categories", .rawList(try r.string("categories"))), ("tags", .rawList(try r.string("tags"))),
                ("language", .optional(try r.optionalString("language"))), ("word_count", .int(try r.int("word_count"))),
                ("reading_minutes", .int(try r.int("reading_minutes"))), ("syndication_group", .optionalInt(try r.optionalInt("syndication_group"))),
                ("version", .int(try r.int("version"))), ("ingested_at", .string(try r.string("ingested_at"))),
                ("input", .optional(try r.optionalString("input"))), ("text", .string(try r.string("body"))),
            ])
        }
    }

    private func quotePage(after: Int, since: String?) async throws -> [(Int, [(String, JSONValue)])] {
        var q: SQLQueryString = """
            SELECT qu.id, qu.text, qu.cue, qu.speaker_actor_id, ac.name AS speaker, qu.article_id, a.title, a.url, a.published,
              qu.start_offset, qu.end_offset, qu.sentence_start, qu.sentence_end, qu.sentence_text
            FROM quotes qu JOIN articles a ON a.id = qu.article_id LEFT JOIN actors ac ON ac.id = qu.speaker_actor_id
            WHERE qu.id > \(bind: after)
            """
        if let since { q += " AND a.published_day >= \(bind: since)" }
        q += " ORDER BY qu.id LIMIT \(bind: Self.pageSize)"
        return try await sql.raw(q).all().map { r in
            let id = try r.int("id")
            return (id, [
                ("id", .int(id)), ("text", .string(try r.string("text"))), ("speaker", .optional(try r.optionalString("speaker"))),
                ("speaker_id", .optionalInt(try r.optionalInt("speaker_actor_id"))), ("cue", .optional(try r.optionalString("cue"))),
                ("article_id", .int(try r.int("article_id"))), ("title", .optional(try r.optionalString("title"))),
                ("url", .optional(try r.optionalString("url"))), ("published", .optional(try r.optionalString("published"))),
                ("start", .int(try r.int("start_offset"))), ("end", .int(try r.int("end_offset"))),
                ("sentence", .string(try r.string("sentence_text"))),
                ("sentence_start", .int(try r.int("sentence_start"))), ("sentence_end", .int(try r.int("sentence_end"))),
            ])
        }
    }

    private func actorPage(after: Int, since: String?) async throws -> [(Int, [(String, JSONValue)])] {
        let rows = try await sql.raw("SELECT id, name, type FROM actors WHERE id > \(bind: after) ORDER BY id LIMIT \(bind: Self.pageSize)").all()
        var page: [(Int, [(String, JSONValue)])] = []
        for r in rows {
            let id = try r.int("id")
            var seen: SQLQueryString = "SELECT COUNT(DISTINCT e.article_id) AS n, MIN(a.published_day) AS first, MAX(a.published_day) AS last FROM entities e JOIN articles a ON a.id = e.article_id WHERE e.actor_id = \(bind: id)"
            if let since { seen += " AND a.published_day >= \(bind: since)" }
            let stats = try await sql.raw(seen).first()
            let articles = try stats?.int("n") ?? 0
            if since != nil && articles == 0 { continue }
            let aliases = try await sql.raw("SELECT alias FROM actor_aliases WHERE actor_id = \(bind: id) ORDER BY alias").all().map { try $0.string("alias") }
            let roles = try await sql.raw("""
                SELECT title, affiliation, MIN(seen_on) AS first, MAX(seen_on) AS last, COUNT(*) AS n FROM roles
                WHERE actor_id = \(bind: id) GROUP BY title, affiliation ORDER BY MIN(seen_on), title
                """).all().map { role -> JSONValue in
                .object([("title", .string(try role.string("title"))), ("affiliation", .optional(try role.optionalString("affiliation"))),
                         ("first_seen", .optional(try role.optionalString("first"))), ("last_seen", .optional(try role.optionalString("last"))),
                         ("count", .int(try role.int("n")))])
            }
            page.append((id, [
                ("id", .int(id)), ("name", .string(try r.string("name"))), ("type", .string(try r.string("type"))),
                ("aliases", .list(aliases.map(JSONValue.string))), ("roles", .list(roles)), ("articles", .int(articles)),
                ("first_seen", .optional(try stats?.optionalString("first"))), ("last_seen", .optional(try stats?.optionalString("last"))),
            ]))
        }
        if page.isEmpty, let lastRow = rows.last { // a page where --since kept nobody: carry on after it
            return try await actorPage(after: try lastRow.int("id"), since: since)
        }
        return page
    }

    private func eventPage(after: Int, since: String?, plover: Bool) async throws -> [(Int, [(String, JSONValue)])] {
        var q: SQLQueryString = """
            SELECT f.id, f.type, f.modality_class, f.date_value, f.date_granularity, f.date_day, pl.name AS place
            FROM fused_events f LEFT JOIN actors pl ON pl.id = f.place_actor_id WHERE f.id > \(bind: after) AND f.rejected = 0
            """
        if let since { q += " AND f.date_day >= \(bind: since)" }
        q += " ORDER BY f.id LIMIT \(bind: Self.pageSize)"
        var page: [(Int, [(String, JSONValue)])] = []
        for r in try await sql.raw(q).all() {
            let id = try r.int("id")
            let parts = try await sql.raw("""
                SELECT DISTINCT p.actor_id, p.role, a.name FROM fused_participants p JOIN actors a ON a.id = p.actor_id
                WHERE p.fused_id = \(bind: id) ORDER BY p.role, a.name
                """).all().map { (try $0.int("actor_id"), try $0.string("role"), try $0.string("name")) }
            let reports = try await sql.raw("""
                SELECT e.id, e.article_id, e.mode, e.modality, e.sentence_text, e.sentence_start, e.sentence_end, e.trigger_text, e.confidence,
                  e.killed, e.injured, e.amounts, a.title, a.url, a.published, a.site_name
                FROM events e JOIN articles a ON a.id = e.article_id WHERE e.fused_id = \(bind: id) ORDER BY a.published_day, e.id
                """).all()
            guard let first = reports.first else { continue }
            let actors = parts.filter { $0.1 == "actor" }, targets = parts.filter { $0.1 == "target" }
            let type = try r.string("type")
            let mode = try first.optionalString("mode")
            let killed = try reports.compactMap { try $0.optionalInt("killed") }.max()
            let injured = try reports.compactMap { try $0.optionalInt("injured") }.max()
            if plover {
                guard let day = try r.optionalString("date_day") else { continue }
                func actorObjects(_ list: [(Int, String, String)]) -> JSONValue {
                    .list(list.map { .object([("actor_text", .string($0.2)), ("identifier_id", .string("backchannel:actor:\($0.0)")), ("identifier_text", .string($0.2))]) })
                }
                page.append((id, [
                    ("id", .string("backchannel-\(id)")), ("date", .string(day)),
                    ("source", actorObjects(actors)), ("recipient", actorObjects(targets)),
                    ("event", .list([.string(type)])), ("mode", .optional(mode)),
                    ("event_loc", try r.optionalString("place").map { .object([("name", .string($0))]) } ?? .null),
                    ("event_text", .list(try reports.map { .string(try $0.string("sentence_text")) })),
                    ("quad_code", Self.quadCode[type].map(JSONValue.int) ?? .null),
                    ("text_info", .object([("start", .int(try first.int("sentence_start"))), ("end", .int(try first.int("sentence_end")))])),
                    ("cite_info", .list(try reports.map { rep in
                        .object([("url", .optional(try rep.optionalString("url"))), ("title", .optional(try rep.optionalString("title"))),
                                 ("publication", .optional(try rep.optionalString("site_name"))), ("coder", .string("backchannel"))])
                    })),
                    ("coder", .string("backchannel")), ("coded_date", .string(String(Store.now().prefix(10)))),
                ]))
                continue
            }
            page.append((id, [
                ("id", .int(id)), ("type", .string(type)), ("mode", .optional(mode)), ("modality", .string(try first.string("modality"))),
                ("date", .optional(try r.optionalString("date_value"))), ("date_granularity", .optional(try r.optionalString("date_granularity"))),
                ("place", .optional(try r.optionalString("place"))),
                ("actors", .list(actors.map { .string($0.2) })), ("targets", .list(targets.map { .string($0.2) })),
                ("actor_ids", .list(actors.map { .int($0.0) })), ("target_ids", .list(targets.map { .int($0.0) })),
                ("killed", .optionalInt(killed)), ("injured", .optionalInt(injured)),
                ("sources", .int(Set(try reports.map { try $0.int("article_id") }).count)), ("evidence", .string(try first.string("sentence_text"))),
                ("reports", .list(try reports.map { rep in
                    .object([("article_id", .int(try rep.int("article_id"))), ("title", .optional(try rep.optionalString("title"))),
                             ("url", .optional(try rep.optionalString("url"))), ("published", .optional(try rep.optionalString("published"))),
                             ("sentence", .string(try rep.string("sentence_text"))), ("start", .int(try rep.int("sentence_start"))),
                             ("end", .int(try rep.int("sentence_end"))), ("trigger", .string(try rep.string("trigger_text"))),
                             ("confidence", .double(try rep.double("confidence")))])
                })),
            ]))
        }
        return page
    }

    /// PLOVER's quad categories: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict.
    static let quadCode: [String: Int] = [
        "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
        "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
        "DEMAND": 3, "ACCUSE": 3, "DISAPPROVE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
        "PROTEST": 4, "CRIME": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4,
    ]
}

/// A value in an exported record.
indirect enum JSONValue {
    case string(String), int(Int), double(Double), null, list([JSONValue]), object([(String, JSONValue)])
    /// A JSON array already stored as text (authors, categories).
    case rawList(String)

    static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func optionalInt(_ i: Int?) -> JSONValue { i.map(JSONValue.int) ?? .null }

    /// One line of JSON, through the project's `JSONWriter`.
    var json: String {
        var writer = JSONWriter(pretty: false)
        write(to: &writer)
        return writer.string
    }

    func write(to json: inout JSONWriter) {
        switch self {
        case .string(let s): json.value(s)
        case .int(let i): json.value(i)
        case .double(let d): json.value(d.isFinite ? (d * 1000).rounded() / 1000 : nil)
        case .null: json.null()
        case .rawList(let raw): json.raw(raw)
        case .list(let items): json.array(items) { writer, item in item.write(to: &writer) }
        case .object(let fields):
            json.object { writer in
                for (key, value) in fields { writer.field(key) { value.write(to: &$0) } }
            }
        }
    }

    /// The value in a CSV cell: lists joined with "; ".
    var cell: String {
        switch self {
        case .string(let s): return s
        case .int, .double: return json
        case .null: return ""
        case .rawList(let raw):
            let items = (try? JSONDecoder().decode([String].self, from: Data(raw.utf8))) ?? []
            return items.joined(separator: "; ")
        case .list(let items): return items.map(\.cell).joined(separator: "; ")
        case .object(let fields): return fields.map { "\($0.0)=\($0.1.cell)" }.joined(separator: " ")
        }
    }
}

struct RecordWriter {
    let format: ExportFormat
    let emit: (String) throws -> Void

    func header(_ names: [String]) throws {
        try emit(names.map(csvField).joined(separator: ",") + "\r\n")
    }

    func record(_ fields: [(String, JSONValue)]) throws {
        switch format {
        case .csv:
            // Lists in a record's reports are summarised: CSV keeps one row per record.
            try emit(fields.filter { $0.0 != "reports" }.map { csvField($0.1.cell) }.joined(separator: ",") + "\r\n")
        case .jsonl, .plover:
            try emit(JSONValue.object(fields).json + "\n")
        }
    }

    private func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
