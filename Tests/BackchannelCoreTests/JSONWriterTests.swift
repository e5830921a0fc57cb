import Foundation
import Testing

@testable import BackchannelCore

@Suite("JSON writer")
struct JSONWriterTests {
    @Test func escapesPerRFC8259() throws {
        var json = JSONWriter(pretty: false)
        json.object { json in
            json.field("text", "quote \" backslash \\ newline \n tab \t bell \u{07} emoji 🤝 slash /")
            json.field("missing", nil as String?)
            json.field("count", 3)
            json.field("flag", true)
            json.field("list", ["a", "b"])
        }
        #expect(json.string == #"{"text":"quote \" backslash \\ newline \n tab \t bell \u0007 emoji 🤝 slash /","missing":null,"count":3,"flag":true,"list":["a","b"]}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(parsed["text"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{07} emoji 🤝 slash /")
    }

    @Test func prettyLayout() {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.field("a", 1)
            json.field("b") { $0.array([1, 2]) { json, n in json.value(n) } }
            json.field("c") { $0.array([Int]()) { _, _ in } }
        }
        #expect(json.string == "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": []\n}")
    }

    @Test func recordWriterAgreesWithEncodable() throws {
        let document = Document(
            source: Source(name: "x.html", encoding: "utf-8"),
            metadata: Metadata(title: "Talks “resume”", published: Timestamp(year: 2025, month: 4, day: 11),
                               authors: ["Jane Doe"], categories: ["Europe"], language: "en"),
            text: "First block.\n\nSecond 🤝 block.",
            blocks: [Block(kind: .paragraph, span: TextSpan(start: 0, end: 12)), Block(kind: .quote, span: TextSpan(start: 14, end: 30))],
            images: [ArticleImage(src: "https://example.org/a.jpg", caption: "A caption.", credit: "Agency")],
            layers: [.text])
        let record = ExtractRecord(source: "x.html", document: document)
        var json = JSONWriter(pretty: false)
        record.write(to: &json)
        let written = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? NSDictionary
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? NSDictionary
        #expect(written != nil)
        #expect(written == encoded)
    }
}
