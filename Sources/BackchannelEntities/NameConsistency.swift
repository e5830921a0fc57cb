import BackchannelCore

/// One name, one reading per document: after tagging, every other occurrence of a tagged
/// name is tagged too, a person's surname alone counts as that person ("Rishi Sunak" …
/// "Sunak"), and a name tagged with different types takes its most frequent type.
/// The tagger sees one sentence at a time; this pass gives it the document.
struct NameConsistency {
    let gazetteer: Gazetteer

    func apply(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        let found = knownNames(extendBeforePossessives(titledNames(found, words: words), words: words), words: words)
        var votes: [[String]: [EntityType: Int]] = [:]
        for f in found {
            votes[Array(words[f.tokens]), default: [:]][f.type, default: 0] += 1
        }
        // Surnames of full person names, unless the surname is itself tagged otherwise.
        for f in found where f.type == .person && f.tokens.count >= 2 {
            let last = [words[f.tokens.upperBound - 1]]
            if votes[last] == nil, last[0].first?.isUppercase == true, last[0].count > 2 { votes[last] = [.person: 1] }
        }
        let typeOf = votes.mapValues { counts in counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }!.key }
        var result = found.map { EntityResolver.Found(tokens: $0.tokens, type: typeOf[Array(words[$0.tokens])] ?? $0.type) }

        // Untagged occurrences of known names, longest names first.
        var covered = [Bool](repeating: false, count: words.count)
        for f in result { for k in f.tokens { covered[k] = true } }
        let names = typeOf.keys.filter { $0.first?.first?.isUppercase == true }.sorted { $0.count > $1.count }
        guard !names.isEmpty else { return result }
        var byFirst: [String: [[String]]] = [:]
        for name in names { byFirst[name[0], default: []].append(name) }
        var k = 0
        while k < words.count {
            guard !covered[k], let candidates = byFirst[words[k]] else { k += 1; continue }
            var matched = false
            for name in candidates where k + name.count <= words.count && Array(words[k..<(k + name.count)]) == name
                && !covered[k..<(k + name.count)].contains(true) {
                result.append(EntityResolver.Found(tokens: k..<(k + name.count), type: typeOf[name]!))
                for j in k..<(k + name.count) { covered[j] = true }
                k += name.count
                matched = true
                break
            }
            if !matched { k += 1 }
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Names the gazetteer knows (countries, cities, bodies, nationalities) that the tagger
    /// left untagged: "Iranian Foreign Minister", "the Strait of Hormuz", "United Nations".
    func knownNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var covered = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens { covered[k] = true } }
        var result = found
        for match in gazetteer.matches(words) {
            guard let type = EntityType(rawValue: match.entry.type), !covered[match.tokens].contains(true),
                  words[match.tokens.lowerBound].first?.isUppercase == true else { continue }
            result.append(EntityResolver.Found(tokens: match.tokens, type: type))
            for k in match.tokens { covered[k] = true }
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A capitalised name right after a title is a person: "Kremlin spokesman Dmitry Peskov",
    /// "Vice President J.D. Vance", "Secretary of State Marco Rubio". Fills in what the
    /// tagger missed and completes what it cut short; places and bodies are left alone.
    func titledNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result = found
        for match in gazetteer.matches(words) where match.entry.type == "TITLE" {
            var end = match.tokens.upperBound
            let start = end
            while end < words.count, end - start < 4, Self.isNameWord(words[end]) { end += 1 }
            guard end > start else { continue }
            let run = start..<end
            let surface = words[run].joined(separator: " ")
            if gazetteer.lookup(surface).contains(where: { ["GPE", "ORG", "LOC", "NORP", "FAC", "TITLE"].contains($0.type) }) { continue }
            let overlapping = result.indices.filter { result[$0].tokens.overlaps(run) }
            if overlapping.contains(where: { result[$0].type != .person }) { continue }
            result.removeAll { $0.tokens.overlaps(run) && $0.type == .person && run.contains($0.tokens.lowerBound) && $0.tokens.upperBound <= run.upperBound }
            result.append(EntityResolver.Found(tokens: run, type: .person))
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A word that can be part of a personal name: capitalised with lower-case letters
    /// ("Peskov", "Al-Maeena") or initials ("J.D.", "J.").
    static func isNameWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        if word.hasSuffix("."), word.count <= 4 { return RoleFinder.heads.contains(word.lowercased()) == false }
        return word.unicodeScalars.contains { $0.properties.isLowercase } && !RoleFinder.heads.contains(word.lowercased())
    }

    /// "President Donald Trump's message": the tagger often stops a name before a possessive,
    /// having learned that "'s" mostly follows common nouns. A capitalised word between a
    /// name and "'s" continues the name.
    func extendBeforePossessives(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result = found
        var starts = Set(found.map(\.tokens.lowerBound))
        for i in result.indices {
            let end = result[i].tokens.upperBound
            guard end + 1 < words.count, !starts.contains(end), ["'s", "\u{2019}s"].contains(words[end + 1]),
                  let first = words[end].unicodeScalars.first, first.properties.isUppercase,
                  words[end].unicodeScalars.contains(where: { $0.properties.isLowercase }) else { continue }
            result[i].tokens = result[i].tokens.lowerBound..<(end + 1)
            starts.insert(end)
        }
        return result
    }
}
