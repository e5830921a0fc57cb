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
            in ../shared/data/ner; see its README) and writes the model that `extract` uses. \
            Training is seeded: the same data gives the same model.
            """
    )

    @Option(name: .long, help: "Folder with gum_train_extra.jsonl and wikigold.jsonl.")
    var data: String = "../shared/data/ner"

    @Option(name: .long, help: "Where to write the model.")
    var output: String = "Sources/BackchannelEntities/Resources/ner.model"

    @Option(name: .long, help: "Passes over the training data.")
    var epochs: Int = 12

    @Option(name: .long, help: "Seed for the order of training sentences.")
    var seed: UInt64 = 1

    func validate() throws {
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
    }

    func run() throws {
        let sources: [(String, EntityTraining.Scheme)] = [("gum_train_extra.jsonl", .native), ("wikigold.jsonl", .coarse)]
        var examples: [EntityTraining.Example] = []
        for (file, scheme) in sources {
            let path = (data as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ValidationError("\(path): cannot be read")
            }
            let found = EntityTraining.examples(jsonl: text, scheme: scheme)
            print("\(file): \(found.count) sentences, \(found.reduce(0) { $0 + $1.words.count }) tokens")
            examples += found
        }
        let model = EntityTraining.train(examples, epochs: epochs, seed: seed) { epoch, accuracy in
            print(String(format: "epoch %d: token accuracy %.4f", epoch, accuracy))
        }
        let data = model.serialized()
        try data.write(to: URL(fileURLWithPath: output))
        print("wrote \(output) (\(data.count / 1024) KB)")
    }
}
