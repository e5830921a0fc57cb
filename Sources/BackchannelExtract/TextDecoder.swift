import Foundation

/// Turns the raw bytes of a page into UTF-8, whatever they were written in.
///
/// The encoding is taken, in order, from a byte order mark, the caller's hint
/// (an HTTP `Content-Type` charset), the page's own `<meta charset>` or
/// `<meta http-equiv="Content-Type">` or XML declaration, and otherwise
/// guessed: UTF-8 when the bytes are valid UTF-8, else Windows-1252.
/// ISO-8859-1 and US-ASCII labels are read as Windows-1252, as browsers do
/// (the WHATWG Encoding Standard): pages labelled Latin-1 routinely use its
/// C1 range for curly quotes. Invalid bytes become U+FFFD; decoding never fails.
public enum TextDecoder {
    public enum Encoding: String, Sendable, Equatable {
        case utf8 = "utf-8"
        case utf16LE = "utf-16le"
        case utf16BE = "utf-16be"
        case windows1252 = "windows-1252"

        /// The encoding a charset label names, per the WHATWG label table (the common labels).
        public init?(label: String) {
            let l = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n\"'")).lowercased()
            switch l {
            case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
            case "utf-16le", "utf-16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2": self = .utf16LE
            case "utf-16be", "unicodefffe": self = .utf16BE
            case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                 "l1", "ascii", "us-ascii", "iso-ir-100", "csisolatin1", "ibm819", "cp819", "iso88591",
                 "iso_8859-1:1987", "ansi_x3.4-1968", "windows-1252 ", "iso-8859-15", "latin-9", "l9":
                self = .windows1252
            default: return nil
            }
        }
    }

    public struct Decoded: Sendable {
        public var text: String
        public var encoding: Encoding
        /// The charset label the page declared, when it declared one we do not support.
        public var unsupportedLabel: String?
    }

    public static func decode(_ bytes: [UInt8], charsetHint: String? = nil) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: decodeUTF16(bytes.dropFirst(2), bigEndian: false), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: decodeUTF16(bytes.dropFirst(2), bigEndian: true), encoding: .utf16BE)
        }
        var unsupported: String?
        let label = charsetHint ?? declaredCharset(in: bytes)
        var encoding = label.flatMap(Encoding.init(label:))
        if encoding == nil, let label { unsupported = label }
        // A page that claims UTF-16 without a BOM is almost always really ASCII-compatible
        // (the claim is copied from a template); browsers make the same correction.
        if encoding == .utf16LE || encoding == .utf16BE { encoding = .utf8 }
        if encoding == nil || encoding == .utf8 {
            if let valid = String(validating: bytes, as: UTF8.self) {
                return Decoded(text: valid, encoding: .utf8, unsupportedLabel: unsupported)
            }
            if encoding == .utf8 {
                return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, unsupportedLabel: unsupported)
            }
            encoding = .windows1252
        }
        return Decoded(text: decodeWindows1252(bytes), encoding: .windows1252, unsupportedLabel: unsupported)
    }

    /// The charset a page declares in its first 4 KB (`<meta charset>`, http-equiv, or `<?xml encoding>`).
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096)
        // ASCII-lowercase the prefix; non-ASCII bytes cannot be part of a label.
        let lowered = String(decoding: head.map { (0x41...0x5A).contains($0) ? $0 + 32 : ($0 < 0x80 ? $0 : 0x20) }, as: UTF8.self)
        for marker in ["charset=", "encoding="] {
            var search = lowered[...]
            while let range = search.range(of: marker) {
                let before = lowered[lowered.startIndex..<range.lowerBound].suffix(200)
                // Only inside a tag: the last '<' comes after the last '>'.
                let lastOpen = before.lastIndex(of: "<")
                let lastClose = before.lastIndex(of: ">")
                let insideTag = lastOpen != nil && (lastClose == nil || lastClose! < lastOpen!)
                let after = lowered[range.upperBound...]
                let value = after.drop { $0 == "\"" || $0 == "'" || $0 == " " }
                    .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
                if insideTag, !value.isEmpty { return String(value) }
                search = after
            }
        }
        return nil
    }

    static func decodeUTF16<C: Collection>(_ bytes: C, bigEndian: Bool) -> String where C.Element == UInt8 {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let a = iterator.next(), let b = iterator.next() {
            units.append(bigEndian ? UInt16(a) << 8 | UInt16(b) : UInt16(b) << 8 | UInt16(a))
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F.
    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            if b >= 0x80 && b <= 0x9F {
                scalars.append(Unicode.Scalar(windows1252High[Int(b - 0x80)])!)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    /// 0x80–0x9F of Windows-1252; the five undefined bytes map to their C1 code points.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
