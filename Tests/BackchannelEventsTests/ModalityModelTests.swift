import BackchannelCore
import BackchannelDates
import BackchannelEntities
import BackchannelMoney
import BackchannelQuotes
import BackchannelSegment
import Testing

@testable import BackchannelEvents

/// The learned modality classifier, which revises the rules' modality of each event.
@Suite("Modality model")
struct ModalityModelTests {
    /// A model of two labels written by hand: "not" right before the trigger speaks for denied,
    /// "said" anywhere before it for reported, and the rules' "planned" for asserted.
    static let small = """
        # a model written for the tests
        labels\tasserted\tdenied\treported
        intercept\t0.5\t0\t0
        b1=not\t0\t2\t0
        B=said\t0\t0\t0.75
        r=planned\t0.6\t0\t0
        """

    /// The features are the names `scripts/train_modality.py` gives (its `--selftest` checks the
    /// same example): the Swift and Python sides read one event alike.
    @Test func featuresAreTheTrainersNames() {
        let features = ModalityModel.features(rule: .asserted, type: .consult, before: "Officials said the two envoys are expected to ",
                                              trigger: "meet", after: " in Doha, according to a diplomat.", inQuote: false)
        #expect(features == [
            "r=asserted", "ty=CONSULT", "t=meet",
            "b=to", "b1=to", "b=expected", "b2=expected", "b=are", "b=envoys", "b=two", "b=the",
            "a=in", "a1=in", "a=doha", "a=according", "a=to",
            "B=officials", "B=said", "B=the", "B=two", "B=envoys", "B=are", "B=expected", "B=to",
            "A=in", "A=doha", "A=according", "A=to", "A=diplomat",
        ])
        #expect(ModalityModel.features(rule: .reported, type: .fight, before: "", trigger: "Struck", after: "", inQuote: true)
            == ["r=reported", "ty=FIGHT", "t=struck", "inquote"])
        // A trigger of several words keeps one space between them; "a" is no word (one letter).
        #expect(ModalityModel.features(rule: .planned, type: .consult, before: "", trigger: "held a  round of talks", after: "", inQuote: false)
            == ["r=planned", "ty=CONSULT", "t=held round of talks"])
    }

    @Test func theHighestScoreWinsAndAFeatureCountsOnce() throws {
        let model = try #require(ModalityModel(tsv: Self.small))
        #expect(model.labels == [.asserted, .denied, .reported])
        func modality(_ before: Substring, rule: Event.Modality = .asserted) -> Event.Modality {
            model.modality(rule: rule, type: .agree, before: before, trigger: "accept", after: " the plan.", inQuote: false)
        }
        #expect(modality("Russia will ") == .asserted)            // the intercept alone
        #expect(modality("Russia will not ") == .denied)          // 2 against 0.5
        #expect(modality("Peskov said Russia would ") == .reported)  // 0.75 against 0.5
        // "said" twice is still one feature: reported 0.75, not 1.5, against asserted 1.1 (the rules' planned).
        #expect(modality("Peskov said, and said again, Russia would ", rule: .planned) == .asserted)
        #expect(modality("Peskov said Russia would ", rule: .planned) == .asserted)
    }

    @Test(arguments: [
        ("", "no labels line"),
        ("labels\tasserted\tsometimes\nintercept\t0\t0\n", "an unknown label"),
        ("labels\tasserted\tdenied\nintercept\t0\n", "an intercept short of a label"),
        ("labels\tasserted\tdenied\nintercept\t0\t0\nb1=not\t1\tx\n", "a weight that is no number"),
        ("labels\tasserted\tdenied\nintercept\t0\t0\nb1=not\t1\t2\nb1=not\t0\t0\n", "a feature written twice"),
        ("labels\tasserted\tdenied\nb1=not\t1\t2\n", "no intercept"),
    ])
    func aMalformedModelIsRefused(tsv: String, problem: String) {
        #expect(ModalityModel(tsv: tsv) == nil, "\(problem)")
    }

    @Test func theShippedModelLoadsWithEveryModality() throws {
        let model = try #require(ModalityModel.shared)
        #expect(Set(model.labels) == Set(Event.Modality.allCases))
        #expect(model.features.count > 1000)
    }

    /// The events of one paragraph through the real stages and the shipped type model, as
    /// `extract` runs them, with or without the modality model.
    static func modalities(_ text: String, model: ModalityModel?) throws -> [String] {
        var document = Document(metadata: Metadata(published: Timestamp(year: 2025, month: 4, day: 11)), text: text,
                                blocks: Segmenter.paragraphs(of: text).map { Block(kind: .paragraph, span: $0) }, layers: [.text])
        try Pipeline([Segmenter(), EntityRecognizer(), DateRecognizer(), MoneyRecognizer(), QuoteDetector(),
                      EventDetector(typeModel: .shared, modalityModel: model)]).run(&document)
        return document.events.map { "\($0.type.rawValue) \($0.modality.rawValue)" }
    }

    /// Where the rules' cue words mislead: "used a meeting … to demand" is a demand made, not one
    /// intended ("to" before the trigger); "would never lay down" is a refusal stated, not a
    /// refusal denied ("never" before the trigger).
    @Test(arguments: [
        ("Defence Secretary Pete Hegseth used a meeting with NATO counterparts in Brussels on Thursday to demand that European allies spend far more on defence.",
         "DEMAND planned", "DEMAND asserted"),
        ("Hamas said it would never lay down its weapons.", "REJECT denied", "REJECT asserted"),
    ])
    func theModelCorrectsTheRules(text: String, rules: String, model: String) throws {
        let shipped = try #require(ModalityModel.shared)
        #expect(try Self.modalities(text, model: nil).contains(rules))
        #expect(try Self.modalities(text, model: shipped).contains(model))
    }

    /// Where the rules are right, the model agrees with them.
    @Test(arguments: [
        ("Russia has not formally accepted the proposal for a 30-day ceasefire, Kremlin spokesman Dmitry Peskov said.", "AGREE denied"),
        ("If Hamas refuses the offer, Israel could expand its offensive in Gaza City.", "REJECT hypothetical"),
        ("The Foreign Office said Britain would send 5,000 air defence missiles to Ukraine over the next year.", "AID planned"),
        ("Pakistani officials said Indian missiles struck six sites overnight, killing 26 civilians.", "FIGHT reported"),
        ("The European Union imposed new sanctions on Russian banks on Tuesday.", "SANCTION asserted"),
    ])
    func theModelKeepsWhatTheRulesGetRight(text: String, expected: String) throws {
        let shipped = try #require(ModalityModel.shared)
        #expect(try Self.modalities(text, model: nil).contains(expected))
        #expect(try Self.modalities(text, model: shipped).contains(expected))
    }

    /// An event whose trigger lies outside its sentence (a quotation's act, whose trigger is the
    /// quotation) keeps the rules' modality rather than being read from the wrong words.
    @Test func anEventWhoseTriggerIsNotInItsSentenceIsLeftAlone() throws {
        let model = try #require(ModalityModel(tsv: Self.small))
        let text = "“Stop now,” she said. Then she left."
        let document = Document(text: text, layers: [.text])
        let event = Event(id: Event.ID(rawValue: "V1"), type: .demand, modality: .planned, actors: [], targets: [],
                          sentence: TextSpan(start: 22, end: 36), trigger: TextSpan(start: 0, end: 11), confidence: 0.5)
        #expect(model.revise([event], in: document).first?.modality == .planned)
        var inside = event
        inside.trigger = TextSpan(start: 27, end: 31)  // "she " … a trigger inside the sentence is revised
        #expect(model.revise([inside], in: document).first?.modality == .asserted)
    }
}

/// The sentence's words found once give, for any stretch of it, what reading that stretch alone gives.
@Suite("Sentence words")
struct SentenceWordsTests {
    @Test(arguments: [
        "Zelenskyy’s envoy met Erdoğan in İstanbul on 3 March, a week after the talks in Jeddah.",
        "ÉLYSÉE: Macron's “coalition of the willing” — 26 states — would deploy troops after a ceasefire_deal.",
        "a b cd  e",
        "",
    ])
    func anyStretchReadsAsItsSlice(sentence: String) {
        let text = Array(sentence.unicodeScalars)
        let words = SentenceWords(text, start: 0, end: text.count)
        for lower in 0...text.count {
            for upper in lower...text.count {
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: text[lower..<upper])
                #expect(words.words(from: lower, to: upper) == EventTypeModel.words(String(slice)[...]), "\(lower)..<\(upper)")
                // A word given by its run is that run's word whole (what the models look up by the run).
                let span = words.span(from: lower, to: upper)
                for k in 0..<span.count {
                    if let run = span.run(k) { #expect(words.runs[run].word == span.word(k), "\(lower)..<\(upper) word \(k)") }
                }
            }
        }
        #expect(words.words(from: 5, to: 2).isEmpty)
    }
}
