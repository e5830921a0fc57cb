import BackchannelCore
import Testing

@testable import BackchannelEvents

/// The models score `extract`'s events by the rows their features' parts lead to
/// (``FeatureRows``), and the trainers and tests read the same features by name
/// (``FeatureNames``): both must find the same rows.
@Suite("Feature tables")
struct FeatureTableTests {
    /// The rows a candidate's names lead to, each once.
    static func rows(_ names: [String], _ table: FeatureTable) -> Set<Int> {
        Set(names.compactMap { table.names.index(of: $0) })
    }

    @Test func aWordFeatureIsFoundByItsPartsAndAnyOtherByItsName() throws {
        let names: WordSet = ["k=none", "bw=talks", "w1=in", "bw=in", "a1=doha", "sd=after_2", "w2="]
        let table = FeatureTable(names, prefixes: ContextWords.all)
        #expect(Set(table.vocabulary.words) == ["talks", "in", "doha", ""])
        let text = Array("Talks in Doha".unicodeScalars)
        let words = SentenceWords(text, start: 0, end: text.count)
        var rows = FeatureRows(table, words: table.vocabularyIndices(of: words))
        let span = words.span(from: 0, to: text.count)
        rows.add(ContextWords.bw, span, 0)   // bw=talks
        rows.add(ContextWords.bw, span, 1)   // bw=in
        rows.add(ContextWords.w1, span, 1)   // w1=in
        rows.add(ContextWords.a1, span, 2)   // a1=doha
        rows.add(ContextWords.w1, span, 2)   // w1=doha: no such feature
        rows.add("sd=after_2")
        rows.add("sd=after_3")              // no such feature
        #expect(rows.rows == [1, 3, 2, 4, 5])
        // A word the stretch cuts is looked up by its text: "alk" of "Talks".
        var cut = FeatureRows(table, words: table.vocabularyIndices(of: words))
        let inside = words.span(from: 1, to: 4)
        #expect(inside.count == 1 && inside.run(0) == nil && inside.word(0) == "alk")
        cut.add(ContextWords.bw, inside, 0)
        #expect(cut.rows.isEmpty)
    }

    /// A sentence's words looked up once in the models' shared vocabulary give each model the
    /// positions its own vocabulary gives them.
    @Test func aSharedVocabularyGivesEachTableItsOwnPositions() throws {
        let first = FeatureTable(["bw=talks", "w1=in", "k=none"], prefixes: ContextWords.all)
        let second = FeatureTable(["a1=doha", "bw=in", "bw=geneva"], prefixes: ContextWords.all)
        let shared = SharedVocabulary([first, second])
        #expect(Set(shared.words.words) == ["talks", "in", "doha", "geneva"])
        let text = Array("Talks in Doha went on, and in Geneva.".unicodeScalars)
        let event = Event(id: Event.ID(rawValue: "V1"), type: .consult, sentence: TextSpan(start: 0, end: text.count),
                          trigger: TextSpan(start: 0, end: 5), confidence: 0.8)
        let plain = SentenceWords.ofSentences(of: [event], text: text)[0]
        let looked = SentenceWords.ofSentences(of: [event], text: text, vocabulary: shared)[0]
        #expect(plain.shared == nil && looked.shared?.indices.count == looked.runs.count)
        for table in [first, second] {
            #expect(table.vocabularyIndices(of: looked) == table.vocabularyIndices(of: plain))
            #expect(table.vocabularyIndices(of: looked).contains { $0 >= 0 })
        }
        // A table the set was not built with looks the words up itself.
        let other = FeatureTable(["bw=went"], prefixes: ContextWords.all)
        #expect(other.vocabularyIndices(of: looked) == other.vocabularyIndices(of: plain))
        #expect(other.vocabularyIndices(of: looked).contains(0))
    }

    @Test func theTargetModelsRowsAreThoseOfItsNames() throws {
        let model = try #require(EventTargetModel.shared)
        let text = Array(EventTargetModelTests.text.unicodeScalars)
        let words = SentenceWords(text, start: 0, end: text.count)
        let event = EventTargetModelTests.strike
        let named = EventPlaceModel.named(in: event.sentence, of: EventTargetModelTests.entities, types: EventTargetModel.targetTypes)
        let byName = EventTargetModel.candidates(for: event, named: named, words: words)
        let byRow = EventTargetModel.candidates(for: event, named: named, words: words,
                                                empty: FeatureRows(model.scorer.table, words: model.scorer.table.vocabularyIndices(of: words)))
        #expect(byName.map(\.targets) == byRow.map(\.targets))
        #expect(byName.map { Self.rows($0.features, model.scorer.table) } == byRow.map { Set($0.features.rows) })
        // (The example's words are in the shipped model: the comparison is not of empty sets.)
        #expect(byRow.allSatisfy { !$0.features.rows.isEmpty })
    }

    @Test func thePlaceAndDateModelsRowsAreThoseOfTheirNames() throws {
        let places = try #require(EventPlaceModel.shared)
        let text = Array(EventPlaceModelTests.text.unicodeScalars)
        let words = SentenceWords(text, start: 0, end: text.count)
        let meeting = EventPlaceModelTests.meeting
        let found = EventPlaceModel.places(in: meeting.sentence, of: EventPlaceModelTests.entities)
        let byName = EventPlaceModel.candidates(for: meeting, places: found, words: words)
        let byRow = EventPlaceModel.candidates(for: meeting, places: found, words: words,
                                               empty: FeatureRows(places.scorer.table, words: places.scorer.table.vocabularyIndices(of: words)))
        #expect(byName.map { Self.rows($0.features, places.scorer.table) } == byRow.map { Set($0.features.rows) })

        let dates = try #require(EventDateModel.shared)
        let dateText = Array(EventDateModelTests.text.unicodeScalars)
        let dateWords = SentenceWords(dateText, start: 0, end: dateText.count)
        let mentions = [EventDateModelTests.monday, EventDateModelTests.march]
        let namedDates = EventDateModel.candidates(for: EventDateModelTests.meeting, dates: mentions, text: dateText, words: dateWords)
        let rowDates = EventDateModel.candidates(for: EventDateModelTests.meeting, dates: mentions, text: dateText, words: dateWords,
                                                 empty: FeatureRows(dates.scorer.table, words: dates.scorer.table.vocabularyIndices(of: dateWords)))
        #expect(namedDates.map(\.value) == rowDates.map(\.value))
        #expect(namedDates.map { Self.rows($0.features, dates.scorer.table) } == rowDates.map { Set($0.features.rows) })
    }

    @Test func theModalityModelsRowsAreThoseOfItsNames() throws {
        let model = try #require(ModalityModel.shared)
        let before = "Officials said the two envoys are expected to ", trigger = "meet", after = " in Doha, according to a diplomat."
        let names = ModalityModel.features(rule: .asserted, type: .consult, before: before[...], trigger: trigger[...], after: after[...], inQuote: true)
        let text = Array((before + trigger + after).unicodeScalars)
        let b = before.unicodeScalars.count, t = trigger.unicodeScalars.count
        let words = SentenceWords(text, start: 0, end: text.count)
        var rows = FeatureRows(model.table, words: model.table.vocabularyIndices(of: words))
        ModalityModel.features(rule: .asserted, type: .consult, before: words.span(from: 0, to: b), trigger: words.span(from: b, to: b + t),
                               after: words.span(from: b + t, to: text.count), inQuote: true, into: &rows)
        #expect(Self.rows(names, model.table) == Set(rows.rows))
        #expect(rows.rows.count > 10)
    }
}
