import BackchannelCore

/// The quote stage: direct quotations with their speaker and cue.
///
/// Attribution is read in the sentence that holds the quotation, outside the marks:
/// after it ("…,” Peskov said", "…,” said Peskov", "…,” he told reporters") or before it
/// ("Peskov said: “…”", "according to Peskov, “…”", "he wrote: “…”", "described the talks
/// as “useful”"). A pronoun is the last person named before the quote; a role ("the
/// spokesman said") is the person the article gave that title; an organisation can speak
/// ("the Kremlin said in a statement"). With no attribution in its sentence, a quote that
/// fills its paragraph takes the speaker of the next sentence ("He said…") or of the
/// previous sentence that ends with a colon.
public struct QuoteDetector: Stage {
    public let name = "quotes"
    public let requires: Set<Layer> = [.tokens, .sentences, .entities]
    public let provides: Set<Layer> = [.quotes]

    public init() {}

    public func process(_ document: inout Document) throws(StageError) {
        document.quotes = detect(in: document)
        document.layers.insert(.quotes)
    }

    static let cues: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "posted", "described", "describes",
        "called", "calls", "insisted", "warned", "stressed", "argued", "noted", "declared", "stated", "announced",
        "asked", "replied", "urged", "explained", "continued", "recalled", "acknowledged", "admitted", "suggested",
        "claimed", "tweeted", "vowed", "pledged", "promised", "complained", "cautioned", "remarked", "insists", "warns",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "He", "She", "They"]

    func detect(in document: Document) -> [Quote] {
        let scalars = Array(document.text.unicodeScalars)
        let words = document.wordsOfTokens
        let tokens = document.tokens
        // Entity mentions by token position.
        var entityAt = [Int?](repeating: nil, count: tokens.count)
        var k = 0
        let mentions = document.entities.enumerated().flatMap { e, entity in entity.mentions.map { (e, $0.span) } }.sorted { $0.1 < $1.1 }
        for (e, span) in mentions {
            while k < tokens.count, tokens[k].span.end <= span.start { k += 1 }
            var t = k
            while t < tokens.count, tokens[t].span.start < span.end { entityAt[t] = e; t += 1 }
        }
        var quotes: [Quote] = []
        for found in QuoteFinder().find(in: scalars) {
            let sentenceIndex = document.sentences.lastIndex { $0.span.start <= found.open } ?? 0
            guard !document.sentences.isEmpty else { break }
            let attribution = attribute(found, sentenceIndex: sentenceIndex, document: document, words: words, entityAt: entityAt)
            quotes.append(Quote(id: Quote.ID(rawValue: "Q\(quotes.count + 1)"), span: found.content,
                                speaker: attribution.speaker.map { document.entities[$0].id },
                                cue: attribution.cue, sentence: attribution.sentence))
        }
        return quotes
    }

    struct Attribution {
        var speaker: Int?
        var cue: String?
        var sentence: TextSpan
    }

    private func attribute(_ quote: QuoteFinder.Found, sentenceIndex: Int, document: Document, words: [String], entityAt: [Int?]) -> Attribution {
        let tokens = document.tokens
        let quoteEnd = quote.close.map { $0 + 1 } ?? quote.content.end
        // Sentences the quotation touches; attribution may be in the last one or around it.
        var last = sentenceIndex
        while last + 1 < document.sentences.count, document.sentences[last + 1].span.start < quoteEnd { last += 1 }
        var candidates = [last]
        if last != sentenceIndex { candidates.append(sentenceIndex) }
        for s in candidates {
            let sentence = document.sentences[s].span
            let outside = tokens.indices.filter { t in
                tokens[t].span.start >= sentence.start && tokens[t].span.end <= sentence.end
                    && !(tokens[t].span.start >= quote.open && tokens[t].span.end <= quoteEnd)
            }
            if let found = cue(in: outside, words: words, entityAt: entityAt, document: document, before: quote.open) {
                return Attribution(speaker: found.speaker, cue: found.cue, sentence: sentence)
            }
        }
        // A quoted paragraph: the next sentence ("He said…") or a previous one ending in a colon.
        let first = document.sentences[sentenceIndex].span
        if last + 1 < document.sentences.count {
            let next = document.sentences[last + 1].span
            let inNext = tokens.indices.filter { tokens[$0].span.start >= next.start && tokens[$0].span.end <= next.end }
            if let head = inNext.prefix(4).first(where: { Self.cues.contains(words[$0].lowercased()) }),
               let found = cue(in: Array(inNext.prefix(through: head)), words: words, entityAt: entityAt, document: document, before: quote.open) {
                return Attribution(speaker: found.speaker, cue: found.cue, sentence: next)
            }
        }
        if sentenceIndex > 0 {
            let previous = document.sentences[sentenceIndex - 1].span
            let inPrevious = tokens.indices.filter { tokens[$0].span.start >= previous.start && tokens[$0].span.end <= previous.end }
            if let lastToken = inPrevious.last, words[lastToken] == ":",
               let found = cue(in: inPrevious, words: words, entityAt: entityAt, document: document, before: quote.open) {
                return Attribution(speaker: found.speaker, cue: found.cue, sentence: previous)
            }
        }
        return Attribution(speaker: nil, cue: nil, sentence: first)
    }

    /// The first cue among `tokens` and the speaker next to it.
    private func cue(in tokens: [Int], words: [String], entityAt: [Int?], document: Document, before position: Int) -> (speaker: Int?, cue: String)? {
        for (n, t) in tokens.enumerated() {
            let word = words[t].lowercased()
            var cueText: String?
            if Self.cues.contains(word) { cueText = words[t] }
            if word == "according", n + 1 < tokens.count, words[tokens[n + 1]].lowercased() == "to" { cueText = words[t] + " " + words[tokens[n + 1]] }
            guard let cue = cueText else { continue }
            // The speaker: a named entity, pronoun or role just before the cue, or just after it.
            let before = tokens[max(0, n - 4)..<n].reversed()
            let according = cue.lowercased() == "according to"
            let after = tokens[(n + 1)..<min(tokens.count, n + (according ? 6 : 5))]
            for t2 in according ? Array(after.dropFirst()) : Array(before) + Array(after) {
                if let e = entityAt[t2], [.person, .org, .gpe].contains(document.entities[e].type) { return (e, cue) }
                if Self.pronouns.contains(words[t2]) { return (lastPerson(before: document.tokens[t2].span.start, document: document), cue) }
                if let e = entityWithRole(words[t2], document: document) { return (e, cue) }
            }
            return (nil, cue)
        }
        return nil
    }

    /// The person a pronoun at `offset` stands for: the first person named in the sentence
    /// of the pronoun (before it), else in the nearest earlier sentence that names one —
    /// the subject of a sentence comes first more often than not ("Kirill Dmitriev, … Putin's
    /// envoy, was upbeat. He called…" is Dmitriev).
    private func lastPerson(before offset: Int, document: Document) -> Int? {
        var firstInSentence: [Int: (entity: Int, start: Int)] = [:]
        for (e, entity) in document.entities.enumerated() where entity.type == .person {
            for mention in entity.mentions where mention.span.end <= offset {
                guard let s = document.sentences.lastIndex(where: { $0.span.start <= mention.span.start }) else { continue }
                if firstInSentence[s] == nil || mention.span.start < firstInSentence[s]!.start { firstInSentence[s] = (e, mention.span.start) }
            }
        }
        guard let latest = firstInSentence.keys.max() else { return nil }
        return firstInSentence[latest]!.entity
    }

    /// "spokesman" → the person whose role ends with that word.
    private func entityWithRole(_ word: String, document: Document) -> Int? {
        let lower = word.lowercased()
        guard lower.count > 3, !Self.pronouns.contains(word) else { return nil }
        return document.entities.firstIndex { entity in
            entity.type == .person && entity.roles.contains { $0.title.lowercased().hasSuffix(lower) }
        }
    }
}
