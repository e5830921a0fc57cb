import BackchannelCore
import Foundation

/// Which date an event has: none, the one the rules chose, or another date its sentence names.
/// A logistic regression scores each candidate from the rules' choice and the words around it,
/// trained on the corpus's gold events by `scripts/train_event_dates.py` and shipped as
/// `Resources/event-dates.tsv`; the best-scoring candidate is the event's date.
///
/// The rules take the sentence's date nearest the trigger, unless it names a thing ("the 2015
/// accord") or a start ("since April"). The model weighs that choice against what stands between
/// the date and the trigger, the words before and after the date, its granularity, the event's
/// type and modality. Measured leaving one corpus split out at a time, it chose the gold date
/// more often than the rules (docs/benchmarks.md, "Eighteenth session").
public struct EventDateModel: Sendable {
    let scorer: LinearScorer

    /// The model shipped with Backchannel, or nil when the resource is missing or unreadable.
    public static let shared: EventDateModel? = {
        guard let url = Bundle.module.url(forResource: "event-dates", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return EventDateModel(tsv: text)
    }()

    /// Reads the format `scripts/train_event_dates.py` writes (``LinearScorer``'s); nil when it is malformed.
    public init?(tsv text: String) {
        guard let scorer = LinearScorer(tsv: text) else { return nil }
        self.scorer = scorer
    }

    /// One date an event may have, and its features.
    struct Candidate {
        /// The date's value; nil for "no date".
        var value: String?
        var features: [String]
    }

    /// The candidates for an event, in the trainer's order: no date, then each date of the
    /// sentence in text order (one candidate per value), then the rules' date when it is none of
    /// those ("the next day", counted from an earlier event). `text` is the document's text as
    /// scalars.
    static func candidates(for event: Event, dates: [DateMention], text: [Unicode.Scalar]) -> [Candidate] {
        candidates(for: event, dates: dates, text: text, words: SentenceWords(text, start: event.sentence.start, end: event.sentence.end))
    }

    /// The same with the sentence's words found already.
    static func candidates(for event: Event, dates: [DateMention], text: [Unicode.Scalar], words sentenceWords: SentenceWords) -> [Candidate] {
        candidates(for: event, dates: dates, text: text, words: sentenceWords, empty: FeatureNames())
            .map { Candidate(value: $0.value, features: $0.features.names) }
    }

    /// The candidates with their features written into copies of `empty`.
    static func candidates<Features: FeatureSink>(for event: Event, dates: [DateMention], text: [Unicode.Scalar],
                                                  words sentenceWords: SentenceWords, empty: Features) -> [(value: String?, features: Features)] {
        let sentence = event.sentence, trigger = event.trigger
        func words(_ start: Int, _ end: Int) -> WordSpan { sentenceWords.span(from: start, to: end) }
        let mentions = dates.filter { sentence.start <= $0.span.start && $0.span.end <= sentence.end }
        let type = event.type.rawValue, modality = event.modality.rawValue
        let lead = sentence.start < 300 ? "0" : sentence.start < 1200 ? "1" : "2"
        var triggerScalars = String.UnicodeScalarView()
        if trigger.start < trigger.end, trigger.end <= text.count { triggerScalars.append(contentsOf: text[trigger.start..<trigger.end]) }
        let triggerText = String(triggerScalars).lowercased()
        let rule = event.date?.value
        var none = empty
        none.add("k=none")
        none.add("n_lead=" + lead)
        none.add("n_tw=" + triggerText)
        none.add("nd=\(min(mentions.count, 3))")
        none.add("n_ty=" + type)
        none.add("n_mod=" + modality)
        if rule == nil { none.add("rule_none") }
        var candidates: [(value: String?, features: Features)] = [(nil, none)]
        for mention in mentions {
            let m = mention.span
            let side = m.start >= trigger.end ? "after" : "before"
            let distance = bucket(words(min(m.end, trigger.start), max(m.start, trigger.end)).count)
            var features = empty
            features.add("k=mention")
            features.add("side=" + side)
            features.add("dist=" + distance)
            features.add("side_dist=\(side)_\(distance)")
            features.add("gran=" + mention.granularity.rawValue)
            features.add(mention.relative ? "rel=True" : "rel=False")
            features.add(mention.approximate ? "appr=True" : "appr=False")
            features.addContext(before: words(sentence.start, m.start), after: words(m.end, sentence.end),
                                between: words(min(m.end, trigger.end), max(m.start, trigger.start)), limit: 12)
            features.add("m_ty=" + type)
            features.add("m_mod=" + modality)
            if let k = candidates.firstIndex(where: { $0.value == mention.value }) {
                candidates[k].features.append(contentsOf: features)
            } else {
                candidates.append((mention.value, features))
            }
        }
        if let rule, !candidates.contains(where: { $0.value == rule }) {
            var only = empty
            only.add("k=ruleonly")
            candidates.append((rule, only))
        }
        if let k = candidates.firstIndex(where: { $0.value == rule }) { candidates[k].features.add("is_rule") }
        return candidates
    }

    /// A count of words as the trainer buckets it.
    static func bucket(_ n: Int) -> String { n < 4 ? String(n) : n < 8 ? "4-7" : n < 16 ? "8-15" : "16+" }

    /// Each event's date revised by the model.
    func revise(_ events: [Event], in document: Document) -> [Event] {
        let text = Array(document.text.unicodeScalars)
        return revise(events, in: document, text: text, words: SentenceWords.ofSentences(of: events, text: text))
    }

    /// Each event's date chosen by the model among its candidates. `text` is the document's
    /// text as scalars, `words` each event's sentence's words.
    func revise(_ events: [Event], in document: Document, text: [Unicode.Scalar], words sentences: [SentenceWords]) -> [Event] {
        var last: (sentence: TextSpan, indices: [Int32])?
        return zip(events, sentences).map { event, words in
            // (A quotation's act, whose trigger is the quotation, keeps the rules' date, as the trainer leaves it out.)
            guard event.sentence.start <= event.trigger.start, event.trigger.end <= event.sentence.end else { return event }
            // (Events come by sentence: each sentence's words are looked up once.)
            if last?.sentence != event.sentence { last = (event.sentence, scorer.table.vocabularyIndices(of: words)) }
            let candidates = Self.candidates(for: event, dates: document.dates, text: text, words: words,
                                             empty: FeatureRows(scorer.table, words: last!.indices))
            let value = candidates[scorer.best(candidates.map(\.features))].value
            guard value != event.date?.value else { return event }
            var revised = event
            revised.date = value.flatMap { v in
                document.dates.first { $0.value == v && event.sentence.start <= $0.span.start && $0.span.end <= event.sentence.end }
            }
            return revised
        }
    }
}

/// A binary logistic regression over named features, as the candidate choosers
/// (``EventDateModel``, ``EventPlaceModel``, ``EventTargetModel``) score their candidates.
struct LinearScorer: Sendable {
    let intercept: Double
    /// The features, by name and by their parts (``ContextWords``): feature `i`'s weight is `weights[i]`.
    let table: FeatureTable
    let weights: [Double]

    /// The feature names.
    var features: WordSet { table.names }

    /// Reads the format the trainers write; nil when it is malformed:
    ///
    ///     # comment lines
    ///     intercept <TAB> w
    ///     <feature> <TAB> w       one line per feature
    init?(tsv text: String) {
        var intercept: Double?
        var names: [String] = []
        var weights: [Double] = []
        let read = ModelTSV.forEachLine(text) { head, values in
            guard values.count == 1, let weight = EventTypeModel.number(values.first!) else { return false }
            if head == "intercept", intercept == nil {
                intercept = weight
            } else {
                names.append(head)
                weights.append(weight)
            }
            return true
        }
        guard read else { return nil }
        guard let intercept else { return nil }
        self.intercept = intercept
        let features = WordSet(names)
        // (A feature written twice would leave a weight no name leads to.)
        guard features.count == names.count else { return nil }
        self.table = FeatureTable(features, prefixes: ContextWords.all)
        self.weights = weights
    }

    /// The index of the best-scoring of some candidates (the first of equal scores, as numpy's
    /// argmax takes it).
    func best(_ candidates: [FeatureRows]) -> Int {
        var best = 0, bestScore = -Double.infinity
        for (k, features) in candidates.enumerated() {
            let s = score(rows: features.rows)
            if s > bestScore { best = k; bestScore = s }
        }
        return best
    }

    /// The score of a candidate whose features are these rows (each counted once).
    func score(rows: [Int]) -> Double {
        let rows = rows.sorted()
        var total = intercept
        for (n, row) in rows.enumerated() where n == 0 || rows[n - 1] != row { total += weights[row] }
        return total
    }
}
