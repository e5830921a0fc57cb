import BackchannelCore
import Foundation

/// One name, one reading per document: after tagging, every other occurrence of a tagged
/// name is tagged too, a person's surname alone counts as that person ("Rishi Sunak" …
/// "Sunak"), and a name tagged with different types takes its most frequent type.
/// The tagger sees one sentence at a time; this pass gives it the document.
struct NameConsistency {
    let gazetteer: Gazetteer
    /// Token indices that start a sentence: no rule joins words across them.
    var sentenceStarts: TokenPositions = []
    /// The words the document writes in lower case, when the caller has them already
    /// (``TaggerFeatures/lowercaseVocabulary(_:)``); computed from the words otherwise.
    var lowercaseSeen: Set<String>? = nil

    /// Whether tokens `range` lie in one sentence.
    func inOneSentence(_ range: Range<Int>) -> Bool {
        !range.dropFirst().contains { sentenceStarts.contains($0) }
    }

    func apply(_ found: [EntityResolver.Found], words: [String], matches: [Gazetteer.Match]? = nil) -> [EntityResolver.Found] {
        let matches = matches ?? gazetteer.matches(words)
        var found = notPersons(trimmed(found, words: words), words: words)
        found = extendBeforePossessives(titledNames(found, words: words, matches: matches), words: words)
        found = givenNames(found, words: words)
        found = leadingInitialsAndGivenNames(found, words: words)
        found = organisationRuns(found, words: words)
        found = knownNames(found, words: words, matches: matches)
        found = acronyms(found, words: words)
        found = statesAndAgreements(found, words: words)
        found = hyphenatedGivenNames(found, words: words)
        found = personNames(possessingStates(settlementNames(siteNames(found, words: words), words: words), words: words), words: words)
        found = placesAfterPrepositions(found, words: words)
        found = describedPlaces(found, words: words)
        found = honorifics(found, words: words)
        found = titledAppositions(found, words: words)
        found = speakingNames(found, words: words)
        found = aliasNames(found, words: words)
        found = describedBodies(found, words: words)
        found = administrations(found, words: words)
        let speakers = speakerNames(found, words: words).subtracting(Self.indefinitePeople.words)
        found = found.map { f in
            f.tokens.count == 1 && speakers.contains(words[f.tokens.lowerBound]) ? EntityResolver.Found(tokens: f.tokens, type: .person) : f
        }
        var votes: [[String]: [EntityType: Int]] = [:]
        found.removeAll { $0.tokens.count == 1 && Self.indefinitePeople.contains(words[$0.tokens.lowerBound]) }
        for f in found {
            votes[Array(words[f.tokens]), default: [:]][f.type, default: 0] += 1
        }
        // Surnames of full person names, unless the surname is itself tagged otherwise; a
        // surname of two words too ("Thérèse Kayikwamba Wagner" … "Kayikwamba Wagner").
        for f in found where f.type == .person && f.tokens.count >= 2 {
            let last = [words[f.tokens.upperBound - 1]]
            if votes[last] == nil, last[0].startsUppercase, last[0].count > 2 { votes[last] = [.person: 1] }
            // "Abdel Fattah al-Burhan" … "Burhan": the surname without its Arabic article; and
            // with it, "al-Sharaa" alone, or "Al-Sharaa" opening a sentence.
            if let bare = Self.withoutParticle(last[0]), !isKnownPlaceOrBody(bare) {
                if votes[[bare]] == nil { votes[[bare]] = [.person: 1] }
                for form in [last[0], Self.capitalised(last[0])] where votes[[form]] == nil { votes[[form]] = [.person: 1] }
            }
            if f.tokens.count >= 3 {
                let lastTwo = Array(words[(f.tokens.upperBound - 2)..<f.tokens.upperBound])
                if votes[lastTwo] == nil, lastTwo.allSatisfy({ $0.startsUppercase && $0.count > 2 }) { votes[lastTwo] = [.person: 1] }
            }
        }
        var typeOf = votes.mapValues { counts in counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }!.key }
        // A word that ends a person's full name is that person wherever it stands alone,
        // whatever the tagger said of it there ("Hegseth" tagged GPE beside "Pete Hegseth").
        for f in found where f.type == .person && f.tokens.count >= 2 {
            let last = [words[f.tokens.upperBound - 1]]
            if typeOf[last] != nil, typeOf[last] != .person, !isKnownPlaceOrBody(last[0]) { typeOf[last] = .person }
            // ("Bashir" tagged GPE beside "Omar al-Bashir": the surname without its article too.)
            if let bare = Self.withoutParticle(last[0]), typeOf[[bare]] != nil, typeOf[[bare]] != .person, !isKnownPlaceOrBody(bare) {
                typeOf[[bare]] = .person
            }
            if Self.isParticleName(last[0]) {
                let capitalised = [Self.capitalised(last[0])]
                if typeOf[capitalised] != nil, typeOf[capitalised] != .person { typeOf[capitalised] = .person }
            }
        }
        for name in speakers { typeOf[[name]] = .person }
        var result = found.map { EntityResolver.Found(tokens: $0.tokens, type: typeOf[Array(words[$0.tokens])] ?? $0.type) }

        // Untagged occurrences of known names, longest names first.
        var covered = [Bool](repeating: false, count: words.count)
        for f in result { for k in f.tokens { covered[k] = true } }
        // (A name may open with an Arabic article in lower case: "al-Sharaa", "al-Qaeda".)
        let names = typeOf.keys.filter { name in name.first.map(Self.startsName) ?? false }
            .sorted { $0.count > $1.count }
        guard !names.isEmpty else { return trimmed(result, words: words) }
        var byFirst: [String: [[String]]] = [:]
        for name in names { byFirst[name[0], default: []].append(name) }
        var k = 0
        while k < words.count {
            guard !covered[k], let candidates = byFirst[words[k]] else { k += 1; continue }
            var matched = false
            for name in candidates where k + name.count <= words.count && Array(words[k..<(k + name.count)]) == name
                && inOneSentence(k..<(k + name.count)) {
                let span = k..<(k + name.count)
                // A longer name replaces shorter readings inside it ("Kayikwamba Wagner", where
                // "Wagner" alone reads as the Wagner Group); it never cuts across one.
                if covered[span].contains(true) {
                    let inside = result.filter { $0.tokens.overlaps(span) }
                    guard name.count >= 2, inside.allSatisfy({ span.contains($0.tokens.lowerBound) && $0.tokens.upperBound <= span.upperBound && $0.tokens.count < name.count }) else { continue }
                    result.removeAll { $0.tokens.overlaps(span) }
                }
                result.append(EntityResolver.Found(tokens: span, type: typeOf[name]!))
                for j in k..<(k + name.count) { covered[j] = true }
                k += name.count
                matched = true
                break
            }
            if !matched { k += 1 }
        }
        // (Again at the end: the passes above build runs of capitalised words afresh.)
        return trimmed(result, words: words).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    static let speechVerbs: WordSet = ["said", "says", "told", "tells", "added", "insisted", "replied", "wrote"]
    /// Verbs after which a known surname is a person speaking or acting ("Rubio called…").
    static let surnameVerbs: WordSet = speechVerbs.union(["called", "warned", "urged", "described", "accused", "insisted", "argued",
                                                          "announced", "vowed", "posted", "rejected", "dismissed", "praised"])
    /// The words one of which follows a speaker's name in every test of ``speakerNames(_:words:)``.
    static let speakerCues: WordSet = surnameVerbs.union(speechVerbs).union(["has", "had", "'s", "’s"])
    /// What speaks for a person: "Netanyahu's office said".
    static let speakingOffices: WordSet = ["office", "spokesman", "spokeswoman", "spokesperson", "aides", "aide", "campaign", "lawyer", "lawyers"]

    /// "Trump said", "Putin told reporters": a single capitalised word that speaks is a
    /// person, whatever the tagger made of it, unless it is a known place or body ("Moscow
    /// said", "Hamas said") or a pronoun. To keep sentence-initial common nouns out
    /// ("Officials said"), the word must also stand capitalised inside a sentence somewhere
    /// in the document. The tagger, which sees one sentence, often reads a bare surname it
    /// has never met as a place.
    func speakerNames(_ found: [EntityResolver.Found], words: [String]) -> Set<String> {
        var inside = Set<String>()
        for (k, w) in words.enumerated() where !sentenceStarts.contains(k) && k > 0 && Self.isCapitalised(w) { inside.insert(w) }
        var partOfLonger = Set<Int>()
        for f in found where f.tokens.count > 1 { for k in f.tokens { partOfLonger.insert(k) } }
        var names = Set<String>()
        // "Trump said", and "Trump has said", "Putin had told".
        let speaks = { (k: Int) -> Bool in
            Self.speechVerbs.contains(words[k + 1])
                || (["has", "had"].contains(words[k + 1]) && k + 2 < words.count && Self.speechVerbs.contains(words[k + 2]))
        }
        // "Rubio called the offer…", "Netanyahu's office said": a word the gazetteer knows only
        // as a surname acts as one even where it opens every sentence it stands in, and after
        // more verbs of speech, or with an office that speaks for the person.
        let knownSurname = { (w: String) -> Bool in
            let entries = gazetteer.lookup(w)
            return entries.contains { $0.type == "SURNAME" } && entries.allSatisfy { $0.type == "FIRSTNAME" || $0.type == "SURNAME" }
        }
        let officeSpeaks = { (k: Int) -> Bool in
            k + 2 < words.count && ["'s", "’s"].contains(words[k + 1]) && Self.speakingOffices.contains(words[k + 2])
        }
        let speaksAsSurname = { (k: Int) -> Bool in Self.surnameVerbs.contains(words[k + 1]) || officeSpeaks(k) }
        // (Every test below needs one of these words after the name: one look-up settles most words.)
        for k in 0..<max(0, words.count - 1) where Self.speakerCues.contains(words[k + 1])
        && (speaks(k) || officeSpeaks(k) && inside.contains(words[k]) || speaksAsSurname(k) && knownSurname(words[k])) && !sentenceStarts.contains(k + 1) {
            let w = words[k]
            guard Self.isNameWord(w), w.count > 2, !w.contains("."), !Self.notNames.contains(w), inside.contains(w) || knownSurname(w), !partOfLonger.contains(k),
                  k == 0 || sentenceStarts.contains(k) || !Self.isCapitalised(words[k - 1]),
                  gazetteer.lookup(w).allSatisfy({ $0.type == "FIRSTNAME" || $0.type == "SURNAME" }) else { continue }
            names.insert(w)
        }
        return names
    }

    func isKnownPlaceOrBody(_ word: String) -> Bool {
        gazetteer.lookup(word).contains { ["GPE", "ORG", "LOC", "NORP", "FAC"].contains($0.type) }
    }

    /// Names the gazetteer knows (countries, cities, bodies, nationalities) that the tagger
    /// left untagged ("Iranian Foreign Minister", "United Nations") or cut in pieces
    /// ("West" + "Bank" for "West Bank"): a longer known name replaces the pieces inside it.
    func knownNames(_ found: [EntityResolver.Found], words: [String], matches: [Gazetteer.Match]) -> [EntityResolver.Found] {
        var result = found
        for match in matches {
            // (A name may open with an Arabic article in lower case: "al-Qaeda", "al-Jawf", and
            // without its hyphen, "al Qaeda in the Islamic Maghreb".)
            let first = words[match.tokens.lowerBound]
            let article = match.tokens.count >= 2 && ["al", "el"].contains(first) && words[match.tokens.lowerBound + 1].startsUppercase
            guard let type = EntityType(rawValue: match.entry.type), Self.startsName(first) || article,
                  inOneSentence(match.tokens) else { continue }
            let overlapping = result.filter { $0.tokens.overlaps(match.tokens) }
            if overlapping.isEmpty {
                result.append(EntityResolver.Found(tokens: match.tokens, type: type))
            } else if match.tokens.count >= 2, overlapping.allSatisfy({ match.tokens.contains($0.tokens.lowerBound) && $0.tokens.upperBound <= match.tokens.upperBound }),
                      overlapping.count > 1 || overlapping[0].tokens.count < match.tokens.count {
                result.removeAll { $0.tokens.overlaps(match.tokens) }
                result.append(EntityResolver.Found(tokens: match.tokens, type: type))
            }
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Words that put a month after them: "in May", "since May", "early May".
    static let beforeMonths: WordSet = ["in", "since", "until", "till", "by", "from", "early", "late", "mid", "last", "next", "this", "of", "through"]
    static let feasts: WordSet = ["Easter", "Christmas", "Ramadan", "Eid", "Passover", "Hanukkah", "Diwali", "Nowruz", "Thanksgiving"]
    static let calendarWords: WordSet = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// What a person's name is not made of, whatever the tagger said:
    /// - a weekday or a month at its end ("Hugh McGuire Sunday, May 28" is Hugh McGuire);
    /// - an organisation after "of" ("Alvin Yeung of Civic Party" is a person and a party),
    ///   or a country ("Hanno Pevkur of Estonia" is a person and a state);
    /// - a person after an organisation's head word ("Refugee Council Enver Solomon",
    ///   "Washington State University Simon Ličen": the body, then its person);
    /// - an organisation's head word at its end ("People Magazine", "Party"): an organisation;
    /// - a single word in capitals outside a headline ("FTU's Alice Mak"): an acronym, so an
    ///   organisation.
    func notPersons(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result: [EntityResolver.Found] = []
        for var f in found {
            if f.tokens.count == 1, Self.indefinitePeople.contains(words[f.tokens.lowerBound]) { continue }
            // "On Tuesday", "in February", "Easter": a day, a month or a feast alone names no one
            // and no place ("May" excepted: it is also a surname).
            if f.tokens.count == 1, Self.calendarWords.contains(words[f.tokens.lowerBound]) || Self.feasts.contains(words[f.tokens.lowerBound]) { continue }
            // "in May", "since May", "May 12": there it is the month, not a place or a body.
            if f.tokens.count == 1, f.type != .person, words[f.tokens.lowerBound] == "May" {
                let k = f.tokens.lowerBound
                if k > 0, Self.beforeMonths.contains(words[k - 1].lowercased()) { continue }
                if k + 1 < words.count, words[k + 1].first?.isNumber == true { continue }
            }
            if f.type == .person, f.tokens.count >= 2, Self.calendarWords.contains(words[f.tokens.upperBound - 1]) {
                f.tokens = f.tokens.lowerBound..<(f.tokens.upperBound - 1)
            }
            // (The tagger sometimes calls the whole "Claudia Mo of Civic Party" an organisation:
            // a given name and no head word before "of" say the first part is a person.)
            if let of = f.tokens.dropFirst().first(where: { words[$0] == "of" }), of + 1 < f.tokens.upperBound,
               Self.organisationLastWords.contains(words[f.tokens.upperBound - 1].lowercased()),
               f.type == .person || (f.type == .org && gazetteer.lookup(words[f.tokens.lowerBound]).contains { $0.type == "FIRSTNAME" }
                   && !(f.tokens.lowerBound..<of).contains { Self.organisationFirstWords.contains(words[$0].lowercased()) || Self.organisationLastWords.contains(words[$0].lowercased()) }) {
                result.append(EntityResolver.Found(tokens: f.tokens.lowerBound..<of, type: .person))
                result.append(EntityResolver.Found(tokens: (of + 1)..<f.tokens.upperBound, type: .org))
                continue
            }
            // "signed by Hanno Pevkur of Estonia and Dovile Sakaliene of Lithuania": a name of
            // words the gazetteer knows only as people's, or not at all, before "of" and a
            // country is a person of that country, not one body.
            if f.type == .org || f.type == .person, let of = f.tokens.dropFirst(2).first(where: { words[$0] == "of" }),
               of - f.tokens.lowerBound <= 4, of + 1 < f.tokens.upperBound,
               gazetteer.lookup(words[(of + 1)..<f.tokens.upperBound].joined(separator: " ")).contains(where: { $0.type == "GPE" && $0.kind == "country" }),
               (f.tokens.lowerBound..<of).allSatisfy({ k in
                   Self.isNameWord(words[k]) && !Self.organisationFirstWords.contains(words[k].lowercased())
                       && !Self.organisationLastWords.contains(words[k].lowercased())
                       && gazetteer.lookup(words[k]).allSatisfy { ["FIRSTNAME", "SURNAME"].contains($0.type) }
               }) {
                result.append(EntityResolver.Found(tokens: f.tokens.lowerBound..<of, type: .person))
                result.append(EntityResolver.Found(tokens: (of + 1)..<f.tokens.upperBound, type: .gpe))
                continue
            }
            if f.type == .org, f.tokens.count >= 3,
               let head = f.tokens.dropLast().last(where: { Self.organisationLastWords.contains(words[$0].lowercased()) }),
               head + 1 < f.tokens.upperBound,
               gazetteer.lookup(words[head + 1]).contains(where: { $0.type == "FIRSTNAME" }),
               f.tokens[(head + 1)...].allSatisfy({ Self.isNameWord(words[$0]) }) {
                result.append(EntityResolver.Found(tokens: f.tokens.lowerBound..<(head + 1), type: .org))
                result.append(EntityResolver.Found(tokens: (head + 1)..<f.tokens.upperBound, type: .person))
                continue
            }
            if f.type == .person, Self.organisationLastWords.contains(words[f.tokens.upperBound - 1].lowercased()) {
                f.type = .org
            }
            // "the Second World War", "the Cold War": a war's name names no one.
            if f.type == .person, f.tokens.count >= 2, ["War", "Wars"].contains(words[f.tokens.upperBound - 1]) { continue }
            if f.type == .person, f.tokens.count == 1, Self.isAcronym(words[f.tokens.lowerBound]),
               !isHeadline(around: f.tokens.lowerBound, words: words) {
                f.type = .org
            }
            if !f.tokens.isEmpty { result.append(f) }
        }
        return result
    }

    /// Words in capitals that are not the names of bodies: roles, measures, things, weapons,
    /// times, and Roman numerals are checked apart.
    static let notOrganisationAcronyms: WordSet = [
        "CEO", "CFO", "COO", "CTO", "MP", "MPs", "MEP", "PM", "AM", "FM", "GMT", "UTC", "GDP", "GNP", "VAT", "TV", "PC", "CD",
        "DVD", "DNA", "HIV", "AIDS", "COVID", "SARS", "OK", "ID", "IQ", "VR", "AI", "IT", "HQ", "PR", "QA", "FAQ", "URL", "PDF",
        "LNG", "LPG", "CO2", "km", "KM", "MW", "GW", "ICBM", "ICBMs", "UAV", "UAVs", "SAM", "SAMs", "HIMARS", "ATACMS", "IED",
        "IEDs", "RPG", "APC", "APCs", "MLRS", "WMD", "NPT", "POW", "POWs", "IDP", "IDPs", "VIP", "PhD", "BBQ", "ASAP", "AD", "BC",
        "BCE", "CE", "USD", "EUR", "GBP", "RUB", "UAH", "HTML", "XML", "CSS", "API", "GPS", "SMS", "USB", "SUV", "SUVs",
    ]

    /// A word in capitals standing alone that nothing tagged ("BA and IAG", "Kwok Wai-keung of
    /// FTU", "the RHS") is an organisation's short name, outside headlines and unless it is a
    /// known place or one of ``notOrganisationAcronyms``.
    func acronyms(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var covered = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens { covered[k] = true } }
        var result = found
        // "AND", "NOT" written in capitals for emphasis are words the text also writes in lower case.
        let lowercase = lowercaseSeen ?? TaggerFeatures.lowercaseVocabulary(words)
        for (k, word) in words.enumerated() where !covered[k] && Self.isAcronym(word) && !Self.notOrganisationAcronyms.contains(word)
            && !lowercase.contains(word.lowercased())
            && !Self.isRomanNumeral(word) && !isHeadline(around: k, words: words) {
            let known = gazetteer.lookup(word)
            if known.contains(where: { $0.type != "ORG" }) { continue }
            result.append(EntityResolver.Found(tokens: k..<(k + 1), type: .org))
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Words that make "<place> …" the name of a text or a meeting, not the place.
    static let agreementWords: WordSet = [
        "Agreement", "Agreements", "Accord", "Accords", "Treaty", "Protocol", "Amendment", "Convention", "Declaration",
        "Memorandum", "Communiqué", "Communique", "Charter", "Act", "Pact", "Plan", "Process", "Format",
    ]
    /// Words that make "<word> of <place>" the name of a state ("Kingdom of Saudi Arabia").
    static let stateWords: WordSet = [
        "Kingdom", "Republic", "Community", "Principality", "Emirate", "Sultanate", "Duchy", "State", "Commonwealth",
        "Federation", "Province", "Empire", "Caliphate",
    ]

    /// "the Paris Agreement", "the Kigali Amendment", "the Minsk Protocol": the place names a
    /// text, so it is not a place mention. "the Kingdom of France", "Federal Republic of
    /// Cameroon", "Community of Madrid": the state's full name is one place.
    func statesAndAgreements(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result: [EntityResolver.Found] = []
        let sorted = found.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        for f in sorted {
            let end = f.tokens.upperBound
            if f.type == .gpe || f.type == .loc, end < words.count, !sentenceStarts.contains(end), Self.agreementWords.contains(words[end]) {
                continue
            }
            // "the Stockholm Agreement" cut by the tagger leaves "Agreement": a text, no name.
            // "Operation Barkhane", "Operation Sindoor": a military operation's name is no actor.
            if f.type != .person, f.tokens.count == 1, Self.agreementWords.contains(words[f.tokens.lowerBound]) { continue }
            if words[f.tokens.lowerBound] == "Operation"
                || f.tokens.lowerBound > 0 && words[f.tokens.lowerBound - 1] == "Operation" && !sentenceStarts.contains(f.tokens.lowerBound) { continue }
            if f.type == .gpe || f.type == .loc, f.tokens.lowerBound >= 2, words[f.tokens.lowerBound - 1] == "of",
               Self.stateWords.contains(words[f.tokens.lowerBound - 2]), !sentenceStarts.contains(f.tokens.lowerBound - 1) {
                var start = f.tokens.lowerBound - 2
                // Capitalised words before it belong to the name ("Federal Republic", "Islamic Republic").
                while start > 0, !sentenceStarts.contains(start), Self.isCapitalised(words[start - 1]), !Self.notNames.contains(words[start - 1]) { start -= 1 }
                // What the tagger made of those words gives way to the whole name.
                result.removeAll { $0.tokens.overlaps(start..<end) }
                result.append(EntityResolver.Found(tokens: start..<end, type: .gpe))
                continue
            }
            result.append(f)
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "Kim Jong-un", "Moon Jae-in", "Leung Kwok-hung", "Wong Pik-wan": a short capitalised
    /// surname before a hyphenated given name of two syllables is a Korean or Chinese
    /// person's name. Completes a person's span that stops at the surname, and tags the name
    /// where nothing else was tagged.
    func hyphenatedGivenNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result = found
        var covered = [Int?](repeating: nil, count: words.count)
        for (n, f) in result.enumerated() { for k in f.tokens { covered[k] = n } }
        for k in 0..<max(0, words.count - 1) where Self.isHyphenatedGivenName(words[k + 1]) && !sentenceStarts.contains(k + 1) && covered[k + 1] == nil {
            let surname = words[k]
            guard let first = surname.unicodeScalars.first, first.isUpper, (2...6).contains(surname.count),
                  surname.unicodeScalars.dropFirst().allSatisfy({ $0.isLower }),
                  !gazetteer.lookup(surname).contains(where: { ["GPE", "ORG", "LOC", "NORP", "TITLE"].contains($0.type) }) else { continue }
            if let n = covered[k] {
                guard result[n].type == .person, result[n].tokens.upperBound == k + 1 else { continue }
                result[n].tokens = result[n].tokens.lowerBound..<(k + 2)
            } else {
                result.append(EntityResolver.Found(tokens: k..<(k + 2), type: .person))
            }
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "Jong-un", "Kwok-hung": a capital, small letters, a hyphen, small letters.
    static func isHyphenatedGivenName(_ word: String) -> Bool {
        guard word.utf8.count <= 26, word.utf8.contains(0x2D), let b = word.utf8.first, b >= 0x41 && b <= 0x5A || b >= 0x80 else { return false }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...6).contains(parts[0].count), (1...6).contains(parts[1].count),
              let first = parts[0].unicodeScalars.first, first.isUpper else { return false }
        return parts[0].unicodeScalars.dropFirst().allSatisfy { $0.isLower }
            && parts[1].unicodeScalars.allSatisfy { $0.isLower }
    }

    static func isRomanNumeral(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { "IVXLCDM".unicodeScalars.contains($0) }
    }

    /// "FTU", "NATO", "M5S": two to six capitals (a digit allowed), no dots.
    static func isAcronym(_ word: String) -> Bool {
        guard let b = word.utf8.first, b >= 0x41 && b <= 0x5A || b >= 0x80, word.utf8.count <= 24 else { return false }
        let scalars = word.unicodeScalars
        guard (2...6).contains(scalars.count), scalars.first!.isUpper else { return false }
        return scalars.allSatisfy { $0.isUpper || ("0"..."9").contains($0) }
    }

    /// Whether the sentence around token `k` has no lower-case word (a headline in capitals).
    func isHeadline(around k: Int, words: [String]) -> Bool {
        var start = k
        while start > 0, !sentenceStarts.contains(start) { start -= 1 }
        var end = k + 1
        while end < words.count, !sentenceStarts.contains(end) { end += 1 }
        return !words[start..<end].contains { $0.unicodeScalars.contains { $0.isLower } }
    }

    /// "O.J. Simpson", "J. Robert Oppenheimer", "Kristin Scott Thomas": initials and known
    /// given names right before a person's name belong to it, when the tagger left them out.
    func leadingInitialsAndGivenNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var covered = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens { covered[k] = true } }
        var result = found
        // "JD Vance": two capitals before a person's name are initials, unless they are a
        // known body or place ("UN", "EU"), whatever the tagger made of them.
        let bareInitials = { (k: Int) -> Bool in Self.isBareInitials(words[k]) && gazetteer.lookup(words[k]).isEmpty }
        var dropped = Set<Int>()
        for i in result.indices where result[i].type == .person {
            let before = result[i].tokens.lowerBound - 1
            if before >= 0, !sentenceStarts.contains(before + 1), bareInitials(before),
               let j = result.indices.first(where: { $0 != i && result[$0].tokens == before..<(before + 1) && result[$0].type != .person }) {
                dropped.insert(j)
                covered[before] = false
            }
        }
        let lowercase = lowercaseSeen ?? TaggerFeatures.lowercaseVocabulary(words)
        // "special envoy for Syria Geir Pedersen" (with "Geir" read as a body): a word the
        // gazetteer knows as nothing but a name, right before a person's name inside a sentence,
        // is a given name it lacks, whatever the tagger made of it.
        for i in result.indices where result[i].type == .person {
            let before = result[i].tokens.lowerBound - 1
            if before >= 1, !sentenceStarts.contains(before), !sentenceStarts.contains(before + 1), isUnknownWord(words[before], lowercase: lowercase),
               let j = result.indices.first(where: { $0 != i && result[$0].tokens == before..<(before + 1) && result[$0].type != .person }) {
                dropped.insert(j)
                covered[before] = false
                result[i].tokens = before..<result[i].tokens.upperBound
            }
        }
        for i in result.indices where result[i].type == .person {
            var start = result[i].tokens.lowerBound
            while start > 0, !sentenceStarts.contains(start), !covered[start - 1] {
                let w = words[start - 1]
                let initials = Self.isInitials(w) || (start == result[i].tokens.lowerBound && bareInitials(start - 1))
                // (A given name may be written with accents the gazetteer lists without: "Stéphane".)
                let given = Self.isNameWord(w) && isFirstName(w) && !gazetteer.lookup(w).contains { $0.type == "TITLE" }
                // "Daleep Singh, the deputy national security adviser, said": a sentence opens
                // with a capital, so up to two words there that the document never writes in lower
                // case and the gazetteer knows as nothing else are names the tagger left out.
                if !initials, !given, let first = [start - 1, start - 2].first(where: { $0 >= 0 && sentenceStarts.contains($0) }),
                   (first..<start).allSatisfy({ !covered[$0] && isUnknownWord(words[$0], lowercase: lowercase) }) {
                    for k in first..<start { covered[k] = true }
                    start = first
                    break
                }
                guard initials || given else { break }
                start -= 1
                covered[start] = true
            }
            result[i].tokens = start..<result[i].tokens.upperBound
        }
        return result.indices.filter { !dropped.contains($0) }.map { result[$0] }
    }

    /// "the Trump administration", "the first Biden administration": the capitalised word
    /// before "administration" that the gazetteer knows as nothing but a name is its leader.
    func administrations(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var covered = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens { covered[k] = true } }
        var result = found
        for k in words.indices.dropFirst() where k + 1 < words.count && words[k + 1] == "administration" && !covered[k] {
            let before = words[k - 1].lowercased()
            guard ["the", "first", "second", "an", "a", "incoming", "outgoing", "previous", "former"].contains(before),
                  Self.isNameWord(words[k]), !sentenceStarts.contains(k),
                  gazetteer.lookup(words[k]).allSatisfy({ ["FIRSTNAME", "SURNAME"].contains($0.type) }) else { continue }
            result.append(EntityResolver.Found(tokens: k..<(k + 1), type: .person))
        }
        return result.count == found.count ? found : result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A capitalised word that may be a name nobody lists: not written in lower case in the
    /// document, unknown to the gazetteer but as a name, and no function word, title,
    /// participle or sentence opener ("But", "Asked", "Speaking", "Former").
    func isUnknownWord(_ w: String, lowercase: Set<String>) -> Bool {
        guard Self.isNameWord(w), w.count >= 3, !Self.isParticleName(w), !lowercase.contains(w.lowercased()),
              !Self.sentenceOpeners.contains(w), !Self.days.contains(w), !Self.functionWords.contains(w.lowercased()),
              !w.hasSuffix("ed"), !w.hasSuffix("ing"), !RoleFinder.isHead(w), !RoleFinder.honorifics.contains(w.lowercased()),
              !RoleFinder.calendar.contains(w.lowercased()) else { return false }
        return gazetteer.lookup(w).allSatisfy { ["FIRSTNAME", "SURNAME"].contains($0.type) }
    }

    /// Words that open a sentence before a name without being part of it.
    static let functionWords: WordSet = [
        "but", "and", "or", "so", "yet", "for", "nor", "as", "if", "when", "while", "where", "why", "how", "what", "who", "whom",
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "like", "unlike",
        "with", "without", "under", "over", "after", "before", "since", "until", "during", "from", "to", "by", "at", "in",
        "on", "of", "about", "against", "among", "between", "through", "toward", "towards", "despite", "former", "late", "new",
        "then", "now", "also", "still", "even", "only", "just", "later", "earlier", "here", "there", "thus", "hence", "once",
        "twice", "both", "either", "neither", "all", "some", "many", "most", "few", "several", "each", "every", "another",
        "other", "such", "no", "not", "never", "whether", "though", "although", "because", "unless", "whereas", "however",
        "meanwhile", "instead", "indeed", "perhaps", "maybe", "please", "dear", "says", "said", "asked", "told", "according",
        "president", "premier", "minister", "senator", "general", "colonel", "captain", "king", "queen", "prince", "pope",
        "sheikh", "emir", "mullah", "imam", "rabbi", "father", "brother", "sister", "uncle", "aunt", "madam", "sir",
    ]

    /// "JD": two capital letters, no full stops.
    static func isBareInitials(_ word: String) -> Bool {
        word.unicodeScalars.count == 2 && word.unicodeScalars.allSatisfy { $0.value >= 0x41 && $0.value <= 0x5A }
    }

    /// "J.", "O.J.", "J.R.R.": capital letters each followed by a full stop.
    static func isInitials(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 2, scalars.count % 2 == 0 else { return false }
        return stride(from: 0, to: scalars.count, by: 2).allSatisfy { scalars[$0].isUpper && scalars[$0 + 1] == "." }
    }

    /// "Valeska Paris", "Frank Messina": a person's span that ends in a given name continues
    /// with the capitalised word after it, even when that word is also a city.
    func givenNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result: [EntityResolver.Found] = []
        var k = 0
        // Walk the spans in order; a person span may swallow a one-word span right after it.
        let sorted = found.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        while k < sorted.count {
            var f = sorted[k]
            k += 1
            let end = f.tokens.upperBound
            guard f.type == .person, end < words.count, !sentenceStarts.contains(end), Self.isNameWord(words[end]),
                  gazetteer.lookup(words[end - 1]).contains(where: { $0.type == "FIRSTNAME" }),
                  !gazetteer.lookup(words[end]).contains(where: { $0.type == "TITLE" || $0.type == "NORP" || $0.type == "ORG" }) else {
                result.append(f)
                continue
            }
            if k < sorted.count, sorted[k].tokens.lowerBound == end {
                guard sorted[k].tokens.count == 1 else { result.append(f); continue }
                k += 1 // the one-word span after the given name is the surname
            }
            f.tokens = f.tokens.lowerBound..<(end + 1)
            result.append(f)
        }
        return result
    }

    /// Head words that make a capitalised run an organisation: last ("Civil Defense Authority",
    /// "United States Navy") or before "of" ("University of Sheffield", "Massachusetts Institute of Technology").
    static let organisationLastWords: WordSet = TaggerFeatures.organisationHeads.union([
        "navy", "magazine", "authority", "office", "institute", "ministry", "commission", "agency", "wire",
        // "Black Sea Fleet", "Ukraine's General Staff", "Relief International"
        "fleet", "staff", "international", "brotherhood", "corps", "command",
        // "the Aceh Monitoring Mission", "the UN Assistance Mission"
        "mission",
        // companies: "Shandong Yulong Petrochemical", "Nayara Energy"
        "petrochemical", "petrochemicals", "petroleum", "refinery", "refining", "energy", "holdings", "shipping", "industries",
        "resources", "technology", "technologies",
    ])
    /// Words that stand for people without naming anyone ("Everybody is tired").
    static let indefinitePeople: WordSet = ["Everybody", "Everyone", "Nobody", "Somebody", "Someone", "Anyone", "Anybody", "No-one"]
    static let organisationFirstWords: WordSet = [
        "university", "ministry", "bank", "municipality", "department", "office", "council", "organisation",
        "organization", "committee", "commission", "institute", "federation", "union", "association", "society",
        "league", "board", "court", "house", "museum", "school", "college",
    ]

    /// A capitalised run with an organisation head word is one organisation, replacing the
    /// places and pieces the tagger found inside it ("Massachusetts" in "Massachusetts
    /// Institute of Technology"). Runs holding a person are left alone.
    func organisationRuns(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result = found
        var i = 0
        while i < words.count {
            guard Self.isCapitalised(words[i]) else { i += 1; continue }
            var j = i + 1
            while j < words.count, !sentenceStarts.contains(j) {
                // ("the Ansar al-Din Front": an Arabic article in lower case inside the name.)
                // ("the United Nations Mission in Ethiopia and Eritrea": a mission's name goes on
                // with where it serves.)
                let missionIn = words[j] == "in" && words[j - 1] == "Mission"
                if Self.isCapitalised(words[j]) || Self.isParticleName(words[j])
                    || ((["of", "for", "and"].contains(words[j]) || missionIn) && j + 1 < words.count && !sentenceStarts.contains(j + 1) && Self.isCapitalised(words[j + 1])
                        && !(words[j] == "for" && Self.calendarWords.contains(words[j + 1]))) {
                    j += 1
                } else if words[j] == "for", j + 2 < words.count, words[j + 1] == "the", !sentenceStarts.contains(j + 2),
                          Self.isCapitalised(words[j + 2]),
                          Self.organisationFirstWords.contains(words[j - 1].lowercased()) || Self.organisationLastWords.contains(words[j - 1].lowercased()) {
                    // "Organisation for the Prohibition of Chemical Weapons", "Popular Front for the
                    // Liberation of Palestine": a body's name goes on past "for the" ("… of the"
                    // mostly names the body it belongs to).
                    j += 2
                } else {
                    break
                }
            }
            var start = i
            while start < j, Self.notNames.contains(words[start]) { start += 1 }
            defer { i = j }
            // "the Trilateral Contact Group of Ukraine, Russia and the OSCE": a body's head word,
            // "of" and the first of a list of members; the body's name ends at its head word.
            if j + 2 < words.count, words[j] == ",", Self.isCapitalised(words[j + 1]),
               (j + 1..<min(words.count, j + 8)).contains(where: { words[$0] == "and" }),
               let of = (start + 1..<j).last(where: { words[$0] == "of" }), of == j - 2 || of == j - 3,
               Self.organisationLastWords.contains(words[of - 1].lowercased()) {
                j = of
            }
            guard j - start >= 2 else { continue }
            // The whole run, or else each part of it between "and"s ("the Wikimedia
            // Foundation and Creative Commons": the foundation is one organisation).
            // Two organisations joined by "and" ("Liaoyang Petrochemical and Shandong Yulong
            // Petrochemical") are two, even when the whole run would read as one.
            var pieces: [Range<Int>] = []
            var from = start
            for k in start...j where k == j || words[k] == "and" {
                if k - from >= 2 { pieces.append(from..<k) }
                from = k + 1
            }
            // ("Human Rights Watch and Amnesty International": bodies the gazetteer knows are two.)
            let twoBodies = pieces.count >= 2 && pieces.allSatisfy {
                isOrganisation($0, words: words) || gazetteer.lookup(words[$0].joined(separator: " ")).contains { $0.type == "ORG" }
            }
            var parts = [start..<j]
            if twoBodies || !isOrganisation(start..<j, words: words) { parts = pieces }
            for run in parts where isOrganisation(run, words: words) || twoBodies {
                guard !result.contains(where: { $0.tokens.overlaps(run) && ($0.type == .person || !run.contains($0.tokens.lowerBound) || $0.tokens.upperBound > run.upperBound) }) else { continue }
                // A known place keeps its reading ("Soviet Union", "European Union" stays the gazetteer's).
                if let known = gazetteer.lookup(words[run].joined(separator: " ")).first(where: { EntityType(rawValue: $0.type) != nil }),
                   known.type != "ORG" { continue }
                result.removeAll { $0.tokens.overlaps(run) }
                result.append(EntityResolver.Found(tokens: run, type: .org))
            }
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "… Authority", "… Institute of Technology", "Bank of England": a run that ends in an
    /// organisation's head word, or has a head word followed by "of".
    func isOrganisation(_ run: Range<Int>, words: [String]) -> Bool {
        guard run.count >= 2 else { return false }
        // "drills it named Justice Mission 2025": a name before a year is an exercise's or an
        // operation's, not a body's.
        if run.upperBound < words.count, words[run.upperBound].first?.isNumber == true { return false }
        return Self.organisationLastWords.contains(words[run.upperBound - 1].lowercased())
            || run.dropLast().contains { Self.organisationFirstWords.contains(words[$0].lowercased()) && ["of", "for"].contains(words[$0 + 1]) }
            // "the Revolutionary Armed Forces of Colombia": a head word of two or more words before
            // "of" and the one word of a place.
            || run.count >= 4 && words[run.upperBound - 2] == "of" && Self.organisationLastWords.contains(words[run.upperBound - 3].lowercased())
            // ("Movement for Democratic Change", "Popular Front for the Liberation of Palestine".)
            || run.dropLast().contains { Self.organisationLastWords.contains(words[$0].lowercased()) && words[$0 + 1] == "for" }
            || run.dropLast().contains { words[$0] == "Mission" && words[$0 + 1] == "in" }
    }

    /// Nouns for a company or body, which an apposition or a noun before a name gives it:
    /// "Transneft, the Russian state pipeline company,", "commodities trader Gunvor".
    static let bodyDescriptions: WordSet = ["company", "lender", "bank", "trader", "firm", "operator", "carrier", "airline", "insurer",
                                            "producer", "exporter", "manufacturer", "conglomerate", "utility", "broadcaster", "newspaper",
                                            "shipper", "miner", "refiner", "maker", "giant", "monopoly", "supplier"]

    /// "Rosselkhozbank, the state agricultural lender,", "Transneft, the Russian state pipeline
    /// company, which…", "the state nuclear company, Energoatom,", "commodities trader Gunvor":
    /// one to three capitalised words nothing tagged, which the gazetteer knows as nothing else,
    /// described as a company or body by an apposition after them, by one before them set off
    /// by commas, or by such a noun right before them, are an organisation.
    func describedBodies(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var covered = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens where k < words.count { covered[k] = true } }
        // ", the state agricultural lender," after the name: an article, up to five words in
        // lower case and the noun, then a comma, a full stop or a relative word.
        func describedAfter(_ j: Int) -> Bool {
            guard j + 2 < words.count, words[j] == ",", ["the", "a", "an"].contains(words[j + 1].lowercased()) else { return false }
            var k = j + 2
            while k < words.count, k - j <= 7, words[k].startsLowercase || Self.isCapitalised(words[k]) && !covered[k] || covered[k] {
                if Self.bodyDescriptions.contains(words[k]) {
                    return k + 1 < words.count && [",", ".", "which", "that"].contains(words[k + 1])
                }
                k += 1
            }
            return false
        }
        // "the state nuclear company, Energoatom," before it, or "trader Gunvor" right before it.
        func describedBefore(_ i: Int) -> Bool {
            guard i >= 1 else { return false }
            if Self.bodyDescriptions.contains(words[i - 1]) { return true }
            return i >= 2 && words[i - 1] == "," && Self.bodyDescriptions.contains(words[i - 2])
        }
        var result = found
        var i = 0
        while i < words.count {
            guard !covered[i], Self.isCapitalised(words[i]), !Self.notNames.contains(words[i]) else { i += 1; continue }
            var j = i + 1
            while j < words.count, j - i < 3, !covered[j], !sentenceStarts.contains(j), Self.isCapitalised(words[j]) { j += 1 }
            defer { i = j }
            // (A run that goes on into a tagged name, or a word opening a sentence that is not
            // described after it, is left alone.)
            guard j == words.count || !covered[j] else { continue }
            // ("Separately, the company…": no adverb opening a sentence; "firm Secunia.com": the
            // name ends at a word, a comma, a stop or a possessive.)
            guard !(sentenceStarts.contains(i) && (j - i == 1 && words[i].hasSuffix("ly") || Self.sentenceOpeners.contains(words[i]))),
                  j == words.count || [",", ".", ";", ":", "’s", "'s"].contains(words[j]) || words[j].startsLowercase,
                  !(j + 1 < words.count && words[j] == "." && words[j + 1].startsLowercase) else { continue }
            guard describedAfter(j) || (!sentenceStarts.contains(i) && describedBefore(i)) else { continue }
            guard words[i..<j].allSatisfy({ gazetteer.lookup($0).allSatisfy { ["FIRSTNAME", "SURNAME"].contains($0.type) } }),
                  gazetteer.lookup(words[i..<j].joined(separator: " ")).isEmpty else { continue }
            result.append(EntityResolver.Found(tokens: i..<j, type: .org))
        }
        return result.count == found.count ? found : result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Whether `words[k]` is a particle between two parts of a name: "di" in "Hasan di Tiro",
    /// "bin" in "Hamad bin Jassim".
    func inNameParticle(_ k: Int, words: [String]) -> Bool {
        k > 0 && k + 1 < words.count && !sentenceStarts.contains(k) && !sentenceStarts.contains(k + 1)
            && Self.nameParticles.contains(words[k]) && Self.isCapitalised(words[k - 1]) && Self.isCapitalised(words[k + 1])
    }

    /// Words that open a relative clause after a title.
    static let relativeWords: WordSet = ["who", "whose", "which"]

    /// "Pieter Feith said", "Martti Ahtisaari told reporters", "Hasan di Tiro has said": two or
    /// three capitalised words nothing tagged, before a verb of speech (or of urging and warning:
    /// ``surnameVerbs``), each unknown to the gazetteer but as a name and never written in lower
    /// case in the document, are a person. The tagger, meeting at a sentence's start words it
    /// has never seen, leaves them out.
    func speakingNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var covered = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens { covered[k] = true } }
        let lowercase = lowercaseSeen ?? TaggerFeatures.lowercaseVocabulary(words)
        let fullNameLastWords = Set(found.filter { $0.type == .person && $0.tokens.count >= 2 }.map { words[$0.tokens.upperBound - 1] })
        var added: [EntityResolver.Found] = []
        for v in words.indices.dropFirst(2) where Self.surnameVerbs.contains(words[v]) || Self.auxiliaries.contains(words[v]) {
            if Self.auxiliaries.contains(words[v]) {
                guard v + 1 < words.count, Self.speechVerbs.contains(words[v + 1]) else { continue }
            }
            guard !sentenceStarts.contains(v), !covered[v - 1] else { continue }
            var start = v
            while start > 0, v - start < 4, !covered[start - 1] {
                let w = words[start - 1]
                guard isUnknownWord(w, lowercase: lowercase) || inNameParticle(start - 1, words: words) else { break }
                start -= 1
                if sentenceStarts.contains(start) { break }
            }
            let run = start..<v
            // The run is whole: it opens the sentence or follows a word that is no name and
            // does not join names into a body's ("the Directorate General of Maritime Affairs
            // said").
            guard run.count >= 2, Self.isCapitalised(words[start]),
                  sentenceStarts.contains(start) || !Self.isCapitalised(words[start - 1]) && !Self.bodyJoiners.contains(words[start - 1]),
                  // "Afterwards Trump said", with "Donald Trump" named: a surname the document
                  // gives with another given name is that person's, the word before it no name.
                  !fullNameLastWords.contains(words[v - 1]) else { continue }
            added.append(EntityResolver.Found(tokens: run, type: .person))
            for k in run { covered[k] = true }
        }
        return added.isEmpty ? found : (found + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Words that join capitalised words into one body's name ("Directorate General of Maritime
    /// Affairs", "Bosnia and Herzegovina").
    static let bodyJoiners: WordSet = ["of", "for", "and", "&", "the"]

    /// "Hasan di Tiro has said": auxiliaries between a name and its verb of speech.
    static let auxiliaries: WordSet = ["has", "had"]

    /// "Jean-Noël Barrot, the French foreign minister," and "the union's chairperson, Moussa
    /// Faki Mahamat,": two to four capitalised words nothing tagged, next to a title set off by
    /// commas, are a person.
    func titledAppositions(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var covered = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens { covered[k] = true } }
        var result = found
        // A title after a name: ", the French foreign minister," or ", Iran's deputy foreign
        // minister for legal and international affairs," (up to twelve words, a lower-case head
        // word among them); at the end of a sentence when it opens with an article (", the
        // deputy foreign minister for political affairs.").
        func titleAfter(_ j: Int) -> Bool {
            guard j < words.count, words[j] == "," else { return false }
            var k = j + 1
            // (Where a relative clause opens: ", the former Finnish president whose foundation
            // hosted five rounds of talks since January, said" is a title too long to end at its
            // comma.)
            var relative: Int? = nil
            while k < words.count, k - j <= 13, ![",", ".", ";"].contains(words[k]) {
                if relative == nil, Self.relativeWords.contains(words[k]) { relative = k }
                k += 1
            }
            // (A capitalised head counts after an article: ", the UN Secretary-General,".)
            let article = j + 1 < words.count && ["the", "a", "an", "its", "his", "her", "their"].contains(words[j + 1].lowercased())
            let hasHead = { (end: Int) in (j + 1..<end).contains(where: { RoleFinder.isHead(words[$0]) && (article || words[$0].startsLowercase) }) }
            if article, let relative, hasHead(relative) { return true }
            guard k < words.count, hasHead(k) else { return false }
            if words[k] == "," { return true }
            // (At the sentence's end a title opens with an article or a possessor: ", India's
            // external affairs minister.")
            let possessor = j + 2 < k && ["'s", "’s"].contains(words[j + 2]) && Self.isCapitalised(words[j + 1])
            return words[k] == "." && (["the", "a", "an"].contains(words[j + 1].lowercased()) || possessor)
                && !(j + 1..<k).contains { RoleFinder.verbs.contains(words[$0].lowercased()) }
        }
        // A lower-case title before a name and its comma, its head word at most `reach` words
        // back: "the union's chairperson, Moussa Faki Mahamat" (1), "Israel's ambassador in
        // London, Tzipi Hotovely" (3).
        // ("The United Nations Secretary-General, Ban Ki-moon,": a capitalised head counts in a
        // title that opens with "the".)
        func titleBefore(_ i: Int, reach: Int) -> Bool {
            guard i >= 2, words[i - 1] == "," else { return false }
            let phrase = (max(0, i - 1 - reach)..<(i - 1)).reversed().prefix(while: { ![",", ".", ";", ":"].contains(words[$0]) && !sentenceStarts.contains($0 + 1) })
            // (The article may stand just beyond the reach: "The United Nations High Commissioner".)
            let article = phrase.last.map { first in
                ["the", "The"].contains(words[first]) || first > 0 && !sentenceStarts.contains(first) && ["the", "The"].contains(words[first - 1])
            } ?? false
            return phrase.contains { RoleFinder.isHead(words[$0]) && (article || words[$0].startsLowercase) }
        }
        var i = 0
        while i < words.count {
            guard !covered[i], Self.isCapitalised(words[i]), !Self.notNames.contains(words[i]) else { i += 1; continue }
            var j = i + 1
            // ("Hasan di Tiro": a particle inside the run, before a capitalised word.)
            while j < words.count, j - i < 4, !covered[j], !sentenceStarts.contains(j),
                  Self.isCapitalised(words[j]) || Self.isParticleName(words[j]) || inNameParticle(j, words: words) { j += 1 }
            defer { i = j }
            guard Self.startsName(words[j - 1]) else { continue }
            // Last, as it costs most: no word of the run is a known place, body or title.
            let unknown = { words[i..<j].allSatisfy({ gazetteer.lookup($0).allSatisfy { ["FIRSTNAME", "SURNAME"].contains($0.type) } }) }
            // "with Majid Takht-Ravanchi, the deputy foreign minister…": a given name the tagger
            // left out, before a person it found, in a titled apposition.
            // ("Venezuela's vice-president, Delcy Rodríguez, who…": or after a title and its comma.)
            if j < words.count, covered[j], !sentenceStarts.contains(j), i > 0,
               let p = result.firstIndex(where: { $0.tokens.lowerBound == j && $0.type == .person }),
               (words[i - 1].startsLowercase || words[i - 1] == ",") && titleAfter(result[p].tokens.upperBound) || titleBefore(i, reach: 4),
               unknown() {
                result[p].tokens = i..<result[p].tokens.upperBound
                continue
            }
            guard j - i >= 2 else { continue }
            if titleAfter(j) || titleBefore(i, reach: 1), unknown() {
                result.append(EntityResolver.Found(tokens: i..<j, type: .person))
            }
        }
        // "Israel's defence minister, Israel Katz, said", "Israel's ambassador in London, Tzipi
        // Hotovely,": a run of capitalised words typed as a place or body that the gazetteer does
        // not know as a whole, whose last word is no known place or body, set off by commas after
        // a title, is a person.
        // The same before a title set off by commas whose head word comes first, before any "of",
        // "for" or relative word: "The office of Musalia Mudavadi, its foreign minister, said"
        // ("Viv Ansanm, the coalition whose leader…" names a body, not a person). A capitalised
        // word the tagger left out just before such a run, which the gazetteer knows as nothing
        // but a name, opens it: "Massad Boulos, the senior U.S. adviser for Africa, said".
        func headedTitleAfter(_ j: Int) -> Bool {
            guard titleAfter(j) else { return false }
            var k = j + 1
            while k < words.count, ![",", "."].contains(words[k]), !Self.titleComplements.contains(words[k]) {
                if RoleFinder.isHead(words[k]) && words[k].startsLowercase { return true }
                k += 1
            }
            return false
        }
        for n in result.indices where [.gpe, .loc, .org].contains(result[n].type) && (1...4).contains(result[n].tokens.count) {
            var span = result[n].tokens
            // (Cheapest first: most places and bodies end at other words or are known names.)
            guard span.upperBound < words.count, [",", "said", "told"].contains(words[span.upperBound]),
                  words[span].allSatisfy({ Self.isCapitalised($0) }),
                  gazetteer.lookup(words[span].joined(separator: " ")).isEmpty,
                  gazetteer.lookup(words[span.upperBound - 1]).allSatisfy({ ["FIRSTNAME", "SURNAME"].contains($0.type) }) else { continue }
            let before = titleBefore(span.lowerBound, reach: 4)
            guard before || headedTitleAfter(span.upperBound) else { continue }
            if !before, span.lowerBound > 0, !covered[span.lowerBound - 1], !sentenceStarts.contains(span.lowerBound),
               Self.isCapitalised(words[span.lowerBound - 1]), !Self.sentenceOpeners.contains(words[span.lowerBound - 1]),
               !Self.notNames.contains(words[span.lowerBound - 1]),
               gazetteer.lookup(words[span.lowerBound - 1]).allSatisfy({ ["FIRSTNAME", "SURNAME"].contains($0.type) }) {
                span = (span.lowerBound - 1)..<span.upperBound
            }
            // (One word alone is a person only with the given name before it.)
            guard span.count >= 2 else { continue }
            result[n].tokens = span
            result[n].type = .person
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Words after which a title's head word is its complement, not its head ("the coalition
    /// whose leader", "the party of the president").
    static let titleComplements: WordSet = ["of", "for", "whose", "who", "which", "that", "led", "run", "backed", "in", "with"]

    static func isCapitalised(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return first.isUpper && word.unicodeScalars.contains { $0.isLower || $0.isUpper }
    }

    static let nameParticles: WordSet = ["bin", "bint", "ibn", "al", "Al", "el", "El", "ten", "van", "von", "de", "da", "di", "du", "del", "della", "dos", "abu", "Abu"]
    /// Particles that follow another one inside a name ("von der", "van den", "de la").
    static let secondParticles: WordSet = ["der", "den", "la", "las", "los"]
    static let facilityHeads: WordSet = [
        "base", "palace", "airport", "prison", "bridge", "square", "hospital", "stadium", "tower", "embassy", "building",
        "mosque", "cathedral", "hotel", "dam", "pipeline", "crossing", "terminal", "port", "plant", "facility", "centre", "center",
        "room", "canal",
    ]
    /// Facilities named by a name and a noun in lower case ("Ramon airport", "Ofer prison").
    static let namedFacilityNouns: WordSet = ["airport", "road", "hospital", "prison", "corridor", "temple", "airbase", "bridge", "dam",
                                              "reactor", "hotel", "market", "tunnel"]
    /// The same, of two words ("the Shayrat air base", "the Ras Kanatib power station").
    static let namedFacilityPairs: WordSet = ["air base", "power station", "research centre", "research center", "naval base"]
    /// The first words of those pairs: most words are settled by one look-up, without a pair built.
    static let namedFacilityPairFirsts: WordSet = ["air", "power", "research", "naval"]

    /// How many words a facility's noun in lower case takes at `k`; nil when none is there.
    func facilityNoun(at k: Int, words: [String]) -> Int? {
        guard k < words.count, !sentenceStarts.contains(k) else { return nil }
        if Self.namedFacilityNouns.contains(words[k]) { return 1 }
        if Self.namedFacilityPairFirsts.contains(words[k]), k + 1 < words.count, !sentenceStarts.contains(k + 1),
           Self.namedFacilityPairs.contains(words[k] + " " + words[k + 1]) { return 2 }
        return nil
    }
    static let naturalFeatureWords: WordSet = ["sea", "ocean", "river", "gulf", "strait", "lake", "mountains", "bay", "channel", "desert", "peninsula",
                                               "valley", "glacier", "plateau", "hill", "hills", "peak"]
    static let notNames: WordSet = ["The", "A", "An", "This", "That", "It", "He", "She", "They", "We", "I", "In", "On", "But"]

    /// Person names with particles ("Abdel Fattah al-Sisi", "Tamim bin Hamad Al Thani"),
    /// names that start with a known given name ("Vladimir Putin" is not a place), facility
    /// and natural-feature names by their head word, and no bare "The".
    func personNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result: [EntityResolver.Found] = []
        var starts = Set(found.map(\.tokens.lowerBound))
        for var f in found {
            if f.tokens.count == 1, Self.notNames.contains(words[f.tokens.lowerBound]) { continue }
            // "Jama'at Ansar al-Haqq", "Harakat al-Shabaab", "Lashkar-e-Taiba": a name that opens
            // with the Arabic, Persian or Urdu word for a group, movement, party, army or front.
            if f.type != .org, Self.opensBodyName(words[f.tokens.lowerBound]), f.tokens.count >= 2 || words[f.tokens.lowerBound].contains("-") {
                f.type = .org
            }
            if f.type == .person {
                var end = f.tokens.upperBound
                while end < words.count, !sentenceStarts.contains(end), !starts.contains(end) || found.contains(where: { $0.tokens.lowerBound == end && $0.type == .person }) {
                    let w = words[end]
                    if Self.isParticleName(w) { end += 1; continue }
                    if Self.nameParticles.contains(w) {
                        // "von der Leyen", "van den Broek", "de la Cruz": a particle may take a second one.
                        var next = end + 1
                        if next < words.count, !sentenceStarts.contains(next), Self.secondParticles.contains(words[next]) { next += 1 }
                        if next < words.count, !sentenceStarts.contains(next), words[next].startsUppercase { end = next + 1; continue }
                    }
                    break
                }
                if end > f.tokens.upperBound {
                    // Capitalised words after a particle belong to the name too ("Al Thani").
                    while end < words.count, !sentenceStarts.contains(end), words[end].startsUppercase, words[end].count > 1,
                          words[end].unicodeScalars.contains(where: { $0.isLower }) { end += 1 }
                    result.removeAll { $0.tokens.lowerBound >= f.tokens.upperBound && $0.tokens.lowerBound < end }
                    f.tokens = f.tokens.lowerBound..<end
                    for k in f.tokens { starts.insert(k) }
                }
                // "Royal Thai Army": a name that ends in a body's head word is that body.
                if f.tokens.count >= 2, Self.bodyHeads.contains(words[f.tokens.upperBound - 1].lowercased()) { f.type = .org }
            } else if f.type == .gpe || f.type == .loc || f.type == .fac || f.type == .org, f.tokens.count >= 2,
                      isFirstName(words[f.tokens.lowerBound]),
                      !Self.bodyHeads.contains(words[f.tokens.upperBound - 1].lowercased()),
                      !isKnownPlaceOrBody(words[f.tokens].joined(separator: " ")) {
                f.type = .person
            } else if f.type == .gpe || f.type == .loc || f.type == .org, f.tokens.count == 2,
                      gazetteer.lookup(words[f.tokens.lowerBound]).contains(where: { $0.type == "GIVENNAME" }),
                      isSurnameLike(words[f.tokens.lowerBound + 1], words: words),
                      !isKnownPlaceOrBody(words[f.tokens].joined(separator: " ")) {
                // "Sofia Sapega", "Israel Katz": a given name that is also a place's, before a
                // word that can only be a surname.
                f.type = .person
            }
            // "Ben Gurion airport", "the Salah al-Din road", "al-Nau hospital": a name the
            // gazetteer does not know, before a facility's noun in lower case, is that facility.
            // ("Imam Khomeini airport": a facility the tagger found without its noun, too.)
            // ("the Shayrat air base", "the Zangezur corridor": a place the gazetteer does not
            // know, before such a noun, is the facility too.)
            if f.type == .person || f.type == .org || f.type == .fac || f.type == .gpe, let noun = facilityNoun(at: f.tokens.upperBound, words: words),
               gazetteer.lookup(words[f.tokens].joined(separator: " ")).isEmpty, !starts.contains(f.tokens.upperBound) {
                f.tokens = f.tokens.lowerBound..<(f.tokens.upperBound + noun)
                f.type = .fac
            }
            // "Miraflores Palace", "Bagram Airbase": a name, then a facility's head word
            // capitalised, is that facility, however the tagger cut it.
            if ![.fac, .norp, .loc].contains(f.type), f.tokens.upperBound < words.count, !sentenceStarts.contains(f.tokens.upperBound),
               words[f.tokens.upperBound].startsUppercase, Self.facilityHeads.contains(words[f.tokens.upperBound].lowercased()),
               !isCountry(words[f.tokens].joined(separator: " ")),
               // ("the Caspian Pipeline Consortium": the name goes on.)
               f.tokens.upperBound + 1 >= words.count || sentenceStarts.contains(f.tokens.upperBound + 1) || !words[f.tokens.upperBound + 1].startsUppercase,
               !found.contains(where: { $0.tokens.lowerBound == f.tokens.upperBound && $0.tokens.count > 1 }) {
                f.tokens = f.tokens.lowerBound..<(f.tokens.upperBound + 1)
                f.type = .fac
            }
            // "the Zamzam camp", "the Torkham and Chaman crossings", "Heglig oilfield": a name
            // before a site's noun in lower case names that site, the noun left outside as
            // for a region ("the Donetsk region"). A country or a nationality stays what it is
            // ("a Russian pipeline", "Sudan's camps").
            if f.type != .fac, f.type != .norp, let noun = siteNounAfter(f.tokens, words: words, found: found),
               Self.bareSiteNouns.contains(words[noun]), !isCountry(words[f.tokens].joined(separator: " ")) {
                f.type = .fac
            }
            let head = words[f.tokens.upperBound - 1].lowercased()
            if f.type != .person, f.tokens.count >= 2, Self.facilityHeads.contains(head) { f.type = .fac }
            // "U.S. Central Command", "the Eastern Theater Command": a place's name does not end in
            // a body's head word, unless the gazetteer knows the whole as a place.
            if f.type == .gpe || f.type == .loc, f.tokens.count >= 2, words[f.tokens.upperBound - 1].startsUppercase,
               Self.organisationLastWords.contains(head), !isKnownPlaceOrBody(words[f.tokens].joined(separator: " ")) { f.type = .org }
            // A facility the gazetteer knows ("Oval Office", "Nord Stream") whatever the tagger read.
            if f.type == .org || f.type == .gpe, gazetteer.lookup(words[f.tokens].joined(separator: " ")).contains(where: { $0.type == "FAC" }) { f.type = .fac }
            if f.type == .gpe || f.type == .org, f.tokens.count >= 2, Self.naturalFeatureWords.contains(head) || Self.naturalFeatureWords.contains(words[f.tokens.lowerBound].lowercased()) {
                f.type = .loc
            }
            // "the Korean Peninsula": a nationality before a natural feature's word, capitalised,
            // names that feature.
            // (The tagger may have found the feature's word alone: "Peninsula".)
            if f.type == .norp, f.tokens.upperBound < words.count, !sentenceStarts.contains(f.tokens.upperBound),
               !starts.contains(f.tokens.upperBound) || found.contains(where: { $0.tokens == f.tokens.upperBound..<(f.tokens.upperBound + 1) }),
               words[f.tokens.upperBound].startsUppercase, Self.naturalFeatureWords.contains(words[f.tokens.upperBound].lowercased()) {
                f.tokens = f.tokens.lowerBound..<(f.tokens.upperBound + 1)
                f.type = .loc
            }
            if result.contains(where: { $0.tokens.overlaps(f.tokens) }) { continue }
            result.append(f)
        }
        return result
    }

    /// "the town of Brelka", "the villages of Kirra and Bantu Wells", "the Tesvar region",
    /// "Tesvar province": a name after a settlement's or a region's noun and "of", or before a
    /// region's noun in lower case, is a place, the noun left outside it (as the gazetteer leaves
    /// it outside "the Donetsk region"). Towns too small for any gazetteer are named so, and the
    /// tagger, which has not seen them, takes them for persons or leaves them out. A name the
    /// gazetteer knows as anything else, a nationality ("the Russian region of Kursk") and a
    /// place already found stay what they are.
    func settlementNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result = found
        var added: [EntityResolver.Found] = []
        func place(_ run: Range<Int>, type: EntityType = .gpe) {
            // ("the City of London Corporation", "the city of Dallas Police Department": a body.)
            guard !run.isEmpty, inOneSentence(run),
                  !words[run].contains(where: { Self.bodyHeads.contains($0.lowercased()) || Self.organisationLastWords.contains($0.lowercased()) }) else { return }
            let surface = words[run].joined(separator: " ")
            guard gazetteer.lookup(surface).allSatisfy({ ["GPE", "FIRSTNAME", "SURNAME", "GIVENNAME"].contains($0.type) }) else { return }
            if let n = result.firstIndex(where: { $0.tokens == run }) {
                if result[n].type == .person || result[n].type == .org { result[n].type = type }
            } else if !result.contains(where: { $0.tokens.overlaps(run) }), !added.contains(where: { $0.tokens.overlaps(run) }) {
                added.append(EntityResolver.Found(tokens: run, type: type))
            }
        }
        /// The capitalised words from `k` on, within the sentence.
        func runForward(from k: Int) -> Range<Int> {
            var end = k
            // ("the town of al-Qusayr": a name may open with an Arabic article in lower case.)
            while end < words.count, end == k || !sentenceStarts.contains(end),
                  Self.isCapitalised(words[end]) || end == k && Self.isParticleName(words[end]),
                  !Self.notNames.contains(words[end]), !Self.settlementNouns.contains(words[end].lowercased()) { end += 1 }
            return k..<end
        }
        for k in words.indices {
            let noun = words[k]
            // ("towns including Jermuk, Goris and Vardenis", "villages such as Kirants": a list.)
            let listStart = Self.settlementNouns.contains(noun) && k + 1 < words.count
                ? (["of", "including", "like"].contains(words[k + 1]) ? k + 2
                    : words[k + 1] == "such" && k + 2 < words.count && words[k + 2] == "as" ? k + 3 : nil) : nil
            if let listStart, listStart < words.count, !sentenceStarts.contains(listStart) {
                // ("the towns of Kirra and Bantu Wells": the names joined by "and" or commas.)
                var start = listStart
                while start < words.count {
                    let run = runForward(from: start)
                    guard !run.isEmpty else { break }
                    place(run)
                    guard run.upperBound + 1 < words.count, words[run.upperBound] == "and" || words[run.upperBound] == ",",
                          !sentenceStarts.contains(run.upperBound + 1) else { break }
                    start = run.upperBound + (words[run.upperBound] == "," && words[run.upperBound + 1] == "and" ? 2 : 1)
                }
            } else if Self.regionNouns.contains(noun) || Self.areaNouns.contains(noun), k >= 1, !sentenceStarts.contains(k) {
                var start = k
                while start > 0, !sentenceStarts.contains(start), Self.isCapitalised(words[start - 1]), !Self.notNames.contains(words[start - 1]) { start -= 1 }
                // ("the Chong Bok area": an area is no administrative unit.)
                place(start..<k, type: Self.areaNouns.contains(noun) ? .loc : .gpe)
            }
        }

        guard !added.isEmpty || zip(result, found).contains(where: { $0.type != $1.type }) else { return found }
        return (result + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "fled towards Tawila", "attacked near Al Koma", "In Mai Kadra, in western Tigray,", "the
    /// Chong Bok area": a name after a preposition of place, before ", in" and a place, or
    /// before "area", is a place when the gazetteer does not know it and the tagger took it for
    /// a person's or left it out (even when it opens with a word that is also a given name:
    /// "Al", "Mai"), unless the text names a person with its last word. (After
    /// ``personNames``, which would make a person of "Mai Kadra" again.)
    func placesAfterPrepositions(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result = found
        var added: [EntityResolver.Found] = []
        var tagged = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens where k < words.count { tagged[k] = true } }
        func isPlace(_ run: Range<Int>) -> Bool {
            let before = words[run.lowerBound - 1].lowercased()
            let end = run.upperBound
            if Self.placePrepositions.contains(before) { return end >= words.count || !["'s", "’s"].contains(words[end]) }
            return ["in", "at"].contains(before) && end + 2 < words.count && words[end] == "," && words[end + 1] == "in"
                && (Self.compassAdjectives.contains(words[end + 2].lowercased()) || found.contains { $0.tokens.lowerBound == end + 2 && ($0.type == .gpe || $0.type == .loc) })
        }
        func unknown(_ run: Range<Int>) -> Bool {
            inOneSentence(run) && gazetteer.lookup(words[run].joined(separator: " ")).isEmpty
                // ("tilted towards Assad" after "Bashar al-Assad".)
                && !found.contains { $0.type == .person && $0.tokens.count > run.count && words[$0.tokens].contains { w in
                    w == words[run.upperBound - 1] || Self.withoutParticle(w) == words[run.upperBound - 1] } }
        }
        for (n, f) in found.enumerated() where f.type == .person && f.tokens.lowerBound >= 1 && !sentenceStarts.contains(f.tokens.lowerBound) {
            if isPlace(f.tokens), unknown(f.tokens) { result[n].type = .gpe }
            // "the Chong Bok area" (``settlementNames`` names areas too, but "Chong" is a given name).
            if words[f.tokens.lowerBound - 1] == "the", f.tokens.upperBound < words.count, words[f.tokens.upperBound] == "area",
               !sentenceStarts.contains(f.tokens.upperBound), unknown(f.tokens) { result[n].type = .loc }
        }
        // A name the tagger left out: its capitalised words after the preposition.
        var k = 1
        while k < words.count {
            defer { k += 1 }
            guard Self.placePrepositions.contains(words[k - 1]), !tagged[k], !sentenceStarts.contains(k), Self.isCapitalised(words[k]),
                  !Self.notNames.contains(words[k]) else { continue }
            var end = k + 1
            while end < words.count, end - k < 3, !tagged[end], !sentenceStarts.contains(end), Self.isCapitalised(words[end]) { end += 1 }
            if isPlace(k..<end), unknown(k..<end), !words[k..<end].contains(where: { gazetteer.lookup($0).contains { ["FIRSTNAME", "SURNAME"].contains($0.type) } }) {
                added.append(EntityResolver.Found(tokens: k..<end, type: .gpe))
            }
            k = end - 1
        }
        // "around Dras and Batalik": the place after "and" or "or" is one too, when the tagger
        // read it as a person or left it out.
        let placed = (result.indices.filter { result[$0].type == .gpe && found[$0].type == .person }.map { result[$0].tokens }) + added.map(\.tokens)
        for run in placed {
            let next = run.upperBound + 1
            guard next < words.count, ["and", "or"].contains(words[run.upperBound]), !sentenceStarts.contains(next), Self.isCapitalised(words[next]) else { continue }
            var end = next + 1
            while end < words.count, end - next < 3, !sentenceStarts.contains(end), Self.isCapitalised(words[end]) { end += 1 }
            guard unknown(next..<end), !words[next..<end].contains(where: { gazetteer.lookup($0).contains { ["FIRSTNAME", "SURNAME"].contains($0.type) } }) else { continue }
            if let n = result.firstIndex(where: { $0.tokens.overlaps(next..<end) }) {
                if result[n].tokens == next..<end, result[n].type == .person { result[n].type = .gpe }
            } else if !tagged[next] {
                added.append(EntityResolver.Found(tokens: next..<end, type: .gpe))
            }
        }
        guard !added.isEmpty || zip(result, found).contains(where: { $0.type != $1.type }) else { return found }
        return (result + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "Sukhumi, the Abkhaz capital,", "Brelka, a small town in the north,": one or two
    /// capitalised words the gazetteer does not know, which the tagger left out or read as a
    /// person, before an apposition naming a settlement (an article, then only capitalised words
    /// or words of place and size before the noun) are a place. So is a word nothing tagged
    /// beside a place in "between Poti and Senaki" or "from Senaki to Poti".
    func describedPlaces(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var tagged = [Int?](repeating: nil, count: words.count)
        for (n, f) in found.enumerated() { for k in f.tokens where k < words.count { tagged[k] = n } }
        var result = found
        var added: [EntityResolver.Found] = []
        func unknown(_ run: Range<Int>) -> Bool {
            run.allSatisfy { Self.isCapitalised(words[$0]) && !Self.notNames.contains(words[$0]) && !Self.calendarWords.contains(words[$0]) }
                && gazetteer.lookup(words[run].joined(separator: " ")).isEmpty
                && words[run].allSatisfy { gazetteer.lookup($0).allSatisfy { ["FIRSTNAME", "SURNAME"].contains($0.type) } }
        }
        // The apposition after the comma at `j` names a settlement.
        func settlementAfter(_ j: Int) -> Bool {
            guard j + 2 < words.count, words[j] == ",", ["the", "a", "an"].contains(words[j + 1]) else { return false }
            var k = j + 2
            while k < words.count, k - j <= 5 {
                let w = words[k]
                if Self.settlementNouns.contains(w) {
                    return k + 1 >= words.count || !["'s", "’s"].contains(words[k + 1])
                }
                guard Self.isCapitalised(w) || Self.settlementQualifiers.contains(w) || Self.compassAdjectives.contains(w)
                        || w.hasSuffix("-held") || w.hasSuffix("-controlled") else { return false }
                k += 1
            }
            return false
        }
        func mark(_ run: Range<Int>) {
            if let n = tagged[run.lowerBound] {
                guard result[n].tokens == run, result[n].type == .person else { return }
                result[n].type = .gpe
            } else if !run.contains(where: { tagged[$0] != nil }) {
                added.append(EntityResolver.Found(tokens: run, type: .gpe))
            }
        }
        for j in words.indices where words[j] == "," && j >= 1 {
            guard settlementAfter(j) else { continue }
            for length in [2, 1] where j - length >= 0 {
                let run = (j - length)..<j
                guard inOneSentence(run), unknown(run),
                      sentenceStarts.contains(run.lowerBound) || run.lowerBound == 0 || !Self.isCapitalised(words[run.lowerBound - 1]) else { continue }
                mark(run)
                break
            }
        }
        // "between Poti and Senaki", "from Senaki to Poti": one word each side.
        for k in words.indices.dropFirst() where k + 3 < words.count && (words[k - 1] == "between" && words[k + 1] == "and" || words[k - 1] == "from" && words[k + 1] == "to") {
            let pair = [k..<(k + 1), (k + 2)..<(k + 3)]
            guard inOneSentence(k..<(k + 3)), k + 3 >= words.count || !Self.isCapitalised(words[k + 3]) || sentenceStarts.contains(k + 3) else { continue }
            for (side, other) in [(pair[0], pair[1]), (pair[1], pair[0])] {
                guard let n = tagged[other.lowerBound], found[n].tokens == other, found[n].type == .gpe, unknown(side) else { continue }
                mark(side)
            }
        }
        guard !added.isEmpty || zip(result, found).contains(where: { $0.type != $1.type }) else { return found }
        return (result + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Words of place and size before a settlement's noun: "a small town", "the main port".
    static let settlementQualifiers: WordSet = ["small", "main", "key", "strategic", "nearby", "coastal", "border", "frontline",
                                               "provincial", "regional", "mountain", "desert", "northernmost", "southernmost",
                                               "besieged", "disputed", "largest", "second", "biggest", "former", "garrison"]

    /// "Tesvar's president", "Tesvar's Ministry of Foreign Affairs", "Tesvar's central bank": a
    /// word the gazetteer knows as nothing but a name, whose president, parliament or ministry the
    /// text speaks of, is a state or a region that has them (the tagger, which has not seen the
    /// name, takes it for a person). A word that ends a person's name in the document stays a
    /// person's.
    func possessingStates(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        let lowercase = lowercaseSeen ?? TaggerFeatures.lowercaseVocabulary(words)
        var result = found
        var added: [EntityResolver.Found] = []
        for k in words.indices where k >= 1 && k + 1 < words.count && (words[k] == "'s" || words[k] == "\u{2019}s") {
            let x = k - 1
            let next = words[k + 1].lowercased()
            let pair = k + 2 < words.count ? next + " " + words[k + 2].lowercased() : ""
            guard Self.stateNouns.contains(next) || Self.stateNouns.contains(pair),
                  x == 0 || sentenceStarts.contains(x) || !Self.startsName(words[x - 1]) || words[x - 1] == "The",
                  isUnknownWord(words[x], lowercase: lowercase),
                  // (A body has a president too: "the Commission's president".)
                  !Self.organisationLastWords.contains(words[x].lowercased()), !Self.organisationFirstWords.contains(words[x].lowercased()),
                  !found.contains(where: { $0.type == .person && $0.tokens.count >= 2 && words[$0.tokens].contains(words[x]) }) else { continue }
            if let n = result.firstIndex(where: { $0.tokens.contains(x) }) {
                if result[n].tokens == x..<(x + 1), result[n].type == .person { result[n].type = .gpe }
            } else if !added.contains(where: { $0.tokens.contains(x) }) {
                added.append(EntityResolver.Found(tokens: x..<(x + 1), type: .gpe))
            }
        }
        guard !added.isEmpty || zip(result, found).contains(where: { $0.type != $1.type }) else { return found }
        return (result + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// What a state has and a person does not, after a possessive (one word or two, in lower case).
    /// (Not an army: "Putin's army" is said of a person.)
    static let stateNouns: WordSet = ["president", "parliament", "capital", "constitution", "ministry", "presidency", "prime minister",
                                      "central bank", "supreme court", "foreign ministry", "defence ministry", "defense ministry",
                                      "interior ministry", "foreign minister", "defence minister", "defense minister", "interior minister"]

    /// Nouns of places that "of" and a name follow: "the town of Brelka", "the province of Idlib".
    static let settlementNouns: WordSet = ["town", "towns", "city", "cities", "village", "villages", "port", "capital", "district",
                                           "districts", "province", "provinces", "region", "regions", "governorate", "oblast",
                                           "county", "municipality", "enclave", "suburb", "suburbs"]
    static let areaNouns: WordSet = ["area"]
    /// Prepositions before a place: "near Al Koma", "towards Tawila" (capitalised too, opening a sentence).
    static let placePrepositions: WordSet = ["near", "towards", "toward", "outside", "around", "Near", "Towards", "Toward", "Outside", "Around"]
    static let compassAdjectives: WordSet = ["northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                                             "north-east", "north-west", "south-east", "south-west", "northeastern", "northwestern",
                                             "southeastern", "southwestern"]
    /// Nouns of regions that follow a name in lower case: "the Tesvar region", "Idlib province".
    static let regionNouns: WordSet = ["region", "province", "district", "governorate", "oblast", "county", "prefecture", "municipality"]

    /// "Mohamed Hamdan Dagalo, known as Hemedti", "…, the RSF commander known as Hemedti": a
    /// name the tagger left out after "known as" is a second name of the person or body named
    /// before the comma, and of its type (``Aliases`` makes it the same entity).
    func aliasNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var added: [EntityResolver.Found] = []
        var tagged = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens where k < words.count { tagged[k] = true } }
        // (Asked of every word: its length settles nearly all.)
        for k in words.indices where words[k].utf8.count == 5 && words[k] == "known" && k >= 2 && k + 2 < words.count && words[k + 1] == "as" {
            let first = k + 2
            guard !tagged[first], !sentenceStarts.contains(first), !sentenceStarts.contains(k), Self.isCapitalised(words[first]),
                  !Self.notNames.contains(words[first]) else { continue }
            var end = first + 1
            while end < words.count, end - first < 3, !sentenceStarts.contains(end), !tagged[end], Self.isCapitalised(words[end]) { end += 1 }
            guard let comma = Aliases.commaBefore(known: k, words: words, sentenceStarts: sentenceStarts),
                  let named = found.first(where: { $0.tokens.upperBound == comma }), Aliases.named.contains(named.type),
                  gazetteer.lookup(words[first..<end].joined(separator: " ")).allSatisfy({ !["GPE", "LOC", "NORP"].contains($0.type) }) else { continue }
            added.append(EntityResolver.Found(tokens: first..<end, type: named.type))
        }
        guard !added.isEmpty else { return found }
        return (found + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "the nearby Zamzam camp", "the Heglig oilfield": capitalised words the tagger left out,
    /// after "the" (and an adjective in lower case) and before a site's noun, name that site.
    /// (``personNames`` types the names the tagger did find before such a noun.)
    func siteNames(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var tagged = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens where k < words.count { tagged[k] = true } }
        var added: [EntityResolver.Found] = []
        var k = 0
        while k < words.count {
            defer { k += 1 }
            // ("the Jebel Aulia dam", "the Ras Kanatib power station": a facility's own noun is
            // part of its name, as in ``personNames``.)
            guard k >= 2, Self.siteWords.contains(words[k]) else { continue }
            let facility = facilityNoun(at: k, words: words)
            guard Self.bareSiteNouns.contains(words[k]) || facility != nil else { continue }
            var start = k
            while start > 0, !sentenceStarts.contains(start), !tagged[start - 1], Self.isCapitalised(words[start - 1]),
                  !Self.notNames.contains(words[start - 1]) { start -= 1 }
            guard start < k, start >= 1, !sentenceStarts.contains(start) else { continue }
            var article = start - 1
            if article >= 1, words[article].first?.isLowercase == true, words[article] != "the" { article -= 1 }
            guard words[article] == "the" else { continue }
            added.append(EntityResolver.Found(tokens: start..<(k + (facility ?? 0)), type: .fac))
        }
        guard !added.isEmpty else { return found }
        return (found + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Sites named by a name before their noun in lower case, the noun outside the name.
    static let bareSiteNouns: WordSet = ["crossing", "crossings", "camp", "camps", "pipeline", "pipelines", "oilfield", "refinery"]
    /// The words ``siteNames`` starts from: one look-up settles most words.
    static let siteWords = bareSiteNouns.union(namedFacilityNouns).union(namedFacilityPairFirsts)

    /// The position of the lower-case word after a name, or after the last of the names it is
    /// joined to by "and" ("Torkham and Chaman crossings"); nil at a sentence's end.
    private func siteNounAfter(_ tokens: Range<Int>, words: [String], found: [EntityResolver.Found]) -> Int? {
        var end = tokens.upperBound
        while end + 1 < words.count, words[end] == "and", !sentenceStarts.contains(end + 1),
              let next = found.first(where: { $0.tokens.lowerBound == end + 1 }) {
            end = next.tokens.upperBound
        }
        guard end < words.count, !sentenceStarts.contains(end) else { return nil }
        return end
    }

    /// Whether the gazetteer knows a surface as a country.
    private func isCountry(_ surface: String) -> Bool {
        gazetteer.lookup(surface).contains { $0.type == "GPE" && $0.kind == "country" }
    }

    /// A given name the gazetteer knows, also written with accents it lists without
    /// ("Stéphane" for "Stephane").
    /// A word that can be nothing but a surname after a given name: capitalised, in lower case
    /// after its first letter, unknown to the gazetteer but as a name, no head of a place's or a
    /// body's name ("Valley", "Airways", "Daily"), and never written in lower case in the text.
    func isSurnameLike(_ word: String, words: [String]) -> Bool {
        guard word.startsUppercase, word.count > 2, word.unicodeScalars.dropFirst().allSatisfy({ $0.properties.isLowercase || $0 == "-" || $0 == "'" }),
              gazetteer.lookup(word).allSatisfy({ ["FIRSTNAME", "SURNAME"].contains($0.type) }),
              !Self.notSurnames.contains(word.lowercased()) else { return false }
        let lowercase = lowercaseSeen ?? TaggerFeatures.lowercaseVocabulary(words)
        return !lowercase.contains(word.lowercased())
    }

    /// Words after a place's name that make a longer name, not a person's: the head words of
    /// natural features, facilities, texts and bodies, and a few of streets and newspapers.
    static let notSurnames = WordSet(naturalFeatureWords.words + facilityHeads.words + agreementWords.words.map { $0.lowercased() }
        + organisationLastWords.words.map { $0.lowercased() }
        + ["street", "avenue", "road", "club", "falls", "city", "province", "region", "county", "district", "daily", "today", "summit", "group",
           "conference", "hills", "heights", "island", "islands", "basin", "corridor", "line", "highway", "station", "forum", "principles",
           "initiative", "state", "tech", "keys", "metro", "express", "herald", "tribune", "observer", "telegraph", "journal", "gazette",
           "weekly", "monthly", "front", "movement", "republic", "kingdom", "airways"])

    func isFirstName(_ word: String) -> Bool {
        if gazetteer.lookup(word).contains(where: { $0.type == "FIRSTNAME" }) { return true }
        guard !word.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let folded = word.folding(options: .diacriticInsensitive, locale: nil)
        return folded != word && gazetteer.lookup(folded).contains { $0.type == "FIRSTNAME" }
    }

    /// Head words no person's name ends with.
    static let bodyHeads: WordSet = ["army", "navy", "ministry", "council", "forces", "committee", "commission", "agency", "police",
                                     "brigade", "brigades", "parliament", "assembly", "administration", "authority", "department",
                                     "institute", "university", "organisation", "organization", "federation"]
    static let edgeWords: WordSet = ["of", "the", "and", "for", "in", "on", "at", "to", "a", "an", ",", "’s", "'s"]

    /// "the Quad of the United States": a name neither starts nor ends with "of", "the" or a
    /// comma; and "F-16", "S-400", "Su-34" are weapons, not organisations.
    func trimmed(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        found.compactMap { f in
            var f = f
            var lower = f.tokens.lowerBound, upper = f.tokens.upperBound
            while lower < upper, Self.edgeWords.contains(words[lower])
                    || sentenceStarts.contains(lower) && upper - lower >= 2 && Self.sentenceOpeners.contains(words[lower])
                    // "the Kurdish-led Syrian Democratic Forces", "Iran-backed Houthis": who leads or
                    // backs a body is no part of its name.
                    || upper - lower >= 2 && RoleFinder.isCompoundAdjective(words[lower])
                    // "Maj Gen Winthai Suvaree": a rank is the person's role, not part of the name.
                    || f.type == .person && upper - lower >= 2 && RoleFinder.ranks.contains(words[lower].lowercased())
                    // "On Monday Abu Obeida said": a day is no part of a name (a month may be: "April Ryan").
                    || f.type == .person && upper - lower >= 2 && Self.days.contains(words[lower]) { lower += 1 }
            while upper > lower, Self.edgeWords.contains(words[upper - 1]) { upper -= 1 }
            guard lower < upper else { return nil }
            f.tokens = lower..<upper
            if f.tokens.count == 1, f.type != .person, Self.isModelDesignation(words[lower]) { return nil }
            // (Last, after the votes: a day, a month or a feast alone names no one.)
            if f.tokens.count == 1, Self.calendarWords.contains(words[lower]) || Self.feasts.contains(words[lower]) { return nil }
            // "Al Udeid Air Base", "Nobel Institute": a person's name never ends in a facility's or
            // a body's head word.
            if f.type == .person, f.tokens.count >= 2, words[upper - 1].startsUppercase {
                let head = words[upper - 1].lowercased()
                if Self.facilityHeads.contains(head) { f.type = .fac } else if Self.bodyHeads.contains(head) || Self.organisationLastWords.contains(head) { f.type = .org }
            }
            // Weapons ("Patriots", "Storm Shadow"), military operations ("Operation Sindoor") and
            // prizes ("Nobel Peace Prize") are named, but are no actor, body or place.
            if f.tokens.allSatisfy({ Self.weaponNames.contains(words[$0]) }) { return nil }
            if f.tokens.count >= 2, words[lower] == "Operation" { return nil }
            if Self.prizeWords.contains(words[upper - 1]) { return nil }
            // Treaties and conventions ("Indus Waters Treaty", "Rome Statute") are laws, not
            // actors or places; ships ("USS Gerald R. Ford", the span after "USS" too) and "Air
            // Force One" are vessels.
            if f.tokens.count >= 2, Self.lawWords.contains(words[upper - 1]) { return nil }
            if Self.vesselPrefixes.contains(words[lower]) || lower > 0 && Self.vesselPrefixes.contains(words[lower - 1]) { return nil }
            if words[f.tokens].joined(separator: " ") == "Air Force One" { return nil }
            // "U.N. Secretary-General", "NATO Secretary-General": a known body before a title
            // is the body; the title is a role.
            if f.type == .org || f.type == .gpe, f.tokens.count >= 2 {
                var body = upper
                while body > lower + 1, RoleFinder.heads.contains(words[body - 1].lowercased()) { body -= 1 }
                if body < upper, gazetteer.lookup(words[lower..<body].joined(separator: " ")).contains(where: { $0.type == "ORG" || $0.type == "GPE" }) {
                    f.tokens = lower..<body
                }
            }
            return f
        }
    }

    /// Adverbs, quantifiers and conjunctions that open a sentence capitalised and are no part of
    /// the name after them: "Only Congress can repeal the law", "Even Hamas accepted".
    static let sentenceOpeners: WordSet = [
        "Only", "Even", "Also", "Both", "Unlike", "Despite", "Meanwhile", "However", "Still", "Yet", "Then", "Now", "Today",
        "Yesterday", "Earlier", "Later", "Instead", "Indeed", "Perhaps", "Many", "Most", "Several", "Such", "Each", "Every",
        "Neither", "Nor", "Although", "Though", "Since", "Until", "While", "When", "If", "Once", "After", "Before", "Amid",
        "Among", "Against", "Across", "Without", "Aboard", "Inside", "Beyond", "Throughout", "Behind", "Beside", "Alongside",
        "During", "Following",
    ]

    static let days: WordSet = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Yesterday", "Today", "Tomorrow"]

    static let weaponNames: WordSet = [
        "Patriot", "Patriots", "Tomahawk", "Tomahawks", "ATACMS", "HIMARS", "Javelin", "Javelins", "Stinger", "Stingers",
        "Iskander", "Iskanders", "Kinzhal", "Oreshnik", "Shahed", "Shaheds", "Geran", "Storm", "Shadow", "Shadows", "Taurus",
        "SCALP", "Kalibr", "Zircon", "Lancet", "Lancets", "NASAMS", "IRIS-T",
    ]
    static let prizeWords: WordSet = ["Prize", "Prizes", "Award", "Awards", "Medal"]
    static let lawWords: WordSet = ["Treaty", "Convention", "Accords", "Accord", "Statute", "Protocol", "Charter", "Agreement", "Declaration"]
    static let vesselPrefixes: WordSet = ["USS", "HMS", "INS", "MV", "RFS"]

    /// "F-16", "S-400", "Su-34", "MiG-29", "HIMARS-2": up to four letters, a hyphen, a number.
    static func isModelDesignation(_ word: String) -> Bool {
        guard word.utf8.contains(0x2D) else { return false }
        let parts = word.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let letters = parts.first, (1...4).contains(letters.count), letters.first?.isUppercase == true,
              letters.allSatisfy(\.isLetter), let digit = parts[1].first, digit.isNumber else { return false }
        return true
    }

    static let honorificWords: WordSet = ["Sir", "Dame", "Lord", "Lady", "Baroness", "Baron"]

    /// "Sir Keir Starmer", and "Sir Keir" for short as British copy has it: the name words after
    /// an honorific are a person, even one the tagger has never seen ("Keir"), unless they name
    /// a place or body ("Lord Chancellor" is no one). The honorific stays out of the name.
    func honorifics(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result = found
        for k in words.indices.dropLast() where Self.honorificWords.contains(words[k]) && !sentenceStarts.contains(k + 1) {
            var end = k + 1
            while end < words.count, end - k <= 3, !sentenceStarts.contains(end), Self.isNameWord(words[end]),
                  !words[end].hasSuffix("."), !isKnownPlaceOrBody(words[end]) { end += 1 }
            guard end > k + 1 else { continue }
            let name = (k + 1)..<end
            // A person the tagger found there keeps its extent, less the honorific.
            if let i = result.firstIndex(where: { $0.tokens.overlaps(name) }) {
                if result[i].type == .person {
                    if result[i].tokens.lowerBound == k { result[i].tokens = name.lowerBound..<result[i].tokens.upperBound }
                    continue
                }
                result.remove(at: i)
            }
            result.append(EntityResolver.Found(tokens: name, type: .person))
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "al-Burhan" → "Burhan": a particle name (``isParticleName(_:)``) without its particle;
    /// nil for any other word.
    static func withoutParticle(_ word: String) -> String? {
        guard isParticleName(word), let dash = word.firstIndex(of: "-") else { return nil }
        let rest = String(word[word.index(after: dash)...])
        return rest.count > 2 ? rest : nil
    }

    /// A word that can open a name: capitalised, or a name after an Arabic article in lower case
    /// ("al-Sharaa", "al-Qaeda").
    static func startsName(_ word: String) -> Bool { word.startsUppercase || isParticleName(word) }

    /// "al-Sharaa" → "Al-Sharaa", as it is written opening a sentence.
    static func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

    /// "al-Sisi", "bin-Salman", "el-Sisi": a name with an Arabic article or particle.
    static func isParticleName(_ word: String) -> Bool {
        guard let dash = word.firstIndex(of: "-") else { return false }
        let head = word[..<dash].lowercased()
        return ["al", "el", "ad", "as", "ash", "bin", "ibn", "abu"].contains(head) && word[word.index(after: dash)...].startsUppercase
    }

    /// A capitalised name right after a title is a person: "Kremlin spokesman Dmitry Peskov",
    /// "Vice President J.D. Vance", "Secretary of State Marco Rubio". Fills in what the
    /// tagger missed and completes what it cut short; places and bodies are left alone.
    func titledNames(_ found: [EntityResolver.Found], words: [String], matches: [Gazetteer.Match]) -> [EntityResolver.Found] {
        var result = found
        var titles = matches.filter { $0.entry.type == "TITLE" }.map(\.tokens)
        // "Prime Minister-designate Nawaf Salam", "President-elect Lina Orsi": a title with its
        // suffix is one word the gazetteer does not hold.
        for k in words.indices {
            guard let dash = words[k].lastIndex(of: "-"), Self.titleSuffixes.contains(String(words[k][words[k].index(after: dash)...])) else { continue }
            let stem = String(words[k][..<dash])
            if k >= 1, !sentenceStarts.contains(k), gazetteer.lookup(words[k - 1] + " " + stem).contains(where: { $0.type == "TITLE" }) {
                titles.append((k - 1)..<(k + 1))
            } else if gazetteer.lookup(stem).contains(where: { $0.type == "TITLE" }) {
                titles.append(k..<(k + 1))
            }
        }
        for title in titles {
            var end = title.upperBound
            let start = end
            // "Vice President JD Vance": two capitals with no full stops open the name when a
            // name word follows them.
            if end + 1 < words.count, !sentenceStarts.contains(end), Self.isBareInitials(words[end]), gazetteer.lookup(words[end]).isEmpty,
               Self.isNameWord(words[end + 1]) {
                end += 1
            }
            while end < words.count, end - start < 4, !sentenceStarts.contains(end), Self.isNameWord(words[end]) { end += 1 }
            guard end > start else { continue }
            let run = start..<end
            let surface = words[run].joined(separator: " ")
            if gazetteer.lookup(surface).contains(where: { ["GPE", "ORG", "LOC", "NORP", "FAC", "TITLE"].contains($0.type) }) { continue }
            // "Egypt's General Intelligence Service": "General" opens a body's name there.
            if Self.organisationLastWords.contains(words[run.upperBound - 1].lowercased()) { continue }
            // A body's name the tagger ran on into the title and the person ("United Nations
            // Secretary-General António Guterres" as one ORG) is cut back to before the title.
            for i in result.indices where result[i].type != .person && result[i].tokens.overlaps(run)
                && result[i].tokens.lowerBound < title.lowerBound {
                result[i].tokens = result[i].tokens.lowerBound..<title.lowerBound
            }
            // "Defence Minister Israel Katz", "Field Marshal Asim Munir" (read as a place and as a
            // body): two name words or more right after a title are a person, whatever the tagger
            // made of a part of them, unless the last one names a place or body.
            if run.count >= 2, !isKnownPlaceOrBody(words[run.upperBound - 1]) {
                result.removeAll { $0.type != .person && $0.tokens.overlaps(run) && $0.tokens.lowerBound >= title.lowerBound && $0.tokens.upperBound <= run.upperBound }
            }
            let overlapping = result.indices.filter { result[$0].tokens.overlaps(run) }
            if overlapping.contains(where: { result[$0].type != .person }) { continue }
            result.removeAll { $0.tokens.overlaps(run) && $0.type == .person && run.contains($0.tokens.lowerBound) && $0.tokens.upperBound <= run.upperBound }
            result.append(EntityResolver.Found(tokens: run, type: .person))
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Words for a group, movement, party, army, brigade, front or council that open the names
    /// of armed groups and parties in Arabic, Persian and Urdu, written without their marks.
    static let bodyNameOpeners: WordSet = ["jamaat", "jamaah", "jamaa", "harakat", "hizb", "hezb", "jaysh", "jaish", "liwa", "kataib",
                                           "ansar", "tanzim", "jabhat", "hayat", "tehrik", "tehreek", "lashkar", "sipah", "quwat",
                                           "saraya", "faylaq", "asaib", "majlis"]

    /// Whether a word opens a body's name by ``bodyNameOpeners``: "Jama'at", "Hay'at",
    /// "Lashkar-e-Taiba" (its part before the first hyphen), apostrophes left out. ("Hayat"
    /// alone is also a given name: only "Hay'at" counts.)
    static func opensBodyName(_ word: String) -> Bool {
        let head = word.split(separator: "-").first.map(String.init) ?? word
        guard head.first?.isUppercase == true else { return false }
        if head == "Hayat" { return false }
        return bodyNameOpeners.contains(head.lowercased().filter { $0 != "'" && $0 != "\u{2019}" })
    }

    /// What follows a title after a hyphen and keeps it a title: "Prime Minister-designate".
    static let titleSuffixes: WordSet = ["designate", "elect"]

    /// A word that can be part of a personal name: capitalised with lower-case letters
    /// ("Peskov", "Al-Maeena"), a surname with its Arabic article ("al-Shaibani") or initials
    /// ("J.D.", "J.").
    static func isNameWord(_ word: String) -> Bool {
        if isParticleName(word) { return true }
        guard let first = word.unicodeScalars.first, first.isUpper else { return false }
        if word.hasSuffix("."), word.count <= 4 { return RoleFinder.heads.contains(word.lowercased()) == false }
        return word.unicodeScalars.contains { $0.isLower } && !RoleFinder.heads.contains(word.lowercased())
    }

    /// "President Donald Trump's message": the tagger often stops a name before a possessive,
    /// having learned that "'s" mostly follows common nouns. A capitalised word between a
    /// name and "'s" continues the name.
    func extendBeforePossessives(_ found: [EntityResolver.Found], words: [String]) -> [EntityResolver.Found] {
        var result = found
        var starts = Set(found.map(\.tokens.lowerBound))
        for i in result.indices {
            let end = result[i].tokens.upperBound
            guard end + 1 < words.count, !starts.contains(end), !sentenceStarts.contains(end), ["'s", "\u{2019}s"].contains(words[end + 1]),
                  let first = words[end].unicodeScalars.first, first.isUpper,
                  words[end].unicodeScalars.contains(where: { $0.isLower }) else { continue }
            result[i].tokens = result[i].tokens.lowerBound..<(end + 1)
            starts.insert(end)
        }
        return result
    }
}
