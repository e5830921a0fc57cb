import BackchannelCore
import BackchannelStore
import Foundation

/// Pictures drawn as SVG by our own code: an event timeline, an actor network and event
/// counts over time. Every label goes through `Markup`, so names from articles are escaped.
public enum Charts {
    // MARK: - timeline

    /// Events along a time axis, one lane per event type; each dot links to its event.
    public static func timeline(_ events: [EventCard], width: Int = 1100) -> Markup {
        let all = events.compactMap { e in e.day.flatMap(dayNumber).map { (e, $0) } }
        guard let window = denseRange(all.map(\.1)) else { return "<p class=\"muted\">No dated events to draw.</p>" }
        let dated = all.filter { window.contains($0.1) }
        let leftOut = all.count - dated.count
        let types = EventStyle.all.filter { t in dated.contains { $0.0.type == t } }
        let lane = 26, left = 120, right = 20, top = 16, axis = 34
        let height = top + lane * types.count + axis
        var lo = dated.map(\.1).min()!, hi = dated.map(\.1).max()!
        if hi - lo < 6 { lo -= 3; hi += 3 }
        let span = Double(hi - lo)
        func x(_ d: Int) -> Double { Double(left) + Double(width - left - right) * Double(d - lo) / span }
        var parts: [Markup] = []
        for (i, type) in types.enumerated() {
            let y = top + lane * i + lane / 2
            parts.append("<text x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"11\" fill=\"#39434e\">\(type)</text>")
            parts.append("<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#eef1f4\"/>")
        }
        for tick in ticks(lo: lo, hi: hi) {
            let tx = fmt(x(tick.day))
            parts.append("<line x1=\"\(tx)\" y1=\"\(top)\" x2=\"\(tx)\" y2=\"\(height - axis + 4)\" stroke=\"#dfe4ea\" stroke-dasharray=\"2 3\"/>")
            parts.append("<text x=\"\(tx)\" y=\"\(height - axis + 18)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#627080\">\(tick.label)</text>")
        }
        // Dots on the same lane and day are fanned out a little so that none hides another.
        var stack: [String: Int] = [:]
        for (event, d) in dated {
            guard let i = types.firstIndex(of: event.type) else { continue }
            let key = "\(i)|\(d)"
            let n = stack[key, default: 0]
            stack[key] = n + 1
            let y = top + lane * i + lane / 2 + (n == 0 ? 0 : (n % 2 == 1 ? -1 : 1) * ((n + 1) / 2) * 5)
            let who = (event.actors + event.targets).map(\.name).joined(separator: ", ")
            let r = event.reports > 1 ? 7 : 5
            parts.append("""
                <a href="/events/\(event.id)"><circle cx="\(fmt(x(d)))" cy="\(y)" r="\(r)" fill="\(EventStyle.colour(of: event.type))" fill-opacity="0.85" stroke="#fff"><title>\(Layout.eventDate(event)) — \(event.type)\(who.isEmpty ? "" : ": " + who)</title></circle></a>
                """)
        }
        let note: Markup = leftOut == 0 ? "" : "<p class=\"muted small\">\(leftOut) \(leftOut == 1 ? "event" : "events") dated far from the rest (history recalled, or plans years ahead) not drawn.</p>"
        return """
            <svg class="chart timeline" role="img" aria-label="Timeline of \(dated.count) events" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" xmlns="http://www.w3.org/2000/svg">\(parts)</svg>\(note)
            """
    }

    // MARK: - network

    public struct Node: Sendable { public var actor: ActorRef; public var weight: Int }
    public struct Edge: Sendable { public var from: Int; public var to: Int; public var weight: Int; public var label: String }

    /// Actors on a circle (the `center` one in the middle), edges as wide as their counts.
    public static func network(nodes: [Node], edges: [Edge], center: Int? = nil, size: Int = 560) -> Markup {
        guard nodes.count > 1, !edges.isEmpty else { return "<p class=\"muted\">Not enough connections to draw.</p>" }
        // Wider than tall: the names on the left and right need room.
        let width = size + size / 2
        let c = Double(size) / 2, cx = Double(width) / 2
        let radius = Double(size) / 2 - 50
        var position: [Int: (Double, Double)] = [:]
        let ring = nodes.filter { $0.actor.id != center }
        for (i, node) in ring.enumerated() {
            let angle = 2 * Double.pi * Double(i) / Double(ring.count) - Double.pi / 2
            position[node.actor.id] = (cx + radius * cos(angle), c + radius * sin(angle))
        }
        if let center { position[center] = (cx, c) }
        let maxEdge = max(1, edges.map(\.weight).max() ?? 1)
        let maxNode = max(1, nodes.map(\.weight).max() ?? 1)
        var parts: [Markup] = [
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#8795a3\"/></marker></defs>",
        ]
        for edge in edges.sorted(by: { $0.weight < $1.weight }) {
            guard let (x1, y1) = position[edge.from], let (x2, y2) = position[edge.to] else { continue }
            let w = 1 + 5 * Double(edge.weight) / Double(maxEdge)
            // Stop the line at the target's circle so the arrow shows.
            let dx = x2 - x1, dy = y2 - y1, len = max(1, (dx * dx + dy * dy).squareRoot())
            let shrink = 14.0
            parts.append("""
                <line x1="\(fmt(x1))" y1="\(fmt(y1))" x2="\(fmt(x2 - dx / len * shrink))" y2="\(fmt(y2 - dy / len * shrink))" stroke="\(edgeColour(edge.label))" stroke-opacity="0.6" stroke-width="\(fmt(w))" marker-end="url(#arrow)"><title>\(edge.label) × \(edge.weight)</title></line>
                """)
        }
        for node in nodes {
            guard let (x, y) = position[node.actor.id] else { continue }
            let r = 6 + 10 * Double(node.weight) / Double(maxNode)
            let anchor = x < cx - 5 ? "end" : x > cx + 5 ? "start" : "middle"
            let lx = anchor == "end" ? x - r - 4 : anchor == "start" ? x + r + 4 : x
            let ly = anchor == "middle" ? (y < c ? y - r - 6 : y + r + 14) : y + 4
            parts.append("""
                <a href="/actors/\(node.actor.id)"><circle cx="\(fmt(x))" cy="\(fmt(y))" r="\(fmt(r))" fill="\(node.actor.id == center ? "#14202c" : "#1f5f99")"><title>\(node.actor.name)</title></circle><text x="\(fmt(lx))" y="\(fmt(ly))" text-anchor="\(anchor)" font-size="12" fill="#1d2733">\(node.actor.name)</text></a>
                """)
        }
        return """
            <svg class="chart network" role="img" aria-label="Network of \(nodes.count) actors" viewBox="0 0 \(width) \(size)" width="\(width)" height="\(size)" xmlns="http://www.w3.org/2000/svg">\(parts)</svg>
            """
    }

    static func edgeColour(_ label: String) -> String {
        let type = label.split(separator: " ").first.map(String.init) ?? label
        return EventStyle.colour(of: type)
    }

    // MARK: - counts over time

    /// Stacked bars: events per month, coloured by PLOVER family.
    public static func counts(_ counts: [PeriodCount], width: Int = 1100, height: Int = 220) -> Markup {
        let starts = counts.compactMap { dayNumber($0.period + "-01") }
        guard let window = denseRange(starts) else { return "<p class=\"muted\">No dated events to count.</p>" }
        let counts = counts.filter { dayNumber($0.period + "-01").map(window.contains) ?? false }
        let periods = monthRange(from: counts.map(\.period).min()!, to: counts.map(\.period).max()!)
        let families = ["coop", "verbal", "material", "other"]
        var totals: [String: [String: Int]] = [:]
        for c in counts { totals[c.period, default: [:]][EventStyle.family(of: c.type), default: 0] += c.count }
        let maxTotal = max(1, totals.values.map { $0.values.reduce(0, +) }.max() ?? 1)
        let left = 40, bottom = 30, top = 12, right = 10
        let plotH = Double(height - top - bottom)
        let slot = Double(width - left - right) / Double(periods.count)
        let bar = max(2, slot * 0.7)
        var parts: [Markup] = []
        for frac in [0.0, 0.5, 1.0] {
            let y = Double(top) + plotH * (1 - frac)
            parts.append("<line x1=\"\(left)\" y1=\"\(fmt(y))\" x2=\"\(width - right)\" y2=\"\(fmt(y))\" stroke=\"#eef1f4\"/><text x=\"\(left - 6)\" y=\"\(fmt(y + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#627080\">\(Int((Double(maxTotal) * frac).rounded()))</text>")
        }
        let every = max(1, periods.count / 12)
        for (i, period) in periods.enumerated() {
            let x = Double(left) + slot * Double(i) + (slot - bar) / 2
            var y = Double(top) + plotH
            for family in families {
                let n = totals[period]?[family] ?? 0
                guard n > 0 else { continue }
                let h = plotH * Double(n) / Double(maxTotal)
                y -= h
                parts.append("<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(bar))\" height=\"\(fmt(h))\" fill=\"\(familyColour(family))\"><title>\(period): \(n) \(familyName(family))</title></rect>")
            }
            if i % every == 0 {
                parts.append("<text x=\"\(fmt(x + bar / 2))\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#627080\">\(monthLabel(period))</text>")
            }
        }
        return """
            <svg class="chart counts" role="img" aria-label="Events per month" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" xmlns="http://www.w3.org/2000/svg">\(parts)</svg>
            """
    }

    static func legend() -> Markup {
        let items: [Markup] = ["coop", "verbal", "material", "other"].map { f in
            "<span><i class=\"f-\(f)\"></i>\(familyName(f))</span>"
        }
        return "<div class=\"legend\">\(items)</div>"
    }

    static func familyColour(_ family: String) -> String {
        switch family {
        case "coop": "#2f7d5b"
        case "verbal": "#b7791f"
        case "material": "#c0392b"
        default: "#5a6b7b"
        }
    }

    static func familyName(_ family: String) -> String {
        switch family {
        case "coop": "cooperation"
        case "verbal": "verbal conflict"
        case "material": "material conflict"
        default: "statements and appeals"
        }
    }

    // MARK: - helpers

    /// One decimal, without Foundation's `String(format:)` (a tenth of the actor page's time).
    static func fmt(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return "\(sign)\(a / 10).\(a % 10)"
    }

    /// Days since 1970-01-01 for `YYYY-MM-DD` (the store's ``DayNumber``).
    static func dayNumber(_ day: String) -> Int? { DayNumber.of(day) }

    static func civil(_ n: Int) -> (Int, Int, Int) { DayNumber.civil(n) }

    struct Tick { var day: Int; var label: String }

    /// Month starts (or days, over a short range) between two day numbers.
    static func ticks(lo: Int, hi: Int) -> [Tick] {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        if hi - lo <= 45 {
            let step = max(1, (hi - lo) / 8)
            return stride(from: lo, through: hi, by: step).map { d in
                let (_, m, day) = civil(d)
                return Tick(day: d, label: "\(day) \(months[m - 1])")
            }
        }
        var result: [Tick] = []
        var (y, m, _) = civil(lo)
        if hi - lo > 730 {
            let years = (hi - lo) / 365 + 1
            let step = max(1, (years + 9) / 10)
            while true {
                y += 1
                guard let d = dayNumber("\(y)-01-01"), d <= hi else { break }
                if y % step == 0 { result.append(Tick(day: d, label: String(y))) }
            }
            return result
        }
        let totalMonths = (hi - lo) / 30 + 1
        let step = max(1, (totalMonths + 11) / 12)
        while true {
            m += 1
            if m > 12 { m = 1; y += 1 }
            guard let d = dayNumber("\(y)-\(m < 10 ? "0" : "")\(m)-01"), d <= hi else { break }
            if (m - 1) % step == 0 { result.append(Tick(day: d, label: m == 1 ? "\(months[m - 1]) \(y)" : months[m - 1])) }
        }
        return result
    }

    /// The days worth drawing: leading or trailing dates cut off from the rest by a gap of
    /// more than a year and longer than everything else spans (a war recalled from 1992 in a
    /// 2025 storyline) are left out, so that they do not squeeze the picture into a line.
    static func denseRange(_ days: [Int]) -> ClosedRange<Int>? {
        var sorted = days.sorted()[...]
        guard !sorted.isEmpty else { return nil }
        while sorted.count > 1 {
            let first = sorted[sorted.startIndex], next = sorted[sorted.startIndex + 1], last = sorted[sorted.endIndex - 1]
            guard next - first > max(365, last - next) else { break }
            sorted = sorted.dropFirst()
        }
        while sorted.count > 1 {
            let last = sorted[sorted.endIndex - 1], previous = sorted[sorted.endIndex - 2], first = sorted[sorted.startIndex]
            guard last - previous > max(365, previous - first) else { break }
            sorted = sorted.dropLast()
        }
        return sorted.first!...sorted.last!
    }

    static func monthRange(from: String, to: String) -> [String] {
        guard var y = Int(from.prefix(4)), var m = Int(from.dropFirst(5).prefix(2)), let ey = Int(to.prefix(4)), let em = Int(to.dropFirst(5).prefix(2)) else { return [from] }
        var result: [String] = []
        while (y, m) <= (ey, em) && result.count < 240 {
            result.append("\(y)-\(m < 10 ? "0" : "")\(m)")
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return result
    }

    static func monthLabel(_ period: String) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let m = Int(period.dropFirst(5).prefix(2)), (1...12).contains(m) else { return period }
        return m == 1 ? "\(months[0]) \(period.prefix(4))" : months[m - 1]
    }
}
