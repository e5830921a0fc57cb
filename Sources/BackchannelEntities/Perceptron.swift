import Foundation

/// An averaged perceptron over hashed features: the statistical part of the entity tagger.
///
/// Weights are kept per (feature hash, label). Training uses the usual lazy averaging
/// (each weight remembers when it last changed); `finish()` replaces weights by their
/// averages and drops the bookkeeping. The model is saved as little-endian binary:
/// a header line, the label names, then (hash: UInt64, label: UInt8, weight: Float32) rows.
public final class Perceptron: @unchecked Sendable {
    public let labels: [String]
    private(set) var weights: [UInt64: [Float]] = [:]
    /// The final weights in one flat open-addressing table, for tagging: built by `finish()`
    /// and when a model is loaded; nil while training.
    private var frozen: FrozenWeights?
    private var totals: [UInt64: [Double]] = [:]
    private var stamps: [UInt64: [Int]] = [:]
    private var instances = 0

    public init(labels: [String]) {
        self.labels = labels
    }

    /// Scores of every label for a set of features.
    @inline(__always)
    func scores(_ features: [UInt64], into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        if let frozen {
            let total = frozen.sum(features)
            for i in scores.indices { scores[i] = total[i] }
            return
        }
        for f in features {
            guard let w = weights[f] else { continue }
            for i in 0..<w.count { scores[i] += w[i] }
        }
    }

    /// One training step: moves weight from the predicted label to the right one.
    func update(truth: Int, guess: Int, features: [UInt64]) {
        instances += 1
        guard truth != guess else { return }
        for f in features {
            if weights[f] == nil {
                weights[f] = [Float](repeating: 0, count: labels.count)
                totals[f] = [Double](repeating: 0, count: labels.count)
                stamps[f] = [Int](repeating: 0, count: labels.count)
            }
            for (label, delta) in [(truth, Float(1)), (guess, Float(-1))] {
                let w = weights[f]![label]
                totals[f]![label] += Double(instances - stamps[f]![label]) * Double(w)
                stamps[f]![label] = instances
                weights[f]![label] = w + delta
            }
        }
    }

    /// Replaces each weight by its average over all training steps.
    func finish() {
        for (f, w) in weights {
            var averaged = w
            for label in 0..<labels.count {
                let total = totals[f]![label] + Double(instances - stamps[f]![label]) * Double(w[label])
                averaged[label] = Float(total / Double(max(instances, 1)))
            }
            weights[f] = averaged.allSatisfy { abs($0) < 1e-4 } ? nil : averaged
        }
        totals = [:]
        stamps = [:]
        frozen = FrozenWeights(weights, labels: labels.count)
    }

    // MARK: - Storage

    static let magic = "backchannel-perceptron 1\n"

    public func serialized() -> Data {
        var data = Data(Self.magic.utf8)
        data.append(contentsOf: (labels.joined(separator: " ") + "\n").utf8)
        for (f, w) in weights.sorted(by: { $0.key < $1.key }) {
            for (label, value) in w.enumerated() where abs(value) >= 1e-4 {
                withUnsafeBytes(of: f.littleEndian) { data.append(contentsOf: $0) }
                data.append(UInt8(label))
                withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
        }
        return data
    }

    public convenience init?(serialized data: Data) {
        let bytes = [UInt8](data)
        let magic = Array(Self.magic.utf8)
        guard bytes.starts(with: magic), let newline = bytes[magic.count...].firstIndex(of: 0x0A) else { return nil }
        let labels = String(decoding: bytes[magic.count..<newline], as: UTF8.self).split(separator: " ").map(String.init)
        guard labels.count <= FrozenWeights.maximumLabels else { return nil }
        self.init(labels: labels)
        // Rows go straight into the frozen table: a loaded model only tags. Rows of one
        // feature are stored together (the file is sorted by feature).
        var rows: [(UInt64, Int, Float)] = []
        rows.reserveCapacity((bytes.count - newline) / 13)
        var i = newline + 1
        while i + 13 <= bytes.count {
            var f: UInt64 = 0
            for k in 0..<8 { f |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
            let label = Int(bytes[i + 8])
            var bits: UInt32 = 0
            for k in 0..<4 { bits |= UInt32(bytes[i + 9 + k]) << (8 * UInt32(k)) }
            guard label < labels.count else { return nil }
            rows.append((f, label, Float(bitPattern: bits)))
            i += 13
        }
        frozen = FrozenWeights(rows: rows, labels: labels.count)
    }
}

/// Weights frozen for tagging: keys and rows in flat arrays with linear probing, so a
/// lookup is a multiply, a shift and a compare instead of a dictionary's hashing. A row holds
/// every label's weight in one SIMD vector (one cache line), so adding a feature's weights to
/// the scores is one vector addition.
struct FrozenWeights {
    typealias Row = SIMD16<Float>
    /// The most labels a model may have.
    static let maximumLabels = Row.scalarCount
    private let keys: [UInt64]
    private let rows: [Row]
    private let mask: Int
    private static let empty: UInt64 = 0

    /// From (feature, label, weight) rows.
    init(rows input: [(UInt64, Int, Float)], labels: Int) {
        precondition(labels <= Self.maximumLabels)
        var features = 0
        var last: UInt64?
        for (f, _, _) in input where f != last { features += 1; last = f }
        var capacity = 1
        while capacity < features * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: Self.empty, count: capacity)
        var rows = [Row](repeating: Row(), count: capacity)
        let mask = capacity - 1
        for (key, label, weight) in input where key != Self.empty {
            var slot = Self.slot(key, mask)
            while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            rows[slot][label] = weight
        }
        self.keys = keys
        self.rows = rows
        self.mask = mask
    }

    init(_ weights: [UInt64: [Float]], labels: Int) {
        precondition(labels <= Self.maximumLabels)
        var capacity = 1
        while capacity < weights.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: Self.empty, count: capacity)
        var rows = [Row](repeating: Row(), count: capacity)
        let mask = capacity - 1
        for (key, row) in weights where key != Self.empty {
            var slot = Self.slot(key, mask)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            for l in 0..<labels { rows[slot][l] = row[l] }
        }
        self.keys = keys
        self.rows = rows
        self.mask = mask
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The sum of the rows of `features` (labels beyond the model's are zero).
    @inline(__always)
    func sum(_ features: [UInt64]) -> Row {
        var total = Row()
        keys.withUnsafeBufferPointer { keys in
            rows.withUnsafeBufferPointer { rows in
                for f in features {
                    var slot = Self.slot(f, mask)
                    while true {
                        let k = keys[slot]
                        if k == f {
                            total += rows[slot]
                            break
                        }
                        if k == Self.empty { break }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return total
    }
}
