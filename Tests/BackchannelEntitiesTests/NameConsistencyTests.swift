import BackchannelCore
import Testing

@testable import BackchannelEntities

/// The document rules on hand-made tagger output.
@Suite("Document name rules")
struct NameConsistencyTests {
    typealias F = EntityResolver.Found

    func apply(_ sentence: String, _ found: [F]) -> [String] {
        let words = sentence.split(separator: " ").map(String.init)
        return NameConsistency(gazetteer: .shared).apply(found, words: words).map {
            "\($0.type.rawValue) \(words[$0.tokens].joined(separator: " "))"
        }
    }

    @Test(arguments: [
        // a title before capitalised words makes a person, initials included
        ("Vice President J.D. Vance said so", [F](), ["PERSON J.D. Vance"]),
        // a name cut before a possessive is completed
        ("Donald Trump 's plan", [F(tokens: 0..<1, type: .person)], ["PERSON Donald Trump"]),
        // a given name continues into a word that is also a city
        ("Frank Messina said so", [F(tokens: 0..<1, type: .person), F(tokens: 1..<2, type: .gpe)], ["PERSON Frank Messina"]),
        // names do not start or end with "of", "the" or a comma; a model designation is no organisation
        ("the Quad of the region met", [F(tokens: 1..<4, type: .org)], ["ORG Quad"]),
        ("F-16 jets flew", [F(tokens: 0..<1, type: .org)], [String]()),
        // a person's name does not end in a body's head word
        ("the Royal Thai Army said", [F(tokens: 1..<4, type: .person)], ["ORG Royal Thai Army"]),
        // two capitals before a name are its initials
        ("JD Vance spoke", [F(tokens: 0..<1, type: .org), F(tokens: 1..<2, type: .person)], ["PERSON JD Vance"]),
        // an honorific makes a person of the name after it, and stays out of it
        ("Sir Keir Starmer met Dame Jacinda later", [F](), ["PERSON Keir Starmer", "PERSON Jacinda"]),
        ("Sir Keir Starmer spoke", [F(tokens: 0..<3, type: .person)], ["PERSON Keir Starmer"]),
        ("Sir Keir Starmer spoke", [F(tokens: 1..<3, type: .org)], ["PERSON Keir Starmer"]),
        // particles join a name
        ("Abdel Fattah al-Sisi spoke", [F(tokens: 0..<2, type: .person)], ["PERSON Abdel Fattah al-Sisi"]),
        ("Tamim bin Hamad Al Thani spoke", [F(tokens: 0..<1, type: .person)], ["PERSON Tamim bin Hamad Al Thani"]),
        ("Ursula von der Leyen spoke", [F(tokens: 0..<1, type: .person), F(tokens: 3..<4, type: .person)], ["PERSON Ursula von der Leyen"]),
        // an organisation head word makes the whole run an organisation
        ("at Massachusetts Institute of Technology today", [F(tokens: 1..<2, type: .gpe)], ["ORG Massachusetts Institute of Technology"]),
        ("staff of Relief International died", [F](), ["ORG Relief International"]),
        ("the Pacific Fleet sailed", [F(tokens: 1..<2, type: .loc)], ["ORG Pacific Fleet"]),
        // a place's name that opens an unknown run after a title and a comma is a given name
        ("Israel 's defence minister , Israel Katz , said so", [F(tokens: 0..<1, type: .gpe), F(tokens: 5..<7, type: .gpe)],
         ["GPE Israel", "PERSON Israel Katz"]),
        ("Israel 's ambassador in London , Tzipi Hotovely , said so", [F(tokens: 0..<1, type: .gpe), F(tokens: 4..<5, type: .gpe), F(tokens: 6..<8, type: .gpe)],
         ["GPE Israel", "GPE London", "PERSON Tzipi Hotovely"]),
        // a room is a facility; a war's name names no one; a brotherhood is an organisation
        ("in the Cabinet Room today", [F(tokens: 2..<4, type: .org)], ["FAC Cabinet Room"]),
        ("since the Second World War ended", [F(tokens: 2..<5, type: .person)], [String]()),
        ("the Muslim Brotherhood said so", [F(tokens: 1..<2, type: .norp)], ["ORG Muslim Brotherhood"]),
        // an organisation's run after a possessive is still one
        ("India 's Reliance Industries said so", [F(tokens: 0..<1, type: .gpe)], ["GPE India", "ORG Reliance Industries"]),
        // a known multi-word name replaces the pieces the tagger cut
        ("in the West Bank today", [F(tokens: 2..<3, type: .org), F(tokens: 3..<4, type: .gpe)], ["GPE West Bank"]),
        // names the gazetteer knows are added where the tagger saw nothing
        ("Iranian officials met in Muscat", [F](), ["NORP Iranian", "GPE Muscat"]),
        // facility heads
        ("at Ramstein Air Base today", [F(tokens: 1..<4, type: .org)], ["FAC Ramstein Air Base"]),
        // a bare article is no name
        ("The talks ended", [F(tokens: 0..<1, type: .person)], [String]()),
        // a weekday does not end a person's name
        ("with Lena Varga Sunday at home", [F(tokens: 1..<4, type: .person)], ["PERSON Lena Varga"]),
        // a person "of" a party is a person and an organisation, whatever the tagger made of the whole
        ("Lena Varga of Civic Party won", [F(tokens: 0..<5, type: .org)], ["PERSON Lena Varga", "ORG Civic Party"]),
        // and a person "of" a country is a person and a state; a body of a country stays one body
        ("signed by Hanno Pevkur of Estonia and Dovile Sakaliene of Lithuania", [F(tokens: 2..<6, type: .org), F(tokens: 7..<11, type: .org)],
         ["PERSON Hanno Pevkur", "GPE Estonia", "PERSON Dovile Sakaliene", "GPE Lithuania"]),
        ("the Central Bank of Estonia said", [F(tokens: 1..<5, type: .org)], ["ORG Central Bank of Estonia"]),
        // an organisation's run does not swallow the person after it
        ("head of the Refugee Council Maria Lopez told us", [F(tokens: 3..<7, type: .org)], ["ORG Refugee Council", "PERSON Maria Lopez"]),
        // an organisation's head word is no person's name, and a word in capitals is an acronym
        ("the People Magazine story", [F(tokens: 2..<3, type: .person)], ["ORG People Magazine"]),
        ("KPF 's Alice Mak won", [F(tokens: 0..<1, type: .person), F(tokens: 2..<4, type: .person)], ["ORG KPF", "PERSON Alice Mak"]),
        // acronyms nothing tagged are organisations; capitals for emphasis, roles and weapons are not
        ("both KPF and IAG agreed", [F](), ["ORG KPF", "ORG IAG"]),
        ("it is NOT over , the CEO said of HIMARS , and not soon", [F](), [String]()),
        // a place that names an agreement is not a place mention; a state's full name is one place
        ("signed the Paris Agreement in 2015", [F(tokens: 2..<3, type: .gpe)], [String]()),
        ("the Kingdom of Norway said", [F(tokens: 3..<4, type: .gpe)], ["GPE Kingdom of Norway"]),
        // initials and a known given name before a person's name belong to it
        ("I met O.J. Simpson there", [F(tokens: 3..<4, type: .person)], ["PERSON O.J. Simpson"]),
        ("starring Kristin Scott Thomas today", [F(tokens: 2..<4, type: .person)], ["PERSON Kristin Scott Thomas"]),
        // a short surname before a hyphenated given name: a Korean or Chinese name
        ("talks between Kim Jong-un and Lee Jae-myung", [F(tokens: 2..<3, type: .person)], ["PERSON Kim Jong-un", "PERSON Lee Jae-myung"]),
        // a surname of two words stands alone later, even where its last word is a known body
        ("Ana Kayikwamba Wagner came . Kayikwamba Wagner said so", [F(tokens: 0..<3, type: .person), F(tokens: 6..<7, type: .org)],
         ["PERSON Ana Kayikwamba Wagner", "PERSON Kayikwamba Wagner"]),
        // capitalised words nothing tagged, beside a title set off by commas, are a person
        ("Jean-Noël Barrot , the French foreign minister , spoke", [F](), ["PERSON Jean-Noël Barrot", "NORP French"]),
        ("the union 's chairperson , Moussa Faki Mahamat , spoke", [F](), ["PERSON Moussa Faki Mahamat"]),
        // a facility the gazetteer knows, whatever the tagger read; a dateline in capitals
        ("in the Oval Office today", [F(tokens: 2..<4, type: .org)], ["FAC Oval Office"]),
        ("NEW DELHI , May 10", [F](), ["GPE NEW DELHI"]),
        // a wire agency's name is an organisation
        ("( Harbour Wire ) reported", [F(tokens: 1..<2, type: .org), F(tokens: 2..<3, type: .gpe)], ["ORG Harbour Wire"]),
        // a name before a site's noun in lower case names that site, the noun outside it; the
        // names joined by "and" before one plural noun too; a nationality or a country stays
        ("lorries queued at the Torkham crossing", [F(tokens: 4..<5, type: .org)], ["FAC Torkham"]),
        ("Pakistan shut the Torkham and Angoor Adda crossings", [F(tokens: 3..<4, type: .person), F(tokens: 5..<7, type: .person)],
         ["GPE Pakistan", "FAC Torkham", "FAC Angoor Adda"]),
        ("through a Russian pipeline", [F(tokens: 2..<3, type: .norp)], ["NORP Russian"]),
        ("to the Chad camps", [F(tokens: 2..<3, type: .gpe)], ["GPE Chad"]),
        // a company's name ends in "Resources" or "Technology", a person's does not
        ("Alphamin Resources halted mining", [F(tokens: 0..<2, type: .person)], ["ORG Alphamin Resources"]),
        // a place's name does not end in a body's head word
        ("U.S. Central Command said so", [F(tokens: 0..<3, type: .gpe)], ["ORG U.S. Central Command"]),
        // a name nothing tagged that an apposition or a noun before it calls a company is an organisation
        ("sanctions on Rosselkhozbank , the state agricultural lender , were lifted", [F](), ["ORG Rosselkhozbank"]),
        ("commodities trader Gunvor withdrew its offer", [F](), ["ORG Gunvor"]),
        ("the state nuclear company , Energoatom , said so", [F](), ["ORG Energoatom"]),
        ("the security firm Secunia . com said so", [F](), [String]()),
        // capitalised words the tagger left out between "the" and such a noun are the site
        ("fighters looted the nearby Kalma camp", [F](), ["FAC Kalma"]),
        ("they took the Heglig oilfield", [F](), ["FAC Heglig"]),
        ("near a Kalma camp", [F](), [String]()),
        // a word known as nothing but a name, before a person's name, is its given name
        ("the special envoy for Syria Geir Pedersen said so", [F(tokens: 4..<5, type: .gpe), F(tokens: 5..<6, type: .org), F(tokens: 6..<7, type: .person)],
         ["GPE Syria", "PERSON Geir Pedersen"]),
        ("talks in Geneva Pedersen said", [F(tokens: 2..<3, type: .gpe), F(tokens: 3..<4, type: .person)], ["GPE Geneva", "PERSON Pedersen"]),
        // a title with "-designate" or "-elect" is still a title
        ("Prime Minister-designate Yara Nassif spoke", [F](), ["PERSON Yara Nassif"]),
        ("President-elect Lina Orsi spoke", [F](), ["PERSON Lina Orsi"]),
        // a name whose president or ministry the text speaks of is a state; an army may be a person's
        ("Tesvar 's president , Amira Kell , said so", [F(tokens: 0..<1, type: .person), F(tokens: 4..<6, type: .person)],
         ["GPE Tesvar", "PERSON Amira Kell"]),
        ("officials said Jubaland 's foreign ministry objected", [F](), ["GPE Jubaland"]),
        ("Putin 's army pressed on", [F(tokens: 0..<1, type: .person)], ["PERSON Putin"]),
        ("the Commission 's president spoke", [F(tokens: 1..<2, type: .org)], ["ORG Commission"]),
        // a name opening with the word for a group, a movement or an army is a body's
        ("claimed by Jama'at Ansar al-Haqq today", [F(tokens: 2..<5, type: .person)], ["ORG Jama'at Ansar al-Haqq"]),
        ("Lashkar-e-Taiba denied it", [F(tokens: 0..<1, type: .gpe)], ["ORG Lashkar-e-Taiba"]),
        ("then Hayat Khan spoke", [F(tokens: 1..<3, type: .person)], ["PERSON Hayat Khan"]),
        // an Arabic article inside a body's name
        ("the Ansar al-Din Front claimed it", [F](), ["ORG Ansar al-Din Front"]),
        // a body's name goes on past "for the" after its head word
        ("the Popular Front for the Liberation of Tesvar claimed it", [F(tokens: 1..<3, type: .org)],
         ["ORG Popular Front for the Liberation of Tesvar"]),
        ("the Movement for Democratic Change won", [F](), ["ORG Movement for Democratic Change"]),
        ("the Rapid Support Forces for the first time", [F(tokens: 1..<4, type: .org)], ["ORG Rapid Support Forces"]),
        // a name after a settlement's noun and "of", or before a region's noun, is a place,
        // whether the tagger left it out or took it for a person
        ("shelling hit the town of Brelka overnight", [F](), ["GPE Brelka"]),
        ("forces retook the town of al-Qusayr on Sunday", [F](), ["GPE al-Qusayr"]),
        ("rebels seized the towns of Kirra and Bantu Wells", [F(tokens: 5..<6, type: .person), F(tokens: 7..<9, type: .person)],
         ["GPE Kirra", "GPE Bantu Wells"]),
        ("aid reached the Tesvar region on Monday", [F](), ["GPE Tesvar"]),
        ("the governor of Tesvar province said so", [F(tokens: 3..<4, type: .person)], ["GPE Tesvar"]),
        // a body, a nationality and a known place of another kind stay what they are
        ("the city of Dallas Police Department said so", [F(tokens: 3..<6, type: .org)], ["ORG Dallas Police Department"]),
        ("the Russian region of Kursk", [F(tokens: 1..<2, type: .norp)], ["NORP Russian", "GPE Kursk"]),
        ("the region of Europe hardest hit", [F(tokens: 3..<4, type: .loc)], ["LOC Europe"]),
        ("the capital of the country", [F](), [String]()),
        // a name before a facility's own noun in lower case is that facility, noun included,
        // whether the tagger left it out or took it for a body or an unknown place
        ("fighters neared the Kessa Dunu dam overnight", [F](), ["FAC Kessa Dunu dam"]),
        ("missiles hit the Varosh air base and the Kappel hotel", [F(tokens: 3..<4, type: .org), F(tokens: 8..<9, type: .gpe)],
         ["FAC Varosh air base", "FAC Kappel hotel"]),
        ("strikes hit the Ras Kalbi power station", [F](), ["FAC Ras Kalbi power station"]),
        // a nationality before a natural feature's word is that feature
        ("peace on the Korean Peninsula", [F(tokens: 3..<4, type: .norp), F(tokens: 4..<5, type: .org)], ["LOC Korean Peninsula"]),
        // a name the tagger left out after "known as" is a second name of the one before the comma
        ("Tarik Osei , better known as Falcon , spoke", [F(tokens: 0..<2, type: .person)], ["PERSON Tarik Osei", "PERSON Falcon"]),
        ("the Relief Council , known as Relco , met", [F(tokens: 1..<3, type: .org)], ["ORG Relief Council", "ORG Relco"]),
        ("the town , known as Brelka , burned", [F](), [String]()),
        // a list of places after a settlement's noun and "including" or "such as"; an area is a place too
        ("drones struck towns including Brelka , Tesvar and Kirra", [F(tokens: 5..<6, type: .person)], ["GPE Brelka", "GPE Tesvar", "GPE Kirra"]),
        ("residents of villages such as Kirants and Voskepar fear", [F(tokens: 5..<6, type: .person), F(tokens: 7..<8, type: .person)],
         ["GPE Kirants", "GPE Voskepar"]),
        ("the clash took place in the Chong Pha area", [F(tokens: 6..<8, type: .person)], ["LOC Chong Pha"]),
        // a name after a preposition of place, or before ", in" and a place, is a place
        ("thousands fled towards Tawila on foot", [F](), ["GPE Tawila"]),
        ("a convoy was attacked near Al Koma overnight", [F(tokens: 5..<7, type: .person)], ["GPE Al Koma"]),
        ("hundreds died in Mai Kadra , in western Tigray", [F(tokens: 3..<5, type: .person), F(tokens: 8..<9, type: .gpe)],
         ["GPE Mai Kadra", "GPE Tigray"]),
        // a body's head word, "of" and a place is one name; "of" and a list of members is not part of it
        ("the Popular Liberation Forces of Tesvar signed", [F(tokens: 5..<6, type: .gpe)], ["ORG Popular Liberation Forces of Tesvar"]),
        ("the Joint Border Group of Tesvar , Kirra and the OSCE met", [F(tokens: 1..<3, type: .org), F(tokens: 5..<6, type: .gpe),
                                                                      F(tokens: 7..<8, type: .gpe), F(tokens: 10..<11, type: .org)],
         ["ORG Joint Border Group", "GPE Tesvar", "GPE Kirra", "ORG OSCE"]),
        // a surname without its Arabic article is the person, whatever the tagger read there
        ("Omar al-Bashir spoke ; Bashir left", [F(tokens: 0..<2, type: .person), F(tokens: 4..<5, type: .gpe)],
         ["PERSON Omar al-Bashir", "PERSON Bashir"]),
        // unless the text names a person with it
        ("Bashar al-Assad held on ; the balance tilted towards Assad", [F(tokens: 0..<2, type: .person), F(tokens: 9..<10, type: .person)],
         ["PERSON Bashar al-Assad", "PERSON Assad"]),
    ])
    func rule(sentence: String, found: [F], expected: [String]) {
        #expect(apply(sentence, found) == expected)
    }

    @Test func everyOccurrenceGetsTheSameReading() {
        // "Sunak" tagged once as a person: the untagged occurrence and the surname follow.
        let result = apply("Rishi Sunak spoke . Later Sunak left . Sunak returned", [F(tokens: 0..<2, type: .person), F(tokens: 8..<9, type: .gpe)])
        #expect(result == ["PERSON Rishi Sunak", "PERSON Sunak", "PERSON Sunak"])
    }

    @Test func aBareNameThatSpeaksIsAPerson() {
        // The tagger read "Orlov" as a place twice; "Orlov said" settles it, and it also stands
        // capitalised inside a sentence. "Officials said" and "Moscow said" stay what they were.
        let text = "Orlov said little . Officials said so . Moscow said no . They met Orlov in Oslo"
        let words = text.split(separator: " ").map(String.init)
        let starts: TokenPositions = [0, 4, 8, 12]
        let found = [F(tokens: 0..<1, type: .gpe), F(tokens: 8..<9, type: .gpe), F(tokens: 14..<15, type: .gpe), F(tokens: 16..<17, type: .gpe)]
        let result = NameConsistency(gazetteer: .shared, sentenceStarts: starts).apply(found, words: words).map {
            "\($0.type.rawValue) \(words[$0.tokens].joined(separator: " "))"
        }
        #expect(result == ["PERSON Orlov", "GPE Moscow", "PERSON Orlov", "GPE Oslo"])
    }

    @Test func aNameThatHasSpokenIsAPersonToo() {
        // "Orlov has said": the auxiliary between name and verb changes nothing.
        let text = "Orlov has said little . They met Orlov in Oslo"
        let words = text.split(separator: " ").map(String.init)
        let found = [F(tokens: 0..<1, type: .gpe), F(tokens: 7..<8, type: .gpe), F(tokens: 9..<10, type: .gpe)]
        let result = NameConsistency(gazetteer: .shared, sentenceStarts: [0, 5]).apply(found, words: words).map {
            "\($0.type.rawValue) \(words[$0.tokens].joined(separator: " "))"
        }
        #expect(result == ["PERSON Orlov", "PERSON Orlov", "GPE Oslo"])
    }
}
