import BackchannelCore
import Testing

@testable import BackchannelSegment

@Suite("Tokens")
struct TokenizerTests {
    func tokens(_ text: String) -> [String] {
        Segmenter().segment(text).tokens.map { text.slice($0.span) }
    }

    @Test(arguments: [
        // initialisms and possessives
        ("U.S. Special Envoy Steve Witkoff met Trump's aides.", ["U.S.", "Special", "Envoy", "Steve", "Witkoff", "met", "Trump", "'s", "aides", "."]),
        ("J.D. Vance and Gen. Keith Kellogg", ["J.D.", "Vance", "and", "Gen.", "Keith", "Kellogg"]),
        // curly possessive, hyphenated words
        ("Russia’s so-called 30-day truce", ["Russia", "’s", "so-called", "30-day", "truce"]),
        // money and numbers
        ("$24 billion, €11bn and £4.5bn; 1,000.5 people", ["$", "24", "billion", ",", "€", "11", "bn", "and", "£", "4.5", "bn", ";", "1,000.5", "people"]),
        // quotes and dashes of every kind
        ("“Productive” — he said… \"Yes\" -- 'no'", ["“", "Productive", "”", "—", "he", "said", "…", "\"", "Yes", "\"", "--", "'", "no", "'"]),
        // ordinals and apostrophes inside names
        ("the 17th package, O'Brien's view", ["the", "17th", "package", ",", "O'Brien", "'s", "view"]),
        // St. Petersburg keeps its abbreviation
        ("in St. Petersburg on Friday", ["in", "St.", "Petersburg", "on", "Friday"]),
        // the social network at the end of a sentence is no initial; Malcolm X's initial is
        ("he wrote on X. Crowds cheered. Malcolm X. Hale", ["he", "wrote", "on", "X", ".", "Crowds", "cheered", ".", "Malcolm", "X.", "Hale"]),
    ])
    func tokenization(text: String, expected: [String]) {
        #expect(tokens(text) == expected)
    }
}

@Suite("Sentences")
struct SentenceSplitterTests {
    func sentences(_ text: String, blocks: [TextSpan] = []) -> [String] {
        let result = Segmenter().segment(text, blocks: blocks)
        return result.sentences.map { text.slice($0.span) }
    }

    @Test(arguments: [
        // abbreviations do not end sentences
        ("Gen. Keith Kellogg met Mr. Umerov in St. Petersburg on Jan. 5. They talked.",
         ["Gen. Keith Kellogg met Mr. Umerov in St. Petersburg on Jan. 5.", "They talked."]),
        // an initialism ends a sentence before a typical opener, not before a name
        ("Sanctions hit the U.S. The next day talks resumed.", ["Sanctions hit the U.S.", "The next day talks resumed."]),
        ("The U.S. Treasury acted.", ["The U.S. Treasury acted."]),
        ("Earlier, U.S. President Donald Trump spoke.", ["Earlier, U.S. President Donald Trump spoke."]),
        // closing quotes stay with their sentence
        ("“It is up to Russia now.” Rubio said so. “Is it?” he asked.",
         ["“It is up to Russia now.”", "Rubio said so.", "“Is it?” he asked."]),
        // a straight quote stays with its sentence when it closes it, and opens the next after a space
        ("He called it \"a farce.\" Talks resumed. \"We are ready,\" he wrote.",
         ["He called it \"a farce.\"", "Talks resumed.", "\"We are ready,\" he wrote."]),
        ("Trump welcomed it on Friday. 'It is a good day,' he said.", ["Trump welcomed it on Friday.", "'It is a good day,' he said."]),
        // decimals and thousands separators
        ("Aid rose by 4.5 percent to $1,200.50 million. Officials agreed.", ["Aid rose by 4.5 percent to $1,200.50 million.", "Officials agreed."]),
        // "on X." ends its sentence
        ("The deal is done, he wrote on X. Crowds cheered.", ["The deal is done, he wrote on X.", "Crowds cheered."]),
        // a headline without a full stop on its own line
        ("Envoy meets Putin in St. Petersburg\nThe talks lasted four hours.", ["Envoy meets Putin in St. Petersburg", "The talks lasted four hours."]),
    ])
    func splitting(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func sentencesNeverCrossBlocks() {
        let text = "First block without a stop\n\nSecond block. Two sentences."
        let blocks = [TextSpan(start: 0, end: 26), TextSpan(start: 28, end: 56)]
        #expect(sentences(text, blocks: blocks) == ["First block without a stop", "Second block.", "Two sentences."])
    }

    @Test(arguments: 0..<100)
    func invariantsOnRandomUnicode(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let pieces = ["Kyiv", "U.S.", ".", " ", "\n", "\n\n", "“", "”", "’s", "Tést🤣String", "e\u{301}", "Москва", "1,000.5", "$", "—", "?", "Mr.", "\u{200B}", "a", "Z"]
        let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        let result = Segmenter().segment(text)
        let count = text.scalarCount
        var previous = 0
        for token in result.tokens {
            #expect(token.span.start >= previous && token.span.end <= count && !token.span.isEmpty)
            previous = token.span.end
        }
        previous = 0
        for sentence in result.sentences {
            #expect(sentence.span.start >= previous && sentence.span.end <= count && !sentence.span.isEmpty)
            previous = sentence.span.end
        }
        // Tokens and the gaps between them reproduce the text; gaps are only white space.
        var rebuilt = ""
        var cursor = 0
        for token in result.tokens {
            let gap = text.slice(TextSpan(start: cursor, end: token.span.start))
            #expect(gap.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" })
            rebuilt += gap + text.slice(token.span)
            cursor = token.span.end
        }
        rebuilt += text.slice(TextSpan(start: cursor, end: count))
        #expect(rebuilt == text)
    }
}
