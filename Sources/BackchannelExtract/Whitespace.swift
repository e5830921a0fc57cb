/// Whitespace normalisation for text taken out of HTML.
enum Whitespace {
    /// True for the scalars HTML treats as space, plus no-break and other Unicode spaces.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Scalars dropped from text: zero-width characters and the byte order mark.
    @inline(__always)
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return true
        default: return false
        }
    }

    /// Collapses every run of white space to one space and trims both ends; drops
    /// zero-width characters. Works on UTF-8 bytes: ASCII is decided byte by byte and only
    /// the few multi-byte spaces are looked at as scalars.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D {
                        pendingSpace = !out.isEmpty
                    } else {
                        if pendingSpace { out.append(0x20) }
                        pendingSpace = false
                        out.append(b)
                    }
                    i += 1
                    continue
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                let end = min(i + length, n)
                var scalarValue: UInt32 = 0
                switch length {
                case 2 where end - i == 2: scalarValue = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                case 3 where end - i == 3:
                    scalarValue = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                default: scalarValue = 0x41 // a 4-byte scalar or a stray byte: neither space nor invisible
                }
                if let scalar = Unicode.Scalar(scalarValue), isSpace(scalar) {
                    pendingSpace = !out.isEmpty
                } else if let scalar = Unicode.Scalar(scalarValue), isInvisible(scalar) {
                    // dropped
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: bytes[i..<end])
                }
                i = end
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
