import BackchannelCore
@testable import BackchannelStore
import Foundation
import SQLKit
import BackchannelTestSupport
import Testing

/// Storing articles and their facts, on SQLite and on PostgreSQL.
@Suite("store", .serialized)
struct StoreTests {
    static func witkoffVisit(url: String? = "https://wire.example/2025/04/11/witkoff-putin", day: String = "2025-04-11",
                             envoy: String = "Steve Witkoff", extra: String = "") -> ArticleBuilder {
        var a = ArticleBuilder(url: url, published: day, title: "Envoy meets Putin in St. Petersburg",
                               text: "U.S. special envoy \(envoy) met Vladimir Putin in St. Petersburg on Friday. \(envoy) said the talks were \u{201C}productive\u{201D}.\(extra)")
        let witkoff = a.entity(envoy, .person, roles: ["special envoy"], affiliation: "United States")
        let putin = a.entity("Vladimir Putin", .person)
        let spb = a.entity("St. Petersburg", .gpe)
        a.event(.consult, actors: [witkoff], targets: [putin], place: spb, date: day, sentence: "U.S. special envoy \(envoy) met Vladimir Putin in St. Petersburg on Friday.", trigger: "met")
        a.quote("productive", speaker: witkoff)
        return a
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func storesAnArticleOnceAndReplacesAChangedVersion(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        let first = try await store.transaction { try await store.write(Self.witkoffVisit().document, input: "a.html") }
        guard case .stored(let id) = first else { Issue.record("expected stored, got \(first)"); return }
        #expect(try await store.count("entities") == 3)
        #expect(try await store.count("mentions") == 4)
        #expect(try await store.count("quotes") == 1)
        #expect(try await store.count("events") == 1)

        let again = try await store.transaction { try await store.write(Self.witkoffVisit().document, input: "a.html") }
        #expect(again == .duplicate(articleID: id))
        #expect(try await store.count("articles") == 1)

        let changed = try await store.transaction {
            try await store.write(Self.witkoffVisit(extra: " The Kremlin gave no details.").document, input: "a.html")
        }
        #expect(changed == .updated(articleID: id))
        #expect(try await store.count("articles") == 1)
        #expect(try await store.ints("SELECT version FROM articles") == [2])
        // The old facts went with the old version: nothing doubled.
        #expect(try await store.count("entities") == 3)
        #expect(try await store.count("events") == 1)
        #expect(try await store.count("fused_events") == 1)
        #expect(try await store.count("quotes") == 1)
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func everyFactKeepsItsSentence(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        try await store.transaction { _ = try await store.write(Self.witkoffVisit().document, input: nil) }
        let sentences = try await store.strings("SELECT sentence_text FROM events")
        #expect(sentences == ["U.S. special envoy Steve Witkoff met Vladimir Putin in St. Petersburg on Friday."])
        let quote = try await store.strings("SELECT sentence_text FROM quotes")
        #expect(quote == ["productive"])
        let mentionSentences = try await store.ints("SELECT sentence_end FROM mentions")
        #expect(mentionSentences.count == 4 && mentionSentences.allSatisfy { $0 > 0 })
        let roleDays = try await store.strings("SELECT seen_on FROM roles")
        #expect(roleDays == ["2025-04-11"])
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func oneActorAcrossArticlesAndSpellings(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        var march = ArticleBuilder(url: "https://a.example/march", published: "2025-03-13", title: "March",
                                   text: "Witkoff flew to Moscow. Zelensky spoke to reporters. Donald Trump posted online.")
        march.entity("Witkoff", .person)
        march.entity("Zelensky", .person)
        march.entity("Donald Trump", .person)
        var april = ArticleBuilder(url: "https://b.example/april", published: "2025-04-11", title: "April",
                                   text: "Steve Witkoff met Putin. Volodymyr Zelenskyy was in Kyiv. Melania Trump attended.")
        april.entity("Steve Witkoff", .person, roles: ["special envoy"])
        april.entity("Volodymyr Zelenskyy", .person)
        april.entity("Melania Trump", .person)
        var may = ArticleBuilder(url: "https://c.example/may", published: "2025-05-02", title: "May", text: "Zelenskiy and the Kremlin.")
        may.entity("Zelenskiy", .person)
        for a in [march, april, may] {
            try await store.transaction { _ = try await store.write(a.document, input: nil) }
        }
        let witkoff = try await store.actorID(named: "Witkoff")
        #expect(try await store.actorID(named: "Steve Witkoff") == witkoff)
        #expect(try await store.actor(witkoff).name == "Steve Witkoff") // the fullest form
        #expect(try await store.actor(witkoff).articles == 2)
        let zelensky = try await store.actorID(named: "Zelensky")
        #expect(try await store.actorID(named: "Zelenskiy") == zelensky)
        #expect(try await store.actorID(named: "Volodymyr Zelenskyy") == zelensky)
        #expect(try await store.actor(zelensky).articles == 3)
        // Same surname, other given name: another person.
        #expect(try await store.actorID(named: "Melania Trump") != store.actorID(named: "Donald Trump"))
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func reportsOfOneEventBecomeOneEventWithSeveralSources(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        let wire = Self.witkoffVisit()
        // Another outlet, the next day, other words, "Witkoff" only.
        var other = ArticleBuilder(url: "https://paper.example/envoy-kremlin", published: "2025-04-12", title: "Witkoff and Putin talk for hours",
                                   text: "Witkoff held talks with Putin in St. Petersburg on Friday, the Kremlin said.")
        let w = other.entity("Witkoff", .person)
        let p = other.entity("Putin", .person)
        let spb = other.entity("St. Petersburg", .gpe)
        other.event(.consult, actors: [w], targets: [p], place: spb, date: "2025-04-11", sentence: "Witkoff held talks with Putin in St. Petersburg on Friday, the Kremlin said.", trigger: "held talks")
        // A different meeting: other people, same type and day.
        var unrelated = ArticleBuilder(url: "https://paper.example/oman", published: "2025-04-12", title: "Oman talks",
                                       text: "Abbas Araghchi met Badr Albusaidi in Muscat.")
        let a = unrelated.entity("Abbas Araghchi", .person)
        let b = unrelated.entity("Badr Albusaidi", .person)
        unrelated.event(.consult, actors: [a], targets: [b], date: "2025-04-11", sentence: "Abbas Araghchi met Badr Albusaidi in Muscat.", trigger: "met")
        for article in [wire, other, unrelated] {
            try await store.transaction { _ = try await store.write(article.document, input: nil) }
        }
        #expect(try await store.count("events") == 3)
        #expect(try await store.count("fused_events") == 2)
        let sources = try await store.ints("SELECT COUNT(*) AS n FROM events GROUP BY fused_id ORDER BY n DESC")
        #expect(sources == [2, 1])

        var lines: [String] = []
        try await store.export(.events, format: .jsonl) { lines.append($0) }
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(first["sources"] as? Int == 2)
        #expect((first["reports"] as? [[String: Any]])?.count == 2)
        #expect(Set(first["actors"] as? [String] ?? []) == ["Steve Witkoff"])
        #expect(first["place"] as? String == "St. Petersburg")
    }

    /// Which real event a report joins: the newest of the same type, kind of modality and
    /// window whose place does not differ, sharing two parties, or all of its or the report's
    /// one party.
    @Test(arguments: TestDatabases.Kind.allCases)
    func aReportJoinsTheNewestCompatibleEvent(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        func report(_ n: Int, day: String, parties: [String], place: String? = nil) async throws {
            let sentence = parties.joined(separator: " and ") + " issued demands" + (place.map { " in \($0)" } ?? "") + "."
            var a = ArticleBuilder(url: "https://wire.example/\(n)", published: day, title: "Report \(n)", text: sentence)
            let ids = parties.map { a.entity($0, .gpe) }
            let where_ = place.map { a.entity($0, .gpe) }
            a.event(.demand, actors: [ids[0]], targets: Array(ids.dropFirst()), place: where_, date: day, sentence: sentence, trigger: "issued demands")
            try await store.transaction { _ = try await store.write(a.document, input: nil) }
        }
        try await report(1, day: "2025-05-01", parties: ["United States", "Iran"], place: "Vienna")
        try await report(2, day: "2025-05-02", parties: ["Iran", "Russia"])               // one shared of two: new
        try await report(3, day: "2025-05-01", parties: ["Iran"])                         // its one party: the newest, 2
        try await report(4, day: "2025-05-02", parties: ["United States", "Iran"], place: "Geneva") // place differs from 1: new
        try await report(5, day: "2025-05-03", parties: ["United States", "Iran"], place: "Geneva") // joins 4
        try await report(6, day: "2025-05-20", parties: ["China"])                        // another window: new
        try await report(7, day: "2025-05-21", parties: ["China", "Japan"])               // all of 6's one party: joins 6
        try await report(8, day: "2025-05-21", parties: ["Japan", "India"])               // one shared of two with 6: new
        var first: [Int: Int] = [:]
        let pattern = try await store.ints("SELECT fused_id FROM events ORDER BY id").map { id in
            if let n = first[id] { return n }
            first[id] = first.count + 1
            return first.count
        }
        #expect(pattern == [1, 2, 2, 3, 3, 4, 4, 5])
        // Each fused event keeps its count of parties, which fusion reads: 6 had one party
        // until 7 joined it.
        #expect(try await store.ints("SELECT parties FROM fused_events ORDER BY id") == [2, 2, 2, 2, 2])
        #expect(try await Self.wrongPartyCounts(store) == 0)

        // A new version of 7 names other parties: 6 is alone again, and the new reading joins it
        // as the old one did.
        try await report(7, day: "2025-05-21", parties: ["China", "South Korea"])
        #expect(try await store.ints("SELECT parties FROM fused_events ORDER BY id") == [2, 2, 2, 2, 2])
        // Merging India into Japan leaves 8 with one party.
        try await store.mergeActors(keep: try await store.actorID(named: "Japan"), absorb: try await store.actorID(named: "India"))
        #expect(try await store.ints("SELECT parties FROM fused_events ORDER BY id") == [2, 2, 2, 2, 1])
        #expect(try await Self.wrongPartyCounts(store) == 0)
    }

    /// Fused events whose kept count of parties differs from their participants'.
    static func wrongPartyCounts(_ store: Store) async throws -> Int {
        try await store.ints("""
            SELECT COUNT(*) AS n FROM fused_events f
            WHERE f.parties <> (SELECT COUNT(DISTINCT p.actor_id) FROM fused_participants p WHERE p.fused_id = f.id)
            """)[0]
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func aFusedEventShowsEachPartyOnOneSide(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        // Two outlets tell one border clash with the sides the other way round.
        for (url, first, second) in [("https://a.example/clash", "Thailand", "Cambodia"), ("https://b.example/clash", "Cambodia", "Thailand")] {
            let sentence = "\(first) fired on \(second) along the border on Thursday."
            var a = ArticleBuilder(url: url, published: "2025-07-24", title: "Border clash", text: sentence)
            let x = a.entity(first, .gpe)
            let y = a.entity(second, .gpe)
            a.event(.fight, actors: [x], targets: [y], date: "2025-07-24", sentence: sentence, trigger: "fired on")
            try await store.transaction { _ = try await store.write(a.document, input: nil) }
        }
        #expect(try await store.count("fused_events") == 1)
        let id = try await store.ints("SELECT id FROM fused_events")[0]
        let card = try #require(try await store.eventCards([id]).first)
        #expect(Set(card.actors.map(\.name)) == ["Thailand", "Cambodia"])
        #expect(card.targets.isEmpty)
        #expect(card.reports == 2)
        #expect(try await store.ints("SELECT parties FROM fused_events") == [2])

        var lines: [String] = []
        try await store.export(.events, format: .jsonl) { lines.append($0) }
        let record = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(Set(record["actors"] as? [String] ?? []) == ["Thailand", "Cambodia"])
        #expect((record["targets"] as? [String] ?? ["?"]).isEmpty)
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func correctionsSurviveReingestion(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        var a = ArticleBuilder(url: "https://a.example/1", published: "2025-03-01", title: "One", text: "Steve Witkoff and Kirill Dmitriev met.")
        a.entity("Steve Witkoff", .person)
        a.entity("Kirill Dmitriev", .person)
        var b = ArticleBuilder(url: "https://b.example/2", published: "2025-03-02", title: "Two", text: "The envoy S. Witkoff arrived. Kirill A. Dmitriev too.")
        b.entity("Special Envoy Witkoff", .person)
        b.entity("Dmitriev Kirill", .person)
        for x in [a, b] { try await store.transaction { _ = try await store.write(x.document, input: nil) } }

        // The machine made two actors of Dmitriev; an analyst merges them and renames Witkoff.
        let d1 = try await store.actorID(named: "Kirill Dmitriev"), d2 = try await store.actorID(named: "Dmitriev Kirill")
        #expect(d1 != d2)
        try await store.mergeActors(keep: d1, absorb: d2)
        let witkoff = try await store.actorID(named: "Steve Witkoff")
        try await store.renameActor(witkoff, to: "Steven Charles Witkoff")
        #expect(try await store.count("corrections") == 2)

        // Both articles change and are ingested again: the corrections hold.
        b.text += " Talks went on."
        a.text += " Later."
        for x in [a, b] {
            let outcome = try await store.transaction { try await store.write(x.document, input: nil) }
            guard case .updated = outcome else { Issue.record("expected an update, got \(outcome)"); return }
        }
        #expect(try await store.actorID(named: "Dmitriev Kirill") == d1)
        #expect(Set(try await store.ints("SELECT DISTINCT actor_id FROM entities WHERE name LIKE '%Dmitriev%'")) == [d1])
        #expect(try await store.actor(witkoff).name == "Steven Charles Witkoff")
        #expect(try await store.count("actors", "id = \(d2)") == 0)

        // Split: "Special Envoy Witkoff" was read as a name; give it its own actor, and it stays apart.
        let before = try await store.actorID(named: "Special Envoy Witkoff")
        #expect(before == witkoff || before != witkoff) // whichever the rules chose
        if before == witkoff {
            let split = try await store.splitActor(witkoff, alias: "Special Envoy Witkoff")
            try await store.transaction { _ = try await store.write({ var c = b; c.text += " Again."; return c }().document, input: nil) }
            #expect(try await store.actorID(named: "Special Envoy Witkoff") == split)
            #expect(try await store.actorID(named: "Steve Witkoff") == witkoff)
        }
        // Exports show the corrected names.
        var actors: [String] = []
        try await store.export(.actors, format: .jsonl) { actors.append($0) }
        #expect(actors.contains { $0.contains("\"name\":\"Steven Charles Witkoff\"") })
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func searchFindsWordsAndFilters(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        var sanctions = ArticleBuilder(url: "https://a.example/sanctions", published: "2025-02-20", title: "New sanctions on Iran's oil",
                                       text: "Washington imposed sanctions on Iranian oil exports. Tehran rejected the move.")
        let us = sanctions.entity("United States", .gpe, spellings: ["Washington"])
        let iran = sanctions.entity("Iran", .gpe, spellings: ["Iranian"])
        sanctions.entity("Tehran", .gpe)
        sanctions.event(.sanction, actors: [us], targets: [iran], date: "2025-02-20", sentence: "Washington imposed sanctions on Iranian oil exports.", trigger: "imposed sanctions")
        let visit = Self.witkoffVisit()
        var filler: [ArticleBuilder] = []
        for i in 0..<5 {
            filler.append(ArticleBuilder(url: "https://a.example/f\(i)", published: "2025-01-0\(i + 1)", title: "Weather \(i)", text: "Rain fell over the coast for a day \(i)."))
        }
        for a in [sanctions, visit] + filler { try await store.transaction { _ = try await store.write(a.document, input: nil) } }

        #expect(try await store.searchArticles(SearchQuery(text: "sanctions")).map(\.title) == ["New sanctions on Iran's oil"])
        #expect(try await store.searchArticles(SearchQuery(text: "productive talks")).map(\.title) == ["Envoy meets Putin in St. Petersburg"])
        #expect(try await store.searchArticles(SearchQuery(text: "\"oil exports\"")).count == 1)
        #expect(try await store.searchArticles(SearchQuery(text: "exports oil OR NOT")).count == 1) // operators are words, not syntax
        #expect(try await store.searchArticles(SearchQuery(eventType: "SANCTION")).count == 1)
        #expect(try await store.searchArticles(SearchQuery(actor: "Witkoff")).count == 1)
        #expect(try await store.searchArticles(SearchQuery(place: "Tehran")).count == 1)
        #expect(try await store.searchArticles(SearchQuery(since: "2025-03-01")).count == 1)
        #expect(try await store.searchArticles(SearchQuery(until: "2025-01-31")).count == 5)
        #expect(try await store.searchArticles(SearchQuery(text: "sanctions", actor: "Witkoff")).isEmpty)
        let quotes = try await store.searchQuotes(SearchQuery(text: "productive", actor: "Steve Witkoff"))
        #expect(quotes.map(\.speaker) == ["Steve Witkoff"])
        await #expect(throws: StoreError.self) { try await store.searchArticles(SearchQuery(since: "last week")) }
    }

    /// A search with words and dates reads each match's day (on SQLite from the index of days by
    /// id, not the article's row); a page of ranked quotes is that page of the whole ranking.
    @Test(arguments: TestDatabases.Kind.allCases)
    func searchesWithWordsFilterByDayAndPage(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        for day in 1...6 {
            // Day n's quotation says "truce" n times in n + 1 words: the later the day, the higher it ranks.
            let words = String(repeating: "truce ", count: day) + "holds"
            var a = ArticleBuilder(url: "https://wire.example/truce-\(day)", published: "2025-03-0\(day)", title: "Truce report \(day)",
                                   text: "The envoy spoke on day \(day). He said: \u{201C}\(words)\u{201D}.")
            a.quote(words, speaker: nil)
            try await store.transaction { _ = try await store.write(a.document, input: nil) }
        }
        func days(_ hits: [QuoteHit]) -> [String] { hits.map { String($0.published?.prefix(10).suffix(1) ?? "?") } }
        #expect(days(try await store.searchQuotes(SearchQuery(text: "truce"))) == ["6", "5", "4", "3", "2", "1"])
        #expect(days(try await store.searchQuotes(SearchQuery(text: "truce", limit: 2, offset: 2))) == ["4", "3"])
        #expect(days(try await store.searchQuotes(SearchQuery(text: "truce", since: "2025-03-03", until: "2025-03-05"))) == ["5", "4", "3"])
        #expect(days(try await store.searchQuotes(SearchQuery(text: "truce", since: "2025-03-02", limit: 1, offset: 1))) == ["5"])
        #expect(try await store.searchArticles(SearchQuery(text: "truce", since: "2025-03-05")).count == 2)
        #expect(try await store.searchArticles(SearchQuery(text: "truce", until: "2025-03-02")).compactMap(\.title).sorted() == ["Truce report 1", "Truce report 2"])
        #expect(try await store.searchArticles(SearchQuery(text: "truce", since: "2025-04-01")).isEmpty)
    }

    /// A stance with no issue named stays on its event and out of the tracker's table of issues.
    @Test(arguments: TestDatabases.Kind.allCases)
    func aStanceWithoutAnIssueStaysOutOfTheTracker(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        var a = ArticleBuilder(url: "https://wire.example/iran-rejects", published: "2025-05-02", title: "Iran rejects demand",
                               text: "Iran rejected the demand to end enrichment on Friday. Iran rejected it again on Saturday.")
        let iran = a.entity("Iran", .gpe)
        a.event(.reject, actors: [iran], targets: [], date: "2025-05-02", sentence: "Iran rejected the demand to end enrichment on Friday.", trigger: "rejected",
                position: Event.Position(issue: "demand to end enrichment", stance: .rejects, holder: iran, addressee: nil))
        a.event(.reject, actors: [iran], targets: [], date: "2025-05-03", sentence: "Iran rejected it again on Saturday.", trigger: "rejected",
                position: Event.Position(issue: nil, stance: .rejects, holder: iran, addressee: nil))
        try await store.transaction { _ = try await store.write(a.document, input: nil) }
        let tracker = try await store.negotiationTracker(actors: [try await store.actorID(named: "Iran")], query: nil)
        #expect(tracker.cells.map(\.issue) == ["demand to end enrichment"])
        #expect(tracker.cells.first?.history.count == 1)
    }

    /// The tracker shows one row for an issue however it is worded, under its most frequent wording.
    @Test(arguments: TestDatabases.Kind.allCases)
    func theTrackerJoinsTheWordingsOfAnIssue(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        let stances: [(day: Int, issue: String, stance: Event.Position.Stance)] = [
            (1, "court’s jurisdiction", .rejects), (2, "jurisdiction of the court", .rejects), (3, "court’s jurisdiction", .accepts),
            (4, "ceasefire violations", .rejects), (5, "ceasefires", .accepts), (6, "ceasefire", .accepts)]
        for (day, issue, stance) in stances {
            var a = ArticleBuilder(url: "https://wire.example/border-\(day)", published: "2025-07-0\(day)", title: "Border dispute \(day)",
                                   text: "Thailand took a stand on day \(day).")
            let thailand = a.entity("Thailand", .gpe)
            a.event(stance == .rejects ? .reject : .agree, actors: [thailand], targets: [], date: "2025-07-0\(day)",
                    sentence: "Thailand took a stand on day \(day).", trigger: "took a stand",
                    position: Event.Position(issue: issue, stance: stance, holder: thailand, addressee: nil))
            try await store.transaction { _ = try await store.write(a.document, input: nil) }
        }
        let tracker = try await store.negotiationTracker(actors: [try await store.actorID(named: "Thailand")], query: nil)
        #expect(tracker.issues.sorted() == ["ceasefire", "ceasefire violations", "court’s jurisdiction"], "\(tracker.issues)")
        let court = try #require(tracker.cells.first { $0.issue == "court’s jurisdiction" })
        #expect(court.history.map(\.stance) == ["rejects", "rejects", "accepts"] && court.stance == "accepts")
        #expect(tracker.cells.first { $0.issue == "ceasefire" }?.history.count == 2)
        #expect(tracker.cells.first { $0.issue == "ceasefire violations" }?.history.count == 1)
    }

    @Test func issueKeysIgnoreSmallWordsPluralsAndApostrophes() {
        #expect(IssueKey.key("the court’s jurisdiction") == IssueKey.key("jurisdiction of the court"))
        #expect(IssueKey.key("30-day ceasefires") == IssueKey.key("a 30-day ceasefire"))
        #expect(IssueKey.key("ceasefire") != IssueKey.key("ceasefire violations"))
        #expect(IssueKey.key("status of the talks") != IssueKey.key("talks"))
        let labels = IssueKey.labels(for: ["end of the war", "end war", "end war", "the war’s end"])
        #expect(Set(labels.values) == ["end war"])
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func aSeatOfGovernmentActsForItsCountry(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        var a = ArticleBuilder(url: "https://wire.example/moscow-rejects", published: "2025-03-14", title: "Moscow rejects truce",
                               text: "Moscow rejected the 30-day ceasefire on Friday. Ukrainian officials later held talks in Moscow.")
        let moscow = a.entity("Moscow", .gpe), ukraine = a.entity("Ukraine", .gpe, spellings: ["Ukrainian"])
        a.entities[0].refersTo = "Russia"
        a.event(.reject, actors: [moscow], targets: [ukraine], date: "2025-03-14", sentence: "Moscow rejected the 30-day ceasefire on Friday.", trigger: "rejected",
                position: Event.Position(issue: "30-day ceasefire", stance: .rejects, holder: moscow, addressee: ukraine))
        a.event(.consult, actors: [ukraine], targets: [], place: moscow, date: "2025-03-14",
                sentence: "Ukrainian officials later held talks in Moscow.", trigger: "held talks")
        try await store.transaction { _ = try await store.write(a.document, input: nil) }

        // The article never names Russia, yet Russia is the party: in events, storylines and the tracker.
        let russia = try await store.actorID(named: "Russia"), city = try await store.actorID(named: "Moscow")
        #expect(russia != city)
        let events = try await store.eventList(actor: russia, limit: 10, offset: 0).items
        #expect(events.map(\.type) == ["REJECT"])
        #expect(events.first?.actors.map(\.name) == ["Russia"])
        let tracker = try await store.negotiationTracker(actors: [russia], query: nil)
        #expect(tracker.parties.map(\.name) == ["Russia"] && tracker.cells.first?.stance == "rejects")
        // Where it happened stays the city; the city keeps its articles.
        let consult = try #require(try await store.eventList(type: "CONSULT", limit: 10, offset: 0).items.first)
        #expect(consult.place?.id == city)
        #expect(try await store.actorDetail(city).articleCount == 1)
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func wordsAloneRankOnlyTheNewestMatches(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        // Four articles with the word; the oldest mentions it most, so it ranks first in full.
        for (i, text) in ["Truce truce truce: the truce holds, truce talks go on.", "A truce was agreed.", "Talk of a truce.", "The truce held."].enumerated() {
            let a = ArticleBuilder(url: "https://t.example/\(i)", published: "2025-05-0\(i + 1)", title: "Report \(i)", text: text + " Officials met for talks.")
            try await store.transaction { _ = try await store.write(a.document, input: nil) }
        }
        for i in 0..<4 {
            let a = ArticleBuilder(url: "https://t.example/f\(i)", published: "2025-04-0\(i + 1)", title: "Filler \(i)", text: "Rain on the coast \(i).")
            try await store.transaction { _ = try await store.write(a.document, input: nil) }
        }
        #expect(try await store.searchArticles(SearchQuery(text: "truce")).first?.title == "Report 0")
        store.rankedWindow = 2
        // Now only the two newest matches (by id) are ranked; with filters, the two newest
        // that pass them: the window is filled after filtering, not before.
        let windowed = try await store.searchArticles(SearchQuery(text: "truce")).compactMap(\.title)
        #expect(Set(windowed) == ["Report 2", "Report 3"])
        let filtered = try await store.searchArticles(SearchQuery(text: "truce", until: "2025-05-02")).compactMap(\.title)
        #expect(filtered == ["Report 0", "Report 1"], "ranked within the window: the oldest mentions it most")
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func exportsEveryFormat(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        var old = Self.witkoffVisit(url: "https://wire.example/old", day: "2025-01-05")
        old.title = "Older, with a comma"
        for a in [old, Self.witkoffVisit()] { try await store.transaction { _ = try await store.write(a.document, input: nil) } }

        var csv = ""
        let n = try await store.export(.articles, format: .csv) { csv += $0 }
        #expect(n == 2)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("id,key,url,title,published"))
        #expect(csv.contains("\"Older, with a comma\""))

        var since: [String] = []
        try await store.export(.articles, format: .jsonl, since: "2025-04-01") { since.append($0) }
        #expect(since.count == 1)

        var plover: [String] = []
        try await store.export(.events, format: .plover) { plover.append($0) }
        #expect(plover.count == 2) // two dates three months apart: two events
        let record = try JSONSerialization.jsonObject(with: Data(plover[0].utf8)) as! [String: Any]
        for field in ["id", "date", "source", "recipient", "event", "event_text", "quad_code", "cite_info"] {
            #expect(record[field] != nil, "PLOVER field \(field)")
        }
        #expect(record["event"] as? [String] == ["CONSULT"])
        #expect(record["quad_code"] as? Int == 1)
        #expect(((record["source"] as? [[String: Any]])?.first?["actor_text"] as? String) == "Steve Witkoff")

        var quotes: [String] = []
        try await store.export(.quotes, format: .jsonl) { quotes.append($0) }
        #expect(quotes.count == 2 && quotes.allSatisfy { $0.contains("\"speaker\":\"Steve Witkoff\"") })
        await #expect(throws: StoreError.self) { try await store.export(.articles, format: .plover) { _ in } }
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func syndicatedCopiesAreLinked(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        let story = (1...12).map { "Paragraph \($0) of the wire story says the envoy met officials and discussed a ceasefire, prisoner exchanges and energy infrastructure." }.joined(separator: "\n\n")
        let original = ArticleBuilder(url: "https://wire.example/story", published: "2025-04-11", title: "Wire story", text: story)
        let copy = ArticleBuilder(url: "https://paper.example/copy", published: "2025-04-11", title: "Wire story (copy)", text: story + "\n\nReporting by the wire.")
        let different = ArticleBuilder(url: "https://paper.example/other", published: "2025-04-11", title: "Other",
                                       text: (1...12).map { "An unrelated report number \($0) about harvests, rainfall and grain prices in the region." }.joined(separator: "\n\n"))
        for a in [original, copy, different] { try await store.transaction { _ = try await store.write(a.document, input: nil) } }
        let groups = try await store.sql.raw("SELECT title, syndication_group FROM articles ORDER BY id").all()
        let g = try groups.map { try $0.decode(column: "syndication_group", as: Int?.self) }
        #expect(g[0] != nil && g[0] == g[1])
        #expect(g[2] == nil)
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func queueTakesEachInputOnceAndRollsBackFailures(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        #expect(try await store.enqueue(["a", "b", "a"]) == 2)
        #expect(try await store.enqueue(["a"]) == 0) // still pending
        struct Boom: Error {}
        await #expect(throws: QueueItemError.self) {
            _ = try await store.processNext(worker: "t") { _ in
                _ = try await store.write(Self.witkoffVisit().document, input: "a")
                throw Boom()
            }
        }
        // Rolled back: no article, the item still pending with one attempt counted.
        #expect(try await store.count("articles") == 0)
        #expect(try await store.pendingCount() == 2)
        var done: [String] = []
        while let (item, _) = try await store.processNext(worker: "t", { item in
            .stored(try await store.write(Self.witkoffVisit(url: "https://x.example/\(item.input)").document, input: item.input))
        }) { done.append(item.input) }
        #expect(done == ["a", "b"])
        #expect(try await store.count("articles") == 2)
        #expect(try await store.count("queue", "state = 'done'") == 2)
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func aBatchCommitsEachItemWholeOrNotAtAll(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        #expect(try await store.enqueue(["a", "b", "c", "d", "e"]) == 5)
        // "b" writes its article, then the database refuses a statement (on PostgreSQL this
        // aborts the transaction until the savepoint is rolled back).
        let calls = Calls()
        let work: (QueueItem) async throws -> QueueResult = { item in
            await calls.add(item.input)
            let outcome = try await store.write(Self.witkoffVisit(url: "https://x.example/\(item.input)").document, input: item.input)
            if item.input == "b" { try await store.sql.raw("SELECT * FROM no_such_table").run() }
            return .stored(outcome)
        }
        func names(_ outcomes: [Store.BatchOutcome]) -> [String] {
            outcomes.map {
                switch $0 {
                case .finished(let item, _): "\(item.input) stored"
                case .rolledBack(let error): "\(error.item.input) rolled back"
                }
            }
        }
        let first = try await store.processBatch(worker: "t", limit: 3, work)
        // "b" is retried at once: the lowest pending item.
        #expect(names(first) == ["a stored", "b rolled back", "b rolled back"])
        // The batch ran first without savepoints, was rolled back whole at "b", and ran again
        // item by item.
        #expect(await calls.inputs == ["a", "b", "a", "b", "b"])
        #expect(try await store.strings("SELECT url FROM articles ORDER BY id") == ["https://x.example/a"])
        #expect(try await store.pendingCount() == 4)
        let second = try await store.processBatch(worker: "t", limit: 10, work)
        #expect(names(second) == ["b rolled back", "c stored", "d stored", "e stored"])
        #expect(try await store.count("articles") == 4)
        #expect(try await store.count("queue", "state = 'done'") == 4)
        #expect(try await store.strings("SELECT input FROM queue WHERE state = 'failed'") == ["b"])
        #expect(try await store.count("articles", "url = 'https://x.example/b'") == 0)
        #expect(try await store.processBatch(worker: "t", limit: 10, work).isEmpty)
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func aBatchClaimsNoMoreItemsOnceItsTimeIsUp(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        #expect(try await store.enqueue(["a", "b", "c"]) == 3)
        let work: (QueueItem) async throws -> QueueResult = { item in
            .stored(try await store.write(Self.witkoffVisit(url: "https://x.example/\(item.input)").document, input: item.input))
        }
        // No time at all: the first item still runs, and commits alone.
        #expect(try await store.processBatch(worker: "t", limit: 10, within: .zero, work).count == 1)
        #expect(try await store.count("queue", "state = 'done'") == 1)
        #expect(try await store.processBatch(worker: "t", limit: 10, within: .seconds(60), work).count == 2)
        #expect(try await store.pendingCount() == 0)
    }

    /// A batch writes its full-text rows together at its end: an article replaced within the
    /// batch is found by its new words only, and every article and quote is indexed once.
    @Test(arguments: TestDatabases.Kind.allCases)
    func aBatchIndexesWhatItStoresOnce(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        #expect(try await store.enqueue(["other", "first", "second"]) == 3)
        let work: (QueueItem) async throws -> QueueResult = { item in
            var article: ArticleBuilder
            switch item.input {
            case "first":
                // Two quotes, replaced by a version with one: the second one's row must go too.
                article = Self.witkoffVisit(extra: " Aides spoke of a \u{201C}cordial\u{201D} tone.")
                article.quote("cordial", speaker: nil)
            case "second": article = Self.witkoffVisit(extra: " The Kremlin called the meeting constructive.")
            default: article = Self.witkoffVisit(url: "https://wire.example/grain", extra: " Grain prices rose in Odesa.")
            }
            return .stored(try await store.write(article.document, input: item.input))
        }
        let outcomes = try await store.processBatch(worker: "t", limit: 10, work)
        #expect(outcomes.count == 3)
        #expect(try await store.count("articles") == 2)
        #expect(try await store.searchArticles(SearchQuery(text: "constructive")).count == 1)
        #expect(try await store.searchArticles(SearchQuery(text: "cordial")).isEmpty)
        #expect(try await store.searchArticles(SearchQuery(text: "grain")).count == 1)
        #expect(try await store.searchArticles(SearchQuery(text: "productive")).count == 2)
        #expect(try await store.searchQuotes(SearchQuery(text: "productive")).count == 2)
        #expect(try await store.searchQuotes(SearchQuery(text: "cordial")).isEmpty)
        if kind == .sqlite {
            #expect(try await store.ints("SELECT rowid FROM articles_fts ORDER BY rowid") == store.ints("SELECT id FROM articles ORDER BY id"))
            #expect(try await store.ints("SELECT rowid FROM quotes_fts ORDER BY rowid") == store.ints("SELECT id FROM quotes ORDER BY id"))
        }
        // Stored one at a time, outside a batch, the rows are written at once.
        _ = try await store.transaction { try await store.write(Self.witkoffVisit(url: "https://wire.example/late", extra: " Snow fell.").document, input: nil) }
        #expect(try await store.searchArticles(SearchQuery(text: "snow")).count == 1)
    }

    /// Deleting a row makes the database find the rows that point at it (to cascade or clear
    /// them): every pointing column leads an index, or that search reads the whole table once
    /// per row deleted (replacing one article's facts took 2 s at 100k articles).
    @Test func everyColumnThatPointsAtRowsIsIndexed() async throws {
        guard let store = try await TestDatabases.fresh(.sqlite) else { return }
        defer { Task { try? await store.close() } }
        // Sources are never deleted.
        let exempt: Set<String> = ["articles.source_id"]
        var unindexed: [String] = []
        for table in try await Self.plainTables(store) {
            var leading = Set<String>()
            for index in try await store.strings("SELECT name FROM pragma_index_list('\(table)')") {
                if let first = try await store.strings("SELECT name FROM pragma_index_info('\(index)') ORDER BY seqno LIMIT 1").first { leading.insert(first) }
            }
            for column in try await store.strings("SELECT \"from\" FROM pragma_foreign_key_list('\(table)')")
            where !leading.contains(column) && !exempt.contains("\(table).\(column)") {
                unindexed.append("\(table).\(column)")
            }
        }
        #expect(unindexed == [])
    }

    /// The store's tables, without the full-text index's and SQLite's own.
    static func plainTables(_ store: Store) async throws -> [String] {
        try await store.strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'")
    }

    /// An index that repeats the start of another on the same table serves no query the longer
    /// one does not, and costs each insert a page (a unique index does other work too).
    @Test func noIndexRepeatsTheStartOfAnother() async throws {
        guard let store = try await TestDatabases.fresh(.sqlite) else { return }
        defer { Task { try? await store.close() } }
        var repeated: [String] = []
        for table in try await Self.plainTables(store) {
            var plain: [String: [String]] = [:]
            var all: [String: [String]] = [:]
            for index in try await store.rows("SELECT name, \"unique\" AS u, partial AS p FROM pragma_index_list(?)", [table]) {
                // A partial index holds some rows only, so it serves no query for the others.
                guard try index.int("p") == 0 else { continue }
                let name = try index.string("name")
                let columns = try await store.strings("SELECT name FROM pragma_index_info('\(name)') ORDER BY seqno")
                all[name] = columns
                if try index.int("u") == 0 { plain[name] = columns }
            }
            for (short, columns) in plain {
                for (long, longer) in all where long != short && longer.count >= columns.count && Array(longer.prefix(columns.count)) == columns {
                    repeated.append("\(table): \(short) repeats the start of \(long)")
                }
            }
        }
        #expect(repeated == [])
    }

    /// The write path's statements: `?` placeholders on both databases, values read back by
    /// column, NULL as nil, a missing column an error.
    @Test(arguments: TestDatabases.Kind.allCases)
    func statementsBindAndReadValues(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        defer { Task { try? await store.close() } }
        try await store.rows("INSERT INTO sources (name) VALUES (?), (?)", ["Wire", "Paper"])
        let none: String? = nil
        let found = try await store.rows("SELECT id, name, NULL AS missing FROM sources WHERE name IN (?, ?) OR name = ? ORDER BY id", ["Paper", "Wire", none])
        #expect(try found.map { try $0.string("name") } == ["Wire", "Paper"])
        #expect(try found.map { try $0.int("id") } == [1, 2])
        #expect(try found[0].optionalInt("missing") == nil)
        #expect(throws: (any Error).self) { try found[0].int("missing") }
        #expect(throws: (any Error).self) { try found[0].string("no_such_column") }
        #expect(try await store.rows("SELECT id FROM sources WHERE name = ?", ["Radio"]).isEmpty)
    }

    /// The inputs a batch's work was called with, in order.
    actor Calls {
        var inputs: [String] = []
        func add(_ input: String) { inputs.append(input) }
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func reopeningKeepsDataAndSchema(_ kind: TestDatabases.Kind) async throws {
        guard kind == .sqlite else { return } // PostgreSQL databases here are per-test; the SQLite file is the case that matters
        let folder = try TemporaryFolders.make("bc-reopen")
        let location = DatabaseLocation.sqlite(path: folder.appendingPathComponent("backchannel.sqlite").path)
        let store = try await Store.open(location)
        // The connection's settings: a write-ahead log checkpointed every 50,000 pages.
        #expect(try await store.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) == "wal")
        #expect(try await store.sql.raw("PRAGMA wal_autocheckpoint").first()?.decode(column: "wal_autocheckpoint", as: Int.self) == 50000)
        // Rejected events are found through their small partial index, not by reading every fused event.
        func plan(_ query: String) async throws -> String {
            try await store.sql.raw(SQLQueryString("EXPLAIN QUERY PLAN " + query)).all()
                .map { try $0.decode(column: "detail", as: String.self) }.joined(separator: " ")
        }
        let rejected = try await plan("SELECT id FROM fused_events WHERE rejected = 1")
        #expect(rejected.contains("fused_events_rejected"), "plan: \(rejected)")
        // Lists of events, of all types or of one, read the index by day newest first, unsorted.
        for filter in ["", " AND type = 'DEMAND'"] {
            let list = try await plan("SELECT id FROM fused_events WHERE rejected = 0\(filter) ORDER BY date_day DESC, id DESC LIMIT 20")
            #expect(list.contains("fused_events_day") && !list.contains("TEMP B-TREE"), "plan: \(list)")
        }
        try await store.transaction { _ = try await store.write(Self.witkoffVisit().document, input: nil) }
        try await store.close()
        let again = try await Store.open(location)
        #expect(try await again.count("articles") == 1)
        #expect(try await again.count("schema_migrations") == Schema.latestVersion)
        try await again.close()
    }
}

@Suite("names and keys")
struct NameKeyTests {
    @Test func transliterationsFoldToOneKey() {
        #expect(NameKey.fold("Zelenskyy") == "zelensky")
        #expect(NameKey.fold("Zelenskiy") == "zelensky")
        #expect(NameKey.fold("Zelensky") == "zelensky")
        #expect(NameKey.fold("Trump's") == "trump")
        #expect(NameKey.fold("the Kremlin") == "kremlin")
        #expect(NameKey.fold("Recep Tayyip Erdoğan") == "recep tayyip erdogan")
        #expect(NameKey.fold("J.D. Vance") == "j d vance")
    }

    /// ASCII names take a path of their own; the same name with a non-ASCII character that
    /// folds away takes Foundation's, and both must give one key.
    @Test func asciiAndUnicodeNamesFoldAlike() {
        for (ascii, unicode) in [("Witkoff's", "Witkoff\u{2019}s"), ("J.D. Vance", "J.D.\u{00A0}Vance"),
                                 ("The White House", "The\u{2009}White House"), ("Sergei Lavrov", "Sérgei Lavrov"),
                                 ("O'Brien", "O\u{2019}Brien"), ("ZELENSKIY", "ZELENSKIY\u{00A0}")] {
            #expect(NameKey.fold(ascii) == NameKey.fold(unicode), "\(ascii) / \(unicode)")
        }
    }

    @Test func personsAgreeBySurnameAndGivenName() {
        #expect(NameKey.compatiblePersons("witkoff", "steve witkoff"))
        #expect(NameKey.compatiblePersons("j d vance", "jd vance"))
        #expect(!NameKey.compatiblePersons("donald trump", "melania trump"))
        #expect(!NameKey.compatiblePersons("steve witkoff", "steve rubio"))
    }

    @Test func canonicalURLsDropTrackingAndFragments() {
        #expect(ArticleKey.canonicalURL("HTTPS://Wire.Example:443/a/b/?utm_source=x&id=3#top") == "https://wire.example/a/b?id=3")
        #expect(ArticleKey.canonicalURL("ftp://x/y") == nil)
    }

    @Test func databaseLocationPrefersTheURL() throws {
        #expect(try DatabaseLocation.resolve(data: "d", database: nil, environment: [:]) == .sqlite(path: "d/backchannel.sqlite"))
        #expect(try DatabaseLocation.resolve(data: nil, database: nil, environment: [:]) == .sqlite(path: "backchannel-data/backchannel.sqlite"))
        #expect(try DatabaseLocation.resolve(data: "d", database: nil, environment: ["DATABASE_URL": "postgres://u@h/db"]) == .postgres(url: "postgres://u@h/db"))
        #expect(throws: StoreError.self) { try DatabaseLocation.resolve(data: nil, database: "mysql://x", environment: [:]) }
        #expect(DatabaseLocation.postgres(url: "postgres://u:secret@h/db").description == "postgres://u:***@h/db")
    }

    @Test func simHashSeesNearCopies() {
        let text = (1...30).map { "Sentence \($0) tells of envoys, ceasefires and talks in several capitals." }.joined(separator: " ")
        let near = SimHash.of(text + " One more line.")
        #expect(SimHash.distance(SimHash.of(text), near) <= 3)
        #expect(SimHash.distance(SimHash.of(text), SimHash.of("Completely different words about grain and rain in spring.")) > 10)
    }

    /// The hash reads words from UTF-8 bytes; a word is what Swift's `Character` calls letters
    /// and numbers. The same text hashed with words split the slow way must give the same bits.
    @Test func simHashWordsAreLettersAndNumbers() {
        let texts = ["Zelenskyy’s envoy — in Kyiv — said: “No.” Talks resume on 12 May, 2025.",
                     "Эрдоган и Путин говорили 40 минут; l’ONU a salué l’accord à Genève.",
                     "Café\u{0301} au lait, naïve co-operation; 3.5% of $24bn… “yes” — 東京 ２０２５.",
                     "", "!!!", "one", "two words"]
        for text in texts {
            #expect(SimHash.of(text) == referenceSimHash(text), "\(text)")
        }
    }

    private func referenceSimHash(_ text: String) -> UInt64 {
        var words: [String] = [], current = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { current.append(c) } else if !current.isEmpty { words.append(current); current = "" }
        }
        if !current.isEmpty { words.append(current) }
        var counts = [Int](repeating: 0, count: 64)
        for k in 0..<max(words.count - 2, words.isEmpty ? 0 : 1) {
            var h: UInt64 = 0xcbf29ce484222325
            for w in words[k..<min(k + 3, words.count)] {
                for byte in w.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
                h = (h ^ 0x20) &* 0x100000001b3
            }
            h ^= h >> 33; h &*= 0xff51afd7ed558ccd; h ^= h >> 33; h &*= 0xc4ceb9fe1a85ec53; h ^= h >> 33
            for bit in 0..<64 { counts[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        return (0..<64).reduce(0) { counts[$1] > 0 ? $0 | 1 << UInt64($1) : $0 }
    }
}

@Suite("event dates")
struct EventDateTests {
    @Test func daysShiftAcrossMonthsYearsAndLeapDays() {
        #expect(EventDateProbe.shift("2024-02-28", by: 2) == "2024-03-01")
        #expect(EventDateProbe.shift("2023-02-28", by: 1) == "2023-03-01")
        #expect(EventDateProbe.shift("2025-01-01", by: -2) == "2024-12-30")
        #expect(EventDateProbe.shift("2025-04-11", by: 0) == "2025-04-11")
        #expect(EventDateProbe.shift("2025-13-01", by: 1) == nil)
    }
}

typealias EventDateProbe = BackchannelStore.EventDate
