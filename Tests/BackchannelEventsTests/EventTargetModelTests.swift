import BackchannelCore
import BackchannelDates
import BackchannelEntities
import BackchannelMoney
import BackchannelQuotes
import BackchannelSegment
import Testing

@testable import BackchannelEvents

/// The learned chooser of each event's targets among the people, bodies, states and groups its
/// sentence names.
@Suite("Event target model")
struct EventTargetModelTests {
    static let text = "Israel struck Hezbollah targets in Lebanon after the group fired rockets at Israel."
    static let entities = [
        Entity(id: Entity.ID(rawValue: "E1"), name: "Israel", type: .gpe,
               mentions: [Mention(span: TextSpan(start: 0, end: 6)), Mention(span: TextSpan(start: 76, end: 82))]),
        Entity(id: Entity.ID(rawValue: "E2"), name: "Hezbollah", type: .org, mentions: [Mention(span: TextSpan(start: 14, end: 23))]),
        Entity(id: Entity.ID(rawValue: "E3"), name: "Lebanon", type: .gpe, mentions: [Mention(span: TextSpan(start: 35, end: 42))]),
    ]
    static let strike = Event(id: Event.ID(rawValue: "V1"), type: .fight, actors: [Entity.ID(rawValue: "E1")],
                              targets: [Entity.ID(rawValue: "E2"), Entity.ID(rawValue: "E3")],
                              sentence: TextSpan(start: 0, end: 83), trigger: TextSpan(start: 7, end: 13), confidence: 0.8)

    /// The candidates and their features are the trainer's (`scripts/train_event_targets.py
    /// --selftest` checks the same example): the Swift and Python sides read one event alike.
    @Test func candidatesAreTheTrainers() {
        let text = Array(Self.text.unicodeScalars)
        let candidates = EventTargetModel.candidates(for: Self.strike, entities: Self.entities, words: SentenceWords(text, start: 0, end: text.count))
        #expect(candidates.map { $0.targets.map(\.rawValue) } == [[], ["E1"], ["E2"], ["E3"], ["E2", "E3"]])
        #expect(candidates.map(\.features) == [
            ["k=none", "ty=FIGHT"],
            ["k=ent", "et=GPE", "side=before", "dist=0", "sd=before_0", "m_ty=FIGHT", "ty_side_et=FIGHT_before_GPE", "a1=struck", "is_actor"],
            ["k=ent", "et=ORG", "side=after", "dist=0", "sd=after_0", "m_ty=FIGHT", "ty_side_et=FIGHT_after_ORG",
             "w1=struck", "w2=israel", "a1=targets", "in_rule", "rule0"],
            ["k=ent", "et=GPE", "side=after", "dist=3", "sd=after_3", "m_ty=FIGHT", "ty_side_et=FIGHT_after_GPE",
             "w1=in", "w2=targets", "a1=after", "bw=hezbollah", "bw=targets", "bw=in", "in_rule"],
            ["k=ruleset", "rs_ty=FIGHT", "is_rule"],
        ])
    }

    @Test func theBestCandidateIsTheTargetsAndThePositionFollows() throws {
        var document = Document(text: Self.text, layers: [.text])
        document.entities = Self.entities
        var event = Self.strike
        event.position = Event.Position(issue: nil, stance: .rejects, holder: Entity.ID(rawValue: "E1"), addressee: Entity.ID(rawValue: "E2"))
        // The rules' first target alone scores highest: Hezbollah, and the position stays addressed to it.
        let first = try #require(EventTargetModel(tsv: "intercept\t0\nrule0\t1\n"))
        let revised = try #require(first.revise([event], in: document).first)
        #expect(revised.targets.map(\.rawValue) == ["E2"])
        #expect(revised.position?.addressee?.rawValue == "E2")
        // A place right after "in" is no target: Lebanon loses, and the rules' pair stays.
        let pair = try #require(EventTargetModel(tsv: "intercept\t0\nis_rule\t0.5\nw1=in\t-1\n"))
        #expect(pair.revise([event], in: document).first?.targets.map(\.rawValue) == ["E2", "E3"])
        // With nothing learned every candidate scores alike and the first, no target, wins; the
        // position loses its addressee with it.
        let none = try #require(EventTargetModel(tsv: "# nothing\nintercept\t0\n"))
        let untargeted = try #require(none.revise([event], in: document).first)
        #expect(untargeted.targets.isEmpty)
        #expect(untargeted.position?.addressee == nil)
        #expect(EventTargetModel(tsv: "intercept\t0\nk=ent\tnone\n") == nil)
    }

    @Test func theShippedModelLoads() throws {
        let model = try #require(EventTargetModel.shared)
        #expect(model.scorer.features.count > 1000)
        #expect(model.scorer.features.contains("is_rule"))
    }

    /// "condemned Russia's attack on Kyiv": the condemnation is of Russia, whose attack it was;
    /// the rules take the first name after the trigger's phrase, Kyiv.
    @Test func aCondemnationTargetsTheAttackerNotThePlaceAttacked() throws {
        let text = "The European Union condemned Russia's attack on Kyiv."
        func disapproval(_ model: EventTargetModel?) throws -> [String] {
            var document = Document(metadata: Metadata(published: Timestamp(year: 2025, month: 4, day: 11)), text: text,
                                    blocks: Segmenter.paragraphs(of: text).map { Block(kind: .paragraph, span: $0) }, layers: [.text])
            try Pipeline([Segmenter(), EntityRecognizer(), DateRecognizer(), MoneyRecognizer(), QuoteDetector(),
                          EventDetector(targetModel: model)]).run(&document)
            let event = try #require(document.events.first { $0.type == .disapprove })
            return event.targets.map { id in document.entities.first { $0.id == id }?.name ?? "?" }
        }
        #expect(try disapproval(nil) == ["Kyiv"])
        #expect(try disapproval(.shared) == ["Russia"])
    }
}
