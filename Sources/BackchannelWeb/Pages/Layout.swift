import BackchannelStore
import Foundation

/// The page shell: header with navigation and search, the main column, the footer.
enum Layout {
    static func page(viewer: Viewer? = nil, title: String, active: String = "", query: String = "", _ body: Markup) -> Markup {
        func nav(_ href: String, _ label: String, _ key: String) -> Markup {
            key == active ? "<a href=\"\(href)\" aria-current=\"page\">\(label)</a>" : "<a href=\"\(href)\">\(label)</a>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Backchannel</title>
            <link rel="stylesheet" href="/assets/app.css">
            </head>
            <body>
            <header class="top">
              <a class="brand" href="/">Backchannel</a>
              <nav>\(nav("/", "Today", "home"))\(nav("/events", "Events", "events"))\(nav("/actors", "Actors", "actors"))\(nav("/storylines", "Storylines", "storylines"))\(nav("/search", "Search", "search"))</nav>
              \(account(viewer))
              <form class="quick" action="/search" method="get" role="search">
                <input type="search" name="q" value="\(query)" placeholder="Search articles" aria-label="Search articles">
                <button type="submit">Search</button>
              </form>
            </header>
            <main>
            \(body)
            </main>
            <footer class="bottom">Backchannel reads news on diplomacy and conflict and links every fact to the sentence it came from. <a href="/api/openapi.json">JSON API</a></footer>
            </body>
            </html>
            """
    }

    /// Who is reading: the sign-in link, or the user with a sign-out button.
    static func account(_ viewer: Viewer?) -> Markup {
        guard let viewer else { return "" }
        let users: Markup = (viewer.may(.reader) ? "<a href=\"/watchlists\">Watchlists</a>" : "") + (viewer.may(.analyst) ? "<a href=\"/publish\">Publish</a><a href=\"/moderation\">Moderation</a>" : "")
            + (viewer.may(.admin) ? "<a href=\"/admin/users\">Users</a>" : "")
        if viewer.open { return "<div class=\"who\"><span>Open mode</span>\(users)</div>" }
        guard let user = viewer.user else { return "<div class=\"who\"><a href=\"/login\">Sign in</a></div>" }
        return """
            <div class="who"><span>\(user.name) · \(user.role.rawValue)</span>\(users)<form action="/logout" method="post"><input type="hidden" name="csrf" value="\(viewer.csrf ?? "")"><button class="link" type="submit">Sign out</button></form></div>
            """
    }

    /// "12 Apr 2025" from `2025-04-12…`; the raw value when it is not a date.
    /// A stored timestamp as a day and a time: "26 Nov 2026 21:40".
    static func moment(_ timestamp: String) -> String {
        "\(day(timestamp)) \(timestamp.dropFirst(11).prefix(5))"
    }

    static func day(_ value: String?) -> String {
        guard let value, value.count >= 10 else { return value ?? "undated" }
        let parts = value.prefix(10).split(separator: "-")
        guard parts.count == 3, let m = Int(parts[1]), (1...12).contains(m), let d = Int(parts[2]) else { return value }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(d) \(months[m - 1]) \(parts[0])"
    }

    /// An event's date as the text gave it: a day, a month or a year.
    static func eventDate(_ e: EventCard) -> String {
        switch e.dateGranularity {
        case "year": return e.date.map { String($0.prefix(4)) } ?? day(e.day)
        case "month":
            if let d = e.date, d.count >= 7, let m = Int(d.dropFirst(5).prefix(2)), (1...12).contains(m) {
                let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
                return "\(months[m - 1]) \(d.prefix(4))"
            }
            return day(e.day)
        default: return day(e.day)
        }
    }

    static func actorLink(_ a: ActorRef) -> Markup {
        "<a class=\"actor t-\(a.type)\" href=\"/actors/\(a.id)\">\(a.name)</a>"
    }

    static func actorList(_ list: [ActorRef]) -> Markup {
        list.isEmpty ? "<span class=\"muted\">—</span>" : list.map(actorLink).joined(", ")
    }

    static func typeBadge(_ type: String) -> Markup {
        "<span class=\"badge \(EventStyle.family(of: type))\">\(type)</span>"
    }

    static func modality(_ m: String) -> Markup {
        m == "asserted" ? "" : "<span class=\"modality\">\(m)</span>"
    }

    static func eventItem(_ e: EventCard) -> Markup {
        let place: Markup = e.place.map { " in \(actorLink($0))" } ?? ""
        let reports: Markup = e.reports > 1 ? "<span class=\"muted\"> · \(e.reports) reports</span>" : ""
        return """
            <li class="event"><div class="when">\(eventDate(e))</div><div>\(typeBadge(e.type)) \(modality(e.modality))\
            <a href="/events/\(e.id)">\(e.actors.map(\.name).joined(separator: ", "))\(e.targets.isEmpty ? "" : " → " + e.targets.map(\.name).joined(separator: ", "))</a>\(place)\(reports)\
            <blockquote class="evidence">\(e.sentence)</blockquote></div></li>
            """
    }

    static func eventList(_ events: [EventCard], empty: String = "No events yet.") -> Markup {
        events.isEmpty ? "<p class=\"muted\">\(empty)</p>" : "<ol class=\"events\">\(events.map(eventItem))</ol>"
    }

    static func articleItem(_ a: ArticleCard) -> Markup {
        """
        <li><a href="/articles/\(a.id)">\(a.title ?? "Untitled article")</a> <span class="muted">\(a.site.map { $0 + " · " } ?? "")\(day(a.published))</span></li>
        """
    }

    static func articleList(_ articles: [ArticleCard], empty: String = "No articles.") -> Markup {
        articles.isEmpty ? "<p class=\"muted\">\(empty)</p>" : "<ul class=\"articles\">\(articles.map(articleItem))</ul>"
    }

    static func pager(path: String, params: [(String, String)], page: ListPageInfo) -> Markup {
        func link(_ offset: Int) -> String {
            (params + [("offset", String(offset))]).map { "\(urlEncode($0.0))=\(urlEncode($0.1))" }.joined(separator: "&")
        }
        var parts: [Markup] = []
        if page.offset > 0 { parts.append("<a rel=\"prev\" href=\"\(path)?\(link(max(0, page.offset - page.limit)))\">← Newer</a>") }
        if let next = page.nextOffset { parts.append("<a rel=\"next\" href=\"\(path)?\(link(next))\">Older →</a>") }
        return parts.isEmpty ? "" : "<nav class=\"pager\">\(parts.joined(" "))</nav>"
    }
}

struct ListPageInfo {
    var limit: Int
    var offset: Int
    var nextOffset: Int?
}

/// Event types in PLOVER's families, for colours and legends.
enum EventStyle {
    static let cooperative: Set<String> = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]
    static let verbal: Set<String> = ["INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "ACCUSE", "REQUEST"]
    static let material: Set<String> = ["SANCTION", "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"]
    static let all: [String] = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND", "DISAPPROVE",
                                "REJECT", "THREATEN", "ACCUSE", "REQUEST", "SANCTION", "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
                                "STATEMENT", "APPEAL"]

    static func family(of type: String) -> String {
        cooperative.contains(type) ? "coop" : verbal.contains(type) ? "verbal" : material.contains(type) ? "material" : "other"
    }

    static func colour(of type: String) -> String {
        switch family(of: type) {
        case "coop": "#2f7d5b"
        case "verbal": "#b7791f"
        case "material": "#c0392b"
        default: "#5a6b7b"
        }
    }
}
