import BackchannelCore
import BackchannelSegment
import Testing

@testable import BackchannelEntities

/// Runs segmenter + entity stage over one text.
func entities(_ text: String) throws -> [Entity] {
    var document = Document(text: text, layers: [.text])
    try Segmenter().process(&document)
    try EntityRecognizer().process(&document)
    return document.entities
}

func summary(_ entities: [Entity], in text: String) -> [String] {
    entities.map { e in
        var s = "\(e.type.rawValue) \(e.name) [\(e.mentions.map { text.slice($0.span) }.joined(separator: "|"))]"
        if !e.roles.isEmpty { s += " roles=\(e.roles.map(\.title).joined(separator: ";"))" }
        if let a = e.affiliation { s += " of=\(a)" }
        if let r = e.refersTo { s += " -> \(r)" }
        return s
    }
}

/// The resolver and role finder on hand-made tagger output: their rules do not depend on the model.
@Suite("One entity per actor")
struct EntityResolverTests {
    func resolve(_ text: String, _ spans: [(String, EntityType)]) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokenize(scalars)
        let words = tokens.map { text.slice($0.span) }
        var found: [EntityResolver.Found] = []
        var used = Set<Int>()
        for (phrase, type) in spans {
            let parts = Gazetteer.tokens(of: phrase)
            for k in 0...(words.count - parts.count)
            where Array(words[k..<(k + parts.count)]) == parts && used.isDisjoint(with: k..<(k + parts.count)) {
                found.append(EntityResolver.Found(tokens: k..<(k + parts.count), type: type))
                used.formUnion(k..<(k + parts.count))
                break
            }
        }
        return summary(EntityResolver(gazetteer: .shared).resolve(found, tokens: tokens, words: words), in: text)
    }

    /// "People's" with a capitalised word after it is inside a name; a count that opens the
    /// sentence is not.
    @Test(arguments: [
        ("The Tigray People’s Liberation Front said it would fight on.", "ORG Tigray People’s Liberation Front"),
        ("Fighters of the Kordofan People's Liberation Movement-North shelled the town.", "ORG Kordofan People's Liberation Movement-North"),
        ("Three U.S. Navy ships were sent to the region.", "ORG U.S. Navy"),
        ("In a statement, United Nations Secretary-General Antonio Guterres urged restraint.", "ORG United Nations"),
    ])
    func namesAroundAPossessiveAndACount(_ text: String, _ expected: String) throws {
        let found = summary(try entities(text), in: text)
        #expect(found.contains { $0.hasPrefix(expected + " [") }, "\(found)")
        #expect(!found.contains { $0.contains("Secretary-General [") }, "\(found)")
    }

    /// Two names side by side that end a gazetteer name together are that name: the tagger
    /// cut "the occupied West Bank" into "West" (ORG) and "Bank" (GPE) in one article.
    @Test func twoNamesThatEndAGazetteerNameAreOne() {
        let entry = Gazetteer.Entry(type: "GPE", canonical: "West Bank", kind: "territory:Palestine")
        let found = [EntityResolver.Found(tokens: 4..<5, type: .org), EntityResolver.Found(tokens: 5..<6, type: .gpe),
                     EntityResolver.Found(tokens: 6..<7, type: .person)]
        let joined = EntityRecognizer.joinedGazetteerNames(found, matches: [Gazetteer.Match(tokens: 3..<6, entry: entry)])
        #expect(joined.map(\.tokens) == [4..<6, 6..<7] && joined.first?.type == .gpe)
        // names that do not end the gazetteer's name together stay apart
        let apart = EntityRecognizer.joinedGazetteerNames(found, matches: [Gazetteer.Match(tokens: 3..<5, entry: entry)])
        #expect(apart.map(\.tokens) == [4..<5, 5..<6, 6..<7])
    }

    @Test(arguments: [
        ("The military detained State Counsellor Aung San Suu Kyi and other leaders.", "PERSON Aung San Suu Kyi [Aung San Suu Kyi] roles=State Counsellor"),
        ("State Councillor Wang Yi met the envoy in Beijing.", "PERSON Wang Yi [Wang Yi] roles=State Councillor"),
        ("Police arrested Roman Protasevich, a former editor of Nexta, at the airport.", "PERSON Roman Protasevich [Roman Protasevich] roles=former editor of Nexta"),
    ])
    func counsellorsAndEditorsAreTitles(_ text: String, _ expected: String) throws {
        let found = summary(try entities(text), in: text)
        #expect(found.contains(expected), "\(found)")
    }

    /// A title sent to a body keeps the body; "caretaker" qualifies a title; a qualifier that
    /// opens the sentence before a rank is no part of the name.
    @Test(arguments: [
        ("Israel's ambassador to the United Nations, Danny Danon, asked the council to act.",
         "PERSON Danny Danon [Danny Danon] roles=Israel's ambassador to the United Nations of=Israel"),
        ("Iraqi caretaker Prime Minister Adel Abdul Mahdi asked parliament to act.",
         "PERSON Adel Abdul Mahdi [Adel Abdul Mahdi] roles=Iraqi caretaker Prime Minister of=Iraq"),
    ])
    func titlesSentToABodyAndCaretakers(_ text: String, _ expected: String) throws {
        let found = summary(try entities(text), in: text)
        #expect(found.contains(expected), "\(found)")
    }

    @Test func aQualifierOpeningTheSentenceIsNoName() throws {
        let text = "Retired Gen. David Petraeus, a former CIA director, said the strike was significant."
        let found = summary(try entities(text), in: text)
        #expect(found.contains { $0.hasPrefix("PERSON David Petraeus [David Petraeus]") }, "\(found)")
    }

    /// A given name that is also a place's opens a person's name before a word that can only be
    /// a surname; before a place's or a body's word it stays the place.
    @Test func aGivenNameThatIsAlsoAPlace() throws {
        let text = "Police detained Sofia Sapega at Minsk airport. Sapega is a Russian citizen. "
            + "Jordan Bardella criticised the plan. Jordan Valley farmers protested."
        let found = summary(try entities(text), in: text)
        #expect(found.contains { $0.hasPrefix("PERSON Sofia Sapega [Sofia Sapega|Sapega]") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("PERSON Jordan Bardella [") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("PERSON Jordan Valley") }, "\(found)")
        // the gazetteer marks the given names that places also bear
        #expect(Gazetteer.shared.lookup("Sofia").contains { $0.type == "GIVENNAME" })
        #expect(!Gazetteer.shared.lookup("Minsk").contains { $0.type == "GIVENNAME" })
    }

    /// A name and a facility's head word in capitals are the facility, unless the name goes on.
    @Test func aNameAndAFacilitysWordAreTheFacility() throws {
        let text = "Officials at Miraflores Palace said Maduro would speak. The Caspian Pipeline Consortium halted loadings."
        let found = summary(try entities(text), in: text)
        #expect(found.contains { $0.hasPrefix("FAC Miraflores Palace [") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("FAC Caspian Pipeline [") }, "\(found)")
    }

    /// A body's name goes on past "for the"; both spellings of "Organisation" are known; a named
    /// agreement or military operation is no entity.
    @Test func bodiesAgreementsAndOperations() throws {
        let text = "The Organisation for the Prohibition of Chemical Weapons sent inspectors. "
            + "The Organisation for Security and Co-operation in Europe closed its mission. "
            + "The Houthis said they would respect the Stockholm Agreement. France ended Operation Barkhane in August."
        let found = summary(try entities(text), in: text)
        #expect(found.contains { $0.hasPrefix("ORG Organisation for the Prohibition of Chemical Weapons [") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ORG OSCE [Organisation for Security and Co-operation in Europe]") }, "\(found)")
        #expect(!found.contains { $0.contains("Agreement") || $0.contains("Barkhane") || $0.contains("Stockholm") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("GPE France [") }, "\(found)")
    }

    /// Two bodies the gazetteer knows, joined by "and", stay two; an Arabic article opening a
    /// sentence is capitalised.
    @Test func twoKnownBodiesAndASentenceOpeningArticle() throws {
        let text = "Human Rights Watch and Amnesty International called for an inquiry. "
            + "Al-Shabab fighters attacked a base, and Boko Haram claimed a raid."
        let found = summary(try entities(text), in: text)
        for expected in ["ORG Human Rights Watch [Human Rights Watch]", "ORG Amnesty International [Amnesty International]",
                         "ORG Al-Shabaab [Al-Shabab]", "ORG Boko Haram [Boko Haram]"] {
            #expect(found.contains { $0.hasPrefix(expected) }, "\(expected): \(found)")
        }
    }

    /// A valley is a natural feature; a facility found without its noun in lower case takes it;
    /// an armed group's name stops before "group".
    @Test func valleysAirportsAndGroups() throws {
        let text = "Troops clashed in the Galwan Valley. Flights left Imam Khomeini airport. The Wagner group withdrew."
        let found = summary(try entities(text), in: text)
        #expect(found.contains { $0.hasPrefix("LOC Galwan Valley [") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("FAC Imam Khomeini airport [") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ORG Wagner [Wagner]") }, "\(found)")
    }

    @Test func anOilBenchmarkIsNoPerson() throws {
        let text = "Brent crude rose 2% to $74 a barrel after the strikes."
        #expect(!summary(try entities(text), in: text).contains { $0.hasPrefix("PERSON Brent") })
    }

    @Test func surnameJoinsTheFullName() {
        let text = "U.S. Special Envoy Steve Witkoff met Putin. Witkoff said little."
        #expect(resolve(text, [("U.S.", .gpe), ("Steve Witkoff", .person), ("Putin", .person), ("Witkoff", .person)]) == [
            "GPE United States [U.S.]",
            "PERSON Steve Witkoff [Steve Witkoff|Witkoff] roles=U.S. Special Envoy of=United States",
            "PERSON Putin [Putin]",
        ])
    }

    @Test func transliterationsAndGazetteerVariantsJoin() {
        let text = "Zelenskyy spoke. Zelensky agreed and Zelenskiy left. The U.S. and the United States and the US."
        #expect(resolve(text, [("Zelenskyy", .person), ("Zelensky", .person), ("Zelenskiy", .person),
                               ("U.S.", .gpe), ("United States", .gpe), ("US", .gpe)]) == [
            "PERSON Zelenskyy [Zelenskyy|Zelensky|Zelenskiy]",
            "GPE United States [U.S.|United States|US]",
        ])
    }

    @Test func seatsOfGovernmentReferToTheirCountryOnlyWhenActing() {
        let text = "Moscow rejected the plan. Talks were held in Kyiv. The Kremlin said nothing."
        #expect(resolve(text, [("Moscow", .gpe), ("Kyiv", .gpe), ("Kremlin", .org)]) == [
            "GPE Moscow [Moscow] -> Russia",
            "GPE Kyiv [Kyiv]",
            "ORG Kremlin [Kremlin] -> Russia",
        ])
    }

    @Test func acronymJoinsItsName() {
        let text = "The Ukraine Defense Contact Group met. The UDCG pledged more."
        #expect(resolve(text, [("Ukraine Defense Contact Group", .org), ("UDCG", .org)]) == [
            "ORG Ukraine Defense Contact Group [Ukraine Defense Contact Group|UDCG]",
        ])
    }

    @Test(arguments: [
        ("Kremlin spokesman Dmitry Peskov said so.", "Dmitry Peskov", "roles=Kremlin spokesman of=Russia"),
        ("acting German defense minister Boris Pistorius spoke.", "Boris Pistorius", "roles=acting German defense minister of=Germany"),
        ("Trump's Middle East envoy Steve Witkoff flew in.", "Steve Witkoff", "roles=Trump's Middle East envoy"),
        ("Kirill Dmitriev, the head of Russia's sovereign wealth fund and Putin's special envoy for investment, was upbeat.",
         "Kirill Dmitriev", "roles=head of Russia's sovereign wealth fund;Putin's special envoy for investment of=Russia"),
        ("White House Press Secretary Karoline Leavitt said.", "Karoline Leavitt", "roles=White House Press Secretary of=United States"),
        ("Keith Kellogg, the envoy for Ukraine, arrived.", "Keith Kellogg", "roles=envoy for Ukraine"),   // a complement is not an affiliation
        // a title before a comma, and an honorific between title and name
        ("said a spokesman for the Congolese government, Patrick Muyaya, on Monday.", "Patrick Muyaya", "roles=spokesman for the Congolese government"),
        ("an adviser to Supreme Leader Ayatollah Ali Khamenei said.", "Ali Khamenei", "roles=Supreme Leader"),
        // a clause before the title is not part of it; a "with" phrase after it describes the person
        ("the deal she struck with the bank's managing director, Anna Varga, in May held.", "Anna Varga", "roles=bank's managing director"),
        ("They trust Tom Hale, an investor and old friend of the mayor with no diplomatic experience.", "Tom Hale", "roles=investor;old friend of the mayor"),
        // what the holder has is not the title; a relative clause after a comma title still counts
        ("The office of Prime Minister Anna Berg said the talks would resume.", "Anna Berg", "roles=Prime Minister"),
        ("A deputy prime minister, Tomas Lind, who is also finance minister, will lead.", "Tomas Lind", "roles=deputy prime minister;finance minister"),
        // a verb phrase before "on the …" is no part of the title after it
        ("In May the council put sanctions on the militia commander, Omar Bashar, and his firms.", "Omar Bashar", "roles=militia commander"),
        ("She spoke by phone to Norway's trade minister, Lars Moe, on Sunday.", "Lars Moe", "roles=Norway's trade minister of=Norway"),
        ("He sent Tom Hale, his envoy for special missions, to the capital.", "Tom Hale", "roles=envoy for special missions"),
        // a title owned by a name starts at the name
        ("The vote came a week after Norway's trade minister, Lars Moe, left office.", "Lars Moe", "roles=Norway's trade minister of=Norway"),
        ("She flew in at the invitation of Qatar's emir, Hamad Saleh, in May.", "Hamad Saleh", "roles=Qatar's emir of=Qatar"),
        ("He is due to meet Ukraine's president, Ivan Petrenko, in Geneva.", "Ivan Petrenko", "roles=Ukraine's president of=Ukraine"),
        ("South Africa's president, Tom Ndlovu, and his aides left.", "Tom Ndlovu", "roles=South Africa's president of=South Africa"),
        ("Mr Putin's spokesman, Ivan Sorokin, declined to comment.", "Ivan Sorokin", "roles=Putin's spokesman"),
        // a title, "of" or "to", and a title before the name: the second is the name's own
        ("He met the special representative of President Anna Berg in Oslo.", "Anna Berg", "roles=President"),
        ("He was an adviser to the supreme leader, Ali Rezaei, for years.", "Ali Rezaei", "roles=supreme leader"),
        ("Tom Hale, spokesman for the Joint Chiefs, said so.", "Tom Hale", "roles=spokesman for the Joint Chiefs"),
        // a relative clause after an apposition's title describes the person, not the role
        ("They named Omar Bashar, a former U.N. official whom the army chief trusts, as premier.", "Omar Bashar", "roles=former U.N. official of=United Nations"),
        ("The council listed Omar Bashar, a Rwandan minister it accused of arming rebels, on Monday.", "Omar Bashar", "roles=Rwandan minister of=Rwanda"),
        ("Russian-Armenian billionaire Omar Bashar was arrested.", "Omar Bashar", "roles=Russian-Armenian billionaire"),
        // a police rank of two words is one title, and stays out of the name; the press's titles are titles
        ("Detective Sergeant Tom Hale was taken to hospital.", "Tom Hale", "roles=Detective Sergeant"),
        // a rank written without its full stop, in British style
        ("The junta named Col Omar Bashar as minister.", "Omar Bashar", "roles=Col"),
        ("Lena Ortiz, the Daily Ledger's correspondent in Cairo, was freed.", "Lena Ortiz", "roles=Daily Ledger's correspondent in Cairo"),
    ])
    func rolesAndAffiliation(text: String, name: String, expected: String) {
        let line = resolve(text, [(name, .person)]).first ?? ""
        #expect(line.hasSuffix(expected), "\(line)")
    }

    /// British style writes ranks without a period; a rank is a role, not part of the name.
    @Test func ranksWithoutAPeriodAreRoles() throws {
        let text = "The army's spokesman, Maj Gen Somchai Rak, said the line held."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("PERSON Somchai Rak ") && $0.contains("roles=Maj Gen;army's spokesman") }, "\(lines)")
        let chief = "The army chief, Gen Omar Bashar, flew to Cairo."
        let general = summary(try entities(chief), in: chief)
        #expect(general.contains { $0.hasPrefix("PERSON Omar Bashar ") && $0.contains("roles=Gen;army chief") }, "\(general)")
    }

    @Test func aRankBetweenTheCommaAndTheNameKeepsTheTitleBeforeIt() {
        let line = resolve("Washington sanctioned the army chief, Gen. Omar Bashar, in January.", [("Omar Bashar", .person)]).first ?? ""
        #expect(line.hasSuffix(";army chief") && !line.contains("sanctioned"), "\(line)")
    }

    @Test func aPredicateAfterTheCommaIsNoRole() {
        let line = resolve("Ivan Petrenko, due in Paris on Monday for talks with the president, left Kyiv.", [("Ivan Petrenko", .person)])
        #expect(!line.contains { $0.contains("roles=") }, "\(line)")
    }

    @Test func portfoliosAreTitleWordsAndCircumstancesAreNoRoles() {
        let minister = resolve("Indian External Affairs Minister Raj Mehta flew in.", [("Raj Mehta", .person)]).first ?? ""
        #expect(minister.contains("roles=Indian External Affairs Minister"), "\(minister)")
        let speaking = resolve("Tom Hale, speaking in the Oval Office alongside the chief of staff, said no.", [("Tom Hale", .person)]).first ?? ""
        #expect(!speaking.contains("roles="), "\(speaking)")
        let were = resolve("Diplomats said Ann Lee, and Peru's ambassador were observers.", [("Ann Lee", .person)]).first ?? ""
        #expect(!were.contains("roles="), "\(were)")
    }

    @Test func aVerbAfterWhoIsNoTitle() {
        let line = resolve("Andriy Yermak, who heads Zelensky's office, joined.", [("Andriy Yermak", .person), ("Zelensky", .person)])
        #expect(!line.contains { $0.contains("Zelensky") && $0.contains("roles=") }, "\(line)")
        let chair = resolve("The union's chairperson, Moussa Faki, spoke.", [("Moussa Faki", .person)]).first ?? ""
        #expect(chair.contains("roles=union's chairperson"), "\(chair)")
    }

    @Test func aVerbOrByBeforeATitleIsNotPartOfIt() {
        let mediated = resolve("The round was again mediated by Oman's foreign minister, Saif Hamdan, in Rome.", [("Saif Hamdan", .person)]).first ?? ""
        #expect(mediated.contains("roles=Oman's foreign minister"), "\(mediated)")
        let did = resolve("Ana Ruiz attended, as did Peru's defence minister, Luis Tello.", [("Luis Tello", .person)]).first ?? ""
        #expect(did.contains("roles=Peru's defence minister"), "\(did)")
        let hosted = resolve("Lena Ortiz, hosted by the city's mayor, spoke first.", [("Lena Ortiz", .person)]).first ?? ""
        #expect(!hosted.contains("roles="), "\(hosted)")
    }
}

@Suite("Roles in lists and sentences")
struct RoleBoundaryTests {
    let resolver = EntityResolverTests()

    @Test func aTitledNameAfterACommaIsTheNextPersonOfAList() {
        let text = "Three leaders came: British Prime Minister Keir Starmer, French President Emmanuel Macron, German Chancellor Friedrich Merz."
        let lines = resolver.resolve(text, [("Keir Starmer", .person), ("Emmanuel Macron", .person), ("Friedrich Merz", .person)])
        #expect(lines.contains { $0.hasPrefix("PERSON Keir Starmer") && $0.contains("roles=British Prime Minister") && !$0.contains("Macron") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("PERSON Emmanuel Macron") && $0.contains("roles=French President") && !$0.contains("Merz") }, "\(lines)")
        // A name inside a role, after a preposition, keeps the role.
        let adviser = resolver.resolve("Ali Velayati, adviser to Supreme Leader Ali Khamenei, spoke.", [("Ali Velayati", .person), ("Ali Khamenei", .person)])
        #expect(adviser.contains { $0.hasPrefix("PERSON Ali Velayati") && $0.contains("roles=adviser to Supreme Leader Ali Khamenei") }, "\(adviser)")
    }

    @Test func aTitleBeforeANameStopsAtADay() {
        let line = resolver.resolve("On Sunday the army chief, Gen. Omar Bashar, rejected the paper.", [("Omar Bashar", .person)]).first ?? ""
        #expect(line.contains("army chief"), "\(line)")
    }

    @Test func lawmakersIsATitle() {
        let lines = resolver.resolve("Two left-wing lawmakers, Ana Odeh and Oren Cass, were removed.", [("Ana Odeh", .person), ("Oren Cass", .person)])
        #expect(lines == ["PERSON Ana Odeh [Ana Odeh] roles=left-wing lawmakers", "PERSON Oren Cass [Oren Cass] roles=left-wing lawmakers"], "\(lines)")
    }

    @Test func aGivenNameAloneIsThePersonWhoseNameItBegins() {
        let lines = resolver.resolve("Anwar Ibrahim hosted the talks. Anwar said they went well.", [("Anwar Ibrahim", .person), ("Anwar", .person)])
        #expect(lines == ["PERSON Anwar Ibrahim [Anwar Ibrahim|Anwar]"], "\(lines)")
        // Not when the word also ends someone's name.
        let two = resolver.resolve("Ibrahim Musa met Joseph Ibrahim. Ibrahim spoke.", [("Ibrahim Musa", .person), ("Joseph Ibrahim", .person), ("Ibrahim", .person)])
        #expect(two.contains { $0.hasPrefix("PERSON Joseph Ibrahim [Joseph Ibrahim|Ibrahim]") }, "\(two)")
    }
}

@Suite("Shared titles")
struct SharedTitleTests {
    @Test func pluralTitleBeforeAListBelongsToEachName() {
        let text = "Leaders watched their foreign ministers, Jeyhun Bayramov and Ararat Mirzoyan, initial the text."
        let lines = EntityResolverTests().resolve(text, [("Jeyhun Bayramov", .person), ("Ararat Mirzoyan", .person)])
        #expect(lines == ["PERSON Jeyhun Bayramov [Jeyhun Bayramov] roles=foreign ministers",
                          "PERSON Ararat Mirzoyan [Ararat Mirzoyan] roles=foreign ministers"])
    }

    @Test(arguments: [
        // a plural title right before the first name of two
        "The talks were led by U.S. envoys Lena Ortiz and Mark Hale on Sunday.",
        // a plural apposition after the second
        "Kyiv received Lena Ortiz and Mark Hale, the president’s envoys, on Sunday.",
    ])
    func pluralTitleWithoutACommaBelongsToBothNames(text: String) {
        let lines = EntityResolverTests().resolve(text, [("Lena Ortiz", .person), ("Mark Hale", .person)])
        #expect(lines.count == 2 && lines.allSatisfy { $0.contains("envoys") }, "\(lines)")
    }

    /// A plural inside a body's name is no shared title: "chairman of the Joint Chiefs of Staff".
    @Test func aPluralInsideABodysNameIsNoSharedTitle() {
        let text = "Defense Secretary Pete Hegseth and Gen. Dan Caine, chairman of the Joint Chiefs of Staff, briefed reporters."
        let lines = EntityResolverTests().resolve(text, [("Pete Hegseth", .person), ("Dan Caine", .person)])
        #expect(lines.first { $0.contains("Hegseth") }?.contains("Joint Chiefs") == false, "\(lines)")
    }
}

/// The whole stage on sentences written for these cases (model included).
@Suite("Entity stage")
struct EntityStageTests {
    @Test func possessiveAndInitialsAreOneMention() throws {
        let text = "President Donald Trump’s envoy met Vice President J.D. Vance in Washington on Friday."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains("PERSON Donald Trump [Donald Trump] roles=President"))
        #expect(lines.contains("PERSON J.D. Vance [J.D. Vance] roles=Vice President"))
    }

    @Test func transliteratedPlacesAreKnown() throws {
        let text = "Missiles hit Kryvyi Rih and Zaporizhzhia overnight, officials in Kyiv said."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("GPE Kryvyi Rih [Kryvyi Rih]") })
        #expect(lines.contains { $0.hasPrefix("GPE Zaporizhzhia [Zaporizhzhia]") })
    }

    /// Towns of the focus countries below the worldwide population cut are known, except those
    /// named like people; a site's lower-case noun is no part of its name in the gazetteer.
    @Test func focusTownsAndSiteNamesInTheGazetteer() {
        let gazetteer = Gazetteer.shared
        for (town, country) in [("Vovchansk", "Ukraine"), ("Chaman", "Pakistan"), ("Rutshuru", "Democratic Republic of the Congo"),
                                ("Shopian", "India"), ("Trat", "Thailand")] {
            #expect(gazetteer.lookup(town).contains { $0.type == "GPE" && $0.kind == "city:\(country)" }, "\(town)")
        }
        #expect(!gazetteer.lookup("Bako").contains { $0.type == "GPE" })
        #expect(gazetteer.lookup("Druzhba").contains { $0.type == "FAC" && $0.canonical == "Druzhba" })
        #expect(gazetteer.lookup("Druzhba pipeline").isEmpty)
        #expect(gazetteer.lookup("Kerem Shalom crossing").isEmpty)
        // A city named like a territory with another name is read as the territory.
        #expect(gazetteer.lookup("Gaza").allSatisfy { $0.canonical == "Gaza Strip" }, "\(gazetteer.lookup("Gaza"))")
        #expect(gazetteer.lookup("Gaza City").contains { $0.kind?.hasPrefix("city") == true })
        // Places and parties the held-out split `further` missed, named in several storylines.
        #expect(gazetteer.lookup("Wad Madani").contains { $0.type == "GPE" && $0.kind == "city:Sudan" })
        #expect(gazetteer.lookup("Nir Oz").contains { $0.type == "GPE" && $0.kind == "city:Israel" })
        #expect(gazetteer.lookup("Bhumjaithai").contains { $0.type == "ORG" })
        // Donbas is a place of Ukraine, not a region beyond states.
        #expect(gazetteer.lookup("Donbas").contains { $0.type == "GPE" && $0.kind == "region:Ukraine" })
        // "a Houthi drone" names the movement, as "the Houthis" does.
        #expect(gazetteer.lookup("Houthi").map(\.type) == ["ORG"] && gazetteer.lookup("Houthi").first?.canonical == "Houthis")
    }

    @Test func aBodysHeadWordAloneIsTheOneBodyNamedWithIt() throws {
        let text = "The European Commission proposed new tariffs on Monday. The Commission said the measures would take effect in June."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains("ORG European Commission [European Commission|Commission]"), "\(lines)")
    }

    @Test func twoCompaniesJoinedByAndAreTwo() throws {
        let text = "The EU listed two refiners, Liaoyang Petrochemical and Shandong Yulong Petrochemical, on Friday."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains("ORG Liaoyang Petrochemical [Liaoyang Petrochemical]"), "\(lines)")
        #expect(lines.contains("ORG Shandong Yulong Petrochemical [Shandong Yulong Petrochemical]"), "\(lines)")
    }

    @Test func everybodyIsNobodyInParticular() throws {
        let text = "“Everybody said it could not be done,” Donald Trump said. Everybody applauded."
        let lines = summary(try entities(text), in: text)
        #expect(!lines.contains { $0.contains("Everybody") }, "\(lines)")
    }

    @Test func aDayAMonthOrAFeastAloneIsNoEntity() throws {
        let text = "Vladimir Putin announced an Easter truce on Saturday. In February, Tuesday and Easter were quiet in Kyiv."
        let lines = summary(try entities(text), in: text)
        #expect(!lines.contains { $0.contains("Easter") || $0.contains("February") || $0.contains("Tuesday") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("GPE Kyiv") }, "\(lines)")
    }

    @Test func aDatelineInCapitalsIsTheSamePlace() throws {
        let text = "DOHA, Sept 9 (Continental Wire) - Israel struck Hamas leaders in Doha on Tuesday. The strike in Doha drew condemnation."
        let lines = summary(try entities(text), in: text)
        #expect(lines.filter { $0.contains("Doha") } == ["GPE Doha [DOHA|Doha|Doha] -> Qatar"], "\(lines)")
    }

    @Test func aPlatformAndArmedGroupsFromTheGazetteer() throws {
        let text = "Donald Trump wrote on Truth Social that India had named Lashkar-e-Taiba."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("ORG Truth Social") } && lines.contains { $0.hasPrefix("ORG Lashkar-e-Taiba") }, "\(lines)")
    }

    @Test func provincesOfTheConflictsAreKnownPlaces() throws {
        let text = "Fighting spread from Paktika to Sagaing and Artibonite, and reached Tigrai, which officials call Tigray."
        let lines = summary(try entities(text), in: text)
        for place in ["Paktika", "Sagaing", "Artibonite"] {
            #expect(lines.contains { $0.hasPrefix("GPE \(place)") }, "\(place): \(lines)")
        }
        // One region under both spellings.
        #expect(lines.contains("GPE Tigray [Tigrai|Tigray]"), "\(lines)")
    }

    @Test func groupsAndPartiesOfTheNewerConflicts() throws {
        let text = "The National Unity Government said the Arakan Army had taken the town, while the Kuomintang and the Democratic Progressive Party traded blame and Viv Ansanm held the capital."
        let lines = summary(try entities(text), in: text)
        for org in ["National Unity Government", "Arakan Army", "Kuomintang", "Democratic Progressive Party", "Viv Ansanm"] {
            #expect(lines.contains { $0.hasPrefix("ORG \(org) [") }, "\(org): \(lines)")
        }
    }

    @Test func parliamentsStateCompaniesAndMissionsFromTheGazetteer() throws {
        let text = "The Bundesrat and the Lok Sabha debated it, Transneft and Rosselkhozbank were listed, MONUSCO patrolled the border "
            + "and the Sinaloa cartel denied it. Opec kept output steady; the Russian Agricultural Bank appealed."
        let lines = summary(try entities(text), in: text)
        for org in ["Bundesrat", "Lok Sabha", "Transneft", "MONUSCO", "Sinaloa Cartel", "OPEC"] {
            #expect(lines.contains { $0.hasPrefix("ORG \(org) [") }, "\(org): \(lines)")
        }
        #expect(lines.contains("ORG Rosselkhozbank [Rosselkhozbank|Russian Agricultural Bank]"), "\(lines)")
    }

    @Test func sahelGroupsAndPeoples() throws {
        let text = "Ansar Dine and Tuareg rebels of the MNLA took Timbuktu, while Misseriya herders moved south."
        let lines = summary(try entities(text), in: text)
        for (type, name) in [("ORG", "Ansar Dine"), ("ORG", "MNLA"), ("NORP", "Tuareg"), ("NORP", "Misseriya")] {
            #expect(lines.contains { $0.hasPrefix("\(type) \(name) [") }, "\(name): \(lines)")
        }
    }

    @Test func airlinesCanalsAndThePartyAlone() throws {
        let text = "Iberia and Iran Air cancelled flights through the Suez Canal region. The Labour leader spoke."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("ORG Iberia [") } && lines.contains { $0.hasPrefix("ORG Iran Air [") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("FAC Suez Canal [") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("ORG Labour Party [Labour]") }, "\(lines)")
    }

    @Test func theSocialNetworkXOnlyWhereItIsOne() throws {
        let text = "Kaja Kallas wrote on X that the talks had failed. In a later X post she named Iran. Article X of the treaty was not discussed. Iran answered on X."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("ORG X [X|X|X]") }, "\(lines)")
        #expect(!lines.contains { $0.contains("Article") }, "\(lines)")
        let mentions = try entities(text).first { $0.name == "X" }?.mentions.count
        #expect(mentions == 3)
    }

    /// "lend Kyiv C$2.3bn", "HK$1 billion", "US$3m": the letters against a dollar sign belong to the
    /// amount, not to a name.
    @Test func theLettersOfALocalDollarAreNoName() throws {
        let names = try entities("Canada will lend Kyiv C$2.3bn. The port cost HK$1 billion, and the bank raised US$300 million.").map(\.name)
        #expect(names.contains("Kyiv") && names.contains("Canada"), "\(names)")
        #expect(!names.contains { $0.hasSuffix(" C") || $0 == "HK" || $0 == "United States" }, "\(names)")
    }

    @Test(arguments: [
        // a verb and its article before the title are not part of it
        ("The capture leaves the army chief, Gen. Abdel Fattah al-Burhan, in control of Khartoum.", "Abdel Fattah al-Burhan", "army chief"),
        // a second name after the title is not part of it
        ("The RSF is led by Mohamed Hamdan Dagalo, the RSF commander known as Hemedti, who denies the charges.", "Mohamed Hamdan Dagalo", "RSF commander"),
    ])
    func titleBounds(text: String, person: String, role: String) throws {
        let titles = try entities(text).first { $0.name == person }?.roles.map(\.title) ?? []
        #expect(titles.contains(role) && !titles.contains { $0.count > role.count && $0.contains(role) }, "\(titles)")
    }

    @Test(arguments: [
        // a rank between a title and the name is a role of its own; "Secretary General" is not a rank
        ("Navy spokesman Commander Tim Hawkins said the ship was hit.", "Tim Hawkins", ["Navy spokesman", "Commander"]),
        ("Army chief of staff Gen. Mark Ellison said troops were ready.", "Mark Ellison", ["Army chief of staff", "Gen."]),
        ("NATO Secretary General Mark Rutte arrived.", "Mark Rutte", ["NATO Secretary General"]),
        // a rank after the comma, and no role taken from the predicate after the closing comma
        ("Pakistan's army chief, Field Marshal Asim Munir, met the president.", "Asim Munir", ["Field Marshal", "Pakistan's army chief"]),
        // a first name that is also a country, after a title
        ("Israeli Defence Minister Israel Katz ordered the army to prepare.", "Israel Katz", ["Israeli Defence Minister"]),
        // a hyphenated participle qualifies the title
        ("Sudan's army-backed prime minister, Kamil Idris, visited the city.", "Kamil Idris", ["Sudan's army-backed prime minister"]),
        // "who is also" and "who serves as" clauses give roles; the time a role was held does not belong to it
        ("Rustem Umerov, who serves as secretary of the security council, arrived.", "Rustem Umerov", ["secretary of the security council"]),
        ("Kaja Kallas, who was Estonia's prime minister until last year, spoke first.", "Kaja Kallas", ["Estonia's prime minister"]),
        // so do "who became", "who took over as", "who was appointed" and "who has been", nor
        // does the week or month the role began belong to it
        ("Lena Hartmann, who became Germany's defence minister last week, met her counterparts.", "Lena Hartmann", ["Germany's defence minister"]),
        ("Marta Ruiz, who took over as the party's chair this month, said it would vote no.", "Marta Ruiz", ["party's chair"]),
        ("Oleh Marchenko, who was appointed secretary of the security council on Friday, arrived.", "Oleh Marchenko", ["secretary of the security council"]),
        // a title and a comma before a title written before the name are the name's too, but
        // not in a list, where they are the person's before
        ("The bloc's chairman, President Ramon Okafor of Nigeria, called a summit.", "Ramon Okafor", ["bloc's chairman", "President"]),
        ("Russia's chief negotiator, presidential aide Pavel Orlov, arrived.", "Pavel Orlov", ["Russia's chief negotiator", "presidential aide"]),
        ("The strikes killed Reza Karimi, the commander of the Guards, armed forces chief of staff Ali Jafari and others.", "Ali Jafari",
         ["armed forces chief of staff"]),
        ("Secretary of State Marco Rubio, national security adviser Mike Waltz and others flew in.", "Mike Waltz", ["national security adviser"]),
        // descriptions are roles too: a citizen, a soldier, an economist; "as" and a title
        // after the name's comma is its role besides the one before; what the person is
        // believed to be is not
        ("A second man, Tomas Berger, a naturalised US citizen, was also charged.", "Tomas Berger", ["naturalised US citizen"]),
        ("The junta named a civilian economist, Amadou Issoufou, as prime minister.", "Amadou Issoufou", ["civilian economist", "prime minister"]),
        ("The talks centred on Daniel Weiss, an Israeli-American soldier believed to be alive.", "Daniel Weiss", ["Israeli-American soldier"]),
        // a relative clause with another verb gives none
        ("Lena Hartmann, who met the envoy last week, said little.", "Lena Hartmann", []),
        ("Katz's predecessor, Yoav Gallant, was dismissed.", "Yoav Gallant", ["Katz's predecessor"]),
        // a title owned by a named person; a title after "for" belongs to the name after it
        ("Andriy Yermak, President Volodymyr Zelenskiy's chief of staff, resigned.", "Andriy Yermak", ["President Volodymyr Zelenskiy's chief of staff"]),
        ("Stéphane Dujarric, the spokesman for UN Secretary-General António Guterres, said so.", "António Guterres", ["UN Secretary-General"]),
        ("Stéphane Dujarric, the spokesman for UN Secretary-General António Guterres, said so.", "Stéphane Dujarric", ["spokesman for UN Secretary-General António Guterres"]),
        // a body's name after "of" inside a title, and a rank after the comma
        ("India's Director General of Military Operations, Lt. Gen. Rajiv Ghai, briefed reporters.", "Rajiv Ghai",
         ["Lt. Gen.", "India's Director General of Military Operations"]),
        ("He spoke with the Taoiseach, Micheál Martin, in Dublin.", "Micheál Martin", ["Taoiseach"]),
        ("Jared Kushner, President Donald Trump's son-in-law, flew in.", "Jared Kushner", ["President Donald Trump's son-in-law"]),
        // two capitalised titles joined by "and" before one name are both that person's
        ("The talks were opened by Pakistan's Deputy Prime Minister and Foreign Minister Ishaq Dar on Monday.", "Ishaq Dar",
         ["Pakistan's Deputy Prime Minister", "Foreign Minister"]),
        // an "and" after a name ends the title written before the next name and a comma
        ("The memo was signed by Foreign Minister Ishaq Dar and Afghanistan's acting interior minister, Sirajuddin Haqqani.", "Sirajuddin Haqqani",
         ["Afghanistan's acting interior minister"]),
        // initials without stops after a title
        ("The visit was announced by Vice President JD Vance on Friday.", "JD Vance", ["Vice President"]),
        // a relative clause ends a title as a comma does, and its copula gives the second
        ("Blinken held talks with Choi Sang-mok, the finance minister who has been acting president since December.", "Choi Sang-mok",
         ["finance minister", "acting president"]),
        // rapporteurs, members and clerics hold titles too
        ("Tom Ellery, the UN special rapporteur on Myanmar, called the strikes unlawful.", "Tom Ellery", ["UN special rapporteur on Myanmar"]),
        ("Nadia Karimi, a member of the group’s political bureau, denied the report.", "Nadia Karimi", ["member of the group’s political bureau"]),
        // air force ranks of several words are one rank; "long-time", "eastern", "jailed" qualify a title
        ("Air Chief Marshal Anil Mehta said six jets were lost.", "Anil Mehta", ["Air Chief Marshal"]),
        ("Wing Commander Priya Nair briefed reporters.", "Priya Nair", ["Wing Commander"]),
        ("The strike killed its long-time chief Karim Haddad in May.", "Karim Haddad", ["long-time chief"]),
        ("The group’s jailed founder, Omar Celik, urged it to disarm.", "Omar Celik", ["group’s jailed founder"]),
        // a rank of several words between the comma and the name; an abbreviated rank alone; a
        // country's plural possessive with a bare apostrophe
        ("Also yesterday, the head of the air force, Air Chief Marshal Ravi Menon, said jets were lost.", "Ravi Menon",
         ["Air Chief Marshal", "head of the air force"]),
        ("Command passed to Adm. Lena Ortiz on Friday.", "Lena Ortiz", ["Adm."]),
        ("The United Arab Emirates' president, Sheikh Hamad Khalil, received both leaders.", "Hamad Khalil", ["United Arab Emirates' president"]),
        // "Amir" opens a name; the title is "Emir"
        ("Amir Hosseini, Iran’s deputy foreign minister, arrived in Oslo.", "Amir Hosseini", ["Iran’s deputy foreign minister"]),
    ])
    func rolesInVariedWordings(text: String, person: String, roles: [String]) throws {
        let found = try entities(text).first { $0.name == person }
        #expect(found?.type == .person, "\(String(describing: found))")
        #expect(found?.roles.map(\.title) == roles, "\(String(describing: found?.roles))")
    }

    @Test func aCountryAfterTheNameIsTheAffiliation() throws {
        let found = try entities("President Félix Tshisekedi of the Democratic Republic of Congo signed the accords.")
            .first { $0.name == "Félix Tshisekedi" }
        #expect(found?.roles.map(\.title) == ["President"], "\(String(describing: found))")
        #expect(found?.affiliation == "Democratic Republic of the Congo", "\(String(describing: found?.affiliation))")
    }

    @Test func weaponsOperationsAndPrizesAreNoEntities() throws {
        let text = "Germany sent two Patriot systems after Operation Sindoor, and Maria Corina Machado won the Nobel Peace Prize."
        let lines = summary(try entities(text), in: text)
        #expect(!lines.contains { $0.contains("Patriot") || $0.contains("Sindoor") || $0.contains("Prize") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("PERSON Maria Corina Machado") } && lines.contains { $0.hasPrefix("GPE Germany") }, "\(lines)")
    }

    /// Treaties are laws and ships are vessels; a known body before a title is the body.
    @Test func treatiesShipsAndTitledBodies() throws {
        let text = "India suspended the Indus Waters Treaty. The USS Harry S. Truman sailed as the Ottawa Convention lapsed. "
            + "Trump flew on Air Force One. The U.N. Secretary-General called for calm."
        let lines = summary(try entities(text), in: text)
        #expect(!lines.contains { $0.contains("Treaty") || $0.contains("Truman") || $0.contains("USS") || $0.contains("Convention")
            || $0.contains("Air Force One") || $0.contains("Secretary") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("ORG United Nations [U.N.]") } && lines.contains { $0.hasPrefix("GPE India") }, "\(lines)")
    }

    /// A name before a facility's noun in lower case is that facility; a person's name never
    /// ends in a facility's or a body's head word.
    @Test func facilitiesNamedLikePeople() throws {
        let text = "Israeli officials said flights had resumed at Ben Gurion airport on Sunday. "
            + "Iran fired missiles at Al Udeid Air Base in Qatar on Tuesday."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("FAC Ben Gurion airport") } && lines.contains { $0.hasPrefix("FAC Al Udeid Air Base") }, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("PERSON") || $0.contains("Tuesday") }, "\(lines)")
    }

    /// "the Emirates" is the country, one entity with its full name.
    @Test func theEmiratesIsTheCountry() throws {
        let text = "The United Arab Emirates denied the report. The Emirates said the claims were false."
        let lines = summary(try entities(text), in: text)
        #expect(lines.filter { $0.contains("Emirates") } == ["GPE United Arab Emirates [United Arab Emirates|Emirates]"], "\(lines)")
    }

    /// "the Israeli military" is the nationality and a common noun, as the corpus annotates it;
    /// the IDF is named by its name.
    @Test func aNationalitysMilitaryIsTheNationality() throws {
        let text = "The Israeli military said the IDF had struck the depot."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("NORP Israeli [Israeli]") } && lines.contains { $0.hasPrefix("ORG Israel Defense Forces [IDF]") },
                "\(lines)")
    }

    @Test func aNameWithoutItsAccentsIsTheSamePerson() throws {
        let text = "Turkish Transport Minister Abdulkadir Uraloğlu spoke on Monday. Uraloglu said the strait stayed open."
        let lines = summary(try entities(text), in: text)
        #expect(lines.filter { $0.contains("Uralo") }.count == 1, "\(lines)")
    }

    @Test func aRegionWrittenInLowerCaseIsThePlaceAlone() throws {
        let text = "Russian forces advanced in the Donetsk region on Monday."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("GPE Donetsk [Donetsk]") }, "\(lines)")
    }

    @Test func generalOpeningABodysNameIsNoTitle() throws {
        let text = "The delegation was led by Omar Farouk, head of Egypt's General Intelligence Service."
        let lines = summary(try entities(text), in: text)
        #expect(!lines.contains { $0.hasPrefix("PERSON Intelligence") }, "\(lines)")
    }

    @Test func aSurnameWithoutItsArabicArticleJoinsTheFullName() throws {
        let text = "Gen. Abdel Fattah al-Burhan visited Port Sudan. Burhan said the war would go on."
        let lines = summary(try entities(text), in: text)
        #expect(lines.filter { $0.contains("Burhan") }.count == 1, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("PERSON Abdel Fattah al-Burhan [Abdel Fattah al-Burhan|Burhan]") }, "\(lines)")
    }

    @Test func aSurnameWithItsArabicArticleInLowerCaseOrOpeningASentenceJoinsTheFullName() throws {
        let text = "Ahmed al-Sharaa arrived in Riyadh. Trump first met al-Sharaa there in May. Al-Sharaa has said the sanctions must go."
        let lines = summary(try entities(text), in: text)
        #expect(lines.filter { $0.contains("Sharaa") } == ["PERSON Ahmed al-Sharaa [Ahmed al-Sharaa|al-Sharaa|Al-Sharaa]"], "\(lines)")
        // "in May" is the month, not a place.
        #expect(!lines.contains { $0.contains("May") }, "\(lines)")
    }

    @Test func knownNamesWithTheArabicArticleInLowerCase() throws {
        let text = "They discussed al-Qaeda too. Strikes hit al-Jawf province on Tuesday."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("ORG Al-Qaeda [al-Qaeda]") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("GPE Al Jawf [al-Jawf]") }, "\(lines)")
    }

    @Test func aTitledAppositionWhoseSurnameHasTheArabicArticle() throws {
        let text = "Secretary of State Marco Rubio also brought Syria’s foreign minister, Asaad al-Shaibani, to the White House."
        let found = try entities(text)
        let person = found.first { $0.name == "Asaad al-Shaibani" }
        #expect(person?.type == .person, "\(summary(found, in: text))")
        // The title starts after the verb; the name before the verb is someone else's.
        #expect(person?.roles.map(\.title) == ["Syria’s foreign minister"], "\(person?.roles.map(\.title) ?? [])")
    }

    @Test(arguments: [
        ("Only Congress can repeal the law itself.", "ORG Congress [Congress]"),
        ("Officials met the Kurdish-led Syrian Democratic Forces on Monday.", "[Syrian Democratic Forces]"),
        // a day never opens a person's name (a month may: "April Ryan")
        ("On Friday Yusuf Demir, the group’s spokesman, said talks would resume.", "PERSON Yusuf Demir [Yusuf Demir]"),
        // a preposition opening the sentence
        ("Aboard Air Force One, Donald Trump told reporters the deadline had passed.", "PERSON Donald Trump [Donald Trump]"),
    ])
    func wordsBeforeANameThatAreNoPartOfIt(text: String, expected: String) throws {
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.contains(expected) }
                    && !lines.contains { $0.contains("Only") || $0.contains("Kurdish-led") || $0.contains("Friday") || $0.contains("Aboard") },
                "\(lines)")
    }

    @Test func aTwoWordDatelineInCapitalsIsTheSamePlace() throws {
        let text = "NEW DELHI, Aug 27 (Continental Wire) - Officials in New Delhi said talks would resume."
        let lines = summary(try entities(text), in: text)
        #expect(lines.filter { $0.contains("Delhi") || $0.contains("DELHI") } == ["GPE New Delhi [NEW DELHI|New Delhi] -> India"], "\(lines)")
    }

    @Test func initialsWithoutStopsAndBodiesThatStartWithAGivenName() throws {
        let text = "JD Vance met the Royal Thai Army commanders, whose F-16 jets had flown that week."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("PERSON JD Vance [JD Vance]") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("ORG Royal Thai Army") }, "\(lines)")
        #expect(!lines.contains { $0.contains("F-16") || $0.hasPrefix("ORG JD") }, "\(lines)")
    }

    @Test func unknownNamesBesideALongTitleArePeople() throws {
        let text = "The meeting was \"long but useful\", Reza Najafabadi, Iran's deputy minister for legal and consular affairs, told state television. "
            + "He travelled with Hamid Farahani, the deputy minister for economic diplomacy."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("PERSON Reza Najafabadi") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("PERSON Hamid Farahani") }, "\(lines)")
    }

    /// Names nobody lists, opening a sentence before a verb of speech or of urging, are people; so are those
    /// before a particle ("di"), a title that goes on in a relative clause, or a title that opens
    /// with "the" and a capitalised head. A body's name after "of" and an adverb before the
    /// surname of a person already named stay out.
    @Test func unknownNamesBeforeSpeechParticlesAndLongTitlesArePeople() throws {
        let text = "Talks resume in Oslo. Veikko Rantanen said the parties had agreed on a timetable. "
            + "Ousmane Kéita Diarra has said he would attend. Henrik Vasstad urged both sides to keep talking. "
            + "Idris di Marbek, the movement’s founder, has endorsed the plan. "
            + "Lauri Korpela, the former Finnish envoy whose institute hosted the first three rounds of talks in a lakeside villa, said the mood was good. "
            + "The United Nations High Commissioner, Ilkka Saarinen, also welcomed the deal. "
            + "The Directorate of Coastal Shipping said the port was shut. "
            + "Donald Trump arrived late. Afterwards Trump said nothing."
        let lines = summary(try entities(text), in: text)
        for name in ["Veikko Rantanen", "Ousmane Kéita Diarra", "Henrik Vasstad", "Idris di Marbek", "Lauri Korpela", "Ilkka Saarinen"] {
            #expect(lines.contains { $0.hasPrefix("PERSON \(name) [") }, "\(name): \(lines)")
        }
        #expect(lines.contains { $0.hasPrefix("PERSON Lauri Korpela") && $0.contains("roles=former Finnish envoy") }, "\(lines)")
        // A possessor's title may end the sentence.
        let closing = "“Nothing is agreed until the troops leave,” said Harjit Mehta, India’s deputy foreign minister."
        let closingLines = summary(try entities(closing), in: closing)
        #expect(closingLines.contains { $0.hasPrefix("PERSON Harjit Mehta") }, "\(closingLines)")
        #expect(!lines.contains { $0.hasPrefix("PERSON Coastal") || $0.hasPrefix("PERSON Afterwards") }, "\(lines)")
    }

    /// A name nobody lists, set off before an apposition naming a settlement, or paired with a
    /// known place after "between" or "from", is a place; a city's official is no city.
    @Test func unknownTownsDescribedOrPairedWithAPlace() throws {
        let text = "Crowds gathered in Varnok, the Tesvar capital, on Sunday. "
            + "Militia fighters shelled Durrakh, a small town near the frontier. "
            + "Convoys shuttled between Odesa and Ostrovets all week. "
            + "Marek Holub, the city’s mayor, said the water was back."
        let lines = summary(try entities(text), in: text)
        for name in ["Varnok", "Durrakh", "Ostrovets"] {
            #expect(lines.contains { $0.hasPrefix("GPE \(name) [") }, "\(name): \(lines)")
        }
        #expect(!lines.contains { $0.hasPrefix("GPE Marek") }, "\(lines)")
    }

    /// Towns after "around", and the one joined to them by "and"; a hill's name is a natural
    /// feature; a state that is gone keeps its nationality.
    @Test func townsAroundAndJoinedHillsAndGoneStates() throws {
        let text = "The troops retook Kessel Hill and the heights around Varnok and Durrakh on Friday. "
            + "The Yugoslav foreign minister said nothing."
        let lines = summary(try entities(text), in: text)
        for line in ["LOC Kessel Hill [", "GPE Varnok [", "GPE Durrakh [", "NORP Yugoslav ["] {
            #expect(lines.contains { $0.hasPrefix(line) }, "\(line): \(lines)")
        }
        // A UN mission's name runs on with where it serves.
        let mission = "The United Nations Mission in Ethiopia and Eritrea is deploying 3,000 troops to the border."
        let missionLines = summary(try entities(mission), in: mission)
        #expect(missionLines.contains { $0.hasPrefix("ORG United Nations Mission in Ethiopia and Eritrea [") }, "\(missionLines)")
    }

    /// A run the tagger read as a place or body, before a title set off by commas whose head word
    /// comes first, is a person; a given name it left out before the run opens it. A body's
    /// apposition whose head word is a complement ("whose leader") leaves the body alone.
    @Test func aRunBeforeAHeadedTitleIsAPerson() throws {
        let text = "Kenya denies taking sides. The office of Musa Wekesa, its foreign minister, said the country was neutral. "
            + "Stéphane Marchal, a UN spokesman, said the agency was appalled. "
            + "Viv Ansanm, the gang coalition whose leader faces sanctions, said nothing."
        let lines = summary(try entities(text), in: text)
        #expect(lines.contains { $0.hasPrefix("PERSON Musa Wekesa [Musa Wekesa]") && $0.contains("roles=foreign minister") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("PERSON Stéphane Marchal [Stéphane Marchal]") && $0.contains("roles=UN spokesman") }, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("PERSON Viv") }, "\(lines)")
    }

    /// A title written without a name, as its clause's subject, is a role of the person just
    /// named — when nobody else named there could be meant.
    @Test func aTitleWithoutANameIsThePersonJustNamed() throws {
        let text = "Olaf Brandt said the plan was unworkable. Later the German chancellor told reporters he would not sign it. "
            + "Maria Lopes met Ivan Petrov in Geneva. The Portuguese foreign minister said the talks had been useful."
        let found = try entities(text)
        let brandt = found.first { $0.name == "Olaf Brandt" }
        #expect(brandt?.roles.map(\.title) == ["German chancellor"] && brandt?.affiliation == "Germany", "\(String(describing: brandt))")
        // Two people named just before, neither known to be Portuguese: the title stays nobody's.
        #expect(found.filter { $0.type == .person }.allSatisfy { $0.name == "Olaf Brandt" || $0.roles.isEmpty }, "\(found)")
        // Two named, one known to be of another state: the other is meant.
        let other = try entities("Canada's prime minister, Mark Carney, met Petro Vasylenko in Ottawa. "
                                 + "“We need more help,” the Ukrainian president told reporters.")
        let vasylenko = other.first { $0.name == "Petro Vasylenko" }
        #expect(vasylenko?.roles.map(\.title) == ["Ukrainian president"], "\(other)")
    }

    /// A body's office that one person holds stands for the person just named ("the Kremlin
    /// leader", "the NATO secretary general"); an office of several ("the Kremlin spokesman")
    /// does not, nor a nationality's title inside a clause with a verb in the past tense.
    @Test func aBodysSoleOfficeWithoutANameIsThePersonJustNamed() throws {
        let kremlin = try entities("Vladimir Putin set out his terms to diplomats in Moscow. The Kremlin leader presented the offer as a genuine attempt to end the war.")
        #expect(kremlin.first { $0.name == "Vladimir Putin" }?.roles.map(\.title) == ["Kremlin leader"], "\(kremlin)")
        let nato = try entities("Mark Rutte went to London on Monday. In a speech there, the NATO secretary general said allies must spend more.")
        #expect(nato.first { $0.name == "Mark Rutte" }?.roles.map(\.title) == ["NATO secretary general"], "\(nato)")
        let spokesman = try entities("Vladimir Putin met the envoy in Moscow. The Kremlin spokesman said the talks had been useful.")
        #expect(spokesman.first { $0.name == "Vladimir Putin" }?.roles == [], "\(spokesman)")
        let clause = try entities("Olena Marchuk told reporters in Helsinki that the Russian leader wanted a weaker Ukraine.")
        #expect(clause.first { $0.name == "Olena Marchuk" }?.roles == [], "\(clause)")
    }

    /// Given names the gazetteer does not know, which the tagger left out: opening a sentence
    /// and written nowhere in lower case; after a title and its comma; before a titled
    /// apposition, whose head may be capitalised after an article.
    @Test(arguments: [
        ("Talks resumed. Khine Zaw Min, a spokesman for the Arakan Army, called the bombing a crime.", "Khine Zaw Min"),
        ("Sanctions followed. Daleep Rao, the deputy adviser, called the package significant.", "Daleep Rao"),
        ("The vote was close. Venezuela’s vice-president, Delcy Moreno, who is also oil minister, called it harmful.", "Delcy Moreno"),
        ("Her father, Thaksin Shinawatra, the former prime minister, went on trial.", "Thaksin Shinawatra"),
        ("Diplomats tried to calm the crisis. António Guterres, the UN Secretary-General, telephoned both leaders.", "António Guterres"),
    ])
    func givenNamesTheTaggerLeftOut(text: String, name: String) throws {
        let persons = try entities(text).filter { $0.type == .person }
        #expect(persons.map(\.name) == [name] && !persons[0].roles.isEmpty, "\(persons)")
    }

    /// A nationality, state or body named inside a hyphenated word before a participle is a
    /// mention of its own, at its own offsets; other hyphenated words are not.
    @Test func namesInsideHyphenatedWords() throws {
        let text = "Officials said the Turkish-made drones hit a UN-backed depot after an Oman-brokered truce. Turkish officials denied it. "
            + "A Pro-Western party and the well-known Kyiv-style plan were discussed."
        let found = try entities(text)
        let lines = summary(found, in: text)
        #expect(lines.contains { $0.hasPrefix("NORP Turkish [Turkish|Turkish]") }, "\(lines)")
        #expect(found.first { $0.name == "Turkish" }?.mentions.count == 2, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("ORG United Nations [UN]") } && lines.contains { $0.hasPrefix("GPE Oman [Oman]") }, "\(lines)")
        #expect(!lines.contains { $0.contains("Kyiv") || $0.contains("Pro") }, "\(lines)")
        // a span the tagger read with the word keeps its other words
        let tagged = "The Kenyan-led mission has struggled in Indian-administered Kashmir."
        let taggedLines = summary(try entities(tagged), in: tagged)
        #expect(taggedLines.contains { $0.hasPrefix("NORP Kenyan [Kenyan]") } && !taggedLines.contains { $0.contains("-led") }, "\(taggedLines)")
    }

    /// "the Trump administration" names its leader.
    @Test func anAdministrationNamesItsLeader() throws {
        let text = "The sanctions were adopted as the Harlow administration opened its own contacts with Moscow."
        #expect(summary(try entities(text), in: text).contains { $0.hasPrefix("PERSON Harlow [Harlow]") })
    }

    /// A surname two people share stands for the one the text named first.
    @Test func aSharedSurnameIsThePersonNamedFirst() throws {
        let text = "Vice-President Tom Harlan landed at the base. He travelled with his wife, Jane Harlan. Harlan said the island mattered."
        let harlans = try entities(text).filter { $0.type == .person }
        let surname = harlans.first { $0.mentions.contains { text.slice($0.span) == "Harlan" } }
        #expect(surname?.name == "Tom Harlan", "\(harlans)")
    }

    /// ("But", "Asked" and the like open a sentence before a name without being part of it.)
    @Test func wordsOpeningASentenceBeforeANameStayOut() throws {
        let text = "Asked about the deal, Rubio said it was close. Meanwhile Rubio flew home."
        #expect(try entities(text).filter { $0.type == .person }.allSatisfy { $0.name == "Rubio" })
    }

    @Test func affiliationsFromBodiesAfterOfDelegationsAndHeadNouns() throws {
        let text = "Kenya's delegation, led by Abraham Korir, the cabinet secretary, included Defence Secretary Soipan Tuya and Raymond Omollo. "
            + "The British side was headed by Jonathan Powell of the Cabinet Office. "
            + "The World Health Organization met in Geneva, where the organization's director general, Tedros Adhanom Ghebreyesus, spoke. "
            + "Kenya's delegation then met Mike Waltz."
        let found = try entities(text)
        let affiliation = { (name: String) in found.first { $0.name == name }?.affiliation }
        #expect(affiliation("Abraham Korir") == "Kenya")
        #expect(affiliation("Soipan Tuya") == "Kenya")
        #expect(affiliation("Raymond Omollo") == "Kenya")
        #expect(affiliation("Jonathan Powell") == "Cabinet Office")
        #expect(affiliation("Tedros Adhanom Ghebreyesus") != nil)
        #expect(affiliation("Mike Waltz") == nil)
    }

    @Test func aNameAfterOfCompletesAnotherTitle() throws {
        let found = try entities("Andriy Yermak, the head of Volodymyr Zelensky's office, flew in.").first { $0.name == "Volodymyr Zelensky" }
        #expect(found?.roles.isEmpty == true, "\(String(describing: found?.roles))")
    }

    @Test func aRoleAfterWhileStartsAfterIt() throws {
        let found = try entities("Giorgia Meloni urged unity, while NATO’s secretary general, Mark Rutte, said spending would rise.")
            .first { $0.name == "Mark Rutte" }
        #expect(found?.roles.map(\.title) == ["NATO’s secretary general"], "\(String(describing: found?.roles))")
    }

    /// A conjunction that opens the clause is no part of the title after it, capitalised or not.
    @Test func aConjunctionBeforeATitleEndsIt() throws {
        for (text, title) in [("When China's foreign minister, Wang Yi, landed in Berlin, talks began.", "China's foreign minister"),
                              ("Talks began after Egypt's intelligence chief, Hassan Rashad, arrived.", "Egypt's intelligence chief")] {
            let person = try entities(text).first { $0.type == .person }
            #expect(person?.roles.map(\.title) == [title], "\(text): \(String(describing: person?.roles))")
        }
    }

    /// The portfolios of international bodies stand inside a title: "U.N. humanitarian chief",
    /// "the UN refugee chief", "human rights ombudsman".
    @Test func portfoliosOfInternationalBodiesAreTitleWords() throws {
        let text = "U.N. humanitarian chief Martin Griffiths flew to Jeddah, and the UN refugee chief, Filippo Grandi, went to Chad. Georgia's human rights ombudsman, Levan Ioseliani, spoke."
        let found = try entities(text)
        #expect(found.first { $0.name == "Martin Griffiths" }?.roles.map(\.title) == ["U.N. humanitarian chief"])
        #expect(found.first { $0.name == "Filippo Grandi" }?.roles.map(\.title) == ["UN refugee chief"])
        #expect(found.first { $0.name == "Levan Ioseliani" }?.roles.map(\.title) == ["Georgia's human rights ombudsman"])
    }

    /// The qualifiers of armed groups and governments of force stand in a title, and a title
    /// written twice, once opening a sentence, is one role.
    @Test func juntasRebelsAndMilitiasQualifyTitles() throws {
        let text = "Junta leader Col. Abdou Sanga promised elections. The deal was signed by junta leader Col. Abdou Sanga and rebel commander Jean-Baptiste Moulaka. Militia chief Omar Tasso said the road was open."
        let found = try entities(text)
        #expect(found.first { $0.name == "Abdou Sanga" }?.roles.map(\.title) == ["Junta leader", "Col."])
        #expect(found.first { $0.name == "Jean-Baptiste Moulaka" }?.roles.map(\.title) == ["rebel commander"])
        #expect(found.first { $0.name == "Omar Tasso" }?.roles.map(\.title) == ["Militia chief"])
    }

    /// "Speaking to …, Name said": the participle's object is whom the person addressed, not a title
    /// (while "…, has written to Britain's foreign secretary, Name" keeps the title after "to").
    @Test func whomAParticipleAddressesIsNoRole() throws {
        let speaking = try entities("Speaking to senior officers at the defence ministry, Tom Hale said the army would stay.").first { $0.name == "Tom Hale" }
        #expect(speaking?.roles.isEmpty == true, "\(String(describing: speaking?.roles))")
        let written = try entities("The senator has written to Britain's foreign secretary, Ann Ward, about the visas.").first { $0.name == "Ann Ward" }
        #expect(written?.roles.map(\.title) == ["Britain's foreign secretary"], "\(String(describing: written?.roles))")
    }

    @Test func aRelativeClauseIsNoRole() throws {
        let found = try entities("Malaysian Prime Minister Anwar Ibrahim, whose country chairs the bloc this year, hosted the talks.")
            .first { $0.name == "Anwar Ibrahim" }
        #expect(found?.roles.map(\.title) == ["Malaysian Prime Minister"], "\(String(describing: found?.roles))")
    }

    @Test func offsetsIndexTheText() throws {
        let text = "Zelenskyy 🤝 Kremlin spokesman Dmitry Peskov said talks in St. Petersburg were “useful”."
        for entity in try entities(text) {
            for mention in entity.mentions {
                #expect(mention.span.end <= text.scalarCount && !text.slice(mention.span).isEmpty)
            }
        }
    }
}

/// Second names a text gives an entity, and family names several people share.
@Suite("Aliases")
struct AliasTests {
    let resolver = EntityResolverTests()

    @Test(arguments: [
        // after a comma, with or without "better" or "also"
        ("The deal was signed by Tarik Osei, better known as Falcon, last week.",
         [("Tarik Osei", EntityType.person), ("Falcon", .person)], "PERSON Tarik Osei [Tarik Osei|Falcon]"),
        // after an apposition, whatever the tagger typed the alias
        ("Lena Brask, the militia commander known as Kestrel, denied it.",
         [("Lena Brask", .person), ("Kestrel", .gpe)], "PERSON Lena Brask [Lena Brask|Kestrel] roles=militia commander"),
        // an acronym in brackets or after "or"
        ("The Northern Relief Council (NRC) met.",
         [("Northern Relief Council", .org), ("NRC", .org)], "ORG Northern Relief Council [Northern Relief Council|NRC]"),
        ("Monitors of the Joint Border Mission, or JBM, left.",
         [("Joint Border Mission", .org), ("JBM", .org)], "ORG Joint Border Mission [Joint Border Mission|JBM]"),
    ])
    func aSecondNameIsTheSameEntity(text: String, spans: [(String, EntityType)], expected: String) {
        let lines = resolver.resolve(text, spans)
        #expect(lines.first == expected, "\(lines)")
        #expect(lines.count == 1, "\(lines)")
    }

    @Test func theAliasElsewhereInTheTextIsTheSameEntity() throws {
        let text = "The deal was signed by Tarik Osei, better known as Falcon, last week. Falcon said little."
        let people = try entities(text).filter { $0.type == .person }
        #expect(people.count == 1 && people[0].mentions.count == 3, "\(summary(people, in: text))")
    }

    @Test func aPlaceOrAWordInBracketsIsNoAlias() {
        // A place after "known as" is a place of its own; a word in brackets that is no acronym
        // is no second name.
        let lines = resolver.resolve("Tarik Osei, known as Ukraine's friend, spoke. The Relief Council (Geneva) met.",
                                     [("Tarik Osei", .person), ("Ukraine", .gpe), ("Relief Council", .org), ("Geneva", .gpe)])
        #expect(lines.count == 4, "\(lines)")
    }

    @Test func aSharedFamilyNameWrittenFirstIsTheFirstNamedPerson() {
        let text = "Kim Sun Ho met Kim Dae Il in Seoul. Kim said the talks went well."
        let lines = resolver.resolve(text, [("Kim Sun Ho", .person), ("Kim Dae Il", .person), ("Kim", .person)])
        #expect(lines == ["PERSON Kim Sun Ho [Kim Sun Ho|Kim]", "PERSON Kim Dae Il [Kim Dae Il]"], "\(lines)")
    }
}

/// Titles in lists of names, and the delegations people belong to.
@Suite("Titles in lists")
struct TitlesInListsTests {
    let resolver = EntityResolverTests()

    @Test func aTitleBetweenTwoNamesIsTheSecondOnes() {
        let text = "It was signed in front of the United Nations secretary-general, Olu Bamidele, the US secretary of state, Mark Hale, and others."
        let lines = resolver.resolve(text, [("United Nations", .org), ("Olu Bamidele", .person), ("US", .gpe), ("Mark Hale", .person)])
        #expect(lines.contains("PERSON Olu Bamidele [Olu Bamidele] roles=United Nations secretary-general of=United Nations"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("PERSON Mark Hale [Mark Hale] roles=US secretary of state") }, "\(lines)")
    }

    @Test func aTitledNameAfterACommaIsNoRoleOfTheNameBefore() {
        let text = "On the U.S. side were Osei, National Security Adviser John Brandt and Chief of Staff Paul Wren."
        let lines = resolver.resolve(text, [("U.S.", .gpe), ("Osei", .person), ("John Brandt", .person), ("Paul Wren", .person)])
        #expect(lines.contains("PERSON Osei [Osei]"), "\(lines)")
    }

    @Test func aBodysNameHoldingAHeadWordIsNoTitle() {
        let lines = resolver.resolve("Speaking at the UN General Assembly last week, Tarik Osei said so.",
                                     [("UN General Assembly", .org), ("Tarik Osei", .person)])
        #expect(lines.contains("PERSON Tarik Osei [Tarik Osei]"), "\(lines)")
    }

    @Test func aDelegationsMembersStopAtTheNextDelegation() throws {
        let text = "On the American side were Lena Ortiz and Mark Hale; the North Korean team included Pak Song Il, a senior official, "
            + "and Foreign Minister Choe Ryong."
        let found = try entities(text)
        let affiliation = { (name: String) in found.first { $0.name == name }?.affiliation }
        #expect(affiliation("Pak Song Il") != "United States", "\(summary(found, in: text))")
        #expect(affiliation("Choe Ryong") != "United States", "\(summary(found, in: text))")
    }
}
