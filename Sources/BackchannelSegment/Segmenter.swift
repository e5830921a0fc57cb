import BackchannelCore

/// The sentence and token stage: fills `Document.tokens` and `Document.sentences`.
public struct Segmenter: Stage {
    public let name = "segmenter"
    public let requires: Set<Layer> = [.text]
    public let provides: Set<Layer> = [.sentences, .tokens]

    public init() {}

    public func process(_ document: inout Document) throws(StageError) {
        let result = segment(document.text, blocks: document.blocks.map(\.span))
        document.tokens = result.tokens
        document.tokenTexts = result.texts
        document.sentences = result.sentences
        document.layers.formUnion(provides)
    }

    public struct Result: Sendable {
        public var tokens: [Token]
        public var texts: [String]
        public var sentences: [Sentence]
    }

    /// The blank-line-separated paragraphs of a text (for texts that come without blocks).
    public static func paragraphs(of text: String) -> [TextSpan] {
        var spans: [TextSpan] = []
        var start: Int?
        var offset = 0
        var newlines = 0
        var lastVisible = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                newlines += 1
                if newlines >= 2, let s = start { spans.append(TextSpan(start: s, end: lastVisible)); start = nil }
            } else if !Tokenizer.isSpace(scalar) {
                if start == nil { start = offset }
                newlines = 0
                lastVisible = offset + 1
            }
            offset += 1
        }
        if let s = start { spans.append(TextSpan(start: s, end: lastVisible)) }
        return spans
    }

    /// Tokens and sentences of a text; `blocks` are its paragraphs (the whole text when empty).
    public func segment(_ text: String, blocks: [TextSpan] = []) -> Result {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokenize(scalars)
        let paragraphs = blocks.isEmpty ? [TextSpan(start: 0, end: scalars.count)] : blocks
        let texts = text.texts(of: tokens)
        let sentences = SentenceSplitter().split(tokens, text: text, texts: texts, blocks: paragraphs)
        return Result(tokens: tokens, texts: texts, sentences: sentences)
    }
}
