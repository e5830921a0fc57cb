

/// Cuts tokens into sentences for news English.
///
/// A sentence ends at ".", "!", "?" or "…" (with any closing quotes and brackets after
/// it) when the next token starts a sentence (a capital, a digit, an opening quote), at
/// the end of a block, and at a line break before a capitalised line (a headline without
/// a full stop). Abbreviations ("Gen.", "Mr.", "Jan.") never end a sentence; "U.S."
/// ends one only before a word that usually starts one ("The", "He", "It", …).
public struct SentenceSplitter: Sendable {
    public init() {}

    static let terminals: WordSet = [".", "!", "?", "…", "...", "?!", "!?"]
    static let closers: WordSet = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "»", "›"]
    static let straightQuotes: WordSet = ["\"", "'"]
    static let openers: WordSet = ["\"", "'", "\u{201C}", "\u{2018}", "(", "[", "«", "‹", "—", "–", "-"]
    /// Words that commonly open a sentence after an initialism such as "U.S.".
    static let sentenceStarters: WordSet = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "But", "And",
        "In", "On", "At", "As", "If", "When", "While", "After", "Before", "Since", "His", "Her", "Its", "Their",
        "There", "Meanwhile", "However", "Officials", "Some", "Many", "Both", "No", "Yet", "So",
    ]

    /// Sentences of `tokens` (which lie in `scalars`), never crossing a block boundary.
    public func split(_ tokens: [Token], text: String, texts known: [String]? = nil, blocks: [TextSpan]) -> [Sentence] {
        let texts = known ?? text.texts(of: tokens)
        // Whether a line break stands between each token and the next.
        var breakAfter = [Bool](repeating: false, count: tokens.count)
        var k = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                while k < tokens.count, tokens[k].span.end <= offset { k += 1 }
                if k > 0 { breakAfter[k - 1] = true }
            }
            offset += 1
        }
        return split(tokens, texts: texts, breakAfter: breakAfter, blocks: blocks)
    }

    /// As `split(_:text:blocks:)`, over a text already cut into scalars.
    public func split(_ tokens: [Token], scalars: [Unicode.Scalar], blocks: [TextSpan]) -> [Sentence] {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return split(tokens, text: String(text), blocks: blocks)
    }

    private func split(_ tokens: [Token], texts: [String], breakAfter: [Bool], blocks: [TextSpan]) -> [Sentence] {
        var sentences: [Sentence] = []
        var blockIndex = 0
        var start: Int?
        var lastEnd = 0
        func close(at end: Int) {
            if let s = start, end > s { sentences.append(Sentence(span: TextSpan(start: s, end: end))) }
            start = nil
        }
        for (k, token) in tokens.enumerated() {
            // A new block always starts a new sentence.
            while blockIndex < blocks.count, token.span.start >= blocks[blockIndex].end {
                close(at: lastEnd)
                blockIndex += 1
            }
            if start == nil { start = token.span.start }
            lastEnd = token.span.end
            let next = k + 1 < tokens.count ? tokens[k + 1] : nil
            guard let next else { continue }
            if blockIndex < blocks.count, next.span.start >= blocks[blockIndex].end { continue } // handled above
            let word = texts[k]
            let nextWord = texts[k + 1]
            if breakAfter[k] {
                if startsSentence(nextWord) && ![",", ";", ":", "-", "–", "—", "and", "or", "of", "the"].contains(word) {
                    close(at: token.span.end)
                }
                continue
            }
            // (Closers and terminals are punctuation: a word opening with a letter or a digit is neither.)
            let lead = word.utf8.first ?? 0
            let alphanumeric = lead < 0x80 && ((lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A || lead >= 0x30 && lead <= 0x39)
            if !alphanumeric, Self.closers.contains(word), k > 0, Self.terminals.contains(texts[k - 1]) || endsWithPeriodAbbreviation(texts[k - 1]),
               !(Self.straightQuotes.contains(word) && token.span.start > tokens[k - 1].span.end) {
                if startsSentence(nextWord) && !Self.closers.contains(nextWord) { close(at: token.span.end) }
                continue
            }
            if !alphanumeric, Self.terminals.contains(word) {
                // The closing quote ends it; a straight quote after a space opens the next one
                // ("… on Friday. "Hamas, I believe, …"), as a curly one would.
                let opensNext = next.span.start > token.span.end && Self.straightQuotes.contains(nextWord)
                if Self.closers.contains(nextWord), !opensNext { continue }
                if startsSentence(nextWord) { close(at: token.span.end) }
                continue
            }
            // "… sanctions on the U.S. The next day …"
            if word.utf8.last == 0x2E, word.count >= 4, word.hasSuffix("."), word.filter({ $0 == "." }).count >= 2, Self.sentenceStarters.contains(nextWord) {
                close(at: token.span.end)
            }
        }
        close(at: lastEnd)
        return sentences
    }

    private func endsWithPeriodAbbreviation(_ word: String) -> Bool {
        word.count >= 4 && word.hasSuffix(".") && word.filter({ $0 == "." }).count >= 2
    }

    private func startsSentence(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return first.properties.isUppercase || first.properties.numericType != nil || Self.openers.contains(word)
    }
}
