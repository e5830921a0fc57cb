import CLibXML2

/// Removes what libxml2 would parse only for the extractor to throw away: the contents
/// of `<script>`, `<style>` and `<svg>` elements and HTML comments. Half the bytes of a typical
/// news page are scripts, styles and comments, and libxml2 reads them character by
/// character; cutting them first roughly halves its work.
///
/// The rules follow the HTML tokenizer: a script or style element ends at the first
/// `</script` or `</style` (any case); a comment at the first `-->`. JSON-LD scripts
/// are kept whole: metadata is read from them. The start and end tags stay, so the
/// tree has the same shape. An unclosed script, style or comment is left as it is.
enum MarkupPrefilter {
    static func strip(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBufferPointer { bytes -> [UInt8] in
            let n = bytes.count
            var out: [UInt8] = []
            out.reserveCapacity(n)
            var copied = 0   // bytes[..<copied] are already in `out` or deliberately dropped
            var i = 0
            while i < n {
                // Jump to the next '<' with memchr.
                guard let found = memchr(bytes.baseAddress! + i, 0x3C, n - i) else { break }
                i = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if i + 3 < n, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D { // "<!--"
                    guard let end = find(bytes, "-->", from: i + 4) else { break }
                    out.append(contentsOf: bytes[copied..<i])
                    i = end + 3
                    copied = i
                    continue
                }
                guard let element = rawTextElement(bytes, at: i) else { i += 1; continue }
                guard let tagEnd = find(bytes, ">", from: i + 1) else { break }
                let isJSONLD = element == "script" && contains(bytes, i..<tagEnd, "ld+json")
                let closing: StaticString = element == "script" ? "</script" : element == "style" ? "</style" : "</svg"
                guard let close = find(bytes, closing, from: tagEnd + 1) else { break }
                if !isJSONLD {
                    out.append(contentsOf: bytes[copied...tagEnd])
                    copied = close
                }
                i = close + 2
            }
            if copied < n { out.append(contentsOf: bytes[copied..<n]) }
            return out
        }
    }

    /// "script", "style" or "svg" when a start tag of one begins at `i`. (An `<svg>` is not
    /// raw text for the HTML tokenizer, but its drawing is never article text; an `<svg>`
    /// nested in another one would end the cut early, which only leaves drawing markup.)
    private static func rawTextElement(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> String? {
        guard i + 5 < bytes.count else { return nil }
        @inline(__always) func at(_ k: Int) -> UInt8 { bytes[i + k] | 0x20 }
        @inline(__always) func ends(_ k: Int) -> Bool {
            guard i + k < bytes.count else { return false }
            let c = bytes[i + k]
            return c == 0x3E || c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x2F
        }
        switch at(1) {
        case 0x73: // s
            if at(2) == 0x63, at(3) == 0x72, at(4) == 0x69, i + 6 < bytes.count, at(5) == 0x70, at(6) == 0x74, ends(7) { return "script" }
            if at(2) == 0x74, at(3) == 0x79, at(4) == 0x6C, at(5) == 0x65, ends(6) { return "style" }
            if at(2) == 0x76, at(3) == 0x67, ends(4) { return "svg" }
            return nil
        default:
            return nil
        }
    }

    /// The offset of `needle` (ASCII, matched ignoring case) at or after `from`.
    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        let first = needle.utf8Start[0] // '<', '-' or a letter of "ld+json"
        var i = from
        while i + count <= bytes.count {
            if first == 0x3C || first == 0x2D {
                // The needle starts with punctuation: memchr finds candidates fast.
                guard let found = memchr(bytes.baseAddress! + i, Int32(first), bytes.count - i) else { return nil }
                i = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if i + count > bytes.count { return nil }
            }
            if bytes[i] | 0x20 == first | 0x20 {
                var k = 1
                while k < count && bytes[i + k] | 0x20 == needle.utf8Start[k] | 0x20 { k += 1 }
                if k == count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: StaticString) -> Bool {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        return find(slice, needle, from: 0) != nil
    }
}
