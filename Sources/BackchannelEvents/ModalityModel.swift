import BackchannelCore
import Foundation

/// Whether an event is asserted, denied, planned, hypothetical or only reported, from the rules'
/// answer and the words around its trigger: a multinomial logistic regression trained on the
/// corpus's gold events by `scripts/train_modality.py` and shipped as `Resources/modality.tsv`.
///
/// The rules (``EventDetector``'s `modality`) read a few cue words before the trigger; the
/// model weighs their answer together with every word of the sentence, by where it stands
/// (right before the trigger, in the four words after it, anywhere before or after it), the
/// trigger's own words, the event type and whether the trigger is inside a quotation. Measured
/// leaving one corpus split out at a time, it chose the gold modality more often than the rules
/// in every split (docs/benchmarks.md, "Eighteenth session").
public struct ModalityModel: Sendable {
    /// The classes, in the order of each feature's weights.
    public let labels: [Event.Modality]
    let intercept: [Double]
    /// The feature names: feature `i`'s weights are `weights[i * labels.count ..< (i + 1) * labels.count]`.
    let features: WordSet
    let weights: [Double]

    /// The model shipped with Backchannel, or nil when the resource is missing or unreadable.
    public static let shared: ModalityModel? = {
        guard let url = Bundle.module.url(forResource: "modality", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return ModalityModel(tsv: text)
    }()

    /// Reads the format `scripts/train_modality.py` writes; nil when it is malformed:
    ///
    ///     # comment lines
    ///     labels <TAB> asserted <TAB> denied …
    ///     intercept <TAB> w1 <TAB> w2 …
    ///     <feature> <TAB> w1 <TAB> w2 …       one line per feature, a weight per label
    public init?(tsv text: String) {
        var labels: [Event.Modality] = []
        var intercept: [Double] = []
        var names: [String] = []
        var weights: [Double] = []
        let read = ModelTSV.forEachLine(text) { head, values in
            if head == "labels", labels.isEmpty {
                labels = values.compactMap { Event.Modality(rawValue: String(decoding: $0, as: UTF8.self)) }
                return !labels.isEmpty && labels.count == values.count
            }
            let numbers = values.compactMap { EventTypeModel.number($0) }
            guard !labels.isEmpty, numbers.count == labels.count, values.count == labels.count else { return false }
            if head == "intercept", intercept.isEmpty {
                intercept = numbers
            } else {
                names.append(head)
                weights += numbers
            }
            return true
        }
        guard read else { return nil }
        guard !labels.isEmpty, intercept.count == labels.count else { return nil }
        self.labels = labels
        self.intercept = intercept
        self.features = WordSet(names)
        // (A feature written twice would leave a row no name leads to.)
        guard features.count == names.count else { return nil }
        self.weights = weights
    }

    /// How many words before the trigger count as near it, and how many after.
    static let nearBefore = 6, nearAfter = 4

    /// The features of an event whose sentence reads `before`, then the trigger's `trigger`
    /// words, then `after`: the names the trainer gives them (see `scripts/train_modality.py`,
    /// which computes the same from `extract`'s output).
    static func features(rule: Event.Modality, type: Event.Kind, before: Substring, trigger: Substring, after: Substring,
                         inQuote: Bool) -> [String] {
        features(rule: rule, type: type, before: EventTypeModel.words(before), trigger: EventTypeModel.words(trigger),
                 after: EventTypeModel.words(after), inQuote: inQuote)
    }

    /// The same from the words of each part (as ``EventTypeModel/words(_:)`` finds them).
    static func features(rule: Event.Modality, type: Event.Kind, before: [String], trigger: [String], after: [String],
                         inQuote: Bool) -> [String] {
        var result = ["r=" + rule.rawValue, "ty=" + type.rawValue, "t=" + trigger.joined(separator: " ")]
        result.reserveCapacity(16 + before.count + after.count)
        for (n, word) in before.suffix(nearBefore).reversed().enumerated() {
            result.append("b=" + word)
            if n < 2 { result.append((n == 0 ? "b1=" : "b2=") + word) }
        }
        for (n, word) in after.prefix(nearAfter).enumerated() {
            result.append("a=" + word)
            if n == 0 { result.append("a1=" + word) }
        }
        for word in before { result.append("B=" + word) }
        for word in after { result.append("A=" + word) }
        if inQuote { result.append("inquote") }
        return result
    }

    /// The modality the model gives to an event's features (each counted once, however often it occurs).
    func modality(features names: [String]) -> Event.Modality {
        var rows: [Int] = []
        rows.reserveCapacity(names.count)
        for name in names {
            if let row = features.index(of: name) { rows.append(row) }
        }
        rows.sort()
        var scores = intercept
        for (n, row) in rows.enumerated() where n == 0 || rows[n - 1] != row {
            for k in scores.indices { scores[k] += weights[row * labels.count + k] }
        }
        // (The first of equal scores, as numpy's argmax takes it.)
        var best = 0
        for k in scores.indices where scores[k] > scores[best] { best = k }
        return labels[best]
    }

    /// The same for an event whose sentence reads `before`, the trigger, then `after`.
    func modality(rule: Event.Modality, type: Event.Kind, before: Substring, trigger: Substring, after: Substring,
                  inQuote: Bool) -> Event.Modality {
        modality(features: Self.features(rule: rule, type: type, before: before, trigger: trigger, after: after, inQuote: inQuote))
    }

    /// Each event's modality revised by the model.
    func revise(_ events: [Event], in document: Document) -> [Event] {
        let text = Array(document.text.unicodeScalars)
        return revise(events, in: document, text: text, words: SentenceWords.ofSentences(of: events, text: text))
    }

    /// Each event's modality revised by the model. `text` is the document's text as scalars,
    /// `words` each event's sentence's words.
    func revise(_ events: [Event], in document: Document, text: [Unicode.Scalar], words sentences: [SentenceWords]) -> [Event] {
        zip(events, sentences).map { event, words in
            let span = event.sentence, trigger = event.trigger
            // (A quotation's act, whose trigger is the quotation, keeps the rules' modality.)
            guard span.start <= trigger.start, trigger.start <= trigger.end, trigger.end <= span.end, span.end <= text.count else { return event }
            let inQuote = document.quotes.contains { $0.span.start <= trigger.start && trigger.start < $0.span.end }
            var revised = event
            revised.modality = modality(features: Self.features(
                rule: event.modality, type: event.type, before: words.words(from: span.start, to: trigger.start),
                trigger: words.words(from: trigger.start, to: trigger.end), after: words.words(from: trigger.end, to: span.end), inQuote: inQuote))
            return revised
        }
    }
}
