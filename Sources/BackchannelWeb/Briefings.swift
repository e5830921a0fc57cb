import BackchannelStore
import Foundation

/// Backgrounders: a storyline over a date range as a Markdown file and as a printable page.
public enum Briefings {
    public static func title(_ b: Briefing) -> String {
        if let own = b.title { return "Backgrounder: " + own }
        let who = b.actors.map(\.name).joined(separator: " & ")
        let subject = [who.isEmpty ? nil : who, b.query.map { "“\($0)”" }].compactMap { $0 }.joined(separator: ": ")
        return "Backgrounder: " + (subject.isEmpty ? "all events" : subject)
    }

    public static func range(_ b: Briefing) -> String {
        switch (b.since, b.until) {
        case let (s?, u?): return "\(Layout.day(s)) to \(Layout.day(u))"
        case let (s?, nil): return "from \(Layout.day(s))"
        case let (nil, u?): return "until \(Layout.day(u))"
        default: return "all dates"
        }
    }

    static func sourceNumbers(_ b: Briefing) -> [Int: Int] {
        var numbers: [Int: Int] = [:]
        for (i, source) in b.sources.enumerated() { numbers[source.id] = i + 1 }
        return numbers
    }

    static func who(_ e: EventCard) -> String {
        let actors = e.actors.map(\.name).joined(separator: ", "), targets = e.targets.map(\.name).joined(separator: ", ")
        return targets.isEmpty ? (actors.isEmpty ? "—" : actors) : "\(actors.isEmpty ? "—" : actors) → \(targets)"
    }

    // MARK: - Markdown

    /// Escapes what Markdown would read as markup in text from articles.
    static func md(_ text: String) -> String {
        var out = ""
        for c in text.replacingOccurrences(of: "\n", with: " ") {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// The backgrounder as Markdown. `base` (such as `https://backchannel.example`) makes the
    /// evidence links absolute; without it they are paths on the site.
    public static func markdown(_ b: Briefing, notes: [Note] = [], base: String = "", generated: String) -> String {
        let n = sourceNumbers(b)
        var lines: [String] = ["# \(md(title(b)))", "", "*\(md(range(b))) · \(b.events.count) events, \(b.quotes.count) quotes, \(b.sources.count) sources · generated \(generated) by Backchannel*", ""]
        lines += ["## Chronology", ""]
        if b.events.isEmpty { lines.append("No events in this range.") }
        for e in b.events {
            let place = e.place.map { " in \(md($0.name))" } ?? ""
            let modality = e.modality == "asserted" ? "" : " (\(e.modality))"
            let ref = n[e.articleID].map { " [\($0)]" } ?? ""
            lines.append("- **\(md(Layout.eventDate(e)))** — \(e.type)\(modality): \(md(who(e)))\(place). \(md(e.sentence))\(ref) ([event](\(base)/events/\(e.id)))")
        }
        lines += ["", "## Positions of the parties", ""]
        if b.positions.cells.isEmpty {
            lines.append("No demands, offers, acceptances or rejections in this range.")
        } else {
            let parties = b.positions.parties
            lines.append("| Issue | " + parties.map { md($0.name) }.joined(separator: " | ") + " |")
            lines.append("| --- |" + String(repeating: " --- |", count: parties.count))
            for issue in b.positions.issues {
                let cells = parties.map { p -> String in
                    guard let c = b.positions.cells.first(where: { $0.party == p.id && $0.issue == issue }) else { return "" }
                    let dates = c.history.map { h in "\(h.stance) \(Layout.day(h.date))\(n[h.articleID].map { " [\($0)]" } ?? "")" }
                    return "**\(c.stance)**" + (c.history.count > 1 ? " (" + dates.joined(separator: "; ") + ")" : (n[c.history[0].articleID].map { " [\($0)]" } ?? ""))
                }
                lines.append("| \(md(issue)) | " + cells.joined(separator: " | ") + " |")
            }
        }
        lines += ["", "## What they said", ""]
        if b.quotes.isEmpty { lines.append("No quotes in this range.") }
        for q in b.quotes {
            lines.append("- “\(md(q.text))” — \(md(q.speaker?.name ?? "speaker not named")), \(md(Layout.day(q.published)))\(n[q.articleID].map { " [\($0)]" } ?? "")")
        }
        if !notes.isEmpty {
            lines += ["", "## Analysts' notes", ""]
            for note in notes { lines.append("- \(md(note.body)) — \(md(note.author)), \(md(Layout.day(note.createdAt))) ([\(note.subject.rawValue)](\(base)/\(note.subject.rawValue)s/\(note.subjectID)))") }
        }
        lines += ["", "## Sources", ""]
        for (i, s) in b.sources.enumerated() {
            let link = Markup.externalURL(s.url).map { " <\($0)>" } ?? ""
            lines.append("\(i + 1). \(md(s.title ?? "Untitled article")) — \(md(s.site ?? "unknown site")), \(md(Layout.day(s.published))).\(link) ([in Backchannel](\(base)/articles/\(s.id)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - HTML

    static func page(_ b: Briefing, notes: [Note], query: String) -> Markup {
        let n = sourceNumbers(b)
        func ref(_ article: Int) -> Markup { n[article].map { " <a class=\"ref\" href=\"#source-\($0)\">[\($0)]</a>" } ?? "" }
        let chronology: [Markup] = b.events.map { e in
            let modality: Markup = e.modality == "asserted" ? "" : " <span class=\"modality\">\(e.modality)</span>"
            return "<li><strong>\(Layout.eventDate(e))</strong> \(Layout.typeBadge(e.type))\(modality) <a href=\"/events/\(e.id)\">\(who(e))</a>\(e.place.map { " in \($0.name)" } ?? "")<blockquote class=\"evidence\">\(e.sentence)\(ref(e.articleID))</blockquote></li>"
        }
        var positions: Markup = "<p class=\"muted\">No demands, offers, acceptances or rejections in this range.</p>"
        if !b.positions.cells.isEmpty {
            let rows: [Markup] = b.positions.issues.map { issue in
                let cells: [Markup] = b.positions.parties.map { p in
                    guard let c = b.positions.cells.first(where: { $0.party == p.id && $0.issue == issue }) else { return "<td></td>" }
                    let history: [Markup] = c.history.map { h in "<li>\(Layout.day(h.date)): \(h.stance)\(ref(h.articleID))</li>" }
                    return "<td class=\"stance-\(c.stance)\"><span class=\"stance\">\(c.stance)</span><ol class=\"history\">\(history)</ol></td>"
                }
                return "<tr><th>\(issue)</th>\(cells)</tr>"
            }
            positions = "<div class=\"scroll\"><table class=\"tracker\"><thead><tr><th>Issue</th>\(b.positions.parties.map { "<th>\($0.name)</th>" })</tr></thead><tbody>\(rows)</tbody></table></div>"
        }
        let quotes: [Markup] = b.quotes.map { q in
            "<li>“\(q.text)” — \(q.speaker?.name ?? "speaker not named"), \(Layout.day(q.published))\(ref(q.articleID))</li>"
        }
        let noteItems: [Markup] = notes.map { note in "<li>\(note.body) — \(note.author), \(Layout.day(note.createdAt))</li>" }
        let sources: [Markup] = b.sources.enumerated().map { i, s in
            let original: Markup = Markup.externalURL(s.url).map { " <a href=\"\($0)\" rel=\"noopener noreferrer nofollow\">\($0)</a>" } ?? ""
            return "<li id=\"source-\(i + 1)\"><a href=\"/articles/\(s.id)\">\(s.title ?? "Untitled article")</a> — \(s.site ?? "unknown site"), \(Layout.day(s.published)).\(original)</li>"
        }
        return """
            <article class="briefing">
            <h1>\(title(b))</h1>
            <p class="meta"><span>\(range(b))</span><span>\(b.events.count) events</span><span>\(b.quotes.count) quotes</span><span>\(b.sources.count) sources</span><span class="noprint"><a href="/briefing.md?\(query)">Markdown</a></span></p>
            <h2>Timeline</h2>
            \(Charts.legend())
            \(Charts.timeline(b.events))
            <h2>Chronology</h2>
            \(chronology.isEmpty ? "<p class=\"muted\">No events in this range.</p>" : "<ol class=\"plain chronology\">\(chronology)</ol>" as Markup)
            <h2>Positions of the parties</h2>
            \(positions)
            <h2>What they said</h2>
            \(quotes.isEmpty ? "<p class=\"muted\">No quotes in this range.</p>" : "<ul class=\"plain\">\(quotes)</ul>" as Markup)
            \(noteItems.isEmpty ? "" : "<h2>Analysts' notes</h2><ul class=\"plain\">\(noteItems)</ul>" as Markup)
            <h2>Sources</h2>
            <ol class="sources">\(sources)</ol>
            </article>
            """
    }

    // MARK: - e-mail digests

    /// The subject and plain-text body of a watchlists digest.
    public static func digestText(_ d: Digest, base: String) -> (subject: String, body: String) {
        let subject = "Backchannel: \(d.eventCount) new \(d.eventCount == 1 ? "event" : "events") in \(d.sections.count) \(d.sections.count == 1 ? "watchlist" : "watchlists")"
        var lines = ["New events in what you follow, \(d.owner).", ""]
        for (w, events) in d.sections {
            lines += [w.name, String(repeating: "=", count: min(60, max(3, w.name.count))), ""]
            for e in events {
                lines.append("\(Layout.eventDate(e)) · \(e.type) · \(who(e))\(e.place.map { " · " + $0.name } ?? "")")
                lines.append("  \(e.sentence)")
                lines.append("  \(base)/events/\(e.id)")
                lines.append("")
            }
            lines.append("Feed: \(base)/feeds/\(w.token)")
            lines.append("")
        }
        lines.append("You get this because your Backchannel account has an e-mail address and watchlists; an admin can remove the address.")
        return (subject, lines.joined(separator: "\n"))
    }
}

