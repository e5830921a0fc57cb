import Testing

@testable import BackchannelExtract

@Suite("Dates on pages")
struct DateParserTests {
    @Test(arguments: [
        ("2025-04-11", "2025-04-11"),                            // date only: day precision
        ("2025-04-11T18:20:00Z", "2025-04-11T18:20:00Z"),
        ("2025-04-11T18:20:00.000Z", "2025-04-11T18:20:00Z"),    // fraction dropped
        ("2025-04-11T21:20:00+03:00", "2025-04-11T21:20:00+03:00"), // offset kept
        ("2025-04-11 18:20:00", "2025-04-11T18:20:00Z"),        // space separator, no zone: UTC
        ("2025-04-11T18:20", "2025-04-11T18:20:00Z"),
        ("Fri, 11 Apr 2025 18:20:00 GMT", "2025-04-11T18:20:00Z"), // RFC 822
        ("Fri, 11 Apr 2025 18:20:00 +0000", "2025-04-11T18:20:00Z"),
        ("April 11, 2025", "2025-04-11"),
        ("Apr. 11 2025", "2025-04-11"),
        ("11 April 2025", "2025-04-11"),
        ("Published April 24, 2025 at 11:00 AM UTC", "2025-04-24"),
    ])
    func machineAndHumanDates(input: String, expected: String) {
        #expect(DateParser.parseMachine(input)?.description == expected)
    }

    @Test(arguments: ["2025-02-30", "2025-13-01", "not a date", "", "April 32, 2025"])
    func impossibleDatesAreRejected(input: String) {
        #expect(DateParser.parseMachine(input) == nil)
    }

    @Test(arguments: [
        ("https://example.org/2025/04/11/envoy-meets-putin/", "2025-04-11"),
        ("https://example.org/world/2025-06-27-congo-rwanda", "2025-06-27"),
        ("https://example.org/news/20250318/strikes/", "2025-03-18"),
    ])
    func datesInURLs(url: String, expected: String) {
        #expect(DateParser.parseURL(url)?.description == expected)
    }

    @Test func urlWithoutDate() {
        #expect(DateParser.parseURL("https://example.org/news/12345/story") == nil)
    }
}
