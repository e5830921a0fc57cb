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
        let type = event.type.rawValue
        let rule = event.place
        var candidates: [(place: Entity.ID?, features: [String])] = [(nil, ["k=none", "ty=" + type])]
        if rule == nil { candidates[0].features.append("rule_none") }
        let parties = Set(event.actors + event.targets)
        for (entity, inside) in places {
            guard let context = Self.context(of: inside, event: event, words: sentenceWords) else { continue }
            var features = ["k=ent", "et=" + entity.type.rawValue, "side=" + context.side, "dist=" + context.distance,
                            "sd=\(context.side)_\(context.distance)", "m_ty=" + type]
            features += context.words
            if parties.contains(entity.id) { features.append("is_actor") }
            candidates.append((entity.id, features))
        }
        if let rule, !candidates.contains(where: { $0.place == rule }) { candidates.append((rule, ["k=ruleonly"])) }
        if let k = candidates.firstIndex(where: { $0.place == rule }) { candidates[k].features.append("is_rule") }
        return candidates
    }

    /// Where an entity stands from an event's trigger, read at its mention nearest the trigger
    /// (the first of the nearest, as Python's min takes it): the side, the bucket of the words
    /// between, and the features of the words around it (w1, w2 before it, a1 after it, bw the
    /// first eight between). What the place and target models read of each candidate entity.
    static func context(of mentions: [TextSpan], event: Event, words sentenceWords: SentenceWords)
        -> (side: String, distance: String, words: [String])? {
        let sentence = event.sentence, trigger = event.trigger
        func words(_ start: Int, _ end: Int) -> [String] { sentenceWords.words(from: start, to: end) }
        guard let m = mentions.min(by: { abs($0.start - trigger.start) < abs($1.start - trigger.start) }) else { return nil }
        let side = m.start >= trigger.end ? "after" : "before"
        let between = side == "before" ? words(m.end, trigger.start) : words(trigger.end, m.start)
        var features: [String] = []
        let before = words(sentence.start, m.start), after = words(m.end, sentence.end)
        if let w = before.last { features.append("w1=" + w) }
        if before.count > 1 { features.append("w2=" + before[before.count - 2]) }
        if let w = after.first { features.append("a1=" + w) }
        features += between.prefix(8).map { "bw=" + $0 }
        return (side, EventDateModel.bucket(between.count), features)
    }

    /// Each event's place revised by the model.
    func revise(_ events: [Event], in document: Document) -> [Event] {
        let text = Array(document.text.unicodeScalars)
        return revise(events, in: document, words: SentenceWords.ofSentences(of: events, text: text))
    }

    /// Each event's place chosen by the model among its candidates; `words` holds each event's
    /// sentence's words.
    func revise(_ events: [Event], in document: Document, words sentences: [SentenceWords]) -> [Event] {
        var last: (sentence: TextSpan, places: [(entity: Entity, mentions: [TextSpan])])?
        return zip(events, sentences).map { event, words in
            // (A quotation's act, whose trigger is the quotation, keeps the rules' place, as the trainer leaves it out.)
            guard event.sentence.start <= event.trigger.start, event.trigger.end <= event.sentence.end else { return event }
            // (Events come by sentence: each sentence's places are found once.)
            if last?.sentence != event.sentence { last = (event.sentence, Self.places(in: event.sentence, of: document.entities)) }
            let candidates = Self.candidates(for: event, places: last!.places, words: words)
            var revised = event
            revised.place = candidates[scorer.best(candidates.map(\.features))].place
            return revised
        }
    }
}
