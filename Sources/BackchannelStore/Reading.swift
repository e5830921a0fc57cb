import Foundation
import SQLKit

// What the web application and the JSON API show: articles with their facts, actors with
// their roles, quotes and counterparts, events with every report of them, storylines and
// the positions of the parties. Read-only; every list is bounded.

public struct ActorRef: Sendable, Equatable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var type: String

    public init(id: Int, name: String, type: String) {
        self.id = id
        self.name = name
        self.type = type
    }
}

public struct ArticleCard: Sendable, Equatable, Codable {
    public var id: Int
    public var title: String?
    public var url: String?
    public var published: String?
    public var site: String?
    public var description: String?
    public var readingMinutes: Int
}

/// A stretch of an article's body: offsets in Unicode scalars, and its text.
public struct Excerpt: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    public var text: String
}

public struct Amount: Sendable, Equatable, Codable {
    public var amount: Double
    public var currency: String
    public var qualifier: String?
    public var text: String
}

/// One real event, however many articles reported it.
public struct EventCard: Sendable, Equatable, Codable {
    public var id: Int
    public var type: String
    /// The modality of its first report: asserted, denied, planned, hypothetical, reported.
    public var modality: String
    public var date: String?
    public var dateGranularity: String?
    /// The day used for ordering and filtering (`YYYY-MM-DD`).
    public var day: String?
    public var place: ActorRef?
    public var actors: [ActorRef]
    public var targets: [ActorRef]
    public var reports: Int
    /// The sentence of its first report, and that report's article.
    public var sentence: String
    public var articleID: Int
}

public struct PositionInfo: Sendable, Equatable, Codable {
    public var issue: String
    public var stance: String
    public var holder: ActorRef?
    public var addressee: ActorRef?
    public var date: String?
}

/// One article's report of an event, with the sentence it was read from.
public struct EventReport: Sendable, Equatable, Codable {
    public var id: Int
    public var articleID: Int
    public var articleTitle: String?
    public var published: String?
    public var site: String?
    public var url: String?
    public var mode: String?
    public var modality: String
    public var date: String?
    public var sentence: Excerpt
    public var trigger: Excerpt
    public var confidence: Double
    public var killed: Int?
    public var injured: Int?
    public var amounts: [Amount]
    public var position: PositionInfo?
}

public struct EventDetail: Sendable, Equatable, Codable {
    public var event: EventCard
    /// `accepted`, or `rejected` when an analyst marked it as no real event.
    public var status: String
    public var reports: [EventReport]
    /// What analysts changed, with who and when.
    public var corrections: [CorrectionEntry]
}

public struct EntityMark: Sendable, Equatable, Codable {
    public var id: Int
    public var name: String
    public var type: String
    public var actor: ActorRef?
    public var roles: [String]
    public var mentions: [Excerpt]
}

public struct QuoteInfo: Sendable, Equatable, Codable {
    public var id: Int
    public var text: String
    public var start: Int
    public var end: Int
    public var speaker: ActorRef?
    public var cue: String?
    public var sentence: String
    public var articleID: Int
    public var articleTitle: String?
    public var published: String?
}

public struct ImageInfo: Sendable, Equatable, Codable {
    public var src: String?
    public var caption: String?
    public var credit: String?
    public var alt: String?
}

public struct ArticleDetail: Sendable, Equatable, Codable {
    public var id: Int
    public var title: String?
    public var url: String?
    public var published: String?
    public var modified: String?
    public var site: String?
    public var authors: [String]
    public var categories: [String]
    public var tags: [String]
    public var language: String?
    public var description: String?
    public var wordCount: Int
    public var readingMinutes: Int
    public var images: [ImageInfo]
    /// The clean body; every offset in this record counts Unicode scalars into it.
    public var text: String
    public var entities: [EntityMark]
    public var quotes: [QuoteInfo]
    public var events: [EventCard]
    public var related: [ArticleCard]
    public var syndicated: [ArticleCard]
}

public struct RoleSpan: Sendable, Equatable, Codable {
    public var title: String
    public var affiliation: String?
    public var firstSeen: String?
    public var lastSeen: String?
    public var articles: Int
}

/// Another actor this one acted on, or was acted on by, with how often and how.
public struct Counterpart: Sendable, Equatable, Codable {
    public var actor: ActorRef
    /// `to` when this actor was the actor and the counterpart the target; `from` the other way; `with` when both acted.
    public var direction: String
    public var type: String
    public var count: Int
}

public struct PeriodCount: Sendable, Equatable, Codable {
    /// `YYYY-MM`.
    public var period: String
    public var type: String
    public var count: Int
}

public struct ActorDetail: Sendable, Equatable, Codable {
    public var actor: ActorRef
    public var aliases: [String]
    public var articleCount: Int
    public var roles: [RoleSpan]
    public var quotes: [QuoteInfo]
    public var events: [EventCard]
    public var counterparts: [Counterpart]
    public var articles: [ArticleCard]
    public var eventCounts: [PeriodCount]
    /// Merges, splits and renames by analysts, with who and when.
    public var corrections: [ActorCorrectionEntry]
}

public struct StorylineCard: Sendable, Equatable, Codable {
    public var actors: [ActorRef]
    public var events: Int
    public var lastDay: String?
}

public struct QuotedActor: Sendable, Equatable, Codable {
    public var actor: ActorRef
    public var quotes: Int
}

public struct HomeSummary: Sendable, Equatable, Codable {
    /// The newest publication day in the store: "this week" is the week up to it.
    public var asOf: String?
    public var weekFrom: String?
    public var articleCount: Int
    public var latestEvents: [EventCard]
    public var storylines: [StorylineCard]
    public var mostQuoted: [QuotedActor]
    public var latestArticles: [ArticleCard]
    /// Events per month over the year up to `asOf`.
    public var eventCounts: [PeriodCount]
}

public struct Storyline: Sendable, Equatable, Codable {
    public var actors: [ActorRef]
    public var query: String?
    public var events: [EventCard]
    public var articles: [ArticleCard]
    public var eventCounts: [PeriodCount]
}

public struct StanceChange: Sendable, Equatable, Codable {
    public var stance: String
    public var date: String?
    public var addressee: ActorRef?
    public var eventID: Int
    public var articleID: Int
    public var sentence: String
}

public struct TrackerCell: Sendable, Equatable, Codable {
    public var party: Int
    public var issue: String
    /// The newest stance; `history` is oldest first.
    public var stance: String
    public var history: [StanceChange]
}

/// A storyline's parties × issues: who demands, offers, accepts or rejects what, and when.
public struct NegotiationTracker: Sendable, Equatable, Codable {
    public var actors: [ActorRef]
    public var query: String?
    public var parties: [ActorRef]
    public var issues: [String]
    public var cells: [TrackerCell]
}

/// A page of a list: `nextOffset` is set when there is more.
public struct ListPage<Item: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    public var items: [Item]
    public var limit: Int
    public var offset: Int
    public var nextOffset: Int?

    public init(items: [Item], limit: Int, offset: Int, nextOffset: Int?) {
        self.items = items
        self.limit = limit
        self.offset = offset
        self.nextOffset = nextOffset
    }
}

extension Store {
    // MARK: - lists

    public func articleList(limit: Int, offset: Int) async throws -> ListPage<ArticleCard> {
        let rows = try await sql.raw("""
            SELECT id FROM articles ORDER BY published_day DESC, id DESC LIMIT \(bind: limit + 1) OFFSET \(bind: offset)
            """).all().map { try $0.int("id") }
        return ListPage(items: try await articleCards(Array(rows.prefix(limit))), limit: limit, offset: offset,
                        nextOffset: rows.count > limit ? offset + limit : nil)
    }

    /// Events, newest first; optionally of one type, involving one actor, in a date range.
    public func eventList(type: String? = nil, actor: Int? = nil, since: String? = nil, until: String? = nil,
                          limit: Int, offset: Int) async throws -> ListPage<EventCard> {
        var q: SQLQueryString
        if let actor {
            q = "SELECT DISTINCT p.fused_id AS id, p.date_day FROM fused_participants p WHERE p.actor_id = \(bind: actor) AND p.fused_id NOT IN (SELECT id FROM fused_events WHERE rejected = 1)"
            if let type { q += " AND p.type = \(bind: type)" }
            if let since { q += " AND p.date_day >= \(bind: since)" }
            if let until { q += " AND p.date_day <= \(bind: until)" }
            q += " ORDER BY p.date_day DESC, p.fused_id DESC"
        } else {
            q = "SELECT f.id FROM fused_events f WHERE f.rejected = 0"
            if let type { q += " AND f.type = \(bind: type)" }
            if let since { q += " AND f.date_day >= \(bind: since)" }
            if let until { q += " AND f.date_day <= \(bind: until)" }
            q += " ORDER BY f.date_day DESC, f.id DESC"
        }
        q += " LIMIT \(bind: limit + 1) OFFSET \(bind: offset)"
        let ids = try await sql.raw(q).all().map { try $0.int("id") }
        return ListPage(items: try await eventCards(Array(ids.prefix(limit))), limit: limit, offset: offset,
                        nextOffset: ids.count > limit ? offset + limit : nil)
    }

    public func actorList(type: String? = nil, limit: Int, offset: Int) async throws -> ListPage<ActorSummary> {
        let found = try await actors(type: type, limit: limit + 1, offset: offset)
        return ListPage(items: Array(found.prefix(limit)), limit: limit, offset: offset, nextOffset: found.count > limit ? offset + limit : nil)
    }

    // MARK: - home

    public func homeSummary() async throws -> HomeSummary {
        let newest = try await sql.raw("SELECT MAX(published_day) AS d FROM articles").first()?.optionalString("d")
        let weekFrom = newest.flatMap { EventDate.shift($0, by: -6) }
        let articleCount = try await sql.raw("SELECT COUNT(*) AS n FROM articles").first()?.int("n") ?? 0
        // The newest events that had happened by the newest article (not the plans for next year).
        let latest = try await eventList(until: newest, limit: 12, offset: 0).items
        let latestArticles = try await articleList(limit: 8, offset: 0).items
        var mostQuoted: [QuotedActor] = []
        var storylines: [StorylineCard] = []
        var counts: [PeriodCount] = []
        if let weekFrom {
            let yearFrom = EventDate.shift(newest!, by: -365) ?? weekFrom
            // (Rejected events left out through their own small index, so that the count reads the
            // index by day alone: 100 ms → 40 ms at 100k articles.)
            counts = try await periodCounts("""
                SELECT date_day, type FROM fused_events WHERE date_day >= \(bind: yearFrom) AND id NOT IN (SELECT id FROM fused_events WHERE rejected = 1)
                """)
            let rows = try await sql.raw("""
                SELECT speaker_actor_id AS id, COUNT(*) AS n FROM quotes WHERE said_on >= \(bind: weekFrom) AND speaker_actor_id IS NOT NULL
                GROUP BY speaker_actor_id ORDER BY n DESC, speaker_actor_id LIMIT 8
                """).all()
            let refs = try await actorRefs(rows.map { try $0.int("id") })
            mostQuoted = try rows.compactMap { row in refs[try row.int("id")].map { QuotedActor(actor: $0, quotes: (try? row.int("n")) ?? 0) } }
            storylines = try await activeStorylines(since: EventDate.shift(newest!, by: -90) ?? weekFrom, limit: 8)
        }
        return HomeSummary(asOf: newest, weekFrom: weekFrom, articleCount: articleCount, latestEvents: latest,
                           storylines: storylines, mostQuoted: mostQuoted, latestArticles: latestArticles, eventCounts: counts)
    }

    /// The pairs of actors that meet most often in events since `since`: a storyline each.
    public func activeStorylines(since: String, limit: Int) async throws -> [StorylineCard] {
        let rows = try await sql.raw("""
            SELECT a.actor_id AS x, b.actor_id AS y, COUNT(DISTINCT a.fused_id) AS n, MAX(a.date_day) AS last
            FROM fused_participants a JOIN fused_participants b ON b.fused_id = a.fused_id AND b.actor_id > a.actor_id
            JOIN actors ax ON ax.id = a.actor_id JOIN actors ay ON ay.id = b.actor_id
            WHERE a.date_day >= \(bind: since) AND a.fused_id NOT IN (SELECT id FROM fused_events WHERE rejected = 1) AND ax.type IN ('GPE', 'ORG', 'PERSON', 'NORP') AND ay.type IN ('GPE', 'ORG', 'PERSON', 'NORP')
            GROUP BY a.actor_id, b.actor_id ORDER BY n DESC, last DESC LIMIT \(bind: limit * 3)
            """).all()
        let refs = try await actorRefs(rows.flatMap { [try $0.int("x"), try $0.int("y")] })
        var cards: [StorylineCard] = []
        var seen = Set<Set<Int>>()
        for row in rows {
            guard let x = refs[try row.int("x")], let y = refs[try row.int("y")], seen.insert([x.id, y.id]).inserted else { continue }
            cards.append(StorylineCard(actors: [x, y], events: try row.int("n"), lastDay: try row.optionalString("last")))
            if cards.count == limit { break }
        }
        return cards
    }

    // MARK: - one article

    public func articleDetail(_ id: Int) async throws -> ArticleDetail {
        guard let r = try await sql.raw("""
            SELECT id, title, url, published, modified, site_name, authors, categories, tags, language, description, word_count,
              reading_minutes, images, body, syndication_group FROM articles WHERE id = \(bind: id)
            """).first() else { throw StoreError.notFound("no article with id \(id)") }
        let body = try r.string("body")
        let decoder = JSONDecoder()
        func list(_ column: String) throws -> [String] {
            (try? decoder.decode([String].self, from: Data(try r.string(column).utf8))) ?? []
        }
        let images = (try? decoder.decode([ImageInfo].self, from: Data(try r.string("images").utf8))) ?? []

        // Entities and their mentions.
        let entityRows = try await sql.raw("""
            SELECT e.id, e.name, e.type, e.actor_id, ac.name AS actor_name, ac.type AS actor_type
            FROM entities e LEFT JOIN actors ac ON ac.id = e.actor_id WHERE e.article_id = \(bind: id) ORDER BY e.id
            """).all()
        var entities: [EntityMark] = []
        var index: [Int: Int] = [:]
        for row in entityRows {
            let actor = try row.optionalInt("actor_id").map { ActorRef(id: $0, name: try row.string("actor_name"), type: try row.string("actor_type")) }
            index[try row.int("id")] = entities.count
            entities.append(EntityMark(id: try row.int("id"), name: try row.string("name"), type: try row.string("type"), actor: actor, roles: [], mentions: []))
        }
        for row in try await sql.raw("SELECT entity_id, start_offset, end_offset, text FROM mentions WHERE article_id = \(bind: id) ORDER BY start_offset").all() {
            if let i = index[try row.int("entity_id")] {
                entities[i].mentions.append(Excerpt(start: try row.int("start_offset"), end: try row.int("end_offset"), text: try row.string("text")))
            }
        }
        for row in try await sql.raw("SELECT entity_id, title FROM roles WHERE article_id = \(bind: id) ORDER BY id").all() {
            if let i = index[try row.int("entity_id")], !entities[i].roles.contains(try row.string("title")) {
                entities[i].roles.append(try row.string("title"))
            }
        }
        let quotes = try await quoteInfos("qu.article_id = \(bind: id)", order: "qu.start_offset", limit: 500)
        let eventIDs = try await sql.raw("""
            SELECT fused_id, MIN(sentence_start) AS s FROM events WHERE article_id = \(bind: id) AND fused_id IS NOT NULL
              AND fused_id NOT IN (SELECT id FROM fused_events WHERE rejected = 1) GROUP BY fused_id ORDER BY s
            """).all().map { try $0.int("fused_id") }
        let events = try await eventCards(eventIDs)

        // Related: other reports of the same events first, then articles sharing the most actors.
        var syndicated: [Int] = []
        if let group = try r.optionalInt("syndication_group") {
            syndicated = try await sql.raw("SELECT id FROM articles WHERE syndication_group = \(bind: group) AND id <> \(bind: id) ORDER BY id LIMIT 10").all().map { try $0.int("id") }
        }
        // The actors the article is most about (most mentioned) first.
        let central = entities.sorted { $0.mentions.count > $1.mentions.count }.compactMap { $0.actor?.id }
        let related = try await relatedArticles(to: id, events: eventIDs, actors: central, excluding: Set(syndicated))

        return ArticleDetail(
            id: id, title: try r.optionalString("title"), url: try r.optionalString("url"), published: try r.optionalString("published"),
            modified: try r.optionalString("modified"), site: try r.optionalString("site_name"), authors: try list("authors"),
            categories: try list("categories"), tags: try list("tags"), language: try r.optionalString("language"),
            description: try r.optionalString("description"), wordCount: try r.int("word_count"), readingMinutes: try r.int("reading_minutes"),
            images: images, text: body, entities: entities, quotes: quotes, events: events,
            related: try await articleCards(related), syndicated: try await articleCards(syndicated))
    }

    /// Articles that reported the same events, then those sharing the most actors with it.
    /// Only the article's eight most mentioned actors count, each with its newest 50 other
    /// articles, so a country named in half the store costs no more than a rarely seen envoy.
    func relatedArticles(to id: Int, events: [Int], actors: [Int], excluding: Set<Int>, limit: Int = 6) async throws -> [Int] {
        var score: [Int: Double] = [:]
        if !events.isEmpty {
            for row in try await sql.raw("""
                SELECT article_id, COUNT(DISTINCT fused_id) AS n FROM events WHERE fused_id IN (\(binds: Array(events.prefix(50)))) AND article_id <> \(bind: id)
                GROUP BY article_id
                """).all() {
                score[try row.int("article_id"), default: 0] += 10 * Double(try row.int("n"))
            }
        }
        // Each actor's newest 50 other articles, weighted and summed by the database: decoding
        // thousands of rows here cost more than the rest of the page.
        var unique = Set<Int>()
        let chosen = actors.filter { unique.insert($0).inserted }.prefix(8)
        if !chosen.isEmpty {
            var union: SQLQueryString = ""
            for (n, actor) in chosen.enumerated() {
                if n > 0 { union += " UNION ALL " }
                union += """
                    SELECT * FROM (SELECT DISTINCT actor_id, article_id FROM entities WHERE actor_id = \(bind: actor) AND article_id <> \(bind: id)
                    ORDER BY article_id DESC LIMIT 50) \(ident: "r\(n)")
                    """
            }
            // An actor in few articles says more about a link than one in many: each counts 1/n,
            // n being the articles it contributed (at most 50).
            var q: SQLQueryString = "SELECT article_id, SUM(w) AS score FROM (SELECT article_id, 1.0 / COUNT(*) OVER (PARTITION BY actor_id) AS w FROM ("
            q += union + ") u) s GROUP BY article_id ORDER BY score DESC, article_id DESC LIMIT \(bind: limit + excluding.count + 10)"
            for row in try await sql.raw(q).all() { score[try row.int("article_id"), default: 0] += try row.double("score") }
        }
        return score.filter { !excluding.contains($0.key) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
            .prefix(limit).map(\.key)
    }

    // MARK: - one actor

    public func actorDetail(_ id: Int) async throws -> ActorDetail {
        let summary = try await actor(id)
        let roleRows = try await sql.raw("""
            SELECT MIN(title) AS title, MAX(affiliation) AS affiliation, MIN(seen_on) AS first, MAX(seen_on) AS last, COUNT(DISTINCT article_id) AS n
            FROM roles WHERE actor_id = \(bind: id) GROUP BY LOWER(title) ORDER BY last DESC, n DESC LIMIT 30
            """).all()
        let roles = try roleRows.map {
            RoleSpan(title: try $0.string("title"), affiliation: try $0.optionalString("affiliation"), firstSeen: try $0.optionalString("first"),
                     lastSeen: try $0.optionalString("last"), articles: try $0.int("n"))
        }
        let quotes = try await quoteInfos("qu.speaker_actor_id = \(bind: id)", order: "qu.said_on DESC, qu.id DESC", limit: 20)
        let events = try await eventList(actor: id, limit: 60, offset: 0).items.sorted { ($0.day ?? "", $0.id) < ($1.day ?? "", $1.id) }

        // Counterparts over the actor's newest 500 events.
        let counterpartRows = try await sql.raw("""
            SELECT me.role AS mine, other.role AS theirs, other.actor_id, me.type, COUNT(*) AS n
            FROM (SELECT fused_id, role, type FROM fused_participants WHERE actor_id = \(bind: id) AND fused_id NOT IN (SELECT id FROM fused_events WHERE rejected = 1)
                  ORDER BY date_day DESC LIMIT 500) me
            JOIN fused_participants other ON other.fused_id = me.fused_id AND other.actor_id <> \(bind: id)
            GROUP BY me.role, other.role, other.actor_id, me.type ORDER BY n DESC LIMIT 40
            """).all()
        let refs = try await actorRefs(counterpartRows.map { try $0.int("actor_id") })
        var counterparts: [Counterpart] = []
        for row in counterpartRows {
            guard let other = refs[try row.int("actor_id")] else { continue }
            let mine = try row.string("mine"), theirs = try row.string("theirs")
            let direction = mine == "actor" && theirs == "target" ? "to" : mine == "target" && theirs == "actor" ? "from" : "with"
            counterparts.append(Counterpart(actor: other, direction: direction, type: try row.string("type"), count: try row.int("n")))
        }
        let articleIDs = try await sql.raw("""
            SELECT DISTINCT article_id FROM entities WHERE actor_id = \(bind: id) ORDER BY article_id DESC LIMIT 20
            """).all().map { try $0.int("article_id") }
        let counts = try await periodCounts("SELECT date_day, type FROM fused_participants WHERE actor_id = \(bind: id) AND date_day IS NOT NULL AND fused_id NOT IN (SELECT id FROM fused_events WHERE rejected = 1)")
        return ActorDetail(actor: ActorRef(id: summary.id, name: summary.name, type: summary.type), aliases: summary.aliases,
                           articleCount: summary.articles, roles: roles, quotes: quotes, events: events, counterparts: counterparts,
                           articles: try await articleCards(articleIDs), eventCounts: counts, corrections: try await actorCorrections(id))
    }

    // MARK: - one event

    public func eventDetail(_ id: Int) async throws -> EventDetail {
        guard let card = try await eventCards([id]).first else { throw StoreError.notFound("no event with id \(id)") }
        let rows = try await sql.raw("""
            SELECT e.id, e.article_id, a.title, a.published, a.site_name, a.url, e.mode, e.modality, e.date_value, e.sentence_start, e.sentence_end,
              e.sentence_text, e.trigger_start, e.trigger_end, e.trigger_text, e.confidence, e.killed, e.injured, e.amounts
            FROM events e JOIN articles a ON a.id = e.article_id WHERE e.fused_id = \(bind: id) ORDER BY a.published_day, e.id LIMIT 200
            """).all()
        let positions = try await positionInfos(eventIDs: rows.map { try $0.int("id") })
        let reports = try rows.map { r in
            let eventID = try r.int("id")
            return EventReport(
                id: eventID, articleID: try r.int("article_id"), articleTitle: try r.optionalString("title"), published: try r.optionalString("published"),
                site: try r.optionalString("site_name"), url: try r.optionalString("url"), mode: try r.optionalString("mode"),
                modality: try r.string("modality"), date: try r.optionalString("date_value"),
                sentence: Excerpt(start: try r.int("sentence_start"), end: try r.int("sentence_end"), text: try r.string("sentence_text")),
                trigger: Excerpt(start: try r.int("trigger_start"), end: try r.int("trigger_end"), text: try r.string("trigger_text")),
                confidence: try r.double("confidence"), killed: try r.optionalInt("killed"), injured: try r.optionalInt("injured"),
                amounts: Self.amounts(try r.string("amounts")), position: positions[eventID])
        }
        let rejected = try await sql.raw("SELECT rejected FROM fused_events WHERE id = \(bind: id)").first()?.int("rejected") ?? 0
        return EventDetail(event: card, status: rejected == 1 ? "rejected" : "accepted", reports: reports, corrections: try await eventCorrections(id))
    }

    // MARK: - storylines and the negotiation tracker

    /// A storyline: the events two (or more) actors share, or the events of articles that match
    /// the words of `query`, or both; oldest first.
    public func storyline(actors: [Int], query: String?, limit: Int = 200) async throws -> Storyline {
        let refs = try await actorRefs(actors)
        let fusedIDs = try await storylineEventIDs(actors: actors, query: query, limit: limit)
        let events = try await eventCards(fusedIDs).sorted { ($0.day ?? "", $0.id) < ($1.day ?? "", $1.id) }
        let articleIDs = try await sql.raw(fusedIDs.isEmpty ? "SELECT id FROM articles WHERE 1 = 0" : """
            SELECT DISTINCT article_id FROM events WHERE fused_id IN (\(binds: fusedIDs)) ORDER BY article_id DESC LIMIT 30
            """).all().map { try $0.int("article_id") }
        var counts: [String: Int] = [:]
        for event in events { if let day = event.day { counts["\(day.prefix(7))|\(event.type)", default: 0] += 1 } }
        return Storyline(actors: actors.compactMap { refs[$0] }, query: query, events: events,
                         articles: try await articleCards(articleIDs), eventCounts: Self.periodList(counts))
    }

    func storylineEventIDs(actors: [Int], query: String?, limit: Int) async throws -> [Int] {
        var q: SQLQueryString
        if let first = actors.first {
            q = "SELECT DISTINCT p0.fused_id AS id, p0.date_day FROM fused_participants p0"
            for (n, actor) in actors.dropFirst().enumerated() {
                q += " JOIN fused_participants \(ident: "p\(n + 1)") ON \(ident: "p\(n + 1)").fused_id = p0.fused_id AND \(ident: "p\(n + 1)").actor_id = \(bind: actor)"
            }
            q += " WHERE p0.actor_id = \(bind: first) AND p0.fused_id NOT IN (SELECT id FROM fused_events WHERE rejected = 1)"
        } else {
            q = "SELECT f.id, f.date_day FROM fused_events f WHERE f.rejected = 0"
        }
        if let query, !query.isEmpty {
            let articles = try await searchArticles(SearchQuery(text: query, limit: 1000)).map(\.id)
            if articles.isEmpty { return [] }
            let column: SQLQueryString = actors.isEmpty ? "f.id" : "p0.fused_id"
            q += " AND " + column + " IN (SELECT fused_id FROM events WHERE article_id IN (\(binds: articles)))"
        }
        q += actors.isEmpty ? " ORDER BY f.date_day DESC LIMIT \(bind: limit)" : " ORDER BY p0.date_day DESC LIMIT \(bind: limit)"
        return try await sql.raw(q).all().map { try $0.int("id") }
    }

    /// Who demands, offers, accepts or rejects what, in a storyline, and how it changed.
    /// The positions come from every article that names all the storyline's actors (and
    /// matches its words): a demand by one party is part of the negotiation even when the
    /// sentence does not name the other.
    /// The positions in a storyline (its actors' articles, or those matching `query`), or with
    /// `events`, the positions of those events alone.
    public func negotiationTracker(actors: [Int], query: String?, since: String? = nil, until: String? = nil, events: [Int]? = nil) async throws -> NegotiationTracker {
        let refs = try await actorRefs(actors)
        // An actor's articles: those that name it, and those where it holds a position without
        // being named (a seat of government standing for it: "Moscow rejected …").
        var scope: [SQLQueryString] = actors.enumerated().map { n, actor in
            """
            SELECT article_id FROM (SELECT article_id FROM entities WHERE actor_id = \(bind: actor)
              UNION SELECT article_id FROM positions WHERE holder_actor_id = \(bind: actor)) \(ident: "scope\(n)")
            """
        }
        if let query, !query.isEmpty {
            let articles = try await searchArticles(SearchQuery(text: query, limit: 1000)).map(\.id)
            scope.append(articles.isEmpty ? "SELECT id FROM articles WHERE 1 = 0" : "SELECT id FROM articles WHERE id IN (\(binds: articles))")
        }
        var rows: [any SQLRow] = []
        if let events {
            if !events.isEmpty {
                rows = try await sql.raw("""
                    SELECT p.event_id, p.article_id, p.issue, p.stance, p.holder_actor_id, p.addressee_actor_id, p.stated_on, e.fused_id, e.sentence_text
                    FROM positions p JOIN events e ON e.id = p.event_id
                    WHERE p.holder_actor_id IS NOT NULL AND e.fused_id IN (\(binds: events)) ORDER BY p.stated_on, p.id LIMIT 5000
                    """).all()
            }
        } else if !scope.isEmpty {
            var inner: SQLQueryString = scope[0]
            for part in scope.dropFirst() { inner += " INTERSECT " + part }
            var full: SQLQueryString = """
                SELECT p.event_id, p.article_id, p.issue, p.stance, p.holder_actor_id, p.addressee_actor_id, p.stated_on, e.fused_id, e.sentence_text
                FROM positions p JOIN events e ON e.id = p.event_id
                WHERE p.holder_actor_id IS NOT NULL AND e.fused_id IS NOT NULL AND e.fused_id NOT IN (SELECT id FROM fused_events WHERE rejected = 1) AND p.article_id IN (
                """
            full += inner + ")"
            if let since { full += " AND p.stated_on >= \(bind: since)" }
            if let until { full += " AND p.stated_on <= \(bind: until)" }
            full += " ORDER BY p.stated_on DESC, p.id DESC LIMIT 5000"
            rows = try await sql.raw(full).all().reversed()
        }
        var cells: [String: TrackerCell] = [:]
        var partyCounts: [Int: Int] = [:]
        var issueCounts: [String: Int] = [:]
        if !rows.isEmpty {
            let people = try await actorRefs(rows.flatMap { [try $0.optionalInt("holder_actor_id"), try $0.optionalInt("addressee_actor_id")].compactMap { $0 } })
            // One row per issue however it was worded ("the court's jurisdiction", "jurisdiction
            // of the court"), shown as its most frequent wording.
            let labels = IssueKey.labels(for: try rows.map { try $0.string("issue") })
            for row in rows {
                let holder = try row.int("holder_actor_id"), stance = try row.string("stance")
                let issue = labels[try row.string("issue")]!
                let change = StanceChange(stance: stance, date: try row.optionalString("stated_on"),
                                          addressee: try row.optionalInt("addressee_actor_id").flatMap { people[$0] },
                                          eventID: try row.int("fused_id"), articleID: try row.int("article_id"), sentence: try row.string("sentence_text"))
                let key = "\(holder)|\(issue)"
                cells[key, default: TrackerCell(party: holder, issue: issue, stance: stance, history: [])].history.append(change)
                cells[key]!.stance = stance
                partyCounts[holder, default: 0] += 1
                issueCounts[issue, default: 0] += 1
            }
            let parties = partyCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(12).compactMap { people[$0.key] }
            let kept = Set(parties.map(\.id))
            // Issues on which the most of the shown parties took a stance come first: the contested ones.
            var holders: [String: Int] = [:]
            for cell in cells.values where kept.contains(cell.party) { holders[cell.issue, default: 0] += 1 }
            let issues = holders.keys.sorted { a, b in
                (holders[a]!, issueCounts[a] ?? 0) != (holders[b]!, issueCounts[b] ?? 0)
                    ? (holders[a]!, issueCounts[a] ?? 0) > (holders[b]!, issueCounts[b] ?? 0) : a < b
            }.prefix(20).map { $0 }
            let keptIssues = Set(issues)
            let shown = cells.values.filter { kept.contains($0.party) && keptIssues.contains($0.issue) }
            // A party whose every stance is on issues left out would be an empty row.
            let withStance = Set(shown.map(\.party))
            return NegotiationTracker(actors: actors.compactMap { refs[$0] }, query: query, parties: parties.filter { withStance.contains($0.id) },
                                      issues: issues, cells: shown.sorted { ($0.party, $0.issue) < ($1.party, $1.issue) })
        }
        return NegotiationTracker(actors: actors.compactMap { refs[$0] }, query: query, parties: [], issues: [], cells: [])
    }

    /// A value that changes whenever an ingest stores, updates or corrects something, or an
    /// analyst writes a note: the newest article id and update time, correction and note.
    public func dataVersion() async throws -> String {
        let row = try await sql.raw("""
            SELECT (SELECT MAX(id) FROM articles) AS a, (SELECT MAX(updated_at) FROM articles) AS u, (SELECT MAX(id) FROM corrections) AS c,
              (SELECT MAX(id) FROM notes) AS n, (SELECT COUNT(*) FROM comments WHERE state = 'approved') AS m,
              (SELECT MAX(id) FROM event_corrections) AS e
            """).first()
        guard let row else { return "" }
        return "\(try row.optionalInt("a") ?? 0)|\(try row.optionalString("u") ?? "")|\(try row.optionalInt("c") ?? 0)|\(try row.optionalInt("n") ?? 0)|\(try row.optionalInt("m") ?? 0)|\(try row.optionalInt("e") ?? 0)"
    }

    // MARK: - building blocks

    public func actorRefs(_ ids: [Int]) async throws -> [Int: ActorRef] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        var refs: [Int: ActorRef] = [:]
        for chunk in stride(from: 0, to: unique.count, by: 500).map({ Array(unique[$0..<min($0 + 500, unique.count)]) }) {
            for row in try await sql.raw("SELECT id, name, type FROM actors WHERE id IN (\(binds: chunk))").all() {
                let ref = ActorRef(id: try row.int("id"), name: try row.string("name"), type: try row.string("type"))
                refs[ref.id] = ref
            }
        }
        return refs
    }

    public func articleCards(_ ids: [Int]) async throws -> [ArticleCard] {
        guard !ids.isEmpty else { return [] }
        var cards: [Int: ArticleCard] = [:]
        for row in try await sql.raw("""
            SELECT id, title, url, published, site_name, description, reading_minutes FROM articles WHERE id IN (\(binds: ids))
            """).all() {
            let card = ArticleCard(id: try row.int("id"), title: try row.optionalString("title"), url: try row.optionalString("url"),
                                   published: try row.optionalString("published"), site: try row.optionalString("site_name"),
                                   description: try row.optionalString("description"), readingMinutes: try row.int("reading_minutes"))
            cards[card.id] = card
        }
        return ids.compactMap { cards[$0] }
    }

    /// Event cards in the order of `ids`.
    public func eventCards(_ ids: [Int]) async throws -> [EventCard] {
        guard !ids.isEmpty else { return [] }
        let rows = try await sql.raw("""
            SELECT id, type, date_value, date_granularity, date_day, place_actor_id FROM fused_events WHERE id IN (\(binds: ids))
            """).all()
        let participants = try await sql.raw("""
            SELECT fused_id, actor_id, role FROM fused_participants WHERE fused_id IN (\(binds: ids)) ORDER BY fused_id, role, actor_id
            """).all()
        let firsts = try await sql.raw("""
            SELECT fused_id, COUNT(*) AS n, MIN(id) AS first FROM events WHERE fused_id IN (\(binds: ids)) GROUP BY fused_id
            """).all()
        var reportCount: [Int: Int] = [:]
        var firstReport: [Int: Int] = [:]
        for row in firsts {
            reportCount[try row.int("fused_id")] = try row.int("n")
            firstReport[try row.int("fused_id")] = try row.int("first")
        }
        var sample: [Int: (String, Int, String)] = [:]
        if !firstReport.isEmpty {
            for row in try await sql.raw("SELECT fused_id, sentence_text, article_id, modality FROM events WHERE id IN (\(binds: Array(firstReport.values)))").all() {
                sample[try row.int("fused_id")] = (try row.string("sentence_text"), try row.int("article_id"), try row.string("modality"))
            }
        }
        let refs = try await actorRefs(participants.map { try $0.int("actor_id") } + rows.compactMap { try $0.optionalInt("place_actor_id") })
        var cards: [Int: EventCard] = [:]
        for row in rows {
            let id = try row.int("id")
            guard let (sentence, article, modality) = sample[id] else { continue }
            cards[id] = EventCard(id: id, type: try row.string("type"), modality: modality, date: try row.optionalString("date_value"),
                                  dateGranularity: try row.optionalString("date_granularity"), day: try row.optionalString("date_day"),
                                  place: try row.optionalInt("place_actor_id").flatMap { refs[$0] }, actors: [], targets: [],
                                  reports: reportCount[id] ?? 0, sentence: sentence, articleID: article)
        }
        for row in participants {
            let id = try row.int("fused_id")
            guard cards[id] != nil, let ref = refs[try row.int("actor_id")] else { continue }
            if try row.string("role") == "actor" { cards[id]!.actors.append(ref) } else { cards[id]!.targets.append(ref) }
        }
        return ids.compactMap { cards[$0] }
    }

    func quoteInfos(_ condition: SQLQueryString, order: SQLQueryString, limit: Int) async throws -> [QuoteInfo] {
        var q: SQLQueryString = """
            SELECT qu.id, qu.text, qu.start_offset, qu.end_offset, qu.speaker_actor_id, ac.name AS speaker, ac.type AS speaker_type, qu.cue,
              qu.sentence_text, qu.article_id, a.title, a.published
            FROM quotes qu JOIN articles a ON a.id = qu.article_id LEFT JOIN actors ac ON ac.id = qu.speaker_actor_id WHERE
            """
        q += " " + condition + " ORDER BY " + order + " LIMIT \(bind: limit)"
        return try await sql.raw(q).all().map { r in
            QuoteInfo(id: try r.int("id"), text: try r.string("text"), start: try r.int("start_offset"), end: try r.int("end_offset"),
                      speaker: try r.optionalInt("speaker_actor_id").map { ActorRef(id: $0, name: try r.string("speaker"), type: try r.string("speaker_type")) },
                      cue: try r.optionalString("cue"), sentence: try r.string("sentence_text"), articleID: try r.int("article_id"),
                      articleTitle: try r.optionalString("title"), published: try r.optionalString("published"))
        }
    }

    func positionInfos(eventIDs: [Int]) async throws -> [Int: PositionInfo] {
        guard !eventIDs.isEmpty else { return [:] }
        let rows = try await sql.raw("""
            SELECT event_id, issue, stance, holder_actor_id, addressee_actor_id, stated_on FROM positions WHERE event_id IN (\(binds: eventIDs))
            """).all()
        let refs = try await actorRefs(rows.flatMap { [try $0.optionalInt("holder_actor_id"), try $0.optionalInt("addressee_actor_id")].compactMap { $0 } })
        var result: [Int: PositionInfo] = [:]
        for row in rows {
            result[try row.int("event_id")] = PositionInfo(
                issue: try row.string("issue"), stance: try row.string("stance"),
                holder: try row.optionalInt("holder_actor_id").flatMap { refs[$0] },
                addressee: try row.optionalInt("addressee_actor_id").flatMap { refs[$0] }, date: try row.optionalString("stated_on"))
        }
        return result
    }

    /// Counts by month and type of the rows of `select` (which yields `date_day` and `type`).
    func periodCounts(_ select: SQLQueryString) async throws -> [PeriodCount] {
        let month: SQLQueryString = backend == .sqlite ? "substr(date_day, 1, 7)" : "substring(date_day from 1 for 7)"
        var q: SQLQueryString = "SELECT " + month + " AS period, type, COUNT(*) AS n FROM ("
        q += select + ") r GROUP BY 1, 2 ORDER BY 1, 2"
        return try await sql.raw(q).all().map { PeriodCount(period: try $0.string("period"), type: try $0.string("type"), count: try $0.int("n")) }
    }

    static func periodList(_ counts: [String: Int]) -> [PeriodCount] {
        counts.map { key, n in
            let parts = key.split(separator: "|")
            return PeriodCount(period: String(parts[0]), type: String(parts[1]), count: n)
        }.sorted { ($0.period, $0.type) < ($1.period, $1.type) }
    }

    static func amounts(_ json: String) -> [Amount] {
        guard let raw = try? JSONDecoder().decode([[String: String]].self, from: Data(json.utf8)) else { return [] }
        return raw.compactMap { a in
            guard let value = a["amount"].flatMap(Double.init), let currency = a["currency"] else { return nil }
            let qualifier = a["qualifier"].flatMap { $0.isEmpty ? nil : $0 }
            return Amount(amount: value, currency: currency, qualifier: qualifier, text: a["text"] ?? "")
        }
    }
}

// MARK: - briefings

/// A backgrounder on a storyline over a date range: what happened, who said what, where
/// the parties stand, and the sources, each fact with its evidence.
public struct Briefing: Sendable, Equatable, Codable {
    public var actors: [ActorRef]
    public var query: String?
    public var since: String?
    public var until: String?
    /// Oldest first.
    public var events: [EventCard]
    public var quotes: [QuoteInfo]
    public var positions: NegotiationTracker
    public var sources: [ArticleCard]
    public var eventCounts: [PeriodCount]
    /// The analyst's own title, for a backgrounder of hand-picked items.
    public var title: String?
}

extension Store {
    public func briefing(actors: [Int], query: String?, since: String?, until: String?) async throws -> Briefing {
        for (name, value) in [("since", since), ("until", until)] {
            if let value, !Self.isDay(value) { throw StoreError.invalid("\(name)=\(value): expected a date as YYYY-MM-DD") }
        }
        let story = try await storyline(actors: actors, query: query, limit: 2000)
        let events = story.events.filter { e in
            guard let day = e.day else { return since == nil && until == nil }
            return (since.map { day >= $0 } ?? true) && (until.map { day <= $0 } ?? true)
        }
        // Quotes of the storyline's actors in the range, or those in its articles for a topic.
        var condition: SQLQueryString
        if !actors.isEmpty {
            condition = "qu.speaker_actor_id IN (\(binds: actors))"
            if let query, !query.isEmpty {
                let articles = try await searchArticles(SearchQuery(text: query, limit: 1000)).map(\.id)
                condition += articles.isEmpty ? " AND 1 = 0" : " AND qu.article_id IN (\(binds: articles))"
            }
        } else {
            let articles = Array(Set(events.map(\.articleID)))
            condition = articles.isEmpty ? "1 = 0" : "qu.article_id IN (\(binds: articles))"
        }
        if let since { condition += " AND qu.said_on >= \(bind: since)" }
        if let until { condition += " AND qu.said_on <= \(bind: until)" }
        let quotes = try await quoteInfos(condition, order: "qu.said_on, qu.id", limit: 30)
        let positions = try await negotiationTracker(actors: actors, query: query, since: since, until: until)
        return try await briefing(actors: story.actors, query: query, since: since, until: until, events: events, quotes: quotes, positions: positions, title: nil)
    }

    /// A backgrounder from hand-picked events (ids of fused events), quotes and, beside it,
    /// notes: the positions are those the picked events took. Rejected events are left out.
    public func briefing(events eventIDs: [Int], quotes quoteIDs: [Int], title: String?) async throws -> Briefing {
        guard eventIDs.count + quoteIDs.count <= 500 else { throw StoreError.invalid("a backgrounder holds at most 500 events and quotes") }
        let kept = eventIDs.isEmpty ? [] : try await sql.raw("""
            SELECT id FROM fused_events WHERE id IN (\(binds: eventIDs)) AND rejected = 0
            """).all().map { try $0.int("id") }
        let events = try await eventCards(kept).sorted { ($0.day ?? "", $0.id) < ($1.day ?? "", $1.id) }
        let quotes = quoteIDs.isEmpty ? [] : try await quoteInfos("qu.id IN (\(binds: quoteIDs))", order: "qu.said_on, qu.id", limit: 500)
        let positions = try await negotiationTracker(actors: [], query: nil, events: kept)
        let days = events.compactMap(\.day) + quotes.compactMap(\.published).map { String($0.prefix(10)) }
        let trimmed = title?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await briefing(actors: [], query: nil, since: days.min(), until: days.max(), events: events, quotes: quotes, positions: positions,
                                  title: trimmed?.isEmpty == false ? String(trimmed!.prefix(200)) : nil)
    }

    private func briefing(actors: [ActorRef], query: String?, since: String?, until: String?, events: [EventCard], quotes: [QuoteInfo],
                          positions: NegotiationTracker, title: String?) async throws -> Briefing {
        var sourceIDs: [Int] = []
        for id in events.map(\.articleID) + quotes.map(\.articleID) + positions.cells.flatMap({ $0.history.map(\.articleID) }) where !sourceIDs.contains(id) {
            sourceIDs.append(id)
        }
        var counts: [String: Int] = [:]
        for event in events { if let day = event.day { counts["\(day.prefix(7))|\(event.type)", default: 0] += 1 } }
        return Briefing(actors: actors, query: query, since: since, until: until, events: events, quotes: quotes,
                        positions: positions, sources: try await articleCards(sourceIDs), eventCounts: Self.periodList(counts), title: title)
    }
}

