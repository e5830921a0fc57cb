import Foundation
import Testing

@testable import BackchannelExtract

/// A quality floor on the article-extraction benchmark's development pages (in
/// ../shared/data, which is not part of the repository): body-text F1 over 4-token
/// shingles must not fall below the floor. Raise the floor when the extractor
/// improves; never lower it silently. The full benchmark, with speed, is
/// scripts/bench_extraction.py.
@Suite("Extraction quality floor (../shared data)")
struct DevSetFloorTests {
    static let floor = 0.965

    static let data = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/article-extraction/dev")

    static var available: Bool { FileManager.default.fileExists(atPath: data.path) }

    @Test(.enabled(if: available, "../shared/data/article-extraction/dev is not present"))
    func bodyTextF1StaysAboveTheFloor() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.data.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(files.count == 91)
        var precisions: [Double] = [], recalls: [Double] = []
        for file in files {
            let html = try [UInt8](Data(contentsOf: Self.data.appendingPathComponent(file)))
            let truthURL = Self.data.appendingPathComponent(String(file.dropLast(5)) + ".json")
            let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: truthURL)) as! [String: Any]
            let predicted = (try? ArticleExtractor().extract(html, name: file).document?.text) ?? ""
            let score = ShingleScore(predicted: predicted, truth: truth["articleBody"] as? String ?? "")
            if let p = score.precision { precisions.append(p) }
            recalls.append(score.recall)
        }
        let p = precisions.reduce(0, +) / Double(max(precisions.count, 1))
        let r = recalls.reduce(0, +) / Double(recalls.count)
        let f1 = 2 * p * r / (p + r)
        #expect(f1 >= Self.floor, "F1 \(f1) is below the floor \(Self.floor)")
    }
}

/// The benchmark's metric: multisets of 4-token shingles, tokens = runs of word characters.
struct ShingleScore {
    var precision: Double?
    var recall: Double

    init(predicted: String, truth: String) {
        let p = Self.shingles(predicted), t = Self.shingles(truth)
        var tp = 0
        for (key, count) in p { tp += min(count, t[key] ?? 0) }
        let pCount = p.values.reduce(0, +), tCount = t.values.reduce(0, +)
        precision = pCount == 0 ? nil : Double(tp) / Double(pCount)
        recall = tCount == 0 ? 1 : Double(tp) / Double(tCount)
    }

    static func shingles(_ text: String) -> [String: Int] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.properties.isAlphabetic || s.properties.numericType != nil || s == "_" {
                current.append(s)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        var result: [String: Int] = [:]
        if tokens.isEmpty { return result }
        if tokens.count < 4 { result[tokens.joined(separator: " "), default: 0] += 1; return result }
        for i in 0...(tokens.count - 4) { result[tokens[i..<(i + 4)].joined(separator: " "), default: 0] += 1 }
        return result
    }
}
