import BackchannelCore
import Foundation
import Testing

@testable import BackchannelEntities

/// `train-ner`'s reading of annotated JSON Lines and the weight of a training source.
@Suite("Training the tagger")
struct EntityTrainingTests {
    /// Two sentences the team wrote, in the format of ../shared/data/ner and of scripts/corpus_ner.py.
    static let jsonl = """
        {"text": "Envoy Tarik Malouf met Omar Bekele in Dunmere. They spoke for an hour.", "entities": [{"start": 6, "end": 18, "type": "PERSON"}, {"start": 23, "end": 34, "type": "PERSON"}, {"start": 38, "end": 45, "type": "GPE"}]}
        """

    @Test func readsEachSentenceWithItsLabels() {
        let examples = EntityTraining.examples(jsonl: Self.jsonl, scheme: .native)
        #expect(examples.count == 2)
        #expect(examples.first?.words.prefix(4) == ["Envoy", "Tarik", "Malouf", "met"])
        let person = 1 + 2 * EntityType.allCases.firstIndex(of: .person)!
        let gpe = 1 + 2 * EntityType.allCases.firstIndex(of: .gpe)!
        // B-PERSON, I-PERSON on the name, nothing on the title or the verb, B-GPE on the town.
        #expect(examples.first?.labels.prefix(4) == [0, person, person + 1, 0])
        #expect(examples.first.map { $0.labels[$0.words.firstIndex(of: "Dunmere")!] } == gpe)
        #expect(examples.last?.labels.allSatisfy { $0 == 0 } == true)
        #expect(examples.allSatisfy { $0.weight == 1 })
    }

    /// Examples of weight 0 teach nothing: the model is the one trained on no examples. With
    /// weight 1 they are learnt, and a weight scales every step they make.
    @Test func aSourcesWeightScalesWhatItTeaches() {
        var examples = EntityTraining.examples(jsonl: Self.jsonl, scheme: .native)
        let untrained = EntityTraining.train([], epochs: 2).serialized()
        for n in examples.indices { examples[n].weight = 0 }
        #expect(EntityTraining.train(examples, epochs: 2).serialized() == untrained)
        for n in examples.indices { examples[n].weight = 1 }
        let once = EntityTraining.train(examples, epochs: 2)
        #expect(once.serialized() != untrained)
        for n in examples.indices { examples[n].weight = 2 }
        let twice = EntityTraining.train(examples, epochs: 2)
        // (A perceptron's guesses do not change when all its steps are scaled alike.)
        let words = examples[0].words
        #expect(EntityTagger(model: once).spans(words) == EntityTagger(model: twice).spans(words))
    }

    /// Hiding a source's gazetteer matches changes what the model learns from it, and hiding
    /// none is training without the option.
    @Test func gazetteerDropoutHidesMatchesButNotTitles() {
        let text = """
            {"text": "Envoy Tarik Malouf flew to Moscow and Kyiv on Friday.", "entities": [{"start": 6, "end": 18, "type": "PERSON"}, {"start": 27, "end": 33, "type": "GPE"}, {"start": 38, "end": 42, "type": "GPE"}]}
            """
        var examples = EntityTraining.examples(jsonl: text, scheme: .native)
        let plain = EntityTraining.train(examples, epochs: 2).serialized()
        for n in examples.indices { examples[n].gazetteerDropout = 0 }
        #expect(EntityTraining.train(examples, epochs: 2).serialized() == plain)
        for n in examples.indices { examples[n].gazetteerDropout = 1 }
        #expect(EntityTraining.train(examples, epochs: 2).serialized() != plain)
    }
}
