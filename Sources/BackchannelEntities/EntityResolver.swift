import BackchannelCore
import Foundation

/// Groups entity mentions into one entity per actor within an article.
///
/// "Witkoff" joins "Steve Witkoff" (a person's shorter name ends the longer one);
/// spelling variants of a surname join ("Zelensky", "Zelenskyy", "Zelenskiy");
/// gazetteer variants join under their canonical name ("U.S.", "US", "United States");
/// an acronym joins the name it abbreviates ("UDCG"). A capital or seat of government
/// used for its government ("Moscow said", "the Kremlin") keeps its own entity and gets
/// `refersTo` its country. Persons get the titles written before their name or in an
/// apposition after it, and an affiliation from those titles.
struct EntityResolver {
    /// Gazetteer entries by surface, remembered for one document (the same names recur).
    final class Lookups {
        let gazetteer: Gazetteer
        private var cache: [String: [Gazetteer.Entry]] = [:]
        init(_ gazetteer: Gazetteer) { self.gazetteer = gazetteer }
        func callAsFunction(_ surface: String) -> [Gazetteer.Entry] {
            if let hit = cache[surface] { return hit }
            let found = gazetteer.lookup(surface)
            cache[surface] = found
            return found
        }
    }

    struct Found {
        var tokens: Range<Int>
        var type: EntityType
    }

    let gazetteer: Gazetteer

    /// Seats of government, for "Moscow said…"; the gazetteer's own links are used first.
    static let seats: [String: String] = [
        "Moscow": "Russia", "Kremlin": "Russia", "Washington": "United States", "White House": "United States",
        "Pentagon": "United States", "State Department": "United States", "Kyiv": "Ukraine", "Kiev": "Ukraine",
        "Beijing": "China", "London": "United Kingdom", "Downing Street": "United Kingdom", "Paris": "France",
        "Élysée": "France", "Elysee": "France", "Berlin": "Germany", "Tehran": "Iran", "Ankara": "Turkey",
        "Riyadh": "Saudi Arabia", "Doha": "Qatar", "Muscat": "Oman", "Cairo": "Egypt", "Kinshasa": "Democratic Republic of the Congo",
        "Kigali": "Rwanda", "Tokyo": "Japan", "New Delhi": "India", "Islamabad": "Pakistan", "Damascus": "Syria",
        "Baghdad": "Iraq", "Beirut": "Lebanon", "Minsk": "Belarus", "Warsaw": "Poland", "Baku": "Azerbaijan",
        "Yerevan": "Armenia", "Pyongyang": "North Korea", "Seoul": "South Korea", "Jerusalem": "Israel", "Rome": "Italy",
        "Abu Dhabi": "United Arab Emirates", "Bangkok": "Thailand", "Phnom Penh": "Cambodia", "Caracas": "Venezuela",
        "Havana": "Cuba", "Ottawa": "Canada", "Canberra": "Australia", "Madrid": "Spain", "Brasília": "Brazil", "Brasilia": "Brazil",
        "Mexico City": "Mexico", "Buenos Aires": "Argentina", "Bogotá": "Colombia", "Bogota": "Colombia", "Oslo": "Norway",
        "Stockholm": "Sweden", "Helsinki": "Finland", "Copenhagen": "Denmark", "Vienna": "Austria", "Budapest": "Hungary",
        "Prague": "Czech Republic", "Bratislava": "Slovakia", "Bucharest": "Romania", "Sofia": "Bulgaria", "Athens": "Greece",
        "Belgrade": "Serbia", "Tbilisi": "Georgia", "Chisinau": "Moldova", "Vilnius": "Lithuania", "Riga": "Latvia",
        "Tallinn": "Estonia", "Amman": "Jordan", "Sanaa": "Yemen", "Port Sudan": "Sudan", "Addis Ababa": "Ethiopia",
        "Nairobi": "Kenya", "Kampala": "Uganda", "Luanda": "Angola", "Pretoria": "South Africa", "Abuja": "Nigeria",
        "Algiers": "Algeria", "Rabat": "Morocco", "Tunis": "Tunisia", "Kabul": "Afghanistan", "Dhaka": "Bangladesh",
        "Jakarta": "Indonesia", "Manila": "Philippines", "Hanoi": "Vietnam", "Kuala Lumpur": "Malaysia", "Taipei": "Taiwan",
        "Astana": "Kazakhstan", "Tashkent": "Uzbekistan", "Dublin": "Ireland", "Lisbon": "Portugal", "The Hague": "Netherlands",
        "Bern": "Switzerland", "Nicosia": "Cyprus", "Wellington": "New Zealand", "Lima": "Peru", "Santiago": "Chile",
        "Managua": "Nicaragua", "Bamako": "Mali", "Niamey": "Niger", "Ouagadougou": "Burkina Faso", "Juba": "South Sudan",
        "Mogadishu": "Somalia", "Asmara": "Eritrea", "Gitega": "Burundi", "Bujumbura": "Burundi",
    ]
    static let placePrepositions: WordSet = ["in", "to", "from", "at", "near", "outside", "into", "across", "around", "via", "toward", "towards", "through", "inside", "visited", "visit", "left", "reached", "arrived"]
    static let leadingWords: WordSet = ["the", "The", "THE"]

    func resolve(_ found: [Found], tokens: [Token], words: [String], sentenceStarts: TokenPositions = []) -> [Entity] {
        let lookup = Lookups(gazetteer)
        var entities: [Entity] = []
        var keyToEntity: [String: Int] = [:]
        func surface(_ r: Range<Int>) -> String {
            var s = ""
            for k in r {
                if k > r.lowerBound, tokens[k].span.start > tokens[k - 1].span.end { s += " " }
                s += words[k]
            }
            return s
        }
        // Longest mentions first, so that a short name finds the full one whatever the order;
        // entity ids then follow the first appearance.
        // (`scalars`: for a name inside a hyphenated word, how many of the token's scalars it is.)
        var mentions: [(range: Range<Int>, type: EntityType, text: String, scalars: Int?)] = []
        for f in found {
            var r = f.tokens
            // "the" is not part of a name, unless the name is "The Hague".
            while r.count > 1, Self.leadingWords.contains(words[r.lowerBound]),
                  lookup(words[r].joined(separator: " ")).isEmpty {
                r = (r.lowerBound + 1)..<r.upperBound
            }
            // "Kenyan-led", "Indian-administered Kashmir": a name inside the first word is a
            // mention of its own, and the words after it keep the span's reading.
            if let (name, type) = Self.hyphenatedName(words[r.lowerBound], lookup: lookup) {
                mentions.append((r.lowerBound..<(r.lowerBound + 1), type, name, name.unicodeScalars.count))
                guard r.count > 1 else { continue }
                r = (r.lowerBound + 1)..<r.upperBound
            }
            // Titles stay out of a person's name ("Lt. Gen. Keith Kellogg" → "Keith Kellogg").
            if f.type == .person {
                while r.count > 1, Self.isTitleWord(words[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
            }
            // A title alone ("Lt.", "Gen.") is not a person.
            if f.type == .person, r.allSatisfy({ RoleFinder.heads.contains(words[$0].lowercased()) || words[$0].hasSuffix(".") && words[$0].count <= 5 }) {
                continue
            }
            let text = surface(r)
            // "MUSCAT" in a dateline is Muscat. Where the gazetteer has several readings ("Red Sea"
            // the sea and the Sudanese state), the one the tagger and rules chose wins.
            let entries = (lookup(text) + (Gazetteer.isAllCaps(text) ? lookup(Gazetteer.titleCased(text)) : []))
                .filter { EntityType(rawValue: $0.type) != nil }
            let known = entries.first { $0.type == f.type.rawValue } ?? entries.first
            let type = known.flatMap { EntityType(rawValue: $0.type) } ?? f.type
            mentions.append((r, type, text, nil))
        }
        // "Turkish-made drones", "a UN-backed monitor", "an Oman-brokered truce": a known
        // nationality, state or body before a participle is named inside the word.
        var tagged = [Bool](repeating: false, count: words.count)
        for f in found { for k in f.tokens where k < words.count { tagged[k] = true } }
        for k in words.indices where !tagged[k] {
            guard let (name, type) = Self.hyphenatedName(words[k], lookup: lookup) else { continue }
            mentions.append((k..<(k + 1), type, name, name.unicodeScalars.count))
        }
        // (utf8.count: counting Characters would walk every string at every comparison.)
        let lengths = mentions.map { $0.text.utf8.count }
        let ordered = mentions.indices.sorted { lengths[$0] > lengths[$1] || (lengths[$0] == lengths[$1] && $0 < $1) }
        var entityOfMention = [Int](repeating: -1, count: mentions.count)
        var forms: [NameForms] = []
        // Each entity's first token in the text, as far as its mentions so far go.
        var firstToken: [Int] = []
        for m in ordered {
            let mention = mentions[m]
            let key = self.key(mention.text, type: mention.type, lookup: lookup)
            if let e = keyToEntity[key] {
                entityOfMention[m] = e
                firstToken[e] = min(firstToken[e], mention.range.lowerBound)
                continue
            }
            if let e = joinable(mention.text, type: mention.type, entities: entities, forms: forms, firstToken: firstToken) {
                entityOfMention[m] = e
                keyToEntity[key] = e
                firstToken[e] = min(firstToken[e], mention.range.lowerBound)
                continue
            }
            // The name and kind of the gazetteer's reading of the mention's type ("Emirates" the
            // company is not named "United Arab Emirates"), else of its first reading.
            let readings = (lookup(mention.text) + (Gazetteer.isAllCaps(mention.text) ? lookup(Gazetteer.titleCased(mention.text)) : []))
                .filter { EntityType(rawValue: $0.type) != nil }
            let reading = readings.first { $0.type == mention.type.rawValue } ?? readings.first
            let canonical = reading?.canonical ?? mention.text
            var entity = Entity(id: Entity.ID(rawValue: ""), name: canonical, type: mention.type)
            let fullKind = reading?.kind
            entity.kind = fullKind.map { String($0.split(separator: ":").first ?? "") }
            // A nationality refers to its country ("Egyptian" → Egypt), for the event stage.
            if mention.type == .norp, let fullKind, let colon = fullKind.firstIndex(of: ":") {
                entity.refersTo = String(fullKind[fullKind.index(after: colon)...])
            }
            entities.append(entity)
            forms.append(NameForms(name: canonical, type: mention.type))
            firstToken.append(mention.range.lowerBound)
            entityOfMention[m] = entities.count - 1
            keyToEntity[key] = entities.count - 1
        }
        // "Rodrigo Londoño, better known as Timochenko", "the Alliance of Sahel States (AES)": the
        // second name is the entity's, wherever else the text uses it.
        let aliasPairs = Aliases.pairs(mentions.map { Aliases.Mention(range: $0.scalars == nil ? $0.range : $0.range.lowerBound..<$0.range.lowerBound, type: $0.type) },
                                       words: words, sentenceStarts: sentenceStarts, known: { lookup($0) })
        for (named, alias) in aliasPairs {
            let keep = entityOfMention[named], drop = entityOfMention[alias]
            guard keep != drop else { continue }
            for m in entityOfMention.indices where entityOfMention[m] == drop { entityOfMention[m] = keep }
        }
        for (m, mention) in mentions.enumerated() {
            let e = entityOfMention[m]
            let start = tokens[mention.range.lowerBound].span.start
            let span = TextSpan(start: start, end: mention.scalars.map { start + $0 } ?? tokens[mention.range.upperBound - 1].span.end)
            entities[e].mentions.append(Mention(span: span))
            if entities[e].refersTo == nil, let country = Self.seats[mention.text] ?? Self.seats[entities[e].name],
               entities[e].type == .org || mention.range.lowerBound == 0 || !Self.placePrepositions.contains(words[mention.range.lowerBound - 1].lowercased()) {
                entities[e].refersTo = country
            }
        }
        // Roles and affiliations of persons.
        let roles = RoleFinder(gazetteer: gazetteer)
        for (m, mention) in mentions.enumerated() where mention.type == .person && mention.scalars == nil {
            let e = entityOfMention[m]
            for role in roles.roles(of: mention.range, tokens: tokens, words: words, sentenceStarts: sentenceStarts) where !entities[e].roles.contains(where: { Role.sameTitle($0.title, role.title) }) {
                entities[e].roles.append(role.role)
                if entities[e].affiliation == nil { entities[e].affiliation = role.affiliation }
            }
        }
        let placed = mentions.indices.map { Affiliations.Placed(range: mentions[$0].range, entity: entityOfMention[$0]) }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        Affiliations.fill(&entities, mentions: placed, words: words, sentenceStarts: sentenceStarts)
        TitleReferences(roles: roles).apply(&entities, mentions: placed, tokens: tokens, words: words, sentenceStarts: sentenceStarts)
        // Order by first mention and number them.
        var result = entities.filter { !$0.mentions.isEmpty }
        for i in result.indices { result[i].mentions.sort { $0.span < $1.span } }
        result.sort { $0.mentions[0].span < $1.mentions[0].span }
        for i in result.indices { result[i].id = Entity.ID(rawValue: "E\(i + 1)") }
        return result
    }

    /// Head words of a body's name that the text uses alone for it ("the Commission").
    static let bodyHeadWords: Set<String> = ["commission", "council", "parliament", "assembly", "court", "committee", "tribunal",
                                             "senate", "congress", "agency", "alliance", "union", "bank", "fund", "forum"]

    static func isTitleWord(_ word: String) -> Bool {
        let lower = word.lowercased()
        return RoleFinder.heads.contains(lower) || (word.hasSuffix(".") && Tokenizer.abbreviations.contains(String(word.dropLast()))
            && !["St", "Mt", "Ft"].contains(String(word.dropLast()))) || ["mr", "mrs", "ms", "sheikh", "ayatollah", "dr", "sir", "dame", "lord", "lady"].contains(lower)
            // a title's qualifier opening a sentence: "Retired Gen. David Petraeus", "Former President …"
            || ["retired", "former", "acting", "caretaker", "interim"].contains(lower)
    }

    /// The key that makes two mentions the same entity outright.
    func key(_ text: String, type: EntityType, lookup: Lookups) -> String {
        if let known = lookup(text).first(where: { EntityType(rawValue: $0.type) != nil }) { return type.rawValue + ":" + known.canonical }
        // A dateline's "DOHA" is the "Doha" of the text.
        if Gazetteer.isAllCaps(text), let known = lookup(Gazetteer.titleCased(text)).first(where: { EntityType(rawValue: $0.type) != nil }) {
            return type.rawValue + ":" + known.canonical
        }
        return type.rawValue + ":" + Self.fold(text)
    }

    /// "Zelenskyy", "Zelenskiy", "Zelensky" → "zelensky": transliteration variants fold together
    /// ("iy"/"yy" → "y", "ii" → "i", "kh" → "h", "ts" → "c", accents dropped). One pass.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
        // "Uraloğlu" and "Uraloglu", "Ñáñez" and "Nanez": letters without their marks, where
        // that leaves plain letters.
        let bare = text.folding(options: .diacriticInsensitive, locale: nil)
        if bare.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(bare) }
        var out: [Character] = []
        for ch in text.lowercased() {
            guard ch.isLetter || ch == " " else { continue }
            var c = ch
            if c == "ï" || c == "í" || c == "î" { c = "i" } else if c == "é" || c == "è" || c == "ë" { c = "e" }
            if let last = out.last {
                if (last == "i" || last == "y") && c == "y" { out[out.count - 1] = "y"; continue }
                if last == "i" && c == "i" { continue }
                if last == "k" && c == "h" { out[out.count - 1] = "h"; continue }
                if last == "t" && c == "s" { out[out.count - 1] = "c"; continue }
            }
            out.append(c)
        }
        return String(out)
    }

    /// `fold` for ASCII text, on bytes.
    static func foldASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            var c = b >= 0x41 && b <= 0x5A ? b + 32 : b
            guard (c >= 0x61 && c <= 0x7A) || c == 0x20 else { continue }
            if let last = out.last {
                if (last == 0x69 || last == 0x79) && c == 0x79 { out[out.count - 1] = 0x79; continue } // iy, yy → y
                if last == 0x69 && c == 0x69 { continue }                                           // ii → i
                if last == 0x6B && c == 0x68 { out[out.count - 1] = 0x68; continue }                // kh → h
                if last == 0x74 && c == 0x73 { c = 0x63; out[out.count - 1] = c; continue }         // ts → c
            }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The forms of an entity's name that later mentions are compared with, worked out once
    /// when the entity is made rather than for every mention after it.
    struct NameForms {
        /// The name's words, folded.
        let folded: [String]
        /// A person's last word without its Arabic article ("al-Burhan" → "burhan"), folded.
        let bareSurname: String?
        /// The capitals that begin the name's words ("UDCG").
        let initials: String

        init(name: String, type: EntityType) {
            let words = name.split(separator: " ")
            folded = words.map { EntityResolver.fold(String($0)) }
            bareSurname = type == .person ? words.last.flatMap { NameConsistency.withoutParticle(String($0)) }.map(EntityResolver.fold) : nil
            initials = String(words.compactMap { $0.first }.filter(\.isUppercase))
        }
    }

    /// Participles that make a word of a name before them ("Turkish-made", "Russian-led").
    static let namedParticiples: WordSet = ["made", "built", "led", "backed", "brokered", "flagged", "owned", "operated",
                                            "sponsored", "funded", "controlled", "mediated", "supplied", "designed", "produced",
                                            "allied", "aligned", "run", "based", "registered", "manufactured", "drafted", "trained",
                                            "administered", "occupied", "held", "majority", "dominated"]

    /// The name inside a hyphenated word, with its type, when the word is a nationality, state or
    /// body the gazetteer knows and a participle ("Turkish-made" → "Turkish", NORP).
    static func hyphenatedName(_ word: String, lookup: Lookups) -> (String, EntityType)? {
        // (Asked of every word: settled by its bytes for nearly all.)
        guard let first = word.utf8.first, first >= 0x41 && first <= 0x5A || first >= 0x80, word.utf8.contains(0x2D),
              let hyphen = word.firstIndex(of: "-"), hyphen != word.startIndex, word[word.startIndex].isUppercase,
              namedParticiples.contains(String(word[word.index(after: hyphen)...])) else { return nil }
        let name = String(word[..<hyphen])
        guard let entry = lookup(name).first(where: { ["NORP", "GPE", "ORG"].contains($0.type) }), let type = EntityType(rawValue: entry.type)
        else { return nil }
        return (name, type)
    }

    /// An existing entity this mention is a shorter form of. `firstToken`: each entity's first
    /// token in the text, which settles a surname two people share.
    func joinable(_ text: String, type: EntityType, entities: [Entity], forms: [NameForms], firstToken: [Int]) -> Int? {
        let parts = text.split(separator: " ").map { Self.fold(String($0)) }
        // "Anwar" after "Anwar Ibrahim", "Tamim" after "Tamim bin Hamad Al Thani": a single word
        // that begins exactly one person's name, and ends none, is that person's given name used
        // alone (as Malay and Arabic names are).
        if type == .person, parts.count == 1 {
            let starting = entities.indices.filter { entities[$0].type == .person && forms[$0].folded.count >= 2 && forms[$0].folded.first == parts[0] }
            let ending = entities.indices.contains { entities[$0].type == .person && forms[$0].folded.last == parts[0] }
            if starting.count == 1, !ending { return starting[0] }
            // "Kim" after "Kim Jong Un" and "Kim Yong Chol": a family name written first, which
            // several people of the text share, stands for the one named first (as a surname does).
            if starting.count >= 2, !ending { return starting.min { firstToken[$0] < firstToken[$1] } }
            // "Burhan" after "Abdel Fattah al-Burhan": a surname without its Arabic article.
            let articled = entities.indices.filter { entities[$0].type == .person && forms[$0].bareSurname == parts[0] }
            if articled.count == 1 { return articled[0] }
        }
        // "Witkoff" / "Steve Witkoff": the short form ends the long one (its surname). A surname
        // two people share ("JD Vance" and, later, "his wife, Usha Vance") stands for the one the
        // text named first, the article's subject.
        if type == .person {
            let sharing = entities.indices.filter { i in
                entities[i].type == .person && parts.count < forms[i].folded.count && Array(forms[i].folded.suffix(parts.count)) == parts
            }
            if let first = sharing.min(by: { firstToken[$0] < firstToken[$1] }) { return first }
            return nil
        }
        // "the Commission" after "the European Commission": a body's head word alone is the one
        // body of the text whose name ends with it (none when two do: "the Council" after the
        // Security Council and the European Council).
        if type == .org, parts.count == 1, Self.bodyHeadWords.contains(parts[0]) {
            let ending = entities.indices.filter { entities[$0].type == .org && forms[$0].folded.count >= 2 && forms[$0].folded.last == parts[0] }
            if ending.count == 1 { return ending[0] }
        }
        for (i, entity) in entities.enumerated() where entity.type == type {
            let full = forms[i].folded
            // "UDCG" abbreviates "Ukraine Defense Contact Group".
            let initials = forms[i].initials
            if parts.count == 1, text.count >= 2, initials.count >= 2, text == initials { return i }
            // "Contact Group" ends "Ukraine Defense Contact Group".
            if parts.count >= 2, parts.count < full.count, Array(full.suffix(parts.count)) == parts { return i }
        }
        return nil
    }
}
