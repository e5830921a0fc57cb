import BackchannelCore

/// The entity stage: tags names sentence by sentence, then groups the mentions of each
/// actor into one entity with its canonical name, roles and affiliation.
public struct EntityRecognizer: Stage {
    public let name = "entities"
    public let requires: Set<Layer> = [.tokens, .sentences]
    public let provides: Set<Layer> = [.entities]

    let tagger: EntityTagger?
    let gazetteer: Gazetteer

    public init(tagger: EntityTagger? = .shared, gazetteer: Gazetteer = .shared) {
        self.tagger = tagger
        self.gazetteer = gazetteer
    }

    /// "wrote on X", "in an X post": the social network, which neither the tagger nor the
    /// gazetteer can know from one capital letter. Only in those contexts: elsewhere a lone "X"
    /// is a numeral or a placeholder.
    static func platformX(words: [String], found: [EntityResolver.Found]) -> [EntityResolver.Found] {
        var added: [EntityResolver.Found] = []
        for (k, word) in words.enumerated() where word == "X" {
            let before = k > 0 ? words[k - 1].lowercased() : ""
            let after = k + 1 < words.count ? words[k + 1].lowercased() : ""
            guard before == "on" || ["post", "posts", "account", "feed"].contains(after),
                  !found.contains(where: { $0.tokens.contains(k) }) else { continue }
            added.append(EntityResolver.Found(tokens: k..<(k + 1), type: .org))
        }
        return added
    }

    /// The letters that make a dollar local when written against its sign
    /// (``MoneyMention/localDollars``) belong to the amount, not to a name: "lend Kyiv C$2.3bn"
    /// names Kyiv, not "Kyiv C". A span that ends in them is cut before them, and dropped if
    /// nothing is left.
    static func withoutCurrencyPrefixes(_ found: [EntityResolver.Found], words: [String], tokens: [Token]) -> [EntityResolver.Found] {
        func prefix(_ t: Int) -> Bool {
            t + 1 < words.count && words[t + 1] == "$" && tokens[t].span.end == tokens[t + 1].span.start && MoneyMention.localDollars[words[t]] != nil
        }
        guard words.contains("$") else { return found }
        return found.compactMap { span in
            var span = span
            while !span.tokens.isEmpty, prefix(span.tokens.upperBound - 1) { span.tokens = span.tokens.lowerBound..<(span.tokens.upperBound - 1) }
            return span.tokens.isEmpty ? nil : span
        }
    }

    public func process(_ document: inout Document) throws(StageError) {
        guard let tagger else {
            throw StageError(stage: name, document: document.id, message: "the entity model (Resources/ner.model) is missing")
        }
        let words = document.wordsOfTokens
        let lowercaseSeen = TaggerFeatures.lowercaseVocabulary(words)
        // Gazetteer matches once for the document (a match never crosses a sentence in practice;
        // one that does is given to the sentence it starts in, cut at its end).
        let matches = gazetteer.matches(words)
        var m = 0
        var found: [EntityResolver.Found] = []
        var k = 0
        var sentenceStarts = TokenPositions()
        for sentence in document.sentences {
            let first = k
            sentenceStarts.insert(first)
            while k < document.tokens.count, document.tokens[k].span.start < sentence.span.end { k += 1 }
            guard k > first else { continue }
            var local: [Gazetteer.Match] = []
            while m < matches.count, matches[m].tokens.lowerBound < k {
                if matches[m].tokens.lowerBound >= first {
                    var match = matches[m]
                    match.tokens = (match.tokens.lowerBound - first)..<(min(match.tokens.upperBound, k) - first)
                    local.append(match)
                }
                m += 1
            }
            for span in tagger.spans(Array(words[first..<k]), lowercaseSeen: lowercaseSeen, matches: local) {
                found.append(EntityResolver.Found(tokens: (span.tokens.lowerBound + first)..<(span.tokens.upperBound + first), type: span.type))
            }
        }
        found = NameConsistency(gazetteer: gazetteer, sentenceStarts: sentenceStarts, lowercaseSeen: lowercaseSeen).apply(found, words: words, matches: matches)
        found = Self.withoutCurrencyPrefixes(found, words: words, tokens: document.tokens)
        let platforms = Self.platformX(words: words, found: found)
        if !platforms.isEmpty { found = (found + platforms).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound } }
        document.entities = EntityResolver(gazetteer: gazetteer).resolve(found, tokens: document.tokens, words: words, sentenceStarts: sentenceStarts)
        document.layers.insert(.entities)
    }
}
