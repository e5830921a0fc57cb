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
        // (Parsed from the bytes: the model's seventeen thousand lines are read at every start.)
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        var lineStart = 0
        for (n, byte) in bytes.enumerated() where byte == 0x0A {
            let line = bytes[lineStart..<n]
            lineStart = n + 1
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            let head = String(decoding: fields[0], as: UTF8.self)
            let values = fields.dropFirst()
            if head == "labels", labels.isEmpty {
                labels = values.compactMap { Event.Modality(rawValue: String(decoding: $0, as: UTF8.self)) }
                guard !labels.isEmpty, labels.count == values.count else { return nil }
                continue
            }
            let numbers = values.compactMap { EventTypeModel.number($0) }
            guard !labels.isEmpty, numbers.count == labels.count, values.count == labels.count else { return nil }
            if head == "intercept", intercept.isEmpty {
                intercept = numbers
            } else {
                names.append(head)
                weights += numbers
            }
        }
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
        var result: [String] = []
        forEachFeature(rule: rule, type: type, before: before, trigger: trigger, after: after, inQuote: inQuote) {
            result.append(String(decoding: $0, as: UTF8.self))
        }
        return result
    }

    private static let rulePrefix = Array("r=".utf8), typePrefix = Array("ty=".utf8), triggerPrefix = Array("t=".utf8)
    private static let nearPrefix = Array("b=".utf8), lastPrefix = Array("b1=".utf8), secondPrefix = Array("b2=".utf8)
    private static let nextPrefix = Array("a=".utf8), firstPrefix = Array("a1=".utf8)
    private static let beforePrefix = Array("B=".utf8), afterPrefix = Array("A=".utf8), inQuoteName = Array("inquote".utf8)

    /// Gives each feature name (see ``features(rule:type:before:trigger:after:inQuote:)``) as
    /// UTF-8 bytes, in order, without building a `String` for each: an event has some fifty.
    static func forEachFeature(rule: Event.Modality, type: Event.Kind, before: Substring, trigger: Substring, after: Substring,
                               inQuote: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let before = EventTypeModel.Words(before), after = EventTypeModel.Words(after), trigger = EventTypeModel.Words(trigger)
        var key: [UInt8] = []
        key.reserveCapacity(64)
        func emit(_ prefix: [UInt8], _ bytes: ArraySlice<UInt8>) {
            key.removeAll(keepingCapacity: true)
            key += prefix
            key += bytes
            key.withUnsafeBufferPointer(body)
        }
        emit(rulePrefix, ArraySlice(rule.rawValue.utf8))
        emit(typePrefix, ArraySlice(type.rawValue.utf8))
        // (The words' buffer keeps one space between neighbours: the trigger's words joined by spaces.)
        emit(triggerPrefix, trigger.ranges.first.map { trigger.bytes[$0.lowerBound..<trigger.ranges.last!.upperBound] } ?? [])
        for (n, range) in before.ranges.suffix(nearBefore).reversed().enumerated() {
            emit(nearPrefix, before.bytes[range])
            if n < 2 { emit(n == 0 ? lastPrefix : secondPrefix, before.bytes[range]) }
        }
        for (n, range) in after.ranges.prefix(nearAfter).enumerated() {
            emit(nextPrefix, after.bytes[range])
            if n == 0 { emit(firstPrefix, after.bytes[range]) }
        }
        for range in before.ranges { emit(beforePrefix, before.bytes[range]) }
        for range in after.ranges { emit(afterPrefix, after.bytes[range]) }
        if inQuote { inQuoteName.withUnsafeBufferPointer(body) }
    }

    /// The modality the model gives to an event (each feature counted once, however often it occurs).
    func modality(rule: Event.Modality, type: Event.Kind, before: Substring, trigger: Substring, after: Substring,
                  inQuote: Bool) -> Event.Modality {
        var rows: [Int] = []
        rows.reserveCapacity(64)
        Self.forEachFeature(rule: rule, type: type, before: before, trigger: trigger, after: after, inQuote: inQuote) {
            if let row = features.index(utf8: $0) { rows.append(row) }
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

    /// Each event's modality revised by the model. `events` are in text order (by sentence),
    /// as ``EventDetector`` returns them.
    func revise(_ events: [Event], in document: Document) -> [Event] {
        let scalars = document.text.unicodeScalars
        let length = events.isEmpty ? 0 : scalars.count
        var cursor = scalars.startIndex, cursorOffset = 0
        func index(_ offset: Int) -> String.UnicodeScalarView.Index {
            // (Offsets mostly grow from one event to the next: walk on from the last one.)
            if offset < cursorOffset {
                cursor = scalars.startIndex
                cursorOffset = 0
            }
            cursor = scalars.index(cursor, offsetBy: offset - cursorOffset)
            cursorOffset = offset
            return cursor
        }
        return events.map { event in
            let sentence = event.sentence, trigger = event.trigger
            guard sentence.start <= trigger.start, trigger.start <= trigger.end, trigger.end <= sentence.end,
                  sentence.end <= length else { return event }
            let s = index(sentence.start)
            let t = scalars.index(s, offsetBy: trigger.start - sentence.start)
            let u = scalars.index(t, offsetBy: trigger.end - trigger.start)
            let e = scalars.index(u, offsetBy: sentence.end - trigger.end)
            let inQuote = document.quotes.contains { $0.span.start <= trigger.start && trigger.start < $0.span.end }
            var revised = event
            revised.modality = modality(rule: event.modality, type: event.type, before: Substring(scalars[s..<t]),
                                        trigger: Substring(scalars[t..<u]), after: Substring(scalars[u..<e]), inQuote: inQuote)
            return revised
        }
    }
}
