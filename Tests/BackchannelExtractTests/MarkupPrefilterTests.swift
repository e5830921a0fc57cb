import Testing

@testable import BackchannelExtract

@Suite("Markup prefilter")
struct MarkupPrefilterTests {
    func strip(_ html: String) -> String {
        String(decoding: MarkupPrefilter.strip(Array(html.utf8)), as: UTF8.self)
    }

    @Test func scriptsStylesSvgAndCommentsLoseTheirContents() {
        let html = #"<p>a</p><SCRIPT type="text/javascript">if (a < b) { x = "</p>"; }</SCRIPT><style>p{color:red}</style><!-- note <p>hidden</p> --><svg viewBox="0 0 1 1"><path d="M0"/></svg><p>b</p>"#
        #expect(strip(html) == #"<p>a</p><SCRIPT type="text/javascript"></SCRIPT><style></style><svg viewBox="0 0 1 1"></svg><p>b</p>"#)
    }

    @Test func jsonLDIsKept() {
        let html = #"<script type="application/ld+json">{"headline": "Talks"}</script>"#
        #expect(strip(html) == html)
    }

    @Test func lookalikeTagsAreLeftAlone() {
        let html = "<scripture>verse</scripture><styles>x</styles><svgx>y</svgx>"
        #expect(strip(html) == html)
    }

    @Test func unclosedElementsAreLeftAsTheyAre() {
        for html in ["<p>a</p><script>var x = 1;", "<p>a</p><!-- open comment", "<p>a</p><style"] {
            #expect(strip(html) == html)
        }
    }
}
