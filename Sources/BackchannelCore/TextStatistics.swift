/// Word count and reading time of a text.
///
/// Words are maximal runs of letters and digits (apostrophes and hyphens inside
/// a word keep it whole: "Trump's", "so-called"). Reading time assumes
/// ``wordsPerMinute`` = 230, a common figure for adults reading news prose,
/// rounded up to whole minutes, at least 1 for a non-empty text.
public struct TextStatistics: Sendable, Equatable, Codable {
    public static let wordsPerMinute = 230

    public var wordCount: Int
    public var readingMinutes: Int

    public init(text: String) {
        var count = 0
        var inWord = false
        var previousWasJoiner = false
        for scalar in text.unicodeScalars {
            let isWordScalar = TextStatistics.isWordScalar(scalar)
            if isWordScalar {
                if !inWord { count += 1 }
                inWord = true
                previousWasJoiner = false
            } else if inWord && !previousWasJoiner && (scalar == "'" || scalar == "\u{2019}" || scalar == "-") {
                previousWasJoiner = true // a word continues across one joiner: "Trump's"
            } else {
                inWord = false
                previousWasJoiner = false
            }
        }
        wordCount = count
        readingMinutes = count == 0 ? 0 : max(1, (count + Self.wordsPerMinute - 1) / Self.wordsPerMinute)
    }

    /// Letters and digits; an ASCII fast path spares the Unicode property tables.
    @inline(__always)
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
