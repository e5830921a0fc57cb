/// Splits news English into tokens, every one a span of the text in Unicode scalars.
///
/// It lives in Core because more than one stage needs the same word boundaries (the
/// segmenter, and the gazetteer of the entity stage); stages share through Core.
///
/// Words keep their inner hyphens and apostrophes ("so-called", "30-day", "don't");
/// a possessive is its own token ("Trump", "'s"); abbreviations and initials keep their
/// periods ("U.S.", "J.D.", "Gen.", "St."); numbers keep their separators ("1,000.5");
/// a number glued to a unit or multiplier is split from it ("4.5", "bn"); currency signs
/// and other symbols stand alone; "..." and "--" are one token each.
public struct Tokenizer: Sendable {
    /// Words that take a period without ending a sentence, when written with a capital.
    public static let abbreviations: WordSet = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Adm", "Cmdr", "Brig",
        "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Hon", "St", "Mt", "Ft", "Ave", "Blvd", "Dept", "Univ",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "No", "Nos", "vs", "etc", "approx", "est", "Fig",
    ]

    public init() {}

    public func tokenize(_ scalars: [Unicode.Scalar], in range: Range<Int>? = nil) -> [Token] {
        var tokens: [Token] = []
        let bounds = range ?? 0..<scalars.count
        var i = bounds.lowerBound
        let end = bounds.upperBound
        func add(_ start: Int, _ stop: Int, _ kind: Token.Kind) {
            tokens.append(Token(span: TextSpan(start: start, end: stop), kind: kind))
        }
        while i < end {
            let c = scalars[i]
            if Self.isSpace(c) { i += 1; continue }
            if let stop = initialism(scalars, from: i, end: end) {
                add(i, stop, .word)
                i = stop
                continue
            }
            if Self.isWordScalar(c) {
                let (stop, kind) = word(scalars, from: i, end: end)
                var tokenEnd = stop
                // An abbreviation or a single capital initial keeps its period — but not the
                // social network at the end of "he wrote on X.", which is no initial.
                if stop < end, scalars[stop] == ".", kind == .word {
                    let text = String(String.UnicodeScalarView(scalars[i..<stop]))
                    let platform = c == "X" && tokens.last.map { t in
                        t.span.end - t.span.start == 2 && String(String.UnicodeScalarView(scalars[t.span.start..<t.span.end])) == "on"
                    } == true
                    if Self.abbreviations.contains(text) || (stop - i == 1 && c.properties.isUppercase && !platform) {
                        tokenEnd = stop + 1
                    }
                }
                add(i, tokenEnd, kind)
                i = tokenEnd
                continue
            }
            if (c == "'" || c == "\u{2019}"), i + 1 < end, scalars[i + 1] == "s" || scalars[i + 1] == "S",
               i + 2 >= end || !Self.isWordScalar(scalars[i + 2]), !tokens.isEmpty, tokens.last!.span.end == i {
                add(i, i + 2, .word) // possessive
                i += 2
                continue
            }
            if c == ".", i + 2 < end, scalars[i + 1] == ".", scalars[i + 2] == "." {
                add(i, i + 3, .punctuation)
                i += 3
                continue
            }
            if c == "-", i + 1 < end, scalars[i + 1] == "-" {
                add(i, i + 2, .punctuation)
                i += 2
                continue
            }
            let isPunctuation = c.properties.generalCategory.isPunctuation
            add(i, i + 1, isPunctuation ? .punctuation : .symbol)
            i += 1
        }
        return tokens
    }

    /// "U.S.", "J.D.", "U.N.", "e.g.": single letters each followed by a period, at least two.
    private func initialism(_ s: [Unicode.Scalar], from i: Int, end: Int) -> Int? {
        guard i == 0 || !Self.isWordScalar(s[i - 1]) else { return nil }
        var j = i, letters = 0
        while j + 1 < end, Self.isLetter(s[j]), s[j + 1] == "." {
            letters += 1
            j += 2
            // Another "X." must follow directly for the run to go on.
            guard j + 1 < end, Self.isLetter(s[j]), s[j + 1] == "." else { break }
        }
        guard letters >= 2, j >= end || !Self.isWordScalar(s[j]) else { return nil }
        return j
    }

    private func word(_ s: [Unicode.Scalar], from start: Int, end: Int) -> (Int, Token.Kind) {
        var i = start
        var sawLetter = false
        var sawDigit = false
        while i < end {
            let c = s[i]
            if Self.isLetter(c) || (c.value >= 0x80 && c.properties.generalCategory == .nonspacingMark) {
                // Digits then letters: split "4.5bn" into "4.5" and "bn", but keep ordinals and "30-day".
                if sawDigit && !sawLetter && !isOrdinalSuffix(s, at: i, end: end) { break }
                sawLetter = true
                i += 1
            } else if Self.isDigit(c) {
                sawDigit = true
                i += 1
            } else if (c == "," || c == "."), sawDigit, !sawLetter, i + 1 < end, Self.isDigit(s[i + 1]) {
                i += 1 // 1,000 and 4.5
            } else if (c == "-" || c == "\u{2011}"), i + 1 < end, Self.isWordScalar(s[i + 1]), i > start {
                i += 1 // so-called, 30-day
                sawLetter = sawLetter || Self.isLetter(s[i])
            } else if (c == "'" || c == "\u{2019}"), i + 1 < end, Self.isLetter(s[i + 1]), sawLetter {
                // A possessive ends the word; other apostrophes (don't, O'Brien) stay inside.
                if (s[i + 1] == "s" || s[i + 1] == "S") && (i + 2 >= end || !Self.isWordScalar(s[i + 2])) { break }
                i += 1
            } else {
                break
            }
        }
        return (i, sawLetter ? .word : .number)
    }

    private func isOrdinalSuffix(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Bool {
        guard i + 1 < end else { return false }
        let pair = String(String.UnicodeScalarView([s[i], s[i + 1]])).lowercased()
        let after = i + 2 < end ? s[i + 2] : " "
        return ["st", "nd", "rd", "th"].contains(pair) && !Self.isWordScalar(after)
    }

    @inline(__always)
    public static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        TextStatistics.isWordScalar(c)
    }

    @inline(__always)
    public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" }
        return c.properties.isWhitespace || c == "\u{200B}" || c == "\u{FEFF}"
    }

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A) }
        return c.properties.isAlphabetic
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.numericType != nil
    }
}

extension Unicode.GeneralCategory {
    public var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }
}
