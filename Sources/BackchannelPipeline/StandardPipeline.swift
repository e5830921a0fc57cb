import BackchannelCore
import BackchannelDates
import BackchannelEntities
import BackchannelExtract
import BackchannelMoney
import BackchannelQuotes
import BackchannelEvents
import BackchannelSegment

/// What to run on each article.
public struct PipelineOptions: Sendable {
    /// Sentences, tokens, entities, dates and money (on by default). Off: extraction only.
    public var analyse = true

    public init(analyse: Bool = true) {
        self.analyse = analyse
    }
}

/// The stages Backchannel runs after extraction, in order:
///
/// | stage | requires | provides |
/// | --- | --- | --- |
/// | `Segmenter` | text | sentences, tokens |
/// | `EntityRecognizer` | tokens, sentences | entities |
/// | `DateRecognizer` | tokens | dates |
/// | `MoneyRecognizer` | tokens | money |
/// | `QuoteDetector` | tokens, sentences, entities | quotes |
/// | `EventDetector` | tokens, sentences, entities, dates, money, quotes | events |
public enum StandardPipeline {
    /// What is wrong with the resources the stages load, one line each (none when all is well):
    /// a type model that failed to load leaves the event stage on its trigger rules alone, which
    /// no output would otherwise show. (The entity model's absence stops the entity stage itself.)
    public static func resourceProblems(typeModel: EventTypeModel? = .shared) -> [String] {
        typeModel == nil
            ? ["the event-type model (Backchannel_BackchannelEvents.resources/event-types.tsv) could not be loaded: events come from the trigger rules alone"]
            : []
    }

    public static func make(_ options: PipelineOptions = PipelineOptions()) -> Pipeline {
        guard options.analyse else { return try! Pipeline([]) }
        // Assembly cannot fail: the order above satisfies every requirement (checked by a test).
        return try! Pipeline([Segmenter(), EntityRecognizer(), DateRecognizer(), MoneyRecognizer(), QuoteDetector(), EventDetector()])
    }
}
