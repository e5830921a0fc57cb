import BackchannelCore
import Foundation

/// Turns a news page, HTML or plain text, into a ``Document`` with clean text,
/// metadata and images: the first stage of the pipeline.
///
///     let extractor = ArticleExtractor()
///     switch try extractor.extract(bytes, name: "page.html") {
///     case .article(let document): print(document.text)
///     case .skipped(let reason): print(reason)
///     }
public struct ArticleExtractor: Sendable {
    public var options: ExtractionOptions

    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// Extracts the article from raw bytes. `name` names the input in errors and in `Source`.
    public func extract(_ bytes: [UInt8], name: String? = nil) throws(ExtractionError) -> ExtractionOutcome {
        let input = name ?? "input"
        if bytes.count > options.maximumBytes {
            throw .tooLarge(input: input, bytes: bytes.count, limit: options.maximumBytes)
        }
        if Self.isBlank(bytes) { return .skipped(.empty) }
        if let kind = BinarySniffer.binaryKind(of: bytes) { throw .binary(input: input, kind: kind) }

        let decoded = TextDecoder.decode(bytes, charsetHint: options.charset)
        var source = Source(name: name, url: options.url, fetchedAt: nil, encoding: decoded.encoding.rawValue,
                            digest: FNV1a.hex(bytes))
        source.fetchedAt = options.fetchedAt

        if options.bodyOnly {
            return .article(bodyOnlyDocument(decoded.text, source: source))
        }
        let format = options.format == .auto ? Self.sniff(decoded.utf8.prefix(2048)) : options.format
        var document: Document
        switch format {
        case .html, .auto:
            guard let tree = HTMLTree(utf8: MarkupPrefilter.strip(decoded.utf8), url: options.url) else {
                return .skipped(.noArticleText)
            }
            var metadata = MetadataExtractor().extract(from: tree, url: options.url)
            let body = BodyExtractor().extract(from: tree, title: metadata.title)
            let images = ImageExtractor().extract(around: body.container, tree: tree, pageURL: metadata.url ?? options.url)
            if metadata.title == nil, let first = body.blocks.first?.text, first.count < 200 { metadata.title = first }
            if metadata.language == nil { metadata.language = LanguageGuesser.guess(body.blocks.prefix(40).map(\.text).joined(separator: " ")) }
            document = Self.assemble(blocks: body.blocks.map { ($0.kind, $0.text) }, metadata: metadata, images: images, source: source)
        case .text:
            let text = decoded.text
            let result = PlainTextExtractor().extract(text)
            var metadata = result.metadata
            metadata.url = options.url
            if metadata.language == nil { metadata.language = LanguageGuesser.guess(text) }
            document = Self.assemble(blocks: result.blocks, metadata: metadata, images: result.images, source: source)
        }
        if let published = options.published { document.metadata.published = published }
        guard !document.text.isEmpty else { return .skipped(.noArticleText) }
        return .article(document)
    }

    /// The input verbatim as the body: offsets index the input exactly.
    func bodyOnlyDocument(_ text: String, source: Source) -> Document {
        var blocks: [Block] = []
        var offset = 0, start: Int? = nil, newlines = 0, lastNonSpace = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                newlines += 1
                if newlines >= 2, let s = start { blocks.append(Block(kind: .paragraph, span: TextSpan(start: s, end: lastNonSpace))); start = nil }
            } else if !Whitespace.isSpace(scalar) {
                if start == nil { start = offset }
                newlines = 0
                lastNonSpace = offset + 1
            }
            offset += 1
        }
        if let s = start { blocks.append(Block(kind: .paragraph, span: TextSpan(start: s, end: lastNonSpace))) }
        let metadata = Metadata(published: options.published, url: options.url)
        return Document(source: source, metadata: metadata, text: text, blocks: blocks, layers: [.text])
    }

    static func assemble(blocks: [(Block.Kind, String)], metadata: Metadata, images: [ArticleImage], source: Source) -> Document {
        var text = ""
        var spans: [Block] = []
        var offset = 0
        for (kind, blockText) in blocks {
            if !text.isEmpty {
                text += "\n\n"
                offset += 2
            }
            let length = blockText.unicodeScalars.count
            spans.append(Block(kind: kind, span: TextSpan(start: offset, end: offset + length)))
            text += blockText
            offset += length
        }
        return Document(source: source, metadata: metadata, text: text, blocks: spans, images: images, layers: [.text])
    }

    static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
            || bytes == [0xEF, 0xBB, 0xBF]
    }

    /// HTML when markup appears near the start; plain text otherwise.
    static func sniff(_ head: ArraySlice<UInt8>) -> ExtractionOptions.Format {
        let lowered = String(decoding: head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        for marker in ["<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title", "<br", "<?xml"]
        where lowered.contains(marker) {
            return .html
        }
        return .text
    }
}

/// How to read an input.
public struct ExtractionOptions: Sendable {
    public enum Format: String, Sendable, CaseIterable { case auto, html, text }

    /// `.auto` decides by looking for markup at the start of the input.
    public var format: Format = .auto
    /// The page's URL: resolves relative links and gives a date when the page has none.
    public var url: String?
    /// Overrides the publication date found on the page.
    public var published: Timestamp?
    /// A charset from the transport (HTTP `Content-Type`), trusted over the page's own.
    public var charset: String?
    /// Take the input verbatim as the body: no title or boilerplate detection.
    public var bodyOnly = false
    /// Larger inputs are refused rather than read (default 64 MiB).
    public var maximumBytes = 64 << 20
    public var fetchedAt: Date?

    public init(format: Format = .auto, url: String? = nil, published: Timestamp? = nil, bodyOnly: Bool = false) {
        self.format = format
        self.url = url
        self.published = published
        self.bodyOnly = bodyOnly
    }
}

/// What extraction made of an input that was readable.
public enum ExtractionOutcome: Sendable {
    case article(Document)
    case skipped(SkipReason)

    public var document: Document? {
        if case .article(let d) = self { return d }
        return nil
    }
}

/// Why an input yielded no article, though nothing was wrong with reading it.
public enum SkipReason: String, Sendable, Equatable, CustomStringConvertible {
    case empty
    case noArticleText

    public var description: String {
        switch self {
        case .empty: "the input is empty"
        case .noArticleText: "no article text found"
        }
    }
}

/// Why an input could not be read as an article.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooLarge(input: String, bytes: Int, limit: Int)
    case binary(input: String, kind: String)
    case unreadable(input: String, reason: String)

    public var description: String {
        switch self {
        case let .tooLarge(input, bytes, limit):
            "\(input): \(bytes) bytes is over the \(limit)-byte limit"
        case let .binary(input, kind):
            "\(input): not a text or HTML page (\(kind))"
        case let .unreadable(input, reason):
            "\(input): \(reason)"
        }
    }
}
