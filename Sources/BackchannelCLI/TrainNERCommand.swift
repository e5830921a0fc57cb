import ArgumentParser
import BackchannelCore
import BackchannelEntities
import Foundation

/// `backchannel train-ner`: trains the entity tagger shipped in Resources/ner.model.
struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Train the named-entity tagger on annotated JSON Lines files.",
        discussion: """
            Trains on GUM's non-news genres and WikiGold (the training files of the NER data \
            in ../shared/data/ner; see its README), and on the team corpus's gold entities \
            when `--corpus` gives them (written by scripts/corpus_ner.py), and writes the \
            model that `extract` uses. Training is seeded: the same data gives the same model.
            """
    )

    @Option(name: .long, help: "Folder with gum_train_extra.jsonl and wikigold.jsonl.")
    var data: String = "../shared/data/ner"

    @Option(name: .long, parsing: .singleValue,
            help: "A JSON Lines file of the same format with Backchannel's own types (scripts/corpus_ner.py); repeatable.")
    var corpus: [String] = []

    @Option(name: .long, help: "How much a mistake on a --corpus sentence moves the weights, against 1 for the shared data.")
    var corpusWeight: Float = 1

    @Option(name: .long, help: "The share of a --corpus sentence's gazetteer matches (titles apart) hidden from training, 0 to 1.")
    var corpusGazetteerDropout: Double = 0

    @Option(name: .long, help: "Where to write the model.")
    var output: String = "Sources/BackchannelEntities/Resources/ner.model"

    @Option(name: .long, help: "Passes over the training data.")
    var epochs: Int = 12

    @Option(name: .long, help: "Seed for the order of training sentences.")
    var seed: UInt64 = 1

    func validate() throws {
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if !(0...1).contains(corpusGazetteerDropout) { throw ValidationError("--corpus-gazetteer-dropout must be between 0 and 1") }
    }

    func run() throws {
        let shared: [(String, EntityTraining.Scheme)] = [("gum_train_extra.jsonl", .native), ("wikigold.jsonl", .coarse)]
        let sources = shared.map { ((data as NSString).appendingPathComponent($0.0), $0.1, Float(1), 0.0) }
            + corpus.map { ($0, EntityTraining.Scheme.native, corpusWeight, corpusGazetteerDropout) }
        var examples: [EntityTraining.Example] = []
        for (path, scheme, weight, dropout) in sources {
            let file = (path as NSString).lastPathComponent
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ValidationError("\(path): cannot be read")
            }
            var found = EntityTraining.examples(jsonl: text, scheme: scheme)
            for n in found.indices {
                found[n].weight = weight
                found[n].gazetteerDropout = dropout
            }
            print("\(file): \(found.count) sentences, \(found.reduce(0) { $0 + $1.words.count }) tokens")
            examples += found
        }
        let model = EntityTraining.train(examples, epochs: epochs, seed: seed) { epoch, accuracy in
            print(String(format: "epoch %d: token accuracy %.4f", epoch, accuracy))
        }
        let bytes = model.serialized()
        try bytes.write(to: URL(fileURLWithPath: output))
        print("wrote \(output) (\(bytes.count / 1024) KB)")
    }
}
