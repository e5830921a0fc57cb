import BackchannelCore
import BackchannelDates
import BackchannelEntities
import BackchannelMoney
import BackchannelQuotes
import BackchannelSegment
import Testing

@testable import BackchannelEvents

/// The learned chooser of each event's date among its sentence's dates.
@Suite("Event date model")
struct EventDateModelTests {
    static let text = "On Monday the envoys met in Doha, a week after talks in March 2024 broke down."
    static let monday = DateMention(span: TextSpan(start: 3, end: 9), value: "2025-04-07", granularity: .day, relative: true)
    static let march = DateMention(span: TextSpan(start: 56, end: 66), value: "2024-03", granularity: .month)
    static let meeting = Event(id: Event.ID(rawValue: "V1"), type: .consult, modality: .asserted, date: monday,
                               sentence: TextSpan(start: 0, end: 78), trigger: TextSpan(start: 21, end: 24), confidence: 0.8)

    /// The candidates and their features are the trainer's (`scripts/train_event_dates.py
    /// --selftest` checks the same example): the Swift and Python sides read one event alike.
    @Test func candidatesAreTheTrainers() {
        let candidates = EventDateModel.candidates(for: Self.meeting, dates: [Self.monday, Self.march], text: Array(Self.text.unicodeScalars))
        #expect(candidates.map(\.value) == [nil, "2025-04-07", "2024-03"])
        #expect(candidates.map(\.features) == [
            ["k=none", "n_lead=0", "n_tw=met", "nd=2", "n_ty=CONSULT", "n_mod=asserted"],
            ["k=mention", "side=before", "dist=3", "side_dist=before_3", "gran=day", "rel=True", "appr=False",
             "w1=on", "a1=the", "bw=the", "bw=envoys", "m_ty=CONSULT", "m_mod=asserted", "is_rule"],
            ["k=mention", "side=after", "dist=4-7", "side_dist=after_4-7", "gran=month", "rel=False", "appr=False",
             "w1=in", "w2=talks", "a1=broke", "bw=in", "bw=doha", "bw=week", "bw=after", "bw=talks", "bw=in",
             "m_ty=CONSULT", "m_mod=asserted"],
        ])
    }

    /// No date from the rules marks the no-date candidate as theirs; a date of the rules that the
    /// sentence does not name ("the next day", counted from an earlier event) is a candidate too.
    @Test func theRulesChoiceIsAlwaysACandidate() {
        var undated = Self.meeting
        undated.date = nil
        let none = EventDateModel.candidates(for: undated, dates: [Self.monday], text: Array(Self.text.unicodeScalars))
        #expect(none[0].features.suffix(2) == ["rule_none", "is_rule"])
        var anchored = Self.meeting
        anchored.date = DateMention(span: TextSpan(start: 34, end: 40), value: "2025-04-09", granularity: .day, relative: true)
        let other = EventDateModel.candidates(for: anchored, dates: [Self.monday], text: Array(Self.text.unicodeScalars))
        #expect(other.map(\.value) == [nil, "2025-04-07", "2025-04-09"])
        #expect(other.last?.features == ["k=ruleonly", "is_rule"])
    }

    @Test func theBestCandidateIsTheDate() throws {
        var document = Document(text: Self.text, layers: [.text])
        document.dates = [Self.monday, Self.march]
        // A month after the trigger scores highest: March 2024.
        let months = try #require(EventDateModel(tsv: "intercept\t0\ngran=month\t1\nside=after\t0.5\n"))
        #expect(months.revise([Self.meeting], in: document).first?.date == Self.march)
        // Nothing but the no-date candidate scores above zero: no date.
        let none = try #require(EventDateModel(tsv: "intercept\t0\nk=none\t0.1\n"))
        #expect(none.revise([Self.meeting], in: document).first?.date == nil)
        // Equal scores: the first candidate (no date) wins, as numpy's argmax takes it.
        let flat = try #require(EventDateModel(tsv: "# nothing\nintercept\t1\n"))
        #expect(flat.revise([Self.meeting], in: document).first?.date == nil)
        // The rules' own choice kept keeps its mention as it was.
        let rules = try #require(EventDateModel(tsv: "intercept\t0\nis_rule\t1\n"))
        #expect(rules.revise([Self.meeting], in: document).first?.date == Self.monday)
    }

    @Test(arguments: [
        ("", "no intercept"),
        ("intercept\t0\ngran=day\tmany\n", "a weight that is no number"),
        ("intercept\t0\ngran=day\t1\t2\n", "two weights"),
        ("intercept\t0\ngran=day\t1\ngran=day\t2\n", "a feature written twice"),
    ])
    func aMalformedModelIsRefused(tsv: String, problem: String) {
        #expect(EventDateModel(tsv: tsv) == nil, "\(problem)")
    }

    @Test func theShippedModelLoads() throws {
        let model = try #require(EventDateModel.shared)
        #expect(model.scorer.features.count > 1000)
        #expect(model.scorer.features.contains("is_rule"))
    }

    /// The events of one paragraph through the real stages and shipped models, as `extract` runs
    /// them, with or without the date model: "type date" for each.
    static func dates(_ text: String, model: EventDateModel?) throws -> [String] {
        var document = Document(metadata: Metadata(published: Timestamp(year: 2025, month: 4, day: 11)), text: text,
                                blocks: Segmenter.paragraphs(of: text).map { Block(kind: .paragraph, span: $0) }, layers: [.text])
        try Pipeline([Segmenter(), EntityRecognizer(), DateRecognizer(), MoneyRecognizer(), QuoteDetector(),
                      EventDetector(typeModel: .shared, modalityModel: .shared, dateModel: model)]).run(&document)
        return document.events.map { "\($0.type.rawValue) \($0.date?.value ?? "-")" }
    }

    /// "who chairs the East African Community this year": the year dates the chairing, not the
    /// offer to host talks; the rules take the sentence's only date.
    @Test func aDateInARelativeClauseIsNotTheOffers() throws {
        let text = "Kenyan President William Ruto, who chairs the East African Community this year, has offered to host talks in Nairobi."
        #expect(try Self.dates(text, model: nil).contains("CONSULT 2025"))
        #expect(try Self.dates(text, model: .shared).contains("CONSULT -"))
    }

    /// Where the rules are right, the model agrees with them.
    @Test(arguments: [
        ("On Wednesday, Britain's foreign ministry summoned the Russian ambassador over the drone attack.", "DISAPPROVE 2025-04-09"),
        ("Israel and Hamas agreed to a ceasefire in January after 15 months of war.", "AGREE 2025-01"),
        ("India struck nine sites in Pakistan on May 7, two weeks after the attack in Pahalgam.", "FIGHT 2025-05-07"),
    ])
    func theModelKeepsWhatTheRulesGetRight(text: String, expected: String) throws {
        #expect(try Self.dates(text, model: nil).contains(expected))
        #expect(try Self.dates(text, model: .shared).contains(expected))
    }
}
