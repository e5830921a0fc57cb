import BackchannelCore
import Foundation
import Testing

@Suite("ISO digits")
struct ISODigitsTests {
    @Test(arguments: [(7, 2, "07"), (2025, 4, "2025"), (12345, 4, "12345"), (0, 2, "00"), (-5, 2, "-05"), (31, 2, "31")])
    func padding(n: Int, width: Int, expected: String) {
        #expect(ISODigits.pad(n, width) == expected)
    }

    @Test func datesAndTimesMatchTheFormatterTheyReplace() {
        for (y, m, d, h, mi, s) in [(2025, 4, 11, 9, 5, 0), (999, 12, 31, 23, 59, 59), (2024, 2, 29, 0, 0, 7)] {
            #expect(ISODigits.day(y, m, d) == String(format: "%04d-%02d-%02d", y, m, d))
            #expect(ISODigits.month(y, m) == String(format: "%04d-%02d", y, m))
            #expect(ISODigits.time(y, m, d, h, mi, s) == String(format: "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, h, mi, s))
        }
        #expect(DayNumber.day(DayNumber.of("2025-04-11")!) == "2025-04-11")
    }
}
