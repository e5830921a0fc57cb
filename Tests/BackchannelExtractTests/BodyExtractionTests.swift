import BackchannelCore
import Testing

@testable import BackchannelExtract

@Suite("Article body")
struct BodyExtractionTests {
    func extract(_ html: String) throws -> Document {
        try #require(try ArticleExtractor().extract(Array(html.utf8), name: "test.html").document)
    }

    static let paragraphs = [
        "Foreign ministers from both countries met in Washington on Friday, officials said, to sign the text.",
        "The agreement commits each side to withdraw forces within ninety days, according to a copy seen by reporters.",
        "Mediators from Qatar, who hosted earlier rounds, said the next meeting would take place in Doha.",
    ]

    @Test func furnitureAroundTheArticleIsDropped() throws {
        let document = try extract("""
            <html><body>
            <header><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
            <div id="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
            <main><article>
              <h1>Peace deal signed in Washington</h1>
              <div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Share on X</a></div>
              <div class="entry-content">
                <p>\(Self.paragraphs[0])</p>
                <figure><img src="/a.jpg"><figcaption>Ministers sign the text. Photo: Jane Roe/Agency</figcaption></figure>
                <h2>What comes next</h2>
                <p>\(Self.paragraphs[1])</p>
                <ul><li>Withdrawal within ninety days of signature.</li><li>A joint security mechanism.</li></ul>
                <blockquote><p>This is a first step, not the last one, and everyone here knows it.</p></blockquote>
                <p>\(Self.paragraphs[2])</p>
                <p>No Comments</p>
                <p>6 minute read</p>
              </div>
              <div class="newsletter-box"><p>Sign up for our daily briefing</p><p>Enter your email address</p></div>
              <section class="related-posts"><h3>Related articles</h3><ul><li><a href="/x">Talks in Doha stall again as both sides trade blame</a></li></ul></section>
              <div id="comments"><p>Great article, thanks for writing it up in such detail!</p></div>
            </article></main>
            <footer><p>© 2025 The Ledger. All rights reserved.</p><a href="#top">Back to Top</a></footer>
            </body></html>
            """)
        #expect(document.text == [
            Self.paragraphs[0], "What comes next", Self.paragraphs[1],
            "Withdrawal within ninety days of signature.", "A joint security mechanism.",
            "This is a first step, not the last one, and everyone here knows it.", Self.paragraphs[2],
        ].joined(separator: "\n\n"))
        #expect(document.blocks.map(\.kind) == [.paragraph, .heading, .paragraph, .listItem, .listItem, .quote, .paragraph])
        #expect(document.images == [ArticleImage(src: "/a.jpg", caption: "Ministers sign the text.", credit: "Jane Roe/Agency")])
    }

    @Test func articleSplitByAdsIsJoined() throws {
        let document = try extract("""
            <html><body><div class="layout">
            <div class="sidebar"><p>Most read: a long list of other stories that are popular today on the site.</p></div>
            <div class="article-body">
              <div class="article-body__part"><p>\(Self.paragraphs[0])</p></div>
              <div class="ad-slot">Advertisement</div>
              <div class="article-body__part"><p>\(Self.paragraphs[1])</p><p>Read more: <a href="/y">Another story</a></p></div>
              <div class="ad-slot">Advertisement</div>
              <div class="article-body__part"><p>\(Self.paragraphs[2])</p></div>
            </div></div></body></html>
            """)
        #expect(document.text == Self.paragraphs.joined(separator: "\n\n"))
    }

    @Test func scriptTextIsNeverBody() throws {
        let document = try extract("""
            <html><body><article><p>\(Self.paragraphs[0])<script>var leaked = "secret";</script></p>
            <p>\(Self.paragraphs[1])</p><noscript>Enable JavaScript to see comments.</noscript></article></body></html>
            """)
        #expect(!document.text.contains("leaked"))
        #expect(!document.text.contains("JavaScript"))
    }

    @Test func doubleLineBreaksSplitParagraphsOnOldPages() throws {
        let document = try extract("""
            <html><body><td class="story">\(Self.paragraphs[0])<br><br>\(Self.paragraphs[1])<br>continued on the next line.</td></body></html>
            """)
        #expect(document.blocks.count == 2)
        #expect(document.text.hasSuffix("reporters. continued on the next line."))
    }

    @Test func entitiesAndWhitespaceAreNormalised() throws {
        let document = try extract("<html><body><article><p>  Kyiv&nbsp;and\n  Moscow &amp; the &#8220;talks&#8221;, officials said on Tuesday in a statement.</p></article></body></html>")
        #expect(document.text == "Kyiv and Moscow & the “talks”, officials said on Tuesday in a statement.")
    }
}
