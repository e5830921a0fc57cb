import BackchannelCore
import BackchannelDates
import BackchannelEntities
import BackchannelMoney
import BackchannelQuotes
import BackchannelSegment
import Testing

@testable import BackchannelEvents

/// The learned sentence classifier of event types and how the event stage uses it.
@Suite("Event type model")
struct EventTypeModelTests {
    let model = EventTypeModel.shared

    /// Text through the real stages, with `model` as the type check.
    static func analysed(_ text: String, model: EventTypeModel?, published: Timestamp? = Timestamp(year: 2025, month: 8, day: 9)) throws -> Document {
        var document = Document(metadata: Metadata(published: published), text: text,
                                blocks: Segmenter.paragraphs(of: text).map { Block(kind: .paragraph, span: $0) }, layers: [.text])
        try Pipeline([Segmenter(), EntityRecognizer(), DateRecognizer(), MoneyRecognizer(), QuoteDetector(), EventDetector(typeModel: model)]).run(&document)
        return document
    }

    /// The events of one paragraph through the real stages, with `model` as the type check.
    static func events(_ text: String, model: EventTypeModel?) throws -> [Event] {
        try analysed(text, model: model).events
    }

    @Test func theShippedModelLoadsWithEveryTypeItWasTrainedOn() throws {
        let model = try #require(model)
        #expect(model.types.count >= 20)
        #expect(model.types.contains(.agree) && model.types.contains(.consult) && model.types.contains(.disapprove))
    }

    /// The probabilities scikit-learn gives these sentences with the same model (computed when it
    /// was trained; see scripts/train_event_types.py): the Swift features and arithmetic match.
    @Test(arguments: [
        ("Russia and Ukraine signed a ceasefire agreement in Istanbul on Tuesday.", Event.Kind.agree, 0.997),
        ("The foreign ministry condemned the strike as a violation of international law.", Event.Kind.disapprove, 0.997),
        ("Qatar hosted talks between the two delegations.", Event.Kind.consult, 0.999),
        // mid-range probabilities, where a difference in the features would show
        ("The two delegations discussed a proposal for a partial truce.", Event.Kind.agree, 0.593),
        ("The minister warned the border could be closed soon.", Event.Kind.statement, 0.392),
    ])
    func probabilitiesMatchTheTrainer(sentence: String, type: Event.Kind, expected: Double) throws {
        let model = try #require(model)
        let p = try #require(model.probability(of: type, in: sentence[...]))
        #expect(abs(p - expected) < 0.01, "\(p)")
    }

    /// "Zelensky is due in Washington on Monday": the visit the classifier adds, told by "due",
    /// is still to come.
    @Test func aVisitThatIsDueIsPlanned() throws {
        let model = try #require(model)
        let events = try Self.events("Volodymyr Zelensky is due in Washington on Monday.", model: model)
        let visit = try #require(events.first { $0.type == .consult }, "\(events)")
        #expect(visit.modality == .planned)
    }

    @Test func wordsAreRunsOfTwoOrMoreWordCharacters() {
        #expect(EventTypeModel.words("Russia’s U.S.-backed plan, 2025") == ["russia", "backed", "plan", "2025"])
        #expect(EventTypeModel.words("") == [])
    }

    @Test func aMalformedModelIsRefused() {
        #expect(EventTypeModel(tsv: "") == nil)
        #expect(EventTypeModel(tsv: "types\tAGREE\nbias\t0.1\nword\tnot-a-number\t0:1.0\n") == nil)
        #expect(EventTypeModel(tsv: "types\tAGREE\tNOT_A_TYPE\nbias\t0.1\t0.2\n") == nil)
        let tiny = EventTypeModel(tsv: "types\tAGREE\nbias\t-1\nsigned\t1.0\t0:4.0\n")
        #expect(tiny != nil)
        // One feature, normalised to 1: sigmoid(-1 + 4) ≈ 0.953; no feature: sigmoid(-1) ≈ 0.269.
        #expect(abs((tiny?.probability(of: .agree, in: "They signed.") ?? 0) - 0.9526) < 0.001)
        #expect(abs((tiny?.probability(of: .agree, in: "Nothing here.") ?? 0) - 0.2689) < 0.001)
        #expect(tiny?.probability(of: .fight, in: "They signed.") == nil)
    }

    /// "types" and "bias" name the header lines only where they open the file; later they are
    /// words of the vocabulary ("both types of drone"), as in the shipped model.
    @Test func headerWordsAreFeaturesAfterTheHeader() throws {
        let model = try #require(EventTypeModel(tsv: "types\tAGREE\nbias\t-1\ntypes\t1.0\t0:4.0\nbias\t1.0\t0:-4.0\n"))
        #expect(abs((model.probability(of: .agree, in: "Both types of drone.") ?? 0) - 0.9526) < 0.001)
        #expect(abs((model.probability(of: .agree, in: "A bias.") ?? 0) - 0.0067) < 0.001)
    }

    /// A type the model adds to a sentence that the rules read as a bare statement replaces the
    /// STATEMENT: a statement that reports an act is that act.
    @Test func anAddedActReplacesTheStatement() throws {
        let text = "Armenia's foreign minister, Ararat Mirzoyan, said on Friday that the region needed calm."
        func run(_ model: EventTypeModel?) throws -> [Event] { try Self.events(text, model: model) }
        #expect(try run(nil).map(\.type) == [.statement])
        let appeal = try #require(EventTypeModel(tsv: "types\tAPPEAL\tSTATEMENT\nbias\t9\t9\nneeded\t1.0\t0:1.0\n"))
        let checked = try run(appeal)
        #expect(checked.map(\.type) == [.appeal], "\(checked.map(\.type))")
    }

    /// An accusation is made by saying it: "said Rwanda had violated" is no earlier act told
    /// afterwards, so the ACCUSE the model adds is asserted.
    @Test func anAccusationInReportedSpeechIsAsserted() throws {
        let text = "Felix Tshisekedi said Rwanda had violated the ceasefire."
        let accuse = try #require(EventTypeModel(tsv: "types\tACCUSE\nbias\t9\nviolated\t1.0\t0:1.0\n"))
        let events = try Self.events(text, model: accuse)
        let event = try #require(events.first { $0.type == .accuse }, "\(events.map(\.type))")
        #expect(event.modality == .asserted)
    }

    /// With a model that finds AGREE impossible and knows the trigger word, the rules' AGREE is
    /// dropped (one that never saw the word keeps it); with one that finds CONSULT certain, a
    /// CONSULT is added with the rules' subject as its actor.
    @Test func theStageDropsVetoedTypesAndAddsLikelyOnes() throws {
        let text = "Armenia and Azerbaijan signed the treaty in Washington on Friday."
        func run(_ model: EventTypeModel?) throws -> [Event] { try Self.events(text, model: model) }
        let rules = try run(nil)
        #expect(rules.contains { $0.type == .agree })
        let unaware = try #require(EventTypeModel(tsv: "types\tAGREE\tCONSULT\nbias\t-9\t9\ntreaty\t1.0\t1:1.0\n"))
        #expect(try run(unaware).contains { $0.type == .agree })
        let veto = try #require(EventTypeModel(tsv: "types\tAGREE\tCONSULT\nbias\t-9\t9\ntreaty\t1.0\t1:1.0\nsigned\t1.0\t1:0.1\n"))
        let checked = try run(veto)
        #expect(!checked.contains { $0.type == .agree }, "\(checked.map(\.type))")
        let consult = try #require(checked.first { $0.type == .consult })
        #expect(consult.trigger.start > 0 && text.slice(consult.trigger) == "treaty")
        #expect(!consult.actors.isEmpty)
    }

    /// An accusation, reproach or demand in someone's reported words is the speaker's, made by
    /// saying it, and the one the clause is about is its target — however the speaker is named.
    /// (A one-word model adds the type at that word, so each case runs the event builder itself.)
    @Test(arguments: [
        ("Mike Waltz said Kigali had broken the accords.", "ACCUSE", "broken", "Mike Waltz", "Kigali"),
        ("Mike Waltz spoke on Friday. He said Kigali had broken the accords.", "ACCUSE", "broken", "Mike Waltz", "Kigali"),
        ("Kigali had broken the accords, Mike Waltz said.", "ACCUSE", "broken", "Mike Waltz", "Kigali"),
        ("Mike Waltz spoke on Friday. Kigali had broken the accords, he said.", "ACCUSE", "broken", "Mike Waltz", "Kigali"),
        // "he" is the subject of the sentence before, not its object
        ("Donald Trump met Volodymyr Zelensky on Friday. He said Zelensky must pay attention to Russia.", "DEMAND", "must", "Donald Trump", "Volodymyr Zelensky"),
        // the speaker's own side acts itself
        ("Kazem Gharibabadi, Iran's deputy foreign minister, spoke on Friday. He said Iran had faulted the Europeans.", "DISAPPROVE", "faulted", "Iran", nil),
    ] as [(String, String, String, String, String?)])
    func aSpeakerMakesTheActsOfTheirWords(text: String, type: String, word: String, actor: String, target: String?) throws {
        let model = try #require(EventTypeModel(tsv: "types\t\(type)\nbias\t9\n\(word)\t1.0\t0:1.0\n"))
        let document = try Self.analysed(text, model: model, published: Timestamp(year: 2025, month: 4, day: 11))
        let name = { (id: Entity.ID) in document.entities.first { $0.id == id }?.name ?? "?" }
        let event = try #require(document.events.first { $0.type.rawValue == type }, "\(document.events.map(\.type))")
        #expect(event.actors.map(name) == [actor])
        if let target { #expect(event.targets.map(name) == [target]) } else { #expect(!event.targets.map(name).contains(actor)) }
        #expect(event.modality == .asserted)
    }

    /// An added event's trigger is the strongest word that is not a name: "said Rwanda had
    /// violated the ceasefire" is told by "violated", so Rwanda, the clause's subject, is accused.
    @Test func aNameIsNoTrigger() throws {
        let text = "Felix Tshisekedi said Rwanda had violated the ceasefire."
        let model = try #require(EventTypeModel(tsv: "types\tACCUSE\nbias\t9\nrwanda\t1.0\t0:3.0\nviolated\t1.0\t0:1.0\n"))
        let document = try Self.analysed(text, model: model, published: Timestamp(year: 2025, month: 4, day: 11))
        let accuse = try #require(document.events.first { $0.type == .accuse }, "\(document.events.map(\.type))")
        #expect(text.slice(accuse.trigger) == "violated")
        let name = { (id: Entity.ID) in document.entities.first { $0.id == id }?.name }
        #expect(accuse.actors.map(name) == ["Felix Tshisekedi"])
        #expect(accuse.targets.map(name) == ["Rwanda"])
    }
}
