import BackchannelCore

/// A word feature's prefix: "bw=" in "bw=talks". Each model that reads the words around an
/// event names its prefixes once (``ContextWords``, ``ModalityModel/Words``), by name for the
/// trainers' feature names and by number for ``FeatureTable``'s look-ups.
struct WordPrefix: Sendable {
    /// Its position in the model's list of prefixes.
    let index: Int
    /// Its text, with the "=".
    let name: String
}

/// The prefixes of the words around a candidate that the date, place and target models read
/// (``EventPlaceModel/Context``, ``EventDateModel``).
enum ContextWords {
    static let w1 = WordPrefix(index: 0, name: "w1="), w2 = WordPrefix(index: 1, name: "w2="),
               a1 = WordPrefix(index: 2, name: "a1="), bw = WordPrefix(index: 3, name: "bw=")
    static let all = [w1, w2, a1, bw]
}

/// What the models' feature code writes each candidate's features into: their names (what the
/// trainers compute and the tests compare), or the rows of a model's weights (what `extract`
/// scores). One feature code serves both, so the two cannot drift apart.
protocol FeatureSink {
    /// A feature by its whole name ("k=none", "ty=CONSULT").
    mutating func add(_ name: String)
    /// The feature `prefix` + the `k`-th word of `span`.
    mutating func add(_ prefix: WordPrefix, _ span: WordSpan, _ k: Int)
    /// Another candidate's features after these (the date model merges the candidates of one date).
    mutating func append(contentsOf other: Self)
}

extension FeatureSink {
    /// The words around a candidate (a date, a place, a party) as the date, place and target
    /// models read them: the last two before it (w1, w2), the first after it (a1), and the first
    /// `limit` of those between it and the trigger (bw).
    mutating func addContext(before: WordSpan, after: WordSpan, between: WordSpan, limit: Int) {
        if before.count > 0 { add(ContextWords.w1, before, before.count - 1) }
        if before.count > 1 { add(ContextWords.w2, before, before.count - 2) }
        if after.count > 0 { add(ContextWords.a1, after, 0) }
        for k in 0..<min(between.count, limit) { add(ContextWords.bw, between, k) }
    }
}

/// A candidate's features by name.
struct FeatureNames: FeatureSink {
    var names: [String] = []

    mutating func add(_ name: String) { names.append(name) }
    mutating func add(_ prefix: WordPrefix, _ span: WordSpan, _ k: Int) { names.append(prefix.name + span.word(k)) }
    mutating func append(contentsOf other: FeatureNames) { names += other.names }
}

/// A model's features, found by their parts. Most of a model's features are a prefix and a word
/// of the sentence ("B=said", "bw=talks"): each word of a sentence is looked up once per model,
/// in the model's vocabulary, and each such feature is then one read of an array, instead of a
/// name built and hashed for every word, candidate and event. Every other feature is looked up
/// by its name.
///
/// The rows are those of ``names``, the model's features in the order of its weights: a feature
/// found by its parts is the feature of that name.
final class FeatureTable: Sendable {
    /// Every feature by name: feature `i` is row `i`.
    let names: WordSet
    /// The words that follow a prefix in some feature.
    let vocabulary: WordSet
    /// `rows[prefix * vocabulary.count + word]`: the row of the feature, or -1.
    private let rows: [Int32]

    init(_ names: WordSet, prefixes: [WordPrefix]) {
        self.names = names
        var words: [String] = []
        var pairs: [(prefix: Int, word: String, row: Int)] = []
        for (row, name) in names.words.enumerated() {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0.name) }) else { continue }
            let word = String(name.dropFirst(prefix.name.count))
            words.append(word)
            pairs.append((prefix.index, word, row))
        }
        vocabulary = WordSet(words)
        var rows = [Int32](repeating: -1, count: prefixes.count * vocabulary.count)
        for pair in pairs {
            rows[pair.prefix * vocabulary.count + vocabulary.index(of: pair.word)!] = Int32(pair.row)
        }
        self.rows = rows
    }

    /// Each word of a sentence's position in ``vocabulary``, or -1: what ``FeatureRows`` reads
    /// its words' features by. When the sentence's words were looked up in a
    /// ``SharedVocabulary`` that knows this table, its positions are mapped, not looked up again.
    func vocabularyIndices(of words: SentenceWords) -> [Int32] {
        if let found = words.shared, let map = found.vocabulary.map(for: self) {
            return found.indices.map { $0 < 0 ? -1 : map[Int($0)] }
        }
        return words.runs.map { run in vocabulary.index(of: run.word).map(Int32.init) ?? -1 }
    }

    /// The row of `prefix` + the word at `index` of ``vocabulary``, or nil.
    @inline(__always)
    func row(_ prefix: WordPrefix, word index: Int) -> Int? {
        let row = rows[prefix.index * vocabulary.count + index]
        return row < 0 ? nil : Int(row)
    }
}

/// A candidate's features as rows of a ``FeatureTable``.
struct FeatureRows: FeatureSink {
    let table: FeatureTable
    /// The vocabulary index of each word of the sentence (``FeatureTable/vocabularyIndices(of:)``).
    let words: [Int32]
    var rows: [Int] = []

    init(_ table: FeatureTable, words: [Int32]) {
        self.table = table
        self.words = words
    }

    mutating func add(_ name: String) {
        if let row = table.names.index(of: name) { rows.append(row) }
    }

    mutating func add(_ prefix: WordPrefix, _ span: WordSpan, _ k: Int) {
        let index: Int?
        if let run = span.run(k) {
            let i = words[run]
            index = i < 0 ? nil : Int(i)
        } else {
            index = table.vocabulary.index(of: span.word(k))
        }
        if let index, let row = table.row(prefix, word: index) { rows.append(row) }
    }

    mutating func append(contentsOf other: FeatureRows) { rows += other.rows }
}

/// The words of several models' vocabularies in one set. The event stage's four models each
/// read every word of an event's sentence; looked up once here, a word's position in each
/// model's vocabulary is then one read of an array (``FeatureTable/vocabularyIndices(of:)``).
final class SharedVocabulary: Sendable {
    let words: WordSet
    /// Per table, the position in its vocabulary of each word of ``words``, or -1.
    private let maps: [ObjectIdentifier: [Int32]]

    init(_ tables: [FeatureTable]) {
        var all: [String] = []
        for table in tables { all += table.vocabulary.words }
        let words = WordSet(all)
        self.words = words
        var maps: [ObjectIdentifier: [Int32]] = [:]
        for table in tables {
            maps[ObjectIdentifier(table)] = words.words.map { word in table.vocabulary.index(of: word).map(Int32.init) ?? -1 }
        }
        self.maps = maps
    }

    /// Each word of a sentence's position in ``words``, or -1.
    func indices(of runs: [SentenceWords.Run]) -> [Int32] {
        runs.map { run in words.index(of: run.word).map(Int32.init) ?? -1 }
    }

    /// The map of `table`'s vocabulary, or nil when this set was not built with it.
    func map(for table: FeatureTable) -> [Int32]? { maps[ObjectIdentifier(table)] }
}
