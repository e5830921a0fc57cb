import Foundation

/// One article as it flows through Backchannel's stages.
///
/// Extraction creates it from a page (clean `text`, `metadata`, `blocks` and
/// `images`); each later stage adds its layer of annotations, all of which
/// point into `text` through ``TextSpan`` offsets counted in Unicode scalars.
/// `layers` records which stages have run.
public struct Document: Sendable, Codable, Equatable {
    /// A stable identifier: derived from the canonical URL when there is one,
    /// else from the text, so the same article gets the same ID on every run.
    public struct ID: Hashable, Codable, Sendable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    public var id: ID
    public var source: Source
    public var metadata: Metadata
    /// The clean article body: blocks in reading order, separated by a blank line.
    public var text: String
    /// Paragraphs, sub-headings, list items and block quotes of `text`, in order.
    public var blocks: [Block]
    /// The article's images with caption and credit; kept beside the body, not in it.
    public var images: [ArticleImage]
    public var sentences: [Sentence] = []
    public var tokens: [Token] = []
    /// The text of each token, in step with `tokens`: part of the tokens layer, so that
    /// every later stage does not cut the text again.
    public var tokenTexts: [String] = []

    /// The token texts, from `tokenTexts` when they are in step with `tokens`.
    public var wordsOfTokens: [String] {
        tokenTexts.count == tokens.count ? tokenTexts : text.texts(of: tokens)
    }
    public var entities: [Entity] = []
    public var dates: [DateMention] = []
    public var money: [MoneyMention] = []
    public var quotes: [Quote] = []
    public var events: [Event] = []
    public var layers: Set<Layer>

    public init(
        id: ID? = nil,
        source: Source = Source(),
        metadata: Metadata = Metadata(),
        text: String,
        blocks: [Block] = [],
        images: [ArticleImage] = [],
        layers: Set<Layer> = []
    ) {
        self.source = source
        self.metadata = metadata
        self.text = text
        self.blocks = blocks
        self.images = images
        self.layers = layers
        self.id = id ?? Document.ID.derived(url: metadata.url ?? source.url, text: text)
    }
}

extension Document.ID {
    /// An ID from the canonical URL if known, else from the text (64-bit FNV-1a, hex).
    public static func derived(url: String?, text: String) -> Document.ID {
        let key = url.map { "url:" + $0 } ?? "text:" + text
        return Document.ID(rawValue: FNV1a.hex(key))
    }
}

/// Where a document came from.
public struct Source: Sendable, Codable, Equatable {
    /// The input as the user named it: a path, `-` for standard input, or a URL.
    public var name: String?
    /// The URL the page was fetched from, when known.
    public var url: String?
    /// When the page was fetched or read.
    public var fetchedAt: Date?
    /// The character encoding the raw bytes were decoded from ("utf-8", "windows-1252", …).
    public var encoding: String?
    /// 64-bit FNV-1a digest of the raw bytes, hex: detects a changed page.
    public var digest: String?

    public init(name: String? = nil, url: String? = nil, fetchedAt: Date? = nil, encoding: String? = nil, digest: String? = nil) {
        self.name = name
        self.url = url
        self.fetchedAt = fetchedAt
        self.encoding = encoding
        self.digest = digest
    }
}

/// A 64-bit FNV-1a variant: a small, fast, stable hash for IDs and change detection
/// (not for security). Not interchangeable with byte-wise FNV-1a implementations.
public enum FNV1a {
    public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        if let h = bytes.withContiguousStorageIfAvailable(hash(buffer:)) { return h }
        return hash(buffer: UnsafeBufferPointer(start: nil, count: 0), continuing: bytes)
    }

    private static func hash<S: Sequence>(buffer: UnsafeBufferPointer<UInt8>, continuing rest: S) -> UInt64 where S.Element == UInt8 {
        var h = hash(buffer: buffer)
        for b in rest {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// FNV-1a over 64-bit little-endian words, then the remaining bytes one by one:
    /// eight times fewer multiplications than byte-wise FNV-1a, with the same spread.
    private static func hash(buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        guard let base = buffer.baseAddress else { return h }
        let words = buffer.count / 8
        let raw = UnsafeRawPointer(base)
        for w in 0..<words {
            h ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self))
            h = h &* 0x0000_0100_0000_01b3
        }
        for i in (words * 8)..<buffer.count {
            h ^= UInt64(buffer[i])
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let value = hash(bytes)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func hex(_ string: String) -> String { hex(string.utf8) }
}
