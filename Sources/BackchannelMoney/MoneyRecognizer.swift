import BackchannelCore

/// Finds amounts of money: "$24 billion", "21 billion euros", "€11 billion", "£4.5bn",
/// "$584 million", "over $24 billion", "US$3m", "1.5 trillion roubles".
///
/// Works on tokens: a currency sign or code before a number, or a currency word after
/// it, with an optional multiplier word and an optional qualifier before ("over",
/// "about", "up to", "nearly", "at least", "more than", "less than", …).
public struct MoneyRecognizer: Stage {
    public let name = "money"
    public let requires: Set<Layer> = [.tokens]
    public let provides: Set<Layer> = [.money]

    public init() {}

    public func process(_ document: inout Document) throws(StageError) {
        document.money = recognize(text: document.text, tokens: document.tokens, words: document.wordsOfTokens)
        document.layers.insert(.money)
    }

    static let symbols = WordMap<String>([
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH", "₹": "INR", "₪": "ILS", "₩": "KRW",
        "Rs": "INR", "Rs.": "INR",
    ])
    static let codes: WordSet = ["USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "CHF", "INR", "ILS", "SAR", "AED", "QAR", "TRY", "IRR"]
    static let words = WordMap<String>([
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
        "sterling": "GBP", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH",
        "hryvnias": "UAH", "hryvnias'": "UAH", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupee": "INR", "rupees": "INR",
        "shekel": "ILS", "shekels": "ILS", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
        "lira": "TRY", "liras": "TRY", "francs": "CHF", "franc": "CHF", "rial": "IRR", "rials": "IRR",
        "rand": "ZAR", "naira": "NGN", "shilling": "KES", "shillings": "KES", "birr": "ETB", "ringgit": "MYR",
        "rupiah": "IDR", "baht": "THB", "pesos": "MXN", "peso": "MXN", "zloty": "PLN", "forint": "HUF",
        "afghanis": "AFN", "manat": "AZN", "dram": "AMD", "drams": "AMD", "lari": "GEL", "tenge": "KZT", "dinar": "IQD", "dinars": "IQD",
    ])
    /// A country's word and its currency, for the currency words after it ("Swiss francs").
    static let nationalCurrencies: [(words: [String], currency: String)] = [
        (["Swiss"], "CHF"), (["CFA"], "XOF"), (["Hong", "Kong"], "HKD"), (["Canadian"], "CAD"), (["Australian"], "AUD"),
        (["New", "Zealand"], "NZD"), (["Singapore"], "SGD"), (["Taiwan"], "TWD"), (["U.S."], "USD"), (["US"], "USD"),
        (["Saudi"], "SAR"), (["Qatari"], "QAR"), (["Iranian"], "IRR"), (["Indian"], "INR"), (["Pakistani"], "PKR"),
        (["Egyptian"], "EGP"), (["Turkish"], "TRY"), (["Russian"], "RUB"), (["Ukrainian"], "UAH"), (["Chinese"], "CNY"),
        (["Japanese"], "JPY"), (["Israeli"], "ILS"), (["Emirati"], "AED"), (["Kuwaiti"], "KWD"), (["Jordanian"], "JOD"),
        (["Lebanese"], "LBP"), (["Syrian"], "SYP"), (["Sudanese"], "SDG"), (["Venezuelan"], "VES"), (["Mexican"], "MXN"),
        (["Nigerian"], "NGN"), (["South", "African"], "ZAR"), (["Kenyan"], "KES"), (["Ethiopian"], "ETB"), (["Afghan"], "AFN"),
        (["South", "Korean"], "KRW"), (["Korean"], "KRW"), (["Brazilian"], "BRL"), (["Argentine"], "ARS"), (["Colombian"], "COP"),
    ]
    static let multipliers = WordMap<Double>([
        "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
        "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
        "lakh": 1e5, "crore": 1e7,
    ])
    /// Qualifiers, longest first, as token sequences.
    static let qualifiers: [[String]] = [
        ["as", "much", "as"], ["more", "than"], ["less", "than"], ["fewer", "than"], ["at", "least"], ["up", "to"],
        ["close", "to"], ["in", "excess", "of"], ["over"], ["about"], ["around"], ["nearly"], ["almost"], ["roughly"],
        ["some"], ["approximately"], ["under"], ["below"], ["above"], ["just", "over"], ["just", "under"], ["an", "estimated"],
    ]

    public func recognize(text: String, tokens: [Token], words known: [String]? = nil) -> [MoneyMention] {
        let words = known ?? text.texts(of: tokens)
        var found: [MoneyMention] = []
        var k = 0
        while k < tokens.count {
            var currency: String?
            var prefixed = false
            var numberIndex = k
            // "$", "€", "US$", "USD". (Every symbol is "$" or starts outside ASCII, and every code
            // is three capitals: other words skip both look-ups.)
            let lead = words[k].utf8.first ?? 0
            let mayBeCurrency = lead >= 0x80 || lead == 0x24 || (lead >= 0x41 && lead <= 0x5A && words[k].utf8.count <= 3)
            if mayBeCurrency, let c = Self.symbols[words[k]] {
                currency = c
                numberIndex = k + 1
                // "US$", "C$", "HK$": the amount starts one token earlier, in that country's dollars.
                if k > 0, words[k] == "$", tokens[k - 1].span.end == tokens[k].span.start, let local = MoneyMention.localDollars[words[k - 1]] {
                    currency = local
                    prefixed = true
                }
            } else if mayBeCurrency, Self.codes.contains(words[k]), k + 1 < tokens.count, tokens[k + 1].kind == .number {
                currency = words[k]
                numberIndex = k + 1
            }
            guard currency != nil, numberIndex < tokens.count, tokens[numberIndex].kind == .number,
                  let value = Double(words[numberIndex].replacingOccurrences(of: ",", with: "")) else {
                if let m = wordCurrency(at: k, words: words, tokens: tokens) {
                    found.append(qualified(m, words: words, tokens: tokens))
                    k = m.lastToken + 1
                } else {
                    k += 1
                }
                continue
            }
            var amount = value
            var last = numberIndex
            if last + 1 < tokens.count, let mult = Self.multipliers[words[last + 1].lowercased()] {
                amount *= mult
                last += 1
                // "Rs 1.2 lakh crore": Indian counts multiply ("lakh crore" is 10^12).
                if last + 1 < tokens.count, words[last] == "lakh", words[last + 1].lowercased() == "crore" {
                    amount *= 1e7
                    last += 1
                }
            }
            let start = prefixed ? k - 1 : k
            let match = Match(firstToken: start, lastToken: last, amount: amount, currency: currency!)
            found.append(qualified(match, words: words, tokens: tokens))
            k = last + 1
        }
        return found
    }

    struct Match {
        var firstToken: Int
        var lastToken: Int
        var amount: Double
        var currency: String
    }

    /// "21 billion euros", "500 million dollars", "1.5 trillion roubles", "20 euros".
    private func wordCurrency(at k: Int, words: [String], tokens: [Token]) -> Match? {
        guard tokens[k].kind == .number, let value = Double(words[k].replacingOccurrences(of: ",", with: "")) else { return nil }
        var amount = value
        var j = k + 1
        if j < tokens.count, let mult = Self.multipliers[words[j].lowercased()] {
            amount *= mult
            j += 1
        }
        guard j < tokens.count else { return nil }
        // "450 million Swiss francs", "2 billion Hong Kong dollars", "Pakistani rupees": a
        // country's word before the currency's names whose currency it is.
        for (adjective, code) in Self.nationalCurrencies where j + adjective.count < tokens.count {
            let currencyWord = words[j + adjective.count].lowercased()
            guard adjective.indices.allSatisfy({ words[j + $0] == adjective[$0] }),
                  Self.words[currencyWord] != nil || ["won", "real", "reais"].contains(currencyWord) else { continue }
            return Match(firstToken: k, lastToken: j + adjective.count, amount: amount, currency: code)
        }
        if let c = Self.words[words[j].lowercased()] {
            return Match(firstToken: k, lastToken: j, amount: amount, currency: c)
        }
        if Self.codes.contains(words[j]) {
            return Match(firstToken: k, lastToken: j, amount: amount, currency: words[j])
        }
        return nil
    }

    private func qualified(_ match: Match, words: [String], tokens: [Token]) -> MoneyMention {
        var first = match.firstToken
        var qualifier: String?
        for q in Self.qualifiers where first >= q.count {
            let candidate = Array(words[(first - q.count)..<first]).map { $0.lowercased() }
            if candidate == q {
                qualifier = q.joined(separator: " ")
                first -= q.count
                break
            }
        }
        let span = TextSpan(start: tokens[first].span.start, end: tokens[match.lastToken].span.end)
        return MoneyMention(span: span, amount: match.amount, currency: match.currency, qualifier: qualifier)
    }
}
