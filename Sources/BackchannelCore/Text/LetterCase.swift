/// Letter case with an ASCII fast path.
///
/// `Character.isUppercase` and `Unicode.Scalar.Properties.isUppercase` look every character up
/// in the Unicode tables, ASCII included; the language stages ask these questions of nearly
/// every word several times, so the common case answers from the byte.
extension Unicode.Scalar {
    @inlinable public var isUpper: Bool {
        value < 0x80 ? (value >= 0x41 && value <= 0x5A) : properties.isUppercase
    }

    @inlinable public var isLower: Bool {
        value < 0x80 ? (value >= 0x61 && value <= 0x7A) : properties.isLowercase
    }

    @inlinable public var isLetter: Bool {
        value < 0x80 ? ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A) : properties.isAlphabetic
    }
}

extension StringProtocol {
    /// Whether the first character is an upper-case letter ("Kyiv", "U.S.", "É…").
    @inlinable public var startsUppercase: Bool {
        guard let first = utf8.first else { return false }
        return first < 0x80 ? (first >= 0x41 && first <= 0x5A) : (self.first?.isUppercase ?? false)
    }

    /// Whether the first character is a lower-case letter.
    @inlinable public var startsLowercase: Bool {
        guard let first = utf8.first else { return false }
        return first < 0x80 ? (first >= 0x61 && first <= 0x7A) : (self.first?.isLowercase ?? false)
    }

    /// Whether any character is a lower-case letter.
    @inlinable public var containsLowercase: Bool {
        unicodeScalars.contains { $0.isLower }
    }
}
