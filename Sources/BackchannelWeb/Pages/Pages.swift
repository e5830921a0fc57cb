import BackchannelCore
import BackchannelStore
import Foundation
import Vapor

/// The server-rendered pages. Each works without JavaScript; pictures are inline SVG.
enum Pages {
    static func register(_ app: Application, pool: StorePool) {
        app.get { req in try await home(req, pool.next()) }
        app.get("articles", ":id") { req in try await article(req, pool.next()) }
        app.get("articles") { req in try await articles(req, pool.next()) }
        app.get("actors", ":id") { req in try await actor(req, pool.next()) }
        app.get("actors") { req in try await actors(req, pool.next()) }
        app.get("events", ":id") { req in try await event(req, pool.next()) }
        app.get("events") { req in try await events(req, pool.next()) }
        app.get("storylines") { req in try await storylines(req, pool.next()) }
        app.get("storyline") { req in try await storyline(req, pool.next()) }
        app.get("tracker") { req in try await tracker(req, pool.next()) }
        app.get("search") { req in try await search(req, pool.next()) }
        app.get("briefing") { req in try await briefing(req, pool.next(), markdown: false) }
        app.get("briefing.md") { req in try await briefing(req, pool.next(), markdown: true) }
        app.get("briefing", "pick") { req in try await pickBriefing(req, pool.next()) }
    }

    static func html(_ markup: Markup, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: markup.html))
    }

    // MARK: - home

    static func home(_ req: Request, _ store: Store) async throws -> Response {
        let home = try await store.homeSummary()
        let storylines: Markup = home.storylines.isEmpty ? "<p class=\"muted\">No storylines yet.</p>" : """
            <ul class="cards">\(home.storylines.map { s in
                "<li><a href=\"/storyline?actors=\(s.actors.map { String($0.id) }.joined(separator: ","))\"><strong>\(s.actors.map(\.name).joined(separator: " & "))</strong></a><br><span class=\"muted small\">\(s.events) events · latest \(Layout.day(s.lastDay))</span></li>"
            })</ul>
            """
        let quoted: Markup = home.mostQuoted.isEmpty ? "<p class=\"muted\">No quotes this week.</p>" : """
            <ol class="plain">\(home.mostQuoted.map { q in "<li>\(Layout.actorLink(q.actor)) <span class=\"muted\">— \(q.quotes) \(q.quotes == 1 ? "quote" : "quotes")</span></li>" })</ol>
            """
        let body: Markup = """
            <h1>Today in the record</h1>
            <p class="meta">\(home.articleCount) articles\(home.asOf.map { ", the newest from " + Layout.day($0) } ?? ""). Every event below links to the sentences it was read from.</p>
            <div class="grid">
              <section>
                <h2>Latest events</h2>
                \(Layout.eventList(home.latestEvents, empty: "No events yet: ingest some articles with backchannel ingest."))
                <p><a href="/events">All events →</a></p>
              </section>
              <aside>
                <h2>Active storylines</h2>
                \(storylines)
                <h2>Most quoted this week</h2>
                <p class="muted small">\(home.weekFrom.map { "From " + Layout.day($0) + " to " + Layout.day(home.asOf) } ?? "")</p>
                \(quoted)
                <h2>Latest articles</h2>
                \(Layout.articleList(home.latestArticles))
              </aside>
            </div>
            <h2>Events per month</h2>
            \(Charts.legend())
            \(Charts.counts(home.eventCounts))
            """
        return html(Layout.page(viewer: req.viewer, title: "Today", active: "home", body))
    }

    // MARK: - article reader

    static func article(_ req: Request, _ store: Store) async throws -> Response {
        let a = try await store.articleDetail(try req.id())
        let meta: [Markup] = [
            "<span>\(Layout.day(a.published))</span>",
            a.authors.isEmpty ? nil : "<span>By \(a.authors.joined(separator: ", "))</span>",
            a.site.map { "<span>\($0)</span>" },
            "<span>\(a.readingMinutes) min read</span>",
            Markup.externalURL(a.url).map { "<span><a href=\"\($0)\" rel=\"noopener noreferrer nofollow\">Original</a></span>" },
        ].compactMap { $0 }
        let chips: Markup = (a.categories + a.tags).isEmpty ? "" : "<ul class=\"chips\">\((a.categories + a.tags).map { "<li>\($0)</li>" })</ul>"
        let images: [Markup] = a.images.map { img in
            """
            <figure><figcaption>\(img.caption ?? img.alt ?? "Image")\(img.credit.map { "<span class=\"credit\">\($0)</span>" } as Markup?)\(Markup.externalURL(img.src).map { " <a class=\"small\" href=\"\($0)\" rel=\"noopener noreferrer nofollow\">image</a>" } as Markup?)</figcaption></figure>
            """
        }
        let people = a.entities.filter { !$0.mentions.isEmpty }
        func entityGroup(_ title: String, _ types: Set<String>) -> Markup {
            // One line per actor, even where the text made two entities of it.
            var seen = Set<String>()
            let list = people.filter { types.contains($0.type) && seen.insert($0.actor.map { "#\($0.id)" } ?? $0.name).inserted }
            guard !list.isEmpty else { return "" }
            return """
                <h3>\(title)</h3><ul class="plain">\(list.map { e in
                    let name: Markup = e.actor.map { "<a href=\"/actors/\($0.id)\">\(e.name)</a>" } ?? "\(e.name)"
                    let roles: Markup = e.roles.isEmpty ? "" : " <span class=\"muted small\">— \(e.roles.joined(separator: "; "))</span>"
                    return "<li>\(name)\(roles)</li>"
                })</ul>
                """
        }
        let quotes: Markup = a.quotes.isEmpty ? "<p class=\"muted\">No direct quotes.</p>" : """
            <ul class="plain">\(a.quotes.map { q in
                "<li class=\"hit\"><p>“\(q.text)”</p><p class=\"muted small\">— \(q.speaker.map(Layout.actorLink) ?? "speaker not named")\(q.cue.map { ", " + $0 } ?? "")</p></li>"
            })</ul>
            """
        let syndicated: Markup = a.syndicated.isEmpty ? "" : "<h2>Copies of this story</h2>\(Layout.articleList(a.syndicated))"
        let body: Markup = """
            <article>
            <h1>\(a.title ?? "Untitled article")</h1>
            \(a.description.map { "<p class=\"muted\">\($0)</p>" } as Markup?)
            <p class="meta">\(meta)</p>
            \(chips)
            <div class="grid">
              <div>
                <div class="legend"><span class="key-person">person</span><span class="key-org">organisation</span><span class="key-place">place</span><span class="key-quote">quote</span></div>
                \(images)
                <article class="reader" id="text">\(ArticleText.render(a))</article>
                <h2>Events in this article</h2>
                \(Layout.eventList(a.events, empty: "No events were found in this article."))
                \(try await Publishing.pieceNotice(req, store, articleID: a.id))
                \(try await CommentPages.section(req, store, articleID: a.id))
                \(try await Workspace.notesSection(req, store, subject: .article, id: a.id))
              </div>
              <aside>
                <h2>Who</h2>
                \(entityGroup("People", ["PERSON"]))\(entityGroup("Organisations", ["ORG"]))\(entityGroup("Places", ["GPE", "LOC", "FAC"]))\(entityGroup("Groups", ["NORP"]))
                <h2>Quotes</h2>
                \(quotes)
                <h2>Related articles</h2>
                \(Layout.articleList(a.related, empty: "None yet."))
                \(syndicated)
              </aside>
            </div>
            </article>
            """
        return html(Layout.page(viewer: req.viewer, title: a.title ?? "Article", body))
    }

    static func articles(_ req: Request, _ store: Store) async throws -> Response {
        let p = Params(req)
        let (limit, offset) = try p.page(defaultLimit: 30)
        let page = try await store.articleList(limit: limit, offset: offset)
        let body: Markup = """
            <h1>Articles</h1>
            \(Layout.articleList(page.items))
            \(Layout.pager(path: "/articles", params: [], page: ListPageInfo(limit: limit, offset: offset, nextOffset: page.nextOffset)))
            """
        return html(Layout.page(viewer: req.viewer, title: "Articles", body))
    }

    // MARK: - actors

    static func actor(_ req: Request, _ store: Store) async throws -> Response {
        let d = try await store.actorDetail(try req.id())
        let roles: Markup = d.roles.isEmpty ? "<p class=\"muted\">No titles or roles seen.</p>" : """
            <table><thead><tr><th>Title or role</th><th>Of</th><th>First seen</th><th>Last seen</th><th>Articles</th></tr></thead><tbody>\(d.roles.map { r in
                "<tr><td>\(r.title)</td><td>\(r.affiliation ?? "")</td><td>\(Layout.day(r.firstSeen))</td><td>\(Layout.day(r.lastSeen))</td><td>\(r.articles)</td></tr>"
            })</tbody></table>
            """
        // The network: this actor in the middle, its counterparts around.
        var weights: [Int: Int] = [:]
        var refs: [Int: ActorRef] = [d.actor.id: d.actor]
        var edges: [String: Charts.Edge] = [:]
        for c in d.counterparts {
            weights[c.actor.id, default: 0] += c.count
            refs[c.actor.id] = c.actor
            let (from, to) = c.direction == "from" ? (c.actor.id, d.actor.id) : (d.actor.id, c.actor.id)
            let key = "\(from)|\(to)|\(c.type)"
            edges[key] = Charts.Edge(from: from, to: to, weight: (edges[key]?.weight ?? 0) + c.count, label: c.type)
        }
        let top = weights.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(14).map(\.key)
        let nodes = [Charts.Node(actor: d.actor, weight: weights.values.max() ?? 1)] + top.compactMap { id in refs[id].map { Charts.Node(actor: $0, weight: weights[id] ?? 1) } }
        let shown = Set(nodes.map(\.actor.id))
        let network = Charts.network(nodes: nodes, edges: edges.values.filter { shown.contains($0.from) && shown.contains($0.to) }, center: d.actor.id)
        let counterparts: Markup = d.counterparts.isEmpty ? "<p class=\"muted\">No counterparts yet.</p>" : """
            <table><thead><tr><th>Counterpart</th><th>Relation</th><th>Events</th><th></th></tr></thead><tbody>\(d.counterparts.prefix(20).map { c in
                let relation = c.direction == "to" ? "\(c.type) → them" : c.direction == "from" ? "\(c.type) ← them" : "\(c.type) together"
                return "<tr><td>\(Layout.actorLink(c.actor))</td><td>\(relation)</td><td>\(c.count)</td><td><a href=\"/storyline?actors=\(d.actor.id),\(c.actor.id)\">storyline</a></td></tr>"
            })</tbody></table>
            """
        let quotes: Markup = d.quotes.isEmpty ? "<p class=\"muted\">No quotes.</p>" : """
            <ul class="plain">\(d.quotes.map { q in
                "<li class=\"hit\"><p>“\(q.text)”</p><p class=\"muted small\">\(Layout.day(q.published)) · <a href=\"/articles/\(q.articleID)\">\(q.articleTitle ?? "article")</a></p></li>"
            })</ul>
            """
        let aliases: Markup = d.aliases.isEmpty ? "" : "<p class=\"muted\">Also written: \(d.aliases.joined(separator: ", "))</p>"
        let body: Markup = """
            <h1>\(d.actor.name)</h1>
            <p class="meta"><span>\(typeName(d.actor.type))</span><span>named in \(d.articleCount) \(d.articleCount == 1 ? "article" : "articles")</span></p>
            \(WatchlistPages.followForm(req, name: d.actor.name, actors: [d.actor.id], query: nil))
            \(aliases)
            <h2>Titles and roles over time</h2>
            \(roles)
            <h2>Events over time</h2>
            \(Charts.legend())
            \(Charts.counts(d.eventCounts, height: 180))
            <h2>Timeline</h2>
            \(Charts.timeline(d.events))
            <div class="grid">
              <section>
                <h2>Counterparts</h2>
                \(network)
                \(counterparts)
                <h2>Events</h2>
                \(Layout.eventList(d.events.reversed()))
                \(Workspace.actorCorrectionsSection(req, detail: d))
                \(try await Workspace.notesSection(req, store, subject: .actor, id: d.actor.id))
              </section>
              <aside>
                <h2>Quotes</h2>
                \(quotes)
                <h2>Articles</h2>
                \(Layout.articleList(d.articles))
              </aside>
            </div>
            """
        return html(Layout.page(viewer: req.viewer, title: d.actor.name, active: "actors", body))
    }

    static func typeName(_ type: String) -> String {
        switch type {
        case "PERSON": "Person"
        case "ORG": "Organisation"
        case "GPE": "Country, city or region"
        case "LOC": "Place"
        case "NORP": "Nationality or group"
        case "FAC": "Building or facility"
        default: type
        }
    }

    static func actors(_ req: Request, _ store: Store) async throws -> Response {
        let p = Params(req)
        let type = try p.actorType("type")
        let (limit, offset) = try p.page(defaultLimit: 50)
        let page = try await store.actorList(type: type, limit: limit, offset: offset)
        let filters: [Markup] = [("", "All"), ("PERSON", "People"), ("ORG", "Organisations"), ("GPE", "Countries and cities"), ("NORP", "Groups")].map { t in
            t.0 == (type ?? "") ? "<strong>\(t.1)</strong>" : "<a href=\"/actors\(t.0.isEmpty ? "" : "?type=" + t.0)\">\(t.1)</a>"
        }
        let body: Markup = """
            <h1>Actors</h1>
            <p class="meta">\(filters.joined(" · "))</p>
            <table><thead><tr><th>Name</th><th>Type</th><th>Articles</th><th>Also written</th></tr></thead><tbody>\(page.items.map { a in
                "<tr><td><a href=\"/actors/\(a.id)\">\(a.name)</a></td><td>\(typeName(a.type))</td><td>\(a.articles)</td><td class=\"muted small\">\(a.aliases.filter { $0 != a.name }.prefix(6).joined(separator: ", "))</td></tr>"
            })</tbody></table>
            \(Layout.pager(path: "/actors", params: type.map { [("type", $0)] } ?? [], page: ListPageInfo(limit: limit, offset: offset, nextOffset: page.nextOffset)))
            """
        return html(Layout.page(viewer: req.viewer, title: "Actors", active: "actors", body))
    }

    // MARK: - events

    static func event(_ req: Request, _ store: Store) async throws -> Response {
        let d = try await store.eventDetail(try req.id())
        let e = d.event
        let modes = Set(d.reports.compactMap(\.mode)).sorted()
        let amounts = d.reports.flatMap(\.amounts)
        let killed = d.reports.compactMap(\.killed).max(), injured = d.reports.compactMap(\.injured).max()
        var facts: [Markup] = [
            "<dt>Type</dt><dd>\(Layout.typeBadge(e.type))</dd>",
            "<dt>Actors</dt><dd>\(Layout.actorList(e.actors))</dd>",
            "<dt>Targets</dt><dd>\(Layout.actorList(e.targets))</dd>",
            "<dt>Place</dt><dd>\(e.place.map(Layout.actorLink) ?? "<span class=\"muted\">not given</span>")</dd>",
            "<dt>Date</dt><dd>\(Layout.eventDate(e))\(e.dateGranularity.map { " <span class=\"muted small\">(\($0))</span>" } as Markup?)</dd>",
            "<dt>Modality</dt><dd>\(Set(d.reports.map(\.modality)).sorted().joined(separator: ", "))</dd>",
        ]
        if !modes.isEmpty { facts.append("<dt>Mode</dt><dd>\(modes.joined(separator: ", "))</dd>") }
        if !amounts.isEmpty { facts.append("<dt>Amounts</dt><dd>\(amounts.map { $0.text }.joined(separator: "; "))</dd>") }
        if killed != nil || injured != nil {
            facts.append("<dt>Casualties</dt><dd>\(killed.map { "\($0) killed" } ?? "")\(killed != nil && injured != nil ? ", " : "")\(injured.map { "\($0) injured" } ?? "")</dd>")
        }
        facts.append("<dt>Reports</dt><dd>\(d.reports.count) \(d.reports.count == 1 ? "sentence" : "sentences") in \(Set(d.reports.map(\.articleID)).count) \(Set(d.reports.map(\.articleID)).count == 1 ? "article" : "articles")</dd>")
        let reports: [Markup] = d.reports.map { r in
            let position: Markup = r.position.map { p in
                "<p class=\"small\"><span class=\"stance\">\(p.stance)</span> \(p.issue)\(p.holder.map { " — " + $0.name } ?? "")\(p.addressee.map { " to " + $0.name } ?? "")</p>"
            } ?? ""
            return """
                <li class="hit"><p><a href="/articles/\(r.articleID)">\(r.articleTitle ?? "article")</a> <span class="muted small">\(r.site.map { $0 + " · " } ?? "")\(Layout.day(r.published)) · \(r.modality) · confidence \(String(format: "%.2f", r.confidence))</span></p>
                <blockquote class="evidence">\(highlight(r.sentence, r.trigger))</blockquote>\(position)</li>
                """
        }
        let who = (e.actors + e.targets).map(\.name)
        let body: Markup = """
            <h1>\(e.type): \(who.isEmpty ? "event" : who.joined(separator: ", "))</h1>
            \(d.status == "rejected" ? "<p class=\"error\">An analyst rejected this event: it is not in lists, timelines, trackers or exports.</p>" : "" as Markup)
            <dl class="facts">\(facts)</dl>
            <h2>Every sentence that reported it</h2>
            <ol class="plain">\(reports)</ol>
            \(Workspace.correctionsSection(req, detail: d))
            \(try await Workspace.notesSection(req, store, subject: .event, id: e.id))
            """
        return html(Layout.page(viewer: req.viewer, title: "\(e.type) event", active: "events", body))
    }

    /// The sentence with its trigger words in bold (offsets are scalars into the article).
    static func highlight(_ sentence: Excerpt, _ trigger: Excerpt) -> Markup {
        let scalars = Array(sentence.text.unicodeScalars)
        let a = trigger.start - sentence.start, b = trigger.end - sentence.start
        guard a >= 0, b <= scalars.count, a < b else { return "\(sentence.text)" }
        func s(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        return "\(s(0..<a))<strong>\(s(a..<b))</strong>\(s(b..<scalars.count))"
    }

    static func events(_ req: Request, _ store: Store) async throws -> Response {
        let p = Params(req)
        let type = try p.eventType("type"), since = try p.day("since"), until = try p.day("until")
        let (limit, offset) = try p.page(defaultLimit: 30)
        let page = try await store.eventList(type: type, since: since, until: until, limit: limit, offset: offset)
        let options: [Markup] = [Markup("<option value=\"\">any type</option>")] + EventStyle.all.map { t in
            t == type ? "<option selected>\(t)</option>" : "<option>\(t)</option>"
        }
        var params: [(String, String)] = []
        if let type { params.append(("type", type)) }
        if let since { params.append(("since", since)) }
        if let until { params.append(("until", until)) }
        let body: Markup = """
            <h1>Events</h1>
            <form class="facets" action="/events" method="get">
              <label>Type <select name="type">\(options)</select></label>
              <label>From <input type="date" name="since" value="\(since)"></label>
              <label>To <input type="date" name="until" value="\(until)"></label>
              <button type="submit">Filter</button>
            </form>
            \(Layout.eventList(page.items, empty: "No events match."))
            \(Layout.pager(path: "/events", params: params, page: ListPageInfo(limit: limit, offset: offset, nextOffset: page.nextOffset)))
            """
        return html(Layout.page(viewer: req.viewer, title: "Events", active: "events", body))
    }

    // MARK: - storylines and the tracker

    static func storylines(_ req: Request, _ store: Store) async throws -> Response {
        let home = try await store.homeSummary()
        let since = home.asOf.flatMap(DayNumber.of).map { DayNumber.day($0 - 365) } ?? "0000-01-01"
        let cards = try await store.activeStorylines(since: since, limit: 24)
        let body: Markup = """
            <h1>Storylines</h1>
            <p class="meta">A storyline follows two actors (or more) through the events they share, or a topic through the events of the articles about it.</p>
            <form class="facets" action="/storyline" method="get">
              <label>Actors (names or ids, comma-separated) <input name="actors" placeholder="Russia, Ukraine" size="30"></label>
              <label>Topic words <input name="q" placeholder="ceasefire" size="20"></label>
              <button type="submit">Follow</button>
            </form>
            <h2>Most active over the past year</h2>
            <ul class="cards">\(cards.map { s in
                "<li><a href=\"/storyline?actors=\(s.actors.map { String($0.id) }.joined(separator: ","))\"><strong>\(s.actors.map(\.name).joined(separator: " & "))</strong></a><br><span class=\"muted small\">\(s.events) events · latest \(Layout.day(s.lastDay))</span> · <a class=\"small\" href=\"/tracker?actors=\(s.actors.map { String($0.id) }.joined(separator: ","))\">positions</a></li>"
            })</ul>
            """
        return html(Layout.page(viewer: req.viewer, title: "Storylines", active: "storylines", body))
    }

    static func storylineInput(_ req: Request, _ store: Store) async throws -> (actors: [Int], query: String?) {
        let p = Params(req)
        let actors = try await p.actors("actors", store: store)
        let query = try p.text("q")
        guard !actors.isEmpty || query != nil else {
            throw BadRequest(message: "a storyline needs actors (actors=12,34 or names) or topic words (q=…)")
        }
        return (actors, query)
    }

    static func storylineTitle(_ actors: [ActorRef], _ query: String?) -> String {
        let names = actors.map(\.name).joined(separator: " & ")
        switch (names.isEmpty, query) {
        case (false, let q?): return "\(names): “\(q)”"
        case (false, nil): return names
        case (true, let q?): return "“\(q)”"
        default: return "Storyline"
        }
    }

    static func storylineQuery(_ actors: [Int], _ query: String?) -> String {
        var parts: [String] = []
        if !actors.isEmpty { parts.append("actors=" + actors.map(String.init).joined(separator: ",")) }
        if let query { parts.append("q=" + urlEncode(query)) }
        return parts.joined(separator: "&")
    }

    static func storyline(_ req: Request, _ store: Store) async throws -> Response {
        let (ids, query) = try await storylineInput(req, store)
        let s = try await store.storyline(actors: ids, query: query)
        // The network of everyone in the storyline's events.
        var weights: [Int: Int] = [:]
        var refs: [Int: ActorRef] = [:]
        var edges: [String: Charts.Edge] = [:]
        for e in s.events {
            for a in e.actors + e.targets { weights[a.id, default: 0] += 1; refs[a.id] = a }
            for a in e.actors {
                for t in e.targets where t.id != a.id {
                    let key = "\(a.id)|\(t.id)|\(e.type)"
                    edges[key] = Charts.Edge(from: a.id, to: t.id, weight: (edges[key]?.weight ?? 0) + 1, label: e.type)
                }
            }
        }
        let top = Set(weights.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(14).map(\.key))
        let nodes = top.sorted().compactMap { id in refs[id].map { Charts.Node(actor: $0, weight: weights[id] ?? 1) } }
        let title = storylineTitle(s.actors, query)
        let body: Markup = """
            <h1>\(title)</h1>
            \(WatchlistPages.followForm(req, name: title, actors: ids, query: query))
            <p class="meta"><span>\(s.events.count) events</span><span>\(s.articles.count) articles</span><span><a href="/tracker?\(storylineQuery(ids, query))">Negotiation tracker →</a></span><span><a href="/briefing?\(storylineQuery(ids, query))">Backgrounder →</a></span></p>
            <form class="facets noprint" action="/briefing" method="get">
              <input type="hidden" name="actors" value="\(ids.map(String.init).joined(separator: ","))">\(query.map { "<input type=\"hidden\" name=\"q\" value=\"\($0)\">" } as Markup?)
              <label>Backgrounder from <input type="date" name="since"></label>
              <label>to <input type="date" name="until"></label>
              <button type="submit">Write backgrounder</button>
              <button type="submit" formaction="/briefing/pick">Choose the items…</button>
            </form>
            <h2>Events per month</h2>
            \(Charts.legend())
            \(Charts.counts(s.eventCounts, height: 180))
            <h2>Timeline</h2>
            \(Charts.timeline(s.events))
            <div class="grid">
              <section>
                <h2>Events, oldest first</h2>
                \(Layout.eventList(s.events, empty: "No events in this storyline."))
              </section>
              <aside>
                <h2>Who acts on whom</h2>
                \(Charts.network(nodes: nodes, edges: edges.values.filter { top.contains($0.from) && top.contains($0.to) }, size: 420))
                <h2>Articles</h2>
                \(Layout.articleList(s.articles))
              </aside>
            </div>
            """
        return html(Layout.page(viewer: req.viewer, title: title, active: "storylines", body))
    }

    static func tracker(_ req: Request, _ store: Store) async throws -> Response {
        let (ids, query) = try await storylineInput(req, store)
        let t = try await store.negotiationTracker(actors: ids, query: query)
        let title = "Positions: " + storylineTitle(t.actors, query)
        var cells: [String: TrackerCell] = [:]
        for c in t.cells { cells["\(c.party)|\(c.issue)"] = c }
        let table: Markup = t.cells.isEmpty ? "<p class=\"muted\">No demands, offers, acceptances or rejections found in this storyline.</p>" : """
            <div class="scroll"><table class="tracker"><thead><tr><th>Issue</th>\(t.parties.map { "<th>\(Layout.actorLink($0))</th>" })</tr></thead><tbody>\(t.issues.map { issue in
                let row: [Markup] = t.parties.map { party in
                    guard let c = cells["\(party.id)|\(issue)"] else { return "<td></td>" }
                    let history: [Markup] = c.history.map { h in
                        "<li>\(Layout.day(h.date)): <a href=\"/events/\(h.eventID)\" title=\"\(h.sentence)\">\(h.stance)</a>\(h.addressee.map { " to " + $0.name } ?? "")</li>"
                    }
                    return "<td class=\"stance-\(c.stance)\"><span class=\"stance\">\(c.stance)</span><ol class=\"history\">\(history)</ol></td>"
                }
                return "<tr><th>\(issue)</th>\(row)</tr>"
            })</tbody></table></div>
            """
        let body: Markup = """
            <h1>\(title)</h1>
            <p class="meta">Who demands, offers, accepts or rejects what; each cell shows the latest stance, with its history oldest first. Every entry links to the event and its sentences.</p>
            <p><a href="/storyline?\(storylineQuery(ids, query))">← The storyline</a></p>
            \(table)
            """
        return html(Layout.page(viewer: req.viewer, title: title, active: "storylines", body))
    }

    // MARK: - briefings

    /// `/briefing?actors=A,B&q=WORDS&since=DAY&until=DAY`: a printable backgrounder of a
    /// storyline; `/briefing?event=1,2&quote=3&note=4&title=…`: one of hand-picked items.
    /// `/briefing.md` gives the same as a Markdown file. Analysts' notes are in it for analysts only.
    static func briefing(_ req: Request, _ store: Store, markdown: Bool) async throws -> Response {
        let (b, notes, params) = try await briefingInput(req, store)
        if markdown {
            let text = Briefings.markdown(b, notes: notes, generated: String(Store.nowForDisplay().prefix(10)))
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "markdown", parameters: ["charset": "utf-8"])
            let slug = Briefings.title(b).lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
                .split(separator: "-").joined(separator: "-").prefix(80)
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(slug).md\"")
            return Response(status: .ok, headers: headers, body: .init(string: text))
        }
        return html(Layout.page(viewer: req.viewer, title: Briefings.title(b), active: "storylines", Briefings.page(b, notes: notes, query: params)))
    }

    /// The backgrounder a request asks for, the notes the viewer may see in it, and the query
    /// string that asks for it again.
    static func briefingInput(_ req: Request, _ store: Store) async throws -> (Briefing, [Note], String) {
        let p = Params(req)
        let b: Briefing
        let notes: [Note]
        var params: String
        let picked = (events: try p.ids("event"), quotes: try p.ids("quote"), notes: try p.ids("note"))
        if !picked.events.isEmpty || !picked.quotes.isEmpty || !picked.notes.isEmpty {
            let title = try p.text("title")
            b = try await store.briefing(events: picked.events, quotes: picked.quotes, title: title)
            notes = req.viewer.may(.analyst) ? try await store.notes(ids: picked.notes) : []
            params = [("event", picked.events), ("quote", picked.quotes), ("note", picked.notes)].filter { !$0.1.isEmpty }
                .map { "\($0.0)=\($0.1.map(String.init).joined(separator: ","))" }.joined(separator: "&")
            if let title { params += "&title=\(urlEncode(title))" }
        } else {
            let (ids, query) = try await storylineInput(req, store)
            let since = try p.day("since"), until = try p.day("until")
            b = try await store.briefing(actors: ids, query: query, since: since, until: until)
            notes = req.viewer.may(.analyst) ? try await store.notes(on: .event, ids: b.events.map(\.id)) : []
            params = storylineQuery(ids, query)
            if let since { params += "&since=\(since)" }
            if let until { params += "&until=\(until)" }
        }
        return (b, notes, params)
    }

    /// `/briefing/pick?actors=…&since=…`: a storyline's events, quotes and (for analysts) notes,
    /// each with a box to tick, for a backgrounder of just those.
    static func pickBriefing(_ req: Request, _ store: Store) async throws -> Response {
        let (ids, query) = try await storylineInput(req, store)
        let p = Params(req)
        let b = try await store.briefing(actors: ids, query: query, since: try p.day("since"), until: try p.day("until"))
        var notes: [Note] = []
        if req.viewer.may(.analyst) {
            notes = try await store.notes(on: .event, ids: b.events.map(\.id)) + store.notes(on: .actor, ids: b.actors.map(\.id))
        }
        let events: [Markup] = b.events.map { e in
            """
            <li><label><input type="checkbox" name="event" value="\(e.id)" checked> <strong>\(Layout.eventDate(e))</strong> \(Layout.typeBadge(e.type)) \(Briefings.who(e))</label>
            <p class="muted small">\(e.sentence)</p></li>
            """
        }
        let quotes: [Markup] = b.quotes.map { q in
            "<li><label><input type=\"checkbox\" name=\"quote\" value=\"\(q.id)\" checked> “\(q.text)” — \(q.speaker?.name ?? "speaker not named"), \(Layout.day(q.published))</label></li>"
        }
        let noteItems: [Markup] = notes.map { n in
            "<li><label><input type=\"checkbox\" name=\"note\" value=\"\(n.id)\" checked> \(n.body) — \(n.author), \(Layout.day(n.createdAt))</label></li>"
        }
        let title = storylineTitle(b.actors, query)
        let body: Markup = """
            <h1>Choose what goes into the backgrounder</h1>
            <p class="meta"><span>\(title)</span><span>\(Briefings.range(b))</span></p>
            <form class="pick" action="/briefing" method="get">
              <label>Title <input name="title" value="\(title)" size="50" maxlength="200"></label>
              <h2>Events</h2>
              \(events.isEmpty ? "<p class=\"muted\">No events in this range.</p>" : "<ol class=\"plain picks\">\(events)</ol>" as Markup)
              <h2>Quotes</h2>
              \(quotes.isEmpty ? "<p class=\"muted\">No quotes in this range.</p>" : "<ul class=\"plain picks\">\(quotes)</ul>" as Markup)
              \(noteItems.isEmpty ? "" : "<h2>Analysts' notes</h2><ul class=\"plain picks\">\(noteItems)</ul>" as Markup)
              <p><button type="submit">Write backgrounder from the ticked items</button></p>
            </form>
            """
        return html(Layout.page(viewer: req.viewer, title: "Choose items", active: "storylines", body))
    }

    // MARK: - search

    static func search(_ req: Request, _ store: Store) async throws -> Response {
        let p = Params(req)
        let text = try p.text("q"), actor = try p.text("actor"), place = try p.text("place")
        let type = try p.eventType("type"), since = try p.day("since"), until = try p.day("until")
        let scope = try p.text("scope") ?? "articles"
        guard ["articles", "quotes"].contains(scope) else { throw BadRequest(message: "scope=\(scope): articles or quotes") }
        let (limit, offset) = try p.page(defaultLimit: 20)
        let query = SearchQuery(text: text, actor: actor, eventType: type, since: since, until: until, place: place, limit: limit + 1, offset: offset)
        let searched = text != nil || actor != nil || place != nil || type != nil || since != nil || until != nil
        var results: Markup = ""
        var more = false
        if searched {
            if scope == "quotes" {
                let hits = try await store.searchQuotes(query)
                more = hits.count > limit
                let items: [Markup] = hits.prefix(limit).map { q in
                    "<li class=\"hit\"><p>“\(q.text)”</p><p class=\"muted small\">— \(q.speakerActorID.map { id in Layout.actorLink(ActorRef(id: id, name: q.speaker ?? "?", type: "PERSON")) } ?? "speaker not named") · <a href=\"/articles/\(q.articleID)\">\(q.title ?? "article")</a> · \(Layout.day(q.published))</p></li>"
                }
                results = hits.isEmpty ? "<p class=\"muted\">No quotes match.</p>" : "<ul class=\"plain\">\(items)</ul>"
            } else {
                let hits = try await store.searchArticles(query)
                more = hits.count > limit
                let items: [Markup] = hits.prefix(limit).map { h in
                    "<li class=\"hit\"><a href=\"/articles/\(h.id)\"><strong>\(h.title ?? "Untitled article")</strong></a> <span class=\"muted small\">\(h.site.map { $0 + " · " } ?? "")\(Layout.day(h.published))</span><p class=\"small\">\(h.snippet)</p></li>"
                }
                results = hits.isEmpty ? "<p class=\"muted\">No articles match.</p>" : "<ul class=\"plain\">\(items)</ul>"
            }
        }
        let options: [Markup] = [Markup("<option value=\"\">any event</option>")] + EventStyle.all.map { t in
            t == type ? "<option selected>\(t)</option>" : "<option>\(t)</option>"
        }
        var params: [(String, String)] = [("scope", scope)]
        for (k, v) in [("q", text), ("actor", actor), ("place", place), ("type", type), ("since", since), ("until", until)] { if let v { params.append((k, v)) } }
        let body: Markup = """
            <h1>Search</h1>
            <form class="facets" action="/search" method="get">
              <label>Words <input type="search" name="q" value="\(text)" size="26"></label>
              <label>Actor <input name="actor" value="\(actor)" placeholder="Witkoff" size="14"></label>
              <label>Event type <select name="type">\(options)</select></label>
              <label>Place <input name="place" value="\(place)" placeholder="Istanbul" size="12"></label>
              <label>From <input type="date" name="since" value="\(since)"></label>
              <label>To <input type="date" name="until" value="\(until)"></label>
              <label>In <select name="scope"><option value="articles"\(scope == "articles" ? " selected" : "")>articles</option><option value="quotes"\(scope == "quotes" ? " selected" : "")>quotes</option></select></label>
              <button type="submit">Search</button>
            </form>
            \(text.map { WatchlistPages.followForm(req, name: "Search: " + $0, actors: [], query: $0) } ?? "")
            <section id="results">\(results)</section>
            \(searched ? Layout.pager(path: "/search", params: params, page: ListPageInfo(limit: limit, offset: offset, nextOffset: more ? offset + limit : nil)) : "")
            """
        return html(Layout.page(viewer: req.viewer, title: text.map { "Search: " + $0 } ?? "Search", active: "search", query: text ?? "", body))
    }
}
