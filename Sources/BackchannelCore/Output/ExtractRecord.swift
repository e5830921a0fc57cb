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
        try c.encode(document.events.map { EventRecord(event: $0, text: text) }, forKey: .events)
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

    /// The same members as the JSON writer's `events` (tests compare the two).
    struct EventRecord: Encodable {
        let event: Event, text: String
        enum CodingKeys: String, CodingKey {
            case id, type, mode, modality, actors, targets, place, date, amounts, casualties, position, sentence, trigger, confidence
        }
        struct DateOut: Encodable { let value: String, granularity: String, approximate: Bool, text: String }
        struct MoneyOut: Encodable { let amount: Double, currency: String, qualifier: String?, text: String
            enum CodingKeys: String, CodingKey { case amount, currency, qualifier, text }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(amount, forKey: .amount)
                try c.encode(currency, forKey: .currency)
                try c.encode(qualifier, forKey: .qualifier)
                try c.encode(text, forKey: .text)
            }
        }
        struct CasualtiesOut: Encodable { let killed: Int?, injured: Int?
            enum CodingKeys: String, CodingKey { case killed, injured }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(killed, forKey: .killed)
                try c.encode(injured, forKey: .injured)
            }
        }
        struct PositionOut: Encodable { let issue: String?, stance: String, holder: String?, addressee: String?
            enum CodingKeys: String, CodingKey { case issue, stance, holder, addressee }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(issue, forKey: .issue)
                try c.encode(stance, forKey: .stance)
                try c.encode(holder, forKey: .holder)
                try c.encode(addressee, forKey: .addressee)
            }
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(event.id.rawValue, forKey: .id)
            try c.encode(event.type.rawValue, forKey: .type)
            try c.encode(event.mode, forKey: .mode)
            try c.encode(event.modality.rawValue, forKey: .modality)
            try c.encode(event.actors.map(\.rawValue), forKey: .actors)
            try c.encode(event.targets.map(\.rawValue), forKey: .targets)
            try c.encode(event.place?.rawValue, forKey: .place)
            try c.encode(event.date.map { DateOut(value: $0.value, granularity: $0.granularity.rawValue, approximate: $0.approximate, text: text.slice($0.span)) }, forKey: .date)
            try c.encode(event.amounts.map { MoneyOut(amount: $0.amount, currency: $0.currency, qualifier: $0.qualifier, text: text.slice($0.span)) }, forKey: .amounts)
            try c.encode(event.casualties.map { CasualtiesOut(killed: $0.killed, injured: $0.injured) }, forKey: .casualties)
            try c.encode(event.position.map { PositionOut(issue: $0.issue, stance: $0.stance.rawValue, holder: $0.holder?.rawValue, addressee: $0.addressee?.rawValue) }, forKey: .position)
            try c.encode(SpanRecord(start: event.sentence.start, end: event.sentence.end, text: text.slice(event.sentence)), forKey: .sentence)
            try c.encode(SpanRecord(start: event.trigger.start, end: event.trigger.end, text: text.slice(event.trigger)), forKey: .trigger)
            try c.encode((event.confidence * 100).rounded() / 100, forKey: .confidence)
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
