import BackchannelCore
import Foundation

/// Reads the dates that pages carry: ISO 8601 in metadata, RFC 822 in feeds,
/// "April 11, 2025" and "11 April 2025" in visible datelines, /2025/04/11/ in URLs.
public enum DateParser {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// Parses a machine-readable date: ISO 8601 (date, or date and time with optional
    /// seconds, fraction and offset; "2025-04-11 18:20:00" too) or an RFC 822 date.
    public static func parseMachine(_ raw: String) -> Timestamp? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = parseISO(s) { return iso }
        return parseHuman(s)
    }

    private static let isoPattern = try! NSRegularExpression(pattern:
        #"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"#)

    static func parseISO(_ s: String) -> Timestamp? {
        let ns = s as NSString
        guard let m = isoPattern.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func group(_ i: Int) -> String? {
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
        guard let y = Int(group(1)!), let mo = Int(group(2)!), let d = Int(group(3)!),
              let day = Timestamp(year: y, month: mo, day: d) else { return nil }
        guard let hh = group(4).flatMap(Int.init), let mm = group(5).flatMap(Int.init), hh < 24, mm < 60 else { return day }
        let ss = group(6).flatMap(Int.init) ?? 0
        var offset = 0
        if let zone = group(7), zone != "Z", zone != "UTC", zone != "GMT" {
            let digits = zone.filter(\.isNumber)
            let h = Int(digits.prefix(2)) ?? 0, mi = Int(digits.suffix(2)) ?? 0
            offset = (h * 3600 + mi * 60) * (zone.hasPrefix("-") ? -1 : 1)
        }
        let seconds = TimeInterval(hh * 3600 + mm * 60 + ss - offset)
        return Timestamp(date: day.date.addingTimeInterval(seconds), precision: .time, utcOffset: offset)
    }

    private static let monthNames = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    private static let monthDayYear = try! NSRegularExpression(pattern:
        #"\b("# + monthNames + #")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, options: .caseInsensitive)
    private static let dayMonthYear = try! NSRegularExpression(pattern:
        #"\b(\d{1,2})(?:st|nd|rd|th)?\s+("# + monthNames + #")\.?,?\s+(\d{4})\b"#, options: .caseInsensitive)
    private static let timeOfDay = try! NSRegularExpression(pattern:
        #"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(GMT|UTC|Z|[+-]\d{4})?"#, options: .caseInsensitive)

    /// Finds the first human-written date in a text: "April 11, 2025", "Apr. 11 2025",
    /// "11 April 2025", "Fri, 11 Apr 2025 18:20:00 GMT". Day precision unless a time follows.
    public static func parseHuman(_ s: String) -> Timestamp? {
        let ns = s as NSString
        let range = NSRange(location: 0, length: ns.length)
        var best: (location: Int, day: Timestamp, end: Int)?
        if let m = monthDayYear.firstMatch(in: s, range: range),
           let mo = months[ns.substring(with: m.range(at: 1)).lowercased()],
           let d = Int(ns.substring(with: m.range(at: 2))), let y = Int(ns.substring(with: m.range(at: 3))),
           let day = Timestamp(year: y, month: mo, day: d) {
            best = (m.range.location, day, m.range.location + m.range.length)
        }
        if let m = dayMonthYear.firstMatch(in: s, range: range),
           best == nil || m.range.location < best!.location,
           let mo = months[ns.substring(with: m.range(at: 2)).lowercased()],
           let d = Int(ns.substring(with: m.range(at: 1))), let y = Int(ns.substring(with: m.range(at: 3))),
           let day = Timestamp(year: y, month: mo, day: d) {
            best = (m.range.location, day, m.range.location + m.range.length)
        }
        guard let found = best else { return nil }
        // A time of day right after the date ("11 Apr 2025 18:20:00 GMT").
        let rest = NSRange(location: found.end, length: min(24, ns.length - found.end))
        if let t = timeOfDay.firstMatch(in: s, range: rest), t.range.location <= found.end + 3,
           var hh = Int(ns.substring(with: t.range(at: 1))), let mm = Int(ns.substring(with: t.range(at: 2))) {
            let ss = t.range(at: 3).location == NSNotFound ? 0 : Int(ns.substring(with: t.range(at: 3))) ?? 0
            if t.range(at: 4).location != NSNotFound {
                let pm = ns.substring(with: t.range(at: 4)).lowercased().hasPrefix("p")
                if pm && hh < 12 { hh += 12 } else if !pm && hh == 12 { hh = 0 }
            }
            guard hh < 24, mm < 60 else { return found.day }
            var offset = 0
            if t.range(at: 5).location != NSNotFound {
                let zone = ns.substring(with: t.range(at: 5))
                if zone.hasPrefix("+") || zone.hasPrefix("-") {
                    let digits = zone.dropFirst()
                    offset = ((Int(digits.prefix(2)) ?? 0) * 3600 + (Int(digits.suffix(2)) ?? 0) * 60) * (zone.hasPrefix("-") ? -1 : 1)
                }
            } else {
                return found.day // a local time without a zone says nothing exact about the instant
            }
            let seconds = TimeInterval(hh * 3600 + mm * 60 + ss - offset)
            return Timestamp(date: found.day.date.addingTimeInterval(seconds), precision: .time, utcOffset: offset)
        }
        return found.day
    }

    private static let urlDate = try! NSRegularExpression(pattern: #"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)"#)
    private static let urlCompactDate = try! NSRegularExpression(pattern: #"/((?:19|20)\d{2})(\d{2})(\d{2})/"#)

    /// A date in a URL path: /2025/04/11/ or /2025-04-11- or /20250411/.
    public static func parseURL(_ url: String) -> Timestamp? {
        let ns = url as NSString
        for pattern in [urlDate, urlCompactDate] {
            if let m = pattern.firstMatch(in: url, range: NSRange(location: 0, length: ns.length)),
               let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
               let d = Int(ns.substring(with: m.range(at: 3))), let day = Timestamp(year: y, month: mo, day: d) {
                return day
            }
        }
        return nil
    }
}
