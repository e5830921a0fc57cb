import BackchannelCore

/// One name, one reading per document: after tagging, every other occurrence of a tagged
/// name is tagged too, a person's surname alone counts as that person ("Rishi Sunak" …
/// "Sunak"), and a name tagged with different types takes its most frequent type.
/// The tagger sees one sentence at a time; this pass gives it the document.
struct NameConsistency {
    func apply(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
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
}
