import BackchannelCore
import Foundation

/// Where an event happened: nowhere named, the place the rules chose, or another place its
/// sentence names. A logistic regression scores each candidate from the rules' choice and the
/// words around the place, trained on the corpus's gold events by
/// `scripts/train_event_places.py` and shipped as `Resources/event-places.tsv`; the
/// best-scoring candidate is the event's place.
///
/// The rules take a place named after "in", "at" or "near" in the sentence. The model weighs
/// that choice against the words before and after each place of the sentence, what stands
/// between it and the trigger, whether it is one of the event's parties, and the event's type.
/// Measured leaving one corpus split out at a time, it chose the gold place more often than the
/// rules (docs/benchmarks.md, "Eighteenth session").
public struct EventPlaceModel: Sendable {
    let scorer: LinearScorer

    /// The model shipped with Backchannel, or nil when the resource is missing or unreadable.
    public static let shared: EventPlaceModel? = {
        guard let url = Bundle.module.url(forResource: "event-places", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return EventPlaceModel(tsv: text)
    }()

    /// Reads the format `scripts/train_event_places.py` writes (``LinearScorer``'s); nil when it is malformed.
    public init?(tsv text: String) {
        guard let scorer = LinearScorer(tsv: text) else { return nil }
        self.scorer = scorer
    }

    /// The types of entity that can be an event's place.
    static let placeTypes: Set<EntityType> = [.gpe, .loc, .fac]

    /// The candidates for an event, in the trainer's order: no place, then each place the
    /// sentence names (in the order of the document's entities, read at its mention nearest the
    /// trigger), then the rules' place when it is none of those.
    static func candidates(for event: Event, entities: [Entity], words sentenceWords: SentenceWords) -> [(place: Entity.ID?, features: [String])] {
        candidates(for: event, places: places(in: event.sentence, of: entities), words: sentenceWords)
    }

    /// The place entities with a mention in `sentence`, and those mentions, in the entities' order.
    static func places(in sentence: TextSpan, of entities: [Entity]) -> [(entity: Entity, mentions: [TextSpan])] {
        named(in: sentence, of: entities, types: placeTypes)
    }

    /// The entities of `types` with a mention in `sentence`, and those mentions, in the entities' order.
    static func named(in sentence: TextSpan, of entities: [Entity], types: Set<EntityType>) -> [(entity: Entity, mentions: [TextSpan])] {
        entities.compactMap { entity in
            guard types.contains(entity.type) else { return nil }
            let inside = entity.mentions.lazy.map(\.span).filter { sentence.start <= $0.start && $0.end <= sentence.end }
            return inside.isEmpty ? nil : (entity, Array(inside))
        }
    }

    /// The same with the sentence's places found already (``places(in:of:)``).
    static func candidates(for event: Event, places: [(entity: Entity, mentions: [TextSpan])],
                           words sentenceWords: SentenceWords) -> [(place: Entity.ID?, features: [String])] {
        candidates(for: event, places: places, words: sentenceWords, empty: FeatureNames()).map { ($0.place, $0.features.names) }
    }

    /// The candidates with their features written into copies of `empty`.
    static func candidates<Features: FeatureSink>(for event: Event, places: [(entity: Entity, mentions: [TextSpan])],
                                                  words sentenceWords: SentenceWords, empty: Features) -> [(place: Entity.ID?, features: Features)] {
        let type = event.type.rawValue
        let rule = event.place
        var none = empty
        none.add("k=none")
        none.add("ty=" + type)
        if rule == nil { none.add("rule_none") }
        var candidates: [(place: Entity.ID?, features: Features)] = [(nil, none)]
        for (entity, inside) in places {
            guard let context = Self.context(of: inside, event: event, words: sentenceWords) else { continue }
            var features = empty
            features.add("k=ent")
            features.add("et=" + entity.type.rawValue)
            features.add("side=" + context.side)
            features.add("dist=" + context.distance)
            features.add("sd=\(context.side)_\(context.distance)")
            features.add("m_ty=" + type)
            context.add(to: &features)
            if event.actors.contains(entity.id) || event.targets.contains(entity.id) { features.add("is_actor") }
            candidates.append((entity.id, features))
        }
        if let rule, !candidates.contains(where: { $0.place == rule }) {
            var only = empty
            only.add("k=ruleonly")
            candidates.append((rule, only))
        }
        if let k = candidates.firstIndex(where: { $0.place == rule }) { candidates[k].features.add("is_rule") }
        return candidates
    }

    /// Where an entity stands from an event's trigger, read at its mention nearest the trigger
    /// (the first of the nearest, as Python's min takes it): the side, the bucket of the words
    /// between, and the words around it. What the place and target models read of each
    /// candidate entity.
    struct Context {
        let side: String, distance: String
        let before: WordSpan, after: WordSpan, between: WordSpan

        /// The features of the words around the entity: w1, w2 before it, a1 after it, bw the
        /// first eight between it and the trigger.
        func add<Features: FeatureSink>(to features: inout Features) {
            features.addContext(before: before, after: after, between: between, limit: 8)
        }
    }

    static func context(of mentions: [TextSpan], event: Event, words sentenceWords: SentenceWords) -> Context? {
        let sentence = event.sentence, trigger = event.trigger
        func words(_ start: Int, _ end: Int) -> WordSpan { sentenceWords.span(from: start, to: end) }
        guard let m = mentions.min(by: { abs($0.start - trigger.start) < abs($1.start - trigger.start) }) else { return nil }
        let side = m.start >= trigger.end ? "after" : "before"
        let between = side == "before" ? words(m.end, trigger.start) : words(trigger.end, m.start)
        return Context(side: side, distance: EventDateModel.bucket(between.count),
                       before: words(sentence.start, m.start), after: words(m.end, sentence.end), between: between)
    }

    /// Each event's place revised by the model.
    func revise(_ events: [Event], in document: Document) -> [Event] {
        let text = Array(document.text.unicodeScalars)
        return revise(events, in: document, words: SentenceWords.ofSentences(of: events, text: text))
    }

    /// Each event's place chosen by the model among its candidates; `words` holds each event's
    /// sentence's words.
    func revise(_ events: [Event], in document: Document, words sentences: [SentenceWords]) -> [Event] {
        var last: (sentence: TextSpan, places: [(entity: Entity, mentions: [TextSpan])], indices: [Int32])?
        return zip(events, sentences).map { event, words in
            // (A quotation's act, whose trigger is the quotation, keeps the rules' place, as the trainer leaves it out.)
            guard event.sentence.start <= event.trigger.start, event.trigger.end <= event.sentence.end else { return event }
            // (Events come by sentence: each sentence's places and words are found once.)
            if last?.sentence != event.sentence {
                last = (event.sentence, Self.places(in: event.sentence, of: document.entities), scorer.table.vocabularyIndices(of: words))
            }
            let candidates = Self.candidates(for: event, places: last!.places, words: words, empty: FeatureRows(scorer.table, words: last!.indices))
            var revised = event
            revised.place = candidates[scorer.best(candidates.map(\.features))].place
            return revised
        }
    }
}
