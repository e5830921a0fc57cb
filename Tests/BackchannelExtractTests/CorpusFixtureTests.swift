import BackchannelCore
import Foundation
import Testing

@testable import BackchannelExtract

/// The team's own corpus (Corpus/), rendered into six site templates and as copied text:
/// every page must give exactly the expected article (Corpus/expected/*.json, written by
/// scripts/render_corpus.py from the article sources, not recorded from the extractor).
@Suite("Corpus pages")
struct CorpusFixtureTests {
    struct Expected: Decodable {
        var title: String?
        var published: String?
        var modified: String?
        var authors: [String]
        var categories: [String]
        var tags: [String]
        var siteName: String?
        var language: String?
        var url: String?
        var description: String?
        var text: String
        var images: [Image]
        var mustContain: [String]
        var mustNotContain: [String]

        struct Image: Decodable, Equatable {
            var src: String?
            var caption: String?
            var credit: String?
        }
    }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static let pages: [String] = {
        let dir = root.appendingPathComponent("expected")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func corpusHasEveryTemplate() {
        // An HTML page for every article, in six templates, plus text copies of some.
        #expect(Self.pages.filter { $0.hasSuffix(".html") }.count >= 15)
        #expect(Self.pages.filter { $0.hasSuffix(".txt") }.count >= 5)
    }

    @Test(arguments: pages)
    func page(_ name: String) throws {
        let folder = name.hasSuffix(".html") ? "html" : "text"
        let bytes = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent(folder).appendingPathComponent(name)))
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Self.root.appendingPathComponent("expected/\(name).json")))

        let document = try #require(try ArticleExtractor().extract(bytes, name: name).document)
        let m = document.metadata
        #expect(document.text == expected.text)
        #expect(m.title == expected.title)
        #expect(m.published?.description == expected.published)
        #expect(m.modified?.description == expected.modified)
        #expect(m.authors == expected.authors)
        #expect(m.categories == expected.categories)
        #expect(m.tags == expected.tags)
        #expect(m.siteName == expected.siteName)
        #expect(m.language == expected.language)
        #expect(m.url == expected.url)
        #expect(m.description == expected.description)
        #expect(document.images.map { Expected.Image(src: $0.src, caption: $0.caption, credit: $0.credit) } == expected.images)
        for needle in expected.mustContain {
            #expect(document.text.contains(needle), "missing: \(needle)")
        }
        for needle in expected.mustNotContain {
            #expect(!document.text.localizedCaseInsensitiveContains(needle), "furniture in the body: \(needle)")
        }
        // Blocks tile the text: each span is a block, joined by one blank line.
        #expect(document.blocks.map { document.text.slice($0.span) }.joined(separator: "\n\n") == document.text)
    }
}
