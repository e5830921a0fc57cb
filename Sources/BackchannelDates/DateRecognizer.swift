import BackchannelCore
import Foundation

/// Finds dates and periods and normalises them against the publication date.
///
/// Absolute: "April 11, 2025", "11 April 2025", "April 11", "11 April", "April 2025",
/// "2029", "mid-2025", "early 2024". Relative to the publication date: weekdays ("on
/// Friday": the last one on or before it, or the next one after "next"), "yesterday",
/// "today", "tomorrow", "last week", "this week", "next week", "this year", "last
/// month", "in February" (the nearest February at or before the publication month, or
/// after it with "by", "until" or "next"), "by May", "48 hours before" (approximate).
/// Without a publication date, relative expressions are skipped.
public struct DateRecognizer: Stage {
    public let name = "dates"
    public let requires: Set<Layer> = [.tokens]
    public let provides: Set<Layer> = [.dates]

    public init() {}

    public func process(_ document: inout Document) throws(StageError) {
        document.dates = recognize(text: document.text, tokens: document.tokens, words: document.wordsOfTokens,
                                   published: document.metadata.published?.date)
        document.layers.insert(.dates)
    }

    static let months = WordMap<Int>([
        "january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar.": 3, "april": 4, "apr": 4,
        "apr.": 4, "may": 5, "june": 6, "jun": 6, "jun.": 6, "july": 7, "jul": 7, "jul.": 7, "august": 8, "aug": 8,
        "aug.": 8, "september": 9, "sept": 9, "sept.": 9, "sep": 9, "sep.": 9, "october": 10, "oct": 10, "oct.": 10,
        "november": 11, "nov": 11, "nov.": 11, "december": 12, "dec": 12, "dec.": 12,
    ])
    static let weekdays = WordMap<Int>([
        "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
    ])
    /// Words before a month's name that look forward to it, or back.
    static let futureCues: WordSet = ["will", "due", "expected", "scheduled", "set", "planned", "plans", "plan", "aims", "hopes", "upcoming",
                                      "shall", "'ll", "intends", "promised", "pledged"]
    static let pastCues: WordSet = ["was", "were", "had", "last", "ago", "since"]
    static let approximators = WordMap<String>(["mid": "mid", "early": "early", "late": "late", "end": "end"])
    static let lowercaseStarters: WordSet = [
        "yesterday", "today", "tomorrow", "tonight", "last", "this", "next", "past", "mid", "early", "late", "end", "less", "about",
        "some", "nearly", "almost", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "a", "an", "overnight", "following", "same", "previous",
    ]
    static let numbers = WordMap<Int>(["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                                       "eleven": 11, "twelve": 12, "a": 1, "an": 1])
    static let units = WordMap<(Calendar.Component, Int)>([
        "hours": (.hour, 1), "hour": (.hour, 1), "days": (.day, 1), "day": (.day, 1), "weeks": (.day, 7), "week": (.day, 7),
    ])

    var calendar: Calendar { Timestamp.utcCalendar }

    public func recognize(text: String, tokens: [Token], words known: [String]? = nil, published: Date?) -> [DateMention] {
        let words = known ?? text.texts(of: tokens)
        let lower = words.map { $0.lowercased() }
        var found: [DateMention] = []
        var k = 0
        func span(_ a: Int, _ b: Int) -> TextSpan { TextSpan(start: tokens[a].span.start, end: tokens[b].span.end) }
        func year(_ i: Int) -> Int? {
            guard i < tokens.count, tokens[i].kind == .number, words[i].count == 4, let y = Int(words[i]), (1900...2100).contains(y) else { return nil }
            return y
        }
        func day(_ i: Int) -> Int? {
            guard i < tokens.count, words[i].utf8.count <= 4, let first = words[i].utf8.first, first >= 0x30 && first <= 0x39 else { return nil }
            var w = Substring(lower[i])
            for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) { w = w.dropLast(2) }
            guard let d = Int(w), (1...31).contains(d) else { return nil }
            return d
        }
        /// A range of days at token `i`: "12-13" as one token, or "14", a dash and "15". The
        /// day it stands for, and its last token: the first day, but the second after "the
        /// night of" or "midnight on" ("the night of September 9-10" ended on the 10th).
        func dayRange(_ i: Int) -> (day: Int, last: Int)? {
            var first: Int?, second: Int?, last = i
            if i < tokens.count, let dash = words[i].firstIndex(where: { $0 == "-" || $0 == "–" }), words[i].utf8.count <= 5,
               let a = Int(words[i][..<dash]), let b = Int(words[i][words[i].index(after: dash)...]) {
                first = a
                second = b
            } else if let a = day(i), i + 2 < tokens.count, ["-", "–"].contains(words[i + 1]), let b = day(i + 2) {
                first = a
                second = b
                last = i + 2
            }
            guard let first, let second, (1...31).contains(first), (1...31).contains(second), first < second else { return nil }
            var before = i - 1
            // ("on March 12-13", "the night of 9-10 September": the words before the month too.)
            while before >= 0, before >= i - 3, Self.months[lower[before]] != nil || ["on", "of", "the"].contains(lower[before]) { before -= 1 }
            let night = before >= 0 && ["night", "midnight", "overnight"].contains(lower[before])
            return (night ? second : first, last)
        }
        let pubComponents = published.map { calendar.dateComponents([.year, .month, .day, .weekday], from: $0) }
        // The year of a month named without one at token `k`: the publication's, else the next
        // one's when the clause looks forward to the month ("by May", "Elections are due in late
        // May") and the one before when the month is later in the year than publication.
        func yearOfMonth(_ month: Int, at k: Int, published pub: DateComponents) -> Int {
            let window = max(0, k - 8)..<k
            let forward = k > 0 && ["by", "until", "next", "till"].contains(lower[k - 1])
                || window.contains { Self.futureCues.contains(lower[$0]) } && !window.contains { Self.pastCues.contains(lower[$0]) }
            if forward && month < pub.month! { return pub.year! + 1 }
            if !forward && month > pub.month! { return pub.year! - 1 }
            return pub.year!
        }

        while k < tokens.count {
            // Dates start with a capital (months, weekdays), a digit, or one of a few words.
            if let first = words[k].utf8.first, !(first >= 0x41 && first <= 0x5A), !(first >= 0x30 && first <= 0x39),
               !Self.lowercaseStarters.contains(lower[k]), !lower[k].hasPrefix("mid-"), !lower[k].hasPrefix("early-"),
               !lower[k].hasPrefix("late-"), !lower[k].hasPrefix("end-") {
                k += 1
                continue
            }
            // Month-led: "April 11, 2025", "April 11", "April 2025", "April"
            if let month = Self.months[lower[k]], isMonthWord(words[k], lower: lower[k], next: k + 1 < words.count ? words[k + 1] : "") {
                // "March 12-13": a range of days, dated by the day it stands for.
                let range = dayRange(k + 1)
                if let d = range?.day ?? day(k + 1) {
                    var end = range?.last ?? k + 1
                    var y: Int? = nil
                    if end + 1 < tokens.count, words[end + 1] == ",", let yy = year(end + 2) { y = yy; end += 2 }
                    else if let yy = year(end + 1) { y = yy; end += 1 }
                    if let mention = dayMention(year: y, month: month, day: d, span: span(k, end), published: pubComponents) {
                        found.append(mention)
                    }
                    k = end + 1
                    continue
                }
                if let y = year(k + 1) {
                    found.append(DateMention(span: span(k, k + 1), value: ISODigits.month(y, month), granularity: .month))
                    k += 2
                    continue
                }
                if let pub = pubComponents, lower[k] != "may" || (k > 0 && ["in", "by", "until", "since", "from", "early", "late", "mid", "end", "of"].contains(lower[k - 1])) {
                    let y = yearOfMonth(month, at: k, published: pub)
                    // ("early March", "late May": the approximator is part of the date.)
                    let approximate = k > 0 && ["early", "mid", "late"].contains(lower[k - 1])
                    found.append(DateMention(span: span(approximate ? k - 1 : k, k), value: ISODigits.month(y, month), granularity: .month,
                                             approximate: approximate, relative: true))
                }
                k += 1
                continue
            }
            // Day-led: "11 April 2025", "11 April", "12-13 March"
            if let range = dayRange(k), range.last + 1 < tokens.count, let month = Self.months[lower[range.last + 1]], words[range.last + 1].startsUppercase {
                var end = range.last + 1
                var y: Int? = nil
                if let yy = year(end + 1) { y = yy; end += 1 }
                if let mention = dayMention(year: y, month: month, day: range.day, span: span(k, end), published: pubComponents) {
                    found.append(mention)
                }
                k = end + 1
                continue
            }
            if let d = day(k), k + 1 < tokens.count, let month = Self.months[lower[k + 1]], words[k + 1].startsUppercase {
                var end = k + 1
                var y: Int? = nil
                if let yy = year(k + 2) { y = yy; end = k + 2 }
                if let mention = dayMention(year: y, month: month, day: d, span: span(k, end), published: pubComponents) {
                    found.append(mention)
                }
                k = end + 1
                continue
            }
            // "mid-2025", "early 2024", "late-2023"
            if let hyphen = lower[k].firstIndex(of: "-"), Self.approximators[String(lower[k][..<hyphen])] != nil,
               let y = Int(lower[k][lower[k].index(after: hyphen)...]), (1900...2100).contains(y) {
                found.append(DateMention(span: span(k, k), value: String(y), granularity: .year, approximate: true))
                k += 1
                continue
            }
            // "mid-January", "early-March": a month, as its name alone would be, approximately.
            if let pub = pubComponents, let hyphen = lower[k].firstIndex(of: "-"), Self.approximators[String(lower[k][..<hyphen])] != nil,
               let month = Self.months[String(lower[k][lower[k].index(after: hyphen)...])] {
                let given = year(k + 1)
                let end = given == nil ? k : k + 1
                let y = given ?? yearOfMonth(month, at: k, published: pub)
                found.append(DateMention(span: span(k, end), value: ISODigits.month(y, month), granularity: .month, approximate: true, relative: end == k))
                k = end + 1
                continue
            }
            if Self.approximators[lower[k]] != nil, let y = year(k + 1) {
                found.append(DateMention(span: span(k, k + 1), value: String(y), granularity: .year, approximate: true))
                k += 2
                continue
            }
            // A bare year: "in 2029", "2025's"
            if let y = year(k), !(k + 1 < tokens.count && ["%", "percent", "people", "troops"].contains(lower[k + 1])),
               !(k > 0 && ["$", "€", "£"].contains(words[k - 1])) {
                found.append(DateMention(span: span(k, k), value: String(y), granularity: .year))
                k += 1
                continue
            }
            // ("Two days later…", "the next day": counted from the last day the text gave, as a
            // reader counts them, else from publication.)
            // (Only its value is passed: most words reach here and need no anchor.)
            let lastDay = found.last { $0.granularity == .day }?.value
            if let pub = pubComponents, let published, let (mention, consumed) = relative(at: k, lower: lower, words: words, span: span, pub: pub,
                                                                                         published: published, narrative: lastDay) {
                found.append(mention)
                k += consumed
                continue
            }
            k += 1
        }
        return Self.mergeWeekdays(found, text: text)
    }

    /// "Friday, April 11": the weekday and the date are one mention, with the date's value.
    static func mergeWeekdays(_ mentions: [DateMention], text: String) -> [DateMention] {
        var result: [DateMention] = []
        for mention in mentions {
            // (Only across a comma or a space: "Tuesday. The next day" is two days.)
            if let last = result.last, last.granularity == .day, mention.granularity == .day,
               mention.span.start - last.span.end <= 2,
               text.slice(TextSpan(start: last.span.end, end: mention.span.start)).allSatisfy({ $0 == "," || $0 == " " }),
               Self.weekdays[text.slice(last.span).lowercased()] != nil {
                result[result.count - 1] = DateMention(span: TextSpan(start: last.span.start, end: mention.span.end), value: mention.value,
                                                       granularity: .day, approximate: mention.approximate, relative: mention.relative)
            } else {
                result.append(mention)
            }
        }
        return result
    }

    /// "May" is a month only with a capital and not as the verb ("May I…" is rare in news; "may" lower-case is the verb).
    private func isMonthWord(_ word: String, lower: String, next: String) -> Bool {
        guard word.startsUppercase else { return false }
        if lower == "march" || lower == "may" {
            return next.first?.isNumber == true || next == "," || next == "." || next.isEmpty || next.first?.isUppercase == false
        }
        return true
    }

    private func dayMention(year: Int?, month: Int, day: Int, span: TextSpan, published: DateComponents?) -> DateMention? {
        var y = year
        var relative = false
        if y == nil {
            guard let pub = published else { return nil }
            y = pub.year!
            // A day-month without a year more than ~2 months after publication is last year's.
            if month > pub.month! + 2 { y! -= 1 }
            relative = true
        }
        guard Timestamp(year: y!, month: month, day: day) != nil else { return nil }
        return DateMention(span: span, value: ISODigits.day(y!, month, day), granularity: .day, relative: relative)
    }

    /// Words that tell, a few words before a weekday, that what happens on it is still to come.
    static let toComeWords: WordSet = ["will", "due", "scheduled", "'ll", "’ll"]
    /// Words before "to" that do the same: "is to hold", "are set to meet", "expected to sign".
    static let toComeBeforeTo: WordSet = ["is", "are", "set", "expected", "plans", "planned", "plan", "intends", "aims"]
    /// Words that end the stretch read before a weekday: "said on Monday" dates the saying.
    static let toComeStops: WordSet = [".", ";", "!", "?", "said", "says", "told", "announced", "reported", "had", "was", "were", "did"]

    /// "Zelensky is due in Paris on Monday", "the leaders are to hold a summit on Saturday", "will
    /// meet on Friday": a weekday after such words (in the eight before it, up to a full stop or
    /// a reporting verb, and not after "was" or "were") is the next one, not the last; news
    /// otherwise dates the past.
    static func toCome(before k: Int, lower: [String]) -> Bool {
        var j = k - 1
        while j >= max(0, k - 8) {
            let word = lower[j]
            if toComeStops.contains(word) { return false }
            // ("were due to end on Tuesday": due in the past.)
            if toComeWords.contains(word) { return !(j > 0 && ["was", "were", "had", "been"].contains(lower[j - 1])) }
            if word == "to", j > 0, toComeBeforeTo.contains(lower[j - 1]) { return true }
            j -= 1
        }
        return false
    }

    /// A date the words at `k` give relative to the day of publication (`published`), or to
    /// the last day the text gave before them (`narrative`, if any: "two days later", "the next day").
    private func relative(at k: Int, lower: [String], words: [String], span: (Int, Int) -> TextSpan,
                          pub: DateComponents, published: Date, narrative: String?) -> (DateMention, Int)? {
        func dayValue(_ date: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return ISODigits.day(c.year!, c.month!, c.day!)
        }
        func weekValue(_ date: Date) -> String {
            var iso = Calendar(identifier: .iso8601)
            iso.timeZone = TimeZone(identifier: "UTC")!
            let c = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            return ISODigits.pad(c.yearForWeekOfYear!, 4) + "-W" + ISODigits.pad(c.weekOfYear!, 2)
        }
        let w = lower[k]
        if let weekday = Self.weekdays[w], words[k].startsUppercase {
            let next = k > 0 && lower[k - 1] == "next"
            let last = k > 0 && lower[k - 1] == "last"
            var delta = weekday - pub.weekday!
            if next { if delta <= 0 { delta += 7 } } else if !last, Self.toCome(before: k, lower: lower) { if delta < 0 { delta += 7 } }
            else if delta > 0 || (last && delta == 0) { delta -= 7 }
            let date = calendar.date(byAdding: .day, value: delta, to: published)!
            let start = (next || last) ? k - 1 : k
            return (DateMention(span: span(start, k), value: dayValue(date), granularity: .day, relative: true), 1)
        }
        // "the next day", "the following day", "the same day", "the previous day": after "the",
        // from the last day the text gave (none when it gave none: the day of what?).
        if ["next", "following", "same", "previous"].contains(w), k >= 1, lower[k - 1] == "the", k + 1 < lower.count, lower[k + 1] == "day" {
            guard let anchor = narrative.flatMap(DayNumber.of) else { return nil }
            let delta = w == "same" ? 0 : w == "previous" ? -1 : 1
            return (DateMention(span: span(k - 1, k + 1), value: DayNumber.day(anchor + delta), granularity: .day, relative: true), 2)
        }
        switch w {
        // "Russia fired 300 drones overnight": in the night before publication, dated as news
        // dates it, to the day of publication.
        case "yesterday", "today", "tomorrow", "tonight", "overnight":
            let delta = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0
            let date = calendar.date(byAdding: .day, value: delta, to: published)!
            return (DateMention(span: span(k, k), value: dayValue(date), granularity: .day, relative: true), 1)
        case "last", "this", "next", "past":
            guard k + 1 < lower.count else { return nil }
            let step = w == "next" ? 1 : (w == "this" ? 0 : -1)
            switch lower[k + 1] {
            // "this morning", "this evening", "last night": the day of publication, or the one before.
            case "morning", "afternoon", "evening", "night" where w == "this" || (w == "last" && lower[k + 1] == "night"):
                let date = calendar.date(byAdding: .day, value: w == "last" ? -1 : 0, to: published)!
                return (DateMention(span: span(k, k + 1), value: dayValue(date), granularity: .day, relative: true), 2)
            case "week":
                let date = calendar.date(byAdding: .day, value: 7 * step, to: published)!
                return (DateMention(span: span(k, k + 1), value: weekValue(date), granularity: .week, relative: true), 2)
            case "month":
                let date = calendar.date(byAdding: .month, value: step, to: published)!
                let c = calendar.dateComponents([.year, .month], from: date)
                return (DateMention(span: span(k, k + 1), value: ISODigits.month(c.year!, c.month!), granularity: .month, relative: true), 2)
            case "year":
                return (DateMention(span: span(k, k + 1), value: String(pub.year! + step), granularity: .year, relative: true), 2)
            default:
                return nil
            }
        default:
            // "48 hours before", "two days ago", "three weeks earlier"; "nine days after Trump
            // gave Russia 50 days": what came after it was the news of the day, so it was that
            // long before publication.
            guard k + 2 < lower.count, let (unit, factor) = Self.units[lower[k + 1]], let n = Int(w) ?? Self.numbers[w],
                  ["ago", "before", "earlier", "later", "after"].contains(lower[k + 2]) else { return nil }
            let sign = lower[k + 2] == "later" ? 1 : -1
            let start = k >= 2 && lower[k - 2] == "less" && lower[k - 1] == "than" ? k - 2 : (k >= 1 && ["about", "some", "nearly", "almost"].contains(lower[k - 1]) ? k - 1 : k)
            // ("A day later he wrote…", "eleven days earlier": from the last day the text gave.)
            if ["later", "earlier"].contains(lower[k + 2]), unit == .day, let anchor = narrative.flatMap(DayNumber.of) {
                return (DateMention(span: span(start, k + 2), value: DayNumber.day(anchor + sign * n * factor), granularity: .day, approximate: true,
                                    relative: true), 3)
            }
            let date = calendar.date(byAdding: unit, value: sign * n * factor, to: published)!
            return (DateMention(span: span(start, k + 2), value: dayValue(date), granularity: .day, approximate: true, relative: true), 3)
        }
    }
}
