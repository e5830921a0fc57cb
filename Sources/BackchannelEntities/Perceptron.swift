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
    func update(truth: Int, guess: Int, features: [UInt64], step: Float = 1) {
        instances += 1
        guard truth != guess else { return }
        for f in features {
            if weights[f] == nil {
                weights[f] = [Float](repeating: 0, count: labels.count)
                totals[f] = [Double](repeating: 0, count: labels.count)
                stamps[f] = [Int](repeating: 0, count: labels.count)
            }
            for (label, delta) in [(truth, step), (guess, -step)] {
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

/// Weights frozen for tagging, laid out for a table far larger than the cache (each look-up
/// is a miss): an open-addressed table of 8-byte slots, each the feature's high bits and the
/// index of its row, and the rows packed densely after it. A row is one SIMD vector of 16
/// floats (one cache line): the feature's weight for every label, and the feature itself in
/// the last two lanes to confirm the slot's match. A feature the model lacks (most of a
/// sentence's) costs one read of the small slot table; a feature it has, one more of a row
/// in a table a third the size a row per slot would take. Adding a feature's weights to the
/// scores is one vector addition.
struct FrozenWeights {
    typealias Row = SIMD16<Float>
    /// The most labels a model may have: the last two lanes of a row hold its feature.
    static let maximumLabels = Row.scalarCount - 2
    /// 0 for an empty slot, else the feature's top 40 bits above its row index plus one.
    private let slots: [UInt64]
    private let rows: [Row]
    private let mask: Int
    private static let indexBits: UInt64 = 24
    private static let keyLanes = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .>= Int32(maximumLabels)

    @inline(__always)
    private static func feature(of row: Row) -> UInt64 {
        UInt64(row[14].bitPattern) | UInt64(row[15].bitPattern) << 32
    }

    /// From (feature, label, weight) rows (a model file lists them by feature).
    init(rows input: [(UInt64, Int, Float)], labels: Int) {
        precondition(labels <= Self.maximumLabels)
        let sorted = zip(input, input.dropFirst()).allSatisfy { $0.0 <= $1.0 } ? input : input.sorted { $0.0 < $1.0 }
        var features: [UInt64] = [], rows: [Row] = []
        for (feature, label, weight) in sorted where feature != 0 {
            if features.last != feature {
                features.append(feature)
                rows.append(Row())
            }
            rows[rows.count - 1][label] = weight
        }
        self.init(features: features, rows: rows)
    }

    init(_ weights: [UInt64: [Float]], labels: Int) {
        precondition(labels <= Self.maximumLabels)
        // In the order of the features, so that the table does not depend on the dictionary's.
        let sorted = weights.filter { $0.key != 0 }.sorted { $0.key < $1.key }
        self.init(features: sorted.map(\.key), rows: sorted.map { weight in
            var row = Row()
            for l in 0..<labels { row[l] = weight.value[l] }
            return row
        })
    }

    /// From distinct features and their weights (lanes past the labels zero).
    private init(features: [UInt64], rows weights: [Row]) {
        precondition(features.count < 1 << Self.indexBits)
        var capacity = 1
        while capacity < features.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var rows = weights
        let mask = capacity - 1
        for (n, feature) in features.enumerated() {
            var slot = Self.slot(feature, mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            rows[n][14] = Float(bitPattern: UInt32(truncatingIfNeeded: feature))
            rows[n][15] = Float(bitPattern: UInt32(truncatingIfNeeded: feature >> 32))
            slots[slot] = (feature >> Self.indexBits) << Self.indexBits | UInt64(n + 1)
        }
        self.slots = slots
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
        let keyLanes = Self.keyLanes
        let indexMask: UInt64 = 1 << Self.indexBits - 1
        slots.withUnsafeBufferPointer { slots in
            rows.withUnsafeBufferPointer { rows in
                for f in features {
                    var slot = Self.slot(f, mask)
                    let tag = f >> Self.indexBits
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { break }
                        if entry >> Self.indexBits == tag {
                            let row = rows[Int(entry & indexMask) - 1]
                            if Self.feature(of: row) == f {
                                total += row.replacing(with: 0, where: keyLanes)
                                break
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return total
    }
}
