@testable import BackchannelStore
import BackchannelTestSupport
@testable import BackchannelWeb
import Foundation
import Testing
import VaporTesting

/// GETs `path` and returns status, headers and body.
private func get(_ app: Application, _ path: String) async throws -> (HTTPStatus, HTTPHeaders, String) {
    var result: (HTTPStatus, HTTPHeaders, String) = (.internalServerError, [:], "")
    try await app.testing().test(.GET, path) { res async in
        result = (res.status, res.headers, res.body.string)
    }
    return result
}

/// What a reader sees: tags removed, the five escapes undone.
private func visibleText(_ html: String) -> String {
    var out = ""
    var inTag = false
    for c in html {
        if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
    }
    for (entity, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
        out = out.replacingOccurrences(of: entity, with: c)
    }
    return out
}

@Suite("web pages")
struct PageTests {
    @Test func homeShowsEventsStorylinesAndQuotedActors() async throws {
        try await Fixture.withWeb { app, store in
            let (status, headers, body) = try await get(app, "/")
            #expect(status == .ok)
            #expect(headers.contentType == .html)
            #expect(body.contains("Latest events"))
            #expect(body.contains("Active storylines"))
            #expect(body.contains("Most quoted this week"))
            // Every event on the page links to its event page, and the chart is drawn.
            let latest = try await store.homeSummary().latestEvents
            #expect(!latest.isEmpty)
            for event in latest { #expect(body.contains("href=\"/events/\(event.id)\"")) }
            #expect(body.contains("<svg class=\"chart counts\""))
            // No scripts of any kind, and no inline styles.
            #expect(!body.contains("<script"))
            #expect(!body.contains("style=\""))
        }
    }

    @Test func homeNeverListsEventsDatedAfterTheNewestArticle() async throws {
        let store = try await Fixture.store()
        let home = try await store.homeSummary()
        let asOf = try #require(home.asOf)
        for event in home.latestEvents { #expect((event.day ?? "") <= asOf) }
    }

    @Test func articleReaderMarksEntitiesAndQuotes() async throws {
        try await Fixture.withWeb { app, store in
            let id = try await Fixture.id(store, "SELECT id FROM articles WHERE input LIKE '%witkoff-putin-st-petersburg.html'")
            let detail = try await store.articleDetail(id)
            let (status, _, body) = try await get(app, "/articles/\(id)")
            #expect(status == .ok)
            #expect(body.contains(Markup.escape(detail.title ?? "—")))
            #expect(body.contains("min read"))
            for author in detail.authors { #expect(body.contains(Markup.escape(author))) }
            // Entities link to their actors; quotes are marked; captions and credits are shown.
            let linked = detail.entities.compactMap(\.actor).map(\.id)
            #expect(!linked.isEmpty)
            #expect(linked.contains { body.contains("href=\"/actors/\($0)\"") })
            #expect(detail.quotes.isEmpty || body.contains("<mark class=\"q\""))
            for image in detail.images { if let credit = image.credit { #expect(body.contains(Markup.escape(credit))) } }
            #expect(body.contains("Events in this article"))
            #expect(body.contains("Related articles"))
            // The text is all there, paragraph by paragraph, once the marks are taken away.
            let visible = visibleText(body)
            for paragraph in detail.text.components(separatedBy: "\n\n") {
                #expect(visible.contains(paragraph.replacingOccurrences(of: "\n", with: " ")), "missing: \(paragraph.prefix(60))")
            }
        }
    }

    @Test func markupInAnArticleIsShownAsText() async throws {
        try await Fixture.withWeb { app, store in
            let id = try await Fixture.hostileArticle(store)
            let (status, headers, body) = try await get(app, "/articles/\(id)")
            #expect(status == .ok)
            #expect(!body.contains("<script"))
            #expect(!body.contains("<img src=x"))
            #expect(!body.contains("<b>Mark"))
            #expect(body.contains("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;"))
            #expect(body.contains("&lt;img src=x onerror=alert(1)&gt;"))
            // A javascript: URL is never a link.
            #expect(!body.contains("javascript:"))
            #expect(headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
            // The same holds wherever the article's words travel: its event, its actor, search.
            let eventID = try await Fixture.id(store, "SELECT fused_id FROM events WHERE article_id = \(id)")
            let actorID = try await Fixture.id(store, "SELECT actor_id FROM entities WHERE article_id = \(id) AND type = 'PERSON'")
            for path in ["/events/\(eventID)", "/actors/\(actorID)", "/search?q=owned", "/search?q=owned&scope=quotes", "/events"] {
                let (s, _, page) = try await get(app, path)
                #expect(s == .ok, "\(path)")
                #expect(!page.contains("<script"), "\(path)")
                #expect(!page.contains("<b>Mark"), "\(path)")
            }
        }
    }

    @Test func actorPageShowsRolesTimelineNetworkAndQuotes() async throws {
        try await Fixture.withWeb { app, store in
            let id = try await store.actorID(named: "Steve Witkoff")
            let detail = try await store.actorDetail(id)
            let (status, _, body) = try await get(app, "/actors/\(id)")
            #expect(status == .ok)
            #expect(body.contains("<h1>Steve Witkoff</h1>"))
            #expect(!detail.roles.isEmpty)
            for role in detail.roles { #expect(body.contains(Markup.escape(role.title))) }
            #expect(!detail.events.isEmpty)
            #expect(body.contains("<svg class=\"chart timeline\""))
            #expect(body.contains("<svg class=\"chart network\""))
            #expect(!detail.counterparts.isEmpty)
            for quote in detail.quotes.prefix(3) { #expect(body.contains(Markup.escape(quote.text))) }
        }
    }

    @Test func eventPageListsEverySourceSentence() async throws {
        try await Fixture.withWeb { app, store in
            // The event with the most reports.
            let id = try await Fixture.id(store, "SELECT fused_id FROM events GROUP BY fused_id ORDER BY COUNT(DISTINCT article_id) DESC, fused_id LIMIT 1")
            let detail = try await store.eventDetail(id)
            let (status, _, body) = try await get(app, "/events/\(id)")
            #expect(status == .ok)
            #expect(body.contains(detail.event.type))
            #expect(detail.reports.count >= 1)
            for report in detail.reports {
                #expect(body.contains("href=\"/articles/\(report.articleID)\""))
                // The trigger is in bold inside its sentence.
                #expect(body.contains("<strong>\(Markup.escape(report.trigger.text))</strong>"))
            }
        }
    }

    @Test func storylineAndTrackerForAPairOfActors() async throws {
        try await Fixture.withWeb { app, store in
            let russia = try await store.actorID(named: "Russia"), ukraine = try await store.actorID(named: "Ukraine")
            let (status, _, body) = try await get(app, "/storyline?actors=\(russia),\(ukraine)")
            #expect(status == .ok)
            let storyline = try await store.storyline(actors: [russia, ukraine], query: nil)
            #expect(!storyline.events.isEmpty)
            for event in storyline.events {
                let ids = Set((event.actors + event.targets).map(\.id))
                #expect(ids.contains(russia) && ids.contains(ukraine))
                #expect(body.contains("href=\"/events/\(event.id)\""))
            }
            // Names work as well as ids.
            let (byName, _, _) = try await get(app, "/storyline?actors=Russia,Ukraine")
            #expect(byName == .ok)

            let (trackerStatus, _, trackerBody) = try await get(app, "/tracker?actors=\(russia),\(ukraine)")
            #expect(trackerStatus == .ok)
            let tracker = try await store.negotiationTracker(actors: [russia, ukraine], query: nil)
            #expect(!tracker.cells.isEmpty)
            // No empty rows or columns: every issue and every party shown has a stance.
            for issue in tracker.issues { #expect(tracker.cells.contains { $0.issue == issue }, "\(issue)") }
            for party in tracker.parties { #expect(tracker.cells.contains { $0.party == party.id }, "\(party.name)") }
            for cell in tracker.cells {
                #expect(trackerBody.contains(Markup.escape(cell.issue)))
                #expect(cell.stance == cell.history.last?.stance)
                for change in cell.history { #expect(trackerBody.contains("href=\"/events/\(change.eventID)\"")) }
            }
        }
    }

    @Test func topicStorylineUsesTheArticlesThatMatch() async throws {
        let store = try await Fixture.store()
        let storyline = try await store.storyline(actors: [], query: "Oman")
        #expect(!storyline.events.isEmpty)
        let matching = Set(try await store.searchArticles(SearchQuery(text: "Oman", limit: 100)).map(\.id))
        for event in storyline.events {
            let articles = Set(try await store.ints("SELECT article_id FROM events WHERE fused_id = \(event.id)"))
            #expect(!articles.isDisjoint(with: matching))
        }
    }

    @Test func searchWithFacetsAndQuoteSearch() async throws {
        try await Fixture.withWeb { app, _ in
            let (status, _, body) = try await get(app, "/search?q=ceasefire")
            #expect(status == .ok)
            #expect(body.contains("<section id=\"results\"><ul"))
            let (filtered, _, filteredBody) = try await get(app, "/search?q=ceasefire&actor=Witkoff&type=CONSULT&since=2025-01-01&until=2025-12-31")
            #expect(filtered == .ok)
            #expect(filteredBody.contains("value=\"Witkoff\""))
            let (quotes, _, quotesBody) = try await get(app, "/search?scope=quotes&actor=Peskov")
            #expect(quotes == .ok)
            #expect(quotesBody.contains("“"))
            let (none, _, noneBody) = try await get(app, "/search?q=zzzxqv")
            #expect(none == .ok)
            #expect(noneBody.contains("No articles match."))
        }
    }

    @Test func listsPaginate() async throws {
        try await Fixture.withWeb { app, _ in
            for path in ["/articles?limit=3", "/events?limit=3", "/actors?limit=3", "/storylines", "/events?type=CONSULT", "/actors?type=PERSON"] {
                let (status, _, body) = try await get(app, path)
                #expect(status == .ok, "\(path)")
                #expect(body.contains("<h1>"), "\(path)")
            }
            let (_, _, page) = try await get(app, "/articles?limit=3")
            #expect(page.contains("rel=\"next\""))
        }
    }

    /// Our own tags must never come out escaped: a sign that a piece of markup was typed as
    /// a String (and escaped) instead of as Markup.
    @Test func noPageShowsItsOwnMarkupAsText() async throws {
        try await Fixture.withWeb(access: .open) { app, store in
            let article = try await Fixture.id(store, "SELECT id FROM articles WHERE input LIKE '%witkoff-putin-st-petersburg.html'")
            let event = try await Fixture.id(store, "SELECT fused_id FROM events WHERE article_id = \(article)")
            let actor = try await store.actorID(named: "Steve Witkoff")
            let russia = try await store.actorID(named: "Russia"), ukraine = try await store.actorID(named: "Ukraine")
            let paths = ["/", "/articles", "/articles/\(article)", "/actors", "/actors/\(actor)", "/events", "/events/\(event)", "/storylines",
                         "/storyline?actors=\(russia),\(ukraine)", "/tracker?actors=\(russia),\(ukraine)", "/search?q=talks", "/search?scope=quotes&q=talks",
                         "/briefing?actors=\(russia),\(ukraine)", "/briefing?actors=\(russia)&since=2031-01-01", "/admin/users", "/login", "/search?q=zzzxqv",
                         "/articles/0", "/nothing/here"]
            for path in paths {
                try await app.testing().test(.GET, path) { res async in
                    let body = res.body.string
                    for escaped in ["&lt;p", "&lt;ol", "&lt;ul", "&lt;li", "&lt;h2", "&lt;span", "&lt;a href", "&lt;div", "&lt;table", "&lt;strong"] {
                        #expect(!body.contains(escaped), "\(path) shows \(escaped) as text")
                    }
                }
            }
        }
    }

    @Test func stylesheetIsServed() async throws {
        try await Fixture.withWeb { app, _ in
            let (status, headers, body) = try await get(app, "/assets/app.css")
            #expect(status == .ok)
            #expect(headers.contentType?.subType == "css")
            #expect(body.contains("--ink"))
        }
    }

    @Test(arguments: [
        ("/articles/abc", HTTPStatus.badRequest), ("/articles/0", .badRequest), ("/articles/99999999", .notFound),
        ("/actors/99999999", .notFound), ("/events/99999999", .notFound), ("/no/such/page", .notFound),
        ("/events?type=BOGUS", .badRequest), ("/events?since=2025-13-01", .badRequest), ("/articles?limit=0", .badRequest),
        ("/articles?limit=abc", .badRequest), ("/search?scope=everything", .badRequest), ("/storyline", .badRequest),
        ("/storyline?actors=Nobody%20Atall", .notFound), ("/tracker?actors=0", .badRequest), ("/actors?type=ALIEN", .badRequest),
        ("/search?q=" + String(repeating: "a", count: 201), .badRequest),
    ])
    func badRequestsGetClearErrors(_ path: String, _ expected: HTTPStatus) async throws {
        try await Fixture.withWeb { app, _ in
            let (status, headers, body) = try await get(app, path)
            #expect(status == expected)
            #expect(headers.contentType == .html)
            #expect(headers.first(name: "Content-Security-Policy") != nil)
            #expect(body.contains("<div class=\"error\">"))
        }
    }

    @Test func nothingWritesThroughTheWeb() async throws {
        try await Fixture.withWeb { app, store in
            let before = try await store.count("articles")
            for (method, path) in [(HTTPMethod.POST, "/api/v1/articles"), (.PUT, "/api/v1/articles/1"), (.DELETE, "/api/v1/articles/1"),
                                   (.POST, "/search"), (.DELETE, "/actors/1")] {
                try await app.testing().test(method, path) { res async in
                    #expect(res.status == .notFound || res.status == .methodNotAllowed, "\(method) \(path)")
                }
            }
            #expect(try await store.count("articles") == before)
        }
    }
}

@Suite("SVG pictures")
struct ChartTests {
    @Test func timelineDrawsOneDotPerDatedEventAndEscapesNames() {
        let a = ActorRef(id: 1, name: "<Evil & Co>", type: "ORG"), b = ActorRef(id: 2, name: "Beta", type: "GPE")
        let events = [
            EventCard(id: 1, type: "CONSULT", modality: "asserted", date: "2025-03-01", dateGranularity: "day", day: "2025-03-01", place: nil,
                      actors: [a], targets: [b], reports: 1, sentence: "s", articleID: 1),
            EventCard(id: 2, type: "DEMAND", modality: "asserted", date: "2025-04-01", dateGranularity: "day", day: "2025-04-01", place: nil,
                      actors: [b], targets: [a], reports: 3, sentence: "s", articleID: 1),
            EventCard(id: 3, type: "DEMAND", modality: "asserted", date: nil, dateGranularity: nil, day: nil, place: nil,
                      actors: [b], targets: [a], reports: 1, sentence: "s", articleID: 1),
        ]
        let svg = Charts.timeline(events).html
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
        #expect(svg.contains("&lt;Evil &amp; Co&gt;"))
        #expect(!svg.contains("<Evil"))
        #expect(svg.contains("href=\"/events/2\""))
    }

    @Test func countsStackEveryMonthInTheRange() {
        let counts = [PeriodCount(period: "2025-01", type: "CONSULT", count: 2), PeriodCount(period: "2025-04", type: "ASSAULT", count: 5),
                      PeriodCount(period: "2025-04", type: "DEMAND", count: 1)]
        let svg = Charts.counts(counts).html
        // January and April have bars; February and March are empty months on the axis.
        #expect(svg.components(separatedBy: "<rect").count - 1 == 3)
        #expect(Charts.monthRange(from: "2025-01", to: "2025-04") == ["2025-01", "2025-02", "2025-03", "2025-04"])
        #expect(svg.contains("2025-04: 5 material conflict"))
    }

    @Test func networkPlacesEveryNodeAndEdge() {
        let refs = (1...4).map { ActorRef(id: $0, name: "A\($0)", type: "GPE") }
        let svg = Charts.network(nodes: refs.map { Charts.Node(actor: $0, weight: $0.id) },
                                 edges: [Charts.Edge(from: 1, to: 2, weight: 3, label: "DEMAND"), Charts.Edge(from: 3, to: 1, weight: 1, label: "CONSULT")],
                                 center: 1).html
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
        #expect(svg.components(separatedBy: "<line").count - 1 == 2)
        #expect(Charts.network(nodes: [Charts.Node(actor: refs[0], weight: 1)], edges: []).html.contains("Not enough"))
    }

    @Test func farAwayDatesDoNotSqueezeThePicture() {
        let d = { (s: String) in Charts.dayNumber(s)! }
        let days = [d("1992-06-01"), d("2025-02-01"), d("2025-03-10"), d("2025-04-20"), d("2031-01-01")]
        #expect(Charts.denseRange(days) == d("2025-02-01")...d("2025-04-20"))
        // A long storyline with no outliers keeps its whole range.
        let steady = stride(from: d("2019-01-01"), through: d("2025-01-01"), by: 200).map { $0 }
        #expect(Charts.denseRange(steady) == steady.first!...steady.last!)
        #expect(Charts.denseRange([]) == nil)
        // Ticks over six years are years, at most ten of them.
        let ticks = Charts.ticks(lo: d("2019-01-01"), hi: d("2025-01-01"))
        #expect(ticks.count <= 10 && ticks.allSatisfy { $0.label.count == 4 })
    }

    @Test func dayNumbersRoundTrip() {
        for day in ["1970-01-01", "2024-02-29", "2025-12-31", "2000-03-01"] {
            let n = Charts.dayNumber(day)!
            let (y, m, d) = Charts.civil(n)
            #expect(String(format: "%04d-%02d-%02d", y, m, d) == day)
        }
        #expect(Charts.dayNumber("1970-01-02") == 1)
    }
}

@Suite("markup")
struct MarkupTests {
    @Test func interpolatedStringsAreEscapedMarkupIsNot() {
        let name = "<script>\"x\" & 'y'</script>"
        let inner: Markup = "<b>\(name)</b>"
        let outer: Markup = "<p>\(inner)</p>"
        #expect(outer.html == "<p><b>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</b></p>")
    }

    @Test func escapingKeepsEveryOtherCharacter() {
        #expect(Markup.escape("Zelenskyy’s “plan” — €11bn") == "Zelenskyy’s “plan” — €11bn")
        #expect(Markup.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(Markup.escape("") == "")
        #expect(Charts.fmt(12.345) == "12.3" && Charts.fmt(-0.26) == "-0.3" && Charts.fmt(7) == "7.0")
    }

    @Test func onlyWebAddressesBecomeLinks() {
        #expect(Markup.externalURL("https://example.org/a") == "https://example.org/a")
        #expect(Markup.externalURL("JavaScript:alert(1)") == nil)
        #expect(Markup.externalURL("data:text/html,x") == nil)
        #expect(Markup.externalURL(nil) == nil)
    }
}

@Suite("page cache")
struct PageCacheTests {
    static func article(_ n: Int) -> ArticleBuilder {
        var a = ArticleBuilder(url: "https://wire.example/\(n)", published: "2025-03-0\(n)", title: "Talks number \(n)",
                               text: "Envoy Ann Example said \"we will meet again\" after talks in Exampleton number \(n).")
        let ann = a.entity("Ann Example", .person)
        a.quote("we will meet again", speaker: ann)
        return a
    }

    @Test func pagesAreServedFromTheCacheUntilTheStoreChanges() async throws {
        let store = try await Store.open(.sqlite(path: ":memory:"))
        _ = try await store.transaction { try await store.write(Self.article(1).document, input: nil) }
        try await withApp(configure: { app in try WebApp.configure(app, store: store, cacheBytes: 1 << 20, cacheCheckInterval: 0) }) { app in
            func body(_ path: String) async throws -> String {
                var text = ""
                try await app.testing().test(.GET, path) { res async in text = res.body.string }
                return text
            }
            let first = try await body("/search?scope=quotes&q=meet")
            #expect(first.contains("we will meet again"))
            // A change the version does not see: the cached page is still served.
            try await store.sql.raw("DELETE FROM quotes").run()
            #expect(try await body("/search?scope=quotes&q=meet") == first)
            // An ingest changes the version: the next request is computed afresh.
            _ = try await store.transaction { try await store.write(Self.article(2).document, input: nil) }
            let fresh = try await body("/articles")
            #expect(fresh.contains("Talks number 2"))
            #expect(try await body("/search?scope=quotes&q=meet") != first)
            // Errors are never cached.
            try await app.testing().test(.GET, "/articles/999") { res async in #expect(res.status == .notFound) }
        }
        try await store.close()
    }

    @Test func theLeastRecentlyUsedPagesLeaveFirst() {
        let cache = PageCache(capacityBytes: 8_000)
        let page = ByteBuffer(string: String(repeating: "x", count: 900))
        for n in 0..<8 { cache.store("/p\(n)", body: page, contentType: .html) }
        _ = cache.lookup("/p0")   // used again: stays
        cache.store("/p8", body: page, contentType: .html)   // over capacity: the oldest quarter goes
        #expect(cache.lookup("/p0") != nil)
        #expect(cache.lookup("/p1") == nil)
        #expect(cache.lookup("/p8") != nil)
        // A page larger than an eighth of the cache is not kept.
        cache.store("/big", body: ByteBuffer(string: String(repeating: "y", count: 2_000)), contentType: .html)
        #expect(cache.lookup("/big") == nil)
    }
}

@Suite("backgrounders")
struct BriefingTests {
    @Test func aBackgrounderCitesItsSourcesForEveryFact() async throws {
        try await Fixture.withWeb { app, store in
            let russia = try await store.actorID(named: "Russia"), ukraine = try await store.actorID(named: "Ukraine")
            let b = try await store.briefing(actors: [russia, ukraine], query: nil, since: "2025-03-01", until: "2025-12-31")
            #expect(!b.events.isEmpty)
            for e in b.events {
                #expect((e.day ?? "") >= "2025-03-01" && (e.day ?? "") <= "2025-12-31")
                #expect(b.sources.contains { $0.id == e.articleID }, "every event's article is a numbered source")
            }
            for q in b.quotes { #expect(b.sources.contains { $0.id == q.articleID }) }
            let md = Briefings.markdown(b, generated: "2026-11-26")
            #expect(md.hasPrefix("# Backgrounder: Russia & Ukraine\n"))
            #expect(md.contains("## Chronology") && md.contains("## Positions of the parties") && md.contains("## Sources"))
            #expect(md.components(separatedBy: "\n").filter { $0.hasPrefix("- **") }.count == b.events.count)
            for (i, s) in b.sources.enumerated() { #expect(md.contains("\n\(i + 1). ") && md.contains("(/articles/\(s.id))")) }

            var page = ""
            try await app.testing().test(.GET, "/briefing?actors=\(russia),\(ukraine)&since=2025-03-01&until=2025-12-31") { res async in
                #expect(res.status == .ok)
                page = res.body.string
            }
            #expect(page.contains("<svg class=\"chart timeline\""))
            #expect(page.contains("id=\"source-\(b.sources.count)\""))
            try await app.testing().test(.GET, "/briefing.md?actors=\(russia),\(ukraine)&since=2025-03-01&until=2025-12-31") { res async in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "markdown")
                #expect(res.headers.first(name: .contentDisposition)?.contains("backgrounder-russia-ukraine") == true)
                #expect(res.body.string.hasPrefix("# Backgrounder: Russia & Ukraine"))
            }
            try await app.testing().test(.GET, "/briefing?actors=\(russia)&since=March") { res async in
                #expect(res.status == .badRequest)
            }
        }
    }

    @Test func markdownFromArticlesCannotBreakTheDocument() {
        #expect(Briefings.md("*bold* [link](x) <b> #tag |pipe|") == "\\*bold\\* \\[link\\](x) \\<b\\> \\#tag \\|pipe\\|")
    }
}
