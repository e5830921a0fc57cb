import BackchannelStore

/// An article's body as paragraphs, with entity mentions linked to their actors and quotes
/// highlighted. Offsets count Unicode scalars, as the store keeps them.
enum ArticleText {
    static func render(_ article: ArticleDetail) -> Markup {
        let scalars = Array(article.text.unicodeScalars)
        let n = scalars.count

        // Mentions, without overlaps (the earlier and longer wins).
        struct Mark { var start: Int; var end: Int; var entity: EntityMark }
        var mentions: [Mark] = []
        for e in article.entities {
            for m in e.mentions where m.start >= 0 && m.end <= n && m.start < m.end {
                mentions.append(Mark(start: m.start, end: m.end, entity: e))
            }
        }
        mentions.sort { a, b in a.start != b.start ? a.start < b.start : a.end > b.end }
        var kept: [Mark] = []
        for m in mentions where (kept.last?.end ?? 0) <= m.start { kept.append(m) }
        mentions = kept
        let quotes = article.quotes.filter { $0.start >= 0 && $0.end <= n && $0.start < $0.end }

        // Boundaries: paragraph breaks, mention and quote edges.
        var cuts = Set<Int>([0, n])
        for m in mentions { cuts.insert(m.start); cuts.insert(m.end) }
        for q in quotes { cuts.insert(q.start); cuts.insert(q.end) }
        var paragraphBreaks: [Range<Int>] = []
        var i = 0
        while i + 1 < n {
            if scalars[i] == "\n" && scalars[i + 1] == "\n" {
                var j = i
                while j < n && scalars[j] == "\n" { j += 1 }
                paragraphBreaks.append(i..<j)
                cuts.insert(i); cuts.insert(j)
                i = j
            } else {
                i += 1
            }
        }
        let sorted = cuts.sorted()
        var paragraphs: [Markup] = []
        var current: Markup = ""
        var mentionIndex = 0
        for (a, b) in zip(sorted, sorted.dropFirst()) where a < b {
            if paragraphBreaks.contains(where: { $0.lowerBound == a }) {
                paragraphs.append(current)
                current = ""
                continue
            }
            var text = String(String.UnicodeScalarView(scalars[a..<b]))
            text = text.replacingOccurrences(of: "\n", with: " ")
            while mentionIndex < mentions.count && mentions[mentionIndex].end <= a { mentionIndex += 1 }
            var piece: Markup = "\(text)"
            if mentionIndex < mentions.count, mentions[mentionIndex].start <= a, b <= mentions[mentionIndex].end {
                let e = mentions[mentionIndex].entity
                let tip = ([e.type] + e.roles).joined(separator: " · ")
                if let actor = e.actor {
                    piece = "<a class=\"m t-\(e.type)\" href=\"/actors/\(actor.id)\" title=\"\(tip)\">\(text)</a>"
                } else {
                    piece = "<span class=\"m t-\(e.type)\" title=\"\(tip)\">\(text)</span>"
                }
            }
            if let q = quotes.first(where: { $0.start <= a && b <= $0.end }) {
                piece = "<mark class=\"q\" title=\"\(q.speaker.map { "Quote: " + $0.name } ?? "Quote, speaker unknown")\">\(piece)</mark>"
            }
            current += piece
        }
        paragraphs.append(current)
        return paragraphs.filter { !$0.html.isEmpty }.map { "<p>\($0)</p>" }.joined()
    }
}
