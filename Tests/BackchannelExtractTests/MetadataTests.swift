import BackchannelCore
import Testing

@testable import BackchannelExtract

@Suite("Metadata")
struct MetadataTests {
    func metadata(_ html: String, url: String? = nil) throws -> Metadata {
        let tree = try #require(HTMLTree(utf8: Array(html.utf8)))
        return MetadataExtractor().extract(from: tree, url: url)
    }

    @Test func jsonLDComesFirst() throws {
        let m = try metadata("""
            <html lang="en-GB"><head><title>Wrong title | Site</title>
            <meta property="og:title" content="Also wrong">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"The Ledger"},
              {"@type":"NewsArticle","headline":"Envoy meets Putin in St. Petersburg",
               "datePublished":"2025-04-11T18:20:00Z","dateModified":"2025-04-12T08:00:00+02:00",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
               "articleSection":["Europe","Diplomacy"],"keywords":"Russia, Ukraine",
               "publisher":{"@type":"Organization","name":"The Ledger"}}]}</script>
            </head><body><h1>Envoy meets Putin in St. Petersburg</h1></body></html>
            """)
        #expect(m.title == "Envoy meets Putin in St. Petersburg")
        #expect(m.published?.description == "2025-04-11T18:20:00Z")
        #expect(m.modified?.description == "2025-04-12T08:00:00+02:00")
        #expect(m.authors == ["Jane Doe", "John Roe"])
        #expect(m.categories == ["Europe", "Diplomacy"])
        #expect(m.tags == ["Russia", "Ukraine"])
        #expect(m.siteName == "The Ledger")
        #expect(m.language == "en")
    }

    @Test func brokenJSONLDFallsBackToMetaTags() throws {
        let m = try metadata("""
            <head><script type="application/ld+json">{"headline": "Broken", </script>
            <meta property="og:title" content="Talks resume in Muscat">
            <meta property="og:site_name" content="Gulf Desk">
            <meta property="article:published_time" content="2025-04-12T10:00:00Z">
            <meta property="article:section" content="Middle East">
            <meta property="article:tag" content="Iran"><meta property="article:tag" content="Oman">
            <meta name="author" content="Samir Haddad">
            <meta name="description" content="  A second round.  ">
            <link rel="canonical" href="/2025/04/12/talks/"></head>
            """, url: "https://gulfdesk.example/x")
        #expect(m.title == "Talks resume in Muscat")
        #expect(m.published?.description == "2025-04-12T10:00:00Z")
        #expect(m.categories == ["Middle East"])
        #expect(m.tags == ["Iran", "Oman"])
        #expect(m.authors == ["Samir Haddad"])
        #expect(m.description == "A second round.")
        #expect(m.url == "https://gulfdesk.example/2025/04/12/talks/")
    }

    @Test(arguments: [
        ("Ceasefire talks stall in Doha | The Atlas Ledger", "Ceasefire talks stall in Doha"),
        ("Ceasefire talks stall in Doha - Northbridge Daily", "Ceasefire talks stall in Doha"),
        ("Ceasefire talks stall in Doha", "Ceasefire talks stall in Doha"),
    ])
    func titleTagLosesTheSiteName(title: String, expected: String) throws {
        #expect(try metadata("<head><title>\(title)</title></head><body></body>").title == expected)
    }

    @Test func siteNameBeforeTheHeadlineInTheTitleTag() throws {
        let m = try metadata("<head><title>The Valley Courier :: Gaza deal announced</title></head><body><h1>Gaza deal announced</h1></body>")
        #expect(m.title == "Gaza deal announced")
        #expect(m.siteName == "The Valley Courier")
    }

    @Test func visibleDatelineAndByline() throws {
        let m = try metadata("""
            <body><h1>Aid pledges grow</h1><div class="byline">By Clara Whitfield and Samir Haddad</div>
            <span class="dateline">Updated April 11, 2025</span><p>Text.</p></body>
            """)
        #expect(m.authors == ["Clara Whitfield", "Samir Haddad"])
        #expect(m.published?.description == "2025-04-11")
    }

    @Test func timeElementGivesTheDate() throws {
        let m = try metadata("<body><time datetime=\"2025-06-27T14:00:00Z\" class=\"published\">June 27</time></body>")
        #expect(m.published?.description == "2025-06-27T14:00:00Z")
    }

    @Test func dateFromTheURLLast() throws {
        let m = try metadata("<body><h1>Headline</h1></body>", url: "https://example.org/2025/03/18/strikes/")
        #expect(m.published?.description == "2025-03-18")
    }

    @Test func breadcrumbsBecomeCategories() throws {
        let m = try metadata("""
            <body><nav class="breadcrumb"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/africa">Africa</a></nav></body>
            """)
        #expect(m.categories == ["World", "Africa"])
    }

    @Test func wordPressCategoryAndTagLinks() throws {
        let m = try metadata("""
            <body><a href="/c/europe" rel="category tag">Europe</a> <a href="/t/nato" rel="tag">NATO</a></body>
            """)
        #expect(m.categories == ["Europe"])
        #expect(m.tags == ["NATO"])
    }
}
