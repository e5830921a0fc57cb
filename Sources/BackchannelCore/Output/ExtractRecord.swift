/// The JSON object `backchannel extract` prints for one article (schema in docs/extract-json.md).
///
/// Every member is always present, `null` when unknown, so consumers can rely on
/// the shape. Offsets count Unicode scalars (code points) of `article.text`.
public struct ExtractRecord: Encodable, Sendable {
    public var source: String?
    public var document: Document

    public init(source: String?, document: Document) {
        self.source = source
        self.document = document
    }

    enum CodingKeys: String, CodingKey { case source, article, entities, dates, money, quotes, events }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let text = document.text
        try c.encode(source, forKey: .source)
        try c.encode(ArticleRecord(document), forKey: .article)
        try c.encode(document.entities.map { EntityRecord(entity: $0, text: text) }, forKey: .entities)
        try c.encode(document.dates.map { DateRecord(date: $0, text: text.slice($0.span)) }, forKey: .dates)
        try c.encode(document.money.map { MoneyRecord(money: $0, text: text.slice($0.span)) }, forKey: .money)
        try c.encode(document.quotes.map { QuoteRecord(quote: $0, text: text) }, forKey: .quotes)
        // Filled by the event stage when it lands; empty until then.
        try c.encode([Int](), forKey: .events)
    }

    struct SpanRecord: Encodable {
        let start: Int, end: Int, text: String
    }

    struct EntityRecord: Encodable {
        let id: String, name: String, type: String, roles: [String], affiliation: String?, refersTo: String?
        let mentions: [SpanRecord]
        init(entity: Entity, text: String) {
            id = entity.id.rawValue
            name = entity.name
            type = entity.type.rawValue
            roles = entity.roles.map(\.title)
            affiliation = entity.affiliation
            refersTo = entity.refersTo
            mentions = entity.mentions.map { SpanRecord(start: $0.span.start, end: $0.span.end, text: text.slice($0.span)) }
        }
        enum CodingKeys: String, CodingKey { case id, name, type, roles, affiliation, refersTo, mentions }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(type, forKey: .type)
            try c.encode(roles, forKey: .roles)
            try c.encode(affiliation, forKey: .affiliation)
            try c.encode(refersTo, forKey: .refersTo)
            try c.encode(mentions, forKey: .mentions)
        }
    }

    struct QuoteRecord: Encodable {
        let quote: Quote, text: String
        enum CodingKeys: String, CodingKey { case id, text, start, end, speaker, cue, sentence }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(quote.id.rawValue, forKey: .id)
            try c.encode(text.slice(quote.span), forKey: .text)
            try c.encode(quote.span.start, forKey: .start)
            try c.encode(quote.span.end, forKey: .end)
            try c.encode(quote.speaker?.rawValue, forKey: .speaker)
            try c.encode(quote.cue, forKey: .cue)
            try c.encode(SpanRecord(start: quote.sentence.start, end: quote.sentence.end, text: text.slice(quote.sentence)), forKey: .sentence)
        }
    }

    struct DateRecord: Encodable {
        let date: DateMention, text: String
        enum CodingKeys: String, CodingKey { case value, granularity, approximate, relative, start, end, text }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date.value, forKey: .value)
            try c.encode(date.granularity.rawValue, forKey: .granularity)
            try c.encode(date.approximate, forKey: .approximate)
            try c.encode(date.relative, forKey: .relative)
            try c.encode(date.span.start, forKey: .start)
            try c.encode(date.span.end, forKey: .end)
            try c.encode(text, forKey: .text)
        }
    }

    struct MoneyRecord: Encodable {
        let money: MoneyMention, text: String
        enum CodingKeys: String, CodingKey { case amount, currency, qualifier, start, end, text }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(money.amount, forKey: .amount)
            try c.encode(money.currency, forKey: .currency)
            try c.encode(money.qualifier, forKey: .qualifier)
            try c.encode(money.span.start, forKey: .start)
            try c.encode(money.span.end, forKey: .end)
            try c.encode(text, forKey: .text)
        }
    }
}

/// The `article` member: metadata, clean text, blocks and images.
public struct ArticleRecord: Encodable, Sendable {
    let document: Document
    public init(_ document: Document) { self.document = document }

    enum CodingKeys: String, CodingKey {
        case id, title, published, modified, authors, categories, tags, siteName, language, url, description
        case text, wordCount, readingMinutes, blocks, images, encoding
    }

    struct BlockRecord: Encodable {
        let kind: String
        let start: Int
        let end: Int
    }

    struct ImageRecord: Encodable {
        let image: ArticleImage
        enum CodingKeys: String, CodingKey { case src, caption, credit, alt }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(image.src, forKey: .src)
            try c.encode(image.caption, forKey: .caption)
            try c.encode(image.credit, forKey: .credit)
            try c.encode(image.alt, forKey: .alt)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        let m = document.metadata
        let stats = TextStatistics(text: document.text)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document.id.rawValue, forKey: .id)
        try c.encode(m.title, forKey: .title)
        try c.encode(m.published?.description, forKey: .published)
        try c.encode(m.modified?.description, forKey: .modified)
        try c.encode(m.authors, forKey: .authors)
        try c.encode(m.categories, forKey: .categories)
        try c.encode(m.tags, forKey: .tags)
        try c.encode(m.siteName, forKey: .siteName)
        try c.encode(m.language, forKey: .language)
        try c.encode(m.url, forKey: .url)
        try c.encode(m.description, forKey: .description)
        try c.encode(document.text, forKey: .text)
        try c.encode(stats.wordCount, forKey: .wordCount)
        try c.encode(stats.readingMinutes, forKey: .readingMinutes)
        try c.encode(document.blocks.map { BlockRecord(kind: $0.kind.rawValue, start: $0.span.start, end: $0.span.end) }, forKey: .blocks)
        try c.encode(document.images.map(ImageRecord.init), forKey: .images)
        try c.encode(document.source.encoding, forKey: .encoding)
    }
}
