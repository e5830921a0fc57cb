import BackchannelCore
import BackchannelDates
import BackchannelEntities
import BackchannelMoney
import BackchannelQuotes
import BackchannelSegment
import Testing

@testable import BackchannelEvents

/// The event stage reads words before and after its triggers by position, in hundreds of places:
/// texts put together at random from the pieces its rules look for (names, triggers, relative
/// clauses, possessives, charges, modals, quotation marks, dates, numbers) must never stop it,
/// and what it gives must point into the document.
@Suite("event stage robustness")
struct EventRobustnessTests {
    static let pieces = [
        "Russia", "Ukraine", "Kigali", "the Kremlin", "Russia’s refusal", "Kyiv's rejection", "Moscow’s rejection of", "Iran's demand", "Volodymyr Zelensky", "Kyiv's general staff", "the UAE", "Hamas", "Israel",
        "said", "told reporters", "rejected", "rejects", "denies", "denied that", "agreed", "agreed in principle to", "accepted",
        "demanded", "asked", "urged", "must", "has to", "should", "would have to be", "lifted", "signed", "proposed by", "hosted",
        "struck", "the strike hit", "killed 12 civilians", "shelled", "sanctions on", "a ceasefire", "the truce", "proposal for",
        "demand", "at the request of", "a charge", "an accusation that", "which", "that", "who", ",", ".", ";", ":", "’s", "'s",
        "“", "”", "\"", "(", ")", "—", "on Friday", "last week", "April 11", "in 2024", "$5bn", "30-day", "not", "never", "and", "or",
        "the", "a", "to", "of", "by", "with", "in Istanbul", "at once", "until", "while", "if", "\n\n", "🤝", "e\u{301}", "",
    ]

    @Test(arguments: 0..<300)
    func randomTextsNeverBreakTheStage(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 0x9E37)
        let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined(separator: " ")
        var document = Document(metadata: Metadata(published: Timestamp(year: 2025, month: 4, day: 11)), text: text,
                                blocks: Segmenter.paragraphs(of: text).map { Block(kind: .paragraph, span: $0) }, layers: [.text])
        try Pipeline([Segmenter(), EntityRecognizer(), DateRecognizer(), MoneyRecognizer(), QuoteDetector(),
                      EventDetector(typeModel: .shared, modalityModel: .shared, dateModel: .shared, placeModel: .shared, targetModel: .shared)])
            .run(&document)
        let count = text.scalarCount
        let entities = Set(document.entities.map(\.id))
        for event in document.events {
            #expect(event.sentence.start >= 0 && event.sentence.end <= count && !event.sentence.isEmpty, "\(text)")
            #expect(event.sentence.contains(event.trigger) || event.sentence.overlaps(event.trigger), "\(text)")
            #expect((event.actors + event.targets + [event.place].compactMap { $0 }).allSatisfy(entities.contains), "\(text)")
            if let position = event.position {
                #expect([position.holder, position.addressee].compactMap { $0 }.allSatisfy(entities.contains), "\(text)")
                #expect(position.issue.map { !$0.isEmpty && $0.count <= 200 } ?? true, "\(text)")
            }
            #expect((0...1).contains(event.confidence), "\(text)")
        }
    }
}
