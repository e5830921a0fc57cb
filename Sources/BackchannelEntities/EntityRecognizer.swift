import BackchannelCore

/// The entity stage: tags names sentence by sentence, then groups the mentions of each
/// actor into one entity with its canonical name, roles and affiliation.
public struct EntityRecognizer: Stage {
    public let name = "entities"
    public let requires: Set<Layer> = [.tokens, .sentences]
    public let provides: Set<Layer> = [.entities]

    let tagger: EntityTagger?
    let gazetteer: Gazetteer

    public init(tagger: EntityTagger? = .shared, gazetteer: Gazetteer = .shared) {
        self.tagger = tagger
        self.gazetteer = gazetteer
    }

    public func process(_ document: inout Document) throws(StageError) {
        guard let tagger else {
            throw StageError(stage: name, document: document.id, message: "the entity model (Resources/ner.model) is missing")
        }
        let words = document.text.texts(of: document.tokens)
        let lowercaseSeen = TaggerFeatures.lowercaseVocabulary(words)
        var found: [EntityResolver.Found] = []
        var k = 0
        var sentenceStarts = Set<Int>()
        for sentence in document.sentences {
            let first = k
            sentenceStarts.insert(first)
            while k < document.tokens.count, document.tokens[k].span.start < sentence.span.end { k += 1 }
            guard k > first else { continue }
            for span in tagger.spans(Array(words[first..<k]), lowercaseSeen: lowercaseSeen) {
                found.append(EntityResolver.Found(tokens: (span.tokens.lowerBound + first)..<(span.tokens.upperBound + first), type: span.type))
            }
        }
        found = NameConsistency(gazetteer: gazetteer).apply(found, words: words)
        document.entities = EntityResolver(gazetteer: gazetteer).resolve(found, tokens: document.tokens, words: words, sentenceStarts: sentenceStarts)
        document.layers.insert(.entities)
    }
}
