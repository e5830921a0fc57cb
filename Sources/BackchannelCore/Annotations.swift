import Foundation

/// A sentence of `Document.text`.
public struct Sentence: Sendable, Codable, Equatable {
    public var span: TextSpan
    public init(span: TextSpan) { self.span = span }
}

/// A token of `Document.text`: a word, a number, a punctuation mark or a symbol.
public struct Token: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case word, number, punctuation, symbol }
    public var span: TextSpan
    public var kind: Kind
    public init(span: TextSpan, kind: Kind) {
        self.span = span
        self.kind = kind
    }
}

/// The kinds of named entity Backchannel recognises (OntoNotes names).
public enum EntityType: String, Sendable, Codable, CaseIterable {
    /// People.
    case person = "PERSON"
    /// Organisations: governments' bodies, agencies, armed groups, companies, media.
    case org = "ORG"
    /// Countries, cities, states and regions that are political units.
    case gpe = "GPE"
    /// Seas, rivers, mountains, continents and regions that are not states.
    case loc = "LOC"
    /// Nationalities, religious and political groups ("Russian", "Palestinians").
    case norp = "NORP"
    /// Buildings, airports, bases, bridges.
    case fac = "FAC"
}

/// One actor, place or group in an article, with every mention of it.
public struct Entity: Sendable, Codable, Equatable {
    /// "E1", "E2"… within one document.
    public struct ID: Hashable, Codable, Sendable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    public var id: ID
    /// The fullest form of the name in the text ("Steve Witkoff"), or the canonical
    /// name a gazetteer gives ("United States" for "U.S.").
    public var name: String
    public var type: EntityType
    /// Titles the text gives a person, with their qualifiers ("U.S. Special Envoy").
    public var roles: [Role]
    /// The country or organisation a person belongs to, when the text says so.
    public var affiliation: String?
    /// For a place or body used for a government ("Moscow", "the Kremlin"): that country.
    public var refersTo: String?
    /// What the gazetteer knows the entity as: "country", "city", "region", "demonym", "org",
    /// "media", "armed"…; nil when it is not in the gazetteer.
    public var kind: String?
    public var mentions: [Mention]

    public init(id: ID, name: String, type: EntityType, roles: [Role] = [], affiliation: String? = nil,
                refersTo: String? = nil, mentions: [Mention] = []) {
        self.id = id
        self.name = name
        self.type = type
        self.roles = roles
        self.affiliation = affiliation
        self.refersTo = refersTo
        self.mentions = mentions
    }
}

/// Where an entity is named in the text.
public struct Mention: Sendable, Codable, Equatable {
    public var span: TextSpan
    public init(span: TextSpan) { self.span = span }
}

/// A title or role of a person as the text gives it ("Kremlin spokesman").
public struct Role: Sendable, Codable, Equatable, Hashable {
    public var title: String
    /// Where the role is written (Unicode scalar offsets).
    public var span: TextSpan
    public init(title: String, span: TextSpan) {
        self.title = title
        self.span = span
    }

    /// Whether two titles are one role written in two places: equal but for letter case
    /// ("Junta leader" opening a sentence, "junta leader" inside one).
    public static func sameTitle(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && (a == b || a.lowercased() == b.lowercased())
    }
}

/// A date or period written in the text, normalised against the publication date.
public struct DateMention: Sendable, Codable, Equatable {
    public enum Granularity: String, Sendable, Codable { case day, week, month, year }

    public var span: TextSpan
    /// ISO 8601 at the granularity: "2025-04-11", "2025-W15", "2025-04", "2025".
    public var value: String
    public var granularity: Granularity
    /// "mid-2025", "about two weeks ago", "less than 48 hours before": only roughly that time.
    public var approximate: Bool
    /// Resolved against the publication date ("Friday", "last week").
    public var relative: Bool

    public init(span: TextSpan, value: String, granularity: Granularity, approximate: Bool = false, relative: Bool = false) {
        self.span = span
        self.value = value
        self.granularity = granularity
        self.approximate = approximate
        self.relative = relative
    }
}

/// An amount of money written in the text ("over $24 billion").
public struct MoneyMention: Sendable, Codable, Equatable {
    /// The letters written against "$" for a country's dollar ("C$2.3bn", "HK$1 billion",
    /// "US$300 million"), with its ISO code: part of the amount, never of a name.
    public static let localDollars: [String: String] = ["US": "USD", "U.S.": "USD", "A": "AUD", "C": "CAD", "HK": "HKD", "NZ": "NZD", "S": "SGD"]

    public var span: TextSpan
    public var amount: Double
    /// ISO 4217 code ("USD", "EUR", "GBP").
    public var currency: String
    /// "over", "about", "up to", "nearly", "at least", "more than", "less than"…
    public var qualifier: String?

    public init(span: TextSpan, amount: Double, currency: String, qualifier: String? = nil) {
        self.span = span
        self.amount = amount
        self.currency = currency
        self.qualifier = qualifier
    }
}

/// A direct quotation and who said it.
public struct Quote: Sendable, Codable, Equatable {
    public struct ID: Hashable, Codable, Sendable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    public var id: ID
    /// The quoted words, without the quotation marks.
    public var span: TextSpan
    /// The entity the text gives as the speaker, or nil when it names none.
    public var speaker: Entity.ID?
    /// The attribution word as written ("said", "told", "according to").
    public var cue: String?
    /// The sentence that carries the attribution, or the quote's first sentence.
    public var sentence: TextSpan

    public init(id: ID, span: TextSpan, speaker: Entity.ID? = nil, cue: String? = nil, sentence: TextSpan) {
        self.id = id
        self.span = span
        self.speaker = speaker
        self.cue = cue
        self.sentence = sentence
    }
}

/// Who did what to whom, when and where: an event in the PLOVER ontology, with the
/// sentence it was read from.
public struct Event: Sendable, Codable, Equatable {
    public struct ID: Hashable, Codable, Sendable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    /// PLOVER event types, plus ACCUSE and REQUEST, and STATEMENT and APPEAL, which PLOVER
    /// drops but analysts need.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case agree = "AGREE", consult = "CONSULT", support = "SUPPORT", concede = "CONCEDE", cooperate = "COOPERATE"
        case aid = "AID", retreat = "RETREAT", investigate = "INVESTIGATE", demand = "DEMAND", disapprove = "DISAPPROVE"
        case reject = "REJECT", threaten = "THREATEN", sanction = "SANCTION", protest = "PROTEST", crime = "CRIME"
        case mobilize = "MOBILIZE", coerce = "COERCE", assault = "ASSAULT", fight = "FIGHT", accuse = "ACCUSE"
        case request = "REQUEST", statement = "STATEMENT", appeal = "APPEAL"
    }

    /// Whether the text says the event happened.
    public enum Modality: String, Sendable, Codable, CaseIterable {
        case asserted, denied, planned, hypothetical, reported
    }

    public struct Casualties: Sendable, Codable, Equatable {
        public var killed: Int?
        public var injured: Int?
        public init(killed: Int? = nil, injured: Int? = nil) {
            self.killed = killed
            self.injured = injured
        }
    }

    /// Where a party stands on an issue: what the negotiation tracker is built from.
    public struct Position: Sendable, Codable, Equatable {
        public enum Stance: String, Sendable, Codable { case demands, offers, accepts, rejects }
        /// A short normalised phrase: "30-day ceasefire", "full ceasefire"; nil when the words
        /// after the trigger name no issue ("rejected it", "demanded that the town had fallen"),
        /// and the stance and holder are all the sentence gives.
        public var issue: String?
        public var stance: Stance
        public var holder: Entity.ID?
        public var addressee: Entity.ID?
        public init(issue: String?, stance: Stance, holder: Entity.ID?, addressee: Entity.ID?) {
            self.issue = issue
            self.stance = stance
            self.holder = holder
            self.addressee = addressee
        }
    }

    public var id: ID
    public var type: Kind
    /// CONSULT: visit, phone, meeting, mediation; AID: military, economic, humanitarian.
    public var mode: String?
    public var modality: Modality
    public var actors: [Entity.ID]
    public var targets: [Entity.ID]
    public var place: Entity.ID?
    public var date: DateMention?
    public var amounts: [MoneyMention]
    public var casualties: Casualties?
    public var position: Position?
    /// The evidence sentence.
    public var sentence: TextSpan
    /// The words that triggered the event.
    public var trigger: TextSpan
    /// 0…1: how sure the rules are.
    public var confidence: Double

    public init(id: ID, type: Kind, mode: String? = nil, modality: Modality = .asserted, actors: [Entity.ID] = [],
                targets: [Entity.ID] = [], place: Entity.ID? = nil, date: DateMention? = nil, amounts: [MoneyMention] = [],
                casualties: Casualties? = nil, position: Position? = nil, sentence: TextSpan, trigger: TextSpan, confidence: Double) {
        self.id = id
        self.type = type
        self.mode = mode
        self.modality = modality
        self.actors = actors
        self.targets = targets
        self.place = place
        self.date = date
        self.amounts = amounts
        self.casualties = casualties
        self.position = position
        self.sentence = sentence
        self.trigger = trigger
        self.confidence = confidence
    }
}
