import BackchannelCore

/// The quote stage: direct quotations with their speaker and cue.
///
/// Attribution is read in the sentence that holds the quotation, outside the marks:
/// after it ("…,” Peskov said", "…,” said Peskov", "…,” he told reporters") or before it
/// ("Peskov said: “…”", "according to Peskov, “…”", "he wrote: “…”", "described the talks
/// as “useful”"). A pronoun is the last person named before the quote; a role ("the
/// spokesman said") is the person the article gave that title; an organisation can speak
/// ("the Kremlin said in a statement"). With no attribution in its sentence, a quote that
/// fills its paragraph takes the speaker of the next sentence ("He said…") or of the
/// previous sentence that ends with a colon.
public struct QuoteDetector: Stage {
    public let name = "quotes"
    public let requires: Set<Layer> = [.tokens, .sentences, .entities]
    public let provides: Set<Layer> = [.quotes]

    public init() {}

    public func process(_ document: inout Document) throws(StageError) {
        let (quotes, titles) = detect(in: document)
        document.quotes = quotes
        // A speaker the text names by a title alone ("“…,” Iran's supreme leader said") is
        // given that title, as a title written beside the name would be, unless a title the
        // speaker has already says as much ("the spokesman said" of a "U.N. spokesman").
        func words(_ title: String) -> Set<Substring> { Set(title.lowercased().split { !$0.isLetter && $0 != "." }) }
        for (entity, role) in titles where !document.entities[entity].roles.contains(where: { words($0.title).isSuperset(of: words(role.title)) }) {
            document.entities[entity].roles.append(role)
        }
        document.layers.insert(.quotes)
    }

    static let cues: WordSet = [
        "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "posted", "described", "describes",
        "called", "calls", "insisted", "warned", "stressed", "argued", "noted", "declared", "stated", "announced",
        "asked", "replied", "urged", "explained", "continued", "recalled", "acknowledged", "admitted", "suggested",
        "claimed", "tweeted", "vowed", "pledged", "promised", "agreed", "complained", "cautioned", "remarked", "insists", "warns",
        "calling", "saying", "describing", "adding", "noting", "warning", "insisting", "stressing", "arguing",
        "welcomed", "hailed", "branded", "dismissed", "accused", "accuses", "accusing", "condemned", "denounced",
        "repeated", "reiterated", "maintained", "conceded", "confirmed", "predicted", "responded", "answered", "countered",
        "asserted", "emphasised", "emphasized", "declaring", "repeating", "predicting", "vowing", "promising",
        "writing", "posting", "telling", "tweeting", "written",
        "rejected", "rejects", "rejecting", "labelled", "labeled", "labelling", "labeling", "termed", "dubbed",
    ]
    /// Cues that are participles: ", calling it “the worst yet”" is said by the subject of the
    /// clause they hang on.
    static let participles: WordSet = ["calling", "saying", "describing", "adding", "noting", "warning", "insisting", "stressing", "arguing", "accusing",
                                       "declaring", "repeating", "predicting", "vowing", "promising", "writing", "posting", "telling", "tweeting",
                                       "rejecting", "labelling", "labeling"]
    /// Words that hang a participle cue on the clause before it: ", saying", "while saying".
    static let participleOpeners: WordSet = [",", "while", "before", "after", "when", "by"]
    static let pronouns: WordSet = ["he", "she", "they", "He", "She", "They"]
    /// Verbs that report someone else's words: "quoted him as saying".
    static let quotingVerbs: WordSet = ["quoted", "quotes", "quoting", "cited", "cites", "citing"]

    /// The quotations, and the titles that stand for their speakers where no name does (the
    /// speaker's entity index and the title as a role).
    func detect(in document: Document) -> (quotes: [Quote], titles: [(Int, Role)]) {
        let scalars = Array(document.text.unicodeScalars)
        let words = document.wordsOfTokens
        let tokens = document.tokens
        // Entity mentions by token position.
        var entityAt = [Int?](repeating: nil, count: tokens.count)
        var k = 0
        let mentions = document.entities.enumerated().flatMap { e, entity in entity.mentions.map { (e, $0.span) } }.sorted { $0.1 < $1.1 }
        for (e, span) in mentions {
            while k < tokens.count, tokens[k].span.end <= span.start { k += 1 }
            var t = k
            // (A name inside a word — "Turkish-made" — gives the word no entity: the drones are not Turkey's act.)
            while t < tokens.count, tokens[t].span.start < span.end {
                if tokens[t].span.end <= span.end { entityAt[t] = e }
                t += 1
            }
        }
        var quotes: [Quote] = []
        var titles: [(Int, Role)] = []
        let found = QuoteFinder().find(in: scalars)
        // Who a pronoun or a role stands for is looked for among the people the writer names:
        // "“This was Netanyahu's decision, not mine,” he wrote" is not Netanyahu's.
        var speakers = document
        let quoted = found.map { $0.open..<($0.close.map { $0 + 1 } ?? $0.content.end) }
        if !quoted.isEmpty {
            for e in speakers.entities.indices {
                speakers.entities[e].mentions.removeAll { mention in quoted.contains { $0.lowerBound <= mention.span.start && mention.span.end <= $0.upperBound } }
            }
        }
        for found in found {
            let sentenceIndex = document.sentences.lastIndex { $0.span.start <= found.open } ?? 0
            guard !document.sentences.isEmpty else { break }
            var attribution = attribute(found, sentenceIndex: sentenceIndex, document: speakers, words: words, entityAt: entityAt)
            // "“…,” Modi said in the speech. “Water and blood will not flow side by side.”": a
            // quotation with no attribution of its own that follows, in the same paragraph, the
            // sentence of an attributed one continues it.
            if attribution.speaker == nil, attribution.cue == nil, let previous = quotes.last, previous.speaker != nil,
               sentenceIndex > 0, previous.sentence.start >= document.sentences[sentenceIndex - 1].span.start,
               !paragraphEnds(between: previous.span.end, and: found.open, in: document) {
                attribution.speaker = previous.speaker.flatMap { id in document.entities.firstIndex { $0.id == id } }
                attribution.cue = previous.cue
            }
            quotes.append(Quote(id: Quote.ID(rawValue: "Q\(quotes.count + 1)"), span: found.content,
                                speaker: attribution.speaker.map { document.entities[$0].id },
                                cue: attribution.cue, sentence: attribution.sentence))
            if let speaker = attribution.speaker, let title = attribution.title, document.entities[speaker].type == .person {
                titles.append((speaker, Role(title: document.text.slice(title), span: title)))
            }
        }
        return (quotes, titles)
    }

    struct Attribution {
        var speaker: Int?
        var cue: String?
        var sentence: TextSpan
        /// Where the speaker is written as a title without a name ("the Ukrainian president told").
        var title: TextSpan? = nil
    }

    private func attribute(_ quote: QuoteFinder.Found, sentenceIndex: Int, document: Document, words: [String], entityAt: [Int?]) -> Attribution {
        let tokens = document.tokens
        let quoteEnd = quote.close.map { $0 + 1 } ?? quote.content.end
        // Sentences the quotation touches; attribution may be in the last one or around it.
        var last = sentenceIndex
        while last + 1 < document.sentences.count, document.sentences[last + 1].span.start < quoteEnd { last += 1 }
        var candidates = [last]
        if last != sentenceIndex { candidates.append(sentenceIndex) }
        for s in candidates {
            let sentence = document.sentences[s].span
            let outside = tokens.indices.filter { t in
                tokens[t].span.start >= sentence.start && tokens[t].span.end <= sentence.end
                    && !(tokens[t].span.start >= quote.open && tokens[t].span.end <= quoteEnd)
            }
            if let found = cue(in: outside, words: words, entityAt: entityAt, document: document, quote: quote.open..<quoteEnd) {
                return Attribution(speaker: found.speaker, cue: found.cue, sentence: sentence, title: found.title)
            }
        }
        // A quoted paragraph: the next sentence ("He said…") or a previous one ending in a colon.
        let first = document.sentences[sentenceIndex].span
        if last + 1 < document.sentences.count, !paragraphEnds(between: quoteEnd, and: document.sentences[last + 1].span.start, in: document) {
            let next = document.sentences[last + 1].span
            let inNext = tokens.indices.filter { tokens[$0].span.start >= next.start && tokens[$0].span.end <= next.end }
            if let head = inNext.prefix(4).firstIndex(where: { Self.cues.contains(words[$0].lowercased()) }),
               let found = cue(in: Array(inNext[...head]), words: words, entityAt: entityAt, document: document, quote: quote.open..<quoteEnd) {
                return Attribution(speaker: found.speaker, cue: found.cue, sentence: next)
            }
        }
        if sentenceIndex > 0 {
            let previous = document.sentences[sentenceIndex - 1].span
            let inPrevious = tokens.indices.filter { tokens[$0].span.start >= previous.start && tokens[$0].span.end <= previous.end }
            if let lastToken = inPrevious.last, words[lastToken] == ":",
               let found = cue(in: inPrevious, words: words, entityAt: entityAt, document: document, quote: quote.open..<quoteEnd) {
                return Attribution(speaker: found.speaker, cue: found.cue, sentence: previous)
            }
        }
        // "He put the stakes plainly: “…”": a colon hands the quotation to the person the
        // clause before it is about, whatever its verb.
        let before = tokens.indices.filter { tokens[$0].span.start >= first.start && tokens[$0].span.end <= quote.open }
        if let colon = before.last, words[colon] == ":", before.count > 1,
           let speaker = clauseSubject(before.dropLast()[...], words: words, entityAt: entityAt, document: document, reach: 4) {
            // The cue is the verb: the first lower-case word after the subject's name or pronoun.
            let clause = before.dropLast()
            let subjectEnd = clause.prefix(6).lastIndex { entityAt[$0] != nil || Self.pronouns.contains(words[$0]) }
            let verb = clause[(subjectEnd.map { $0 + 1 } ?? clause.startIndex)...].first { t in
                entityAt[t] == nil && words[t].first?.isLowercase == true
            }
            return Attribution(speaker: speaker, cue: verb.map { words[$0] }, sentence: first)
        }
        return Attribution(speaker: nil, cue: nil, sentence: first)
    }

    /// Whether a paragraph ends between two offsets (the attribution of a quotation stays in its paragraph).
    func paragraphEnds(between start: Int, and end: Int, in document: Document) -> Bool {
        document.blocks.contains { start <= $0.span.end && $0.span.end < end }
    }

    static let prepositions: WordSet = ["in", "on", "at", "to", "from", "with", "by", "for", "during", "after", "before", "via"]
    /// Prepositions that open a phrase of place, time or circumstance before a clause's subject
    /// ("Along the Line of Control that divides Kashmir, the Indian army reported …").
    static let openingPrepositions: WordSet = prepositions.union(["along", "across", "near", "inside", "outside", "around", "amid", "despite",
                                                                 "since", "under", "over", "beyond", "among", "within", "throughout", "following"])
    /// People the text does not name ("a senior official said", "a woman who fled … told the
    /// agency"): after "a", "one", "several" … the quotation has no speaker among the entities.
    static let anonymous: WordSet = ["official", "officials", "source", "sources", "diplomat", "diplomats", "person", "people", "aide", "aides",
                                     "woman", "women", "man", "men", "resident", "residents", "witness", "witnesses", "villager", "villagers",
                                     "survivor", "survivors", "mother", "father", "doctor", "doctors", "nurse", "medic", "medics",
                                     "soldier", "soldiers", "farmer", "worker", "workers", "student", "students", "refugee", "refugees",
                                     "activist", "activists", "volunteer", "volunteers", "shopkeeper", "driver", "fisherman"]
    static let indefinite: WordSet = ["a", "an", "one", "two", "three", "several", "some", "other"]
    static let clauseBreaks: WordSet = [";", "while", "whereas", "but", "and", "—", "–"]

    /// The cue nearest the quotation among `tokens` (those of its sentence outside the marks),
    /// and the speaker that goes with it.
    private func cue(in tokens: [Int], words: [String], entityAt: [Int?], document: Document, quote: Range<Int>) -> (speaker: Int?, cue: String, title: TextSpan?)? {
        var best: (n: Int, cue: String, distance: Int)?
        for (n, t) in tokens.enumerated() {
            let word = words[t].lowercased()
            var cueText: String?
            if Self.cues.contains(word) { cueText = words[t] }
            if word == "according", n + 1 < tokens.count, words[tokens[n + 1]].lowercased() == "to" { cueText = words[t] + " " + words[tokens[n + 1]] }
            guard let cue = cueText else { continue }
            let span = document.tokens[t].span
            // "rejected the charge as “baseless”", "labelled China a “foreign hostile force”": the
            // quotation is the verb's complement, in the same clause after it ("If Hamas rejected
            // it, … Israel would “finish the job”" is not Hamas's).
            if Self.complementCues.contains(word) {
                guard span.end <= quote.lowerBound else { continue }
                let between = tokens[(n + 1)...].prefix { document.tokens[$0].span.end <= quote.lowerBound }
                guard between.count <= 12, !between.contains(where: { [",", ";", ":"].contains(words[$0]) }) else { continue }
            }
            var distance = span.end <= quote.lowerBound ? quote.lowerBound - span.end : max(0, span.start - quote.upperBound)
            // After a quotation the cue follows at once (",” he said", "” said Rubio"); a verb
            // further on ("… “useful” but told reporters") is a new statement.
            if span.start >= quote.upperBound {
                let between = tokens.filter { document.tokens[$0].span.start >= quote.upperBound && document.tokens[$0].span.end <= span.start }
                let speakerLike = between.allSatisfy { b in
                    [",", "the", "a", "an"].contains(words[b].lowercased()) || Self.pronouns.contains(words[b]) || entityAt[b] != nil
                        || entityWithRole(words[b], document: document) != nil || words[b].startsUppercase
                }
                if between.count > 6 || !speakerLike { distance += 10_000 }
            }
            if best == nil || distance < best!.distance { best = (n, cue, distance) }
        }
        guard var (n, cue, _) = best else { return nil }
        // "Cook … said the parties had agreed “a framework for real autonomy”": a complement
        // cue inside words reported by a verb of saying before it is the reporter's quotation.
        // (Not a clause of its own: "…, and it rejected “in the strongest terms” the claims".)
        if Self.complementCues.contains(cue.lowercased()), let saying = (0..<n).last(where: { Self.sayingVerbs.contains(words[tokens[$0]].lowercased()) }),
           !(saying..<n).contains(where: { [",", ";", ":"].contains(words[tokens[$0]]) }) {
            n = saying
            cue = words[tokens[saying]]
        }
        let speaker = speaker(ofCueAt: n, cue: cue, in: tokens, words: words, entityAt: entityAt, document: document, quote: quote)
        let title = speaker.flatMap { titleSubject(ofCueAt: n, in: tokens, speaker: $0, words: words, entityAt: entityAt, document: document) }
        return (speaker, cue, title)
    }

    /// The title a cue's subject is written as when no name stands there: "“…,” Iran's supreme
    /// leader said", "the Ukrainian president told the leaders", "the foreign minister told
    /// reporters". The head right before the cue (auxiliaries aside) must be an office one
    /// person holds or a word of a title `speaker` has; the title runs back over lower-case
    /// words and nationalities to "the", to the possessive of the state, body or person that
    /// opens it, or to the punctuation before it. Nil for anything else ("a senior official
    /// said", "his spokesman said", a name).
    private func titleSubject(ofCueAt n: Int, in tokens: [Int], speaker: Int, words: [String], entityAt: [Int?], document: Document) -> TextSpan? {
        var k = n - 1
        while k >= 0, Self.auxiliaries.contains(words[tokens[k]].lowercased()) { k -= 1 }
        guard k >= 0, entityAt[tokens[k]] == nil, words[tokens[k]].startsLowercase else { return nil }
        let head = words[tokens[k]].lowercased()
        guard head.count > 3, !Self.bodyNouns.contains(head) else { return nil }
        let holds = Self.officeHolders.contains(head) || head == "minister" && k >= 1 && words[tokens[k - 1]].lowercased() == "prime"
            || document.entities[speaker].roles.contains { $0.title.lowercased().split(separator: " ").contains(Substring(head)) }
        guard holds else { return nil }
        var first = k
        var j = k - 1
        var lowerWords = 0
        while j >= 0 {
            let word = words[tokens[j]]
            if let e = entityAt[tokens[j]] {
                // A nationality qualifies the title ("the former Dutch prime minister").
                guard document.entities[e].type == .norp else { return nil }
                while j >= 0, entityAt[tokens[j]] == e { j -= 1 }
                first = j + 1
                continue
            }
            if ["'s", "’s"].contains(word) {
                // The owner opens the title: "Iran's supreme leader", "NATO's secretary general".
                guard j >= 1, let owner = entityAt[tokens[j - 1]] else { return nil }
                var m = j - 1
                while m > 0, entityAt[tokens[m - 1]] == owner { m -= 1 }
                first = m
                break
            }
            if word.startsLowercase, !["the", "a", "an", "his", "her", "its", "their", "and", "or", "of", "who"].contains(word), lowerWords < 3 {
                lowerWords += 1
                first = j
                j -= 1
                continue
            }
            // What stands before the title: "the", or punctuation ("“…,” the president said").
            guard word == "the" || word == "The" || !word.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            break
        }
        return TextSpan(start: document.tokens[tokens[first]].span.start, end: document.tokens[tokens[k]].span.end)
    }

    /// Who a cue belongs to. Before the cue, back to the start of its clause, the nearest
    /// person (an organisation or country only right before the cue: "the Kremlin said");
    /// a pronoun is resolved; "a senior official said" names nobody. After the cue ("said
    /// Rubio", "said a spokesman for the government, Patrick Muyaya", "according to X"),
    /// the first person or body named, before the quotation when the cue is before it.
    private func speaker(ofCueAt n: Int, cue: String, in tokens: [Int], words: [String], entityAt: [Int?], document: Document,
                         quote: Range<Int>) -> Int? {
        let according = cue.lowercased() == "according to"
        // "“We are not afraid,” Nykyforov quoted him as saying": the one quoted speaks, not who
        // quotes him; "him" or "her" is the person named before the sentence, not its subject.
        if cue.lowercased() == "saying", n >= 2, words[tokens[n - 1]].lowercased() == "as",
           let verb = (max(0, n - 8)..<(n - 1)).last(where: { Self.quotingVerbs.contains(words[tokens[$0]].lowercased()) }) {
            for k in (verb + 1)..<(n - 1) {
                let t = tokens[k]
                if let e = entityAt[t], document.entities[e].type == .person { return e }
                if ["him", "her"].contains(words[t].lowercased()),
                   let s = document.sentences.lastIndex(where: { $0.span.start <= document.tokens[t].span.start }) {
                    return lastPerson(before: document.sentences[s].span.start, words: words, document: document)
                }
            }
        }
        // ", calling it “the worst yet”": the subject of the sentence, before the comma.
        // ("Hamas rejected the resolution, saying…", "Sudan's government cut relations, declaring
        // it…": a body or a state that is the clause's subject says it when no person does.)
        // (", and Marco Rubio called the talks “productive” while saying…": the clause the
        // participle hangs on starts after the last ", and" or ";" before it.)
        if Self.participles.contains(cue.lowercased()), n > 0, Self.participleOpeners.contains(words[tokens[n - 1]].lowercased()) {
            let clauseStart = (1..<max(1, n - 1)).last { k in
                words[tokens[k]] == ";" || (["and", "but"].contains(words[tokens[k]].lowercased()) && words[tokens[k - 1]] == ",")
            }.map { $0 + 1 } ?? 0
            let clause = tokens[clauseStart..<(n - 1)]
            if let subject = clauseSubject(clause, words: words, entityAt: entityAt, document: document, reach: 14)
                ?? clauseBody(clause, words: words, entityAt: entityAt, document: document) {
                return subject
            }
        }
        if !according {
            if let named = beforeApposition(n, tokens: tokens, words: words, entityAt: entityAt, document: document) { return named }
            if let body = bodyCalledIt(n, tokens: tokens, words: words, entityAt: entityAt, document: document) { return body }
            var k = n - 1
            var nearestBody: Int?
            // "Guterres urged both sides … and said aid had to reach Gaza “…”": a verb right
            // after "and" or "but" shares the subject of the clause before.
            if let conjunction = conjunction(before: n, tokens: tokens, words: words, entityAt: entityAt) {
                var start = conjunction
                // "crediting Anwar and the two prime ministers, and added…": an "and" after a
                // name joins names, not clauses.
                while start > 0, !Self.clauseBreaks.contains(words[tokens[start - 1]].lowercased())
                    || (words[tokens[start - 1]].lowercased() == "and" && start >= 2 && entityAt[tokens[start - 2]] != nil) { start -= 1 }
                // ("It released a video … and said the supports had been left in an “emergency
                // condition”", "It said it expected Ukraine to follow suit, and warned of an
                // “adequate” response": a sentence that opens with "it" and goes on to say
                // something is the body the one before opens with, whatever it names after its "it".)
                if start == 0, words[tokens[0]] == "It", Self.sayingVerbs.contains(cue.lowercased()),
                   let body = openingBody(before: tokens[0], words: words, entityAt: entityAt, document: document) {
                    return body
                }
                // ("its Atomic Energy Organization … called the resolution political and said":
                // a body when no person opens the clause.)
                if let subject = clauseSubject(tokens[start..<conjunction], words: words, entityAt: entityAt, document: document)
                    ?? clauseBody(tokens[start..<conjunction], words: words, entityAt: entityAt, document: document) {
                    return subject
                }
                // ("He told them to free the hostages and hand over the dead, and called it a “last
                // warning”": the verbs before were joined by "and" too; the sentence's subject.)
                if start > 0, let subject = clauseSubject(tokens[0..<conjunction], words: words, entityAt: entityAt, document: document) {
                    return subject
                }
                // ("In a statement it said the RSF had shelled the market, and called the attack
                // “a heinous crime”": "it said" opening the sentence is who goes on.)
                if let it = (0..<min(conjunction, 6)).first(where: { words[tokens[$0]].lowercased() == "it" && $0 + 1 < conjunction
                       && Self.cues.contains(words[tokens[$0 + 1]].lowercased()) }),
                   let body = bodyCalledIt(it + 1, tokens: tokens, words: words, entityAt: entityAt, document: document) {
                    return body
                }
            }
            let cueAfterQuote = document.tokens[tokens[n]].span.start >= quote.upperBound
            while k >= 0, !Self.clauseBreaks.contains(words[tokens[k]].lowercased()) {
                let t = tokens[k]
                // "…” is “central to …”, the Treasury Department said": a body between the
                // quotation and its cue speaks; a name before the quotation is what it is about.
                if cueAfterQuote, let nearestBody, document.tokens[t].span.end <= quote.lowerBound { return nearestBody }
                if let e = entityAt[t] {
                    let type = document.entities[e].type
                    if type == .person { return e }
                    // "the Kremlin said", "India's foreign ministry has called": a body right
                    // before the cue, counting neither auxiliaries nor adverbs.
                    let gap = (k + 1..<n).filter { !Self.auxiliaries.contains(words[tokens[$0]].lowercased()) }.count
                    // ("the Chinese embassy in Tokyo said": the city a mission abroad sits in is not
                    // who speaks — "the foreign ministry in Tehran" is Tehran's government — and a
                    // nationality before a body noun is the state that speaks.)
                    var first = k
                    while first > 0, entityAt[tokens[first - 1]] == e { first -= 1 }
                    let before = (1...3).compactMap { first - $0 >= 0 ? words[tokens[first - $0]].lowercased() : nil }
                    let abroad = before.count >= 2 && ["in", "at"].contains(before[0]) && Self.missionNouns.contains(before[1])
                    if (type == .org || type == .gpe), nearestBody == nil, gap <= 3, !abroad { nearestBody = e }
                    if type == .norp, nearestBody == nil, gap <= 4,
                       (k + 1..<min(n, k + 3)).contains(where: { Self.bodyNouns.contains(words[tokens[$0]].lowercased()) }),
                       let country = document.entities[e].refersTo,
                       let state = document.entities.firstIndex(where: { $0.type == .gpe && $0.name == country }) {
                        nearestBody = state
                    }
                }
                if Self.pronouns.contains(words[t]) { return pronounReferent(at: t, words: words, entityAt: entityAt, document: document) }
                if Self.anonymous.contains(words[t].lowercased()), tokens[max(0, k - 4)..<k].contains(where: { Self.indefinite.contains(words[$0].lowercased()) }) {
                    return nil
                }
                if let e = personWithRole(at: t, words: words, document: document) { return e }
                // "“…,” Iran's supreme leader said", "“…,” the president said": an office one
                // person holds, right before the cue, which the article gave nobody by name, is
                // the person the text is about — as a pronoun would be — not the state before it.
                // ("the former Dutch prime minister said": a prime minister is one person too.)
                if Self.officeHolders.contains(words[t].lowercased())
                    || words[t].lowercased() == "minister" && k >= 1 && words[tokens[k - 1]].lowercased() == "prime",
                   (k + 1..<n).allSatisfy({ Self.auxiliaries.contains(words[tokens[$0]].lowercased()) }),
                   let e = lastPerson(before: document.tokens[t].span.start, words: words, document: document) {
                    return e
                }
                // "In a statement, the rebels said…": the group the text called so before (an
                // adjective may come between: "the operational command called it").
                // ("Their final communiqué says": a document a body issued, after its possessive.)
                let determiners: Set<String> = Self.documentNouns.contains(words[t].lowercased()) ? ["the", "its", "their"] : ["the"]
                if k >= 1, determiners.contains(words[tokens[k - 1]].lowercased())
                    || k >= 2 && determiners.contains(words[tokens[k - 2]].lowercased()) && words[tokens[k - 1]].startsLowercase && entityAt[tokens[k - 1]] == nil,
                   (k + 1..<n).allSatisfy({ Self.auxiliaries.contains(words[tokens[$0]].lowercased()) }),
                   let group = describedGroup(at: t, words: words, entityAt: entityAt, document: document)
                    // ("The SBU said … “…,” the agency said": with no body called so before, the
                    // organisation the sentence before the quotation opens with.)
                    ?? (GroupReference.descriptors[words[t].lowercased()] != nil || Self.documentNouns.contains(words[t].lowercased())
                        ? document.tokens.firstIndex(where: { $0.span.start >= min(quote.lowerBound, document.tokens[t].span.start) })
                            .flatMap { openingBody(before: $0, words: words, entityAt: entityAt, document: document) }
                            .flatMap { [.org, .gpe].contains(document.entities[$0].type) ? $0 : nil }
                        : nil) {
                    return group
                }
                if let e = bodyNamedBefore(t, words: words, entityAt: entityAt, document: document) { return e }
                k -= 1
            }
            if let nearestBody { return nearestBody }
        }
        var k = n + (according ? 2 : 1)
        let cueBeforeQuote = document.tokens[tokens[n]].span.end <= quote.lowerBound
        // "the ministry condemned Trump's message as “…”": after a verb that takes an object,
        // the name before the quotation is that object, not the speaker.
        if cueBeforeQuote, Self.objectCues.contains(cue.lowercased()) { return nil }
        while k < tokens.count, k - n <= 14 {
            let t = tokens[k]
            if [".", ";", "“", "\""].contains(words[t]) { break }
            // "has called the penalty “unjustified” and accused Washington": who is named after
            // the quotation did not say it.
            if cueBeforeQuote, document.tokens[t].span.start >= quote.upperBound { break }
            // "said in a post on Telegram": a name after a preposition is where or how it was
            // said, not who said it (a person named later may still be the speaker).
            // (The whole name is skipped: "by the Munich Security Conference" is one name, whose
            // second word follows no preposition.)
            if let e = entityAt[t], document.entities[e].type != .person, k > 0,
               Self.prepositions.contains(words[tokens[k - 1]].lowercased()) || (k > 1 && words[tokens[k - 1]].lowercased() == "the" && Self.prepositions.contains(words[tokens[k - 2]].lowercased())) {
                while k < tokens.count, entityAt[tokens[k]] == e { k += 1 }
                continue
            }
            if let e = entityAt[t], [.person, .org, .gpe].contains(document.entities[e].type) {
                // "said Hakan Fidan's spokesman, Oncu Keceli": the spokesman speaks, not the one
                // he speaks for; unnamed, he is nobody the article names.
                var m = k
                while m < tokens.count, entityAt[tokens[m]] == e { m += 1 }
                if m + 1 < tokens.count, ["'s", "’s"].contains(words[tokens[m]]), Self.unnamedPeople.contains(words[tokens[m + 1]].lowercased()) {
                    return tokens[(m + 2)..<min(tokens.count, m + 6)].compactMap { entityAt[$0] }.first { document.entities[$0].type == .person && $0 != e }
                }
                // "said a spokesman for the Congolese government, Patrick Muyaya": the person
                // after the role, not the government inside it.
                if document.entities[e].type != .person, let person = tokens[k..<min(tokens.count, n + 15)].compactMap({ entityAt[$0] }).first(where: { document.entities[$0].type == .person }) {
                    return person
                }
                return e
            }
            if Self.pronouns.contains(words[t]) { return pronounReferent(at: t, words: words, entityAt: entityAt, document: document) }
            if Self.anonymous.contains(words[t].lowercased()) { return nil }
            // "said the French president, Emmanuel Macron": the person the apposition names,
            // not whoever the article called a president before.
            if k + 2 < tokens.count, words[tokens[k + 1]] == ",", let named = entityAt[tokens[k + 2]], document.entities[named].type == .person,
               words[t].startsLowercase {
                return named
            }
            if let e = personWithRole(at: t, words: words, document: document) { return e }
            k += 1
        }
        return nil
    }

    /// Cues that only report words, whoever the clause's "it" is.
    static let sayingVerbs: WordSet = ["said", "says", "added", "adds", "told", "tells", "stated", "wrote", "warned"]
    /// Cues that say something only of the quotation they take as complement, right after them.
    /// ("agreed on Sunday to take “concrete steps”": what was agreed is the complement too.)
    static let complementCues: WordSet = ["rejected", "rejects", "rejecting", "labelled", "labeled", "labelling", "labeling", "termed", "dubbed",
                                          "agreed"]
    /// Cues whose object follows them: a name after them is who or what is spoken of.
    static let objectCues: WordSet = ["condemned", "described", "describes", "called", "calls", "branded", "dismissed", "accused", "accuses",
                                      "welcomed", "hailed", "denounced", "urged", "calling", "describing", "accusing",
                                      "rejected", "rejects", "rejecting", "labelled", "labeled", "labelling", "labeling", "termed", "dubbed"]
    static let auxiliaries: WordSet = ["has", "have", "had", "will", "would", "also", "later", "again", "then", "on", "earlier", "publicly"]

    /// "Tina Salama, a spokeswoman for President Félix Tshisekedi, said": the person named
    /// before an apposition that ends right before the cue, not a person inside it. A body that
    /// opens its sentence speaks the same way: "The National Unity Government, a shadow
    /// administration formed by ousted lawmakers, dismissed the election as a “sham”".
    private func beforeApposition(_ cue: Int, tokens: [Int], words: [String], entityAt: [Int?], document: Document) -> Int? {
        // ("Hikmet Hajiyev, an adviser to President Ilham Aliyev, has said": auxiliaries may
        // stand between the apposition and the cue.)
        var n = cue
        while n >= 1, Self.auxiliaries.contains(words[tokens[n - 1]].lowercased()) { n -= 1 }
        guard n >= 4, words[tokens[n - 1]] == "," else { return nil }
        var c = n - 2
        while c > 0, n - c <= 16, words[tokens[c]] != ",", ![";", ".", "“", "”", "\""].contains(words[tokens[c]]) { c -= 1 }
        guard c > 0, c < n - 2, words[tokens[c]] == "," else { return nil }
        // "Robin Cook, who chaired the talks with his French counterpart, Hubert Vedrine, said":
        // a name set off just before the cue closes a relative clause about the person named
        // before it, who speaks.
        if let inner = entityAt[tokens[c + 1]], (c + 1..<(n - 1)).allSatisfy({ entityAt[tokens[$0]] == inner }) {
            var c2 = c - 1
            while c2 > 0, c - c2 <= 16, words[tokens[c2]] != ",", ![";", ".", "“", "”", "\""].contains(words[tokens[c2]]) { c2 -= 1 }
            if c2 > 0, words[tokens[c2]] == ",", ["who", "whose"].contains(words[tokens[c2 + 1]].lowercased()),
               let outer = entityAt[tokens[c2 - 1]], outer != inner, document.entities[outer].type == .person {
                return outer
            }
        }
        // ("The Rapid Support Forces (RSF), the paramilitary group…, said": the name before the
        // short form in brackets.)
        var end = c - 1
        if words[tokens[end]] == ")", let open = (max(0, end - 4)..<end).last(where: { words[tokens[$0]] == "(" }), open > 0 { end = open - 1 }
        guard var named = entityAt[tokens[end]] else { return nil }
        switch document.entities[named].type {
        case .person: break
        case .org, .gpe:
            // (Only a body that opens the sentence: "the talks, which Qatar hosted, …" is not Qatar's.)
            var first = end
            while first > 0, entityAt[tokens[first - 1]] == named { first -= 1 }
            var opensSentence = first == 0 || (first == 1 && words[tokens[0]].lowercased() == "the")
            // ("Brazil, Colombia and Mexico, whose governments…, urged": states listed from the
            // sentence's start speak together; the first is named for them.)
            if !opensSentence, first >= 2, let list = listOpeningTheSentence(before: first, tokens: tokens, words: words, entityAt: entityAt, document: document) {
                opensSentence = true
                named = list
            }
            guard opensSentence, Self.appositionOpeners.contains(words[tokens[c + 1]].lowercased()) else { return nil }
        default: return nil
        }
        // The apposition opens with a lower-case word ("a spokeswoman", "who signed", "the
        // envoy") or a possessor ("Putin's spokesman").
        let opening = c + 1
        let first = words[tokens[opening]]
        let possessor = entityAt[tokens[opening]] != nil && (opening + 1..<n - 1).contains { ["'s", "’s"].contains(words[tokens[$0]]) }
        guard first.startsLowercase || possessor else { return nil }
        return named
    }

    /// Words that open an apposition after a body's name: "the RSF, the paramilitary group…",
    /// "Mexico, whose government…".
    static let appositionOpeners: WordSet = ["a", "an", "the", "whose", "which", "who"]

    /// The first of the bodies or states listed from the start of the sentence up to the one that
    /// starts at token position `last` ("Brazil, Colombia and Mexico"), or nil when anything else
    /// comes before it.
    private func listOpeningTheSentence(before last: Int, tokens: [Int], words: [String], entityAt: [Int?], document: Document) -> Int? {
        var k = last - 1
        guard [",", "and"].contains(words[tokens[k]]) else { return nil }
        while k >= 0 {
            if [",", "and"].contains(words[tokens[k]]) { k -= 1; continue }
            guard let e = entityAt[tokens[k]], [.org, .gpe].contains(document.entities[e].type) else { return nil }
            while k > 0, entityAt[tokens[k - 1]] == e { k -= 1 }
            if k == 0 { return e }
            k -= 1
        }
        return nil
    }

    /// "The committee authorised … what it called “corresponding actions”": "it" before the
    /// cue is the nearest body or state named before it in the sentence.
    private func bodyCalledIt(_ n: Int, tokens: [Int], words: [String], entityAt: [Int?], document: Document) -> Int? {
        guard n >= 1, let it = [n - 1, n - 2].first(where: { $0 >= 0 && words[tokens[$0]].lowercased() == "it" }),
              it == n - 1 || Self.auxiliaries.contains(words[tokens[n - 1]].lowercased()) else { return nil }
        // ("Algeria's foreign ministry said it had put off sending an envoy to Burkina Faso, and
        // it rejected …": the body the sentence opens with, before the nearest one.)
        if it > 0, let opening = clauseBody(tokens[0..<it], words: words, entityAt: entityAt, document: document) { return opening }
        for k in stride(from: it - 1, through: 0, by: -1) {
            if let e = entityAt[tokens[k]], [.org, .gpe].contains(document.entities[e].type) { return e }
        }
        // "Ukraine's General Staff said its forces had hit the terminal. “…,” it said": with no
        // body before it in its own sentence, "it" is the body or state that opens the sentence
        // before.
        return openingBody(before: tokens[it], words: words, entityAt: entityAt, document: document)
    }

    /// The body or state that opens (within its first eight tokens, before any person) the
    /// sentence before the one holding token `t`; for "Ukraine's General Staff", the body the
    /// state owns.
    private func openingBody(before t: Int, words: [String], entityAt: [Int?], document: Document, depth: Int = 0) -> Int? {
        let offset = document.tokens[t].span.start
        guard let s = document.sentences.lastIndex(where: { $0.span.start <= offset }), s > 0 else { return nil }
        let previous = document.sentences[s - 1].span
        var first = 0, last = document.tokens.count
        while first < last {
            let middle = (first + last) / 2
            if document.tokens[middle].span.start < previous.start { first = middle + 1 } else { last = middle }
        }
        // ("Russia's defence ministry confirmed the attacks. It said … It called the strikes
        // “terrorist attacks”": a sentence that opens with "it" hands on the body before it.)
        if first < document.tokens.count, words[first].lowercased() == "it", depth < 3 {
            return openingBody(before: first, words: words, entityAt: entityAt, document: document, depth: depth + 1)
        }
        var k = first
        while k < document.tokens.count, k - first < 8, document.tokens[k].span.end <= previous.end {
            guard let e = entityAt[k] else { k += 1; continue }
            switch document.entities[e].type {
            case .person: return nil
            case .org, .gpe:
                var end = k
                while end < document.tokens.count, entityAt[end] == e { end += 1 }
                if end + 1 < document.tokens.count, ["'s", "’s"].contains(words[end]), let owned = entityAt[end + 1],
                   document.entities[owned].type == .org { return owned }
                return e
            default: k += 1
            }
        }
        return nil
    }

    /// "… and said", "… but later told": the position of the "and" or "but" right before the
    /// cue at `n`, with at most one lower-case word (an adverb) between them.
    private func conjunction(before n: Int, tokens: [Int], words: [String], entityAt: [Int?]) -> Int? {
        for c in [n - 1, n - 2] where c >= 0 && ["and", "but"].contains(words[tokens[c]].lowercased()) {
            if c == n - 2 {
                let between = words[tokens[n - 1]]
                guard between.startsLowercase, entityAt[tokens[n - 1]] == nil, !Self.pronouns.contains(between) else { return nil }
            }
            return c
        }
        return nil
    }

    /// The subject of a clause: among its first eight words and before any speech verb, the
    /// first person named, or the person a pronoun or a role word ("the envoy") stands for.
    private func clauseSubject(_ clause: ArraySlice<Int>, words: [String], entityAt: [Int?], document: Document, reach: Int = 8) -> Int? {
        // Words inside a quotation that opens the clause are the quote's, not the clause's.
        var inside = false
        var counted = 0
        for t in clause {
            let word = words[t]
            if word == "“" || word == "”" || word == "\"" {
                inside = word == "“" ? true : word == "”" ? false : !inside
                continue
            }
            if inside { continue }
            counted += 1
            if counted > reach { break }
            if let e = entityAt[t] {
                if document.entities[e].type == .person { return e }
                continue
            }
            if Self.pronouns.contains(words[t]) { return pronounReferent(at: t, words: words, entityAt: entityAt, document: document) }
            // ("Defence Minister Khawaja Asif went further, saying…": a title before a name is that
            // name's, not the last holder of a like title.)
            if titleBeforeName(t, words: words, entityAt: entityAt, document: document) { counted -= 1; continue }
            if let e = personWithRole(at: t, words: words, document: document) { return e }
            if Self.cues.contains(words[t].lowercased()) { return nil }
        }
        return nil
    }

    /// Whether token `t` is a capitalised word of a title that a person's name follows at once
    /// ("Minister" in "Defence Minister Khawaja Asif").
    private func titleBeforeName(_ t: Int, words: [String], entityAt: [Int?], document: Document) -> Bool {
        guard words[t].startsUppercase else { return false }
        var k = t + 1
        while k < words.count, k - t <= 3 {
            if let e = entityAt[k] { return document.entities[e].type == .person }
            guard words[k].startsUppercase else { return false }
            k += 1
        }
        return false
    }

    /// The body or state a clause opens with, before its first lower-case verb: "Hamas" in
    /// "Hamas rejected the resolution", "Sudan" in "Sudan's army-led government cut…".
    private func clauseBody(_ clause: ArraySlice<Int>, words: [String], entityAt: [Int?], document: Document) -> Int? {
        var clause = clause
        // "In a joint statement, its Atomic Energy Organization …": an opening phrase closed by a
        // comma is not the subject.
        if let first = clause.first, Self.openingPrepositions.contains(words[first].lowercased()),
           let comma = clause.prefix(12).first(where: { words[$0] == "," }) {
            clause = clause[(clause.index(after: clause.firstIndex(of: comma)!))...]
        }
        // ("The foreign ministry accused Belgium of … what it said was “…”": a body noun that
        // opens the clause is the state or body it stood for before, not the object after it.)
        if let first = clause.first, words[first].lowercased() == "the",
           let noun = clause.dropFirst().prefix(2).first(where: { Self.bodyNouns.contains(words[$0].lowercased()) }),
           clause[clause.index(after: clause.startIndex)..<clause.firstIndex(of: noun)!].allSatisfy({ entityAt[$0] == nil && words[$0].startsLowercase }) {
            return bodyNamedBefore(noun, words: words, entityAt: entityAt, document: document)
                ?? openingBody(before: first, words: words, entityAt: entityAt, document: document)
        }
        for (n, t) in clause.prefix(8).enumerated() {
            if let e = entityAt[t] {
                // ("the Indian army reported …": a nationality before a body noun is its state.)
                if document.entities[e].type == .norp, t + 1 < words.count, Self.bodyNouns.contains(words[t + 1].lowercased()),
                   let country = document.entities[e].refersTo {
                    return document.entities.firstIndex { $0.type == .gpe && $0.name == country }
                }
                return [.org, .gpe].contains(document.entities[e].type) ? e : nil
            }
            if Self.prepositions.contains(words[t].lowercased()) { return nil }
            // ("The rebels pulled out on Monday, saying…": the group the text called so before.)
            if n == 1, words[clause.first!].lowercased() == "the", let group = describedGroup(at: t, words: words, entityAt: entityAt, document: document) {
                return group
            }
        }
        return nil
    }

    /// The body the text called before by the group word at token `t` ("rebels", "group",
    /// "militia"…): see ``GroupReference``.
    private func describedGroup(at t: Int, words: [String], entityAt: [Int?], document: Document) -> Int? {
        guard let family = GroupReference.descriptors[words[t].lowercased()] else { return nil }
        return GroupReference.lastDescribed(family, before: t, lower: { Word(words[$0].lowercased()) }, entityAt: entityAt, document: document)
    }

    /// The person a pronoun at `offset` stands for: the first person named in the sentence
    /// of the pronoun (before it), else in the nearest earlier sentence that names one —
    /// the subject of a sentence comes first more often than not ("Kirill Dmitriev, … Putin's
    /// envoy, was upbeat. He called…" is Dmitriev). A person named after a preposition
    /// ("seated beside NATO Secretary General Mark Rutte, President Donald Trump gave…",
    /// "his relationship with Trump") is not the subject: such a person is chosen only when the
    /// sentences before name nobody else.
    private func lastPerson(before offset: Int, words: [String], document: Document) -> Int? {
        var firstInSentence: [Int: (entity: Int, start: Int)] = [:]
        var firstOblique: [Int: (entity: Int, start: Int)] = [:]
        for (e, entity) in document.entities.enumerated() where entity.type == .person {
            for mention in entity.mentions where mention.span.end <= offset {
                guard let s = document.sentences.lastIndex(where: { $0.span.start <= mention.span.start }) else { continue }
                if afterPreposition(mention.span.start, sentenceStart: document.sentences[s].span.start, words: words, document: document) {
                    if firstOblique[s] == nil || mention.span.start < firstOblique[s]!.start { firstOblique[s] = (e, mention.span.start) }
                } else if firstInSentence[s] == nil || mention.span.start < firstInSentence[s]!.start {
                    firstInSentence[s] = (e, mention.span.start)
                }
            }
        }
        if let latest = firstInSentence.keys.max() { return firstInSentence[latest]!.entity }
        guard let latest = firstOblique.keys.max() else { return nil }
        return firstOblique[latest]!.entity
    }

    /// Offices one person holds at a time, which stand for that person when the text names no
    /// one with the title: "the president said", "Iran's supreme leader said".
    static let officeHolders: WordSet = ["president", "leader", "premier", "chancellor", "king", "emir", "pope", "ayatollah"]

    /// Prepositions that make a person named after them the complement of a phrase, not a subject.
    static let obliquePrepositions: WordSet = ["with", "beside", "alongside", "by", "to", "from", "for", "against", "about", "of",
                                               "between", "among", "toward", "towards", "under", "behind", "without", "at", "on", "in"]

    /// Whether the name starting at `offset` follows a preposition, over the capitalised and
    /// title words written between them ("beside NATO Secretary General Mark Rutte").
    private func afterPreposition(_ offset: Int, sentenceStart: Int, words: [String], document: Document) -> Bool {
        // The first token at or after `offset` (tokens are in text order).
        var low = 0, high = document.tokens.count
        while low < high {
            let middle = (low + high) / 2
            if document.tokens[middle].span.start < offset { low = middle + 1 } else { high = middle }
        }
        guard low < document.tokens.count else { return false }
        var t = low
        var stepped = 0
        while t > 0, document.tokens[t - 1].span.start >= sentenceStart, stepped < 6 {
            t -= 1
            stepped += 1
            let word = words[t]
            // ("Secretary of State Marco Rubio": an "of" between title words is the title's.)
            if word == "of", t > 0, words[t - 1].startsUppercase, document.tokens[t - 1].span.start >= sentenceStart { continue }
            if Self.obliquePrepositions.contains(word.lowercased()) { return word.startsLowercase }
            guard word.startsUppercase || ["the", "'s", "’s"].contains(word.lowercased()) else { return false }
        }
        return false
    }

    /// Words for a government's or a body's offices: "the ministry said".
    static let bodyNouns: WordSet = ["ministry", "government", "office", "army", "cabinet", "presidency", "embassy", "military", "secretariat", "mission",
                                     "service", "statement"]
    /// Documents a body issues, which speak for it ("“…,” the statement adds").
    static let documentNouns: WordSet = ["statement", "communique", "communiqué", "declaration", "resolution"]
    /// A state's offices abroad: the city they sit in does not speak for them.
    static let missionNouns: WordSet = ["embassy", "mission", "consulate", "delegation"]
    /// Nouns for an organisation that names none ("the charity said").
    static let organisationNouns: WordSet = ["charity", "company", "firm", "agency", "organisation", "organization", "alliance", "bloc"]

    /// "Qatar's foreign ministry said … “…,” the ministry said": a body noun after "the" stands
    /// for the country or body last named with that noun ("Qatar's … ministry", "the Israeli
    /// government").
    private func bodyNamedBefore(_ t: Int, words: [String], entityAt: [Int?], document: Document) -> Int? {
        let noun = words[t].lowercased()
        // "Relief International, which ran the clinic, … “…,” the charity said": a noun for an
        // organisation after "the" is the organisation named last.
        if Self.organisationNouns.contains(noun), t >= 1, words[t - 1].lowercased() == "the" {
            return stride(from: t - 2, through: max(0, t - 80), by: -1).lazy.compactMap { entityAt[$0] }
                .first { document.entities[$0].type == .org }
        }
        guard Self.bodyNouns.contains(noun), t >= 1 else { return nil }
        // "Saudi Arabia rejected the plan. … its foreign ministry said": "its" is the country or
        // body named last before it.
        if (max(0, t - 3)..<t).contains(where: { words[$0].lowercased() == "its" }) {
            return stride(from: t - 1, through: max(0, t - 80), by: -1).lazy.compactMap { entityAt[$0] }
                .first { [.gpe, .org].contains(document.entities[$0].type) }
        }
        guard (max(0, t - 2)..<t).contains(where: { words[$0].lowercased() == "the" }) else { return nil }
        var k = t - 1
        while k >= 0, t - k < 400 {
            if words[k].lowercased() == noun {
                // "the government of the Democratic Republic of Congo": the owner after "of".
                if k + 1 < words.count, words[k + 1].lowercased() == "of",
                   let owner = (k + 2..<min(words.count, k + 4)).lazy.compactMap({ entityAt[$0] }).first,
                   [.gpe, .org].contains(document.entities[owner].type) {
                    return owner
                }
                // The owner: an entity within three words before the noun, through "'s".
                for j in stride(from: k - 1, through: max(0, k - 4), by: -1) {
                    guard let e = entityAt[j] else { continue }
                    let entity = document.entities[e]
                    switch entity.type {
                    case .gpe, .org: return e
                    case .norp:
                        if let country = entity.refersTo { return document.entities.firstIndex { $0.name == country && $0.type == .gpe } }
                        return nil
                    default: return nil
                    }
                }
            }
            k -= 1
        }
        // "Venezuela's government has answered. … the foreign ministry condemned …": with no
        // earlier owner of the same noun, the state whose government was named last.
        guard ["ministry", "government"].contains(noun), noun == "government" || (t >= 1 && words[t - 1].lowercased() == "foreign") else { return nil }
        var j = t - 1
        while j >= 0, t - j <= 600 {
            defer { j -= 1 }
            guard ["government", "ministry"].contains(words[j].lowercased()) else { continue }
            for o in stride(from: j - 1, through: max(0, j - 4), by: -1) {
                guard let e = entityAt[o] else { continue }
                if document.entities[e].type == .gpe { return e }
                if document.entities[e].type == .norp, let country = document.entities[e].refersTo {
                    return document.entities.firstIndex { $0.name == country && $0.type == .gpe }
                }
                break
            }
        }
        return nil
    }

    /// People who are not named: "An M23 delegate told reporters … “…,” he said" quotes
    /// nobody the article names.
    static let unnamedPeople: WordSet = ["delegate", "official", "spokesman", "spokeswoman", "spokesperson", "diplomat", "source",
                                             "aide", "negotiator", "commander", "witness", "resident", "lawmaker", "member", "officer",
                                             "analyst", "adviser", "advisor", "envoy", "minister", "representative"]

    /// The person a pronoun at token `t` stands for, or nil when the sentence it refers back
    /// to has an unnamed person for its subject ("An M23 delegate told reporters…").
    private func pronounReferent(at t: Int, words: [String], entityAt: [Int?], document: Document, depth: Int = 0) -> Int? {
        let offset = document.tokens[t].span.start
        if let s = document.sentences.lastIndex(where: { $0.span.start <= offset }) {
            // The pronoun's own sentence when something precedes it there, else the one before.
            let own = document.sentences[s].span
            let ownTokens = document.tokens.indices.filter { document.tokens[$0].span.start >= own.start && document.tokens[$0].span.end <= offset }
            let hasPersonBefore = ownTokens.contains { entityAt[$0].map { document.entities[$0].type == .person } == true }
            if !hasPersonBefore, s > 0 {
                let previous = document.sentences[s - 1].span
                let inPrevious = document.tokens.indices.filter { document.tokens[$0].span.start >= previous.start && document.tokens[$0].span.end <= previous.end }
                let opening = inPrevious.prefix(5)
                if let article = opening.first, ["a", "an"].contains(words[article].lowercased()),
                   opening.dropFirst().contains(where: { Self.unnamedPeople.contains(words[$0].lowercased()) }),
                   !inPrevious.contains(where: { entityAt[$0].map { document.entities[$0].type == .person } == true }) {
                    return nil
                }
            }
            // "He pointed to the 2015 deal, which Trump abandoned. “…,” he said": a sentence
            // before that opens with the same pronoun hands it on; its referent is this one's, not
            // the person it names after the pronoun.
            if !hasPersonBefore, depth < 4, ["he", "she"].contains(words[t].lowercased()),
               let earlier = openingPronoun(before: s, matching: words[t].lowercased(), words: words, entityAt: entityAt, document: document) {
                return pronounReferent(at: earlier, words: words, entityAt: entityAt, document: document, depth: depth + 1)
            }
            // "Hegseth ordered the carrier into the area, the Pentagon's spokesman, Sean Parnell,
            // said on Friday. “…,” he said": the person whose words the sentence before ends by
            // reporting speaks on, not the first person it names.
            if !hasPersonBefore, s > 0, ["he", "she"].contains(words[t].lowercased()),
               let reporter = closingReporter(of: s - 1, words: words, entityAt: entityAt, document: document) {
                return reporter
            }
        }
        return lastPerson(before: offset, words: words, document: document)
    }

    /// The person a sentence's closing attribution names: ", the spokesman, Sean Parnell, said
    /// on Friday." or ", said Sean Parnell." — a saying verb among its last five words, with
    /// a person right before it (commas and auxiliaries aside) or right after it.
    private func closingReporter(of s: Int, words: [String], entityAt: [Int?], document: Document) -> Int? {
        let span = document.sentences[s].span
        let inSentence = document.tokens.indices.filter { document.tokens[$0].span.start >= span.start && document.tokens[$0].span.end <= span.end }
        // (Not a quotation's own cue: "“…,” he said." ends with it too.)
        guard inSentence.count >= 4, !inSentence.contains(where: { ["“", "”", "\""].contains(words[$0]) }) else { return nil }
        func person(_ k: Int) -> Int? { entityAt[k].flatMap { document.entities[$0].type == .person ? $0 : nil } }
        for c in inSentence.suffix(5) where Self.sayingVerbs.contains(words[c].lowercased()) {
            var b = c - 1
            while b >= inSentence.first!, words[b] == "," || Self.auxiliaries.contains(words[b].lowercased()) { b -= 1 }
            if b >= inSentence.first!, let e = person(b) { return e }
            if c + 1 <= inSentence.last!, let e = person(c + 1) { return e }
        }
        return nil
    }

    /// The token of a "he" or "she" (`pronoun`) that opens one of the three sentences before
    /// sentence `s`, when no sentence between names a person: the subject a later pronoun
    /// continues. Nil when a sentence naming a person, or opening with another pronoun, comes first.
    private func openingPronoun(before s: Int, matching pronoun: String, words: [String], entityAt: [Int?], document: Document) -> Int? {
        for earlier in stride(from: s - 1, through: max(0, s - 3), by: -1) {
            let span = document.sentences[earlier].span
            var first = 0, last = document.tokens.count
            while first < last {
                let middle = (first + last) / 2
                if document.tokens[middle].span.start < span.start { first = middle + 1 } else { last = middle }
            }
            guard first < document.tokens.count, document.tokens[first].span.start < span.end else { continue }
            let opening = words[first].lowercased()
            if opening == pronoun { return first }
            if ["he", "she", "they"].contains(opening) { return nil }
            var k = first
            while k < document.tokens.count, document.tokens[k].span.end <= span.end {
                if let e = entityAt[k], document.entities[e].type == .person, document.entities[e].mentions.contains(where: { $0.span.contains(document.tokens[k].span) }) {
                    return nil
                }
                k += 1
            }
        }
        return nil
    }

    /// The person a role word at token `t` stands for ("the foreign minister told reporters"):
    /// among people given a title with that word, those whose title also has the words just
    /// before it ("foreign"), and of those the one named last before it.
    private func personWithRole(at t: Int, words: [String], document: Document) -> Int? {
        let head = words[t].lowercased()
        // ("Ukraine's foreign ministry said": a word for a body is the body, whatever title of
        // someone's it ends.)
        guard head.count > 3, !Self.pronouns.contains(words[t]), !Self.bodyNouns.contains(head) else { return nil }
        var modifiers: [String] = []
        var k = t - 1
        while k >= 0, t - k <= 2, words[k].startsLowercase, !["the", "a", "an", "his", "her", "its", "their"].contains(words[k].lowercased()) {
            modifiers.append(words[k].lowercased())
            k -= 1
        }
        let offset = document.tokens[t].span.start
        // The word must head the title, not qualify it: "minister" in "Iranian Foreign Minister"
        // and "head" in "head of the fund", but not "foreign" ("the foreign ministry said").
        func heads(_ title: [Substring]) -> Bool {
            // ("state" is no head of "Secretary of State": a word after "of" is the complement.)
            title.indices.contains { i in title[i] == head && (i == title.count - 1 || ["of", "for", "to", "at", "in", "on"].contains(title[i + 1]))
                && !title[..<i].contains { $0 == "of" || $0 == "for" } }
        }
        let holders = document.entities.indices.filter { e in
            document.entities[e].type == .person && document.entities[e].roles.contains { heads($0.title.lowercased().split(separator: " ")) }
        }
        guard !holders.isEmpty else { return nil }
        let fitting = holders.filter { e in
            document.entities[e].roles.contains { role in
                let title = role.title.lowercased().split(separator: " ").map(String.init)
                return title.contains(head) && modifiers.allSatisfy(title.contains)
            }
        }
        let lastMention = { (e: Int) in document.entities[e].mentions.filter { $0.span.end <= offset }.map(\.span.start).max() ?? -1 }
        // "“…,” the Ukrainian president told the leaders": a nationality before the word names
        // the holder's state; with no holder of that state's title, the role is nobody's here
        // (not the one "President Donald Trump" of the article).
        if t >= 1, words[t - 1].startsUppercase,
           let nationality = document.entities.first(where: { entity in
               entity.type == .norp && entity.mentions.contains { $0.span == document.tokens[t - 1].span }
           }) {
            let country = nationality.refersTo
            let ofThatState = holders.filter { e in
                let holder = document.entities[e]
                return (country != nil && holder.affiliation == country)
                    || holder.roles.contains { $0.title.lowercased().split(separator: " ").contains(Substring(words[t - 1].lowercased())) }
            }
            return ofThatState.max { lastMention($0) < lastMention($1) }
        }
        // "India's army chief warned": a possessor before the words names the holder's state or
        // body; with no holder of its title, the role is nobody's the text has named before (not
        // Pakistan's army chief, named earlier).
        if k >= 1, ["'s", "’s"].contains(words[k]),
           let owner = document.entities.first(where: { entity in
               [.gpe, .org].contains(entity.type) && entity.mentions.contains { $0.span.end == document.tokens[k - 1].span.end }
           }) {
            // (A title names the owner when it holds one of its spellings as whole words: "U.S.
            // Army chief", not "Russian".)
            func wordsOf(_ text: String) -> [Substring] { text.lowercased().split { !$0.isLetter && $0 != "." } }
            let spellings = Set([owner.name] + owner.mentions.map { document.text.slice($0.span) }).map(wordsOf)
            let ofThatOwner = holders.filter { e in
                let holder = document.entities[e]
                return holder.affiliation == owner.name || holder.roles.contains { role in
                    let title = wordsOf(role.title)
                    return spellings.contains { spelling in
                        !spelling.isEmpty && title.count >= spelling.count
                            && (0...(title.count - spelling.count)).contains { Array(title[$0..<($0 + spelling.count)]) == spelling }
                    }
                }
            }
            return ofThatOwner.max { lastMention($0) < lastMention($1) }
        }
        let pool = fitting.isEmpty ? holders : fitting
        return pool.max { lastMention($0) < lastMention($1) }
    }

    /// "spokesman" → the person whose role ends with that word.
    private func entityWithRole(_ word: String, document: Document) -> Int? {
        let lower = word.lowercased()
        guard lower.count > 3, !Self.pronouns.contains(word) else { return nil }
        return document.entities.firstIndex { entity in
            entity.type == .person && entity.roles.contains { role in
                role.title.lowercased().split(separator: " ").contains { $0 == lower }
            }
        }
    }
}
