import BackchannelCore
import Foundation
import SQLKit
import SQLiteKit

/// What storing one article did.
public enum StoreOutcome: Sendable, Equatable {
    /// A new article.
    case stored(articleID: Int)
    /// An article already stored under the same key with other content: replaced, facts and all.
    case updated(articleID: Int)
    /// The same article with the same content: nothing changed.
    case duplicate(articleID: Int)

    public var articleID: Int {
        switch self {
        case .stored(let id), .updated(let id), .duplicate(let id): id
        }
    }
}

/// The identity of an article: its canonical URL when the page gives one, else its text.
public enum ArticleKey {
    public static func of(_ document: Document) -> String {
        if let url = document.metadata.url ?? document.source.url, let canonical = canonicalURL(url) {
            return "url:" + canonical
        }
        return "text:" + contentHash(document.text)
    }

    public static func contentHash(_ text: String) -> String {
        FNV1a.hex(text) + FNV1a.hex("\u{1}" + text)
    }

    /// Lowercased scheme and host, no fragment, no tracking parameters, no trailing slash.
    public static func canonicalURL(_ raw: String) -> String? {
        guard var parts = URLComponents(string: raw.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parts.host?.lowercased(), !host.isEmpty
        else { return nil }
        parts.scheme = scheme
        parts.host = host
        parts.fragment = nil
        if let items = parts.queryItems {
            let kept = items.filter { !$0.name.lowercased().hasPrefix("utm_") && !["fbclid", "gclid", "cmpid", "ref"].contains($0.name.lowercased()) }
            parts.queryItems = kept.isEmpty ? nil : kept
        }
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        var path = parts.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        parts.path = path.isEmpty ? "/" : path
        return parts.string
    }
}

/// O(1) slices of a text by Unicode-scalar offsets.
struct ScalarSlicer {
    let text: String
    private let indices: [String.Index]

    init(_ text: String) {
        self.text = text
        var indices: [String.Index] = []
        indices.reserveCapacity(text.utf8.count + 1)
        var i = text.unicodeScalars.startIndex
        while i < text.unicodeScalars.endIndex {
            indices.append(i)
            i = text.unicodeScalars.index(after: i)
        }
        indices.append(text.endIndex)
        self.indices = indices
    }

    func callAsFunction(_ span: TextSpan) -> String {
        let lower = min(max(span.start, 0), indices.count - 1)
        let upper = min(max(span.end, lower), indices.count - 1)
        return String(text.unicodeScalars[indices[lower]..<indices[upper]])
    }
}

extension Store {
    /// Stores an analysed article in one transaction: the article, its entities resolved to
    /// actors, mentions, roles, quotes, events fused with earlier reports, and positions.
    /// Call it inside ``transaction(_:)``; it does not open one itself, so that the queue can
    /// commit the article and its queue entry together. With `replacing`, an article whose text
    /// is unchanged is still stored anew (its title or other metadata may have changed).
    public func write(_ document: Document, input: String?, replacing: Bool = false) async throws -> StoreOutcome {
        let key = ArticleKey.of(document)
        let hash = ArticleKey.contentHash(document.text)
        let existing = try await rows("SELECT id, content_hash, version FROM articles WHERE key = ?", [key]).first
        var articleID: Int
        var isUpdate = false
        let now = Store.now()
        let m = document.metadata
        let stats = TextStatistics(text: document.text)
        let simhash = SimHash.of(document.text)
        let bands = SimHash.bands(simhash)
        let images = try String(decoding: JSONEncoder().encode(document.images.map { ["src": $0.src, "caption": $0.caption, "credit": $0.credit, "alt": $0.alt] }), as: UTF8.self)
        let sourceID = try await sourceID(for: m.siteName ?? hostName(of: m.url ?? document.source.url))
        let publishedDay = m.published.map { String($0.description.prefix(10)) }

        if let existing {
            articleID = try existing.int("id")
            if !replacing, try existing.string("content_hash") == hash { return .duplicate(articleID: articleID) }
            isUpdate = true
            try await deleteFacts(ofArticle: articleID)
            try await sql.raw("""
                UPDATE articles SET url = \(bind: m.url ?? document.source.url), content_hash = \(bind: hash), source_id = \(bind: sourceID),
                  input = \(bind: input), title = \(bind: m.title), published = \(bind: m.published?.description), published_day = \(bind: publishedDay),
                  modified = \(bind: m.modified?.description), authors = \(bind: json(m.authors)), categories = \(bind: json(m.categories)),
                  tags = \(bind: json(m.tags)), site_name = \(bind: m.siteName), language = \(bind: m.language), description = \(bind: m.description),
                  body = \(bind: document.text), word_count = \(bind: stats.wordCount), reading_minutes = \(bind: stats.readingMinutes),
                  images = \(bind: images), simhash = \(bind: Int(bitPattern: UInt(simhash))), band0 = \(bind: bands[0]), band1 = \(bind: bands[1]),
                  band2 = \(bind: bands[2]), band3 = \(bind: bands[3]), syndication_group = NULL, version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: articleID)
                """).run()
        } else {
            let row = try await rows("""
                INSERT INTO articles (key, url, content_hash, source_id, input, title, published, published_day, modified, authors, categories, tags,
                  site_name, language, description, body, word_count, reading_minutes, images, simhash, band0, band1, band2, band3, version, ingested_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                RETURNING id
                """, [key, m.url ?? document.source.url, hash, sourceID, input, m.title, m.published?.description, publishedDay, m.modified?.description,
                      json(m.authors), json(m.categories), json(m.tags), m.siteName, m.language, m.description, document.text, stats.wordCount,
                      stats.readingMinutes, images, Int(bitPattern: UInt(simhash)), bands[0], bands[1], bands[2], bands[3], now, now]).first
            guard let row else { throw StoreError.invalid("the database returned no id for \(input ?? key)") }
            articleID = try row.int("id")
        }
        try await indexText(articleID: articleID, title: m.title, body: document.text)
        try await linkSyndicated(articleID: articleID, simhash: simhash, bands: bands)
        try await writeFacts(document, articleID: articleID, day: publishedDay)
        // Analysts' corrections of this article's events hold for its new reading too.
        if isUpdate { try await reapplyCorrections(articleID: articleID, key: key) }
        return isUpdate ? .updated(articleID: articleID) : .stored(articleID: articleID)
    }

    /// Removes an article's facts (before it is replaced by a new version).
    func deleteFacts(ofArticle articleID: Int) async throws {
        let fused = try await sql.raw("SELECT DISTINCT fused_id FROM events WHERE article_id = \(bind: articleID) AND fused_id IS NOT NULL").all().map { try $0.int("fused_id") }
        if backend == .sqlite {
            try await sql.raw("DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE article_id = \(bind: articleID))").run()
            try await sql.raw("DELETE FROM articles_fts WHERE rowid = \(bind: articleID)").run()
            // Rows of this batch not yet written go the same way.
            withFullTextBuffer { $0?.forget(article: articleID) }
        }
        for table in ["positions", "events", "quotes", "roles", "mentions", "entities"] {
            try await sql.raw("DELETE FROM \(ident: table) WHERE article_id = \(bind: articleID)").run()
        }
        try await dropEmptyFusedEvents(fused)
    }

    /// Fused events left without any report disappear; the others lose the departed actors.
    func dropEmptyFusedEvents(_ ids: [Int]) async throws {
        for id in ids {
            let left = try await sql.raw("SELECT COUNT(*) AS n FROM events WHERE fused_id = \(bind: id)").first()?.int("n") ?? 0
            if left == 0 {
                try await sql.raw("DELETE FROM fused_events WHERE id = \(bind: id)").run()
            } else {
                try await refreshParticipants(fusedID: id)
            }
        }
    }

    func refreshParticipants(fusedID: Int) async throws {
        try await sql.raw("DELETE FROM fused_participants WHERE fused_id = \(bind: fusedID)").run()
        try await sql.raw("""
            INSERT INTO fused_participants (fused_id, actor_id, role, type, date_day)
            SELECT DISTINCT \(bind: fusedID), p.actor_id, p.role, f.type, f.date_day FROM event_participants p
            JOIN events e ON e.id = p.event_id JOIN fused_events f ON f.id = e.fused_id
            WHERE e.fused_id = \(bind: fusedID) AND p.actor_id IS NOT NULL
            """).run()
        // An analyst's correction of the sides is kept as written, whatever it names.
        let corrected = try await sql.raw("""
            SELECT c.id FROM event_corrections c JOIN events e ON e.sentence_text = c.sentence_text AND e.trigger_text = c.trigger_text
            JOIN articles a ON a.id = e.article_id AND a.key = c.article_key
            WHERE e.fused_id = \(bind: fusedID) AND c.field IN ('actors', 'targets') LIMIT 1
            """).first()
        if corrected == nil { try await dropTargetsThatAct(fusedID: fusedID) }
        try await recountParties(fusedID: fusedID)
    }

    /// Reports of one clash may disagree on who hit whom ("Thailand fired on Cambodia",
    /// "Cambodia shelled Thailand"): the fused event unions their sides, and a party that acts in
    /// any report is kept once, as an actor, not also as a target.
    func dropTargetsThatAct(fusedID: Int) async throws {
        try await rows("""
            DELETE FROM fused_participants WHERE fused_id = ? AND role = 'target'
              AND actor_id IN (SELECT actor_id FROM fused_participants WHERE fused_id = ? AND role = 'actor')
            """, [fusedID, fusedID])
    }

    private func indexText(articleID: Int, title: String?, body: String) async throws {
        guard backend == .sqlite else { return } // PostgreSQL keeps a generated tsvector column.
        // A new article's id was never indexed (articles are not deleted), and a new version's
        // old row went with its facts (`deleteFacts`).
        if !deferFullText({ $0.articles[articleID] = (title ?? "", body) }) {
            try await sql.raw("INSERT INTO articles_fts (rowid, title, body) VALUES (\(bind: articleID), \(bind: title ?? ""), \(bind: body))").run()
        }
    }

    /// Keeps full-text rows for the end of the batch that defers them; false when no batch does
    /// (the caller then writes them at once).
    private func deferFullText(_ keep: (inout FullTextBuffer) -> Void) -> Bool {
        withFullTextBuffer { buffer in
            guard buffer != nil else { return false }
            keep(&buffer!)
            return true
        }
    }

    /// Runs `body` with the full-text rows it writes (SQLite's `articles_fts` and `quotes_fts`)
    /// kept aside and written together at its end, in the same transaction.
    ///
    /// FTS5 writes the terms it holds as a new segment whenever a statement opens a statement
    /// journal, which most multi-row inserts do: storing articles one after another, that was a
    /// segment (and, in time, merges) per article. Written together, a batch is one segment.
    /// Nothing reads the full-text index before the batch commits. Call it inside a transaction.
    func withFullTextDeferred<T>(_ body: () async throws -> T) async throws -> T {
        guard backend == .sqlite else { return try await body() }
        withFullTextBuffer { $0 = FullTextBuffer() }
        defer { withFullTextBuffer { $0 = nil } }
        let value = try await body()
        guard let buffer = withFullTextBuffer({ $0 }) else { return value }
        try await insertRows(buffer.articles.sorted { $0.key < $1.key }, columns: "rowid, title, body", into: "articles_fts", perStatement: 20) { row in
            [row.key, row.value.title, row.value.body]
        }
        try await insertRows(buffer.quotes.sorted { $0.key < $1.key }, columns: "rowid, text", into: "quotes_fts") { row in
            [row.key, row.value.text]
        }
        return value
    }

    /// Near-copies of one story (SimHash within three bits, so sharing at least one of the four
    /// 16-bit bands) join one group, named by the id of its first article; a new copy joins the
    /// group of the oldest article it is near.
    private func linkSyndicated(articleID: Int, simhash: UInt64, bands: [Int]) async throws {
        // Each band's matches with their hash, from the band's index alone.
        let near = try await rows("""
            SELECT id, simhash FROM articles WHERE band0 = ? AND id <> ?
            UNION ALL SELECT id, simhash FROM articles WHERE band1 = ? AND id <> ?
            UNION ALL SELECT id, simhash FROM articles WHERE band2 = ? AND id <> ?
            UNION ALL SELECT id, simhash FROM articles WHERE band3 = ? AND id <> ?
            """, [bands[0], articleID, bands[1], articleID, bands[2], articleID, bands[3], articleID])
        var oldest: Int?
        for row in near {
            let id = try row.int("id")
            guard id < oldest ?? .max, SimHash.distance(UInt64(UInt(bitPattern: try row.int("simhash"))), simhash) <= 3 else { continue }
            oldest = id
        }
        guard let otherID = oldest else { return }
        let group = try await rows("SELECT syndication_group FROM articles WHERE id = ?", [otherID]).first?.optionalInt("syndication_group")
            ?? min(otherID, articleID)
        try await rows("UPDATE articles SET syndication_group = ? WHERE id IN (?, ?)", [group, otherID, articleID])
    }

    private func sourceID(for name: String?) async throws -> Int? {
        guard let name, !name.isEmpty else { return nil }
        if let row = try await rows("SELECT id FROM sources WHERE name = ?", [name]).first { return try row.int("id") }
        try await rows("INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING", [name])
        return try await rows("SELECT id FROM sources WHERE name = ?", [name]).first?.int("id")
    }

    private func hostName(of url: String?) -> String? {
        url.flatMap { URLComponents(string: $0)?.host?.lowercased() }
    }

    private func json(_ strings: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(strings), as: UTF8.self)) ?? "[]"
    }

    // MARK: facts

    /// The facts go in a few multi-row statements (entities, spellings, mentions, roles,
    /// quotes, events, participants, positions): each statement is a hop to the database's
    /// thread, and those hops, not the rows, were most of the cost of storing an article.
    private func writeFacts(_ document: Document, articleID: Int, day: String?) async throws {
        let slice = ScalarSlicer(document.text)
        let sentences = document.sentences.map(\.span)
        func sentence(containing offset: Int) -> TextSpan? {
            var lo = 0, hi = sentences.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                if sentences[mid].end <= offset { lo = mid + 1 } else if sentences[mid].start > offset { hi = mid - 1 } else { return sentences[mid] }
            }
            return nil
        }

        // Entities → actors: the known spellings in one query, the rest one by one.
        var actorOf: [Entity.ID: Int] = [:]
        let keys = document.entities.map { NameKey.fold($0.name) }
        var known: [String: Int] = [:]
        let distinctKeys = Array(Set(keys.filter { !$0.isEmpty }))
        for chunk in stride(from: 0, to: distinctKeys.count, by: 500) {
            let part = Array(distinctKeys[chunk..<min(chunk + 500, distinctKeys.count)])
            for row in try await rows("SELECT type, key, actor_id FROM actor_aliases WHERE key IN (\(Self.placeholders(part.count)))", part) {
                known[try row.string("type") + "|" + row.string("key")] = try row.int("actor_id")
            }
        }
        for (entity, key) in zip(document.entities, keys) {
            let slot = entity.type.rawValue + "|" + key
            if let id = known[slot] {
                actorOf[entity.id] = id
            } else if let id = try await resolveActor(for: entity) {
                actorOf[entity.id] = id
                known[slot] = id
            }
        }

        var entityRows: [Entity.ID: Int] = [:]
        try await insertRows(document.entities, columns: "article_id, local_id, actor_id, name, type, kind, affiliation, refers_to, mention_count",
                             into: "entities", returning: true) { entity in
            [articleID, entity.id.rawValue, actorOf[entity.id], entity.name, entity.type.rawValue, entity.kind, entity.affiliation, entity.refersTo, entity.mentions.count]
        } onRow: { local, id in entityRows[Entity.ID(rawValue: local)] = id }

        // Every spelling the article uses becomes a spelling of the actor, unless another actor has it.
        var spellings: [(String, String, Int, String, String?)] = []
        var seenSpellings = Set<String>()
        for entity in document.entities {
            guard let actorID = actorOf[entity.id] else { continue }
            for mention in entity.mentions {
                let text = slice(mention.span)
                let key = NameKey.fold(text)
                guard !key.isEmpty, known[entity.type.rawValue + "|" + key] == nil,
                      seenSpellings.insert(entity.type.rawValue + "|" + key).inserted else { continue }
                spellings.append((entity.type.rawValue, key, actorID, text, entity.type == .person ? NameKey.surname(ofFolded: key) : nil))
            }
        }
        try await insertRows(spellings, columns: "type, key, actor_id, alias, surname, pinned", into: "actor_aliases",
                             suffix: " ON CONFLICT (type, key) DO NOTHING") { s in
            [s.0, s.1, s.2, s.3, s.4, 0]
        }

        var mentionRows: [(Int, Mention)] = []
        for entity in document.entities {
            guard let rowID = entityRows[entity.id] else { continue }
            mentionRows += entity.mentions.map { (rowID, $0) }
        }
        try await insertRows(mentionRows, columns: "article_id, entity_id, start_offset, end_offset, text, sentence_start, sentence_end", into: "mentions") { row in
            let (entityRow, mention) = row
            let s = sentence(containing: mention.span.start)
            return [articleID, entityRow, mention.span.start, mention.span.end, slice(mention.span), s?.start, s?.end]
        }

        // Roles, dated by the article.
        var roleRows: [(Entity, Role, Int)] = []
        for entity in document.entities {
            guard let entityRow = entityRows[entity.id] else { continue }
            roleRows += entity.roles.map { (entity, $0, entityRow) }
        }
        try await insertRows(roleRows, columns: "actor_id, entity_id, article_id, title, affiliation, seen_on, start_offset, end_offset", into: "roles") { row in
            let (entity, role, entityRow) = row
            return [actorOf[entity.id], entityRow, articleID, role.title, entity.affiliation, day, role.span.start, role.span.end]
        }

        // Quotes, and their words for search.
        var quoteRows: [String: Int] = [:]
        try await insertRows(document.quotes, columns: "article_id, local_id, text, start_offset, end_offset, speaker_entity_id, speaker_actor_id, cue, sentence_start, sentence_end, sentence_text, said_on",
                             into: "quotes", returning: true) { quote in
            [articleID, quote.id.rawValue, slice(quote.span), quote.span.start, quote.span.end, quote.speaker.flatMap { entityRows[$0] },
             quote.speaker.flatMap { actorOf[$0] }, quote.cue, quote.sentence.start, quote.sentence.end, slice(quote.sentence), day]
        } onRow: { local, id in quoteRows[local] = id }
        if backend == .sqlite {
            let rows = document.quotes.compactMap { q in quoteRows[q.id.rawValue].map { ($0, slice(q.span)) } }
            if !deferFullText({ buffer in for (id, text) in rows { buffer.quotes[id] = (articleID, text) } }) {
                try await insertRows(rows, columns: "rowid, text", into: "quotes_fts") { row in [row.0, row.1] }
            }
        }

        // In events and positions a seat of government ("Moscow", "the Kremlin", "Washington")
        // used for it is that country: the party in storylines and trackers is Russia, not
        // its capital beside it. The entity keeps its own actor for everything else.
        var partyOf = actorOf
        for entity in document.entities where entity.type != .person && entity.type != .norp {
            guard let country = entity.refersTo, country != entity.name else { continue }
            if let named = document.entities.first(where: { $0.type == .gpe && $0.name == country }), let id = actorOf[named.id] {
                partyOf[entity.id] = id
            } else if let id = try await resolveActor(for: Entity(id: Entity.ID(rawValue: "government"), name: country, type: .gpe)) {
                partyOf[entity.id] = id
            }
        }

        // Events, each fused with earlier reports of the same real event.
        struct Prepared { let event: Event; let date: EventDate; let placeActor: Int?; let fusedID: Int; let amounts: String }
        var prepared: [Prepared] = []
        for event in document.events {
            let date = EventDate(event.date, fallbackDay: day)
            let placeActor = event.place.flatMap { actorOf[$0] }
            let amounts = event.amounts.map { ["amount": String($0.amount), "currency": $0.currency, "qualifier": $0.qualifier ?? "", "text": slice($0.span)] }
            let amountsJSON = (try? String(decoding: Self.amountsEncoder.encode(amounts), as: UTF8.self)) ?? "[]"
            let fusedID = try await fuse(type: event.type.rawValue, modality: event.modality.rawValue, date: date, placeActor: placeActor,
                                         actors: event.actors.compactMap { partyOf[$0] }, targets: event.targets.compactMap { partyOf[$0] })
            prepared.append(Prepared(event: event, date: date, placeActor: placeActor, fusedID: fusedID, amounts: amountsJSON))
        }
        var eventRows: [String: Int] = [:]
        try await insertRows(prepared, columns: """
            article_id, fused_id, local_id, type, mode, modality, place_entity_id, place_actor_id, date_value, date_granularity, date_approximate, \
            date_day, killed, injured, amounts, confidence, sentence_start, sentence_end, sentence_text, trigger_start, trigger_end, trigger_text
            """, into: "events", returning: true) { p in
            let e = p.event
            return [articleID, p.fusedID, e.id.rawValue, e.type.rawValue, e.mode, e.modality.rawValue,
                    e.place.flatMap { entityRows[$0] }, p.placeActor, p.date.value, p.date.granularity, p.date.approximate ? 1 : 0,
                    p.date.day, e.casualties?.killed, e.casualties?.injured, p.amounts, e.confidence,
                    e.sentence.start, e.sentence.end, slice(e.sentence), e.trigger.start, e.trigger.end, slice(e.trigger)]
        } onRow: { local, id in eventRows[local] = id }

        var participants: [(Int, String, Int, Int?)] = []
        var positions: [(Int, Event.Position, String?)] = []
        for p in prepared {
            guard let eventID = eventRows[p.event.id.rawValue] else { continue }
            for (role, entity) in p.event.actors.map({ ("actor", $0) }) + p.event.targets.map({ ("target", $0) }) {
                if let entityRow = entityRows[entity] { participants.append((eventID, role, entityRow, partyOf[entity])) }
            }
            // The tracker is a table of issues: a stance with no issue named stays on its event.
            if let position = p.event.position, position.issue != nil { positions.append((eventID, position, p.date.day)) }
        }
        try await insertRows(participants, columns: "event_id, role, entity_id, actor_id", into: "event_participants") { r in
            [r.0, r.1, r.2, r.3]
        }
        try await insertRows(positions, columns: "event_id, article_id, issue, stance, holder_actor_id, addressee_actor_id, stated_on", into: "positions") { r in
            [r.0, articleID, r.1.issue, r.1.stance.rawValue, r.1.holder.flatMap { partyOf[$0] }, r.1.addressee.flatMap { partyOf[$0] }, r.2]
        }
    }

    /// Keys in a fixed order, so that the same article is stored as the same bytes.
    private static let amountsEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// Inserts one row per item, `perStatement` rows to a statement. `values` gives a row's values
    /// in the order of `columns`. With `returning`, each new row's `id` and `local_id` are handed to
    /// `onRow`. On SQLite the statement goes straight to the connection with
    /// its values as SQLite data: building it through SQLKit, a fragment and an existential per
    /// value, was a twentieth of the time of storing an article. Every row has the same columns.
    private func insertRows<T>(_ items: [T], columns: String, into table: String, returning: Bool = false, suffix: String = "", perStatement: Int = 100,
                               values: (T) -> [any SQLBindable], onRow: (String, Int) throws -> Void = { _, _ in }) async throws {
        for chunk in stride(from: 0, to: items.count, by: perStatement) {
            let rows = items[chunk..<min(chunk + perStatement, items.count)].map(values)
            if let direct = sql as? DirectSQLiteDatabase {
                let tuple = "(" + Self.placeholders(rows[0].count) + ")"
                let placeholders = Array(repeating: tuple, count: rows.count).joined(separator: ", ")
                let text = "INSERT INTO \"\(table)\" (\(columns)) VALUES \(placeholders)\(suffix)" + (returning ? " RETURNING id, local_id" : "")
                var binds: [SQLiteData] = []
                binds.reserveCapacity(rows.count * rows[0].count)
                for row in rows { for value in row { binds.append(value.sqliteData) } }
                let result = try direct.connection.query(text, binds)
                guard returning, let idColumn = result.columns.firstIndex(of: "id"), let localColumn = result.columns.firstIndex(of: "local_id") else { continue }
                for row in result.rows {
                    guard case .integer(let id) = row[idColumn], case .text(let local) = row[localColumn] else { continue }
                    try onRow(local, id)
                }
                continue
            }
            var q: SQLQueryString = "INSERT INTO \(ident: table) (\(unsafeRaw: columns)) VALUES "
            for (n, row) in rows.enumerated() {
                q += n > 0 ? ", (" : "("
                for (k, value) in row.enumerated() { q += k > 0 ? ", \(bind: value)" : "\(bind: value)" }
                q += ")"
            }
            q += SQLQueryString(suffix)
            if returning {
                q += " RETURNING id, local_id"
                for row in try await sql.raw(q).all() { try onRow(try row.string("local_id"), try row.int("id")) }
            } else {
                try await sql.raw(q).run()
            }
        }
    }
}

/// An event's date as stored: the normalised value, and the first day of its period for ranges.
struct EventDate {
    var value: String?
    var granularity: String?
    var approximate: Bool
    var day: String?

    init(_ mention: DateMention?, fallbackDay: String?) {
        guard let mention else {
            value = fallbackDay
            granularity = fallbackDay == nil ? nil : "day"
            approximate = true
            day = fallbackDay
            return
        }
        value = mention.value
        granularity = mention.granularity.rawValue
        approximate = mention.approximate
        day = EventDate.firstDay(of: mention.value)
    }

    /// "2025-04-11" → itself; "2025-04" → "2025-04-01"; "2025" → "2025-01-01"; "2025-W15" → that Monday.
    static func firstDay(of value: String) -> String? {
        let parts = value.split(separator: "-")
        guard let year = parts.first.flatMap({ Int($0) }) else { return nil }
        if parts.count == 2, parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()) {
            var c = DateComponents()
            c.yearForWeekOfYear = year
            c.weekOfYear = week
            c.weekday = 2
            var calendar = Calendar(identifier: .iso8601)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            guard let date = calendar.date(from: c) else { return nil }
            let d = calendar.dateComponents([.year, .month, .day], from: date)
            return ISODigits.day(d.year!, d.month!, d.day!)
        }
        switch parts.count {
        case 1: return ISODigits.day(year, 1, 1)
        case 2: return Int(parts[1]).map { ISODigits.day(year, $0, 1) }
        default: return String(value.prefix(10))
        }
    }
}

/// Full-text rows of a batch not yet written (see ``Store/withFullTextDeferred(_:)``).
struct FullTextBuffer {
    var articles: [Int: (title: String, body: String)] = [:]
    var quotes: [Int: (article: Int, text: String)] = [:]

    /// An article being replaced takes its rows of this batch with it: its old quotes' ids
    /// may come back for its new quotes.
    mutating func forget(article: Int) {
        articles[article] = nil
        quotes = quotes.filter { $0.value.article != article }
    }
}
