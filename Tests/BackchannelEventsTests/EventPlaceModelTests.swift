import BackchannelCore
import BackchannelDates
import BackchannelEntities
import BackchannelMoney
import BackchannelQuotes
import BackchannelSegment
import Testing

@testable import BackchannelEvents

/// The learned chooser of each event's place among the places its sentence names.
@Suite("Event place model")
struct EventPlaceModelTests {
    static let text = "Ukraine's foreign minister met his Turkish counterpart in Ankara before flying to Brussels."
    static func entity(_ id: String, _ type: EntityType, _ start: Int, _ end: Int) -> Entity {
        Entity(id: Entity.ID(rawValue: id), name: String(Array(text.unicodeScalars)[start..<end].map(Character.init)), type: type,
               mentions: [Mention(span: TextSpan(start: start, end: end))])
    }
    static let entities = [entity("E1", .gpe, 0, 7), entity("E2", .norp, 35, 42), entity("E3", .gpe, 58, 64), entity("E4", .gpe, 82, 90)]
    static let meeting = Event(id: Event.ID(rawValue: "V1"), type: .consult, actors: [Entity.ID(rawValue: "E1")],
                               place: Entity.ID(rawValue: "E3"), sentence: TextSpan(start: 0, end: 91), trigger: TextSpan(start: 27, end: 30),
                               confidence: 0.8)

    /// The candidates and their features are the trainer's (`scripts/train_event_places.py
    /// --selftest` checks the same example): the Swift and Python sides read one event alike.
    @Test func candidatesAreTheTrainers() {
        let text = Array(Self.text.unicodeScalars)
        let candidates = EventPlaceModel.candidates(for: Self.meeting, entities: Self.entities, words: SentenceWords(text, start: 0, end: text.count))
        #expect(candidates.map(\.place?.rawValue) == [nil, "E1", "E3", "E4"])
        #expect(candidates.map(\.features) == [
            ["k=none", "ty=CONSULT"],
            ["k=ent", "et=GPE", "side=before", "dist=2", "sd=before_2", "m_ty=CONSULT", "a1=foreign", "bw=foreign", "bw=minister", "is_actor"],
            ["k=ent", "et=GPE", "side=after", "dist=4-7", "sd=after_4-7", "m_ty=CONSULT", "w1=in", "w2=counterpart", "a1=before",
             "bw=his", "bw=turkish", "bw=counterpart", "bw=in", "is_rule"],
            ["k=ent", "et=GPE", "side=after", "dist=8-15", "sd=after_8-15", "m_ty=CONSULT", "w1=to", "w2=flying",
             "bw=his", "bw=turkish", "bw=counterpart", "bw=in", "bw=ankara", "bw=before", "bw=flying", "bw=to"],
        ])
    }

    @Test func theBestCandidateIsThePlace() throws {
        var document = Document(text: Self.text, layers: [.text])
        document.entities = Self.entities
        // "to" before a place after the trigger: Brussels.
        let destinations = try #require(EventPlaceModel(tsv: "intercept\t0\nw1=to\t1\n"))
        #expect(destinations.revise([Self.meeting], in: document).first?.place?.rawValue == "E4")
        // A party to the event is no place: none wins over Ukraine when nothing else scores.
        let parties = try #require(EventPlaceModel(tsv: "intercept\t0\nis_actor\t-1\nk=ent\t-0.5\n"))
        #expect(parties.revise([Self.meeting], in: document).first?.place == nil)
        // The rules' choice kept.
        let rules = try #require(EventPlaceModel(tsv: "intercept\t0\nis_rule\t1\n"))
        #expect(rules.revise([Self.meeting], in: document).first?.place?.rawValue == "E3")
        #expect(EventPlaceModel(tsv: "intercept\t0\nk=ent\t1\t2\n") == nil)
    }

    @Test func theShippedModelLoads() throws {
        let model = try #require(EventPlaceModel.shared)
        #expect(model.scorer.features.count > 1000)
        #expect(model.scorer.features.contains("is_rule"))
    }

    /// The events of one paragraph through the real stages and shipped models, as `extract` runs
    /// them, with or without the place model: "type place" for each.
    static func places(_ text: String, model: EventPlaceModel?) throws -> [String] {
        var document = Document(metadata: Metadata(published: Timestamp(year: 2025, month: 4, day: 11)), text: text,
                                blocks: Segmenter.paragraphs(of: text).map { Block(kind: .paragraph, span: $0) }, layers: [.text])
        try Pipeline([Segmenter(), EntityRecognizer(), DateRecognizer(), MoneyRecognizer(), QuoteDetector(),
                      EventDetector(placeModel: model)]).run(&document)
        let name = { (id: Entity.ID) in document.entities.first { $0.id == id }?.name ?? "?" }
        return document.events.map { "\($0.type.rawValue) \($0.place.map(name) ?? "-")" }
    }

    /// "sanctions on two banks in Iran": Iran is where the banks are, not where the sanctions
    /// were imposed; the rules take any place after "in".
    @Test func aPlaceThatLocatesTheTargetIsNotTheEvents() throws {
        let text = "The United States imposed sanctions on two banks in Iran on Monday."
        #expect(try Self.places(text, model: nil).contains("SANCTION Iran"))
        #expect(try Self.places(text, model: .shared).contains("SANCTION -"))
    }

    /// Where the rules are right, the model agrees with them.
    @Test(arguments: [
        ("Ukraine's foreign minister Andrii Sybiha met his Turkish counterpart Hakan Fidan in Ankara before flying to Brussels.", "CONSULT Ankara"),
        ("Russian drones struck the port of Odesa overnight, Ukraine's air force said.", "FIGHT Odesa"),
        ("Israeli strikes killed 30 people in Gaza City on Sunday, local health officials said.", "FIGHT Gaza City"),
    ])
    func theModelKeepsWhatTheRulesGetRight(text: String, expected: String) throws {
        #expect(try Self.places(text, model: nil).contains(expected))
        #expect(try Self.places(text, model: .shared).contains(expected))
    }
}
