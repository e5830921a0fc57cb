import Foundation
import Testing

@testable import BackchannelCore

@Suite("Text spans")
struct TextSpanTests {
    @Test func offsetsCountUnicodeScalars() {
        let text = "Zelenskyy 🤝 Kyiv — e\u{301}té"
        // "🤝" is one scalar (two UTF-16 units); "e\u{301}" is two scalars (one Character).
        #expect(text.slice(TextSpan(start: 10, end: 11)) == "🤝")
        #expect(text.slice(TextSpan(start: 12, end: 16)) == "Kyiv")
        #expect(text.slice(TextSpan(start: 19, end: 21)) == "e\u{301}")
        #expect(text.scalarCount == 23)
    }

    @Test func slicingOutOfBoundsClamps() {
        #expect("abc".slice(TextSpan(start: 2, end: 10)) == "c")
        #expect("abc".slice(TextSpan(start: 5, end: 9)) == "")
    }

    @Test func overlapAndContainment() {
        let a = TextSpan(start: 0, end: 10), b = TextSpan(start: 5, end: 7), c = TextSpan(start: 10, end: 12)
        #expect(a.contains(b) && !b.contains(a))
        #expect(a.overlaps(b) && !a.overlaps(c))
        #expect([c, b, a].sorted() == [a, b, c])
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test func dayAndTimeForms() throws {
        let day = try #require(Timestamp(year: 2025, month: 4, day: 11))
        #expect(day.description == "2025-04-11")
        let time = Timestamp(date: day.date.addingTimeInterval(18 * 3600 + 20 * 60), precision: .time, utcOffset: 3 * 3600)
        #expect(time.description == "2025-04-11T21:20:00+03:00")
        #expect(Timestamp(year: 2025, month: 2, day: 29) == nil)
    }
}

@Suite("Text statistics")
struct TextStatisticsTests {
    @Test(arguments: [
        ("", 0, 0),
        ("Trump's envoy met Putin.", 4, 1),             // possessive stays one word
        ("a so-called “truce” — 30-day", 4, 1),         // hyphenated words and numbers
        (String(repeating: "word ", count: 231), 231, 2), // 230 words a minute, rounded up
    ])
    func wordsAndMinutes(text: String, words: Int, minutes: Int) {
        let stats = TextStatistics(text: text)
        #expect(stats.wordCount == words)
        #expect(stats.readingMinutes == minutes)
    }
}

@Suite("Pipeline assembly")
struct PipelineTests {
    struct FakeStage: Stage {
        var name: String
        var requires: Set<Layer>
        var provides: Set<Layer>
        var adds: Set<Layer>
        func process(_ document: inout Document) throws(StageError) { document.layers.formUnion(adds) }
    }

    @Test func missingRequirementIsRefusedAtAssembly() {
        let entities = FakeStage(name: "entities", requires: [.sentences], provides: [.entities], adds: [.entities])
        #expect(throws: Pipeline.AssemblyError.missingLayers(stage: "entities", missing: [.sentences])) {
            try Pipeline([entities])
        }
    }

    @Test func stageThatDoesNotAddItsLayerFails() throws {
        let liar = FakeStage(name: "sentences", requires: [.text], provides: [.sentences], adds: [])
        let pipeline = try Pipeline([liar])
        var document = Document(text: "Text.", layers: [.text])
        #expect(throws: StageError.self) { try pipeline.run(&document) }
    }

    @Test func stagesRunInOrder() throws {
        let a = FakeStage(name: "sentences", requires: [.text], provides: [.sentences], adds: [.sentences])
        let b = FakeStage(name: "entities", requires: [.sentences], provides: [.entities], adds: [.entities])
        var document = Document(text: "Text.", layers: [.text])
        try Pipeline([a, b]).run(&document)
        #expect(document.layers == [.text, .sentences, .entities])
    }

    @Test func documentIDIsStable() {
        let a = Document(metadata: Metadata(url: "https://example.org/a"), text: "one")
        let b = Document(metadata: Metadata(url: "https://example.org/a"), text: "two")
        #expect(a.id == b.id)
        #expect(Document(text: "one").id != Document(text: "two").id)
        #expect(a.id.rawValue.count == 16)
    }
}
