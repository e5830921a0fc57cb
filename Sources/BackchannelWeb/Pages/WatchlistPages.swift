import BackchannelStore
import Foundation
import Vapor

/// Following actors, storylines and searches: a page of one's watchlists, "Follow" buttons,
/// and an Atom feed of new events per watchlist at a secret address.
enum WatchlistPages {
    static func register(_ app: Application, pool: StorePool) {
        app.get("watchlists") { req in try await page(req, pool.next(), message: nil) }
        app.post("watchlists") { req in try await add(req, pool.writer) }
        app.post("watchlists", ":id", "delete") { req in try await remove(req, pool.writer) }
        app.get("feeds", ":token") { req in try await feed(req, pool.next()) }
    }

    static func owner(_ req: Request) throws -> String {
        try req.viewer.require(.reader)
        return req.viewer.user?.name ?? "local"
    }

    /// A "Follow" button for signed-in users (readers included: following changes nothing).
    static func followForm(_ req: Request, name: String, actors: [Int], query: String?) -> Markup {
        guard req.viewer.user != nil else { return "" }
        return """
            <form class="inline noprint follow" action="/watchlists" method="post"><input type="hidden" name="csrf" value="\(req.viewer.csrf ?? "")">\
            <input type="hidden" name="name" value="\(name)"><input type="hidden" name="actors" value="\(actors.map(String.init).joined(separator: ","))">\
            <input type="hidden" name="q" value="\(query ?? "")"><button type="submit">Follow</button></form>
            """
    }

    static func page(_ req: Request, _ store: Store, message: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let owner = try owner(req)
        let lists = try await store.watchlists(owner: owner)
        let csrf = req.viewer.csrf ?? ""
        var rows: [Markup] = []
        for w in lists {
            let refs = try await store.actorRefs(w.actors)
            let what = (w.actors.compactMap { refs[$0]?.name } + (w.query.map { ["“\($0)”"] } ?? [])).joined(separator: " · ")
            let storyline = Pages.storylineQuery(w.actors, w.query)
            rows.append("""
                <tr><td><a href="/storyline?\(storyline)">\(w.name)</a></td><td>\(what)</td><td><a href="/feeds/\(w.token)">Atom feed</a></td>\
                <td><form class="inline" action="/watchlists/\(w.id)/delete" method="post"><input type="hidden" name="csrf" value="\(csrf)"><button type="submit">Remove</button></form></td></tr>
                """)
        }
        let body: Markup = """
            <h1>Watchlists</h1>
            <p class="meta">What you follow, each with an Atom feed of its new events. A feed's address is a secret: anyone who has it can read the feed.</p>
            \(message.map { "<p class=\"error\">\($0)</p>" } as Markup?)
            \(rows.isEmpty ? "<p class=\"muted\">You follow nothing yet: use Follow on an actor, a storyline or a search.</p>" : "<table><thead><tr><th>Name</th><th>Follows</th><th>Feed</th><th></th></tr></thead><tbody>\(rows)</tbody></table>" as Markup)
            <h2>Follow</h2>
            <form class="facets" action="/watchlists" method="post">
              <input type="hidden" name="csrf" value="\(csrf)">
              <label>Name <input name="name" required maxlength="120"></label>
              <label>Actors (names or ids, comma-separated) <input name="actors" placeholder="Russia, Ukraine"></label>
              <label>Words <input name="q" placeholder="ceasefire"></label>
              <button type="submit">Follow</button>
            </form>
            """
        return Pages.html(Layout.page(viewer: req.viewer, title: "Watchlists", body), status: status)
    }

    static func add(_ req: Request, _ store: Store) async throws -> Response {
        let owner = try owner(req)
        let form = try req.checkedForm()
        var actors: [Int] = []
        do {
            for part in (form["actors"] ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                if let id = Int(part) { actors.append(id) } else { actors.append(try await store.actorID(named: part)) }
            }
            try await store.addWatchlist(owner: owner, name: form["name"] ?? "", actors: actors, query: form["q"], token: Tokens.random())
        } catch let error as StoreError {
            return try await page(req, store, message: error.description, status: .badRequest)
        }
        return Workspace.redirect("/watchlists")
    }

    static func remove(_ req: Request, _ store: Store) async throws -> Response {
        let owner = try owner(req)
        _ = try req.checkedForm()
        try await store.removeWatchlist(try req.id(), owner: owner)
        return Workspace.redirect("/watchlists")
    }

    static func feed(_ req: Request, _ store: Store) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard token.count <= 100 else { throw StoreError.notFound("no watchlist has this address") }
        let w = try await store.watchlist(token: token)
        let events = try await store.watchlistEvents(w)
        let updated = events.compactMap(\.day).max().map { "\($0)T00:00:00Z" } ?? w.createdAt
        let entries: [Markup] = events.map { e in
            let who = Briefings.who(e)
            return """
                <entry><title>\(e.type): \(who) (\(Layout.eventDate(e)))</title><id>tag:backchannel,2025:event-\(e.id)</id>\
                <updated>\(e.day.map { "\($0)T00:00:00Z" } ?? w.createdAt)</updated><link href="/events/\(e.id)"/><summary>\(e.sentence)</summary></entry>
                """
        }
        let xml: Markup = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Backchannel: \(w.name)</title><id>tag:backchannel,2025:watchlist-\(w.id)</id>\
            <updated>\(updated)</updated><link rel="self" href="/feeds/\(w.token)"/><author><name>Backchannel</name></author>\(entries)</feed>
            """
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: xml.html))
    }
}
