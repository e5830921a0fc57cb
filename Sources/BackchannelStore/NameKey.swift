import Foundation

/// Folds a name into the key Backchannel matches actors by across articles.
///
/// Lowercase, diacritics and punctuation removed, a leading "the" dropped, and the
/// transliteration endings that vary between outlets made one: "Zelenskyy", "Zelenskiy"
/// and "Zelensky" all give "zelensky"; "Kyiv's" gives "kyiv".
public enum NameKey {
    public static func fold(_ name: String) -> String {
        if let folded = foldASCII(name) { return folded }
        let plain = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for scalar in plain.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                // "Trump's" → "trump": drop a possessive ending, keep "O'Brien" as one word.
                continue
            } else {
                flush()
            }
        }
        flush()
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        if let last = words.last, last.hasSuffix("s"), name.hasSuffix("'s") || name.hasSuffix("\u{2019}s") {
            words[words.count - 1] = String(last.dropLast())
        }
        return words.map(transliterated).joined(separator: " ")
    }

    /// ``fold(_:)`` for a name of ASCII letters, digits and punctuation, the common case,
    /// without Foundation's folding (which ASCII text needs nothing of): nil for anything else.
    private static func foldASCII(_ name: String) -> String? {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case 0x41...0x5A: current.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x27: continue
            default:
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        if let last = words.last, last.hasSuffix("s"), name.hasSuffix("'s") {
            words[words.count - 1] = String(last.dropLast())
        }
        return words.map(transliterated).joined(separator: " ")
    }

    /// The last word of a person's folded name: what "Witkoff" and "Steve Witkoff" share.
    public static func surname(ofFolded key: String) -> String? {
        key.split(separator: " ").last.map(String.init)
    }

    /// Whether two folded person names can be one person: the shorter one's words are the
    /// other's last words, or the given names agree by initial ("j d vance", "jd vance",
    /// "vance", "james david vance").
    public static func compatiblePersons(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: " ").map(String.init), y = b.split(separator: " ").map(String.init)
        guard let sx = x.last, let sy = y.last, sx == sy else { return false }
        let gx = Array(x.dropLast()), gy = Array(y.dropLast())
        if gx.isEmpty || gy.isEmpty { return true }
        // Compare the first given name: equal, or one is an initial of the other.
        let fx = gx[0], fy = gy[0]
        if fx == fy { return true }
        if fx.count <= 2 || fy.count <= 2 { return fx.first == fy.first }
        return false
    }

    private static func transliterated(_ word: String) -> String {
        var w = word
        for (ending, replacement) in [("skyy", "sky"), ("skiy", "sky"), ("skyi", "sky"), ("skii", "sky"), ("kyy", "ky"), ("kiy", "ky"), ("iy", "y"), ("yy", "y")] where w.hasSuffix(ending) && w.count > ending.count + 2 {
            w = String(w.dropLast(ending.count)) + replacement
            break
        }
        return w
    }
}

/// A 64-bit SimHash of a text's word three-grams: near-copies of one story differ in a few bits.
public enum SimHash {
    public static func of(_ text: String) -> UInt64 {
        var lower = text.lowercased()
        return lower.withUTF8 { bytes in
            // Words as byte ranges of the lowercased text: letters and digits, and the marks
            // that combine with a letter before them ("e" + U+0301 stays one word).
            var words: [Range<Int>] = []
            words.reserveCapacity(bytes.count / 5)
            var start = -1
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                let inWord: Bool
                var width = 1
                if byte < 0x80 {
                    inWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                } else {
                    width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    width = min(width, bytes.count - i)
                    let scalar = Self.scalar(bytes, at: i, width: width)
                    let properties = scalar.properties
                    switch properties.generalCategory {
                    case .nonspacingMark, .spacingMark, .enclosingMark: inWord = start >= 0 || properties.isAlphabetic
                    default: inWord = properties.isAlphabetic || properties.numericType != nil
                    }
                }
                if inWord {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    words.append(start..<i)
                    start = -1
                }
                i += width
            }
            if start >= 0 { words.append(start..<bytes.count) }
            var counts = [Int](repeating: 0, count: 64)
            let n = max(words.count - 2, words.isEmpty ? 0 : 1)
            for k in 0..<n {
                var h: UInt64 = 0xcbf29ce484222325
                for w in words[k..<min(k + 3, words.count)] {
                    for j in w { h = (h ^ UInt64(bytes[j])) &* 0x100000001b3 }
                    h = (h ^ 0x20) &* 0x100000001b3
                }
                // Spread the bits (FNV's low bits are weak).
                h ^= h >> 33; h &*= 0xff51afd7ed558ccd; h ^= h >> 33; h &*= 0xc4ceb9fe1a85ec53; h ^= h >> 33
                for bit in 0..<64 { counts[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
            }
            var result: UInt64 = 0
            for bit in 0..<64 where counts[bit] > 0 { result |= 1 << UInt64(bit) }
            return result
        }
    }

    /// The scalar whose UTF-8 encoding (valid: it comes from a String) starts at `i`.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, width: Int) -> Unicode.Scalar {
        var value = UInt32(bytes[i]) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for j in 1..<max(width, 1) { value = value << 6 | (UInt32(bytes[i + j]) & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The four 16-bit bands: two hashes within three bits of each other share at least one.
    public static func bands(_ hash: UInt64) -> [Int] {
        (0..<4).map { Int((hash >> UInt64($0 * 16)) & 0xffff) }
    }

    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
}
