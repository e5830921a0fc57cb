import BackchannelCore

/// Finds the titles a text gives a person: before the name ("U.S. Special Envoy Steve
/// Witkoff", "Kremlin spokesman Dmitry Peskov", "acting German defense minister Boris
/// Pistorius", "Putin's investment adviser Kirill Dmitriev") or in an apposition after it
/// ("Kirill Dmitriev, the head of Russia's sovereign wealth fund,").
struct RoleFinder {
    let gazetteer: Gazetteer

    struct Found {
        var role: Role
        var title: String { role.title }
        var affiliation: String?
    }

    /// Head words of titles: a role must contain one.
    static let heads: WordSet = [
        "president", "minister", "secretary", "envoy", "spokesman", "spokeswoman", "spokesperson", "ambassador",
        "chancellor", "king", "emir", "prince", "general", "gen.", "gen", "admiral", "commander", "chief", "adviser", "advisor",
        "adm.", "adm", "maj.", "brig.", "capt.", "cmdr.", "col", "capt", "sgt",
        "negotiator", "mediator", "chairman", "chairwoman", "chairperson", "chair", "governor", "mayor", "senator", "sen.", "rep.",
        "representative", "speaker", "leader", "head", "director", "premier", "monarch", "sultan", "pope", "officer",
        "lt.", "col.", "colonel", "lieutenant", "marshal", "deputy", "aide", "official", "coordinator", "commissioner",
        "representative", "delegate", "diplomat", "attorney", "judge", "prosecutor", "ceo", "founder", "czar", "tsar",
        "queen", "princess", "crown", "investor", "friend", "spokesperson", "envoy", "counterpart", "secretary-general",
        "lawmaker", "legislator", "predecessor", "successor", "taoiseach", "tánaiste", "contact", "confidant",
        "candidate", "billionaire", "captain",
        // "the UN special rapporteur on Myanmar", "a member of the political bureau", "the
        // archbishop", "a businessman", "the U.S. chargé d’affaires"
        "rapporteur", "member", "archbishop", "bishop", "cleric", "patriarch", "catholicos", "businessman", "businesswoman",
        "activist", "campaigner", "militant", "chargé", "ombudsman",
        // descriptions the text gives a person: "Bazile Richardson, a naturalised US citizen",
        // "an Israeli-American soldier", "a civilian economist", "the Pakistani fast bowler"
        "soldier", "citizen", "economist", "lawyer", "journalist", "civilian", "academic", "professor",
        "banker", "tycoon", "oligarch", "dissident", "politician",
        // family: "President Donald Trump's son-in-law", "her daughter, Ana Corina Sosa"
        "son-in-law", "daughter-in-law", "daughter", "son", "wife", "husband", "widow", "brother", "sister", "girlfriend", "boyfriend",
        // "State Counsellor Aung San Suu Kyi", "State Councillor Wang Yi", "the former editor of Nexta"
        "counsellor", "councillor", "editor",
        // police ranks ("Detective Sergeant Nick Bailey"), the press, sport, the services and
        // the clergy ("host" and "reporter" are not here: "would host Israeli Prime Minister
        // …", "told reporters")
        "sergeant", "inspector", "constable", "superintendent", "detective", "correspondent", "analyst",
        "bowler", "cricketer", "player", "spy", "agent", "pilot", "doctor", "priest", "imam", "rabbi",
    ]
    /// Days and months: a title written before a name never reaches back past them ("On Sunday
    /// the army chief, Gen. …").
    static let calendar: WordSet = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "january", "february", "march", "april", "june", "july", "august", "september",
                                        "october", "november", "december", "yesterday", "today", "tomorrow"]
    /// Words that open what follows a participle in a clause ("hosted by the emir", "sent to
    /// Moscow"), not a title it qualifies.
    static let participleObjects: WordSet = ["by", "to", "with", "in", "at", "on", "from", "for", "into", "as", "the", "a", "an", "his", "her",
                                             "its", "their", "him", "them", "it", "out", "up", "off", "over", "back", "down", "after", "before"]
    /// Spans of time after "last", "this" or "next": "who became defence minister last week".
    static let periods: WordSet = ["week", "month", "year", "weekend", "spring", "summer", "autumn", "winter", "fall"]
    /// Honorifics that stand between a title and a name but belong to neither ("Supreme Leader
    /// Ayatollah Ali Khamenei", "Emir Sheikh Tamim").
    static let honorifics: WordSet = ["ayatollah", "sheikh", "sheik", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "his", "her"]
    /// Military ranks that may stand between a comma and a name ("the army chief, Gen. …").
    /// (British style writes them without the period: "Maj Gen", "Lt Gen".)
    static let ranks: WordSet = ["gen.", "gen", "lt.", "lt", "col.", "col", "maj.", "maj", "adm.", "adm", "brig.", "brig", "capt.", "capt", "sgt.", "sgt"]
    /// Words of a military rank written before a name ("Lt. Gen.", "Field Marshal", "Commander").
    static let rankWords: WordSet = ranks.union(["cmdr.", "general", "colonel", "commander", "admiral", "marshal", "field",
                                                 "lieutenant", "major", "captain", "brigadier", "sergeant", "vice", "rear",
                                                 "wing", "squadron", "air", "detective", "inspector", "constable", "superintendent"])
    /// Air force ranks of several words, one rank each ("Air Chief Marshal A.P. Singh").
    static let compoundRanks: [[String]] = [["air", "chief", "marshal"], ["air", "vice", "marshal"], ["air", "marshal"],
                                            ["wing", "commander"], ["squadron", "leader"], ["group", "captain"]]
    /// Words of a rank that are ranks on their own ("Gen.", "Commander"; not "Field" or "Vice").
    static let rankHeads: WordSet = ["gen.", "gen", "col.", "col", "adm.", "capt.", "sgt.", "cmdr.", "general", "colonel", "commander",
                                     "admiral", "marshal", "captain", "sergeant"]
    /// Titles that end in "General" without being a rank ("Secretary General", "Attorney General").
    static let generalTitles: WordSet = ["secretary", "attorney", "director", "surgeon", "solicitor", "inspector", "auditor",
                                         "governor", "consul", "postmaster", "advocate", "procurator", "comptroller"]
    /// Irregular past tenses that open a predicate, not a description ("…, met the president.").
    static let irregularPasts: WordSet = ["met", "led", "told", "held", "made", "took", "gave", "sent", "left", "went", "spoke",
                                          "wrote", "flew", "won", "ran", "said", "saw", "came", "became", "began", "put", "set", "cut"]
    /// What a title holder has rather than is: "the office of Prime Minister X".
    static let ownedNouns: WordSet = ["office", "government", "administration", "cabinet", "team", "family", "camp", "wife", "husband"]
    /// Words that end a title written before a name and a comma, because they belong to a clause.
    /// ("When China's foreign minister, Wang Yi, …": a conjunction that opens a clause ends a
    /// title read backwards from its comma; capitalised, it is no name that owns the title.)
    static let clauseBreaks: WordSet = ["he", "she", "they", "it", "we", "i", "you", "with", "who", "which", "that", "while", "whereas", "although", "though",
                                        "when", "after", "before", "as", "if", "since", "because", "once", "unless"]
    /// Words that open a title written before a name and a comma ("his Middle East envoy, Steve Witkoff").
    static let openers: WordSet = ["his", "her", "its", "their", "whose", "a", "an", "the", "our", "your"]
    /// Verbs in the past that do not end in "-ed", which end a title read backwards from its
    /// comma: "Rubio also brought Syria's foreign minister, …".
    static let irregularPast: WordSet = [
        "brought", "sent", "gave", "took", "made", "held", "spoke", "wrote", "saw", "left", "won", "lost", "chose",
        "kept", "paid", "sought", "struck", "became", "began", "drew", "flew", "found", "heard", "knew", "let", "put",
        "ran", "sat", "stood", "thought", "understood", "went", "came", "got", "hit", "set", "shook", "met",
    ]
    static let verbs: WordSet = ["said", "says", "told", "tells", "added", "met", "meets", "called", "urged", "warned", "is", "was", "has", "had", "will", "would"]
    /// Words that may stand inside a title before the name, lower case.
    static let modifiers: WordSet = [
        "acting", "former", "deputy", "interim", "caretaker", "transitional", "chief", "top", "senior", "special", "foreign", "defense", "defence",
        "national", "security", "press", "economic", "investment", "finance", "prime", "vice", "first", "state", "white",
        "house", "middle", "east", "presidential", "military", "intelligence", "policy", "assistant", "high", "lead",
        "general", "energy", "trade", "treasury", "interior", "justice", "health", "armed", "forces", "army", "navy",
        "ukraine", "russia", "u.s.", "of", "for", "affairs", "and", "'s", "’s", "new", "incoming", "outgoing",
        "retired", "ministry", "government", "administration", "office", "department", "council", "party", "air",
        "force", "agency", "bank", "central", "supreme", "joint", "staff", "delegation", "team", "mission", "union",
        "european", "commission", "nuclear", "atomic", "international", "executive", "sovereign", "wealth", "fund",
        "cooperation", "relations", "development", "crown", "co-", "regional", "elect",
        // "its long-time chief", "the eastern Libyan commander", "the PKK's jailed founder"
        "long-time", "longtime", "eastern", "western", "northern", "southern", "jailed", "exiled",
        // portfolios: "External Affairs Minister", "Home Secretary"
        "external", "home", "internal", "labour", "labor", "education", "agriculture", "transport", "environment",
        "climate", "industry", "commerce", "culture", "digital", "communications", "information", "public",
        "infrastructure", "migration", "homeland", "legal", "parliamentary", "opposition",
        // the portfolios of international bodies: "U.N. humanitarian chief", "the UN refugee
        // chief", "Karabakh's human rights ombudsman", "the U.N. nuclear watchdog chief"
        "humanitarian", "refugee", "refugees", "human", "rights", "relief", "aid", "peacekeeping", "emergency",
        "disarmament", "arms", "counterterrorism", "counter-terrorism", "watchdog", "electoral",
        // armed groups and governments of force: "junta leader", "rebel commander", "militia
        // chief", "spy chief", "police chief", "the ruling party's leader"
        "junta", "rebel", "militia", "paramilitary", "insurgent", "guerrilla", "separatist", "militant", "spy", "police",
        "coalition", "ruling",
    ]

    /// A past tense or participle written in lower case that is no title word ("sanctioned",
    /// "mediated"; not "retired").
    static func isVerbLike(_ word: String) -> Bool {
        guard word.startsLowercase, word.hasSuffix("ed"), word.count > 4, !isCompoundAdjective(word) else { return false }
        return !modifiers.contains(word) && !isHead(word)
    }

    /// "army-backed", "Iran-backed", "newly-appointed", "U.S.-based": a hyphenated participle
    /// qualifies a title ("Sudan's army-backed prime minister") rather than ending it.
    static func isCompoundAdjective(_ word: String) -> Bool {
        guard let dash = word.lastIndex(of: "-"), dash != word.startIndex else { return false }
        return ["backed", "appointed", "elected", "based", "installed", "designated", "led", "born", "named"].contains(word[word.index(after: dash)...].lowercased())
    }

    /// A present participle written in lower case ("speaking", "standing"; not "acting").
    static func isGerund(_ word: String) -> Bool {
        guard word.startsLowercase, word.hasSuffix("ing"), word.count > 5 else { return false }
        return !modifiers.contains(word) && !isHead(word)
    }

    /// A head word in the plural: "envoys", "ministers", "Senators".
    static func isPlural(_ word: String) -> Bool {
        let lower = word.lowercased()
        return lower.hasSuffix("s") && !heads.contains(lower) && heads.contains(String(lower.dropLast()))
    }

    /// Whether a word can head a title: "minister", "Secretary-General", "President-elect".
    static func isHead(_ word: String) -> Bool {
        let lower = word.lowercased()
        if heads.contains(lower) { return true }
        if lower.hasSuffix("s"), heads.contains(String(lower.dropLast())) { return true } // "ministers"
        guard lower.contains("-") else { return false }
        return lower.split(separator: "-").contains { heads.contains(String($0)) }
    }
    static let stops: WordSet = ["the", "a", "an", ",", "said", "told", "says", "with", "by", "and", "to", "on", "in", "as", "that", "\"", "“", "”", "(", ")"]

    func roles(of name: Range<Int>, tokens: [Token], words: [String], sentenceStarts: TokenPositions = []) -> [Found] {
        var found: [Found] = []
        if let before = before(name, words: words, sentenceStarts: sentenceStarts) {
            // "Cambodia's Deputy Prime Minister and Defence Minister Tea Seiha": two capitalised
            // titles joined by "and" before one name are both that person's.
            if before.lowerBound >= 2, words[before.lowerBound - 1] == "and", words[before.lowerBound].startsUppercase,
               let earlier = self.before((before.lowerBound - 1)..<before.lowerBound, words: words, sentenceStarts: sentenceStarts),
               earlier.upperBound == before.lowerBound - 1, let last = earlier.last, words[last].startsUppercase, Self.isHead(words[last]) {
                found.append(make(earlier, tokens: tokens, words: words))
            }
            // "The bloc's chairman, President Emmerson Mnangagwa", "Russia's chief negotiator,
            // presidential aide Vladimir Medinsky": a title and a comma before the title written
            // before the name is the name's too (one person's: not a plural's). Not in a list:
            // "Hossein Salami, the commander of the Guards, armed forces chief Mohammad Bagheri"
            // and "Secretary of State Marco Rubio, national security adviser Mike Waltz".
            // (A rank between the comma and the name is read with the name: "the army chief, Gen. …".)
            if before.lowerBound >= 2, words[before.lowerBound - 1] == ",", commaBefore(name, words: words, sentenceStarts: sentenceStarts) == nil,
               let earlier = commaBefore(before, words: words, sentenceStarts: sentenceStarts),
               let head = earlier.last(where: { Self.isHead(words[$0]) }), !Self.isPlural(words[head]),
               words[earlier.upperBound - 1].startsLowercase || Self.isHead(words[earlier.upperBound - 1])
                   || !gazetteer.lookup(words[earlier.upperBound - 1]).allSatisfy({ ["FIRSTNAME", "SURNAME"].contains($0.type) }),
               !(earlier.lowerBound >= 2 && ["the", "a", "an"].contains(words[earlier.lowerBound - 1].lowercased()) && words[earlier.lowerBound - 2] == ",") {
                found.append(make(earlier, tokens: tokens, words: words))
            }
            for part in splitRank(before, words: words) { found.append(make(part, tokens: tokens, words: words)) }
            // "President Félix Tshisekedi of the Democratic Republic of Congo": the country or
            // body named after the name is the one the title serves.
            if let last = found.indices.last, found[last].affiliation == nil, let of = ofBody(after: name, words: words) {
                found[last].affiliation = of
            }
        }
        if let before = commaBefore(name, words: words, sentenceStarts: sentenceStarts) {
            for part in splitConjoined(before, words: words) { found.append(make(part, tokens: tokens, words: words)) }
        } else if name.lowerBound >= 3, words[name.lowerBound - 1] == "and" {
            // "their foreign ministers, Jeyhun Bayramov and Ararat Mirzoyan": a plural title
            // before a list belongs to each name in it.
            var j = name.lowerBound - 2
            while j > 0, words[j].startsUppercase { j -= 1 }
            if words[j] == ",", j + 1 < name.lowerBound - 1,
               let shared = commaBefore((j + 1)..<(name.lowerBound - 1), words: words, sentenceStarts: sentenceStarts),
               let last = shared.last, words[last].lowercased().hasSuffix("s"), Self.isHead(words[last]) {
                found.append(make(shared, tokens: tokens, words: words))
            } else if !words[j].startsUppercase, j + 1 < name.lowerBound - 1,
                      // "U.S. envoys Steve Witkoff and Jared Kushner", "Senators Adam Schiff and Tim
                      // Kaine": a plural title right before the first name is the second's too.
                      let shared = before((j + 1)..<(name.lowerBound - 1), words: words, sentenceStarts: sentenceStarts),
                      shared.upperBound == j + 1, let last = shared.last, Self.isPlural(words[last]) {
                found.append(make(shared, tokens: tokens, words: words))
            }
        }
        // "Steve Witkoff and Jared Kushner, Donald Trump's envoys,": an apposition after the
        // second name whose head is plural is the first's too (the head: the first title word
        // that owns nothing; "chairman of the Joint Chiefs" is one person's).
        if name.upperBound + 2 < words.count, words[name.upperBound] == "and", words[name.upperBound + 1].startsUppercase {
            var m = name.upperBound + 1
            while m < words.count, words[m].startsUppercase, !sentenceStarts.contains(m) { m += 1 }
            if let shared = apposition((name.upperBound + 1)..<m, words: words), let head = shared.first(where: { Self.isHead(words[$0]) && !["'s", "’s"].contains(words[$0 + 1]) }),
               Self.isPlural(words[head]) {
                found.append(make(shared, tokens: tokens, words: words))
            }
        }
        // "Pakistan's army chief, Field Marshal Asim Munir, met …": the comma after the name
        // closes the apposition the name stands in; nothing after it describes the person.
        // ("A deputy prime minister, Suriya Juangroongruangkit, who is also transport minister,":
        // a relative clause after that comma still describes the person.)
        // ("… named a civilian economist, Ali Zeine, as prime minister": nor does "as" and a title.)
        let relative = name.upperBound + 1 < words.count && words[name.upperBound] == "," && ["who", "as"].contains(words[name.upperBound + 1].lowercased())
        if relative || commaBefore(name, words: words, sentenceStarts: sentenceStarts) == nil, let after = apposition(name, words: words) {
            for part in splitConjoined(after, words: words) { found.append(make(part, tokens: tokens, words: words)) }
            // "Choi Sang-mok, the finance minister who has been acting president since December,":
            // a relative clause that ends the apposition's title gives a second one.
            if after.upperBound < words.count, words[after.upperBound] == "who", let more = description(openingAt: after.upperBound, words: words) {
                found.append(make(more, tokens: tokens, words: words))
            }
        }
        return found
    }

    /// The country or body named by "of [the] …" right after a name, as the gazetteer knows it.
    private func ofBody(after name: Range<Int>, words: [String]) -> String? {
        var j = name.upperBound
        guard j + 1 < words.count, words[j] == "of" else { return nil }
        j += 1
        if words[j].lowercased() == "the" { j += 1 }
        guard j < words.count, words[j].startsUppercase else { return nil }
        let window = Array(words[j..<min(words.count, j + 6)])
        guard let match = gazetteer.matches(window).first(where: { $0.tokens.lowerBound == 0 }) else { return nil }
        return Self.stateOrBody(match.entry)
    }

    /// The affiliation a gazetteer entry names: a country or place as itself, a body as the
    /// state it is the seat of ("Kremlin" → Russia) or as itself; nil for anything else.
    static func stateOrBody(_ entry: Gazetteer.Entry) -> String? {
        switch entry.type {
        case "GPE": entry.canonical
        case "ORG": EntityResolver.seats[entry.canonical] ?? entry.canonical
        default: nil
        }
    }

    /// "Navy spokesman Commander Tim Hawkins", "army chief of staff Gen. Mark Ellison": a rank
    /// written between a title and the name is a role of its own, as the corpus annotates it
    /// ("Pakistan's military spokesman" and "Lt. Gen."). "NATO Secretary General" stays whole.
    func splitRank(_ range: Range<Int>, words: [String]) -> [Range<Int>] {
        var start = range.upperBound
        if let compound = Self.compoundRanks.first(where: { rank in
            rank.count <= range.count && zip(words[(range.upperBound - rank.count)..<range.upperBound], rank).allSatisfy { $0.lowercased() == $1 }
        }) {
            start = range.upperBound - compound.count
            let title = range.lowerBound..<start
            return title.contains(where: { Self.isHead(words[$0]) }) ? [title, start..<range.upperBound] : [range]
        }
        while start > range.lowerBound, words[start - 1].startsUppercase, Self.rankWords.contains(words[start - 1].lowercased()) { start -= 1 }
        let rank = start..<range.upperBound
        let title = range.lowerBound..<start
        guard !rank.isEmpty, !title.isEmpty, Self.rankHeads.contains(words[rank.upperBound - 1].lowercased()),
              title.contains(where: { Self.isHead(words[$0]) }),
              !Self.generalTitles.contains(words[title.upperBound - 1].lowercased()),
              !["of", "for", "and", "'s", "’s"].contains(words[title.upperBound - 1].lowercased()) else { return [range] }
        return [title, rank]
    }

    /// "the head of Russia's wealth fund and Putin's special envoy for investment" is two roles:
    /// split at the first "and" with a title head word on both sides.
    private func splitConjoined(_ range: Range<Int>, words: [String]) -> [Range<Int>] {
        let isHead = { (k: Int) in Self.isHead(words[k]) }
        for k in range where words[k] == "and" {
            let left = range.lowerBound..<k
            var rightStart = k + 1
            while rightStart < range.upperBound, ["the", "a", "an"].contains(words[rightStart].lowercased()) { rightStart += 1 }
            let right = rightStart..<range.upperBound
            if left.contains(where: isHead), right.contains(where: isHead) { return [left, right] }
        }
        return [range]
    }

    /// Tokens of a title right before the name.
    private func before(_ name: Range<Int>, words: [String], sentenceStarts: TokenPositions) -> Range<Int>? {
        // Names inside the window: capitalised qualifiers are allowed only when they are
        // places, bodies or nationalities ("Kremlin", "U.S.", "German"), title words or
        // followed by a possessive — not another name ("… Huis ten Bosch King …").
        let windowStart = max(0, name.lowerBound - 10)
        var named = Set<Int>()
        for match in gazetteer.matches(Array(words[windowStart..<name.lowerBound])) where EntityType(rawValue: match.entry.type) != nil || match.entry.type == "TITLE" {
            for k in match.tokens { named.insert(k + windowStart) }
        }
        var j = name.lowerBound
        // Honorifics right before the name belong to neither the name nor the title.
        while j > 0, !sentenceStarts.contains(j), Self.honorifics.contains(words[j - 1].lowercased()) { j -= 1 }
        let titleEnd = j
        // "the head of Zelensky's office", "an adviser to Trump": the name completes someone
        // else's title.
        if j > 0, ["of", "to"].contains(words[j - 1].lowercased()) { return nil }
        while j > 0, !sentenceStarts.contains(j) {
            let w = words[j - 1]
            let lower = w.lowercased()
            if Self.stops.contains(lower) { break }
            let possessed = j < words.count && ["'s", "’s"].contains(words[j])
            let allowed = Self.modifiers.contains(lower) || Self.isHead(w) || named.contains(j - 1)
                || (w.startsUppercase && possessed) || Self.isCompoundAdjective(w) || isNationalities(w)
                || (w.startsUppercase && Self.rankWords.contains(lower))
            if allowed { j -= 1 } else { break }
            if name.lowerBound - j > 8 { break }
        }
        // "the spokesman for UN Secretary-General António Guterres": a title after "for" is the
        // name's own; the one before it belongs to someone else.
        if let forWord = (j..<titleEnd).last(where: { words[$0].lowercased() == "for" }),
           (forWord + 1..<titleEnd).contains(where: { Self.isHead(words[$0]) }),
           (j..<forWord).contains(where: { Self.isHead(words[$0]) }) {
            j = forWord + 1
        }
        // "the office of Prime Minister Benjamin Netanyahu", "the government of President X": what
        // the title holder has is not part of the title.
        if let ofWord = (j..<titleEnd).last(where: { $0 > j && words[$0].lowercased() == "of" && Self.ownedNouns.contains(words[$0 - 1].lowercased()) }),
           (ofWord + 1..<titleEnd).contains(where: { Self.isHead(words[$0]) }) {
            j = ofWord + 1
        }
        // "of" or "'s" cannot start a title.
        while j < titleEnd, ["of", "for", "and", "'s", "’s"].contains(words[j].lowercased()) { j += 1 }
        var range = j..<titleEnd
        // A title does not end in "of", "for", "and" or a possessive.
        while !range.isEmpty, ["of", "for", "and", "'s", "’s"].contains(words[range.upperBound - 1].lowercased()) {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        guard !range.isEmpty, range.contains(where: { Self.isHead(words[$0]) }) else { return nil }
        // "Yermak, who heads Zelensky's office": after "who" or "which" a head word is a verb.
        if range.count == 1, range.lowerBound > 0, ["who", "which", "that"].contains(words[range.lowerBound - 1].lowercased()),
           !Self.heads.contains(words[range.lowerBound].lowercased()) { return nil }
        return ownTitle(range, words: words)
    }

    /// "special representative of President Félix Tshisekedi", "the sister of North Korean
    /// leader Kim Jong Un", "an adviser to the supreme leader, Ali Khamenei": a title, "of" or
    /// "to", then a title that ends right before the name — the first title is someone else's,
    /// the second the name's own. ("Chief of the General Staff" and "head of the presidential
    /// office" end in no title word, and stay whole.)
    private func ownTitle(_ range: Range<Int>, words: [String]) -> Range<Int> {
        // (A rank before the name is the name's in any case: "Army chief of staff Gen. Mark
        // Ellison" is a chief of staff.)
        guard let last = range.last, !(words[last].startsUppercase && Self.rankWords.contains(words[last].lowercased())), Self.isHead(words[last]),
              let link = range.last(where: { k in k > range.lowerBound && ["of", "to"].contains(words[k].lowercased())
                  && (range.lowerBound..<k).contains(where: { Self.isHead(words[$0]) }) }) else { return range }
        var start = link + 1
        if start < last, words[start].lowercased() == "the" { start += 1 }
        return start..<range.upperBound
    }

    /// "Russian-Armenian", "Israeli-American": nationalities joined by a hyphen qualify a title.
    private func isNationalities(_ word: String) -> Bool {
        guard word.startsUppercase, word.utf8.contains(0x2D) else { return false }
        let parts = word.split(separator: "-")
        return parts.count >= 2 && parts.allSatisfy { part in gazetteer.lookup(String(part)).contains { $0.type == "NORP" } }
    }

    /// "his Middle East envoy, Steve Witkoff", "whose prime minister, Viktor Orbán", "Qatar's
    /// minister of state at the foreign ministry, Mohammed Al-Khulaifi": a title, a comma, the name.
    private func commaBefore(_ name: Range<Int>, words: [String], sentenceStarts: TokenPositions) -> Range<Int>? {
        var comma = name.lowerBound - 1
        // "…, Sheikh Mohammed bin Abdulrahman", "the army chief, Gen. Abdel Fattah al-Burhan":
        // an honorific or a rank between the comma and the name.
        // ("the head of the Indian Air Force, Air Chief Marshal A.P. Singh": a rank of several words.)
        while comma > 0, Self.honorifics.contains(words[comma].lowercased()) || Self.ranks.contains(words[comma].lowercased())
                || words[comma].startsUppercase && Self.rankWords.contains(words[comma].lowercased())
                || words[comma] == "Chief" && comma + 1 < words.count && words[comma + 1] == "Marshal" { comma -= 1 }
        guard comma > 0, words[comma] == "," else { return nil }
        var j = comma
        while j > 0, comma - j < 10 {
            let lower = words[j - 1].lowercased()
            if Self.openers.contains(lower) && lower != "the" || [",", ";", ":", "(", "“", "\"", "—", "–"].contains(lower) || Self.verbs.contains(lower)
                || Self.calendar.contains(lower) { break }
            // "again mediated by Oman's foreign minister, …", "as did Ukraine's Defence Minister,
            // …", "it sanctioned the army chief, …": a verb or "by"/"as" ends the title.
            if Self.isVerbLike(words[j - 1]) || Self.irregularPast.contains(lower) || ["by", "as", "did", "does", "than"].contains(lower) { break }
            // A clause ends the title: "the arrangement he agreed with the agency's director general, …".
            if Self.clauseBreaks.contains(lower) { break }
            // "… Tea Seiha and Thailand's acting defence minister, …": an "and" after a name ends
            // the title (not one after a title word: "Minister of Foreign Affairs and Trade").
            if lower == "and", j >= 2, words[j - 2].startsUppercase, !Self.isHead(words[j - 2]), !Self.modifiers.contains(words[j - 2].lowercased()) { break }
                if lower == "the" && (j - 1 == 0 || Self.verbs.contains(words[j - 2].lowercased()) || Self.isVerbLike(words[j - 2]) || words[j - 2] == ",") { break }
            j -= 1
            if sentenceStarts.contains(j) { break }
        }
        // "leaves the army chief, …": a title is what follows an article inside it ("head of the
        // Russian team" keeps its "the").
        // ("put sanctions on the RSF commander, …": the words before the preposition name no
        // role, so the title still starts after the article.)
        if let article = (j..<comma).last(where: { a in a > j && ["the", "a", "an"].contains(words[a].lowercased())
            && !(["of", "at", "for", "to", "on", "in"].contains(words[a - 1].lowercased()) && (j..<(a - 1)).contains(where: { Self.isHead(words[$0]) })) }) {
            j = article + 1
        }
        // "spoke by phone to Pakistan's prime minister, …", "has written to Britain's foreign
        // secretary, …": a preposition after words that name no role starts the title.
        if let preposition = (j..<comma).last(where: { p in p > j && ["to", "by", "from", "with", "on", "at", "in"].contains(words[p].lowercased())
            && !(j..<p).contains(where: { Self.isHead(words[$0]) }) }), (preposition + 1..<comma).contains(where: { Self.isHead(words[$0]) }) {
            // ("Speaking to senior diplomats at the foreign ministry, Putin said…": after a
            // participle the words are whom the clause addresses, not the name's title.)
            if (j..<preposition).contains(where: { Self.isGerund(words[$0].lowercased()) }) { return nil }
            j = preposition + 1
        }
        // "a week after Azerbaijan's president, …", "at the invitation of Qatar's emir, …", "to
        // meet Ukraine's president, …": a title owned by a name starts at the name, when the
        // words before it hold no title word of their own ("the head of Russia's wealth fund"
        // keeps its head).
        if let possessive = (j..<comma).first(where: { $0 > j && ["'s", "’s"].contains(words[$0]) && words[$0 - 1].startsUppercase }) {
            var owner = possessive - 1
            while owner > j, words[owner - 1].startsUppercase, !Self.isHead(words[owner - 1]) { owner -= 1 }
            if owner > j, !(j..<owner).contains(where: { Self.isHead(words[$0]) }) { j = owner }
        }
        // "Two left-wing lawmakers, …": a count before the title is not part of it.
        while j < comma, ["the", "of", "and", "one", "two", "three", "four", "five", "several", "both", "some"].contains(words[j].lowercased()) { j += 1 }
        let range = j..<comma
        // (A head word inside a body's name is no title: "at the UN General Assembly last week, …".)
        guard !range.isEmpty, range.contains(where: { Self.isHead(words[$0]) && !insideKnownName($0, in: range, words: words) }),
              !range.contains(where: { Self.verbs.contains(words[$0].lowercased()) }),
              // The words must describe a role, not name someone else ("Pashinyan, Bayramov").
              !range.contains(where: { words[$0].startsUppercase && !Self.isHead(words[$0]) && !Self.modifiers.contains(words[$0].lowercased())
                  // (A word of a name that owns the title is no other person: "South Africa's president".)
                  && !Self.ownsTitle($0, words: words, before: comma)
                  // (A given name or a surname the gazetteer knows is still someone's name: "Marco
                  // Rubio also brought Syria's foreign minister, …".)
                  && gazetteer.lookup(words[$0]).allSatisfy({ ["FIRSTNAME", "SURNAME"].contains($0.type) })
                  // ("the United Nations secretary-general, …": a word of a body's or a place's
                  // name the gazetteer knows whole is no one's name.)
                  && !insideKnownName($0, in: range, words: words)
                  // "Director General of Military Operations": capitalised words after "of" name a body;
                  // "ambassador to the United Nations" the body the title is sent to.
                  && !range[range.lowerBound..<$0].contains(where: { ["of", "for", "to"].contains(words[$0]) }) })
        else { return nil }
        return ownTitle(range, words: words)
    }

    /// Whether the capitalised word at `k` is part of a run of capitalised words within `range`
    /// that the gazetteer knows as a body, a place or a nationality ("United" in "the United
    /// Nations secretary-general").
    private func insideKnownName(_ k: Int, in range: Range<Int>, words: [String]) -> Bool {
        var start = k, end = k + 1
        while start > range.lowerBound, words[start - 1].startsUppercase { start -= 1 }
        while end < range.upperBound, words[end].startsUppercase { end += 1 }
        guard end - start >= 2 else { return false }
        // (Runs that hold `k`: from a start at or before it, two words at least.)
        for a in start...k {
            for b in stride(from: max(a + 2, k + 1), through: end, by: 1) {
                if gazetteer.lookup(words[a..<b].joined(separator: " ")).contains(where: { ["ORG", "GPE", "LOC", "NORP", "FAC"].contains($0.type) }) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether the word at `k` is part of a capitalised name followed by a possessive before
    /// `end`: "South" and "Africa" in "South Africa's president".
    static func ownsTitle(_ k: Int, words: [String], before end: Int) -> Bool {
        var j = k
        while j < end, words[j].startsUppercase { j += 1 }
        // (A bare apostrophe after a final s: "the United Arab Emirates' president".)
        return j > k && j < end && (["'s", "’s"].contains(words[j]) || ["'", "’"].contains(words[j]) && words[j - 1].hasSuffix("s"))
    }

    /// "Name, the head of Russia's sovereign wealth fund," → the words between the commas.
    private func apposition(_ name: Range<Int>, words: [String]) -> Range<Int>? {
        let j = name.upperBound
        guard j < words.count, words[j] == "," else { return nil }
        return description(openingAt: j + 1, words: words)
    }

    /// How many words at `j` say that the person is, or became, what follows: "is", "was",
    /// "serves as", "has been", "became", "took over as", "was appointed"; nil for another verb.
    static func copula(at j: Int, words: [String]) -> Int? {
        func word(_ k: Int) -> String { k < words.count ? words[k].lowercased() : "" }
        switch word(j) {
        case "is", "was": return ["appointed", "named"].contains(word(j + 1)) ? (word(j + 2) == "as" ? 3 : 2) : 1
        case "became", "becomes": return 1
        case "serves", "served": return word(j + 1) == "as" ? 2 : nil
        case "has", "had": return word(j + 1) == "been" ? 2 : nil
        case "took", "takes": return word(j + 1) == "over" && word(j + 2) == "as" ? 3 : nil
        default: return nil
        }
    }

    /// A title that a description written after a name opens at token `j` (an apposition's
    /// words after its comma, or a relative clause's).
    private func description(openingAt j: Int, words: [String]) -> Range<Int>? {
        var j = j
        // "X, who is also foreign minister,", "X, who serves as secretary of the council.", "X,
        // who took over as the party's chair this month,": the role after the copula is the
        // person's, as an apposition's is.
        if j + 2 < words.count, words[j].lowercased() == "who" {
            j += 1
            guard let copula = Self.copula(at: j, words: words) else { return nil }
            j += copula
            while j < words.count, ["also", "now", "currently", "still"].contains(words[j].lowercased()) { j += 1 }
        }
        // ("Richard Grenell, his envoy for special missions,": a pronoun's possession is no part
        // of the title, a name's is: "Trump's envoy".)
        while j < words.count, ["the", "a", "an", "his", "her", "their", "its"].contains(words[j].lowercased()) { j += 1 }
        let start = j
        while j < words.count, j - start < 24, ![",", ".", ";", ":", "—", "–", "(", ")", "said", "who", "which"].contains(words[j].lowercased()) { j += 1 }
        // ("Choi Sang-mok, the finance minister who has been acting president": a relative
        // clause may end the title as a comma does.)
        guard j < words.count, [",", ".", ";", "—", "–"].contains(words[j]) || j > start && ["who", "which"].contains(words[j]) else { return nil }
        var range = start..<j
        // "Mark Rutte, now NATO's secretary general,": the role follows the adverb.
        // ("…, as its chairman": and the article or pronoun after it.)
        while range.count > 1, ["while", "as", "now", "then", "once", "formerly", "currently", "also"].contains(words[range.lowerBound].lowercased()) {
            range = (range.lowerBound + 1)..<range.upperBound
            while range.count > 1, ["the", "a", "an", "his", "her", "their", "its"].contains(words[range.lowerBound].lowercased()) {
                range = (range.lowerBound + 1)..<range.upperBound
            }
        }
        // "Estonia's prime minister until last year": the time the role was held is not part of it.
        // ("… who became Ukraine's defence minister last week", "… on Friday": nor is when it began.)
        if let time = range.first(where: { k in
            ["until", "since", "till"].contains(words[k].lowercased())
                || ["last", "this", "next", "earlier", "on", "in"].contains(words[k].lowercased()) && k + 1 < range.upperBound
                    && (Self.periods.contains(words[k + 1].lowercased()) || Self.calendar.contains(words[k + 1].lowercased()))
        }), range[start..<time].contains(where: { Self.isHead(words[$0]) }) {
            range = range.lowerBound..<time
        }
        // "a former U.N. official whom the army chief named", "the Rwandan minister it accused of
        // …": a relative clause after the title describes the person, not the role.
        if let clause = range.first(where: { k in k > start && (["whom", "whose"].contains(words[k].lowercased()) || Self.clauseBreaks.contains(words[k].lowercased()) && words[k].startsLowercase) }),
           range[start..<clause].contains(where: { Self.isHead(words[$0]) }) {
            range = range.lowerBound..<clause
        }
        // "a long-time friend of the president with no background in arms control": a "with"
        // phrase describes the person, not the role.
        if let with = range.first(where: { words[$0].lowercased() == "with" }), range[start..<with].contains(where: { Self.isHead(words[$0]) }) {
            range = start..<with
        }
        // "RSF commander known as Hemedti", "commander, better known as…": a second name is no role.
        // ("an Israeli-American soldier believed to be the last …": nor what is thought of the person.)
        if let known = range.first(where: { ["known", "better", "nicknamed", "dubbed", "believed", "thought", "reported", "said"].contains(words[$0].lowercased()) }),
           range[start..<known].contains(where: { Self.isHead(words[$0]) }) {
            range = start..<known
        }
        guard !range.isEmpty, range.contains(where: { Self.isHead(words[$0]) }),
              !range.contains(where: { ["is", "was", "were", "are", "has", "have", "had", "will", "would", "could", "said", "says"].contains(words[$0].lowercased()) }),
              !Self.irregularPasts.contains(words[range.lowerBound].lowercased()),
              // "Kagame, hosted by the emir,", "Rubio, with special envoy Witkoff," and "Trump,
              // speaking in the Oval Office," describe a circumstance, not a role.
              // ("Tomas Berger, a naturalised US citizen,": a participle that qualifies the head is no clause.)
              !(Self.isVerbLike(words[range.lowerBound]) && (range.count < 2 || Self.participleObjects.contains(words[range.lowerBound + 1].lowercased()))),
              !Self.isGerund(words[range.lowerBound]),
              !["with", "by", "alongside", "after", "before", "in", "at", "on", "from", "and", "or", "but", "whose", "that", "due"].contains(words[range.lowerBound].lowercased()),
              // "Keir Starmer, French President Emmanuel Macron, …": a title followed by a name is
              // the next person of a list, not this one's role.
              // ("adviser to President Donald Trump" names him inside the role: after a preposition
              // a name is the role's complement.)
              !range.dropLast().contains(where: { k in
                  !range[range.lowerBound..<k].contains(where: { ["to", "of", "for", "at", "on", "with"].contains(words[$0].lowercased()) })
                      && Self.isHead(words[k]) && words[k + 1].startsUppercase && !Self.isHead(words[k + 1])
                      && !Self.modifiers.contains(words[k + 1].lowercased())
                      // ("National Security Adviser John Bolton": "John" is a surname too.)
                      && gazetteer.lookup(words[k + 1]).allSatisfy { ["FIRSTNAME", "SURNAME", "GIVENNAME"].contains($0.type) }
                      // ("President Volodymyr Zelenskiy's chief of staff": the name owns the role.)
                      && !range[(k + 1)...].prefix(4).contains(where: { ["'s", "’s"].contains(words[$0]) })
              }) else { return nil }
        return range
    }

    /// Courtesy titles, which open a possessor's name in some styles ("Mr Putin's spokesman")
    /// and are no part of the role.
    static let courtesyTitles: WordSet = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."]

    func make(_ range: Range<Int>, tokens: [Token], words: [String]) -> Found {
        var range = range
        if range.count > 1, Self.courtesyTitles.contains(words[range.lowerBound].lowercased()), words[range.lowerBound + 1].startsUppercase {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        // "director general of the International Atomic Energy Agency": the body named after
        // "of" is the affiliation; the title keeps it, as written.
        var bodyAffiliation: String?
        if let of = range.firstIndex(where: { words[$0] == "of" }), of > range.lowerBound, range[range.lowerBound..<of].contains(where: { Self.isHead(words[$0]) }) {
            var start = of + 1
            if start < range.upperBound, words[start].lowercased() == "the" { start += 1 }
            let complement = Array(words[start..<range.upperBound])
            let surface = complement.joined(separator: " ")
            let known = gazetteer.lookup(surface).first { $0.type == "ORG" || $0.type == "GPE" }
            let capitalisedName = complement.count >= 2 && complement.allSatisfy { $0.startsUppercase || $0 == "of" || $0 == "and" || $0 == "for" }
            if known != nil || capitalisedName {
                bodyAffiliation = known?.canonical ?? surface
            }
        }
        var title = ""
        for k in range {
            if k > range.lowerBound, tokens[k].span.start > tokens[k - 1].span.end { title += " " }
            title += words[k]
        }
        // (A plural title shared by several people stays as written, "U.S. envoys", for each
        // of them: the corpus's convention, roles as the text gives them.)
        let span = TextSpan(start: tokens[range.lowerBound].span.start, end: tokens[range.upperBound - 1].span.end)
        // Affiliation: a country, nationality or organisation named inside the title.
        var affiliation: String?
        // Qualifiers before the head word give the affiliation ("U.S. Special Envoy", "Kremlin
        // spokesman"); after it only a possessive does ("head of Russia's wealth fund"), not a
        // complement ("envoy for Ukraine" serves Ukraine's file, not Ukraine).
        let words = Array(words[range])
        let firstHead = words.firstIndex { Self.isHead($0) } ?? words.count
        for match in gazetteer.matches(words) where match.entry.type != "TITLE" {
            let possessive = match.tokens.upperBound < words.count && ["'s", "’s"].contains(words[match.tokens.upperBound])
            guard match.tokens.lowerBound < firstHead || possessive else { continue }
            if match.entry.type == "NORP" {
                affiliation = match.entry.kind.flatMap(Self.country(fromKind:)) ?? affiliation
            } else if let state = Self.stateOrBody(match.entry) {
                affiliation = state
            }
            if affiliation != nil { break }
        }
        return Found(role: Role(title: title, span: span), affiliation: affiliation ?? bodyAffiliation)
    }

    /// The gazetteer's kind column links a nationality to its country ("demonym:Russia").
    static func country(fromKind kind: String) -> String? {
        guard let colon = kind.firstIndex(of: ":") else { return nil }
        let country = String(kind[kind.index(after: colon)...])
        return country.isEmpty ? nil : country
    }
}
