import Foundation

/// Days since 1970-01-01 for `YYYY-MM-DD` and back, in the proleptic Gregorian calendar
/// (Howard Hinnant's days-from-civil): for date arithmetic without Calendar on hot paths.
public enum DayNumber {
    public static func of(_ day: String) -> Int? {
        let parts = day.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Year, month and day of a day number.
    public static func civil(_ n: Int) -> (year: Int, month: Int, day: Int) {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` of a day number.
    public static func day(_ n: Int) -> String {
        let (y, m, d) = civil(n)
        return ISODigits.day(y, m, d)
    }
}

/// Zero-padded decimal numbers for ISO dates and times, without `String(format:)`, which
/// builds a formatter per call (a few per cent of ingest where dates are written per fact).
public enum ISODigits {
    /// `n` in `width` digits at least, zero-padded ("7" → "07"); negative numbers keep their sign.
    @inlinable
    public static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(abs(n))
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return n < 0 ? "-" + padded : padded
    }

    /// "2025-04-11".
    public static func day(_ year: Int, _ month: Int, _ day: Int) -> String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// "2025-04".
    public static func month(_ year: Int, _ month: Int) -> String {
        pad(year, 4) + "-" + pad(month, 2)
    }

    /// "2025-04-11T09:30:00".
    public static func time(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> String {
        Self.day(year, month, day) + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
    }
}
