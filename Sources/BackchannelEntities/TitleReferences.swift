import BackchannelCore

/// Titles written without a name that stand for a person the text has just named: "Merz was
/// blunter. Before the talks the German chancellor said…", "Volodymyr Zelensky said the
/// killings were deliberate. The Ukrainian president urged…". News copy varies its references
/// this way, and the title is a role of that person like any written beside the name.
///
/// Only a description that opens with a nationality or a state's possessive ("the Ukrainian
/// president", "Pakistan's defence minister"), or with a body when the office is one person's
/// ("the Kremlin leader", "the NATO secretary general"), and acts as its clause's subject counts, and only
/// when the person it stands for is the one the nearby text names: the person named last in
/// its sentence or the two before, who must be the only person named there unless exactly one
/// of them belongs to the description's state, or exactly one is not known to belong to another.
struct TitleReferences {
    let roles: RoleFinder

    /// How many sentences before the description's own are read for the person.
    static let reach = 2
    /// Words that may follow a subject: the title is then the subject, not an object or a
    /// modifier ("the Ukrainian president's office", "met the German chancellor in Berlin").
    static let predicates: WordSet = ["said", "says", "told", "tells", "added", "urged", "warned", "wrote", "insisted", "announced",
                                      "accused", "called", "has", "had", "was", "is", "will", "would", "could", "did", "does",
                                      "also", "then", "later", "replied", "posted", "signed", "spoke", "met", "made", "took",
                                      "gave", "flew", "went", "came", "left", "sent", "put", "set", "held"]

    /// Whether a word after a title makes the title its clause's subject: a word of
    /// ``predicates`` or a past tense ("presented").
    static func isPredicate(_ word: String) -> Bool {
        predicates.contains(word) || word.startsLowercase && word.hasSuffix("ed") && word.count > 4
    }

    /// Heads of a body's titles that one person holds at a time.
    static let soleOffices: WordSet = ["leader", "chief", "founder", "head", "president", "chairman", "chairwoman", "chair",
                                       "general", "secretary-general", "director", "commander", "premier"]
    /// Words that make a title one of several under the office ("the NATO deputy secretary general").
    static let subordinates: WordSet = ["deputy", "vice", "assistant", "regional", "local"]

    func apply(_ entities: inout [Entity], mentions: [Affiliations.Placed], tokens: [Token], words: [String], sentenceStarts: TokenPositions) {
        var at = [Int?](repeating: nil, count: words.count)
        for m in mentions { for t in m.range where t < words.count { at[t] = m.entity } }
        var t = 0
        while t + 2 < words.count {
            defer { t += 1 }
            guard at[t] != nil, t == 0 || at[t - 1] != at[t],
                  let (title, state) = description(at: t, at: at, entities: entities, words: words, sentenceStarts: sentenceStarts),
                  title.upperBound < words.count, !sentenceStarts.contains(title.upperBound) else { continue }
            guard Self.isPredicate(words[title.upperBound]) else { continue }
            guard let person = antecedent(before: t, state: state, at: at, entities: entities, sentenceStarts: sentenceStarts) else { continue }
            let found = roles.make(title, tokens: tokens, words: words)
            guard !entities[person].roles.contains(where: { Role.sameTitle($0.title, found.title) }) else { continue }
            entities[person].roles.append(found.role)
            if entities[person].affiliation == nil { entities[person].affiliation = found.affiliation ?? state }
        }
    }

    /// The title that starts at token `start` — "the" and a nationality or a state ("the
    /// Ukrainian president", "the U.S. president"), or a state with its possessive ("Pakistan's
    /// defence minister"), then up to two lower-case words and a lower-case head word — with the
    /// state it names; nil when the words are no such title. The title leaves out "the".
    private func description(at start: Int, at: [Int?], entities: [Entity], words: [String], sentenceStarts: TokenPositions) -> (Range<Int>, String)? {
        guard let e = at[start] else { return nil }
        var j = start
        while j < words.count, at[j] == e { j += 1 }
        let afterThe = start > 0 && (words[start - 1] == "the" || words[start - 1] == "The")
        let possessive = j < words.count && ["'s", "’s"].contains(words[j])
        let state: String
        var bodyOffice = false
        switch entities[e].type {
        case .norp where afterThe:
            guard let country = entities[e].refersTo else { return nil }
            state = country
        case .gpe where entities[e].kind == "country" && (afterThe != possessive):
            state = entities[e].name
            if possessive { j += 1 }
        case .org where afterThe != possessive:
            // "The Kremlin leader presented…", "the NATO secretary general said": a body's office
            // that one person holds (not "the Kremlin spokesman", one of several), of the
            // state the body stands for, else of the body itself.
            state = entities[e].refersTo ?? entities[e].name
            if possessive { j += 1 }
            bodyOffice = true
        default:
            return nil
        }
        var last: Int?
        var k = j
        while k < words.count, k - j < 3, words[k].startsLowercase, at[k] == nil {
            if RoleFinder.heads.contains(words[k]) { last = k }
            k += 1
        }
        // The head ends the title: "the Ukrainian president told", not "the Ukrainian president's office".
        // (A verb in the past tense counts only after a title that opens its sentence: "The
        // Kremlin leader presented…". Inside one, "…, arguing that the Russian leader wanted…",
        // the title is more often someone the text has not named nearby.)
        let next = last.map { $0 + 1 < words.count ? words[$0 + 1] : "" } ?? ""
        let opensSentence = start >= 1 && sentenceStarts.contains(start - 1) && afterThe
        guard let head = last, head + 1 == k || k == words.count || !words[k].startsLowercase
                || Self.predicates.contains(next) || opensSentence && Self.isPredicate(next) else { return nil }
        if bodyOffice {
            guard Self.soleOffices.contains(words[head]), !words[j...head].contains(where: { Self.subordinates.contains($0) }) else { return nil }
        }
        return (start..<(head + 1), state)
    }

    /// The person named last before token `t` in its sentence and the ``reach`` before, if the
    /// description can only stand for that person.
    private func antecedent(before t: Int, state: String, at: [Int?], entities: [Entity], sentenceStarts: TokenPositions) -> Int? {
        var persons: [Int] = []
        var sentences = 0
        var k = t - 1
        while k >= 0 {
            if let e = at[k], entities[e].type == .person, !persons.contains(e) { persons.append(e) }
            if sentenceStarts.contains(k) {
                sentences += 1
                if sentences > Self.reach { break }
            }
            k -= 1
        }
        // A person of another state is never the one.
        let fitting = persons.filter { entities[$0].affiliation == nil || entities[$0].affiliation == state }
        if persons.count == 1 { return fitting.first }
        let own = fitting.filter { entities[$0].affiliation == state }
        if own.count == 1 { return own[0] }
        // ("Carney, Canada's prime minister, met Volodymyr Zelensky. … the Ukrainian president
        // told…": everyone else named there belongs to another state.)
        return own.isEmpty && fitting.count == 1 ? fitting[0] : nil
    }
}
