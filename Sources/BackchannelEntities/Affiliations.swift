import BackchannelCore

/// Affiliations the titles do not give: a person's body named after "of" ("Andrew Peek of the
/// National Security Council"), a body a title names by its head noun ("the agency's director
/// general, Rafael Grossi" after "the International Atomic Energy Agency"), and a delegation's
/// members ("Ukraine's team, led by Andriy Yermak, included Foreign Minister Andrii Sybiha").
/// A person who already has an affiliation keeps it.
struct Affiliations {
    /// A mention of an entity, by token range.
    struct Placed {
        var range: Range<Int>
        var entity: Int
    }

    static let delegationNouns: WordSet = ["delegation", "delegations", "team", "side", "negotiators", "negotiating"]
    static let memberCues: [[String]] = [["led", "by"], ["headed", "by"], ["included"], ["including"], ["includes"], ["was", "led", "by"]]

    /// Fills in `affiliation` for persons without one; `mentions` in text order. A delegation
    /// named by a nationality ("the American side") belongs to its country.
    static func fill(_ entities: inout [Entity], mentions: [Placed], words: [String], sentenceStarts: TokenPositions) {
        var at = [Int?](repeating: nil, count: words.count)
        for m in mentions { for t in m.range where t < words.count { at[t] = m.entity } }
        func isPerson(_ e: Int) -> Bool { entities[e].type == .person }
        func isBody(_ e: Int) -> Bool { entities[e].type == .org || entities[e].type == .gpe }

        // "Andrew Peek of the National Security Council": the body right after "of".
        for m in mentions where isPerson(m.entity) && entities[m.entity].affiliation == nil {
            var j = m.range.upperBound
            guard j + 1 < words.count, words[j] == "of" else { continue }
            j += 1
            if words[j].lowercased() == "the" { j += 1 }
            if j < words.count, !sentenceStarts.contains(j), let body = at[j], isBody(body) {
                entities[m.entity].affiliation = entities[body].name
            }
        }

        // "the agency's director general, Rafael Grossi": a title owned by "the <noun>" names the
        // last body whose name ends in that noun.
        for e in entities.indices where isPerson(e) && entities[e].affiliation == nil {
            for role in entities[e].roles {
                let parts = role.title.split(separator: " ")
                guard let first = parts.first, first.hasSuffix("'s") || first.hasSuffix("’s") else { continue }
                let noun = first.dropLast(2).lowercased()
                guard noun.count > 3, first.first?.isLowercase == true else { continue }
                // ("the International Atomic Energy Agency" … "the agency's": any mention's last word.)
                let body = mentions.last { m in
                    isBody(m.entity) && m.range.upperBound <= words.count && m.range.count > 1
                        && words[m.range.upperBound - 1].lowercased() == noun
                        && entities[m.entity].mentions.contains { $0.span.start < role.span.start }
                }
                if let body {
                    entities[e].affiliation = entities[body.entity].name
                    break
                }
            }
        }

        // "Ukraine's team, led by Andriy Yermak, …, included Foreign Minister Andrii Sybiha and
        // Defence Minister Rustem Umerov": the people a delegation's cue names belong to its owner.
        // (The delegations first: a later one's cue is its own, not the earlier one's — "the U.S.
        // side were …; the North Korean team included Kim Yong Chol".)
        var delegations: [(owner: Placed, noun: Int)] = []
        for owner in mentions where isBody(owner.entity) || entities[owner.entity].type == .norp {
            var k = owner.range.upperBound
            if k < words.count, ["'s", "’s", "'", "’"].contains(words[k]) { k += 1 }
            if k < words.count, delegationNouns.contains(words[k].lowercased()) { delegations.append((owner, k)) }
        }
        var sentence = 0
        let starts = sentenceStarts.sorted()
        for (n, (owner, k)) in delegations.enumerated() {
            while sentence + 1 < starts.count, starts[sentence + 1] <= owner.range.lowerBound { sentence += 1 }
            var sentenceEnd = sentence + 1 < starts.count ? starts[sentence + 1] : words.count
            if n + 1 < delegations.count { sentenceEnd = min(sentenceEnd, delegations[n + 1].owner.range.lowerBound) }
            if let semicolon = words[(k + 1)..<max(k + 1, sentenceEnd)].firstIndex(of: ";") { sentenceEnd = semicolon }
            let affiliation = entities[owner.entity].type == .norp ? entities[owner.entity].refersTo : entities[owner.entity].name
            guard let affiliation else { continue }
            var t = k + 1
            while t < sentenceEnd {
                guard let cue = memberCues.first(where: { cue in
                    t + cue.count <= sentenceEnd && cue.indices.allSatisfy { words[t + $0].lowercased() == cue[$0] }
                }) else { t += 1; continue }
                t += cue.count
                // The list after the cue: title words, names joined by "," and "and", until any
                // other word; an apposition after a name (", the head of …,") is skipped.
                while t < sentenceEnd {
                    if let e = at[t] {
                        if isPerson(e) {
                            if entities[e].affiliation == nil { entities[e].affiliation = affiliation }
                        } else if !(words[t].first?.isUppercase ?? false) {
                            break
                        }
                        while t < sentenceEnd, at[t] == e { t += 1 }
                        // ", the head of Zelensky's office,": skip to the closing comma.
                        if t + 1 < sentenceEnd, words[t] == ",", ["the", "a", "an"].contains(words[t + 1].lowercased()) {
                            var c = t + 1
                            while c < sentenceEnd, words[c] != "," { c += 1 }
                            t = c + 1
                        }
                        continue
                    }
                    let word = words[t]
                    if word == "," || word == "and" || word.first?.isUppercase == true || RoleFinder.isHead(word)
                        || RoleFinder.modifiers.contains(word.lowercased()) {
                        t += 1
                        continue
                    }
                    break
                }
            }
        }
    }
}
