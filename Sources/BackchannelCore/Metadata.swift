import Foundation

/// What a page says about its article: title, dates, byline, categories, site.
public struct Metadata: Sendable, Codable, Equatable {
    public var title: String?
    public var published: Timestamp?
    public var modified: Timestamp?
    public var authors: [String]
    /// Sections the site files the article under ("Europe", "Diplomacy").
    public var categories: [String]
    /// Keywords and tags ("Russia", "ceasefire").
    public var tags: [String]
    public var siteName: String?
    /// BCP 47 language tag as the page declares it ("en", "en-GB").
    public var language: String?
    /// The canonical URL of the article.
    public var url: String?
    public var description: String?

    public init(
        title: String? = nil, published: Timestamp? = nil, modified: Timestamp? = nil,
        authors: [String] = [], categories: [String] = [], tags: [String] = [],
        siteName: String? = nil, language: String? = nil, url: String? = nil, description: String? = nil
    ) {
        self.title = title
        self.published = published
        self.modified = modified
        self.authors = authors
        self.categories = categories
        self.tags = tags
        self.siteName = siteName
        self.language = language
        self.url = url
        self.description = description
    }
}

/// A point in time as precisely as the source gives it.
///
/// "2025-04-11" is a day; "2025-04-11T18:20:00Z" is a time. A day is stored
/// as midnight UTC of that day. `description` prints the ISO 8601 form at the
/// timestamp's own precision, which is also its JSON form.
public struct Timestamp: Sendable, Codable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable { case day, time }

    public var date: Date
    public var precision: Precision
    /// Seconds east of UTC that the source wrote the time in, when it gave one.
    public var utcOffset: Int?

    public init(date: Date, precision: Precision, utcOffset: Int? = nil) {
        self.date = date
        self.precision = precision
        self.utcOffset = utcOffset
    }

    /// A calendar day (midnight UTC). Returns nil for an impossible date.
    public init?(year: Int, month: Int, day: Int) {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        guard (1...12).contains(month), (1...31).contains(day),
              let date = Timestamp.utcCalendar.date(from: components),
              Timestamp.utcCalendar.component(.day, from: date) == day
        else { return nil }
        self.init(date: date, precision: .day)
    }

    public static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    public var description: String {
        switch precision {
        case .day:
            let c = Timestamp.utcCalendar.dateComponents([.year, .month, .day], from: date)
            return ISODigits.day(c.year!, c.month!, c.day!)
        case .time:
            let offset = utcOffset ?? 0
            let local = date.addingTimeInterval(TimeInterval(offset))
            let c = Timestamp.utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
            let base = ISODigits.time(c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            if offset == 0 { return base + "Z" }
            let sign = offset < 0 ? "-" : "+"
            let minutes = abs(offset) / 60
            return base + sign + ISODigits.pad(minutes / 60, 2) + ":" + ISODigits.pad(minutes % 60, 2)
        }
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }
}
