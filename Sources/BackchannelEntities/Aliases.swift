import BackchannelCore

/// Second names the text gives an entity it has just named: "Rodrigo Londoño, better known as
/// Timochenko", "Mohamed Hamdan Dagalo, the RSF commander known as Hemedti", "the Alliance of
/// Sahel States (AES)", "the UN Interim Security Force for Abyei, or UNISFA,". The alias is the
/// same entity wherever else it is used, whatever the tagger typed it ("Barbecue" is no town).
enum Aliases {
    /// A mention by token range and type.
    struct Mention {
        var range: Range<Int>
        var type: EntityType
    }

    /// Types of the entities a text gives second names to.
    static let named: Set<EntityType> = [.person, .org, .fac]
    /// Types an alias may not have: a place or a nationality is a name of its own.
    static let notAliases: Set<EntityType> = [.norp, .loc]

    /// Pairs of mention indices (the named entity's mention, the alias's mention).
    static func pairs(_ mentions: [Mention], words: [String], sentenceStarts: TokenPositions,
                      known: (String) -> [Gazetteer.Entry]) -> [(named: Int, alias: Int)] {
        // The first mention starting at each token (-1: none).
        var startingAt = [Int](repeating: -1, count: words.count)
        for (i, m) in mentions.enumerated() where !m.range.isEmpty && m.range.lowerBound < words.count && startingAt[m.range.lowerBound] < 0 {
            startingAt[m.range.lowerBound] = i
        }
        func word(_ k: Int) -> String { k >= 0 && k < words.count ? words[k] : "" }
        /// An acronym: one token in capitals (letters, maybe digits), two letters at least.
        func isAcronym(_ range: Range<Int>) -> Bool {
            guard range.count == 1 else { return false }
            let w = words[range.lowerBound]
            return w.count >= 2 && w.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
                && w.unicodeScalars.contains { ("A"..."Z").contains($0) }
        }
        /// The alias's mention starting at `k`, if it is one: not a place or a nationality the
        /// gazetteer knows.
        func alias(at k: Int) -> Int? {
            guard k < words.count, !sentenceStarts.contains(k), case let b = startingAt[k], b >= 0, !notAliases.contains(mentions[b].type) else { return nil }
            let text = words[mentions[b].range].joined(separator: " ")
            guard isAcronym(mentions[b].range) || !known(text).contains(where: { ["GPE", "LOC", "NORP"].contains($0.type) }) else { return nil }
            return b
        }
        var result: [(named: Int, alias: Int)] = []
        for (a, m) in mentions.enumerated() where named.contains(m.type) {
            let end = m.range.upperBound
            // "the Alliance of Sahel States (AES)": an acronym in brackets right after a body.
            if m.type != .person, word(end) == "(", word(end + 2) == ")", let b = alias(at: end + 1), isAcronym(mentions[b].range) {
                result.append((a, b))
            }
            // "the UN Interim Security Force for Abyei, or UNISFA,".
            if m.type != .person, word(end) == ",", word(end + 1) == "or", let b = alias(at: end + 2), isAcronym(mentions[b].range),
               [",", ".", ")", ";"].contains(word(mentions[b].range.upperBound)) || mentions[b].range.upperBound == words.count {
                result.append((a, b))
            }
        }
        // ", known as", ", better known as", ", also known as", or an apposition before
        // "known as" (", the RSF commander known as"): the name that ends at the comma.
        var endingAt = [Int](repeating: -1, count: words.count + 1)
        for (i, m) in mentions.enumerated() where !m.range.isEmpty && m.range.upperBound <= words.count && endingAt[m.range.upperBound] < 0 {
            endingAt[m.range.upperBound] = i
        }
        for k in words.indices where words[k].utf8.count == 5 && words[k] == "known" && word(k + 1) == "as" {
            guard let comma = commaBefore(known: k, words: words, sentenceStarts: sentenceStarts), case let a = endingAt[comma], a >= 0,
                  named.contains(mentions[a].type), k + 2 < words.count, let b = alias(at: k + 2), b != a else { continue }
            result.append((a, b))
        }
        return result
    }

    /// The comma that closes the name a "known as" at `k` gives a second name to: right before
    /// it (", known as", ", better known as"), or before an apposition of a few words that opens
    /// with an article (", the RSF commander known as"). Nil when there is none.
    static func commaBefore(known k: Int, words: [String], sentenceStarts: TokenPositions) -> Int? {
        guard k >= 2 else { return nil }
        var comma = k - 1
        if ["better", "also", "widely"].contains(words[comma]) { comma -= 1 }
        if words[comma] == "," { return comma }
        // The apposition: no punctuation and no sentence's start between the comma and "known".
        var j = k - 1
        while j > 0, k - j <= 8, !sentenceStarts.contains(j), ![",", ".", ";", ":", "(", ")"].contains(words[j]) { j -= 1 }
        guard words[j] == ",", j + 1 < k, ["the", "a", "an"].contains(words[j + 1].lowercased()) else { return nil }
        return j
    }
}
