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

    /// "Tigray People’s Liberation Front", "Sudan People's Liberation Movement-North": a
    /// "People's" (or "Workers'") with a capitalised word after it is inside a name, which the
    /// tagger cuts at the possessive ("Tigray", "People", "Liberation Front"). The name runs from
    /// the names just before it to the capitalised words after.
    static func namesWithPeoples(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        guard words.contains(where: { peoples.contains($0) }) else { return found }
        var covered = [Bool](repeating: false, count: words.count)
        for span in found { for t in span.tokens { covered[t] = true } }
        var joined: [Range<Int>] = []
        for i in words.indices where peoples.contains(words[i]) && i + 2 < words.count && possessives.contains(words[i + 1])
            && words[i + 2].first?.isUppercase == true && !found.contains(where: { $0.tokens.contains(i) && $0.tokens.contains(i + 2) }) {
            var start = i
            while start > 0, i - start < 3, words[start - 1].first?.isUppercase == true,
                  covered[start - 1] || !openingWords.contains(words[start - 1]) { start -= 1 }
            var end = i + 2
            while end < words.count, end - i < 8,
                  words[end].first?.isUppercase == true || words[end] == "-" && end + 1 < words.count && words[end + 1].first?.isUppercase == true {
                end += 1
            }
            if joined.last.map({ $0.overlaps(start..<end) }) != true { joined.append(start..<end) }
        }
        guard !joined.isEmpty else { return found }
        var result = found.filter { span in !joined.contains { $0.overlaps(span.tokens) } }
        result += joined.map { EntityResolver.Found(tokens: $0, type: .org) }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
    static let peoples: Set<String> = ["People", "Peoples", "Workers"]
    static let openingWords: Set<String> = ["The", "A", "An", "In", "On", "At", "For", "And", "But", "Of", "By", "With", "From", "To", "As", "When", "While"]
    static let possessives: Set<String> = ["’s", "'s", "’", "'"]

    /// "United Nations Secretary-General Antonio Guterres": a title at the end of an
    /// organisation's name is the person's, not the body's ("Nations Secretary-General"); the
    /// body is what the gazetteer names there ("United Nations").
    static func withoutTrailingTitles(_ found: [EntityResolver.Found], words: [String], matches: [Gazetteer.Match]) -> [EntityResolver.Found] {
        found.compactMap { span in
            guard span.type == .org, span.tokens.count > 1, trailingTitles.contains(words[span.tokens.upperBound - 1]) else { return span }
            var end = span.tokens.upperBound
            while end > span.tokens.lowerBound, trailingTitles.contains(words[end - 1]) { end -= 1 }
            guard end > span.tokens.lowerBound else { return nil }
            var span = span
            span.tokens = span.tokens.lowerBound..<end
            // The gazetteer's name that the cut span ends ("United Nations" for "Nations").
            if let match = matches.first(where: { $0.tokens.lowerBound < span.tokens.lowerBound && $0.tokens.upperBound == end }) {
                span.tokens = match.tokens
            }
            return span
        }
    }
    static let trailingTitles: Set<String> = ["Secretary-General", "Secretary", "General", "Spokesman", "Spokeswoman", "Envoy", "Chief",
                                              "Director-General", "Commissioner", "Ambassador", "Chairman", "Chairwoman"]

    /// "the occupied West Bank": two names side by side that end a name of the gazetteer
    /// together ("West" and "Bank" of "occupied West Bank") are one name, with its type.
    static func joinedGazetteerNames(_ found: [EntityResolver.Found], matches: [Gazetteer.Match]) -> [EntityResolver.Found] {
        guard found.count > 1, !matches.isEmpty else { return found }
        var byEnd: [Int: (start: Int, type: EntityType)] = [:]
        for match in matches where match.tokens.count > 1 {
            if let type = EntityType(rawValue: match.entry.type) { byEnd[match.tokens.upperBound] = (match.tokens.lowerBound, type) }
        }
        var result: [EntityResolver.Found] = []
        var n = 0
        while n < found.count {
            if n + 1 < found.count, found[n].tokens.upperBound == found[n + 1].tokens.lowerBound,
               let name = byEnd[found[n + 1].tokens.upperBound], name.start <= found[n].tokens.lowerBound, case let type = name.type {
                result.append(EntityResolver.Found(tokens: found[n].tokens.lowerBound..<found[n + 1].tokens.upperBound, type: type))
                n += 2
            } else {
                result.append(found[n])
                n += 1
            }
        }
        return result
    }

    /// "Three U.S. Navy ships": a count that opens a sentence is not part of the name after it.
    static func withoutLeadingCounts(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        found.map { span in
            guard span.type == .org, span.tokens.count > 1, counts.contains(words[span.tokens.lowerBound]) else { return span }
            var span = span
            span.tokens = (span.tokens.lowerBound + 1)..<span.tokens.upperBound
            return span
        }
    }
    static let counts: Set<String> = ["Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Dozens", "Hundreds"]

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
        found = Self.joinedGazetteerNames(found, matches: matches)
        found = Self.namesWithPeoples(found, words: words)
        found = Self.withoutTrailingTitles(found, words: words, matches: matches)
        // "Brent crude": a benchmark of oil, not a person.
        found.removeAll { $0.type == .person && $0.tokens.count == 1 && $0.tokens.upperBound < words.count && ["crude", "futures"].contains(words[$0.tokens.upperBound]) }
        found = Self.withoutLeadingCounts(found, words: words)
        let platforms = Self.platformX(words: words, found: found)
        if !platforms.isEmpty { found = (found + platforms).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound } }
        document.entities = EntityResolver(gazetteer: gazetteer).resolve(found, tokens: document.tokens, words: words, sentenceStarts: sentenceStarts)
        document.layers.insert(.entities)
    }
}
