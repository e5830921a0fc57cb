import BackchannelCore

/// Finds quotations in a text: curly “…” and straight "…" marks, across sentences, and
/// across paragraphs in the news convention (a quoted paragraph left open continues in
/// the next paragraph that opens with a quotation mark).
struct QuoteFinder {
    /// A quotation: where its words lie (without marks) and where the marks are.
    struct Found {
        var content: TextSpan
        var open: Int
        var close: Int?
    }

    /// Opening and closing marks, tested by value: a `Set<Unicode.Scalar>` hashed every
    /// character of every text, a twentieth of the quote stage's time.
    enum Marks {
        @inline(__always) static func contains(opening s: Unicode.Scalar) -> Bool { s.value == 0x201C || s.value == 0x201E || s.value == 0x00AB }
        @inline(__always) static func contains(closing s: Unicode.Scalar) -> Bool { s.value == 0x201D || s.value == 0x00BB }
    }

    func find(in scalars: [Unicode.Scalar]) -> [Found] {
        var found: [Found] = []
        var i = 0
        let n = scalars.count
        while i < n {
            let c = scalars[i]
            let isStraightOpening = c == "\"" && (i == 0 || Self.opensAfter(scalars[i - 1])) && i + 1 < n && !Self.isSpace(scalars[i + 1])
            guard Marks.contains(opening: c) || isStraightOpening else { i += 1; continue }
            let start = i + 1
            var j = start
            var close: Int?
            var end = n
            while j < n {
                let d = scalars[j]
                if Marks.contains(closing: d) || (d == "\"" && j > start && !Self.isSpace(scalars[j - 1])) {
                    close = j
                    end = j
                    break
                }
                if d == "\n", j + 1 < n, scalars[j + 1] == "\n" {
                    // A paragraph break inside a quotation: it goes on only if the next
                    // paragraph opens with a quotation mark.
                    var k = j
                    while k < n, Self.isSpace(scalars[k]) { k += 1 }
                    if k < n, Marks.contains(opening: scalars[k]) || scalars[k] == "\"" {
                        j = k + 1
                        continue
                    }
                    end = j
                    break
                }
                j += 1
            }
            var contentStart = start, contentEnd = end
            while contentStart < contentEnd, Self.isSpace(scalars[contentStart]) { contentStart += 1 }
            while contentEnd > contentStart, Self.isSpace(scalars[contentEnd - 1]) { contentEnd -= 1 }
            if contentEnd > contentStart {
                found.append(Found(content: TextSpan(start: contentStart, end: contentEnd), open: i, close: close))
            }
            i = (close ?? end) + 1
        }
        return found
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s == " " || s == "\n" || s == "\t" || s == "\r") : s.properties.isWhitespace
    }

    static func opensAfter(_ previous: Unicode.Scalar) -> Bool {
        Self.isSpace(previous) || "([{—–-:,".unicodeScalars.contains(previous)
    }
}
