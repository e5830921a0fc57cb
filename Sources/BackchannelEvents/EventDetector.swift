import BackchannelCore
import Foundation

/// The event stage: reads who did what to whom, when and where, sentence by sentence.
///
/// A trigger word (``TriggerLexicon``) gives the type; the actor is the entity that is the
/// subject of the trigger's clause (the nearest person, body or country before it), the
/// target the first one after it; the place is a place named after "in", "at", "near"; the
/// date and amounts are the sentence's; casualties are read from "killed N" / "N people
/// were killed"; the modality from negation, future and conditional words and from
/// reporting verbs. Quotes that are acts become events too: a quoted "must" or "has to"
/// is a DEMAND by the speaker, a quoted threat a THREATEN.
///
/// A learned classifier (``EventTypeModel``) then checks each sentence's types: a rule's event
/// whose type it finds very unlikely there is dropped, and a type it finds very likely that no
/// rule found is added when the rules' subject finder gives it an actor. Last, four learned
/// models revise what the rules gave each event, each taking the rules' answer as one of its
/// features: its modality (``ModalityModel``), its date (``EventDateModel``), its targets
/// (``EventTargetModel``) and its place (``EventPlaceModel``).
public struct EventDetector: Stage {
    public let name = "events"
    public let requires: Set<Layer> = [.tokens, .sentences, .entities, .dates, .money, .quotes]
    public let provides: Set<Layer> = [.events]

    /// The sentence classifier; nil runs the rules alone.
    public let typeModel: EventTypeModel?
    /// The modality classifier, which revises the rules' modality of each event; nil keeps the
    /// rules' (what `scripts/train_modality.py` trains the model from).
    public let modalityModel: ModalityModel?
    /// The date chooser, which revises the rules' date of each event (after the modality model,
    /// whose answer it reads); nil keeps the rules' (what `scripts/train_event_dates.py` trains
    /// the model from).
    public let dateModel: EventDateModel?
    /// The place chooser, which revises the rules' place of each event; nil keeps the rules'
    /// (what `scripts/train_event_places.py` trains the model from).
    public let placeModel: EventPlaceModel?
    /// The target chooser, which revises the rules' targets of each event; nil keeps the rules'
    /// (what `scripts/train_event_targets.py` trains the model from).
    public let targetModel: EventTargetModel?

    public init(typeModel: EventTypeModel? = .shared, modalityModel: ModalityModel? = .shared, dateModel: EventDateModel? = .shared,
                placeModel: EventPlaceModel? = .shared, targetModel: EventTargetModel? = .shared) {
        self.typeModel = typeModel
        self.modalityModel = modalityModel
        self.dateModel = dateModel
        self.placeModel = placeModel
        self.targetModel = targetModel
        let tables = [modalityModel?.table, dateModel?.scorer.table, placeModel?.scorer.table, targetModel?.scorer.table].compactMap { $0 }
        vocabulary = tables.count > 1 ? SharedVocabulary(tables) : nil
    }

    /// The four revising models' words in one set: each sentence's words are looked up once for all.
    let vocabulary: SharedVocabulary?

    /// A rule's event whose type the classifier gives less than this in its sentence is dropped.
    static let vetoBelow = 0.1
    /// A type the classifier gives at least this, which no rule found in the sentence, is added.
    static let addFrom = 0.6

    public func process(_ document: inout Document) throws(StageError) {
        document.events = detect(in: document)
        document.layers.insert(.events)
    }

    static let placePrepositions: WordSet = ["in", "at", "near", "outside", "inside"]
    /// The "with" that opens ", with Qatar and Egypt mediating", for the word "mediating" at `end`:
    /// only names, "and", "the" and commas between.
    static func mediatorsPhrase(endingAt end: Int, in range: Range<Int>, lower: [Word], entityAt: [Int?]) -> Int? {
        var k = end - 1
        while k > range.lowerBound, end - k <= 12, entityAt[k] != nil || ["and", "the", ","].contains(lower[k]) { k -= 1 }
        guard k >= range.lowerBound, k < end - 1, lower[k] == "with", (k + 1..<end).contains(where: { entityAt[$0] != nil }) else { return nil }
        return k
    }

    /// Whether the "with" at `start` opens a phrase of mediators (", with Oman mediating").
    static func mediatorsPhrase(startingAt start: Int, in range: Range<Int>, lower: [Word], entityAt: [Int?]) -> Bool {
        var k = start + 1
        while k < range.upperBound, k - start <= 12, entityAt[k] != nil || ["and", "the", ","].contains(lower[k]) { k += 1 }
        return k < range.upperBound && k > start + 1 && lower[k] == "mediating"
    }

    /// Acts done to someone, whose possessor is the one they are done to: "Maduro's arrest".
    static let patientNouns: WordSet = ["arrest", "detention", "extradition", "conviction", "prosecution", "abduction", "kidnapping",
                                        "assassination", "expulsion", "deportation"]
    /// Conjunctions that open a clause with a subject of its own: "after Trump and Putin agreed".
    static let subordinators: WordSet = ["after", "before", "when", "since", "until", "once", "because", "while", "if", "unless"]

    /// The name the sentence before token `k` opens with, as its subject: at its first word, or
    /// after "the" and up to three words in lower case ("the North Atlantic Council has …", "the
    /// Israeli military said …"). Nil when the sentence opens otherwise.
    static func openingSubject(before k: Int, lower: [Word], entityAt: [Int?], document: Document) -> Int? {
        guard k > 0, let previous = document.sentences.last(where: { $0.span.start <= document.tokens[k - 1].span.start }) else { return nil }
        var first = k - 1
        while first > 0, document.tokens[first - 1].span.start >= previous.span.start { first -= 1 }
        var t = first
        if lower[t] == "the" { t += 1 }
        while t < k, t - first <= 3, entityAt[t] == nil, lower[t].text.first?.isLowercase == true { t += 1 }
        guard t < k, let e = entityAt[t] else { return nil }
        return e
    }

    /// Whether the clause from token `k` opens with a name ("the" may stand before it) or a
    /// subject pronoun and runs to token `end` without a comma: "after Trump and Putin agreed",
    /// "if it dropped its demand", not "after talks, Kyiv agreed".
    static func startsWithName(_ k: Int, before end: Int, lower: [Word], entityAt: [Int?]) -> Bool {
        let first = k < end && lower[k] == "the" ? k + 1 : k
        guard first < end, entityAt[first] != nil || (first == k && subjectPronouns.contains(lower[first])) else { return false }
        return !(k..<end).contains { lower[$0] == "," }
    }
    /// Words after which a name is what an act is aimed at or where it goes, never who acts:
    /// "a raid on Sanaa killed…", "a strike on the Kyiv region", "drones flew into Poland".
    static let objectPrepositions: WordSet = ["on", "onto", "across", "into", "throughout"]
    /// Words that end the clause a trigger's place is looked for in.
    static let governmentNouns: WordSet = ["ministry", "government", "cabinet", "presidency"]

    /// The tokens of each sentence, in order: those that start before its end and after the
    /// previous sentence's tokens.
    static func tokenRanges(of document: Document) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(document.sentences.count)
        var first = 0
        for sentence in document.sentences {
            var last = first
            while last < document.tokens.count, document.tokens[last].span.start < sentence.span.end { last += 1 }
            ranges.append(first..<last)
            first = last
        }
        return ranges
    }

    /// The classifier's check of each sentence's events: types it finds very unlikely are
    /// dropped, types it finds very likely that no rule found are added, their trigger the word
    /// that speaks most for the type and their actor the rules' subject of that word's clause.
    /// `ranges`: each sentence's tokens (``tokenRanges(of:)``).
    private func checkTypes(_ events: [Event], with model: EventTypeModel, ranges: [Range<Int>], document: Document, words: [String],
                            lower: [Word], entityAt: [Int?]) -> [Event] {
        let tokens = document.tokens
        let scalars = document.text.unicodeScalars
        var result: [Event] = []
        var cursor = scalars.startIndex
        var cursorOffset = 0
        for (sentence, range) in zip(document.sentences, ranges) {
            let here = events.filter { $0.sentence == sentence.span }
            guard !range.isEmpty else { result += here; continue }
            // (Sentences come in text order: the cursor only moves forward.)
            cursor = scalars.index(cursor, offsetBy: max(0, sentence.span.start - cursorOffset))
            cursorOffset = max(cursorOffset, sentence.span.start)
            let end = scalars.index(cursor, offsetBy: sentence.span.end - sentence.span.start)
            let probabilities = model.probabilities(Substring(scalars[cursor..<end]))
            let probability = { (type: Event.Kind) in model.types.firstIndex(of: type).map { probabilities[$0] } }
            // (The model vetoes only what it has evidence on: a trigger word it never saw in
            // training — "arrested" — says nothing against the rule's reading.)
            result += here.filter { event in
                guard (probability(event.type) ?? 1) < Self.vetoBelow else { return true }
                guard let k = range.first(where: { tokens[$0].span.start == event.trigger.start }) else { return false }
                return model.feature(of: lower[k].text) == nil
            }
            // (A name is no trigger: "said Rwanda had violated the ceasefire" is told by
            // "violated", and the subject finder reads the clause before the trigger.) The
            // words' features are looked up once, for the first type to add.
            var sentenceFeatures: [Int?]?
            for (k, type) in model.types.enumerated() where probabilities[k] >= Self.addFrom && !here.contains(where: { $0.type == type }) {
                if sentenceFeatures == nil { sentenceFeatures = range.map { entityAt[$0] == nil ? model.feature(of: lower[$0].text) : nil } }
                guard let position = model.strongest(for: k, among: sentenceFeatures!),
                      case let t = range.lowerBound + position,
                      !document.quotes.contains(where: { $0.span.contains(tokens[t].span) }) else { continue }
                let trigger = TriggerLexicon.Trigger(type: type, mode: nil, confidence: (probabilities[k] * 100).rounded() / 100, length: 1)
                // (An event without an actor is dropped unless a quotation's speaker stands in for it.)
                let speaker = Self.stances.contains(type) ? Self.quoteSpeaker(in: sentence.span, document: document) : nil
                guard var event = build(trigger, at: t..<(t + 1), in: range, sentence: sentence.span, document: document, words: words,
                                        lower: lower, entityAt: entityAt, keepWithoutActors: speaker != nil) else { continue }
                if event.actors.isEmpty, let speaker { event.actors = [speaker] }
                result.append(event)
            }
        }
        // Events whose sentence is none of the document's (none in practice) are kept as they are.
        let spans = Set(document.sentences.map(\.span))
        result += events.filter { !spans.contains($0.sentence) }
        return result
    }

    /// "Ukraine demanded the withdrawal of Russian troops", "Hamas insisted on a full Israeli
    /// withdrawal", "Egypt urged a ceasefire and the exchange of prisoners": an act named in what
    /// a party demands, asks, urges or rejects has not happened, and is not the party's own: it is
    /// the position's issue. The rules read the noun as an act of the sentence's subject; such an
    /// event, standing shortly after the stance's trigger in the same clause with the same
    /// actors, is dropped.
    static func dropWantedActs(_ events: inout [Event], text scalars: [Unicode.Scalar]) {
        guard events.count >= 2 else { return }
        func string(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[max(0, start)..<min(end, scalars.count)])) }
        var drop = Set<Int>()
        for (n, event) in events.enumerated() where wantedActTypes.contains(event.type) {
            // (Only a noun: "calls to withdraw" and "requires Hezbollah to withdraw" say who would act.)
            guard wantedActNouns.contains(string(event.trigger.start, event.trigger.end).lowercased()) else { continue }
            for stance in events where wantingTypes.contains(stance.type) && stance.sentence == event.sentence
                && stance.trigger.end <= event.trigger.start && event.trigger.start - stance.trigger.end <= 60
                && !event.actors.isEmpty && Set(event.actors).isSubset(of: stance.actors) {
                let between = string(stance.trigger.end, event.trigger.start)
                if between.contains(where: { ",;:—–".contains($0) }) || between.split(separator: " ").contains(where: { clauseOpeners.contains(String($0)) }) { continue }
                drop.insert(n)
                break
            }
        }
        guard !drop.isEmpty else { return }
        events = events.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }
    /// "The EU called for the release of the detained journalists", "the occupied
    /// territories", "its seized tankers": a participle after a determiner describes what it
    /// comes before; the deed is no act of the sentence's subject, and the text does not say
    /// whose it was. Such events are dropped.
    static func dropParticiplesBeforeNouns(_ events: inout [Event], text scalars: [Unicode.Scalar]) {
        events.removeAll { event in
            guard event.trigger.end - event.trigger.start > 3, event.trigger.end <= scalars.count,
                  scalars[event.trigger.end - 2] == "e", scalars[event.trigger.end - 1] == "d" else { return false }
            // The word before the trigger.
            var end = event.trigger.start
            while end > 0, scalars[end - 1] == " " { end -= 1 }
            var start = end
            while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
            guard start < end else { return false }
            let before = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
            return participleDeterminers.contains(before)
        }
    }
    static let participleDeterminers: WordSet = ["the", "a", "an", "its", "their", "his", "her", "our", "newly"]

    /// Stances whose object may name an act wanted or refused.
    static let wantingTypes: Set<Event.Kind> = [.demand, .request, .appeal, .reject]
    /// Acts a noun in such an object names: a withdrawal, a release, an exchange, a return.
    static let wantedActTypes: Set<Event.Kind> = [.retreat]
    static let wantedActNouns: WordSet = ["withdrawal", "release", "exchange", "return", "handover", "pullback", "pull-out", "swap", "retreat"]
    /// Words that open another clause, whose acts are its own.
    static let clauseOpeners: WordSet = ["after", "as", "while", "but", "when", "since", "because", "before", "which", "who", "that"]

    /// "“This is a perilous moment,” he said": the speaker the quotation stage found for a
    /// quotation of the sentence — what a pronoun after the quotation stands for, which the
    /// subject finder does not read through the quoted words.
    static func quoteSpeaker(in sentence: TextSpan, document: Document) -> Entity.ID? {
        document.quotes.first { sentence.contains($0.span) && $0.speaker != nil }?.speaker
    }

    /// The state whose government the text named last before token `k`: "Venezuela's
    /// government", "the Congolese government", "the government of the Democratic Republic of
    /// Congo" — what a later "the government" or "the foreign ministry" refers back to.
    private func lastGovernment(before k: Int, lower: [Word], entityAt: [Int?], document: Document) -> Int? {
        var j = k - 1
        while j >= 0, k - j <= 600 {
            defer { j -= 1 }
            guard Self.governmentNouns.contains(lower[j]) else { continue }
            if j + 2 < lower.count, lower[j + 1] == "of",
               let owner = (j + 2..<min(lower.count, j + 4)).lazy.compactMap({ entityAt[$0] }).first,
               document.entities[owner].type == .gpe {
                return owner
            }
            for o in stride(from: j - 1, through: max(0, j - 4), by: -1) {
                guard let e = entityAt[o] else { continue }
                switch document.entities[e].type {
                case .gpe: return e
                case .norp: if let country = countryOf(e, document: document) { return country }
                default: break
                }
                break
            }
        }
        return nil
    }
    static let placeClauseEnds: WordSet = [";", "which", "who", "whose", "while", "whereas", "but"]
    static let relativeWords: WordSet = ["which", "who", "whose", "where"]
    static let negations: WordSet = ["not", "never", "no", "n't", "without", "neither", "nor"]
    static let planned: WordSet = ["will", "expected", "plans", "planned", "plan", "scheduled", "set", "due", "intends", "aims"]
    static let hypothetical: WordSet = ["if", "would", "could", "might", "may", "unless"]
    static let reporting: WordSet = ["said", "says", "told", "reported", "according", "claimed", "alleged"]
    /// Who a speaker says "had" done something when it is himself.
    static let speakerPronouns: WordSet = ["he", "she", "they", "we", "i"]
    /// Pronouns that are subjects, and words after which they are not.
    static let subjectPronouns: WordSet = ["he", "she", "it", "they"]
    static let prepositionsBeforePronoun: WordSet = ["of", "to", "for", "with", "by", "on", "in", "at", "from", "about", "than"]
    static let speechVerbs: WordSet = ["wrote", "writes", "added", "adds", "announced", "insisted", "argued", "warned", "tells", "say", "told"]
    static let clauseBreaks: WordSet = [";", "while", "whereas", "but", ":", "—", "–"]
    static let numberWords: [String: Int] = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                             "eight": 8, "nine": 9, "ten": 10, "dozens": 24, "hundreds": 200]

    func detect(in document: Document) -> [Event] {
        let words = document.wordsOfTokens
        let lower = words.map { Word($0.lowercased()) }
        // Whether any rule can start at each word: one look-up per word, instead of one per rule.
        let active = lower.map { Self.ruleWords.contains($0) }
        let aboutSanctions = Self.aboutSanctions(lower)
        let tokens = document.tokens
        var entityAt = [Int?](repeating: nil, count: tokens.count)
        let mentions = document.entities.enumerated().flatMap { e, entity in entity.mentions.map { (e, $0.span) } }.sorted { $0.1 < $1.1 }
        var k = 0
        for (e, span) in mentions {
            while k < tokens.count, tokens[k].span.end <= span.start { k += 1 }
            var t = k
            // (A name inside a word — "Turkish-made" — gives the word no entity: the drones are not Turkey's act.)
            while t < tokens.count, tokens[t].span.start < span.end {
                if tokens[t].span.end <= span.end { entityAt[t] = e }
                t += 1
            }
        }
        var events: [Event] = []
        let ranges = Self.tokenRanges(of: document)
        for (sentence, range) in zip(document.sentences, ranges) {
            guard !range.isEmpty else { continue }
            var seen = Set<DeedKey>()
            let eventsBefore = events.count
            let inHeading = document.blocks.contains { $0.kind == .heading && $0.span.contains(sentence.span) }
            defer {
                // "Britain announced a £450 million package": the announcement is the act it
                // announces, not a statement besides it.
                let acts = events[eventsBefore...].filter { $0.type != .statement }
                if !acts.isEmpty, acts.count < events.count - eventsBefore {
                    events.removeSubrange(eventsBefore...)
                    events += acts
                }
                // A sentence that reports a statement and no other act is a STATEMENT.
                // ("He said…": the pronoun may stand for the actor of the event before, as in a deed.)
                let previousActor = events.last?.actors.first.flatMap { id in document.entities.firstIndex { $0.id == id } }
                if events.count == eventsBefore, let statement = self.statement(in: range, sentence: sentence.span, document: document,
                                                                                  words: words, lower: lower, entityAt: entityAt,
                                                                                  previousActor: previousActor) {
                    events.append(statement)
                }
            }
            var i = range.lowerBound
            while i < range.upperBound {
                guard active[i] else { i += 1; continue }
                let trigger = self.trigger(at: i, in: range, sentence: sentence.span, document: document, lower: lower, entityAt: entityAt,
                                           aboutSanctions: aboutSanctions)
                // Inside a quotation a word is the speaker's, not the writer's report.
                guard let found = trigger, !inQuote(tokens[i].span, document: document) else { i += 1; continue }
                let triggerTokens = i..<(i + found.length)
                let previousActor = events.last?.actors.first.flatMap { id in document.entities.firstIndex { $0.id == id } }
                let event = build(found, at: triggerTokens, in: range, sentence: sentence.span, document: document,
                                  words: words, lower: lower, entityAt: entityAt, previousActor: previousActor,
                                  earlier: events.suffix(12))
                // One deed per type and actors in a sentence: "a Russian missile attack on Kyiv killed
                // 31 people" is one FIGHT; a later trigger only fills in a target or place it lacked.
                let key = DeedKey(type: event.type, actors: event.actors)
                // A deed with its dead counted is reported even when no one is named as its author,
                // and so is one in a sub-heading ("Talks open in Geneva"), which names the event
                // the entry under it tells.
                // Fighting is news without its author: "drones hit the port", "the war has killed
                // tens of thousands".
                // (A verb tells the deed; a noun — "the strikes came a week after…", "before the
                // offensive" — mostly refers back to one told already.)
                // People freed are news without who freed them: "20 hostages were released",
                // "the rebels released 20 hostages".
                let freedPeople = event.type == .retreat && Self.releaseVerbs.contains(lower[i])
                    && (max(range.lowerBound, i - 4)..<min(range.upperBound, i + 5)).contains { TriggerLexicon.people.contains(lower[$0]) }
                let authorless = Self.authorlessTypes.contains(event.type) && event.confidence >= 0.45 && !Self.referringFightNouns.contains(lower[i])
                    || freedPeople
                if !event.actors.isEmpty || event.confidence >= 0.7 || event.casualties?.killed != nil || inHeading || authorless {
                    if seen.insert(key).inserted {
                        events.append(event)
                    } else if let same = events[eventsBefore...].lastIndex(where: { $0.type == event.type && $0.actors == event.actors }) {
                        if events[same].targets.isEmpty { events[same].targets = event.targets }
                        if events[same].place == nil { events[same].place = event.place }
                    }
                }
                i += found.length
            }
        }
        // A quotation that is an act is what its speaker's statement was.
        let acts = quoteActs(document: document, entityAt: entityAt, words: words, lower: lower)
        events.removeAll { event in
            event.type == .statement && acts.contains { $0.sentence == event.sentence && $0.actors.contains(where: event.actors.contains) }
        }
        events += acts
        if let typeModel {
            events = checkTypes(events, with: typeModel, ranges: ranges, document: document, words: words, lower: lower, entityAt: entityAt)
        }
        // A statement that reports an act is that act, not a STATEMENT besides it (the corpus
        // convention): once the quotations' acts and the type check have added theirs, a sentence
        // with any other event keeps no STATEMENT.
        let withActs = Set(events.lazy.filter { $0.type != .statement }.map(\.sentence))
        events.removeAll { $0.type == .statement && withActs.contains($0.sentence) }
        // (The text's scalars, found once for the filters below and the four revising models.)
        let text = events.isEmpty ? [] : Array(document.text.unicodeScalars)
        Self.dropWantedActs(&events, text: text)
        Self.dropParticiplesBeforeNouns(&events, text: text)
        events.sort { ($0.sentence.start, $0.trigger.start) < ($1.sentence.start, $1.trigger.start) }
        if !events.isEmpty, modalityModel != nil || dateModel != nil || placeModel != nil || targetModel != nil {
            // (All four read the words around each trigger: the text's scalars and each sentence's words are found once.)
            let words = SentenceWords.ofSentences(of: events, text: text, vocabulary: vocabulary)
            if let modalityModel { events = modalityModel.revise(events, in: document, text: text, words: words) }
            if let dateModel { events = dateModel.revise(events, in: document, text: text, words: words) }
            // (In this order, each reads what the one before revised, as its trainer read it in
            // `extract`'s output: the date model the modality, the place model the targets.)
            if let targetModel { events = targetModel.revise(events, in: document, words: words) }
            if let placeModel { events = placeModel.revise(events, in: document, words: words) }
        }
        carryAttackers(&events, document: document)
        Self.nameTheCharges(&events, ranges: ranges, document: document, lower: lower)
        for n in events.indices { events[n].id = Event.ID(rawValue: "V\(n + 1)") }
        return events
    }

    /// How many sentences back an attack's author may be found.
    static let attackerReach = 2

    /// "Israel struck Beirut overnight. The strike hit the upper floors of a building": an attack
    /// told without its author is by the author of the attack told just before, a sentence or
    /// two back, unless that author is what it hit. (On the development articles about seven
    /// in ten of the authors so found are the annotated ones; the event's confidence says that
    /// its author was read from the sentences before.)
    private func carryAttackers(_ events: inout [Event], document: Document) {
        guard events.contains(where: { Self.authorlessTypes.contains($0.type) && $0.actors.isEmpty }) else { return }
        let sentenceIndex = Self.sentenceIndex(of: document)
        var last: (actors: [Entity.ID], sentence: Int)?
        for n in events.indices where Self.authorlessTypes.contains(events[n].type) {
            guard let here = sentenceIndex[events[n].sentence.start] else { continue }
            if !events[n].actors.isEmpty {
                last = (events[n].actors, here)
            } else if let last, here - last.sentence <= Self.attackerReach, !last.actors.contains(where: events[n].targets.contains) {
                events[n].actors = last.actors
                events[n].confidence = (events[n].confidence * 0.8 * 100).rounded() / 100
            }
        }
    }

    /// Each sentence's position in the document, by the offset it starts at: how far apart two
    /// events' sentences are.
    static func sentenceIndex(of document: Document) -> [Int: Int] {
        var index: [Int: Int] = [:]
        for (n, sentence) in document.sentences.enumerated() { index[sentence.span.start] = n }
        return index
    }

    static let releaseVerbs: WordSet = ["released", "freed", "releases", "frees", "release", "free", "handed", "returned", "exchanged", "swapped"]

    /// Deeds reported even when the sentence names no one who did them.
    static let authorlessTypes: Set<Event.Kind> = [.fight, .assault]
    /// Nouns for fighting, which mostly refer back to a deed told already.
    /// ("The fighting has not let up": fighting that goes on is news, not a reference.)
    static let referringFightNouns: WordSet = ["strikes", "strike", "attacks", "attack", "offensive", "killing", "shelling", "bombing",
                                               "assault", "war", "killings"]

    /// One deed per type and actors in a sentence.
    struct DeedKey: Hashable {
        var type: Event.Kind
        var actors: [Entity.ID]
    }

    private func inQuote(_ span: TextSpan, document: Document) -> Bool {
        document.quotes.contains { $0.span.contains(span) }
    }

    private func build(_ trigger: TriggerLexicon.Trigger, at triggerTokens: Range<Int>, in range: Range<Int>, sentence: TextSpan,
                       document: Document, words: [String], lower: [Word], entityAt: [Int?], previousActor: Int? = nil,
                       earlier: ArraySlice<Event> = []) -> Event {
        build(trigger, at: triggerTokens, in: range, sentence: sentence, document: document, words: words, lower: lower, entityAt: entityAt,
              previousActor: previousActor, earlier: earlier, keepWithoutActors: true)!
    }

    /// The event a trigger tells, or nil when it has no actor and `keepWithoutActors` is false:
    /// a caller that drops such events anyway (the type check's additions, the statements) is
    /// spared the place, date, modality and position of each.
    private func build(_ trigger: TriggerLexicon.Trigger, at triggerTokens: Range<Int>, in range: Range<Int>, sentence: TextSpan,
                       document: Document, words: [String], lower: [Word], entityAt: [Int?], previousActor: Int? = nil,
                       earlier: ArraySlice<Event> = [], keepWithoutActors: Bool) -> Event? {
        let tokens = document.tokens
        // (Local functions, not closures stored in constants: a closure kept in a constant copies
        // the whole document into its context on every event built.)
        func isActorType(_ e: Int) -> Bool {
            switch document.entities[e].type {
            case .person, .org, .gpe, .norp: true
            default: false
            }
        }
        // Actor: the subject of the trigger's clause — the first person, body or country from
        // the clause's start (after a reporting verb: "officials said Russia struck…"); a person
        // named with a body right after it acts ("Kremlin spokesman Dmitry Peskov"). Cities
        // do not act unless they stand for a government ("Moscow rejected…").
        // A wire dateline ("MUSCAT, April 12 (Continental Wire) - …") is not part of any clause.
        let opening = dateline(in: range, lower: lower) ?? range.lowerBound
        var clauseStart = triggerTokens.lowerBound
        while clauseStart > opening, !Self.clauseBreaks.contains(lower[clauseStart - 1]),
              !["said", "says", "that", "told"].contains(lower[clauseStart - 1]),
              // "a charge which Kigali denies": a relative clause the trigger is in has its own
              // subject ("Egypt and Qatar, which brokered the truce, condemned…" is not in it).
              !(["which", "whom"].contains(lower[clauseStart - 1]) && !(clauseStart..<triggerTokens.lowerBound).contains(where: { lower[$0] == "," })),
              // ", and his envoy took part": a comma before "and" opens a new clause.
              !(lower[clauseStart - 1] == "and" && clauseStart - 2 >= range.lowerBound && lower[clauseStart - 2] == ","),
              // "… two days after Trump and Putin agreed by phone": a subordinate clause whose
              // subject names follow its conjunction has its own subject.
              !(Self.subordinators.contains(lower[clauseStart - 1]) && Self.startsWithName(clauseStart, before: triggerTokens.lowerBound, lower: lower, entityAt: entityAt)) { clauseStart -= 1 }
        func isTown(_ e: Int) -> Bool { document.entities[e].type == .gpe && document.entities[e].kind != "country" }
        func canAct(_ e: Int) -> Bool {
            let entity = document.entities[e]
            return isActorType(e) && !(entity.type == .gpe && entity.refersTo == nil && entity.kind != "country")
        }
        // Names inside a quotation are the speaker's words, never the writer's subject or object.
        func quoted(_ k: Int) -> Bool { document.quotes.contains { $0.span.contains(tokens[k].span) } }
        // The subject among tokens `from..<to`: the first person, body or country, not after
        // "in"; a person named right after a body or nationality is the one who acts ("Kremlin
        // spokesman Dmitry Peskov", "German Defence Minister Boris Pistorius").
        // The first token of a person named after a short title ("national security adviser Mike
        // Waltz", "Middle East envoy Steve Witkoff", "Secretary of State Marco Rubio").
        func titledPerson(from start: Int, to: Int) -> Int? {
            var j = start
            var sawHead = false
            while j < to, j - start < 6 {
                if let e = entityAt[j] {
                    if document.entities[e].type == .person { return sawHead ? j : nil }
                    guard [.gpe, .loc, .norp, .org].contains(document.entities[e].type) else { return nil }
                    j += 1
                    continue
                }
                let word = lower[j]
                if Self.titleHeads.contains(word) { sawHead = true; j += 1; continue }
                guard words[j].startsLowercase || ["of", "state"].contains(word),
                      !Self.reporting.contains(word), ![",", "and", "said", "who"].contains(word), TriggerLexicon.single[word] == nil else { return nil }
                j += 1
            }
            return nil
        }
        // "Kremlin foreign policy aide Yuri Ushakov", "Iran's foreign ministry spokesman, Esmaeil
        // Baghaei": the person after a body and the lower-case words of a title.
        func personAfterTitle(_ m: Int, _ to: Int) -> Int? {
            var j = m
            while j < to, j - m < 6 {
                if let e = entityAt[j] { return document.entities[e].type == .person ? e : nil }
                let word = words[j]
                let isTitleWord = word.startsLowercase || Self.titleHeads.contains(lower[j]) || Self.titleWords.contains(lower[j])
                let isJoin = ["'s", "’s", "'", "’"].contains(lower[j]) || (lower[j] == "," && j + 1 < to && entityAt[j + 1] != nil)
                guard isTitleWord || isJoin, !Self.reporting.contains(lower[j]), TriggerLexicon.single[lower[j]] == nil else { return nil }
                j += 1
            }
            return nil
        }
        func subject(_ from: Int, _ to: Int) -> [Int] {
            var k = from
            while k < to {
                // "Days later it imposed sanctions on the army chief, Gen Abdel Fattah al-Burhan,
                // accusing…": a pronoun before any name is the subject, and the names after it
                // are its objects (the pronoun is resolved below).
                // ("He said Afghanistan would defend its borders": a speaker's pronoun is not the
                // reported clause's subject.)
                if entityAt[k] == nil, Self.subjectPronouns.contains(lower[k]), k == from || !Self.prepositionsBeforePronoun.contains(lower[k - 1]),
                   !(k + 1..<min(to, k + 4)).contains(where: { Self.reporting.contains(lower[$0]) || Self.speechVerbs.contains(lower[$0]) }) { return [] }
                if let e = entityAt[k], canAct(e), !quoted(k), !precededByPlacePreposition(k, lower: lower, entityAt: entityAt, range: range),
                   !precededBy(Self.objectPrepositions, k, lower: lower, entityAt: entityAt, range: range),
                   !obliqueName(k, words: words, lower: lower, entityAt: entityAt, range: range) {
                    var m = k
                    while m < to, entityAt[m] == e { m += 1 }
                    // ("The Islamabad bombing killed…": a city naming an attack is where it was.)
                    if m < range.upperBound, Self.fightNouns.contains(lower[m]), isTown(e) { k = m; continue }
                    // "Qatar's minister …, Mohammed Al-Khulaifi": a possessor is not the subject, unless
                    // what it possesses is its state ("Sudan's government objected"). ("The
                    // Philippines' foreign secretary": a bare apostrophe after a final s.)
                    if m < to, ["'s", "’s"].contains(lower[m]) || (["'", "’"].contains(lower[m]) && words[m - 1].hasSuffix("s")) {
                        let owned = (m + 1..<min(to, m + 4))
                        let ownsState = owned.contains { Self.stateNouns.contains(lower[$0]) } && !owned.contains { entityAt[$0] != nil }
                        // ("Israel's defence minister threatened…": an office no one is named to
                        // in the clause acts for its state.)
                        let unnamedOffice = owned.contains { Self.titleHeads.contains(lower[$0]) } && !(m + 1..<to).contains { entityAt[$0] != nil }
                            && document.entities[e].type != .person
                        if !ownsState && !unnamedOffice { k = m + 1; continue }
                    }
                    var actor = e
                    if document.entities[e].type != .person,
                       let person = (m..<min(to, m + 3)).compactMap({ entityAt[$0] }).first(where: { document.entities[$0].type == .person })
                           ?? personAfterTitle(m, to) {
                        actor = person
                        while m < to, entityAt[m] == person || entityAt[m] == e { m += 1 }
                    }
                    var found = [actor]
                    // "Trump and Putin spoke", "Iran and the United States held talks", "Denmark,
                    // Norway and Sweden said": coordinated subjects act together. A comma alone
                    // ("Kallas, the EU's foreign policy chief") is an apposition, not a list.
                    var listed: [Int] = []
                    while m + 1 < to, [",", "and"].contains(lower[m]) {
                        let closing = lower[m] == "and" || lower[m + 1] == "and"
                        var next = lower[m] == "," && lower[m + 1] == "and" ? m + 2 : m + 1
                        if next < to, lower[next] == "the" { next += 1 }
                        // "Rubio, national security adviser Mike Waltz and Middle East envoy Steve
                        // Witkoff": a person's title may stand before each name in the list.
                        if document.entities[actor].type == .person { next = titledPerson(from: next, to: to) ?? next }
                        guard next < to, let other = entityAt[next], canAct(other), other != actor, !listed.contains(other) else { break }
                        listed.append(other)
                        m = next
                        while m < to, entityAt[m] == other { m += 1 }
                        if closing {
                            found += listed
                            break
                        }
                    }
                    return found
                }
                k += 1
            }
            return []
        }
        // "Hours after the Kremlin meeting, the White House ordered…": names in an opening phrase
        // of time or circumstance, closed by a comma, are not the subject.
        // "Israeli strikes", "a Russian missile and drone attack", "an RSF assault": the name
        // before a word for an attack is its author.
        var nounAuthor: Int?
        if Self.fightNouns.contains(lower[triggerTokens.lowerBound]) || lower[triggerTokens.lowerBound] == "assault" {
            var k = triggerTokens.lowerBound - 1
            // ("Dujarric said the attacks…": a speech verb ends the noun's phrase.)
            while k > range.lowerBound, triggerTokens.lowerBound - k <= 4, entityAt[k] == nil, words[k].startsLowercase,
                  !Self.reporting.contains(lower[k]), lower[k] != "that" { k -= 1 }
            // ("the Islamabad bombing": a city before the noun is where, unless it owns the attack.)
            if k >= range.lowerBound, k < triggerTokens.lowerBound, let author = entityAt[k], !quoted(k),
               canAct(author) || document.entities[author].type == .norp,
               !isTown(author) || (k + 1 < triggerTokens.lowerBound && ["'s", "’s"].contains(lower[k + 1])) {
                nounAuthor = countryOf(author, document: document)
            }
        }
        var subjectStart = clauseStart
        // ("Days later it imposed sanctions on the army chief, Gen …": "days later" is the whole
        // opening phrase, and the comma after it belongs to the clause.)
        let closedOpener = clauseStart + 2 < triggerTokens.lowerBound && Self.openers.contains(lower[clauseStart])
            && Self.relativeTimes.contains(lower[clauseStart + 1])
        if closedOpener {
            subjectStart = clauseStart + 2
        } else if Self.openers.contains(lower[clauseStart]) || (clauseStart + 1 < triggerTokens.lowerBound && Self.openers.contains(lower[clauseStart + 1]))
                    // ("On the train back from Kyiv, French President Emmanuel Macron called…": an
                    // opening phrase of place or manner, too.)
                    || (Self.openingPrepositions.contains(lower[clauseStart]) && words[clauseStart].startsUppercase
                        && Self.onlyObliqueNames(from: clauseStart, before: triggerTokens.lowerBound, words: words, lower: lower, entityAt: entityAt)),
           let comma = (clauseStart..<triggerTokens.lowerBound).first(where: { lower[$0] == "," }),
           (comma + 1..<triggerTokens.lowerBound).contains(where: { entityAt[$0] != nil }) {
            subjectStart = comma + 1
        }
        var actors = subject(subjectStart, triggerTokens.lowerBound)
        // "Speaking by phone from the White House, Netanyahu told …": a trigger in an opening
        // phrase led by a participle belongs to the subject of the clause after its comma.
        if actors.isEmpty, clauseStart == opening, words[opening].startsUppercase, lower[opening].hasSuffix("ing"), lower[opening].text.count > 4, lower[opening] != "according",
           let comma = (triggerTokens.upperBound..<max(triggerTokens.upperBound, min(range.upperBound, opening + 14))).first(where: { lower[$0] == "," }),
           !(opening..<triggerTokens.lowerBound).contains(where: { lower[$0] == "," }) {
            actors = subject(comma + 1, min(range.upperBound, comma + 8))
        }
        // "… after a visit by Félix Tshisekedi, who had long refused to deal with the rebels": a
        // clause opened by "who" is about the one named right before it.
        if let who = (clauseStart..<triggerTokens.lowerBound).last(where: { lower[$0] == "who" }), who >= 2, lower[who - 1] == ",",
           !(who + 1..<triggerTokens.lowerBound).contains(where: { lower[$0] == "," || entityAt[$0] != nil }),
           let head = entityAt[who - 2], canAct(head), !quoted(who - 2) {
            actors = [head]
        }
        // "a reward for Maduro's arrest": the possessor of an act done to someone is the one it is
        // done to; who does it is the clause's subject ("Washington raised its reward for …").
        var patient: Int?
        // "Washington's demand", "Trump's offer": the possessor of the act is its actor.
        // "Putin's first visit", "Iran's latest proposal": one word may stand between.
        if triggerTokens.lowerBound >= 2, ["'s", "’s"].contains(lower[triggerTokens.lowerBound - 1]),
           let owner = entityAt[triggerTokens.lowerBound - 2], canAct(owner), !quoted(triggerTokens.lowerBound - 2) {
            if Self.patientNouns.contains(lower[triggerTokens.lowerBound]) {
                patient = owner
                actors.removeAll { $0 == owner }
                // ("Washington has massed warships …, and doubled its reward for Maduro's arrest":
                // the sentence's subject, when the clause has none.)
                if actors.isEmpty, clauseStart > opening { actors = subject(opening, clauseStart).filter { $0 != owner } }
            } else {
                actors = [owner]
            }
        } else if triggerTokens.lowerBound >= 3, ["'s", "’s"].contains(lower[triggerTokens.lowerBound - 2]),
                  Self.ordinalsAndKinds.contains(lower[triggerTokens.lowerBound - 1]),
                  let owner = entityAt[triggerTokens.lowerBound - 3], canAct(owner), !quoted(triggerTokens.lowerBound - 3) {
            actors = [owner]
        }
        // "gave Moscow 50 days to agree", "urged Iran to return", "wants Kyiv to respond": the one
        // told to act is the one who would act.
        if triggerTokens.lowerBound - 1 > clauseStart, lower[triggerTokens.lowerBound - 1] == "to" {
            var k = triggerTokens.lowerBound - 2
            while k > clauseStart, triggerTokens.lowerBound - k <= 6, entityAt[k] == nil { k -= 1 }
            if let object = entityAt[k], canAct(object), !quoted(k) {
                var start = k
                while start > clauseStart, entityAt[start - 1] == object { start -= 1 }
                // ("instructed special envoy Steve Witkoff to meet": the person's title may stand between.)
                while start - 1 > clauseStart, Self.titleHeads.contains(lower[start - 1]) || Self.titleWords.contains(lower[start - 1]) { start -= 1 }
                if start > clauseStart, Self.controlVerbs.contains(lower[start - 1]) { actors = [object] }
            }
        }
        // "Trump has said he prefers a deal but has warned that…": a clause that starts with its
        // verb shares the subject of the sentence.
        // ("Kyiv hopes…; Trump has said… but has refused": the sentence's clause after the last
        // semicolon, not the sentence's first.)
        // ("…, and since September has struck more than 20 boats": a time may stand before the verb.)
        if actors.isEmpty, clauseStart > opening, (clauseStart..<triggerTokens.lowerBound).allSatisfy({ k in
               Self.auxiliaries.contains(lower[k]) || Self.timeWords.contains(lower[k]) || Self.months.contains(lower[k]) || Self.weekdays.contains(lower[k].text)
           }) {
            let semicolon = (opening..<clauseStart).last { lower[$0] == ";" }
            let from = semicolon.map { $0 + 1 } ?? opening
            // ("In a statement it said the RSF had shelled the market, and called the attack “a
            // heinous crime”": a sentence whose subject is "it" before a reporting verb goes on
            // with it, not with the subject of the words it reports.)
            if let it = (from..<min(clauseStart, from + 5)).first(where: { lower[$0] == "it" }), it + 1 < clauseStart,
               Self.reporting.contains(lower[it + 1]), !(from..<it).contains(where: { entityAt[$0] != nil }),
               let body = Self.openingSubject(before: range.lowerBound, lower: lower, entityAt: entityAt, document: document)
                   ?? previousActor, canAct(body), document.entities[body].type != .person {
                actors = [body]
            } else {
                actors = subject(from, clauseStart)
            }
        }
        // "Trump has said he wants…", "It also banned exports…": a pronoun subject is the
        // nearest one named before it in the sentence that it can stand for (a person for "he"
        // and "she", a body or country for "it"), else the actor of the event before if it
        // fits, else the nearest such name in the sentences before.
        // The pronoun may follow a time ("said on Tuesday it was ready").
        // "its troops had captured Pokrovsk": a possessive before the state's forces is the state.
        let pronoun = (clauseStart..<triggerTokens.lowerBound).first { k in
            ["it", "they", "he", "she"].contains(lower[k])
                || ["its", "their"].contains(lower[k]) && k + 1 < triggerTokens.lowerBound && Self.stateNouns.contains(lower[k + 1])
        }
        if actors.isEmpty, let pronoun, !(clauseStart..<pronoun).contains(where: { entityAt[$0] != nil || quoted($0) }) {
            let person = ["he", "she"].contains(lower[pronoun])
            let plural = ["they", "their"].contains(lower[pronoun])
            func fits(_ e: Int) -> Bool {
                canAct(e) && ((document.entities[e].type == .person) == person || plural)
                    && !(["its", "their"].contains(lower[pronoun]) && document.entities[e].type == .person)
            }
            func nearest(_ from: Int, _ limit: Int) -> Int? {
                var k = from
                while k >= limit, pronoun - k <= 80 {
                    if let e = entityAt[k], fits(e), !quoted(k), !precededByPlacePreposition(k, lower: lower, entityAt: entityAt, range: 0..<range.upperBound),
                       // ("Asked whether his ties with Trump could be saved, he said": not Trump.)
                       !(k >= range.lowerBound && obliqueName(k, words: words, lower: lower, entityAt: entityAt, range: range)) { return e }
                    k -= 1
                }
                return nil
            }
            // "Congo and M23 said they would…": "they" after two named together is both.
            let together = plural ? subject(range.lowerBound, pronoun) : []
            if together.count >= 2 {
                actors = together
            } else {
                // ("The North Atlantic Council has issued its statement. It condemns …": "it"
                // opening the sentence, and no "it is", is the body the sentence before opens
                // with, before the actor of the last event; "he" or "she", the person it opens
                // with: "Zelenskyy said Trump had promised … He offered …" is Zelenskyy.)
                let opener = pronoun == range.lowerBound && ["it", "he", "she"].contains(lower[pronoun]) && !["is", "was", "’s", "'s"].contains(lower[pronoun + 1])
                    ? Self.openingSubject(before: range.lowerBound, lower: lower, entityAt: entityAt, document: document).flatMap { fits($0) ? $0 : nil }
                    : nil
                let found = nearest(pronoun - 1, range.lowerBound) ?? opener ?? previousActor.flatMap { fits($0) ? $0 : nil } ?? nearest(range.lowerBound - 1, 0)
                if let found, let actor = countryOf(found, document: document) { actors = [actor] }
            }
        }
        // "the two sides agreed", "both governments rejected the idea": the pair last seen acting
        // together, else the last two named before.
        // "Venezuela's government has answered. … the foreign ministry condemned…": a state's
        // ministry or government named without its state is the state named last before it.
        if actors.isEmpty, let noun = (clauseStart..<triggerTokens.lowerBound).first(where: { Self.governmentNouns.contains(lower[$0]) }),
           triggerTokens.lowerBound - noun <= 4, noun >= 1, lower[noun - 1] == "the" || (noun >= 2 && lower[noun - 2] == "the"),
           lower[noun] != "ministry" || lower[noun - 1] == "foreign",
           !(clauseStart..<triggerTokens.lowerBound).contains(where: { entityAt[$0] != nil && !quoted($0) }),
           let country = lastGovernment(before: noun, lower: lower, entityAt: entityAt, document: document) {
            actors = [country]
        }
        // "The M23 rebels took Goma. … The rebels entered Bukavu on February 16": a group named
        // by what the text called it before is the group it called so.
        // ("On Monday the rebels…": a few words may open the clause.)
        if actors.isEmpty, let the = (subjectStart..<max(subjectStart, min(triggerTokens.lowerBound - 1, subjectStart + 4))).first(where: {
               lower[$0] == "the" && GroupReference.descriptors[lower[$0 + 1]] != nil }),
           let family = GroupReference.descriptors[lower[the + 1]],
           !(subjectStart..<triggerTokens.lowerBound).contains(where: { entityAt[$0] != nil && !quoted($0) }),
           // ("she told the council", "Bangkok says the court has no authority": the one told is
           // no subject, and a refusal in reported words is the reporter's, found below.)
           !(the > range.lowerBound && ["told", "tell", "tells", "telling"].contains(lower[the - 1])),
           !(Self.speechActs.contains(trigger.type) && Self.reportingFrame(clauseStart: clauseStart, opening: opening, lower: lower) != nil),
           let group = GroupReference.lastDescribed(family, before: the, lower: { lower[$0] }, entityAt: entityAt, document: document)
               // ("Yahya Saree, the Houthis’ military spokesman, said the group had fired…": with
               // no body called so before, the group is the first body its own sentence names —
               // not one that reports it: "The White House said the group's attacks…".)
               ?? (range.lowerBound..<the).first(where: { k in
                   guard let e = entityAt[k], document.entities[e].type == .org, k == range.lowerBound || entityAt[k - 1] != e,
                         !precededByPlacePreposition(k, lower: lower, entityAt: entityAt, range: range) else { return false }
                   var end = k
                   while end < the, entityAt[end] == e { end += 1 }
                   return !(end..<min(the, end + 2)).contains { Self.reporting.contains(lower[$0]) || Self.speechVerbs.contains(lower[$0]) }
               }).flatMap({ entityAt[$0] }) {
            actors = [group]
        }
        if actors.isEmpty, let pair = pairSubject(clauseStart..<triggerTokens.lowerBound, lower: lower, entityAt: entityAt,
                                                  document: document, canAct: canAct, before: earlier, quoted: quoted) {
            actors = pair
        }

        // "a meeting between A and B", "a phone call between A and B": A and B meet.
        var betweenParties = false
        var betweenTargets: [Int] = []
        var hostMediates = false
        // "a surprise meeting in the Qatari capital on March 18 between A and B": the parties may
        // come a few words after the trigger, within its phrase.
        if [.consult, .agree].contains(trigger.type),
           let between = (triggerTokens.upperBound..<min(range.upperBound, triggerTokens.upperBound + 9))
               .prefix(while: { ![",", ";", "."].contains(lower[$0]) && !Self.reporting.contains(lower[$0]) })
               .first(where: { lower[$0] == "between" }) {
            var parties: [Int] = []
            var j = between + 1
            // ("talks between the United States and Iran in Muscat": the place is no party.)
            while j < range.upperBound, j - between < 16, parties.count < 4, ![".", ";", "that", "which", "who"].contains(lower[j]),
                  !(parties.count >= 1 && Self.placePrepositions.contains(lower[j])) {
                if let e = entityAt[j], isActorType(e), !parties.contains(e) {
                    if document.entities[e].type != .person, let person = (j + 1..<min(range.upperBound, j + 4)).compactMap({ entityAt[$0] }).first(where: { document.entities[$0].type == .person }) {
                        parties.append(person)
                        while j < range.upperBound, entityAt[j] == e || entityAt[j] == person { j += 1 }
                        continue
                    }
                    parties.append(e)
                }
                j += 1
            }
            // "Egypt mediated between Israel and Hamas", "Oman hosted talks between the United States
            // and Iran": the mediator or host acts, the parties are its targets.
            let hosting = ["host", "hosts", "hosted", "hosting", "co-hosted", "co-hosts"].contains(lower[triggerTokens.lowerBound])
            if parties.count >= 2, trigger.mode == "mediation" || hosting, !actors.isEmpty, !actors.contains(where: parties.contains) {
                betweenTargets = parties
                if hosting { hostMediates = true }
            } else if parties.count >= 2 {
                actors = parties
                betweenParties = true
            }
        }
        // The passive: "talks mediated by Qatar, Egypt and the United States", "he was greeted on
        // arrival by Kirill Dmitriev": the agent after "by" acts, and the subject is acted on.
        var passiveTargets: [Int] = []
        var passive = false
        if let by = (triggerTokens.upperBound..<min(range.upperBound, triggerTokens.upperBound + 4)).prefix(while: { ![",", ".", ";"].contains(lower[$0]) }).first(where: { lower[$0] == "by" }),
           lower[triggerTokens.upperBound - 1].hasSuffix("ed") || ["held", "led", "run"].contains(lower[triggerTokens.upperBound - 1]) {
            var agents: [Int] = []
            var j = by + 1
            while j < range.upperBound, j - by < 14, agents.count < 4 {
                if let e = entityAt[j], isActorType(e), !quoted(j) {
                    var m = j
                    while m < range.upperBound, entityAt[m] == e { m += 1 }
                    // "Britain's Defence Secretary John Healey": the person is the agent.
                    if m < range.upperBound, ["'s", "’s"].contains(lower[m]),
                       let person = (m + 1..<min(range.upperBound, m + 5)).first(where: { entityAt[$0].map { document.entities[$0].type == .person } ?? false }) {
                        j = person
                        continue
                    }
                    if !agents.contains(e) { agents.append(e) }
                    j = m
                    // A list: "Qatar, Egypt and the United States".
                    if j < range.upperBound, [",", "and"].contains(lower[j]) {
                        j += 1
                        if j < range.upperBound, ["and", "the"].contains(lower[j]) { j += 1 }
                        if j < range.upperBound, lower[j] == "the" { j += 1 }
                        continue
                    }
                    break
                }
                if [".", ";", "that", "which", "who"].contains(lower[j]) { break }
                j += 1
            }
            if !agents.isEmpty {
                passiveTargets = actors
                actors = agents
                passive = true
            }
        }
        actors = actors.compactMap { countryOf($0, document: document) }
        if let nounAuthor { actors = [nounAuthor] }
        // "Witkoff said any deal would require Iran to …": a demand, appeal, refusal, threat or
        // reproach whose own clause names no one is the reporter's.
        // "Velayati said Iran would reject…": a person who states their country's or body's
        // stance takes it with it.
        if actors.isEmpty && Self.speechActs.contains(trigger.type)
            || actors.count == 1 && Self.stances.contains(trigger.type) && document.entities[actors[0]].type != .person,
           let (start, verb) = Self.reportingFrame(clauseStart: clauseStart, opening: opening, lower: lower) {
            if let e = subject(start, verb).first, let speaker = countryOf(e, document: document) {
                if actors.isEmpty { actors = [speaker] } else if document.entities[speaker].type == .person { actors.append(speaker) }
            }
        }
        // An accusation or reproach in someone's reported words is the speaker's, and the one
        // the clause is about is accused: "Waltz said Kigali had broken the accords", "He said
        // Kigali had broken…", "Kigali had broken the accords, he said". A demand, refusal or
        // threat there whose clause names no one is the speaker's too.
        var accused: [Int] = []
        let reporter = Self.stances.contains(trigger.type) && !quoted(triggerTokens.lowerBound)
            ? reportingSpeaker(clauseStart: clauseStart, trigger: triggerTokens, in: range, opening: opening, lower: lower,
                               entityAt: entityAt, document: document, previousActor: previousActor, subject: subject, quoted: quoted)
            : nil
        // "The Israeli military said about 50 of its jets had struck…": a deed of the speaker's own
        // forces ("its", "their") whose clause names no one else is the speaker's.
        if actors.isEmpty, !Self.stances.contains(trigger.type), !quoted(triggerTokens.lowerBound),
           (clauseStart..<triggerTokens.lowerBound).contains(where: { ["its", "their"].contains(lower[$0]) }),
           !(clauseStart..<triggerTokens.lowerBound).contains(where: { entityAt[$0] != nil }),
           // ("said one of its soldiers was killed": its own losses are not its deed.)
           !(max(clauseStart, triggerTokens.lowerBound - 2)..<triggerTokens.lowerBound).contains(where: {
               ["was", "were", "been", "be", "being", "those"].contains(lower[$0]) }),
           let speaker = reportingSpeaker(clauseStart: clauseStart, trigger: triggerTokens, in: range, opening: opening, lower: lower,
                                          entityAt: entityAt, document: document, previousActor: previousActor, subject: subject, quoted: quoted),
           document.entities[speaker].type != .person {
            actors = [speaker]
        }
        if Self.speechActs.contains(trigger.type), let speaker = reporter {
            // ("He said the Iranian side had criticised…": the speaker's own side acts itself.)
            let own = document.entities[speaker].affiliation
            let others = actors.filter { e in e != speaker && own.map { document.entities[e].name != $0 && document.entities[e].refersTo != $0 } ?? true }
            // "He said Zelensky should be more grateful and had to make a deal": the one told
            // what they must do is the one the demand is made of.
            let told = (clauseStart...triggerTokens.lowerBound).contains { k in
                ["should", "must"].contains(lower[k])
                    || ["had", "has", "have", "needed", "need", "needs"].contains(lower[k]) && k + 1 < triggerTokens.lowerBound && lower[k + 1] == "to"
            }
            if actors.isEmpty {
                actors = [speaker]
            } else if !others.isEmpty, others.count == actors.filter({ $0 != speaker }).count,
                      [.accuse, .disapprove].contains(trigger.type) || [.demand, .appeal, .request].contains(trigger.type) && told {
                accused = others
                actors = [speaker]
            }
        }
        // "a U.S. proposal": the party named with a proposal is the one offering it; so with a
        // demand or a request ("Moscow's main demands", "at the request of Britain and France").
        if trigger.type == .agree, Self.proposalNouns.contains(lower[triggerTokens.lowerBound]),
           let proposer = Self.proposer(before: triggerTokens.lowerBound, in: range, lower: lower, entityAt: entityAt, document: document) {
            actors = [proposer]
        }
        if [.demand, .request].contains(trigger.type), triggerTokens.count == 1, Self.demandNouns.contains(lower[triggerTokens.lowerBound]) {
            let requesters = Self.requesters(after: triggerTokens.lowerBound, in: range, lower: lower, entityAt: entityAt, document: document)
            if !requesters.isEmpty {
                actors = requesters
            } else if let author = Self.proposer(before: triggerTokens.lowerBound, in: range, lower: lower, entityAt: entityAt, document: document) {
                actors = [author]
            }
        }
        // "…, a charge Kigali rejects", "an accusation the Emiratis deny": the one named between
        // the charge and the verb answers it.
        if [.reject, .concede].contains(trigger.type),
           // (A city that answers a charge stands for its government.)
           let answerer = Self.chargeAnswerer(before: triggerTokens.lowerBound, in: range, lower: lower, entityAt: entityAt), canAct(answerer) || isTown(answerer) {
            actors = [countryOf(answerer, document: document) ?? answerer]
        } else if [.reject, .concede].contains(trigger.type),
                  Self.pronounAnswersCharge(before: triggerTokens.lowerBound, in: range, lower: lower),
                  let accusation = earlier.last(where: { $0.type == .accuse && $0.sentence.start == sentence.start && !$0.targets.isEmpty }),
                  let accused = document.entities.firstIndex(where: { $0.id == accusation.targets[0] }) {
            // "It accuses him of heading a cartel, a charge he rejects": the accused answers.
            actors = [accused]
        }
        // "the UAE, which it accuses of arming the RSF", "Iran, which Washington accuses of
        // supplying drones": the one the relative pronoun stands for is accused (sanctioned,
        // threatened, fought); the clause's own subject acts, and a pronoun or a common noun there
        // ("it", "the government") stands for the subject of the sentence.
        var relativeTarget: Int?
        if Self.relativeObjectTypes.contains(trigger.type), clauseStart < triggerTokens.lowerBound, clauseStart - 3 >= opening,
           ["which", "whom"].contains(lower[clauseStart - 1]), lower[clauseStart - 2] == ",",
           // the clause has a subject of its own ("which has sanctioned Iran" has none)
           entityAt[clauseStart] != nil || Self.relativeSubjectOpeners.contains(lower[clauseStart]),
           let antecedent = entityAt[clauseStart - 3], canAct(antecedent), !quoted(clauseStart - 3),
           let target = countryOf(antecedent, document: document) {
            relativeTarget = target
            var antecedentStart = clauseStart - 3
            while antecedentStart > opening, entityAt[antecedentStart - 1] == antecedent { antecedentStart -= 1 }
            let own = subject(clauseStart, triggerTokens.lowerBound).compactMap { countryOf($0, document: document) }.filter { $0 != target }
            // (A sentence that opens with a pronoun names its subject elsewhere: "He also accused
            // Boulos …, while the UAE, which his government accuses …" is no act of Boulos.)
            let main = ["he", "she", "it", "they", "we", "i"].contains(lower[opening]) ? []
                : subject(opening, antecedentStart).compactMap { countryOf($0, document: document) }.filter { $0 != target }
            actors = own.isEmpty ? main : own
        }
        // "Negotiators from Israel and Hamas met in Doha, with Qatar and Egypt mediating": the
        // mediators act, and the parties of the clause are their targets.
        var mediated: [Int] = []
        if trigger.mode == "mediation", lower[triggerTokens.lowerBound] == "mediating",
           let with = Self.mediatorsPhrase(endingAt: triggerTokens.lowerBound, in: range, lower: lower, entityAt: entityAt) {
            let mediators = (with + 1..<triggerTokens.lowerBound).compactMap { entityAt[$0] }.reduce(into: [Int]()) { if !$0.contains($1), canAct($1) { $0.append($1) } }
            if !mediators.isEmpty {
                mediated = subject(clauseStart, with).compactMap { countryOf($0, document: document) }.filter { !mediators.contains($0) }
                actors = mediators.compactMap { countryOf($0, document: document) }
            }
        }
        if actors.isEmpty, !keepWithoutActors { return nil }
        let actor = actors.first
        // Targets: the first person, body or country after the trigger (not a place after "in").
        var targets: [Int] = (passiveTargets + betweenTargets).compactMap { countryOf($0, document: document) }.filter { !actors.contains($0) }
        var j = betweenParties || passive || !betweenTargets.isEmpty ? range.upperBound : triggerTokens.upperBound
        var townAfterTrigger: Int?
        while j < range.upperBound, j - triggerTokens.upperBound < 12, ![".", ";"].contains(lower[j]),
              // ", and Oman said…": a new clause has its own parties.
              !(lower[j] == "," && j + 1 < range.upperBound && ["and", "but", "while"].contains(lower[j + 1])),
              // (", with Qatar and Egypt mediating": the mediators are no party.)
              !(lower[j] == "with" && Self.mediatorsPhrase(startingAt: j, in: range, lower: lower, entityAt: entityAt)) {
            if let e = entityAt[j], isActorType(e), !actors.contains(e), !quoted(j), !precededByPlacePreposition(j, lower: lower, entityAt: entityAt, range: range) {
                var m = j + 1
                while m < range.upperBound, entityAt[m] == e { m += 1 }
                // A town is where, not whom ("withdrew from Walikale", "travelled to Beijing"); a
                // possessor names whose thing it is ("talks on Tehran's programme").
                let possessor = m + 1 < range.upperBound && ["'s", "’s"].contains(lower[m]) && !Self.proposals.contains(lower[m + 1])
                if !canAct(e) || possessor {
                    // ("sailing towards Novorossiysk": a town headed for is not where it happened.)
                    let headedFor = ["towards", "toward"].contains(lower[j - 1])
                    if !canAct(e), townAfterTrigger == nil, !headedFor { townAfterTrigger = e }
                    j = m
                    continue
                }
                if let target = countryOf(e, document: document), !targets.contains(target), !actors.contains(target) { targets.append(target) }
                // "met X and Y" keeps both; one target otherwise.
                if m < range.upperBound, lower[m] == "and" { j = m + 1; continue }
                break
            }
            j += 1
        }
        if !mediated.isEmpty { targets = mediated }
        if let relativeTarget { targets = [relativeTarget] }
        if let patient, let target = countryOf(patient, document: document), !actors.contains(target) {
            targets = [target] + targets.filter { $0 != target }
        }
        if !accused.isEmpty { targets = accused + targets.filter { !accused.contains($0) } }
        // Place: a place named after "in", "at", "near", within the trigger's clause — not in a
        // clause before it ("Witkoff met Putin in St. Petersburg, and Moscow has rejected…"), a
        // relative clause after it ("…, which sits in Port Sudan") or a quotation. "a visit to the
        // Adampur Air Base in Punjab": the facility, not the region it is in.
        var clauseEnd = triggerTokens.upperBound
        while clauseEnd < range.upperBound, !Self.placeClauseEnds.contains(lower[clauseEnd]),
              !(lower[clauseEnd] == "," && clauseEnd + 1 < range.upperBound && lower[clauseEnd + 1] == "and") { clauseEnd += 1 }
        // (Before the trigger, a speaker's frame counts: "In Kyiv, Zelensky said Ukraine would not
        // accept…", "speaking in Istanbul, Araghchi said…".)
        var placeStart = triggerTokens.lowerBound
        while placeStart > range.lowerBound, !Self.clauseBreaks.contains(lower[placeStart - 1]),
              !(lower[placeStart - 1] == "and" && placeStart - 2 >= range.lowerBound && lower[placeStart - 2] == ",") { placeStart -= 1 }
        var place: Int?
        for t in max(placeStart, range.lowerBound + 1)..<max(clauseEnd, placeStart, range.lowerBound + 1)
        where Self.placePrepositions.contains(lower[t - 1]) && !quoted(t) {
            // ("Sudan's government, which sits in Port Sudan, welcomed…": a relative clause closed
            // before the trigger.)
            if t < triggerTokens.lowerBound, let relative = (placeStart..<t).last(where: { Self.relativeWords.contains(lower[$0]) }),
               (t..<triggerTokens.lowerBound).contains(where: { lower[$0] == "," }), relative >= placeStart {
                continue
            }
            if let e = entityAt[t], [.gpe, .loc, .fac].contains(document.entities[e].type) {
                place = e
                // ("the Republican Palace in Khartoum" stays Khartoum: a city is place enough.)
                if lower[t - 1] == "in", t >= 2, let facility = entityAt[t - 2], document.entities[facility].type == .fac,
                   document.entities[e].kind != "city" {
                    place = facility
                }
                break
            }
        }
        // "struck Haifa", "withdrew from Walikale": the town the act was aimed at is where it happened.
        if place == nil, let town = townAfterTrigger, [.gpe, .loc, .fac].contains(document.entities[town].type) { place = town }
        // The sentence's date nearest the trigger — but not a year that names something ("the
        // 2015 accord", "a 1992 provision") nor a date that dates a noun ("the attack of
        // October 7, 2023").
        // A day is preferred to a coarser date a little nearer ("On Sunday, Trump said Ukraine would
        // not get back Crimea, annexed in 2014"): distance in characters, plus a handicap for weeks,
        // months and years.
        let here = tokens[triggerTokens.lowerBound].span.start
        let cost = { (d: DateMention) -> Int in
            abs(d.span.start - here) + (d.granularity == .day ? 0 : d.granularity == .week ? Self.coarseHandicap / 2 : Self.coarseHandicap)
        }
        // (A week — "next week", "this week" — dates no event: the corpus convention gives those
        // events no date, as a day or a month would be a guess.)
        var date = document.dates.filter { sentence.contains($0.span) && $0.granularity != .week && !namesSomething($0, range: range, lower: lower, tokens: tokens) }
            .min { cost($0) < cost($1) }
        // "the same day", "the next day", "the night before": a day counted from the event told
        // just before, when the sentence names no date of its own.
        if date == nil, let (offset, phrase) = Self.anchoredDay(in: range, lower: lower),
           let anchor = earlier.last(where: { $0.date?.granularity == .day })?.date, let number = DayNumber.of(anchor.value) {
            date = DateMention(span: TextSpan(start: tokens[phrase.lowerBound].span.start, end: tokens[phrase.upperBound - 1].span.end),
                               value: DayNumber.day(number + offset), granularity: .day, relative: true)
        }
        let amounts = document.money.filter { sentence.contains($0.span) }
        var mode = trigger.mode
        if hostMediates { mode = "mediation" }
        if trigger.type == .aid {
            mode = TriggerLexicon.aidModes.first { entry in range.contains { entry.words.contains(lower[$0].text) } }?.mode
        }
        var modality = self.modality(triggerTokens, type: trigger.type, in: range, lower: lower, actor: actor, speakers: actors, reporter: reporter,
                                     document: document, entityAt: entityAt)
        // "the truce will not start without a list", "a plan would only work if…": the future
        // belongs to what is demanded; the condition itself is set now.
        if trigger.type == .demand, ["not", "n't", "never", "only"].contains(lower[triggerTokens.lowerBound]), [.planned, .hypothetical].contains(modality) {
            modality = .asserted
        }
        // "will meet on Sunday", "due to be held on Monday": a weekday after a deed still to come
        // is the next one, not the last ("said on Tuesday it would…" dates the saying).
        if modality == .planned, let d = date, d.relative, d.granularity == .day, d.span.start > tokens[triggerTokens.lowerBound].span.start,
           let published = document.metadata.published?.description.prefix(10), d.value < published,
           Self.weekdays.contains(where: { document.text.slice(d.span).lowercased().contains($0) }),
           let number = DayNumber.of(d.value) {
            date?.value = DayNumber.day(number + 7)
        }
        // An event dated after the article was written has not happened yet.
        if modality == .asserted, let date, let published = document.metadata.published?.description.prefix(10),
           date.value.count == 10, date.value > published {
            modality = .planned
        }
        // Pledged, promised or committed aid, or a package, is not yet delivered.
        if trigger.type == .aid, modality == .asserted,
           range.contains(where: { ["pledged", "pledge", "pledges", "promised", "committed", "package"].contains(lower[$0]) }) {
            modality = .planned
        }
        var confidence = trigger.confidence
        if actor == nil { confidence -= 0.2 }
        if !targets.isEmpty { confidence += 0.05 }
        // "would not accept", "refuses to endorse", "does not accept": a stated refusal is a
        // REJECT; "has not accepted" stays an AGREE that did not happen.
        var type = trigger.type
        if modality == .denied, [.agree, .support, .consult, .cooperate].contains(type) {
            let before = max(range.lowerBound, triggerTokens.lowerBound - 3)..<triggerTokens.lowerBound
            if before.contains(where: { ["would", "will", "wo", "refuses", "refused", "refuse"].contains(lower[$0]) }) {
                type = .reject
                modality = .asserted
            } else if type == .agree, before.contains(where: { ["does", "did", "do"].contains(lower[$0]) }) {
                // "Thailand does not accept the court's jurisdiction", "the United States did not
                // recognise the result": a refusal stated as a fact is a REJECT too.
                type = .reject
                modality = .asserted
            } else if type == .support, before.contains(where: { ["does", "did", "do"].contains(lower[$0]) }) {
                // "New Delhi did not support unilateral sanctions": withholding support is disapproval.
                type = .disapprove
                modality = .asserted
            }
        }
        var event = Event(id: Event.ID(rawValue: ""), type: type, mode: mode, modality: modality,
                          actors: actors.map { document.entities[$0].id }, targets: targets.map { document.entities[$0].id },
                          place: place.map { document.entities[$0].id }, date: date, amounts: amounts,
                          casualties: casualties(in: range, lower: lower),
                          sentence: sentence,
                          trigger: TextSpan(start: tokens[triggerTokens.lowerBound].span.start, end: tokens[triggerTokens.upperBound - 1].span.end),
                          confidence: min(1, max(0.05, confidence)))
        event.position = position(for: event, after: triggerTokens, in: range, words: words, lower: lower, entityAt: entityAt)
        // "a ceasefire between Israel and Iran": the parties accept the ceasefire itself.
        if betweenParties, type == .agree {
            event.position = Event.Position(issue: lower[triggerTokens.lowerBound].text, stance: .accepts, holder: event.actors.first, addressee: nil)
        }
        return event
    }

    /// Nouns for a pair of parties after "the two" or "both": people, states, or either.
    static let pairNouns: [String: EntityType?] = {
        var table: [String: EntityType?] = [:]
        for w in ["leaders", "presidents", "envoys", "men", "women", "ministers", "negotiators", "chairs", "officials"] { table[w] = .person }
        for w in ["countries", "governments", "states", "nations", "delegations", "capitals", "neighbours", "neighbors"] { table[w] = .gpe }
        for w in ["sides", "parties", "teams", "hosts"] { table[w] = .some(nil) }
        return table
    }()

    /// "The two sides", "both countries", "the two foreign ministers" as the subject of a
    /// clause: the two parties of the latest event before it that had two of the right kind
    /// (people for "leaders", states and bodies for "countries"), else the last two such
    /// names before it, within the few sentences before.
    private func pairSubject(_ clause: Range<Int>, lower: [Word], entityAt: [Int?], document: Document,
                             canAct: (Int) -> Bool, before earlier: ArraySlice<Event>, quoted: (Int) -> Bool) -> [Int]? {
        guard let opener = clause.first(where: { ["two", "both"].contains(lower[$0]) }),
              lower[opener] == "both" || (opener > clause.lowerBound && lower[opener - 1] == "the"),
              // "the two had agreed": a bare "the two" before its verb stands for either kind.
              let noun = (opener + 1..<min(clause.upperBound, opener + 4)).first(where: { Self.pairNouns[lower[$0].text] != nil })
                  ?? (lower[opener] == "two" && opener + 1 < clause.upperBound && Self.auxiliaries.contains(lower[opener + 1]) ? opener : nil),
              let wanted = noun == opener ? .some(nil) : Self.pairNouns[lower[noun].text],
              !(clause.lowerBound..<noun).contains(where: { entityAt[$0] != nil }) else { return nil }
        func fits(_ e: Int) -> Bool {
            guard canAct(e) else { return false }
            let type = document.entities[e].type
            switch wanted {
            case .person?: return type == .person
            case .gpe?: return type != .person
            default: return true
            }
        }
        let index = Dictionary(document.entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let here = document.tokens[opener].span.start
        // Two sides face each other: an event's actor and its target when it has one, else its
        // first two actors; states before people for "sides" and "parties", the latest pair of
        // any kind for a bare "the two".
        let kinds: [(Int) -> Bool] = wanted == nil && noun != opener ? [{ document.entities[$0].type != .person }, { _ in true }] : [{ _ in true }]
        // "The two sides", "both countries": the two states or bodies the article names most,
        // when two stand out from the rest (the whole article: live blogs run newest first).
        if wanted != .person, noun != opener {
            var counts: [Int: Int] = [:]
            for k in entityAt.indices {
                guard let e = entityAt[k], k == 0 || entityAt[k - 1] != e, fits(e), document.entities[e].type != .person,
                      let party = countryOf(e, document: document) else { continue }
                counts[party, default: 0] += 1
            }
            let ranked = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            if ranked.count >= 2, ranked[1].value >= 2, ranked.count == 2 || ranked[1].value > ranked[2].value {
                return [ranked[0].key, ranked[1].key]
            }
        }
        for kind in kinds {
            for event in earlier.reversed() where here - event.sentence.start < 800 {
                let actors = event.actors.compactMap { index[$0] }.filter { fits($0) && kind($0) }
                let targets = event.targets.compactMap { index[$0] }.filter { fits($0) && kind($0) && !actors.contains($0) }
                if let a = actors.first, let t = targets.first { return [a, t] }
                if actors.count >= 2 { return Array(actors.prefix(2)) }
            }
        }
        var found: [Int] = []
        var k = opener - 1
        while k >= 0, opener - k <= 120, found.count < 2 {
            if let e = entityAt[k], fits(e), !quoted(k), let party = countryOf(e, document: document), !found.contains(party) { found.append(party) }
            k -= 1
        }
        return found.count == 2 ? found.reversed() : nil
    }

    /// Nationalities do not act: "Egyptian" stands for Egypt when the article names Egypt,
    /// and is dropped otherwise.
    private func countryOf(_ e: Int, document: Document) -> Int? {
        let entity = document.entities[e]
        guard entity.type == .norp else { return e }
        guard let country = entity.refersTo else { return nil }
        return document.entities.firstIndex { $0.name == country && $0.type == .gpe }
    }

    /// What a country possesses that acts for it: "Sudan's government", "Israel's army".
    static let stateNouns: WordSet = ["government", "ministry", "army", "military", "forces", "cabinet", "troops", "navy", "officials", "authorities", "foreign", "office"]

    /// What a party puts to another: rejecting "Washington's demand" is aimed at Washington.
    static let proposals: WordSet = ["demand", "demands", "proposal", "proposals", "plan", "offer", "call", "request", "terms", "conditions", "ultimatum", "position"]

    static let controlVerbs: WordSet = ["given", "gave", "give", "gives", "urged", "urges", "asked", "asks", "told", "pressed", "persuade",
                                           "persuaded", "invited", "allowed", "wants", "wanted", "want", "called", "encouraged", "forced",
                                           "instructed", "instructs", "ordered", "orders", "sent", "sends", "dispatched", "authorised", "authorized"]

    /// Words of a time phrase that may stand between a clause's start and its verb ("since
    /// September", "on Monday", "last week").
    static let timeWords: WordSet = ["since", "on", "in", "last", "this", "week", "month", "year", "earlier", "yesterday", "today"]
    static let auxiliaries: WordSet = ["has", "have", "had", "is", "was", "were", "will", "would", "also", "then", "later", "repeatedly", "not", "and", "been"]

    /// Words that open a phrase of time or circumstance before the subject: "After the call, …".
    /// "Days later", "hours earlier": a time unit and one of these is a whole opening phrase.
    static let relativeTimes: WordSet = ["later", "earlier", "afterwards", "ago"]
    /// Whether the phrase from `start` to its first comma (before `end`) names no one but after a
    /// preposition and has no subject pronoun: "On the train back from Kyiv," is an opening
    /// phrase; "On Sunday the Sahel confederation, which…" and "In April it pressed…, " are not.
    static func onlyObliqueNames(from start: Int, before end: Int, words: [String], lower: [Word], entityAt: [Int?]) -> Bool {
        guard let comma = (start..<end).first(where: { lower[$0] == "," }) else { return false }
        for k in start..<comma {
            if subjectPronouns.contains(lower[k]) { return false }
            guard let e = entityAt[k], k == start || entityAt[k - 1] != e else { continue }
            // (Over an article and the capitalised words of a title or another name: "at a
            // Damascus mosque", "to U.N. Secretary-General António Guterres".)
            var p = k - 1
            // (Not over a day or a month: "On Sunday the Sahel confederation" names its subject.)
            while p > start, ["the", "a", "an"].contains(lower[p])
                    || (words[p].startsUppercase && !months.contains(lower[p]) && !weekdays.contains(lower[p].text)) { p -= 1 }
            guard p >= start, obliquePhraseWords.contains(lower[p]) else { return false }
        }
        return true
    }
    static let obliquePhraseWords: WordSet = ["in", "on", "at", "from", "to", "of", "with", "by", "for", "near", "aboard", "during", "over",
                                             "under", "across", "into", "after", "before"]
    /// Prepositions that open a sentence with a phrase of place or manner closed by a comma.
    static let openingPrepositions: WordSet = ["on", "in", "at", "from", "aboard", "with", "by", "for", "under", "over", "speaking"]
    static let openers: WordSet = ["after", "before", "following", "during", "since", "despite", "hours", "days", "weeks", "minutes", "ahead", "amid"]

    static let titleHeads: WordSet = ["envoy", "adviser", "advisor", "secretary", "minister", "spokesman", "spokeswoman", "chief", "president",
                                          "ambassador", "aide", "commander", "head", "director", "negotiator", "chancellor", "leader", "premier"]
    /// Words inside a capitalised title: "Secretary of State", "Special Envoy", "Prime Minister".
    static let titleWords: WordSet = ["of", "state", "foreign", "defence", "defense", "special", "deputy", "general", "prime", "vice",
                                          "national", "security", "senior", "chief", "acting", "interior", "finance", "press"]
    static let upcoming: WordSet = ["next", "upcoming", "planned", "proposed", "possible", "future", "further", "another"]
    /// Events whose target a relative pronoun may stand for ("Iran, which Washington accuses of …").
    static let relativeObjectTypes: Set<Event.Kind> = [.accuse, .sanction, .threaten, .disapprove, .coerce, .fight]
    static let relativeSubjectOpeners: WordSet = ["it", "they", "he", "she", "we", "the", "his", "her", "its", "their", "our"]
    static let fightNouns: WordSet = ["strikes", "strike", "attacks", "attack", "offensive", "killing", "fighting", "shelling", "bombing"]
    static let meetingNouns: WordSet = ["talks", "meeting", "negotiations", "session", "rounds", "round", "summit"]

    static let ordinalsAndKinds: WordSet = ["first", "second", "third", "fourth", "fifth", "latest", "last", "new", "own", "official",
                                                "formal", "surprise", "state", "working", "direct", "indirect", "revised", "initial", "final"]

    static let definite: WordSet = ["the", "their", "his", "her", "its", "this", "that", "these", "those", "our"]
    /// Phrases that date an event by the one told before it, with the days between.
    static let anchoredPhrases: [(words: [String], offset: Int)] = [
        (["the", "same", "day"], 0), (["later", "that", "day"], 0), (["later", "in", "the", "day"], 0), (["earlier", "that", "day"], 0),
        (["that", "evening"], 0), (["that", "night"], 0), (["hours", "later"], 0),
        (["the", "next", "day"], 1), (["the", "following", "day"], 1), (["the", "next", "morning"], 1), (["the", "following", "morning"], 1),
        (["a", "day", "later"], 1), (["the", "day", "before"], -1), (["the", "night", "before"], -1), (["the", "previous", "day"], -1),
        (["a", "day", "earlier"], -1),
    ]

    /// Characters a date coarser than a day counts as being further from the trigger (a week half as many).
    static let coarseHandicap = 60
    static let anchoredFirstWords: WordSet = WordSet(anchoredPhrases.map { $0.words[0] })

    /// The first anchored phrase in the sentence, with its offset in days and its tokens.
    static func anchoredDay(in range: Range<Int>, lower: [Word]) -> (Int, Range<Int>)? {
        for k in range where anchoredFirstWords.contains(lower[k]) {
            for phrase in anchoredPhrases where k + phrase.words.count <= range.upperBound && lower[k].text == phrase.words[0] {
                if phrase.words.indices.allSatisfy({ lower[k + $0].text == phrase.words[$0] }) { return (phrase.offset, k..<(k + phrase.words.count)) }
            }
        }
        return nil
    }

    static let determiners: WordSet = definite.union(["a", "an", "'s", "’s", "new", "peace"])

    static let months: WordSet = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                      "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."]

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// A date that belongs to a noun, not to the sentence's act: a bare year right before a
    /// word ("the 2015 accord") or a date after "of" ("the attack of October 7, 2023").
    private func namesSomething(_ date: DateMention, range: Range<Int>, lower: [Word], tokens: [Token]) -> Bool {
        guard let first = range.first(where: { tokens[$0].span.start >= date.span.start }) else { return false }
        let before = first > range.lowerBound ? lower[first - 1] : ""
        // "the 2015 accord"; "the attack of October 7"; "has mediated since April" dates when a
        // state of things began, not the act.
        if before == "of" || before == "since" { return true }
        // ("since early September", "since the war began in October 2023": the same, a few words on.)
        if (max(range.lowerBound, first - 5)..<first).contains(where: { lower[$0] == "since" }) { return true }
        if date.granularity == .year, !Self.yearPrepositions.contains(before) {
            var last = first
            while last + 1 < range.upperBound, tokens[last + 1].span.end <= date.span.end { last += 1 }
            if last + 1 < range.upperBound, lower[last + 1].text.first?.isLetter == true { return true }
        }
        return false
    }

    static let yearPrepositions: WordSet = ["in", "since", "by", "until", "before", "after", "from", "during", "through", "throughout", "early", "late", "mid", "to"]

    /// Event types that are stances, taken when they are stated.
    static let stances: Set<Event.Kind> = [.demand, .request, .appeal, .reject, .threaten, .accuse, .disapprove, .support, .agree, .statement]

    /// Event types that are things said: their actor may be the one who said them.
    static let speechActs: Set<Event.Kind> = [.demand, .request, .appeal, .reject, .threaten, .accuse, .disapprove]

    /// The first token after a wire dateline ("MUSCAT, April 12 (Continental Wire) - "): a dash
    /// right after a closing bracket within the sentence's first fifteen tokens.
    private func dateline(in range: Range<Int>, lower: [Word]) -> Int? {
        let end = min(range.upperBound, range.lowerBound + 15)
        guard let dash = (range.lowerBound + 1..<end).first(where: { ["-", "—", "–"].contains(lower[$0]) && lower[$0 - 1] == ")" }) else { return nil }
        return dash + 1
    }

    /// Prepositions that make a name after them a complement, never a clause's subject.
    static let obliquePrepositions: WordSet = ["beside", "alongside", "with", "without", "against", "toward", "towards", "among", "between",
                                               "behind", "despite"]

    /// "seated beside NATO Secretary General Mark Rutte, President Donald Trump gave…", "his
    /// relationship with Trump": whether the name at `k` follows such a preposition, over the
    /// names and title words between them ("next to" and "according to" count).
    private func obliqueName(_ k: Int, words: [String], lower: [Word], entityAt: [Int?], range: Range<Int>) -> Bool {
        var j = k
        while j > range.lowerBound, k - j < 7 {
            let w = lower[j - 1]
            if Self.obliquePrepositions.contains(w) {
                // "with Oman as the mediator": the name is what the noun after "as" names.
                var end = k
                while end < range.upperBound, entityAt[end] != nil, entityAt[end] == entityAt[k] { end += 1 }
                return !(w == "with" && end < range.upperBound && lower[end] == "as")
            }
            if w == "to" { return j - 2 >= range.lowerBound && ["next", "according"].contains(lower[j - 2]) }
            guard entityAt[j - 1] != nil || words[j - 1].startsUppercase || Self.titleHeads.contains(w) || Self.titleWords.contains(w)
                    || ["'s", "’s", "the"].contains(w) else { return false }
            j -= 1
        }
        return false
    }

    private func precededByPlacePreposition(_ k: Int, lower: [Word], entityAt: [Int?], range: Range<Int>) -> Bool {
        precededBy(Self.placePrepositions, k, lower: lower, entityAt: entityAt, range: range)
    }

    /// Whether the name at `k` comes right after one of `prepositions`.
    private func precededBy(_ prepositions: WordSet, _ k: Int, lower: [Word], entityAt: [Int?], range: Range<Int>) -> Bool {
        var start = k
        while start > range.lowerBound, entityAt[start - 1] != nil, entityAt[start - 1] == entityAt[k] { start -= 1 }
        // ("at the UN in New York", "in the United States": an article may stand between.)
        if start - 1 > range.lowerBound, lower[start - 1] == "the" { start -= 1 }
        return start > range.lowerBound && prepositions.contains(lower[start - 1])
    }

    /// A clause opened by "said", "says", "told" or "that" ("Witkoff said (that) Iran …"): the
    /// reporting verb ("that" itself when no such verb stands before it) and the start of the
    /// clause whose subject speaks; nil when the clause is not reported speech.
    static func reportingFrame(clauseStart: Int, opening: Int, lower: [Word]) -> (start: Int, verb: Int)? {
        guard clauseStart > opening, ["said", "says", "that", "told"].contains(lower[clauseStart - 1]) else { return nil }
        var verb = clauseStart - 1
        // ("determined in January that": a time may stand between the verb and "that".)
        if lower[verb] == "that", let v = stride(from: verb - 1, through: max(opening, verb - 4), by: -1).first(where: { k in
               ["said", "says", "told"].contains(lower[k]) || findingVerbs.contains(lower[k])
           }), !(v + 1..<verb).contains(where: { [",", "that"].contains(lower[$0]) || clauseBreaks.contains(lower[$0]) }),
           v == verb - 1 || ["in", "on", "last", "this", "earlier"].contains(lower[v + 1]) {
            verb = v
        }
        var start = verb
        while start > opening, !clauseBreaks.contains(lower[start - 1]) { start -= 1 }
        return (start, verb)
    }

    /// Verbs that frame a speaker's reported words.
    static let speakingVerbs: WordSet = WordSet(["said", "says", "told", "added", "wrote", "argued", "insisted", "warned", "stated"]).union(findingVerbs)
    /// Verbs that state a finding before "that": "the United States determined that the RSF had
    /// committed genocide" is the finder's accusation.
    static let findingVerbs: WordSet = ["determined", "found", "concluded", "ruled", "alleged", "claimed"]

    /// Who speaks the trigger's clause: the subject before "said" (or "said that") opening it,
    /// or the one named in a trailing ", he said" / ", Waltz said" / ", said Waltz" after it.
    /// "He" or "she" stands for the person named last (the actor of the event before first).
    private func reportingSpeaker(clauseStart: Int, trigger: Range<Int>, in range: Range<Int>, opening: Int, lower: [Word], entityAt: [Int?],
                                  document: Document, previousActor: Int?, subject: (Int, Int) -> [Int], quoted: (Int) -> Bool) -> Int? {
        // The subject of the nearest sentence before that names a person: its first person
        // ("Trump met Zelensky on Friday. He said…" is Trump), else the actor of the event before.
        // ("He pointed to the 2015 deal, which Trump abandoned. He said…": a sentence that opens
        // with "he" or "she" has that pronoun for its subject, and is passed over.)
        func person(before k: Int) -> Int? {
            var j = k - 1
            var first: Int?
            while j >= 0, k - j <= 160 {
                if [".", "?", "!"].contains(lower[j]) {
                    let opensWithPronoun = j + 1 < k && ["he", "she"].contains(lower[j + 1])
                    if let found = first, !opensWithPronoun { return found }
                    if opensWithPronoun { first = nil }
                }
                if let e = entityAt[j], document.entities[e].type == .person, !quoted(j) { first = e }
                j -= 1
            }
            if let first { return first }
            if let previousActor, document.entities[previousActor].type == .person { return previousActor }
            return nil
        }
        func speaker(from start: Int, to end: Int) -> Int? {
            if let e = subject(start, end).first { return countryOf(e, document: document) }
            if end - start == 1, ["he", "she"].contains(lower[start]) { return person(before: range.lowerBound) }
            return nil
        }
        // Before: "X said (that) …".
        if let (start, verb) = Self.reportingFrame(clauseStart: clauseStart, opening: opening, lower: lower) {
            guard Self.speakingVerbs.contains(lower[verb]) else { return nil }
            return speaker(from: start, to: verb)
        }
        // After: the sentence ends with ", he said", ", Waltz said" or ", said Waltz" and no
        // other speaking verb stands between the trigger and it.
        guard let comma = (trigger.upperBound..<range.upperBound).last(where: { lower[$0] == "," }),
              !(trigger.upperBound..<comma).contains(where: { Self.speakingVerbs.contains(lower[$0]) || Self.reporting.contains(lower[$0]) }) else { return nil }
        var end = range.upperBound
        while end > comma + 1, [".", "!", "?"].contains(lower[end - 1]) { end -= 1 }
        guard end - comma >= 3, end - comma <= 8 else { return nil }
        if Self.speakingVerbs.contains(lower[comma + 1]) { return speaker(from: comma + 2, to: end) }
        guard Self.speakingVerbs.contains(lower[end - 1]) else { return nil }
        return speaker(from: comma + 1, to: end - 1)
    }

    /// Denied, planned, hypothetical or only reported, from the words of the trigger's clause.
    private func modality(_ trigger: Range<Int>, type: Event.Kind, in range: Range<Int>, lower: [Word], actor: Int?, speakers: [Int] = [],
                          reporter: Int? = nil, document: Document, entityAt: [Int?]) -> Event.Modality {
        // The one whose reported words these are (``reportingSpeaker``) states a stance of their
        // own, or of their side, by saying it: "He said Kigali had broken the accords".
        let reporterActs = reporter.map { r in
            actor.map { a in r == a || document.entities[r].affiliation == document.entities[a].name } ?? false
        } ?? false
        let window = max(range.lowerBound, trigger.lowerBound - 4)..<trigger.lowerBound
        if window.contains(where: { Self.negations.contains(lower[$0]) }) { return .denied }
        // "did not announce any new American sanctions": after "any" the negation may stand further back.
        if let any = window.first(where: { lower[$0] == "any" }),
           (max(range.lowerBound, any - 3)..<any).contains(where: { Self.negations.contains(lower[$0]) && lower[$0] != "without" }) {
            return .denied
        }
        // "X said Iran would oppose…": "would" in reported speech states a position, it is no
        // condition; "if", "could", "might" still are.
        let reportedWould = window.contains { lower[$0] == "would" }
            && (range.lowerBound..<trigger.lowerBound).contains { Self.reporting.contains(lower[$0]) }
        if window.contains(where: { Self.hypothetical.contains(lower[$0]) && !(reportedWould && lower[$0] == "would") }) { return .hypothetical }
        // "Healey said Britain would provide £4.5bn", "Zelensky said he would meet Trump": a deed
        // announced in reported speech is still to come. A stance ("said Iran would reject")
        // is taken when it is stated.
        if reportedWould, !Self.stances.contains(type) { return .planned }
        // "ready to accept": a stance taken now.
        if Self.stances.contains(type), trigger.lowerBound - 2 >= range.lowerBound, lower[trigger.lowerBound - 1] == "to",
           ["ready", "prepared", "willing", "able"].contains(lower[trigger.lowerBound - 2]) {
            return .asserted
        }
        // "the next round", "a possible meeting", "were due to hold a third round": still to come.
        if Self.meetingNouns.contains(lower[trigger.lowerBound]),
           (max(range.lowerBound, trigger.lowerBound - 2)..<trigger.lowerBound).contains(where: { Self.upcoming.contains(lower[$0]) })
            || (max(range.lowerBound, trigger.lowerBound - 6)..<trigger.lowerBound).contains(where: { ["due", "expected", "scheduled"].contains(lower[$0]) }) {
            return .planned
        }
        // "expected to meet", "persuade Moscow to accept", "would fund": not (yet) done.
        // ("the plan ignored…": a plan named as a thing is no intention.)
        let intends = window.contains { k in
            Self.planned.contains(lower[k]) && !(["plan", "plans"].contains(lower[k]) && k > range.lowerBound && Self.determiners.contains(lower[k - 1]))
        }
        // ("Zelensky is due at the White House on Friday": the word that tells the visit is "due".)
        if intends || (trigger.lowerBound > range.lowerBound && lower[trigger.lowerBound - 1] == "to")
            || ["will", "would", "due", "scheduled"].contains(lower[trigger.lowerBound]) {
            return .planned
        }
        // "Iran and the United States held talks …, state media said": a trailing attribution
        // makes the claim someone else's, unless the one who says it is one who did it.
        // "Albusaidi, who has mediated every round, said…": a relative clause about the speaker
        // is the writer's, not what the speaker said.
        let lastComma = (range.lowerBound..<trigger.lowerBound).last { lower[$0] == "," }
        let inRelativeClause = lastComma.map { c in (c + 1..<trigger.lowerBound).contains { ["who", "which"].contains(lower[$0]) } } ?? false
        if !inRelativeClause, let comma = (trigger.upperBound..<range.upperBound).first(where: { lower[$0] == "," }),
           let cue = (comma + 1..<min(range.upperBound, comma + 8)).first(where: { ["said", "says", "announced", "reported"].contains(lower[$0]) }),
           !(comma + 1..<cue).contains(where: { ["and", "but", "while", "although", "though", "who", "which"].contains(lower[$0]) }) {
            let speaker = (comma + 1..<cue).compactMap { entityAt[$0] }.first
            let speaksHimself = Self.stances.contains(type) && reporterActs
            if !speaksHimself, speaker == nil || !(speakers.contains(speaker!) || speaker == actor) { return .reported }
        }
        // "…, according to Israeli authorities": the whole claim is someone else's.
        if let according = range.firstIndex(where: { lower[$0] == "according" }), according + 1 < range.upperBound,
           lower[according + 1] == "to", according > trigger.lowerBound {
            return .reported
        }
        // "Ukrainian officials said Russian missiles struck…": reported unless the actor speaks.
        let before = range.lowerBound..<trigger.lowerBound
        // "Trump claimed credit, and his envoy took part": a new clause is not what was said
        // (unless it goes on with "that").
        if let cue = before.last(where: { Self.reporting.contains(lower[$0]) }),
           !(cue + 1..<trigger.lowerBound).contains(where: { k in
               (lower[k] == ";" || lower[k] == "," && k + 1 < trigger.lowerBound && ["and", "but"].contains(lower[k + 1])
                   || ["while", "whereas"].contains(lower[k]))
                   && !(k + 1..<trigger.lowerBound).contains { lower[$0] == "that" }
           }) {
            // "Iranian officials said…" speak for Iran.
            let speaker = (range.lowerBound..<cue).reversed().first { entityAt[$0] != nil }.flatMap { entityAt[$0] }
                .map { countryOf($0, document: document) ?? $0 }
            // A stance its own people state is taken, not only reported.
            // "Trump said they had agreed…": a past agreement told afterwards is reported. A "had"
            // further back governs the trigger only when the speaker is the subject after the cue
            // ("said he had called both leaders and warned them"); else only one right before it
            // does ("said Rwanda had trampled on its signature and urged…" urges now). "Had to"
            // is an obligation, and an accusation is made by saying it ("said Kigali had broken
            // the accords").
            let subject = (cue + 1..<min(trigger.lowerBound, cue + 6)).first { Self.speakerPronouns.contains(lower[$0]) || entityAt[$0] != nil }
            let speakerTells = subject.map { k in
                Self.speakerPronouns.contains(lower[k]) || entityAt[k].map { e in speaker == e || speaker == countryOf(e, document: document) } == true
            } ?? false
            let told = ![.accuse, .disapprove].contains(type)
                && (max(cue + 1, speakerTells ? cue + 1 : trigger.lowerBound - 3)..<trigger.lowerBound).contains { k in
                    lower[k] == "had" && !(k + 1 < range.upperBound && lower[k + 1] == "to")
                }
            // "Turkey's presidency said Ankara supported…": the speaker and the actor may name
            // one state in two ways.
            let speakerStates = speakers.map { countryOf($0, document: document) ?? $0 }
            if Self.stances.contains(type), !told, let speaker, speakers.contains(speaker) || speakerStates.contains(speaker) { return .asserted }
            if Self.stances.contains(type), !told, speaker == nil, reporterActs { return .asserted }
            // "Ali Akbar Velayati, an adviser to Ayatollah Ali Khamenei, said Iran would…",
            // "Zelensky, on a visit to Dublin, said…": the speaker is the clause's subject, not
            // the last name of an apposition before the verb.
            if Self.stances.contains(type), !told,
               (range.lowerBound..<cue).contains(where: { k in entityAt[k].map { e in speakers.contains(countryOf(e, document: document) ?? e) } ?? false }) {
                return .asserted
            }
            // "Trump said he had held a long call with Putin": a deed its doer tells of is
            // reported too, as the writer did not see it.
            if speaker == nil || speaker != actor || !Self.stances.contains(type) || told { return .reported }
        }
        return .asserted
    }

    /// "killed 20 civilians, including nine children" → killed 20; "N people were wounded" → injured N.
    static let killedWords: WordSet = ["killed", "killing", "kills", "dead", "died"]
    static let injuredWords: WordSet = ["injured", "wounded", "injuring", "wounding"]

    private func casualties(in range: Range<Int>, lower: [Word]) -> Event.Casualties? {
        var result = Event.Casualties()
        func number(_ t: Int) -> Int? {
            if let n = Self.numberWords[lower[t].text] { return n }
            guard lower[t].text.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true else { return nil }
            return Int(lower[t].text.filter { $0 != "," })
        }
        for t in range {
            let w = lower[t]
            let killed = Self.killedWords.contains(w)
            let injured = Self.injuredWords.contains(w)
            guard killed || injured else { continue }
            var value: Int?
            // "killed 20 civilians", "killing at least 400"
            for n in (t + 1)..<min(range.upperBound, t + 5) { if let v = number(n) { value = v; break } }
            // "20 people were killed", "more than 400 dead"
            if value == nil { for n in stride(from: t - 1, through: max(range.lowerBound, t - 5), by: -1) { if let v = number(n) { value = v; break } } }
            guard let v = value else { continue }
            if killed, result.killed == nil { result.killed = v }
            if injured, result.injured == nil { result.injured = v }
        }
        return result.killed == nil && result.injured == nil ? nil : result
    }

    static let statementCues: WordSet = ["said", "says", "told", "tells", "stated", "described", "wrote", "claimed", "reports"]

    /// "X said …" / "X told reporters …" with no other event in the sentence.
    private func statement(in range: Range<Int>, sentence: TextSpan, document: Document, words: [String], lower: [Word], entityAt: [Int?],
                           previousActor: Int? = nil) -> Event? {
        // "said", "told", "described … as", "wrote", "claimed", and "called the day “a milestone”".
        let cues = Self.statementCues
        let calledQuote = { (k: Int) -> Bool in
            lower[k] == "called" && (k + 1..<min(range.upperBound, k + 6)).contains { ["“", "\"", "‘"].contains(lower[$0]) }
        }
        // A sub-heading "Rubio: remaining issues ‘not insurmountable’" gives a person's words.
        let headingColon = { (k: Int) -> Bool in
            lower[k] == ":" && k > range.lowerBound && entityAt[k - 1].map { document.entities[$0].type == .person } == true
                && document.blocks.contains { $0.kind == .heading && $0.span.contains(sentence) }
        }
        guard let cue = range.first(where: { (cues.contains(lower[$0]) || calledQuote($0) || headingColon($0)) && !inQuote(document.tokens[$0].span, document: document) }) else {
            return nil
        }
        let trigger = TriggerLexicon.Trigger(type: .statement, mode: nil, confidence: 0.5, length: 1)
        let speaker = Self.quoteSpeaker(in: sentence, document: document)
        guard var event = build(trigger, at: cue..<(cue + 1), in: range, sentence: sentence, document: document, words: words, lower: lower,
                                entityAt: entityAt, previousActor: previousActor, keepWithoutActors: speaker != nil) else { return nil }
        if event.actors.isEmpty, let speaker { event.actors = [speaker] }
        if let demand = reportedObligation(after: cue, by: event, in: range, document: document, words: words, lower: lower, entityAt: entityAt) {
            return demand
        }
        var statement = event
        statement.targets = []
        statement.modality = .asserted
        // "said the attacks endangered the aid route", "“These strikes put civilians at risk,” the
        // spokesman said", "a matter of great concern": words of alarm make the statement a
        // reproach (DISAPPROVE), as the annotation guide codes it.
        if range.contains(where: { Self.concernWords.contains(lower[$0]) || TriggerLexicon.reproachAdjectives.contains(lower[$0]) }) {
            statement.type = .disapprove
        }
        // "Blinken said the RSF had murdered men and boys", "“The RSF … have committed genocide,”
        // Blinken said": a statement that another party committed grave crimes accuses it.
        if range.contains(where: { TriggerLexicon.crimeWords.contains(lower[$0]) }) {
            let accused = range.lazy.compactMap { entityAt[$0] }.compactMap { self.countryOf($0, document: document) }.first { e in
                !statement.actors.contains(document.entities[e].id) && [.person, .org, .gpe].contains(document.entities[e].type)
            }
            if let accused {
                statement.type = .accuse
                statement.targets = [document.entities[accused].id]
            }
        }
        return statement
    }

    static let chargeNouns: WordSet = ["charge", "charges", "accusation", "accusations", "claim", "claims", "allegation", "allegations"]

    /// The word before the verb at `trigger` and its auxiliaries and adverbs ("has always denied").
    static func lastBeforeAuxiliaries(_ trigger: Int, in range: Range<Int>, lower: [Word]) -> Int {
        var k = trigger - 1
        while k > range.lowerBound, ["has", "have", "had", "did", "does", "do", "also", "always", "strongly", "firmly", "flatly", "repeatedly"].contains(lower[k]) { k -= 1 }
        return k
    }

    /// "…, a charge he rejects", "an accusation that they deny": a personal pronoun answers the
    /// charge (the one it accused, whom the caller finds).
    static func pronounAnswersCharge(before trigger: Int, in range: Range<Int>, lower: [Word]) -> Bool {
        let k = lastBeforeAuxiliaries(trigger, in: range, lower: lower)
        guard k > range.lowerBound, ["he", "she", "they", "it"].contains(lower[k]) else { return false }
        var start = k
        if ["that", "which"].contains(lower[start - 1]) { start -= 1 }
        return start > range.lowerBound && chargeNouns.contains(lower[start - 1])
    }

    /// The party in "a charge Kigali rejects", "an accusation that the Emiratis deny", "a claim
    /// Kyiv's general staff denied": the name right before the verb (its own words after a
    /// possessive allowed), with a word for a charge right before the name.
    static func chargeAnswerer(before trigger: Int, in range: Range<Int>, lower: [Word], entityAt: [Int?]) -> Int? {
        var k = lastBeforeAuxiliaries(trigger, in: range, lower: lower)
        // "Kyiv's general staff": back over up to three words to the possessive.
        if k > range.lowerBound, entityAt[k] == nil,
           let owner = (max(range.lowerBound + 1, k - 3)..<k).reversed().first(where: { ["'s", "’s"].contains(lower[$0]) }),
           (owner + 1...k).allSatisfy({ entityAt[$0] == nil && lower[$0].text.first?.isLetter == true }) {
            k = owner - 1
        }
        guard k > range.lowerBound, let e = entityAt[k] else { return nil }
        var start = k
        while start > range.lowerBound, entityAt[start - 1] == e { start -= 1 }
        if start > range.lowerBound, lower[start - 1] == "the" { start -= 1 }
        // "charges that the defence ministry in Yerevan has denied": the body of a place.
        if start > range.lowerBound + 2, lower[start - 1] == "in", let the = (max(range.lowerBound, start - 5)..<(start - 1)).last(where: { lower[$0] == "the" }),
           (the + 1..<(start - 1)).allSatisfy({ entityAt[$0] == nil && lower[$0].text.first?.isLetter == true }) {
            start = the
        }
        if start > range.lowerBound, lower[start - 1] == "that" { start -= 1 }
        guard start > range.lowerBound, chargeNouns.contains(lower[start - 1]) else { return nil }
        return e
    }

    static let concernWords: WordSet = ["concern", "concerned", "risk", "risks", "endanger", "endangered", "endangers",
                                        "endangering", "escalation", "destabilising", "destabilizing", "deplorable", "alarming", "jeopardise",
                                        "jeopardize", "jeopardised", "jeopardized"]

    /// "Witkoff said Iran would have to dismantle…", "he wrote that Russia had to start moving":
    /// an obligation laid on someone in reported speech is a DEMAND by the one who said it, aimed
    /// at the one who must act (the clause's subject, else the first party after the modal).
    private func reportedObligation(after cue: Int, by statement: Event, in range: Range<Int>, document: Document,
                                    words: [String], lower: [Word], entityAt: [Int?]) -> Event? {
        var modal: Range<Int>?
        var k = cue + 1
        while k < range.upperBound, modal == nil {
            if inQuote(document.tokens[k].span, document: document) { k += 1; continue }
            let next = k + 1 < range.upperBound ? lower[k + 1] : ""
            if ["must", "should"].contains(lower[k]) { modal = k..<(k + 1) }
            else if ["had", "has", "have", "need", "needs", "needed"].contains(lower[k]), next == "to" { modal = k..<(k + 2) }
            if let found = modal, found.lowerBound > range.lowerBound, Self.negations.contains(lower[found.lowerBound - 1]) || lower[found.lowerBound - 1] == "n't" {
                // "did not need to enrich beyond 3.67 percent" still limits what may be done.
                if !["need", "needs", "needed"].contains(lower[found.lowerBound]) { modal = nil }
            }
            k += 1
        }
        guard let modal else { return nil }
        let speaker = statement.actors
        let ids = document.entities.map(\.id)
        let isParty: (Int) -> Bool = { e in
            let entity = document.entities[e]
            return [.person, .org, .gpe, .norp].contains(entity.type) && !speaker.contains(entity.id)
                && !(entity.type == .gpe && entity.refersTo == nil && entity.kind != "country")
        }
        let subject = (cue + 1..<modal.lowerBound).compactMap { entityAt[$0] }.first(where: isParty)
        let object = (modal.upperBound..<min(range.upperBound, modal.upperBound + 8)).compactMap { entityAt[$0] }.first(where: isParty)
        guard let target = (subject ?? object).flatMap({ countryOf($0, document: document) }) else { return nil }
        var event = statement
        event.type = .demand
        event.targets = [ids[target]]
        event.modality = .asserted
        event.trigger = TextSpan(start: document.tokens[modal.lowerBound].span.start, end: document.tokens[modal.upperBound - 1].span.end)
        event.confidence = 0.55
        event.position = position(for: event, after: modal, in: range, words: words, lower: lower, entityAt: entityAt)
        return event
    }

    /// Quotes that are acts: a "must" or "has to" is a DEMAND by the speaker, a threat a THREATEN.
    /// Words that make a quotation a threat: a price, an answer or a blow promised.
    static let quotedThreats: [[UInt8]] = ["retaliate", "will respond", "consequences", "destroy", "wipe out", "pay a", "will pay", "higher price",
                                "heavy price", "firm response", "decisive response", "will be met", "will be answered", "strike back",
                                "hit back", "will cost", "finish the job", "every means", "all options", "will not hesitate", "punish",
                                "crush", "ends of the earth", "happen again", "more will follow", "take up arms"].map { Array($0.utf8) }
    static let quotedAppeals: [[UInt8]] = [" urge ", " urges ", " call on ", " calls on "].map { Array($0.utf8) }
    static let quotedDemands: [[UInt8]] = [" must ", " has to ", " have to ", " should ", "must ", "has to ", " asks ", " ask ", " demand "].map { Array($0.utf8) }

    /// Whether `needle` occurs in `haystack` (bytes).
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    private func quoteActs(document: Document, entityAt: [Int?], words: [String], lower: [Word]) -> [Event] {
        var events: [Event] = []
        for quote in document.quotes {
            guard let speaker = quote.speaker else { continue }
            // Byte search: `String.contains(String)` goes through Foundation here, and the
            // lists below are tried on every quotation.
            let text = Array(document.text.slice(quote.span).lowercased().utf8)
            let has = { (phrases: [[UInt8]]) in phrases.contains { Self.occurs($0, in: text) } }
            let type: Event.Kind
            // "We urge Iran to…" is an appeal, as the word is outside quotations; "must", "has
            // to" and "India asks Pakistan to stop…" are demands.
            // A demand with a price named ("should understand that every delay will cost it
            // more") is a threat, as the annotation guide has it.
            if has(Self.quotedAppeals) { type = .appeal }
            else if has(Self.quotedThreats) { type = .threaten }
            else if has(Self.quotedDemands) { type = .demand }
            else { continue }
            // The target: a body or country named inside the quotation.
            let inside = document.tokens.indices.filter { quote.span.contains(document.tokens[$0].span) }
            let target = inside.compactMap { entityAt[$0] }.first { [.gpe, .org, .person].contains(document.entities[$0].type) && document.entities[$0].id != speaker }
            var event = Event(id: Event.ID(rawValue: ""), type: type, modality: .asserted, actors: [speaker],
                              targets: target.map { [document.entities[$0].id] } ?? [],
                              sentence: quote.sentence, trigger: quote.span, confidence: 0.6)
            // What is demanded follows the quotation's "must" or "has to": "“Every sanction has
            // to be lifted first”" demands every sanction lifted.
            if type == .demand, let first = inside.first, let last = inside.last,
               let modal = inside.first(where: { lower[$0] == "must" || lower[$0] == "should" || ["has", "have"].contains(lower[$0]) && $0 < last && lower[$0 + 1] == "to" }) {
                let end = lower[modal] == "must" || lower[modal] == "should" ? modal + 1 : modal + 2
                event.position = position(for: event, after: modal..<end, in: first..<(last + 1), words: words, lower: lower, entityAt: entityAt)
            }
            events.append(event)
        }
        return events
    }
}
