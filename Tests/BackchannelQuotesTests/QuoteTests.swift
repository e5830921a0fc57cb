import BackchannelCore
import BackchannelEntities
import BackchannelSegment
import Testing

@testable import BackchannelQuotes

/// Quotes through the real segmenter and entity stage, on sentences written for each case.
func quotes(_ text: String) throws -> [String] {
    var document = Document(text: text, blocks: Segmenter.paragraphs(of: text).map { Block(kind: .paragraph, span: $0) }, layers: [.text])
    try Segmenter().process(&document)
    try EntityRecognizer().process(&document)
    try QuoteDetector().process(&document)
    return document.quotes.map { quote in
        let speaker = quote.speaker.flatMap { id in document.entities.first { $0.id == id }?.name } ?? "-"
        return "\(text.slice(quote.span)) | \(speaker) | \(quote.cue ?? "-")"
    }
}

@Suite("Quotes")
struct QuoteTests {
    @Test(arguments: [
        // "X said" after the quote, curly marks
        ("“We are ready to talk,” Kremlin spokesman Dmitry Peskov said on Monday.",
         ["We are ready to talk, | Dmitry Peskov | said"]),
        // an office one person holds, which the text gave nobody by name, is the person the
        // text is about, not the state before the title
        ("Ayatollah Ali Khamenei spoke to officials in Tehran on Saturday. “Pressure will not bring us to the table,” Iran’s supreme leader said.",
         ["Pressure will not bring us to the table, | Ali Khamenei | said"]),
        // where it was said, a name of several words after a preposition, is not who said it
        ("“Conflict is at our door,” the former prime minister said in a speech hosted by the Munich Security Conference.",
         ["Conflict is at our door, | - | said"]),
        // an unnamed speaker: the agency she told is no speaker
        ("“We left with nothing,” a woman who fled with her children told Continental Wire.",
         ["We left with nothing, | - | told"]),
        // a city after "in" is where the speaker is; a nationality before "embassy" is the state
        ("China rejected the remarks. In a notice on Friday, the Chinese embassy in Tokyo said they were “blatantly provocative”.",
         ["blatantly provocative | China | said"]),
        ("The Russian embassy in London said the claims were “absurd”.", ["absurd | - | said"]),
        // "said X", straight marks
        ("\"The door is open,\" said Secretary of State Marco Rubio.",
         ["The door is open, | Marco Rubio | said"]),
        // "X told reporters" and a partial quote described as
        ("Kremlin spokesman Dmitry Peskov described the talks as “useful” but told reporters that no date was set.",
         ["useful | Dmitry Peskov | described"]),
        // a colon introduces the quote
        ("Posting on Truth Social, President Donald Trump wrote: “Russia has to get moving.”",
         ["Russia has to get moving. | Donald Trump | wrote"]),
        // a colon after any verb: the clause's subject speaks
        ("Secretary of State Marco Rubio put it simply: “Peace brings investment.”",
         ["Peace brings investment. | Marco Rubio | put"]),
        // a person named only inside the quotation is not who "he" is
        ("Donald Trump was asked about the strike. “It was Netanyahu's decision, not mine,” he wrote.",
         ["It was Netanyahu's decision, not mine, | Donald Trump | wrote"]),
        // according to
        ("According to Foreign Minister Abbas Araghchi, “the atmosphere was calm.”",
         ["the atmosphere was calm. | Abbas Araghchi | According to"]),
        // an organisation speaks
        ("The Kremlin said in a statement that the call was “frank and substantive”.",
         ["frank and substantive | Kremlin | said"]),
        // a verb after "and" shares the subject of the clause before, not the place after it
        ("Secretary-General António Guterres praised the truce and said supplies must reach Gaza “without delay and at scale”.",
         ["without delay and at scale | António Guterres | said"]),
        ("President Vladimir Putin said the talks had gone well, and warned Kyiv not to “derail” them.",
         ["derail | Vladimir Putin | warned"]),
        // the person before an apposition speaks, not a person inside it
        ("Lucie Marchand, a spokeswoman for President Emmanuel Macron, said the vote was “a warning”.",
         ["a warning | Lucie Marchand | said"]),
        // "it" before the cue is the body named before it
        ("The Arab League later backed what it called “a just settlement” for Gaza.",
         ["a just settlement | Arab League | called"]),
        // accusing is saying; a ministry speaks for its country
        ("Cambodia's defence ministry accused Thailand of “naked aggression” and said talks were over.",
         ["naked aggression | Cambodia | accused"]),
        // a cue before the quotation does not reach past it for a name
        ("India's foreign ministry has called the tariff “unfair and unwise” and accused Washington of double standards.",
         ["unfair and unwise | India | called"]),
        // "Sir" and a given name for short
        ("Sir Keir Starmer hosted the leaders in London. “We must act together,” Sir Keir told reporters.",
         ["We must act together, | Keir Starmer | told"]),
        // scare quotes have no speaker
        ("The so-called “coalition of the willing” met again in Paris.",
         ["coalition of the willing | - | -"]),
        // "the charity" is the organisation named last; "its press service", the body named last
        ("The dead included staff of Relief International, which runs clinics in the camp. “Our colleagues were shot at work,” the charity said.",
         ["Our colleagues were shot at work, | Relief International | said"]),
        ("The Arab League denied the report. “No envoy was recalled,” its press service said.",
         ["No envoy was recalled, | Arab League | said"]),
        // "it" with no body before it in its sentence: the body that opens the sentence before
        ("The Arab League said its envoys had left Cairo. “Our position has not changed,” it said in a statement.",
         ["Our position has not changed, | Arab League | said"]),
    ])
    func attribution(text: String, expected: [String]) throws {
        #expect(try quotes(text) == expected)
    }

    @Test func pronounIsTheSubjectOfThePreviousSentence() throws {
        let text = "Kirill Dmitriev, the head of Russia's wealth fund and Putin's envoy, was upbeat. He called the session “productive”."
        #expect(try quotes(text) == ["productive | Kirill Dmitriev | called"])
    }

    @Test func roleNounIsThePersonWithThatTitle() throws {
        let text = "Kremlin spokesman Dmitry Peskov briefed reporters. “Nothing is agreed yet,” the spokesman said."
        #expect(try quotes(text) == ["Nothing is agreed yet, | Dmitry Peskov | said"])
    }

    @Test func aBodyNounIsTheBodyLastNamedWithIt() throws {
        let text = "Qatar's foreign ministry said the talks would resume. “The parties have shown seriousness,” the ministry said."
        #expect(try quotes(text) == ["The parties have shown seriousness, | Qatar | said"])
        let government = "The Israeli government met on Friday. “We will decide soon,” the government said. Israel waited."
        #expect(try quotes(government) == ["We will decide soon, | Israel | said"])
    }

    @Test func aRoleWithItsModifierIsThePersonWithThatTitle() throws {
        let text = "Prime Minister Anutin Charnvirakul signed the text. Foreign Minister Sihasak Phuangketkeow spoke next. "
            + "“Trust will grow,” the foreign minister told reporters."
        #expect(try quotes(text) == ["Trust will grow, | Sihasak Phuangketkeow | told"])
    }

    @Test func aQuotationAfterAnAttributedOneInItsParagraphContinuesIt() throws {
        let text = "“Russia is trying to freeze Ukraine,” Boris Pistorius told reporters. “We will not let that happen.”\n\n"
            + "John Healey said Britain would send more air defences."
        #expect(try quotes(text) == ["Russia is trying to freeze Ukraine, | Boris Pistorius | told",
                                     "We will not let that happen. | Boris Pistorius | told"])
    }

    @Test func aBodyThatIsTheSubjectSaysWhatItsParticipleCueIntroduces() throws {
        #expect(try quotes("Hamas rejected the resolution, saying in a statement that it “falls far short” of what was promised.")
            == ["falls far short | Hamas | saying"])
        #expect(try quotes("Kyiv's team held talks with Rustem Umerov, and Secretary of State Marco Rubio called them “productive” while saying there was “more work to do”.")
            .last == "more work to do | Marco Rubio | saying")
    }

    @Test func repeatingIsACue() throws {
        #expect(try quotes("Prime Minister Benjamin Netanyahu repeated on Sunday that his opposition “remains exactly where it was”.")
            == ["remains exactly where it was | Benjamin Netanyahu | repeated"])
    }

    @Test func aPersonsSpokesmanSpeaksNotThePerson() throws {
        #expect(try quotes("“It is too early to celebrate,” said Hakan Fidan's spokesman, Oncu Keceli.")
            == ["It is too early to celebrate, | Oncu Keceli | said"])
        #expect(try quotes("“It is too early,” said Hakan Fidan's spokesman.") == ["It is too early, | - | said"])
    }

    @Test func aMinistryIsNotItsMinister() throws {
        let text = "Iranian Foreign Minister Abbas Araghchi flew home. "
            + "The foreign ministry in Tehran said in a statement that the demands were “excessive”."
        #expect(try quotes(text) == ["excessive | Tehran | said"])
    }

    @Test func aKnownSurnameOpeningASentenceSpeaks() throws {
        #expect(try quotes("Rubio called the proposal “a serious offer”.") == ["a serious offer | Rubio | called"])
        #expect(try quotes("Netanyahu visited the base. “There will be consequences,” Netanyahu's office said.")
            == ["There will be consequences, | Netanyahu | said"])
    }

    @Test func aPronounAfterAnUnnamedPersonQuotesNobodyNamed() throws {
        let text = "Massad Boulos attended the ceremony. An M23 delegate told reporters that nothing was binding. "
            + "“Nothing changes yet,” he said."
        #expect(try quotes(text) == ["Nothing changes yet, | - | said"])
    }

    @Test func aParticipleCueIsTheSubjectsWords() throws {
        let text = "On Sunday the army chief, Gen. Abdel Fattah al-Burhan, rejected the paper that Massad Boulos had presented, calling it “the worst yet”."
        #expect(try quotes(text) == ["the worst yet | Abdel Fattah al-Burhan | calling"])
    }

    @Test func aVerbAfterAListOfNamesSharesTheSentencesSubject() throws {
        let text = "“They did a fine job,” Donald Trump said, crediting Anwar Ibrahim and the two prime ministers, and added that the deal could save “many lives”."
        #expect(try quotes(text).last == "many lives | Donald Trump | added")
    }

    @Test func theGovernmentOfACountryIsThatCountry() throws {
        let text = "The government of the Democratic Republic of Congo signed the framework in Doha. The rebels did too. "
            + "The government welcomed the text as “a decisive step”."
        #expect(try quotes(text) == ["a decisive step | Democratic Republic of the Congo | welcomed"])
    }

    @Test func aParticipleAfterACommaGivesTheQuoteToTheClausesSubject() throws {
        let text = "Sergei Ryabkov, a deputy foreign minister, was sharper, writing on Telegram that the plan was “a dead end”."
        #expect(try quotes(text) == ["a dead end | Sergei Ryabkov | writing"])
    }

    @Test func aPronounIsTheSubjectNotAPersonAfterAPreposition() throws {
        let text = "Standing next to German Chancellor Friedrich Merz at the chancellery, President Emmanuel Macron set out a timetable. "
            + "If Moscow refuses, he said, Europe will move “without delay”."
        #expect(try quotes(text) == ["without delay | Emmanuel Macron | said"])
        let asked = "Prime Minister Keir Starmer spoke to the BBC on Sunday. Asked whether his ties with Trump were strained, he said: “Not at all.”"
        #expect(try quotes(asked) == ["Not at all. | Keir Starmer | said"])
    }

    @Test func itsMinistryIsTheCountryNamedBefore() throws {
        let text = "Qatar condemned the raid. In a late-night statement, its foreign ministry said the attack was “reckless” and that talks would pause. "
            + "Secretary of State Marco Rubio called the emir."
        #expect(try quotes(text) == ["reckless | Qatar | said"])
        // "state" is the complement of "Secretary of State", not a role word that names Rubio.
        let state = "Secretary of State Marco Rubio flew to Doha on Monday. Jordan rejected the plan. "
            + "Its foreign ministry said a Palestinian state remained “the only answer”."
        #expect(try quotes(state) == ["the only answer | Jordan | said"])
    }

    @Test func aRoleFollowedByANameIsThatName() throws {
        let text = "Chancellor Friedrich Merz spoke first. “We will not be divided,” said the Polish prime minister, Donald Tusk."
        #expect(try quotes(text) == ["We will not be divided, | Donald Tusk | said"])
    }

    @Test func aBodyBetweenTheQuotationAndItsCueSpeaks() throws {
        let text = "Sergei Shoigu, the council’s secretary, is “the architect of the campaign”, the Treasury Department said in a statement."
        #expect(try quotes(text) == ["the architect of the campaign | Treasury | said"])
    }

    @Test func theObjectOfACueIsNotItsSpeaker() throws {
        let text = "Cuba’s government has responded. In a statement read on state radio, the foreign ministry denounced Marco Rubio’s remarks as “an act of aggression”."
        #expect(try quotes(text) == ["an act of aggression | Cuba | denounced"])
    }

    @Test func writtenIsACue() throws {
        let text = "Marco Rubio has written on his account that the talks were “a waste of time”."
        #expect(try quotes(text) == ["a waste of time | Marco Rubio | written"])
    }

    @Test func aBodyOpeningTheClauseSaysWhatItsSecondVerbIntroduces() throws {
        let text = "Pakistan answered at once. In a joint statement, its army and the Foreign Office called the report false and said Islamabad would reply at “a time of its choosing”."
        let found = try quotes(text)
        #expect(found.count == 1 && !found[0].contains("| Islamabad |"), "\(found)")
    }

    // "rejected … as", "labelled": the quotation is the verb's complement and its subject says it.
    @Test(arguments: [
        ("Chile has rejected as “unfounded” a claim by Peru over the fishing grounds.", "unfounded | Chile | rejected"),
        ("Argentina’s foreign ministry rejected the charge as “baseless”.", "baseless | Argentina | rejected"),
        ("Gabriel Boric labelled the blockade an “act of piracy” on Sunday.", "act of piracy | Gabriel Boric | labelled"),
    ])
    func aQuotationRejectedOrLabelledIsItsSubjects(text: String, expected: String) throws {
        #expect(try quotes(text) == [expected])
    }

    @Test func aRejectionInAnotherClauseIsNoCue() throws {
        // The quotation is what Israel would do, not what Hamas rejected.
        let text = "Benjamin Netanyahu backed the plan. If Hamas rejected it, Israel would “finish the job”."
        #expect(try quotes(text).allSatisfy { !$0.contains("| Hamas |") })
    }

    @Test func aBodyBeforeAnAppositionSpeaks() throws {
        let text = "The Arctic Council, a forum of the eight polar states, dismissed the survey as a “distraction”."
        #expect(try quotes(text) == ["distraction | Arctic Council | dismissed"])
    }

    @Test func itIsTheBodyTheSentenceOpensWith() throws {
        let text = "Egypt’s foreign ministry said it had delayed sending an envoy to Ethiopia, and it rejected “in the strongest terms” the claims made in Addis Ababa."
        #expect(try quotes(text) == ["in the strongest terms | Egypt | rejected"])
    }

    @Test func aPronounOpeningTheSentenceBeforeHandsItsReferentOn() throws {
        // "He" opens the second sentence, which then names Blinken: the later "he" is still Lavrov.
        let text = "Sergei Lavrov spoke for an hour in Geneva. He recalled the 1990s, when Antony Blinken was a junior aide. “We were promised that the alliance would not move east,” he said."
        #expect(try quotes(text) == ["We were promised that the alliance would not move east, | Sergei Lavrov | said"])
    }

    @Test func ofInsideATitleIsNoPreposition() throws {
        // "Secretary of State Kaja Vance" is the subject of the sentence, not a complement of "of".
        let text = "Secretary of State Kaja Vance, who met Benjamin Netanyahu in Jerusalem, flew on to Doha. Before leaving, he said there was only “a short window” left."
        #expect(try quotes(text) == ["a short window | Kaja Vance | said"])
    }

    @Test func aNationalityBeforeAnOfficeNamesItsState() throws {
        // Trump holds the title "President", but "the Ukrainian president" is not him.
        let text = "President Donald Trump left the summit early. Volodymyr Zelensky, who had hoped to see him there, did not meet him. “Diplomacy is in crisis,” the Ukrainian president told the leaders."
        #expect(try quotes(text) == ["Diplomacy is in crisis, | Volodymyr Zelensky | told"])
    }

    @Test func aTitleBeforeANameIsThatNames() throws {
        // "Minister" belongs to McGuinty here, not to the last minister named (Carney).
        let text = "Prime Minister Mark Carney said the attack had been planned abroad. Defence Minister David McGuinty went further, saying Canada was “under attack” and that the culprits would be found."
        #expect(try quotes(text) == ["under attack | David McGuinty | saying"])
    }

    /// "It" opening a sentence is the body that opened the one before, even when the clause after
    /// the "it" names another state ("it expected Ukraine to…") before the "and" of the cue.
    @Test(arguments: [
        ("The Kremlin announced a three-day truce for the holiday. It said it expected Ukraine to follow suit, and warned of an “adequate” reply to any breach.",
         ["adequate | Kremlin | warned"]),
        ("The European Union extended its sanctions on Belarus. It accused Minsk of “hybrid attacks” on its borders.",
         ["hybrid attacks | European Union | accused"]),
    ])
    func aSentenceOpeningWithItIsTheBodyBefore(text: String, expected: [String]) throws {
        #expect(try quotes(text) == expected)
    }

    /// A body named before an apposition speaks: after its short form in brackets, with a relative
    /// clause for apposition, and first of the states listed from the sentence's start.
    @Test(arguments: [
        ("Chile, Peru and Ecuador, whose governments had kept ties with Caracas, urged the electoral council to publish the tallies “without delay”.",
         ["without delay | Chile | urged"]),
        ("The Kurdistan Workers' Party (PKK), which has fought Ankara for four decades, said it would lay down its arms “as a gesture of peace”.",
         ["as a gesture of peace | PKK | said"]),
        ("The Rapid Support Forces (RSF), a paramilitary force at war with the army, said it was “ready to talk” in Jeddah.",
         ["ready to talk | Rapid Support Forces | said"]),
    ])
    func aBodyBeforeItsAppositionSpeaks(text: String, expected: [String]) throws {
        #expect(try quotes(text) == expected)
    }

    /// "India's army chief warned": a title owned by a state is no holder of that title's from
    /// another state (Pakistan's army chief, named before); with none of India's, India speaks.
    @Test func aTitleOwnedByAStateIsThatStatesHolder() throws {
        let text = "Pakistan's army chief, Gen. Asim Munir, spoke on Monday. On Tuesday India's army chief warned that the army would respond “with full force”."
        #expect(try quotes(text) == ["with full force | India | warned"])
    }

    /// "X quoted him as saying": the one quoted speaks; "their communiqué says": the body that
    /// issued it, not the state named after the cue.
    @Test(arguments: [
        ("Volodymyr Zelenskiy toured Kharkiv on Monday. “We will not retreat,” Ivan Koval, his press secretary, quoted him as saying.",
         ["We will not retreat, | Volodymyr Zelenskiy | saying"]),
        ("NATO leaders met in Vilnius on Tuesday. Their final communiqué says Ukraine will be invited “when conditions are met”.",
         ["when conditions are met | NATO | says"]),
    ])
    func theOneQuotedAndTheBodyOfADocumentSpeak(text: String, expected: [String]) throws {
        #expect(try quotes(text) == expected)
    }

    /// "Ukraine's foreign ministry said": a word for a body is the body, not the person whose title
    /// ends in it ("the head of the foreign ministry").
    @Test func aMinistryIsNoPersonsTitle() throws {
        let text = "The head of the foreign ministry, Ivan Sokol, spoke on Friday. Ukraine's foreign ministry said the terms were “insulting”."
        #expect(try quotes(text) == ["insulting | Ukraine | said"])
    }

    @Test func itChainsBackToTheBodyThatOpenedTheParagraph() throws {
        let text = "Norway's defence ministry confirmed the attacks on two airfields. It said several aircraft had burned. It called the strikes “acts of sabotage” and reported no casualties."
        #expect(try quotes(text) == ["acts of sabotage | Norway | called"])
    }

    @Test(arguments: [
        // verbs joined by "and" before: the sentence's subject goes on
        ("President Donald Trump wrote to the group's leaders. He told them to free the hostages and return the bodies, and called it a “final warning”.",
         "final warning | Donald Trump | called"),
        // "it said" opening the sentence, after a body named in the sentence before
        ("Chad’s government blamed the Rapid Support Forces. In a statement it said the RSF had shelled the market, and called the attack “a heinous crime”.",
         "a heinous crime | Chad | called"),
    ])
    func aSecondVerbAfterAndKeepsTheSentencesSubject(text: String, expected: String) throws {
        #expect(try quotes(text) == [expected])
    }

    @Test(arguments: [
        // "the rebels said", after the text called a group so
        ("The M23 rebels held Goma. Brussels froze their leaders' assets. In a statement, the rebels said the EU measures made talks “impossible”.",
         "impossible | M23 | said"),
        // a participle after a clause that opens with "the rebels"
        ("The M23 rebels held Goma. The rebels walked out on Monday, saying that new sanctions had made dialogue “pointless”.",
         "pointless | M23 | saying"),
    ])
    func theRebelsAreTheGroupTheTextCalledSo(text: String, expected: String) throws {
        #expect(try quotes(text) == [expected])
    }

    @Test(arguments: [
        // a sentence that opens with "it" and a verb before ", and said": the body the sentence before opens with
        ("The SBU said the charges had gone off at dawn. It published a video of the blast and said the piers were in a “critical state”.",
         "critical state | SBU | said"),
        // "the agency said" after a quotation of two sentences, with no body called an agency
        // before: not the last organisation named (Reuters), the one the sentences open with
        ("The SBU said the charges had gone off at dawn. It published a video of the blast, which Reuters verified.\n\n“We struck the bridge again. We will strike it as often as it takes,” the agency said.",
         "We struck the bridge again. We will strike it as often as it takes, | SBU | said"),
        // "the operational command" (an adjective between): the state whose forces the sentence before named
        ("Poland’s armed forces say drones crossed the border overnight. The operational command called it “a direct provocation”.",
         "a direct provocation | Poland | called"),
    ])
    func aBodyWordWithNoBodyCalledSoIsTheBodyTheSentenceBeforeOpensWith(text: String, expected: String) throws {
        #expect(try quotes(text) == [expected])
    }

    @Test(arguments: [
        // an auxiliary between the apposition and the cue: the person before the apposition
        ("Baku says the men must answer for their crimes. Hikmet Hajiyev, a foreign policy adviser to President Ilham Aliyev, has said they are not “political prisoners”.",
         "political prisoners | Hikmet Hajiyev | said"),
        // "it said" after a long opening phrase of place and "the Indian army": India, not the place
        ("India blamed Pakistan for the attack. Along the Line of Control that divides Kashmir, the Indian army reported fire from Pakistani posts, to which it said it had “responded in kind”.",
         "responded in kind | India | said"),
    ])
    func theSubjectBehindAnAppositionOrAnOpeningPhraseSpeaks(text: String, expected: String) throws {
        #expect(try quotes(text) == [expected])
    }

    @Test(arguments: [
        // "what it said" in a clause that opens with "the foreign ministry": the state it stands for, not the object named after it
        ("On the same day, Rwanda broke off relations with Belgium. The foreign ministry accused Belgium of taking sides out of what it said was “a colonial mindset”.",
         "a colonial mindset | Rwanda | said"),
    ])
    func aBodyNounOpeningTheClauseIsWhoItCallsIt(text: String, expected: String) throws {
        #expect(try quotes(text) == [expected])
    }

    @Test func aPronounAfterAClosingAttributionIsThePersonItReports() throws {
        let text = "Defense Secretary Pete Hegseth sent the carrier to the Caribbean, the Pentagon’s chief spokesman, Sean Parnell, said on Friday. The ships would “disrupt illicit networks”, he said."
        #expect(try quotes(text) == ["disrupt illicit networks | Sean Parnell | said"])
    }

    @Test(arguments: [
        // "the statement adds": the body whose statement the sentences before are about
        ("The North Atlantic Council issued its statement after the meeting. It condemns the incursion. “Our commitment to collective defence is unshakeable,” the statement adds.",
         "Our commitment to collective defence is unshakeable, | North Atlantic Council | adds"),
        // "a Syrian statement said": the state of the nationality
        ("A Russian delegation met Ahmed al-Sharaa in Syria on Tuesday. A Syrian statement said any new ties must address “the wrongs of the past”.",
         "the wrongs of the past | Syria | said"),
    ])
    func aStatementSpeaksForWhoIssuedIt(text: String, expected: String) throws {
        #expect(try quotes(text) == [expected])
    }

    /// A name set off just before the cue closes a relative clause about the person named
    /// before it, who speaks; what a subject "agreed" to is its words when nobody reports them,
    /// and the reporter's when someone does.
    @Test(arguments: [
        ("Norwegian Foreign Minister Eirik Dahl, who hosted the talks with his Swiss counterpart, Anna Keller, said the sides had made “real progress”.",
         "real progress | Eirik Dahl | said"),
        ("Chile’s president, Marta Ibáñez, agreed on Friday to take “concrete steps” to reopen the border.",
         "concrete steps | Marta Ibáñez | agreed"),
        ("Mediator Eirik Dahl said the parties had agreed “a framework for real autonomy” and must now keep to it.",
         "a framework for real autonomy | Eirik Dahl | said"),
    ])
    func theSubjectOfARelativeClauseOrOfAnAgreementSpeaks(text: String, expected: String) throws {
        #expect(try quotes(text) == [expected])
    }

    @Test func aPrimeMinisterNamedByNoOneIsThePersonTheTextIsAbout() throws {
        let text = "NATO Secretary-General Mark Rutte spoke in Berlin on Thursday. “Time is not on our side,” the former Dutch prime minister said."
        #expect(try quotes(text) == ["Time is not on our side, | Mark Rutte | said"])
    }

    @Test func aNameAfterAPrepositionIsNotTheSpeaker() throws {
        let text = "“We are disappointed,” the chief of staff said in a post on Telegram."
        #expect(try quotes(text) == ["We are disappointed, | - | said"])
    }

    @Test func quoteRunsAcrossParagraphs() throws {
        let text = "Secretary of State Marco Rubio spoke after the meeting. “The offer is on the table.\n\n“Now it is up to Moscow,” he said."
        let found = try quotes(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("The offer is on the table.\n\n“Now it is up to Moscow,") == true)
        #expect(found.first?.hasSuffix("| Marco Rubio | said") == true)
    }

    /// A speaker named by a title alone is given the title as a role, with its offsets; not
    /// when a title the speaker has says as much, and not to an unnamed speaker.
    @Test func aTitleStandingForTheSpeakerIsTheSpeakersRole() throws {
        func roles(_ text: String) throws -> [String: [String]] {
            var document = Document(text: text, blocks: Segmenter.paragraphs(of: text).map { Block(kind: .paragraph, span: $0) }, layers: [.text])
            try Segmenter().process(&document)
            try EntityRecognizer().process(&document)
            try QuoteDetector().process(&document)
            for entity in document.entities { for role in entity.roles { #expect(text.slice(role.span) == role.title) } }
            return Dictionary(document.entities.filter { $0.type == .person }.map { ($0.name, $0.roles.map(\.title)) }, uniquingKeysWith: { a, _ in a })
        }
        let leader = try roles("Ayatollah Ali Khamenei spoke to officials in Tehran on Saturday. “Pressure will not bring us to the table,” Iran’s supreme leader said.")
        #expect(leader["Ali Khamenei"] == ["Iran’s supreme leader"], "\(leader)")
        let former = try roles("Mark Rutte went to Berlin. “Conflict is at our door,” the former Dutch prime minister said.")
        #expect(former["Mark Rutte"] == ["former Dutch prime minister"], "\(former)")
        // ("the spokesman" says no more than "Kremlin spokesman")
        let spokesman = try roles("Kremlin spokesman Dmitry Peskov briefed reporters. “Nothing is agreed yet,” the spokesman said.")
        #expect(spokesman["Dmitry Peskov"] == ["Kremlin spokesman"], "\(spokesman)")
        let unnamed = try roles("Olena Marchuk visited the front. “We left with nothing,” a senior official said.")
        #expect(unnamed["Olena Marchuk"] == [], "\(unnamed)")
    }

    @Test func quoteOffsetsIndexTheText() throws {
        let text = "Zelenskyy 🤝 said: “We will not trade territory for promises.”"
        var document = Document(text: text, layers: [.text])
        try Segmenter().process(&document)
        try EntityRecognizer().process(&document)
        try QuoteDetector().process(&document)
        #expect(document.quotes.map { text.slice($0.span) } == ["We will not trade territory for promises."])
        #expect(document.quotes.allSatisfy { $0.sentence.contains($0.span) || $0.sentence.overlaps($0.span) })
    }

    @Test(arguments: 0..<150)
    func randomTextsNeverBreakTheStage(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let pieces = ["“", "”", "\"", "'", "he said", "said", "Peskov", "Dmitry Peskov", "Kremlin spokesman", ",", ".", ":",
                      "\n\n", "\n", " ", "according to", "told reporters", "She", "the spokesman", "Kyiv", "🤝", "e\u{301}",
                      "Secretary of State Marco Rubio", "described it as", "a senior official"]
        let text = (0..<Int.random(in: 0...50, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " ")
        var document = Document(text: text, blocks: Segmenter.paragraphs(of: text).map { Block(kind: .paragraph, span: $0) }, layers: [.text])
        try Segmenter().process(&document)
        try EntityRecognizer().process(&document)
        try QuoteDetector().process(&document)
        let count = text.scalarCount
        for quote in document.quotes {
            #expect(quote.span.start >= 0 && quote.span.end <= count && !quote.span.isEmpty)
            #expect(quote.sentence.end <= count)
            if let speaker = quote.speaker { #expect(document.entities.contains { $0.id == speaker }) }
        }
    }
}
