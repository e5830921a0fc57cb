import BackchannelCore
import Foundation

/// Training the entity tagger on annotated text (the NER data described in
/// ../shared/data/ner/README.md: JSON Lines with `text` and `entities` [{start, end, type}],
/// offsets in Unicode scalars). Run through `backchannel train-ner`.
public enum EntityTraining {
    public struct Example: Sendable {
        public var words: [String]
        public var labels: [Int]
        /// Words the example's document writes in lower case.
        public var lowercaseSeen: Set<String> = []
        /// How much a mistake on this example moves the weights (1 for the shared data).
        public var weight: Float = 1
        /// The share of the example's gazetteer matches (titles apart) that training hides, so
        /// that text whose names the gazetteer nearly all knows still teaches their context.
        public var gazetteerDropout: Double = 0
    }

    /// How a corpus's types map onto Backchannel's.
    public enum Scheme: Sendable {
        /// Types already PERSON/ORG/GPE/LOC/NORP/FAC (GUM as converted).
        case native
        /// PERSON/ORG/LOC/MISC where LOC covers every place (WikiGold, UNER): places are
        /// typed by the gazetteer (GPE unless it says LOC or FAC); MISC becomes NORP when
        /// the gazetteer knows it as a nationality or group, else nothing.
        case coarse
    }

    /// Sentences of every document of a JSON Lines file, with BIO labels.
    public static func examples(jsonl: String, scheme: Scheme, gazetteer: Gazetteer = .shared) -> [Example] {
        var examples: [Example] = []
        for line in jsonl.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String else { continue }
            let scalars = Array(text.unicodeScalars)
            let tokens = Tokenizer().tokenize(scalars)
            var labels = [Int](repeating: 0, count: tokens.count)
            for entity in object["entities"] as? [[String: Any]] ?? [] {
                guard let start = entity["start"] as? Int, let end = entity["end"] as? Int, let raw = entity["type"] as? String,
                      let type = mapType(raw, surface: String(String.UnicodeScalarView(scalars[start..<end])), scheme: scheme, gazetteer: gazetteer),
                      let t = EntityType.allCases.firstIndex(of: type) else { continue }
                var first = true
                for (k, token) in tokens.enumerated() where token.span.start < end && token.span.end > start {
                    labels[k] = first ? 1 + 2 * t : 2 + 2 * t
                    first = false
                }
            }
            let sentences = SentenceSplitter().split(tokens, scalars: scalars, blocks: Self.paragraphs(scalars))
            let documentWords = tokens.map { String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) }
            let lowercaseSeen = TaggerFeatures.lowercaseVocabulary(documentWords)
            var k = 0
            for sentence in sentences {
                var words: [String] = [], sentenceLabels: [Int] = []
                while k < tokens.count, tokens[k].span.start < sentence.span.end {
                    words.append(String(String.UnicodeScalarView(scalars[tokens[k].span.start..<tokens[k].span.end])))
                    sentenceLabels.append(labels[k])
                    k += 1
                }
                if !words.isEmpty { examples.append(Example(words: words, labels: sentenceLabels, lowercaseSeen: lowercaseSeen)) }
            }
        }
        return examples
    }

    static func paragraphs(_ scalars: [Unicode.Scalar]) -> [TextSpan] {
        var spans: [TextSpan] = []
        var start = 0, i = 0
        while i < scalars.count {
            if scalars[i] == "\n", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                if i > start { spans.append(TextSpan(start: start, end: i)) }
                start = i + 2
                i += 2
            } else {
                i += 1
            }
        }
        if scalars.count > start { spans.append(TextSpan(start: start, end: scalars.count)) }
        return spans
    }

    static func mapType(_ raw: String, surface: String, scheme: Scheme, gazetteer: Gazetteer) -> EntityType? {
        switch scheme {
        case .native:
            return EntityType(rawValue: raw)
        case .coarse:
            switch raw {
            case "PERSON", "PER": return .person
            case "ORG": return .org
            case "LOC", "GPE", "FAC":
                let known = gazetteer.lookup(surface).compactMap { EntityType(rawValue: $0.type) }
                return known.first(where: { $0 == .loc || $0 == .fac || $0 == .gpe }) ?? .gpe
            case "MISC":
                return gazetteer.lookup(surface).contains { $0.type == "NORP" } ? .norp : nil
            default:
                return nil
            }
        }
    }

    /// Trains a tagger: `epochs` passes in a seeded shuffled order, each token scored with
    /// the true labels of the tokens before it, averaged weights at the end.
    public static func train(_ examples: [Example], epochs: Int = 8, seed: UInt64 = 1, gazetteer: Gazetteer = .shared,
                             progress: (Int, Double) -> Void = { _, _ in }) -> Perceptron {
        let model = Perceptron(labels: EntityTagger.labels)
        var rng = SplitMix64(seed: seed)
        let featurized = examples.map { example in
            guard example.gazetteerDropout > 0 else {
                return TaggerFeatures(words: example.words, gazetteer: gazetteer, lowercaseSeen: example.lowercaseSeen)
            }
            let kept = gazetteer.matches(example.words).filter { $0.entry.type == "TITLE" || Double.random(in: 0..<1, using: &rng) >= example.gazetteerDropout }
            return TaggerFeatures(words: example.words, gazetteer: gazetteer, lowercaseSeen: example.lowercaseSeen, matches: kept)
        }
        var order = Array(examples.indices)
        var scores = [Float](repeating: 0, count: EntityTagger.labels.count)
        for epoch in 1...epochs {
            order.shuffle(using: &rng)
            var correct = 0, total = 0
            for e in order {
                let example = examples[e]
                var previous = 0, previous2 = 0
                for i in example.words.indices {
                    let features = featurized[e].features(at: i, previous: previous, previous2: previous2)
                    model.scores(features, into: &scores)
                    let guess = EntityTagger.best(scores, previous: previous, word: example.words[i])
                    // The history is the model's own guesses, as when tagging. Where a guess
                    // broke a name, its continuation ("I-ORG" after a guessed "B-PERSON") is
                    // taught as a beginning, so the model never learns to continue a name of
                    // another type.
                    var truth = example.labels[i]
                    if truth > 0, truth % 2 == 0, previous == 0 || (previous - 1) / 2 != (truth - 1) / 2 { truth -= 1 }
                    model.update(truth: truth, guess: guess, features: features, step: example.weight)
                    if guess == example.labels[i] { correct += 1 }
                    total += 1
                    previous2 = previous
                    previous = guess
                }
            }
            progress(epoch, Double(correct) / Double(max(total, 1)))
        }
        model.finish()
        return model
    }
}
