/// One block of the article body: a paragraph, a sub-heading, a list item or a block quote.
public struct Block: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case paragraph, heading, listItem, quote, preformatted
    }

    public var kind: Kind
    /// Where the block's text lies in `Document.text` (Unicode scalar offsets).
    public var span: TextSpan

    public init(kind: Kind, span: TextSpan) {
        self.kind = kind
        self.span = span
    }
}

/// An image of the article with its caption and credit.
public struct ArticleImage: Sendable, Codable, Equatable, Hashable {
    /// The image URL as the page gives it, resolved against the page URL when known.
    public var src: String?
    public var caption: String?
    /// Who made or owns the picture ("Jane Roe/Agency"), without "Photo:" or "Credit:".
    public var credit: String?
    public var alt: String?

    public init(src: String? = nil, caption: String? = nil, credit: String? = nil, alt: String? = nil) {
        self.src = src
        self.caption = caption
        self.credit = credit
        self.alt = alt
    }
}
