import BackchannelCore
import Foundation
import Testing

@testable import BackchannelExtract

/// Bad input gets a clear result or a clear error: never a crash, never a hang.
@Suite("Robustness")
struct RobustnessTests {
    let extractor = ArticleExtractor()

    @Test func emptyInputIsSkipped() throws {
        for bytes: [UInt8] in [[], Array("  \n\t ".utf8), [0xEF, 0xBB, 0xBF]] {
            guard case .skipped(.empty) = try extractor.extract(bytes, name: "empty.html") else {
                Issue.record("expected .skipped(.empty) for \(bytes)")
                continue
            }
        }
    }

    @Test func binaryGarbageIsRefusedWithItsName() {
        var generator = SplitMix64(seed: 7)
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: ExtractionError.binary(input: "noise.bin", kind: "binary data")) {
            try extractor.extract(garbage, name: "noise.bin")
        }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 100)
        #expect(throws: ExtractionError.binary(input: "photo.html", kind: "PNG image")) {
            try extractor.extract(png, name: "photo.html")
        }
        #expect(ExtractionError.binary(input: "photo.html", kind: "PNG image").description
                == "photo.html: not a text or HTML page (PNG image)")
    }

    @Test func unclosedTagsStillGiveTheText() throws {
        let html = "<html><body><div class=story><p>Envoys met in Riyadh on Tuesday, officials said, in talks that lasted hours.<p>A second paragraph follows without any closing tags, as old sites write them.<div><b><i>unbalanced"
        let document = try #require(try extractor.extract(Array(html.utf8), name: "unclosed.html").document)
        #expect(document.text.contains("Envoys met in Riyadh on Tuesday"))
        #expect(document.text.contains("A second paragraph follows"))
    }

    @Test func hundredThousandNestedElementsDoNotOverflowTheStack() throws {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>Deep inside the page the text still sits, waiting for a reader to find it here.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        // libxml2 stops building the tree below its maximum depth (256), so the text
        // is not reached; what matters is a clear outcome instead of a crash.
        let outcome = try extractor.extract(Array(html.utf8), name: "deep.html")
        switch outcome {
        case .article(let document): #expect(!document.text.isEmpty)
        case .skipped(let reason): #expect(reason == .noArticleText)
        }
        // Moderate nesting (within the parser's limit) keeps its text.
        let moderate = "<html><body>" + String(repeating: "<div>", count: 200)
            + "<p>Moderately nested text is kept whole, and the extractor finds it without trouble.</p>"
            + String(repeating: "</div>", count: 200) + "</body></html>"
        let document = try #require(try extractor.extract(Array(moderate.utf8), name: "nested.html").document)
        #expect(document.text == "Moderately nested text is kept whole, and the extractor finds it without trouble.")
    }

    @Test func fiftyMegabytePageIsExtracted() throws {
        let paragraph = Array("<p>Negotiators in Geneva said on Friday that the talks, which began on Monday, had made progress on prisoner exchanges.</p>\n".utf8)
        var bytes = Array("<html><head><title>Long page</title></head><body><article>".utf8)
        bytes.reserveCapacity(50 << 20 + 1024)
        while bytes.count < 50 << 20 { bytes += paragraph }
        bytes += Array("</article></body></html>".utf8)
        let document = try #require(try extractor.extract(bytes, name: "big.html").document)
        #expect(document.blocks.count > 400_000)
        #expect(document.text.hasPrefix("Negotiators in Geneva"))
    }

    @Test func inputOverTheLimitIsRefused() {
        var options = ExtractionOptions()
        options.maximumBytes = 1000
        let bytes = Array(String(repeating: "<p>text</p>", count: 200).utf8)
        #expect(throws: ExtractionError.tooLarge(input: "huge.html", bytes: bytes.count, limit: 1000)) {
            try ArticleExtractor(options: options).extract(bytes, name: "huge.html")
        }
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Talks in Gen".utf8)
        bytes += [0xC3, 0x28, 0xFF, 0xFE] // invalid sequences
        bytes += Array("eva resumed on Monday, diplomats said, after a pause of several weeks.</p></body></html>".utf8)
        let document = try #require(try extractor.extract(bytes, name: "bad-utf8.html").document)
        #expect(document.text.contains("\u{FFFD}"))
        #expect(document.text.contains("resumed on Monday"))
    }

    @Test func pageWithNoArticleIsSkipped() throws {
        let html = "<html><body><nav><a href=/>Home</a> <a href=/world>World</a></nav><footer>© 2025 Example</footer></body></html>"
        guard case .skipped(.noArticleText) = try extractor.extract(Array(html.utf8), name: "nav.html") else {
            Issue.record("a page of navigation only must be skipped with a reason")
            return
        }
    }

    @Test func plainTextWithoutATitleKeepsItsBody() throws {
        let text = "officials said the talks would resume next week.\n\nno date was set, and neither side commented further on the substance of the proposals."
        let document = try #require(try extractor.extract(Array(text.utf8), name: "notitle.txt").document)
        #expect(document.metadata.title == nil)
        #expect(document.text.contains("no date was set"))
    }

    @Test(arguments: 0..<200)
    func randomMarkupNeverBreaksTheInvariants(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let html = RandomHTML.make(using: &generator)
        guard let document = try extractor.extract(Array(html.utf8), name: "random.html").document else { return }
        let count = document.text.scalarCount
        var previousEnd = 0
        for block in document.blocks {
            #expect(block.span.start >= previousEnd && block.span.end <= count && !block.span.isEmpty)
            previousEnd = block.span.end
        }
        #expect(document.blocks.map { document.text.slice($0.span) }.joined(separator: "\n\n") == document.text)
    }
}

/// Random tag soup with non-ASCII text, unbalanced tags and stray entities.
enum RandomHTML {
    static let tags = ["div", "p", "span", "a", "article", "section", "nav", "footer", "h2", "li", "ul", "blockquote",
                       "table", "td", "tr", "br", "script", "figure", "figcaption", "b", "i", "pre"]
    static let words = ["Kyiv", "Zaporizhzhia", "Tést🤣String", "Москва", "الدوحة", "東京", "envoy", "said", "talks",
                        "ceasefire", "&amp;", "&nbsp;", "&#x1F600;", "—", "“quoted”", "e\u{301}", "\u{200B}", "<", ">", "&"]
    static let classes = ["content", "share", "related", "article-body", "comments", "ad-slot", "entry-content", "nav"]

    static func make(using generator: inout SplitMix64) -> String {
        var out = "<html><body>"
        for _ in 0..<Int.random(in: 1...120, using: &generator) {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                let tag = tags.randomElement(using: &generator)!
                let cls = Bool.random(using: &generator) ? " class=\"\(classes.randomElement(using: &generator)!)\"" : ""
                out += "<\(tag)\(cls)>"
            case 1:
                out += "</\(tags.randomElement(using: &generator)!)>"
            default:
                out += (0..<Int.random(in: 1...30, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            }
        }
        return out
    }
}
