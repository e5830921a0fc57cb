import BackchannelCore
import Foundation

/// Labels tokens with BIO entity tags using the averaged perceptron and the gazetteer.
public struct EntityTagger: Sendable {
    /// "O", then "B-PERSON", "I-PERSON", "B-ORG", … in `EntityType.allCases` order.
    public static let labels: [String] = ["O"] + EntityType.allCases.flatMap { ["B-\($0.rawValue)", "I-\($0.rawValue)"] }

    public let model: Perceptron
    public let gazetteer: Gazetteer

    public init(model: Perceptron, gazetteer: Gazetteer = .shared) {
        self.model = model
        self.gazetteer = gazetteer
    }

    /// The tagger shipped with Backchannel (Resources/ner.model), or nil when it is missing.
    public static let shared: EntityTagger? = {
        guard let url = Bundle.module.url(forResource: "ner", withExtension: "model"),
              let data = try? Data(contentsOf: url), let model = Perceptron(serialized: data) else { return nil }
        return EntityTagger(model: model)
    }()

    /// A span of tokens tagged as one entity.
    public struct Span: Sendable, Equatable {
        public var tokens: Range<Int>
        public var type: EntityType
    }

    /// Label indices for the words of one sentence (greedy, left to right, BIO-consistent).
    func labelIndices(_ words: [String], lowercaseSeen: Set<String> = [], matches: [Gazetteer.Match]? = nil) -> [Int] {
        let features = TaggerFeatures(words: words, gazetteer: gazetteer, lowercaseSeen: lowercaseSeen, matches: matches)
        var result: [Int] = []
        result.reserveCapacity(words.count)
        var scores = [Float](repeating: 0, count: Self.labels.count)
        var buffer: [UInt64] = []
        for i in 0..<words.count {
            let previous = result.last ?? 0, previous2 = result.count > 1 ? result[result.count - 2] : 0
            features.features(at: i, previous: previous, previous2: previous2, into: &buffer)
            model.scores(buffer, into: &scores)
            result.append(Self.best(scores, previous: previous, word: words[i]))
        }
        return result
    }

    /// The highest-scoring label that keeps BIO well formed; possessive markers are never inside a name.
    static func best(_ scores: [Float], previous: Int, word: String) -> Int {
        if word == "'s" || word == "\u{2019}s" { return 0 }
        var best = 0
        var bestScore = -Float.infinity
        for (label, score) in scores.enumerated() where score > bestScore {
            if label > 0 && label % 2 == 0 { // an I- label continues only its own B- or I-
                if previous == 0 || (previous - 1) / 2 != (label - 1) / 2 { continue }
            }
            best = label
            bestScore = score
        }
        return best
    }

    /// Entity spans of one sentence's words.
    /// `lowercaseSeen`: the words the whole document writes in lower case (see ``TaggerFeatures``).
    public func spans(_ words: [String], lowercaseSeen: Set<String> = [], matches: [Gazetteer.Match]? = nil) -> [Span] {
        Self.spans(from: labelIndices(words, lowercaseSeen: lowercaseSeen, matches: matches))
    }

    static func spans(from labels: [Int]) -> [Span] {
        var spans: [Span] = []
        var start: Int?
        var type = 0
        for (i, label) in labels.enumerated() {
            let isBegin = label > 0 && label % 2 == 1
            let isInside = label > 0 && label % 2 == 0
            if let s = start, !(isInside && (label - 1) / 2 == type) {
                spans.append(Span(tokens: s..<i, type: EntityType.allCases[type]))
                start = nil
            }
            if isBegin {
                start = i
                type = (label - 1) / 2
            }
        }
        if let s = start { spans.append(Span(tokens: s..<labels.count, type: EntityType.allCases[type])) }
        return spans
    }
}
