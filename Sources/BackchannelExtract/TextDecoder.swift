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
        /// The text as UTF-8 bytes: the input itself when it was valid UTF-8.
        public var utf8: [UInt8]
        public var encoding: Encoding
        public var text: String { String(decoding: utf8, as: UTF8.self) }
        /// The charset label the page declared, when it declared one we do not support.
        public var unsupportedLabel: String?
    }

    public static func decode(_ bytes: [UInt8], charsetHint: String? = nil) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(utf8: Array(String(decoding: bytes.dropFirst(3), as: UTF8.self).utf8), encoding: .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(utf8: Array(decodeUTF16(bytes.dropFirst(2), bigEndian: false).utf8), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(utf8: Array(decodeUTF16(bytes.dropFirst(2), bigEndian: true).utf8), encoding: .utf16BE)
        }
        var unsupported: String?
        let label = charsetHint ?? declaredCharset(in: bytes)
        var encoding = label.flatMap(Encoding.init(label:))
        if encoding == nil, let label { unsupported = label }
        // A page that claims UTF-16 without a BOM is almost always really ASCII-compatible
        // (the claim is copied from a template); browsers make the same correction.
        if encoding == .utf16LE || encoding == .utf16BE { encoding = .utf8 }
        if encoding == nil || encoding == .utf8 {
            if isValidUTF8(bytes) {
                return Decoded(utf8: bytes, encoding: .utf8, unsupportedLabel: unsupported)
            }
            if encoding == .utf8 {
                return Decoded(utf8: Array(String(decoding: bytes, as: UTF8.self).utf8), encoding: .utf8, unsupportedLabel: unsupported)
            }
            encoding = .windows1252
        }
        return Decoded(utf8: Array(decodeWindows1252(bytes).utf8), encoding: .windows1252, unsupportedLabel: unsupported)
    }

    /// Whether the bytes are well-formed UTF-8 (no overlongs, surrogates or values past
    /// U+10FFFF). Eight ASCII bytes at a time, which is most of any page.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            let raw = UnsafeRawPointer(b.baseAddress)
            while i < n {
                if let raw, i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                let length: Int, minimum: UInt32
                switch c {
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return false
                }
                guard i + length <= n else { return false }
                var value = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length {
                    let cc = b[i + k]
                    guard cc & 0xC0 == 0x80 else { return false }
                    value = value << 6 | UInt32(cc & 0x3F)
                }
                if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return false }
                i += length
            }
            return true
        }
    }

    /// The charset a page declares in its first 4 KB (`<meta charset>`, http-equiv, or `<?xml encoding>`):
    /// the value after the first `charset=` or `encoding=` that stands inside a tag.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        var best: String?
        var bestPosition = Int.max
        for marker in [Array("charset=".utf8), Array("encoding=".utf8)] {
            var i = 0
            while i + marker.count <= head.count {
                guard head[i] == marker[0], Array(head[i..<(i + marker.count)]) == marker else { i += 1; continue }
                // Inside a tag: the last '<' before it comes after the last '>'.
                let before = head[max(0, i - 200)..<i]
                let lastOpen = before.lastIndex(of: 0x3C), lastClose = before.lastIndex(of: 0x3E)
                var j = i + marker.count
                while j < head.count, head[j] == 0x22 || head[j] == 0x27 || head[j] == 0x20 { j += 1 }
                var value: [UInt8] = []
                while j < head.count, value.count < 40 {
                    let c = head[j]
                    guard (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x2D || c == 0x5F || c == 0x3A || c == 0x2E else { break }
                    value.append(c)
                    j += 1
                }
                if let lastOpen, lastClose == nil || lastClose! < lastOpen, !value.isEmpty {
                    if i < bestPosition { best = String(decoding: value, as: UTF8.self); bestPosition = i }
                    break
                }
                i += marker.count
            }
        }
        return best
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
