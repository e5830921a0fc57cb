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

    /// Collapses every run of white space to one space and trims both ends.
    static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if isSpace(s) {
                pendingSpace = !out.isEmpty
            } else if isInvisible(s) {
                continue
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return String(out)
    }
}
