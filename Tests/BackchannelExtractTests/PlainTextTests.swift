import BackchannelCore
import Testing

@testable import BackchannelExtract

@Suite("Plain-text articles")
struct PlainTextTests {
    @Test func copiedPageLosesItsFurniture() throws {
        let text = """
            The Ledger
            Envoys agree to meet again in Muscat next week
            Envoys agree to meet again in Muscat next week
            By Jane Doe
            April 12, 2025
            4 min read

            U.S. and Iranian envoys held indirect talks in Muscat on Saturday, Omani officials said.

            Delegates in the Omani capital.
            Photo: Salim Harthy/Gulf Lens

            Both sides described the session as constructive and agreed to a second round. One called it "a start."

            Leave a comment
            Subscribe to our newsletter
            Enter your email address

            Related Articles
            Talks in Rome end with agreement on expert-level work
            Envoy says talks will go on 'as long as it takes'
            Oman offers to host further rounds

            © 2025 The Ledger. All rights reserved.
            About The Ledger
            The Ledger is an independent publication covering diplomacy.
            Back to Top
            """
        let document = try #require(try ArticleExtractor().extract(Array(text.utf8), name: "copy.txt").document)
        #expect(document.metadata.title == "Envoys agree to meet again in Muscat next week")
        #expect(document.metadata.siteName == "The Ledger")
        #expect(document.metadata.authors == ["Jane Doe"])
        #expect(document.metadata.published?.description == "2025-04-12")
        #expect(document.metadata.language == "en")
        #expect(document.text == """
            U.S. and Iranian envoys held indirect talks in Muscat on Saturday, Omani officials said.

            Both sides described the session as constructive and agreed to a second round. One called it "a start."
            """)
        #expect(document.images == [ArticleImage(caption: "Delegates in the Omani capital.", credit: "Salim Harthy/Gulf Lens")])
    }

    /// A related headline may end like a sentence when it asks a question; written in title case,
    /// it is still a headline. A question in the body's own case ends the list.
    @Test func aRelatedHeadlineThatAsksAQuestion() throws {
        let text = """
            Envoys agree to meet again in Muscat next week

            U.S. and Iranian envoys held indirect talks in Muscat on Saturday, Omani officials said.

            Related Articles
            Grossi Goes to Tehran: Can the Inspectors Bridge the Gap on Enrichment?
            Oman offers to host further rounds
            Will the talks go on after the summer break?

            © 2025 The Ledger. All rights reserved.
            """
        let document = try #require(try ArticleExtractor().extract(Array(text.utf8), name: "copy.txt").document)
        #expect(document.text == """
            U.S. and Iranian envoys held indirect talks in Muscat on Saturday, Omani officials said.

            Will the talks go on after the summer break?
            """)
    }

    @Test func inlineImageCredit() throws {
        let text = "Headline about a summit in The Hague\n\nLeaders arrive at the venue. (Image Credit: Anna Berg/Lowland Photo)\n\nThe summit opened on Tuesday with a dinner hosted by the Dutch king."
        let document = try #require(try ArticleExtractor().extract(Array(text.utf8), name: "x.txt").document)
        #expect(document.images == [ArticleImage(caption: "Leaders arrive at the venue.", credit: "Anna Berg/Lowland Photo")])
        #expect(document.text == "The summit opened on Tuesday with a dinner hosted by the Dutch king.")
    }

    @Test func bodyOnlyKeepsTheInputVerbatim() throws {
        let text = "  Kyiv, April 11 — Talks resumed.\r\n\r\nSecond “paragraph” 🤝 here.\n"
        var options = ExtractionOptions(bodyOnly: true)
        options.url = "https://example.org/a"
        let document = try #require(try ArticleExtractor(options: options).extract(Array(text.utf8), name: "body.txt").document)
        #expect(document.text == text)
        #expect(document.metadata.title == nil)
        #expect(document.blocks.map { text.slice($0.span) } == ["Kyiv, April 11 — Talks resumed.", "Second “paragraph” 🤝 here."])
    }
}
