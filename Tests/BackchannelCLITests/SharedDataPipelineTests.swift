import BackchannelCore
import BackchannelPipeline
import Foundation
import Testing

/// The whole language pipeline over real text from other sources (the NER development
/// files in ../shared, when present): nothing traps, every annotation indexes the text.
@Suite("Pipeline on shared NER texts")
struct SharedDataPipelineTests {
    static let folder = ExtractCommandTests.repository.deletingLastPathComponent().appendingPathComponent("shared/data/ner")
    static var available: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("gum_dev.jsonl").path) }

    @Test(.enabled(if: available, "../shared/data/ner is not present"))
    func everyDocumentGoesThroughThePipeline() throws {
        let pipeline = StandardPipeline.make()
        var documents = 0
        for file in ["gum_dev.jsonl", "uner_pud_dev.jsonl"] {
            let lines = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
            for line in lines {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let text = object["text"] as? String else { continue }
                var document = Document(metadata: Metadata(published: Timestamp(year: 2020, month: 1, day: 1)), text: text, layers: [.text])
                try pipeline.run(&document)
                let count = text.scalarCount
                for entity in document.entities {
                    #expect(!entity.mentions.isEmpty)
                    for mention in entity.mentions { #expect(mention.span.end <= count && !mention.span.isEmpty) }
                }
                for quote in document.quotes { #expect(quote.span.end <= count) }
                for date in document.dates { #expect(date.span.end <= count) }
                documents += 1
            }
        }
        #expect(documents == 218)
    }
}

/// A resource that fails to load is said, not silently worked around.
@Suite("Pipeline resources")
struct PipelineResourceTests {
    @Test func theShippedResourcesLoadAndAMissingModelIsReported() {
        #expect(StandardPipeline.resourceProblems().isEmpty)
        let problems = StandardPipeline.resourceProblems(typeModel: nil)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("event-types.tsv") == true && problems.first?.contains("rules alone") == true)
        let modality = StandardPipeline.resourceProblems(modalityModel: nil)
        #expect(modality.count == 1)
        #expect(modality.first?.contains("modality.tsv") == true && modality.first?.contains("rules' modality") == true)
        let dates = StandardPipeline.resourceProblems(dateModel: nil)
        #expect(dates.count == 1)
        #expect(dates.first?.contains("event-dates.tsv") == true && dates.first?.contains("rules' date") == true)
        let places = StandardPipeline.resourceProblems(placeModel: nil)
        #expect(places.count == 1)
        #expect(places.first?.contains("event-places.tsv") == true && places.first?.contains("rules' place") == true)
        let targets = StandardPipeline.resourceProblems(targetModel: nil)
        #expect(targets.count == 1)
        #expect(targets.first?.contains("event-targets.tsv") == true && targets.first?.contains("rules' targets") == true)
    }
}
