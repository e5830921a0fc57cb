import BackchannelCore

/// The position a demand, refusal, request or agreement states, and its issue in the short form
/// the negotiation tracker shows.
extension EventDetector {
    /// The position a demand, refusal or agreement states: the words after the trigger up to
    /// the end of the phrase, without articles ("rejected a full ceasefire" → "full ceasefire").
    func position(for event: Event, after trigger: Range<Int>, in range: Range<Int>, words: [String], lower: [Word]) -> Event.Position? {
        let stance: Event.Position.Stance
        switch event.type {
        case .demand, .request, .appeal: stance = .demands
        case .reject: stance = .rejects
        case .agree where ["proposed", "proposes", "proposing", "propose", "offered", "offers", "put", "puts"].contains(lower[trigger.lowerBound])
            || Self.readiness.contains(lower[trigger.lowerBound]) || Self.tablingVerbs.contains(lower[trigger.lowerBound])
            || Self.proposalNouns.contains(lower[trigger.lowerBound]): stance = .offers
        case .agree, .concede: stance = .accepts
        default: return nil
        }
        // "a U.S. proposal for a 30-day ceasefire" offers what follows "for" or "on"; "a U.S.
        // proposal delivered through Oman" names no issue.
        if Self.proposalNouns.contains(lower[trigger.lowerBound]),
           !(trigger.upperBound < range.upperBound && ["for", "on", "to"].contains(lower[trigger.upperBound])) {
            return Event.Position(issue: nil, stance: stance, holder: event.actors.first, addressee: event.targets.first)
        }
        var t = trigger.upperBound
        // "pressed Western capitals to punish Rwanda": the issue is what follows "to".
        if Self.pressingVerbs.contains(lower[trigger.lowerBound]),
           let to = (trigger.upperBound..<min(range.upperBound, trigger.upperBound + 6)).first(where: { lower[$0] == "to" }) {
            t = to + 1
        }
        // Skip the addressee and linking words: "urged Russia to accept", "demanded that".
        // Then a place or time before the object: "agreed in Istanbul to exchange…", "agreed on
        // Tuesday to stop…".
        var skipping = true
        while skipping {
            skipping = false
            while t < range.upperBound, ["that", "to", "on", "for", "the", "a", "an", "its", "their", "his", "her", "'s", "’s"].contains(lower[t]) || event.targets.isEmpty == false && words[t].startsUppercase {
                t += 1
            }
            let start = t > trigger.upperBound && lower[t - 1] == "on" ? t - 1 : t
            if start < range.upperBound, ["in", "at", "on", "with", "under", "from", "last", "this", "next"].contains(lower[start]) || Self.issueTimes.contains(lower[t]) {
                var u = start == t && !Self.issueTimes.contains(lower[t]) ? t + 1 : t
                var named = false
                while u < range.upperBound, words[u].startsUppercase || Self.issueTimes.contains(lower[u]) || lower[u] == "the" {
                    if lower[u] != "the" { named = true }
                    u += 1
                }
                if named { t = max(u, t + 1); skipping = true }
            }
        }
        var issue: [String] = []
        let phraseEnds = Self.phraseEnds
        while t < range.upperBound, issue.count < 8, ![",", ".", ";", ":", "and", "but", "while", "which", "who", "“", "\""].contains(lower[t]),
              !(issue.count >= 2 && phraseEnds.contains(lower[t])) {
            // "the treaty in Washington", "the package for two months": a place or a span of time
            // after the object is not part of the issue.
            if !issue.isEmpty, t + 1 < range.upperBound,
               ["in", "at"].contains(lower[t]) && words[t + 1].startsUppercase
               || lower[t] == "for" && (Self.numberWords[lower[t + 1].text] != nil || lower[t + 1].text.first?.isNumber == true) {
                break
            }
            if !["a", "an", "the", "its", "their", "his", "her"].contains(lower[t]) { issue.append(lower[t].text) }
            t += 1
        }
        // "turned the offer down": the particle closes the verb, not the issue.
        if Self.turningVerbs.contains(lower[trigger.lowerBound]), issue.last == "down" { issue.removeLast() }
        return Event.Position(issue: Self.cleanIssue(issue), stance: stance, holder: event.actors.first, addressee: event.targets.first)
    }

    static let issueTimes: WordSet = WordSet(weekdays + ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                                         "october", "november", "december", "today", "tomorrow", "week", "weekend", "month", "year", "earlier", "later"])
    static let issueStops: WordSet = ["of", "to", "for", "the", "a", "an", "with", "and", "by", "or", "that", "as", "at", "in", "on", "be", "would", "will", "were", "was", "whether"]

    /// Words that open a clause or an adverbial inside an issue: what follows is the reason,
    /// the time or the manner, not the issue ("the veto after the summit promised help").
    static let issueBreaks: WordSet = ["because", "although", "though", "after", "since", "when", "while", "unless", "if", "as", "so"]
    /// Words no issue starts with: a preposition or adverb where the object should be ("about
    /// 12 minutes", "by the G7"), or a verb that makes the words a clause ("remained a
    /// reliable ally", "described as a red line").
    static let notIssueStarts: WordSet = ["in", "at", "with", "under", "from", "after", "before", "during", "since", "last", "next",
                                          "about", "by", "until", "because", "as", "instead", "forward", "than", "if", "when", "whether",
                                          "over", "into", "through", "on", "of", "set", "remained", "received", "knew", "regarded", "described", "said",
                                          "told", "called", "had", "has", "have", "was", "were", "is", "are", "would", "will"]
    /// Auxiliaries and modals: an issue with one is a clause ("the town had fallen").
    static let issueAuxiliaries: WordSet = ["will", "would", "could", "should", "can", "may", "might", "must", "had", "has", "have",
                                       "did", "does", "do", "is", "are", "was", "were", "been", "be", "am"]
    static let passiveAuxiliaries: WordSet = ["was", "were", "is", "are", "be", "been"]
    /// Single words that name no issue on their own.
    static let vagueIssues: WordSet = ["end", "war", "meet", "immediate", "return", "full", "finish", "them", "him", "her", "it", "this", "that", "us"]
    static let objectPronouns: WordSet = ["him", "her", "them", "us", "me", "it"]

    /// An issue as the tracker shows it, a short noun or verb phrase, or nil when the words
    /// after the trigger are not one:
    /// - from "saturday to begin technical-level work" to "begin technical-level work";
    /// - nothing from "in istanbul" (a place) or "about 12 minutes" (an adverbial);
    /// - "ceasefire or face steep tariffs" cut at "or face", "objection after the commission
    ///   promised help" at "after";
    /// - "sanctions on banks were lifted" as "sanctions on banks lifted", but nothing from a
    ///   clause such as "the town had fallen";
    /// - "him to help end the war" as "help end war"; "eu ’s plan" and "eu 's plan" as "eu’s plan".
    static func cleanIssue(_ words: [String]) -> String? {
        var issue = words
        if let face = issue.firstIndex(of: "or"), face > 0 { issue = Array(issue[..<face]) }
        if let cut = issue.indices.dropFirst().first(where: { issueBreaks.contains(issue[$0]) }) { issue = Array(issue[..<cut]) }
        if let first = issue.first, notIssueStarts.contains(first) { return nil }
        while let first = issue.first, ["it", "they", "he", "she", "we", "first", "also", "now", "still"].contains(first) || issueTimes.contains(first)
                || first == "to" && issue.count > 1 {
            issue.removeFirst()
        }
        // "accepted it on her behalf": what follows the pronoun is no object either.
        if let first = issue.first, notIssueStarts.contains(first), first != "to" { return nil }
        if issue.count > 2, objectPronouns.contains(issue[0]), issue[1] == "to" { issue.removeFirst(2) }
        if let a = issue.firstIndex(where: { issueAuxiliaries.contains($0) }) {
            if a > 0, a == issue.count - 2, passiveAuxiliaries.contains(issue[a]),
               issue[a + 1].hasSuffix("ed") || ["met", "paid", "held", "kept", "made", "given", "taken"].contains(issue[a + 1]) {
                // "sanctions on banks were lifted": a passive at the end reads as a headline does.
                issue.remove(at: a)
            } else if a >= 3 {
                // "its right to enrich uranium will never be given up": the issue is the subject.
                issue = Array(issue[..<a])
            } else {
                // "the town had fallen": a clause, no issue.
                return nil
            }
        }
        while let last = issue.last, issueStops.contains(last) || last.allSatisfy(\.isNumber)
                || ["’s", "'s", "outright", "earlier", "later", "they", "he", "she", "we"].contains(last) {
            issue.removeLast()
        }
        guard issue.contains(where: { !issueStops.contains($0) && !issueTimes.contains($0) && !["as", "well", "only", "again"].contains($0) }) else { return nil }
        if issue.count == 1, vagueIssues.contains(issue[0]) { return nil }
        // (One apostrophe for both: "court's jurisdiction" and "court’s jurisdiction" are one
        // issue in the tracker.)
        return issue.joined(separator: " ").replacingOccurrences(of: "'", with: "’").replacingOccurrences(of: " ’s", with: "’s")
    }

    static let phraseEnds: WordSet = ["in", "that", "which", "as", "by", "from", "with", "after", "before", "until", "if", "on", "at", "who", "when"]
}
