import Foundation
import SQLKit

/// What to look for: words (optional) and filters.
public struct SearchQuery: Sendable, Equatable {
    /// Words, all of which must occur; "double-quoted phrases" stay phrases.
    public var text: String?
    /// An actor by any of its spellings: articles that name it, quotes it said.
    public var actor: String?
    /// A PLOVER type: articles reporting such an event.
    public var eventType: String?
    /// Publication dates, inclusive, `YYYY-MM-DD`.
    public var since: String?
    public var until: String?
    /// A place by any of its spellings: articles that name it.
    public var place: String?
    public var limit: Int
    public var offset: Int

    var hasFilters: Bool { actor != nil || eventType != nil || since != nil || until != nil || place != nil }

    public init(text: String? = nil, actor: String? = nil, eventType: String? = nil, since: String? = nil, until: String? = nil,
                place: String? = nil, limit: Int = 20, offset: Int = 0) {
        self.text = text
        self.actor = actor
        self.eventType = eventType
        self.since = since
        self.until = until
        self.place = place
        self.limit = limit
        self.offset = offset
    }
}

public struct ArticleHit: Sendable, Equatable, Codable {
    public var id: Int
    public var title: String?
    public var url: String?
    public var published: String?
    public var site: String?
    /// A stretch of the body around the first word searched for.
    public var snippet: String
}

public struct QuoteHit: Sendable, Equatable, Codable {
    public var id: Int
    public var text: String
    public var speaker: String?
    public var speakerActorID: Int?
    public var articleID: Int
    public var title: String?
    public var url: String?
    public var published: String?
    public var sentence: String
}

extension Store {
    /// Full-text search over articles (FTS5 with bm25 on SQLite, `tsvector` with `ts_rank`
    /// on PostgreSQL), with filters; newest first when no words are given. With words, the
    /// newest `rankedWindow` matches that pass the filters are ranked, the rest are not.
    public func searchArticles(_ query: SearchQuery) async throws -> [ArticleHit] {
        try validate(query)
        let words = query.text.map(Self.searchTerms) ?? []
        // First the ids of one page of results, then their rows: joining every match with
        // its article row (and body) before ranking cost more than the ranking itself.
        var q: SQLQueryString
        if !words.isEmpty {
            switch backend {
            case .sqlite:
                // The matches newest first, each through the filters, until the window is
                // full; then that window ranked (MATERIALIZED: ranked once, and never driven
                // from a filter, which would match the text once per candidate article).
                // The article row is read only when a filter needs its date.
                let dated = query.since != nil || query.until != nil
                q = "WITH hits AS MATERIALIZED (SELECT f.rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts f"
                if dated { q += " CROSS JOIN articles a " + Self.articleDays + " ON a.id = f.rowid" }
                q += " WHERE articles_fts MATCH \(bind: Self.ftsExpression(words))"
                q += try await filters(query, id: "f.rowid", article: "a")
                q += " ORDER BY f.rowid DESC LIMIT \(bind: rankedWindow)) SELECT hits.id FROM hits ORDER BY hits.score"
            case .postgres:
                q = "SELECT c.id FROM (SELECT a.id, a.search FROM articles a WHERE a.search @@ websearch_to_tsquery('english', \(bind: query.text ?? ""))"
                q += try await filters(query, id: "a.id", article: "a")
                q += """
                     ORDER BY a.id DESC LIMIT \(bind: rankedWindow)) c
                    ORDER BY ts_rank(c.search, websearch_to_tsquery('english', \(bind: query.text ?? ""))) DESC
                    """
            }
        } else {
            q = "SELECT a.id FROM articles a WHERE 1 = 1" + (try await filters(query, id: "a.id", article: "a")) + " ORDER BY a.published_day DESC, a.id DESC"
        }
        q += " LIMIT \(bind: query.limit) OFFSET \(bind: query.offset)"
        let ids = try await sql.raw(q).all().map { try $0.int("id") }
        guard !ids.isEmpty else { return [] }
        var hits: [Int: ArticleHit] = [:]
        for row in try await sql.raw("SELECT id, title, url, published, site_name, body FROM articles WHERE id IN (\(binds: ids))").all() {
            let hit = ArticleHit(id: try row.int("id"), title: try row.optionalString("title"), url: try row.optionalString("url"),
                                 published: try row.optionalString("published"), site: try row.optionalString("site_name"),
                                 snippet: Self.snippet(of: try row.string("body"), around: words))
            hits[hit.id] = hit
        }
        return ids.compactMap { hits[$0] }
    }

    /// Full-text search over quotes, filtered by speaker (`actor`) and dates. With words, the
    /// newest `rankedWindow` matching quotes that pass the filters are ranked.
    public func searchQuotes(_ query: SearchQuery) async throws -> [QuoteHit] {
        try validate(query)
        let words = query.text.map(Self.searchTerms) ?? []
        let columns: SQLQueryString = """
            SELECT qu.id, qu.text, qu.speaker_actor_id, ac.name AS speaker, qu.article_id, a.title, a.url, a.published, qu.sentence_text
            """
        var conditions: SQLQueryString = ""
        if let actor = query.actor {
            let ids = try await actorIDs(matching: actor)
            conditions += ids.isEmpty ? " AND 1 = 0" : " AND qu.speaker_actor_id IN (\(binds: ids))"
        }
        if let since = query.since { conditions += " AND a.published_day >= \(bind: since)" }
        if let until = query.until { conditions += " AND a.published_day <= \(bind: until)" }
        var q: SQLQueryString
        if !words.isEmpty, backend == .sqlite {
            // As for articles: the newest matches through the filters, then that window ranked;
            // only the page shown is read with its quote's row, article and speaker (joining the
            // whole window first took twice as long).
            let dated = query.since != nil || query.until != nil
            q = "WITH hits AS MATERIALIZED (SELECT f.rowid AS id, bm25(quotes_fts) AS score FROM quotes_fts f"
            if query.actor != nil || dated { q += " CROSS JOIN quotes qu ON qu.id = f.rowid" }
            if dated { q += " CROSS JOIN articles a " + Self.articleDays + " ON a.id = qu.article_id" }
            q += " WHERE quotes_fts MATCH \(bind: Self.ftsExpression(words))" + conditions + " ORDER BY f.rowid DESC LIMIT \(bind: rankedWindow)), "
            q += "page AS MATERIALIZED (SELECT id, score FROM hits ORDER BY score LIMIT \(bind: query.limit) OFFSET \(bind: query.offset)) "
            q += columns + """
                 FROM page CROSS JOIN quotes qu ON qu.id = page.id JOIN articles a ON a.id = qu.article_id
                LEFT JOIN actors ac ON ac.id = qu.speaker_actor_id ORDER BY page.score
                """
            return try await quoteHits(q)
        } else if !words.isEmpty {
            let tsquery: SQLQueryString = "websearch_to_tsquery('english', \(bind: query.text ?? ""))"
            q = columns + " FROM (SELECT qu.id, qu.search FROM quotes qu JOIN articles a ON a.id = qu.article_id WHERE qu.search @@ " + tsquery
            q += conditions + " ORDER BY qu.id DESC LIMIT \(bind: rankedWindow)) c JOIN quotes qu ON qu.id = c.id JOIN articles a ON a.id = qu.article_id"
            q += " LEFT JOIN actors ac ON ac.id = qu.speaker_actor_id ORDER BY ts_rank(c.search, " + tsquery + ") DESC"
        } else {
            q = columns + " FROM quotes qu JOIN articles a ON a.id = qu.article_id LEFT JOIN actors ac ON ac.id = qu.speaker_actor_id WHERE 1 = 1"
            q += conditions + " ORDER BY a.published_day DESC, qu.id"
        }
        q += " LIMIT \(bind: query.limit) OFFSET \(bind: query.offset)"
        return try await quoteHits(q)
    }

    /// Runs a quote search's query (its columns those of `searchQuotes`).
    private func quoteHits(_ q: SQLQueryString) async throws -> [QuoteHit] {
        try await sql.raw(q).all().map { row in
            QuoteHit(id: try row.int("id"), text: try row.string("text"), speaker: try row.optionalString("speaker"),
                     speakerActorID: try row.optionalInt("speaker_actor_id"), articleID: try row.int("article_id"),
                     title: try row.optionalString("title"), url: try row.optionalString("url"),
                     published: try row.optionalString("published"), sentence: try row.string("sentence_text"))
        }
    }

    /// Actors any of whose spellings fold to the same key as `name`.
    public func actorIDs(matching name: String, types: [String]? = nil) async throws -> [Int] {
        if let id = Int(name) { return [id] }
        let key = NameKey.fold(name)
        var q: SQLQueryString = "SELECT DISTINCT actor_id FROM actor_aliases WHERE key = \(bind: key)"
        if let types { q += " AND type IN (\(binds: types))" }
        let exact = try await sql.raw(q).all().map { try $0.int("actor_id") }
        if !exact.isEmpty || key.contains(" ") || types != nil { return exact }
        // A surname alone: the people who bear it.
        return try await sql.raw("SELECT DISTINCT actor_id FROM actor_aliases WHERE type = 'PERSON' AND surname = \(bind: key)").all().map { try $0.int("actor_id") }
    }

    /// The filters as conditions on an article: `id` is the column with its id, `article`
    /// the alias of its row (needed for dates only).
    /// How the SQLite searches read an article's day: from the narrow index of days by id
    /// (migration 15), not from the article's row, which holds its body.
    static let articleDays: SQLQueryString = "INDEXED BY articles_day_by_id"

    private func filters(_ query: SearchQuery, id: String, article a: String) async throws -> SQLQueryString {
        var q: SQLQueryString = ""
        let articleID = SQLQueryString(id)
        if let actor = query.actor {
            let ids = try await actorIDs(matching: actor)
            q += ids.isEmpty ? " AND 1 = 0" : " AND EXISTS (SELECT 1 FROM entities e WHERE e.article_id = " + articleID + " AND e.actor_id IN (\(binds: ids)))"
        }
        if let place = query.place {
            let ids = try await actorIDs(matching: place, types: ["GPE", "LOC", "FAC"])
            q += ids.isEmpty ? " AND 1 = 0" : " AND EXISTS (SELECT 1 FROM entities p WHERE p.article_id = " + articleID + " AND p.actor_id IN (\(binds: ids)))"
        }
        if let type = query.eventType {
            q += " AND EXISTS (SELECT 1 FROM events ev WHERE ev.article_id = " + articleID + " AND ev.type = \(bind: type.uppercased()))"
        }
        if let since = query.since { q += " AND \(unsafeRaw: a).published_day >= \(bind: since)" }
        if let until = query.until { q += " AND \(unsafeRaw: a).published_day <= \(bind: until)" }
        return q
    }

    private func validate(_ query: SearchQuery) throws {
        for (name, value) in [("--since", query.since), ("--until", query.until)] {
            if let value, !Self.isDay(value) { throw StoreError.invalid("\(name) \(value): expected a date as YYYY-MM-DD") }
        }
        guard (1...1000).contains(query.limit) else { throw StoreError.invalid("limit \(query.limit): expected 1 to 1000") }
        guard query.offset >= 0 else { throw StoreError.invalid("offset \(query.offset): expected 0 or more") }
    }

    static func isDay(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2 && parts.allSatisfy { Int($0) != nil }
    }

    /// The user's words and "quoted phrases", without FTS5 operators.
    static func searchTerms(_ text: String) -> [String] {
        var terms: [String] = []
        let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            let words = part.split { !($0.isLetter || $0.isNumber) }.map(String.init)
            if i % 2 == 1 {
                if !words.isEmpty { terms.append(words.joined(separator: " ")) }
            } else {
                terms += words.filter { !["AND", "OR", "NOT", "NEAR"].contains($0) }
            }
        }
        return terms
    }

    static func ftsExpression(_ terms: [String]) -> String {
        terms.map { "\"\($0)\"" }.joined(separator: " ")
    }

    static func snippet(of body: String, around terms: [String], width: Int = 220) -> String {
        let lower = body.lowercased()
        var start = lower.startIndex
        for term in terms {
            if let r = lower.range(of: term.lowercased()) { start = r.lowerBound; break }
        }
        let offset = lower.distance(from: lower.startIndex, to: start)
        let from = body.index(body.startIndex, offsetBy: max(0, offset - width / 3), limitedBy: body.endIndex) ?? body.startIndex
        let to = body.index(from, offsetBy: width, limitedBy: body.endIndex) ?? body.endIndex
        var s = String(body[from..<to]).replacingOccurrences(of: "\n", with: " ")
        if from > body.startIndex { s = "…" + s }
        if to < body.endIndex { s += "…" }
        return s
    }
}
