import BackchannelCore
import Foundation

/// How likely each event type is to be told in a sentence: one logistic regression per type
/// over TF-IDF word uni- and bigrams, trained on the corpus's gold events by
/// `scripts/train_event_types.py` and shipped as `Resources/event-types.tsv`.
///
/// The event stage uses it beside its rules: a rule's event whose type is very unlikely in its
/// sentence is dropped, and a very likely type no rule found is added when an actor can be found
/// for it. Measured leave one split out, the model chooses types about as well as the rules do on
/// new text, and the two err differently (docs/benchmarks.md, "Sixth and seventh held-out splits").
public struct EventTypeModel: Sendable {
    public let types: [Event.Kind]
    let bias: [Double]
    /// Features (a word or "word word"), in the order of `rows`: looked up by their UTF-8 bytes,
    /// without building or hashing a `String` per word. Each carries its row and weights as a
    /// payload (see ``probabilities(_:)``).
    let features: WordSet
    /// Per feature, what scoring a sentence reads of it, in one eight-byte record, and its
    /// weights as four-byte codes: most features a sentence has are read from memory the cache
    /// does not hold, so the model is kept small (the trainer writes weights with two decimals
    /// and idf with four, so a few hundred distinct values of each, kept exactly as read, stand
    /// for 460,000 weights) and one feature costs two reads.
    let rows: [Row]
    /// Feature `f`'s weights are `weights[rows[f].start ..< rows[f].start + rows[f].count]`:
    /// the type's index in `types` in the high 16 bits, the value's in `values` in the low 16.
    let weights: [UInt32]
    let values: [Double]
    let idfs: [Double]

    struct Row {
        var start: UInt32
        /// The index of the feature's idf in `idfs`.
        var idf: UInt16
        var count: UInt8
    }

    func idf(_ f: Int) -> Double { idfs[Int(rows[f].idf)] }

    /// The model shipped with Backchannel, or nil when the resource is missing or unreadable.
    public static let shared: EventTypeModel? = {
        guard let url = Bundle.module.url(forResource: "event-types", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return EventTypeModel(tsv: text)
    }()

    /// Reads the format `scripts/train_event_types.py` writes; nil when it is malformed. The
    /// feature lines (tens of thousands, read at every start) are parsed from their bytes.
    public init?(tsv text: String) {
        var types: [Event.Kind] = []
        var bias: [Double] = []
        var names: [String] = []
        var idf: [Double] = []
        var weights: [[(Int, Double)]] = []
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        var lineStart = 0
        for (n, byte) in bytes.enumerated() where byte == 0x0A {
            let line = bytes[lineStart..<n]
            lineStart = n + 1
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            let head = String(decoding: fields[0], as: UTF8.self)
            // The two header lines come first; after them "types" and "bias" are words like
            // any other ("both types of missile"), features of their own.
            if head == "types", types.isEmpty, names.isEmpty {
                types = fields.dropFirst().compactMap { Event.Kind(rawValue: String(decoding: $0, as: UTF8.self)) }
                guard types.count == fields.count - 1 else { return nil }
            } else if head == "bias", bias.isEmpty, names.isEmpty {
                bias = fields.dropFirst().compactMap { Self.number($0) }
            } else {
                guard fields.count == 3, let value = Self.number(fields[1]) else { return nil }
                var row: [(Int, Double)] = []
                for pair in fields[2].split(separator: 0x20) {
                    guard let colon = pair.firstIndex(of: UInt8(ascii: ":")), let k = Self.number(pair[pair.startIndex..<colon]).map({ Int($0) }),
                          let w = Self.number(pair[(colon + 1)...]), k >= 0, k < types.count, k < 256 else { return nil }
                    row.append((k, w))
                }
                names.append(head)
                idf.append(value)
                weights.append(row)
            }
        }
        guard !types.isEmpty, bias.count == types.count, !idf.isEmpty else { return nil }
        self.types = types
        self.bias = bias
        // (Compared as bytes, as the look-ups compare them.)
        let openings = WordSet(names.compactMap { name in name.firstIndex(of: " ").map { String(name[..<$0]) } })
        let continues = names.map { openings.contains($0) }
        var rows: [Row] = []
        var block: [UInt32] = []
        var values: [Double] = [], valueIndex: [Double: Int] = [:]
        var idfs: [Double] = [], idfIndex: [Double: Int] = [:]
        func code(_ x: Double, in list: inout [Double], _ index: inout [Double: Int]) -> Int {
            if let i = index[x] { return i }
            list.append(x)
            index[x] = list.count - 1
            return list.count - 1
        }
        for (f, row) in weights.enumerated() {
            let start = UInt32(block.count)
            for (k, w) in row { block.append(UInt32(k) << 16 | UInt32(code(w, in: &values, &valueIndex))) }
            let i = code(idf[f], in: &idfs, &idfIndex)
            guard values.count <= 1 << 16, i < 1 << 16, row.count < 256 else { return nil }
            rows.append(Row(start: start, idf: UInt16(i), count: UInt8(row.count)))
        }
        self.rows = rows
        self.weights = block
        self.values = values
        self.idfs = idfs
        // Each feature's row, whether some pair feature starts with it (a pair is looked up only
        // then) and its weights, stored after its bytes in the word set (see `probabilities`).
        let payloads = zip(rows, continues).map { row, continues -> [UInt8] in
            var bytes: [UInt8] = [UInt8(row.idf & 0xFF), UInt8(row.idf >> 8), row.count, continues ? 1 : 0]
            for j in Int(row.start)..<(Int(row.start) + Int(row.count)) { withUnsafeBytes(of: block[j].littleEndian) { bytes += $0 } }
            return bytes
        }
        self.features = WordSet(names, payloads: payloads)
        guard features.count == names.count else { return nil }
    }

    /// A decimal number written as the trainer writes them ("-0.42", "7.7105", "12"), or nil.
    static func number(_ bytes: ArraySlice<UInt8>) -> Double? {
        var value = 0.0, scale = 1.0, negative = false, fraction = false, digits = 0
        for (n, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where n == 0: negative = true
            case UInt8(ascii: ".") where !fraction: fraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if fraction {
                    scale /= 10
                    value += Double(byte - 48) * scale
                } else {
                    value = value * 10 + Double(byte - 48)
                }
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    /// Words as scikit-learn's default token pattern finds them (`\b\w\w+\b`): runs of two or
    /// more letters, digits or underscores, lower-cased.
    static func words(_ text: Substring) -> [String] {
        let words = Words(text)
        return words.ranges.map { String(decoding: words.bytes[$0], as: UTF8.self) }
    }

    /// A sentence's words (as ``words(_:)`` finds them) in one buffer of lower-cased UTF-8, one
    /// space between each and the next, so that two neighbours with their space — a bigram
    /// feature — are one contiguous run: no array per word.
    struct Words {
        var bytes: [UInt8] = []
        /// Each word's bytes in `bytes`.
        var ranges: [Range<Int>] = []

        /// Whether a scalar is a word character (`\w`): ASCII letters, digits and the underscore,
        /// other letters, numbers and combining marks through their Unicode properties.
        @inline(__always)
        static func isWord(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F }
            let p = scalar.properties
            return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
        }

        /// ASCII is read byte by byte, other letters through their Unicode properties.
        init(_ text: Substring) {
            bytes.reserveCapacity(text.utf8.count)
            var start = 0
            var length = 0
            var other: String?  // the run once it leaves ASCII, lower-cased when it ends
            func flush() {
                if let run = other {
                    bytes.removeSubrange(start...)
                    if length >= 2 { bytes += run.lowercased().utf8 }
                } else if length < 2 {
                    bytes.removeSubrange(start...)
                }
                if bytes.count > start {
                    ranges.append(start..<bytes.count)
                    bytes.append(0x20)
                }
                start = bytes.count
                length = 0
                other = nil
            }
            for scalar in text.unicodeScalars {
                let v = scalar.value
                guard Self.isWord(scalar) else {
                    if length > 0 { flush() }
                    continue
                }
                if other == nil, v >= 0x80 { other = String(decoding: bytes[start...], as: UTF8.self) }
                if other != nil {
                    other!.unicodeScalars.append(scalar)
                } else {
                    bytes.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v))
                }
                length += 1
            }
            if length > 0 { flush() }
        }
    }

    /// The probability of each of ``types`` for a sentence, in the same order.
    ///
    /// A feature is read from the payload the word set keeps right after its bytes (idf code,
    /// weight count, whether a pair starts with it, then the weights): the look-up has just
    /// brought that memory into the cache, where `rows` and `weights` would each cost a miss.
    public func probabilities(_ sentence: Substring) -> [Double] {
        // The sentence's features (by payload offset) and their counts: a few dozen, kept in a small array.
        var found: [(payload: Int, count: Int)] = []
        func count(_ p: Int) {
            if let i = found.firstIndex(where: { $0.payload == p }) { found[i].count += 1 } else { found.append((p, 1)) }
        }
        let words = Words(sentence)
        return features.withPayloads { payloads in
            words.bytes.withUnsafeBufferPointer { bytes in
                let ranges = words.ranges
                for (n, range) in ranges.enumerated() {
                    // (A pair's first word is a feature of its own: the trainer saw it in the same text.)
                    guard let p = features.payloadOffset(utf8: UnsafeBufferPointer(rebasing: bytes[range])) else { continue }
                    count(p)
                    guard n + 1 < ranges.count, payloads[p + 3] != 0 else { continue }
                    if let q = features.payloadOffset(utf8: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<ranges[n + 1].upperBound])) { count(q) }
                }
            }
            // Sublinear term frequency times idf, then L2 normalisation, as TfidfVectorizer does.
            var tfidf = [Double](repeating: 0, count: found.count)
            var norm = 0.0
            for (i, item) in found.enumerated() {
                let idf = idfs[Int(payloads.loadUnaligned(fromByteOffset: item.payload, as: UInt16.self).littleEndian)]
                let value = (1 + log(Double(item.count))) * idf
                tfidf[i] = value
                norm += value * value
            }
            norm = norm.squareRoot()
            var scores = bias
            if norm > 0 {
                for (i, item) in found.enumerated() {
                    let scaled = tfidf[i] / norm
                    let first = item.payload + 4
                    for j in 0..<Int(payloads[item.payload + 2]) {
                        let weight = payloads.loadUnaligned(fromByteOffset: first + 4 * j, as: UInt32.self).littleEndian
                        scores[Int(weight >> 16)] += self.values[Int(weight & 0xFFFF)] * scaled
                    }
                }
            }
            return scores.map { 1 / (1 + exp(-$0)) }
        }
    }

    /// The probability of `type` in a sentence, or nil when the model does not know the type.
    public func probability(of type: Event.Kind, in sentence: Substring) -> Double? {
        guard let k = types.firstIndex(of: type) else { return nil }
        return probabilities(sentence)[k]
    }

    /// The feature a word is, or nil when the model does not know it.
    func feature(of word: String) -> Int? { features.index(of: word) }

    /// Which of a sentence's words (given as their features, ``feature(of:)``) speaks most for
    /// the type at index `k` of ``types`` — its largest weighted feature, the first such word
    /// on a tie: the trigger an added event points to. Nil when none has a weight for it.
    func strongest(for k: Int, among words: [Int?]) -> Int? {
        var best: (position: Int, weight: Double)?
        for (position, f) in words.enumerated() {
            guard let f, let j = (Int(rows[f].start)..<(Int(rows[f].start) + Int(rows[f].count))).first(where: { Int(weights[$0] >> 16) == k })
            else { continue }
            let contribution = values[Int(weights[j] & 0xFFFF)] * idf(f)
            if best == nil || contribution > best!.weight { best = (position, contribution) }
        }
        return best?.position
    }
}
