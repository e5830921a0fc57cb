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
    /// The features by their parts (``Words``).
    let table: FeatureTable
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
        self.table = FeatureTable(features, prefixes: Words.all)
        self.weights = weights
    }

    /// The prefixes of the features of the words around the trigger: the six before it (b, and
    /// b1, b2 for the last two), the four after it (a, and a1 for the first), and every word
    /// before (B) and after (A) it in the sentence.
    enum Words {
        static let b = WordPrefix(index: 0, name: "b="), b1 = WordPrefix(index: 1, name: "b1="), b2 = WordPrefix(index: 2, name: "b2="),
                   a = WordPrefix(index: 3, name: "a="), a1 = WordPrefix(index: 4, name: "a1="),
                   before = WordPrefix(index: 5, name: "B="), after = WordPrefix(index: 6, name: "A=")
        static let all = [b, b1, b2, a, a1, before, after]
    }

    /// How many words before the trigger count as near it, and how many after.
    static let nearBefore = 6, nearAfter = 4

    /// The features of an event whose sentence reads `before`, then the trigger's `trigger`
    /// words, then `after`: the names the trainer gives them (see `scripts/train_modality.py`,
    /// which computes the same from `extract`'s output).
    static func features(rule: Event.Modality, type: Event.Kind, before: Substring, trigger: Substring, after: Substring,
                         inQuote: Bool) -> [String] {
        let text = Array((before + trigger + after).unicodeScalars)
        let b = before.unicodeScalars.count, t = trigger.unicodeScalars.count
        let words = SentenceWords(text, start: 0, end: text.count)
        var names = FeatureNames()
        features(rule: rule, type: type, before: words.span(from: 0, to: b), trigger: words.span(from: b, to: b + t),
                 after: words.span(from: b + t, to: text.count), inQuote: inQuote, into: &names)
        return names.names
    }

    /// The same from the words of each part of the sentence, written into `features`.
    static func features<Features: FeatureSink>(rule: Event.Modality, type: Event.Kind, before: WordSpan, trigger: WordSpan,
                                                after: WordSpan, inQuote: Bool, into features: inout Features) {
        features.add("r=" + rule.rawValue)
        features.add("ty=" + type.rawValue)
        features.add("t=" + (0..<trigger.count).map { trigger.word($0) }.joined(separator: " "))
        for (n, k) in (max(0, before.count - nearBefore)..<before.count).reversed().enumerated() {
            features.add(Words.b, before, k)
            if n < 2 { features.add(n == 0 ? Words.b1 : Words.b2, before, k) }
        }
        for k in 0..<min(after.count, nearAfter) {
            features.add(Words.a, after, k)
            if k == 0 { features.add(Words.a1, after, k) }
        }
        for k in 0..<before.count { features.add(Words.before, before, k) }
        for k in 0..<after.count { features.add(Words.after, after, k) }
        if inQuote { features.add("inquote") }
    }

    /// The modality the model gives to an event's features (each counted once, however often it occurs).
    func modality(features names: [String]) -> Event.Modality {
        modality(rows: names.compactMap { features.index(of: $0) })
    }

    /// The modality the model gives to an event whose features are these rows (each counted once).
    func modality(rows: [Int]) -> Event.Modality {
        let rows = rows.sorted()
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
        var last: (sentence: TextSpan, indices: [Int32])?
        return zip(events, sentences).map { event, words in
            let span = event.sentence, trigger = event.trigger
            // (A quotation's act, whose trigger is the quotation, keeps the rules' modality.)
            guard span.start <= trigger.start, trigger.start <= trigger.end, trigger.end <= span.end, span.end <= text.count else { return event }
            let inQuote = document.quotes.contains { $0.span.start <= trigger.start && trigger.start < $0.span.end }
            // (Events come by sentence: each sentence's words are looked up once.)
            if last?.sentence != span { last = (span, table.vocabularyIndices(of: words)) }
            var features = FeatureRows(table, words: last!.indices)
            Self.features(rule: event.modality, type: event.type, before: words.span(from: span.start, to: trigger.start),
                          trigger: words.span(from: trigger.start, to: trigger.end), after: words.span(from: trigger.end, to: span.end),
                          inQuote: inQuote, into: &features)
            var revised = event
            revised.modality = modality(rows: features.rows)
            return revised
        }
    }
}
