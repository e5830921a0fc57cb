import BackchannelCore
import BackchannelSegment
import Foundation
import Testing

@testable import BackchannelDates
@testable import BackchannelMoney

/// Fri 11 April 2025, the day Witkoff met Putin in St. Petersburg.
let published = Timestamp(year: 2025, month: 4, day: 11)!.date

func dates(_ text: String) -> [String] {
    let tokens = Segmenter().segment(text).tokens
    return DateRecognizer().recognize(text: text, tokens: tokens, published: published).map { mention in
        "\(text.slice(mention.span))=\(mention.value)/\(mention.granularity.rawValue)\(mention.approximate ? "~" : "")"
    }
}

func money(_ text: String) -> [String] {
    let tokens = Segmenter().segment(text).tokens
    return MoneyRecognizer().recognize(text: text, tokens: tokens).map { m in
        let amount = m.amount >= 1e9 ? "\(m.amount / 1e9)bn" : m.amount >= 1e6 ? "\(m.amount / 1e6)m" : "\(m.amount)"
        return "\(text.slice(m.span))=\(m.qualifier.map { $0 + " " } ?? "")\(amount) \(m.currency)"
    }
}

@Suite("Dates")
struct DateTests {
    @Test(arguments: [
        ("They met on April 11, 2025.", ["April 11, 2025=2025-04-11/day"]),
        ("They met on 11 April and again in 2029.", ["11 April=2025-04-11/day", "2029=2029/year"]),
        ("A deal is expected by mid-2025.", ["mid-2025=2025/year~"]),
        ("The envoy arrived on Friday.", ["Friday=2025-04-11/day"]),          // publication day is a Friday
        ("The call took place on Tuesday.", ["Tuesday=2025-04-08/day"]),
        ("Talks resume next Monday.", ["next Monday=2025-04-14/day"]),
        ("They spoke last week.", ["last week=2025-W14/week"]),
        ("Spending rose this year.", ["this year=2025/year"]),
        ("The truce began in February.", ["February=2025-02/month"]),
        ("A deal must be signed by May.", ["May=2025-05/month"]),
        ("It was agreed in December.", ["December=2024-12/month"]),        // a month after publication lies in the past
        ("The strike came less than 48 hours before the meeting.", ["less than 48 hours before=2025-04-09/day~"]),
        ("Officials may meet in March 2026.", ["March 2026=2026-03/month"]),
        ("He spent $2025 on it.", []),                                       // an amount, not a year
        ("Fighting resumed this morning.", ["this morning=2025-04-11/day"]),
        ("Talks continue tonight.", ["tonight=2025-04-11/day"]),
        ("Drones struck Kharkiv last night.", ["last night=2025-04-10/day"]),
        // the night before publication, dated as news dates it
        ("Russia fired 300 drones overnight. Overnight strike kills six.", ["overnight=2025-04-11/day", "Overnight=2025-04-11/day"]),
        // what came "nine days after" it was the news of the day: it was nine days before
        ("The round took place nine days after the ultimatum.", ["nine days after=2025-04-02/day~"]),
        ("The vote came a day after the sanctions.", ["a day after=2025-04-10/day~"]),
        ("It happened eleven days earlier.", ["eleven days earlier=2025-03-31/day~"]),
        // "later", "earlier" and "the next day" count from the last day the text gave
        ("The list came out on April 2. Washington acted the next day, and Moscow the same day. A day later it ended. Talks resume next week.",
         ["April 2=2025-04-02/day", "the next day=2025-04-03/day", "the same day=2025-04-03/day", "A day later=2025-04-04/day~",
          "next week=2025-W16/week"]),
        ("They met on April 2. Three days earlier the rebels had moved.", ["April 2=2025-04-02/day", "Three days earlier=2025-03-30/day~"]),
        ("The next day brought no news.", []),
        ("Russia struck on Tuesday. The next day Ukraine replied.", ["Tuesday=2025-04-08/day", "The next day=2025-04-09/day"]),
        // A weekday still to come is the next one.
        ("Zelensky is due in Paris on Tuesday.", ["Tuesday=2025-04-15/day"]),
        ("The leaders are to hold a joint summit on Monday.", ["Monday=2025-04-14/day"]),
        ("The envoys will meet on Wednesday, officials said on Thursday.", ["Wednesday=2025-04-16/day", "Thursday=2025-04-10/day"]),
        ("Talks will resume on Friday.", ["Friday=2025-04-11/day"]),                  // the day of publication
        ("He said on Tuesday that talks will resume.", ["Tuesday=2025-04-08/day"]),   // the saying is past
        ("The talks were due to end on Tuesday.", ["Tuesday=2025-04-08/day"]),
        // a month the clause looks forward to is the next of that name; "early", "mid-" approximate it
        ("Elections are due in late May.", ["late May=2025-05/month~"]),
        ("The summit is set for the first week of June.", ["June=2025-06/month"]),
        ("The summit was set for June.", ["June=2024-06/month"]),
        ("They met in early March.", ["early March=2025-03/month~"]),
        ("Talks will resume in mid-January.", ["mid-January=2026-01/month~"]),
        ("The army withdrew in mid-November 2024.", ["mid-November 2024=2024-11/month~"]),
        // a range of days is one mention dated by its first day, or its second after "the night of"
        ("Leaders met on March 3-4 in Oslo.", ["March 3-4=2025-03-03/day"]),
        ("A summit on 3–4 March 2026 is planned.", ["3–4 March 2026=2026-03-03/day"]),
        ("Drones crossed on the night of April 8-9.", ["April 8-9=2025-04-09/day"]),
        ("The vote was 12-3 in March.", ["March=2025-03/month"]),
    ])
    func normalisation(text: String, expected: [String]) {
        #expect(dates(text) == expected)
    }
}

@Suite("Money")
struct MoneyTests {
    @Test(arguments: [
        ("Allies pledged $24 billion.", ["$24 billion=24.0bn USD"]),
        ("Germany promised 21 billion euros.", ["21 billion euros=21.0bn EUR"]),
        ("Brussels freed €11 billion.", ["€11 billion=11.0bn EUR"]),
        ("London added £4.5bn.", ["£4.5bn=4.5bn GBP"]),
        ("A $584 million package.", ["$584 million=584.0m USD"]),
        ("Aid of over $24 billion arrived.", ["over $24 billion=over 24.0bn USD"]),
        ("Up to US$3m was set aside.", ["Up to US$3m=up to 3.0m USD"]),
        // a local dollar: the letters against the sign are part of the amount and give its code
        ("Canada will lend C$2.3bn.", ["C$2.3bn=2.3bn CAD"]),
        ("Canberra pledged A$50 million.", ["A$50 million=50.0m AUD"]),
        ("The port cost HK$1 billion.", ["HK$1 billion=1.0bn HKD"]),
        ("Sales fell 4 percent to 1.5 trillion roubles.", ["1.5 trillion roubles=1500.0bn RUB"]),
        ("It cost about 20,000 dollars.", ["about 20,000 dollars=about 20000.0 USD"]),
        ("Twenty people came in 2025.", []),
        // a country's word before the currency's name; Indian counts and the rupee's sign
        ("The fund received 450 million Swiss francs.", ["450 million Swiss francs=450.0m CHF"]),
        ("Seoul set aside 2 trillion South Korean won.", ["2 trillion South Korean won=2000.0bn KRW"]),
        ("The bill could cost as much as Rs 1.2 lakh crore.", ["as much as Rs 1.2 lakh crore=as much as 1200.0bn INR"]),
        ("Lagos raised 30 billion naira.", ["30 billion naira=30.0bn NGN"]),
        ("The team won 3 matches.", []),
    ])
    func amounts(text: String, expected: [String]) {
        #expect(money(text) == expected)
    }
}
