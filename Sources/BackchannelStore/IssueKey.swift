/// One key for the wordings of an issue, so that the negotiation tracker shows one row for
/// "the court’s jurisdiction", "court's jurisdiction" and "jurisdiction of the court", or for
/// "30-day ceasefires" and "a 30-day ceasefire".
///
/// The key is the issue's content words, lower-cased, without possessive endings and plural
/// "s", in alphabetical order; articles, prepositions and other small words do not count. Two
/// wordings with the same key are one issue; no wording joins another that says more or less
/// ("ceasefire" and "ceasefire violations" stay apart).
enum IssueKey {
    static let smallWords: Set<Substring> = ["a", "an", "the", "of", "to", "on", "in", "for", "and", "with", "by", "at", "from", "its", "their",
                                             "his", "her", "any", "s"]

    static func key(_ issue: String) -> String {
        var words: [Substring] = []
        for word in issue.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where !smallWords.contains(word) {
            if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") {
                words.append(word.dropLast())
            } else {
                words.append(word)
            }
        }
        return Set(words).sorted().joined(separator: " ")
    }

    /// Each wording's label: the most frequent wording of its key (the shorter, then the first
    /// in alphabetical order, on a tie).
    static func labels(for issues: [String]) -> [String: String] {
        var counts: [String: Int] = [:]
        for issue in issues { counts[issue, default: 0] += 1 }
        var best: [String: (issue: String, count: Int)] = [:]
        for (issue, count) in counts {
            let key = key(issue)
            if let current = best[key],
               (current.count, -current.issue.count) > (count, -issue.count)
                || (current.count, -current.issue.count) == (count, -issue.count) && current.issue < issue {
                continue
            }
            best[key] = (issue, count)
        }
        return counts.keys.reduce(into: [:]) { labels, issue in labels[issue] = best[key(issue)]!.issue }
    }
}
