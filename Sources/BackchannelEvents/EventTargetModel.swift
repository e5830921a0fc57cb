import BackchannelCore
import Foundation

/// Whom an event was done to: no one named, the targets the rules chose, or another person,
/// body, state or group its sentence names. A logistic regression scores each candidate from
/// the rules' choice and the words around it, trained on the corpus's gold events by
/// `scripts/train_event_targets.py` and shipped as `Resources/event-targets.tsv`; the
/// best-scoring candidate is the event's targets.
///
/// The rules take the first such entity after the trigger. The model weighs that choice against
/// each entity of the sentence: on which side of the trigger it stands and how far, the words
/// before, after and between, its type, whether it is one of the event's actors, and the event's
/// type. Measured leaving one corpus split out at a time, it chose the gold targets more often
/// than the rules (docs/benchmarks.md, "Eighteenth session").
public struct EventTargetModel: Sendable {
    let scorer: LinearScorer

    /// The model shipped with Backchannel, or nil when the resource is missing or unreadable.
    public static let shared: EventTargetModel? = {
        guard let url = Bundle.module.url(forResource: "event-targets", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return EventTargetModel(tsv: text)
    }()

    /// Reads the format `scripts/train_event_targets.py` writes (``LinearScorer``'s); nil when it is malformed.
    public init?(tsv text: String) {
        guard let scorer = LinearScorer(tsv: text) else { return nil }
        self.scorer = scorer
    }

    /// The types of entity that can be an event's target.
    static let targetTypes: Set<EntityType> = [.person, .org, .gpe, .norp]

    /// The candidates for an event, in the trainer's order: no target, then each person, body,
    /// state or group the sentence names (in the order of the document's entities, read at its
    /// mention nearest the trigger), then the rules' targets when they are none of those (two or
    /// more, or one the sentence does not name).
    static func candidates(for event: Event, entities: [Entity], words sentenceWords: SentenceWords) -> [(targets: [Entity.ID], features: [String])] {
        candidates(for: event, named: EventPlaceModel.named(in: event.sentence, of: entities, types: targetTypes), words: sentenceWords)
    }

    /// The same with the sentence's people, bodies, states and groups found already
    /// (``EventPlaceModel/named(in:of:types:)``).
    static func candidates(for event: Event, named: [(entity: Entity, mentions: [TextSpan])],
                           words sentenceWords: SentenceWords) -> [(targets: [Entity.ID], features: [String])] {
        candidates(for: event, named: named, words: sentenceWords, empty: FeatureNames()).map { ($0.targets, $0.features.names) }
    }

    /// The candidates with their features written into copies of `empty`.
    static func candidates<Features: FeatureSink>(for event: Event, named: [(entity: Entity, mentions: [TextSpan])],
                                                  words sentenceWords: SentenceWords, empty: Features) -> [(targets: [Entity.ID], features: Features)] {
        let type = event.type.rawValue
        let rule = event.targets
        var none = empty
        none.add("k=none")
        none.add("ty=" + type)
        if rule.isEmpty { none.add("rule_none") }
        var candidates: [(targets: [Entity.ID], features: Features)] = [([], none)]
        for (entity, inside) in named {
            guard let context = EventPlaceModel.context(of: inside, event: event, words: sentenceWords) else { continue }
            let kind = entity.type.rawValue
            var features = empty
            features.add("k=ent")
            features.add("et=" + kind)
            features.add("side=" + context.side)
            features.add("dist=" + context.distance)
            features.add("sd=\(context.side)_\(context.distance)")
            features.add("m_ty=" + type)
            features.add("ty_side_et=\(type)_\(context.side)_\(kind)")
            context.add(to: &features)
            if event.actors.contains(entity.id) { features.add("is_actor") }
            if rule.contains(entity.id) { features.add("in_rule") }
            if rule.first == entity.id { features.add("rule0") }
            candidates.append(([entity.id], features))
        }
        if !candidates.contains(where: { $0.targets == rule }) {
            var set = empty
            set.add("k=ruleset")
            // (What kind of event has several targets: "Oman hosted talks between the United
            // States and Iran" — a mediation's are its parties.)
            set.add("rs_ty=" + type)
            if let mode = event.mode { set.add("rs_mode=" + mode) }
            candidates.append((rule, set))
        }
        if let k = candidates.firstIndex(where: { $0.targets == rule }) { candidates[k].features.add("is_rule") }
        return candidates
    }

    /// Each event's targets revised by the model.
    func revise(_ events: [Event], in document: Document) -> [Event] {
        let text = Array(document.text.unicodeScalars)
        return revise(events, in: document, words: SentenceWords.ofSentences(of: events, text: text))
    }

    /// Each event's targets chosen by the model among its candidates; `words` holds each event's
    /// sentence's words. A position addressed to the rules' first target is addressed to the
    /// chosen first target.
    func revise(_ events: [Event], in document: Document, words sentences: [SentenceWords]) -> [Event] {
        var last: (sentence: TextSpan, named: [(entity: Entity, mentions: [TextSpan])], indices: [Int32])?
        return zip(events, sentences).map { event, words in
            // (A quotation's act, whose trigger is the quotation, keeps the rules' targets, as the trainer leaves it out.)
            guard event.sentence.start <= event.trigger.start, event.trigger.end <= event.sentence.end else { return event }
            // (Events come by sentence: each sentence's entities and words are found once.)
            if last?.sentence != event.sentence {
                last = (event.sentence, EventPlaceModel.named(in: event.sentence, of: document.entities, types: Self.targetTypes),
                        scorer.table.vocabularyIndices(of: words))
            }
            let candidates = Self.candidates(for: event, named: last!.named, words: words, empty: FeatureRows(scorer.table, words: last!.indices))
            let targets = candidates[scorer.best(candidates.map(\.features))].targets
            guard targets != event.targets else { return event }
            var revised = event
            revised.targets = targets
            if revised.position?.addressee == event.targets.first { revised.position?.addressee = targets.first }
            return revised
        }
    }
}
