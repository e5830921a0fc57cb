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
    /// How far the analysis goes after extraction.
    public enum Analysis: String, Sendable, CaseIterable {
        /// Extraction only: the article's text and metadata.
        case none
        /// Sentences, tokens, entities, dates and money: who, where, when and how much.
        case language
        /// The language stages, then quotes and events (the default).
        case full
    }

    public var analysis: Analysis

    /// Whether events keep the modality their rules give (no modality model): what
    /// `scripts/train_modality.py` trains the model from.
    public var ruleModality = false

    /// Whether events keep the date their rules give (no date model): what
    /// `scripts/train_event_dates.py` trains the model from.
    public var ruleDates = false

    /// Whether events keep the place their rules give (no place model): what
    /// `scripts/train_event_places.py` trains the model from.
    public var rulePlaces = false

    /// Whether events keep the targets their rules give (no target model): what
    /// `scripts/train_event_targets.py` trains the model from.
    public var ruleTargets = false

    /// Whether any analysis runs: false is ``Analysis/none``, true ``Analysis/full``.
    public var analyse: Bool {
        get { analysis != .none }
        set { analysis = newValue ? .full : .none }
    }

    public init(analyse: Bool = true) {
        analysis = analyse ? .full : .none
    }

    public init(analysis: Analysis) {
        self.analysis = analysis
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
    public static func resourceProblems(typeModel: EventTypeModel? = .shared, modalityModel: ModalityModel? = .shared,
                                        dateModel: EventDateModel? = .shared, placeModel: EventPlaceModel? = .shared,
                                        targetModel: EventTargetModel? = .shared) -> [String] {
        var problems: [String] = []
        if typeModel == nil {
            problems.append("the event-type model (Backchannel_BackchannelEvents.resources/event-types.tsv) could not be loaded: events come from the trigger rules alone")
        }
        if modalityModel == nil {
            problems.append("the modality model (Backchannel_BackchannelEvents.resources/modality.tsv) could not be loaded: events keep the rules' modality")
        }
        if dateModel == nil {
            problems.append("the event-date model (Backchannel_BackchannelEvents.resources/event-dates.tsv) could not be loaded: events keep the rules' date")
        }
        if placeModel == nil {
            problems.append("the event-place model (Backchannel_BackchannelEvents.resources/event-places.tsv) could not be loaded: events keep the rules' place")
        }
        if targetModel == nil {
            problems.append("the event-target model (Backchannel_BackchannelEvents.resources/event-targets.tsv) could not be loaded: events keep the rules' targets")
        }
        return problems
    }

    public static func make(_ options: PipelineOptions = PipelineOptions()) -> Pipeline {
        // Assembly cannot fail: the order above satisfies every requirement (checked by a test).
        let language: [any Stage] = [Segmenter(), EntityRecognizer(), DateRecognizer(), MoneyRecognizer()]
        switch options.analysis {
        case .none: return try! Pipeline([])
        case .language: return try! Pipeline(language)
        case .full:
            let events = EventDetector(modalityModel: options.ruleModality ? nil : .shared, dateModel: options.ruleDates ? nil : .shared,
                                       placeModel: options.rulePlaces ? nil : .shared, targetModel: options.ruleTargets ? nil : .shared)
            return try! Pipeline(language + [QuoteDetector(), events])
        }
    }
}
