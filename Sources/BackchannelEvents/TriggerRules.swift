import BackchannelCore

/// The rules that confirm, retype or veto what the trigger lexicon says of a word, in context:
/// the lexicon gives a word's usual reading, these rules the readings its neighbours change.
extension EventDetector {
    static let sanctionNouns: WordSet = ["sanctions", "tariffs", "tariff", "penalties", "embargo", "restrictions", "bans"]
    static let imposing: WordSet = ["imposed", "imposes", "impose", "imposing", "approved", "adopted", "announced", "new", "fresh", "further",
                                        "more", "additional", "extra", "introduced", "ordered", "added", "slapped", "extended", "steep",
                                        "secondary", "threatened", "threatening", "unveiled", "agreed", "expanded", "tougher"]
    static let giving: WordSet = ["pledged", "pledges", "promised", "promises", "provided", "provides", "provide", "sent", "send", "sends",
                                      "delivered", "deliver", "delivers", "approved", "announced", "committed", "gave", "give", "gives",
                                      "offered", "new", "more", "additional", "package", "allowed", "unveiled", "granted"]
    static let launchedWeapons: WordSet = ["strikes", "strike", "attack", "attacks", "offensive", "campaign", "drones", "missiles", "raids", "rockets", "assault", "incursion"]
    static let fightingGoesOn: WordSet = ["began", "begin", "continued", "continues", "erupted", "widened", "enters", "entered", "resumed",
                                              "intensified", "escalated", "spread", "raged", "broke"]
    static let takingEffectVerbs: WordSet = ["took", "takes", "take", "went", "goes", "came", "comes"]
    static let takingEffect: WordSet = ["took effect", "takes effect", "take effect", "took hold", "takes hold", "went into", "goes into", "came into", "comes into"]
    static let truceWords: WordSet = ["ceasefire", "truce", "pause", "moratorium", "armistice", "cease-fire"]
    static let haltingWords: WordSet = ["halt", "pause", "moratorium", "ceasefire", "truce", "stop", "end", "face", "against", "ban", "suspension"]
    /// Every word a rule in the sentence loop can start at: triggers, the first words of
    /// two-word triggers, and the words the rules of `trigger(at:in:sentence:document:lower:entityAt:)` look for.
    static let ruleWords: WordSet = WordSet(TriggerLexicon.single.keys).union(TriggerLexicon.pairFirstWords)
        .union(TriggerLexicon.stopping).union(negations).union(takingEffectVerbs)
        .union(launchVerbs).union(openingVerbs).union(gatheringVerbs).union(receivingVerbs).union(restoringVerbs)
        .union(arrivingVerbs).union(leadingVerbs).union(pullingVerbs).union(settingVerbs).union(releasingVerbs)
        .union(["only", "pay", "paying", "pays", "spoke", "talked", "consequences", "response", "took", "take", "takes", "taking"])
        .union(callingVerbs).union(reproachWords)
        .union(["initial", "work", "working", "works", "put", "puts", "listed", "added", "adds", "measures"])
        .union(["package", "spent", "call"]).union(givingTime)
        .union(closingVerbs).union(expellingVerbs).union(declaringVerbs).union(vowing).union(conditionWords).union(takingVerbs)
        .union(["told", "brought", "brings", "bring", "distanced", "reserved", "reserves", "reserve"]).union(tellingVerbs)
        .union(reopeningVerbs).union(["hit", "hits"]).union(readiness).union(tablingVerbs).union(proposalNouns)
        .union(joiningVerbs).union(["phone", "phones", "phoning"]).union(pressingVerbs).union(decreeingVerbs).union(dissolvingVerbs)
    static let launchVerbs: WordSet = ["launched", "launches", "launch", "launching"]
    static let openingVerbs: WordSet = ["opened", "opens", "open", "closed", "closes"]
    static let gatheringVerbs: WordSet = ["gather", "gathered", "gathers", "gathering"]
    static let receivingVerbs: WordSet = ["received", "receives", "called", "calls"]
    static let arrivingVerbs: WordSet = ["arrive", "arrives", "arrived", "arriving", "land", "lands", "landed", "landing"]
    static let leadingVerbs: WordSet = ["led", "headed"]
    static let delegations: WordSet = ["delegation", "delegations", "team", "teams", "negotiators", "side"]
    static let callOpeners: WordSet = ["a", "phone", "telephone", "video", "their", "his", "her"]
    static let takingVerbs: WordSet = ["seized", "seize", "seizes", "seizing", "took", "take", "takes", "taking", "recaptured", "recapture", "recaptures",
                                       "captured", "capture", "captures", "besieging", "besieged", "besiege", "besieges", "retook", "retake"]
    static let receivingPeopleVerbs: WordSet = ["received", "receives", "receive"]
    static let workingVerbs: WordSet = ["work", "working", "works"]
    static let callingVerbs: WordSet = ["called", "calls", "calling", "branded", "brands", "described", "describes"]
    /// Words that reproach when someone calls a thing so ("called the decision wrong").
    static let reproachWords: WordSet = ["wrong", "mistake", "counterproductive", "dangerous", "reckless", "absurd", "outrageous", "unlawful", "terrorism", "unilateral",
                                             "unjustified", "unjust", "illegal", "unacceptable", "irresponsible", "provocative", "illegitimate",
                                             "shameful", "baseless", "unfriendly", "hostile",
                                             // "called the seizure “outright theft”"
                                             "theft", "piracy", "robbery", "aggression", "blackmail", "provocation", "violation", "lie", "lies",
                                             "propaganda", "interference", "betrayal", "crime", "crimes", "disgrace", "hypocrisy", "sabotage"]
    /// What one will not do that is a refusal: "will not recognise it", "would not negotiate".
    static let refusable: WordSet = ["accept", "recognise", "recognize", "apply", "implement", "honour", "honor", "abide", "respect",
                                         "comply", "sign", "negotiate", "agree", "allow", "tolerate", "endorse"]
    static let dismay: WordSet = ["alarmed", "dismayed", "appalled"]
    /// Words before "block" that make it a noun: "an apartment block", "the eastern block".
    static let blockNounsBefore: WordSet = ["a", "an", "the", "apartment", "residential", "tower", "office", "housing", "city", "voting",
                                            "this", "that", "its", "their", "one", "building", "concrete", "cell", "eastern", "western"]
    static let violence: WordSet = ["killed", "killing", "killings", "attack", "attacked", "attacks", "assault", "shooting", "shot", "massacre"]
    static let irregulars: WordSet = ["gunmen", "gunman", "militants", "attackers", "assailants", "terrorists", "bombers", "bomber", "militiamen",
                                      "gang", "gangs", "terrorist", "terror"]
    static let defenceless: WordSet = ["civilians", "worshippers", "worshipers", "tourists", "pilgrims", "patients", "camp", "hospital", "school", "mosque",
                                       "church", "children", "kindergarten", "convoy", "villagers", "displaced", "hospitals", "schools"]
    /// A bomb carried by a person or a vehicle, not dropped by an air force: "a suicide bombing".
    static let irregularBombs: WordSet = ["suicide", "car", "truck", "roadside"]
    static let bombWords: WordSet = ["bombing", "bombings", "bomb", "bombs", "bomber", "bombers"]
    /// Between a killing and whom it killed: "killed at least 25 worshippers".
    static let countWords: WordSet = ["at", "least", "more", "than", "about", "some", "over", "nearly", "almost", "dozens", "hundreds", "of", "scores"]
    static let tellingVerbs: WordSet = ["told", "tells", "assured", "assures", "informed", "informs", "briefed", "briefs", "reassured"]
    /// Shutting these to another state sanctions it: "closed its airspace to Indian airlines".
    static let closingVerbs: WordSet = ["closed", "closes", "close", "closing", "shut", "shuts", "suspended", "suspends", "suspend", "halted", "halts",
                                        "cancelled", "canceled", "cancels", "revoked", "revokes", "severed", "severs", "downgraded", "downgrades",
                                        "sealed", "seals", "seal", "sealing", "cut", "cuts", "cutting"]
    /// Sending a state's diplomats home, or calling one's own back, sanctions it.
    static let expellingVerbs: WordSet = ["expelled", "expels", "expel", "expelling", "recalled", "recalls", "recall", "recalling"]
    static let diplomats: WordSet = ["ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "attaché", "attache", "consul",
                                     "chargé", "charge"]
    /// A state's posts abroad: people sent home from them are diplomats.
    static let diplomaticPosts: WordSet = ["mission", "embassy", "consulate", "legation", "commission"]
    static let orderingVerbs: WordSet = ["ordered", "orders", "told", "tells", "asked"]
    static let closable: WordSet = ["airspace", "border", "borders", "crossing", "crossings", "trade", "visas", "cooperation", "embassy", "consulate",
                                    "flights", "ports", "relations", "ties"]
    static let reopeningVerbs: WordSet = ["reopened", "reopens", "reopen", "reopening"]
    static let readiness: WordSet = ["ready", "willing", "prepared"]
    static let joiningVerbs: WordSet = ["joined", "joins", "join", "joining"]
    static let proposalNouns: WordSet = ["proposal", "proposals", "plan", "draft", "counterproposal", "offer", "initiative"]

    /// The party named right before a proposal noun ("a U.S. proposal", "Armenian proposals",
    /// "Egypt's new plan"): a person, body or country, or a nationality standing for a country.
    static func proposer(before i: Int, in range: Range<Int>, lower: [Word], entityAt: [Int?], document: Document) -> Int? {
        var k = i - 1
        if k > range.lowerBound, ["new", "latest", "revised", "own", "rival", "draft", "peace", "ceasefire", "main", "earlier", "key", "central"].contains(lower[k]) { k -= 1 }
        if k > range.lowerBound, ["'s", "’s"].contains(lower[k]) { k -= 1 }
        guard k >= range.lowerBound, let e = entityAt[k] else { return nil }
        let entity = document.entities[e]
        switch entity.type {
        case .person, .org: return e
        case .gpe: return entity.refersTo != nil || entity.kind == "country" ? e : nil
        case .norp:
            guard let country = entity.refersTo else { return nil }
            return document.entities.firstIndex { $0.name == country && $0.type == .gpe }
        default: return nil
        }
    }
    /// Nouns for a demand or a request whose author may be named before them ("Moscow's main
    /// demands", "an earlier U.S. demand", "at Britain's request") or after "of" ("at the request
    /// of six members").
    static let demandNouns: WordSet = ["demand", "demands", "request", "requests", "ultimatum", "call", "calls"]

    /// The parties after "the request of", "the demand of": "at the request of Britain and France".
    static func requesters(after i: Int, in range: Range<Int>, lower: [Word], entityAt: [Int?], document: Document) -> [Int] {
        guard i + 1 < range.upperBound, lower[i + 1] == "of", i > range.lowerBound, lower[i - 1] == "the" else { return [] }
        var found: [Int] = []
        var k = i + 2
        while k < range.upperBound {
            if let e = entityAt[k] {
                if !found.contains(e), [.person, .org, .gpe, .norp].contains(document.entities[e].type) { found.append(e) }
            } else if ![",", "and", "the"].contains(lower[k]) {
                break
            }
            k += 1
        }
        return found
    }

    static let overridingWords: WordSet = ["dropped", "drop", "drops", "dropping", "lifted", "lift", "lifts", "withdrew", "withdrawn",
                                           "withdraw", "waived", "over", "despite", "overrode", "overruled"]
    /// What a party offers to do when it says it is ready to: "ready to send troops".
    static let offeredDeeds: WordSet = ["send", "join", "take", "contribute", "deploy", "help", "talk", "negotiate", "meet", "sign", "work",
                                        "cooperate", "resume", "provide", "host", "accept", "consider", "discuss", "participate", "guarantee",
                                        "mediate", "compromise", "engage"]
    static let tablingVerbs: WordSet = ["circulated", "circulates", "tabled", "tables", "submitted", "submits", "presented", "presents", "drafted"]
    static let proposedTexts: WordSet = ["draft", "proposal", "proposals", "plan", "resolution", "text", "framework", "roadmap", "counterproposal"]
    /// What hits when an attack does: "drones hit the port".
    static let hittingWeapons: WordSet = ["drone", "drones", "missile", "missiles", "rocket", "rockets", "shell", "shells", "artillery",
                                          "bomb", "bombs", "jets", "strike", "strikes", "airstrike", "airstrikes", "shelling", "torpedo"]
    static let declaringVerbs: WordSet = ["declared", "declares", "declare", "declaring", "ordered", "orders", "order", "ordering"]
    static let vowing: WordSet = ["vowed", "vows", "vow", "vowing", "pledged", "pledges", "promised", "promises"]
    static let vengeance: WordSet = ["pursue", "punish", "retaliate", "respond", "avenge", "destroy", "hunt", "crush", "strike"]
    static let conditionWords: WordSet = ["condition", "conditions", "demand", "demands", "precondition", "preconditions"]
    /// What is taken in fighting when it is not a named town: "seized a key army base".
    static let strongholds: WordSet = ["base", "bases", "palace", "airport", "city", "town", "towns", "villages", "village", "buildings", "positions",
                                       "capital", "headquarters", "garrison", "airfield", "stronghold", "bridge"]
    static let willingModals: WordSet = ["will", "would", "wo", "shall", "can", "could", "ca", "cannot"]
    /// Verbs that make an accusation of a deed named after "of" or "for".
    static let accusingVerbs: WordSet = ["accused", "accuses", "accuse", "accusing", "blamed", "blames", "blame", "blaming", "charged", "charges"]
    /// What a threat not ruled out is: "has not ruled out military action".
    static let forceWords: WordSet = ["military", "force", "strikes", "strike", "attack", "attacks", "retaliation", "war", "invasion"]
    static let timeUnits: WordSet = ["days", "weeks", "hours", "months", "day", "week"]
    static let givingTime: WordSet = ["gave", "given", "giving", "gives", "give"]
    static let threatAdjectives: WordSet = ["firm", "overwhelming", "decisive", "strong", "harsh", "crushing", "forceful", "severe", "serious", "lasting", "dire", "trade",
                                            "fitting", "befitting", "swift", "resolute", "robust", "military"]
    static let pullingVerbs: WordSet = ["pull", "pulls", "pulled", "pulling"]
    static let decreeingVerbs: WordSet = ["declared", "declares", "declare", "declaring", "imposed", "imposes", "impose", "imposing"]
    static let dissolvingVerbs: WordSet = ["dissolved", "dissolves", "dissolve", "dissolving", "disbanded", "disbands", "disband", "banned", "bans", "ban"]
    static let dissolvedBodies: WordSet = ["parliament", "council", "parties", "party", "government", "assembly", "legislature", "cabinet",
                                           "congress", "senate", "commission", "unions", "opposition"]
    static let settingVerbs: WordSet = ["set", "sets", "setting", "laid", "lays", "laying"]
    static let releasingVerbs: WordSet = ["released", "releases", "release", "releasing", "disbursed", "disburse", "disburses"]
    static let conditionNouns: WordSet = ["terms", "conditions", "demands", "preconditions", "red", "requirements"]
    static let restoringVerbs: WordSet = ["restored", "restore", "restores", "restoring", "normalised", "normalized"]
    /// What makes sending or promising aid: the words of its modes and a few more.
    /// Objects that make "struck" a figure of speech: "struck a conciliatory tone", "struck a deal".
    static let figurativeStrikes: WordSet = ["tone", "note", "chord", "balance", "deal", "bargain", "agreement", "pose", "blow", "compromise"]
    static let turningVerbs: WordSet = ["turned", "turns", "turn", "turning"]
    static let pressingVerbs: WordSet = ["pressed", "presses", "press", "pressing", "pressured", "pressures", "pressuring", "pushed", "pushes", "pushing"]
    static let weaponWords: WordSet = ["patriot", "patriots", "weapons", "missiles", "drones", "systems", "arms", "ammunition", "shells", "tanks", "jets"]
    static let aidWords: WordSet = WordSet(TriggerLexicon.aidModes.flatMap(\.words)).union(["aid", "weapons", "equipment", "systems", "money", "funds", "help"])

    /// Words `i + from ..< i + to`, cut to the sentence `range` (empty when they lie past it).
    static func ahead(_ i: Int, _ from: Int, _ to: Int, in range: Range<Int>) -> Range<Int> {
        let lower = min(i + from, range.upperBound)
        return lower..<max(lower, min(range.upperBound, i + to))
    }

    /// Whether an article is about sanctions (it names them somewhere): there listing someone,
    /// and measures aimed at someone, are sanctions.
    static func aboutSanctions(_ lower: [Word]) -> Bool {
        lower.contains { $0.hasPrefix("sanction") }
    }

    /// The trigger that starts at word `i` of the sentence `range`, or nil.
    /// `aboutSanctions`: ``aboutSanctions(_:)`` of the whole document, worked out once.
    func trigger(at i: Int, in range: Range<Int>, sentence: TextSpan, document: Document, lower: [Word], entityAt: [Int?],
                 aboutSanctions: Bool) -> TriggerLexicon.Trigger? {
        var trigger: TriggerLexicon.Trigger?
        if i + 1 < range.upperBound, TriggerLexicon.pairFirstWords.contains(lower[i]) {
            trigger = TriggerLexicon.pairs[lower[i].text + " " + lower[i + 1].text]
        }
        if trigger == nil { trigger = TriggerLexicon.single[lower[i]] }
        // "freed three hostages", "hostages to be freed": a RETREAT; "exchanged ideas" is
        // a meeting; "released a statement" no event at all.
        // ("Iran freed the journalist Jason Rezaian", "freed five Americans": a person or
        // nationals named right after the verb are people too.)
        if trigger?.type == .retreat, TriggerLexicon.handedBack.contains(lower[i]) {
            let near = max(range.lowerBound, i - 4)..<min(range.upperBound, i + 8)
            let named = (i + 1..<min(range.upperBound, i + 5)).contains { k in
                entityAt[k].map { [.person, .norp].contains(document.entities[$0].type) } ?? false
            }
            if !named, !near.contains(where: { TriggerLexicon.people.contains(lower[$0]) }) {
                trigger = ["exchange", "exchanged"].contains(lower[i]) ? TriggerLexicon.Trigger(type: .consult, mode: "meeting", confidence: 0.5, length: 1) : nil
            }
        }
        // "a round of sanctions" is none; "the third round", "two rounds with" are talks.
        if trigger?.type == .consult, ["round", "rounds"].contains(lower[i]), i + 2 < range.upperBound, lower[i + 1] == "of",
           !["talks", "negotiations", "consultations", "discussions"].contains(lower[i + 2]) {
            trigger = nil
        }
        // "spent four hours with Putin", "spent Monday with the Russian team": a meeting.
        if trigger == nil, lower[i] == "spent", (i + 1..<min(range.upperBound, i + 11)).contains(where: { lower[$0] == "with" }) {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "meeting", confidence: 0.7, length: 1)
        }
        // "in a call on Wednesday", "a phone call": a call is a conversation; "a call for" an appeal.
        // ("a long call", "a two-hour call": a word of length or order may stand between.)
        if trigger == nil, lower[i] == "call", i > range.lowerBound,
           Self.callOpeners.contains(lower[i - 1])
               || i - 2 >= range.lowerBound && Self.callOpeners.contains(lower[i - 2])
                   && (["long", "brief", "short", "lengthy", "first", "second", "rare", "private", "joint"].contains(lower[i - 1])
                       || lower[i - 1].hasSuffix("-hour") || lower[i - 1].hasSuffix("-minute")),
           i + 1 >= range.upperBound || !["for", "on", "to"].contains(lower[i + 1])
            || lower[i + 1] == "on" && i + 2 < range.upperBound && (Self.weekdays.contains(lower[i + 2].text) || Self.months.contains(lower[i + 2].text)) {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "phone", confidence: 0.7, length: 1)
        }
        // "declared a state of emergency", "imposed martial law", "dissolved the council and the
        // government": a government's force on its own people and institutions is a COERCE.
        // (A declaration is otherwise a STATEMENT.)
        if trigger == nil || trigger?.type == .statement, Self.decreeingVerbs.contains(lower[i]) {
            // (The trigger runs to the measure's last word: the words say more than "declared".)
            if let last = Self.ahead(i, 1, 6, in: range).first(where: { k in lower[k] == "emergency" && k >= 2 && lower[k - 1] == "of" && lower[k - 2] == "state"
                    || lower[k] == "law" && lower[k - 1] == "martial" || lower[k] == "curfew" }) {
                trigger = TriggerLexicon.Trigger(type: .coerce, mode: nil, confidence: 0.7, length: last - i + 1)
            }
            // "declared a state of war", "a state of imminent threat of war": a war footing is a
            // MOBILIZE.
            if trigger == nil || trigger?.type == .statement,
               let last = Self.ahead(i, 1, 8, in: range).first(where: { k in lower[k] == "war" }),
               (i + 1..<last).contains(where: { j in lower[j] == "state" && lower[j + 1] == "of" }) {
                trigger = TriggerLexicon.Trigger(type: .mobilize, mode: nil, confidence: 0.7, length: last - i + 1)
            }
        }
        if trigger == nil, Self.dissolvingVerbs.contains(lower[i]),
           Self.ahead(i, 1, 5, in: range).contains(where: { Self.dissolvedBodies.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .coerce, mode: nil, confidence: 0.7, length: 1)
        }
        // "accused Rwanda of backing the rebels", "blamed Kyiv for shelling the plant": the deed
        // named in an accusation is what is alleged, not a deed the writer reports.
        if let type = trigger?.type, [.fight, .assault, .aid, .support].contains(type), lower[i].hasSuffix("ing"), i - 1 > range.lowerBound,
           ["of", "for"].contains(lower[i - 1]),
           (max(range.lowerBound, i - 10)..<(i - 1)).contains(where: { Self.accusingVerbs.contains(lower[$0]) }) {
            trigger = nil
        }
        // "a halt to strikes", "a pause on strikes", "could face strikes": strikes that are
        // talked about, stopped or threatened are no fighting.
        if trigger?.type == .fight, Self.fightNouns.contains(lower[i]),
           (max(range.lowerBound, i - 3)..<i).contains(where: { Self.haltingWords.contains(lower[$0]) }) {
            trigger = nil
        }
        // "called the strikes outrageous", "alarmed by the fighting": a deed being judged is
        // not told here.
        if trigger?.type == .fight, Self.fightNouns.contains(lower[i]),
           (max(range.lowerBound, i - 4)..<i).contains(where: { Self.callingVerbs.contains(lower[$0]) || Self.dismay.contains(lower[$0]) || lower[$0] == "distanced" }) {
            trigger = nil
        }
        // "struck a similar tone", "struck a deal", "strike a balance": a figure of speech, not a
        // blow (a deal struck is an agreement).
        if trigger?.type == .fight, ["struck", "strike", "strikes", "striking"].contains(lower[i]),
           let object = Self.ahead(i, 1, 5, in: range).first(where: { Self.figurativeStrikes.contains(lower[$0]) }),
           !Self.ahead(i, 1, object - i, in: range).contains(where: { entityAt[$0] != nil }) {
            trigger = ["deal", "bargain", "agreement", "compromise"].contains(lower[object])
                ? TriggerLexicon.Trigger(type: .agree, mode: nil, confidence: 0.75, length: 1) : nil
        }
        // "unless the fighting stopped", "if the attacks go on": a condition is no fighting told.
        if trigger?.type == .fight, Self.fightNouns.contains(lower[i]),
           (max(range.lowerBound, i - 3)..<i).contains(where: { ["unless", "if", "until"].contains(lower[$0]) }) {
            trigger = nil
        }
        // "pressed Phnom Penh to stop laying mines", "has pushed Western capitals to punish Rwanda":
        // pressing someone to act demands it.
        // ("stopped all goods to press Hamas to accept": the purpose of another act; "thanked Trump
        // for pressing…": someone else's; "a theme he pressed during his visit to Washington".)
        if trigger == nil, Self.pressingVerbs.contains(lower[i]), !(i > range.lowerBound && ["the", "a", "free", "to", "for"].contains(lower[i - 1])),
           let to = Self.ahead(i, 2, 7, in: range).first(where: { lower[$0] == "to" }), to + 1 < range.upperBound, entityAt[to + 1] == nil,
           !(i + 1..<to).contains(where: { [",", ".", ";", "and", "but", "for"].contains(lower[$0]) }),
           lower[to + 1].text.first?.isLetter == true, !Self.determiners.contains(lower[to + 1]),
           !["the", "a", "an", "its", "their", "his", "her", "this", "that"].contains(lower[to + 1]) {
            trigger = TriggerLexicon.Trigger(type: .demand, mode: nil, confidence: 0.7, length: 1)
        }
        // "turned the idea down", "turning the offer down": the phrasal verb around its object.
        if trigger == nil, Self.turningVerbs.contains(lower[i]),
           let down = Self.ahead(i, 2, 6, in: range).first(where: { lower[$0] == "down" }),
           !(i + 1..<down).contains(where: { [",", ".", ";", "and", "but"].contains(lower[$0]) || TriggerLexicon.single[lower[$0]] != nil }) {
            trigger = TriggerLexicon.Trigger(type: .reject, mode: nil, confidence: 0.75, length: 1)
        }
        // "any attack would meet a firm response": an attack that may come is no fighting.
        if trigger?.type == .fight, Self.fightNouns.contains(lower[i]), i > range.lowerBound, ["any", "every"].contains(lower[i - 1]) {
            trigger = nil
        }
        // "before talks with Moscow had begun", "hours after the Kremlin meeting": a meeting
        // used to date something else is not reported here.
        if trigger?.type == .consult, Self.meetingNouns.contains(lower[i]),
           (max(range.lowerBound, i - 3)..<i).contains(where: { ["before", "after", "during", "since", "ahead"].contains(lower[$0]) }),
           !(i + 1..<min(range.upperBound, i + 6)).contains(where: { lower[$0] == "between" }) {
            trigger = nil
        }
        // "insists that its right to enrich is not up for negotiation": insisting on a "no" is a refusal.
        if trigger?.type == .demand, lower[i].hasPrefix("insist"),
           (i + 1..<min(range.upperBound, i + 14)).prefix(while: { ![";", "though", "although", "but", "while"].contains(lower[$0]) })
               .contains(where: { Self.negations.contains(lower[$0]) }) {
            trigger?.type = .reject
        }
        // "is not up for negotiation", "not up for discussion": a refusal.
        // The trigger is the whole phrase, so its "not" does not deny it.
        if trigger == nil, Self.negations.contains(lower[i]), i + 3 < range.upperBound, lower[i + 1] == "up", lower[i + 2] == "for",
           ["negotiation", "discussion", "debate"].contains(lower[i + 3]) {
            trigger = TriggerLexicon.Trigger(type: .reject, mode: nil, confidence: 0.7, length: 4)
        }
        // "sanctions relief", "EU sanctions must be renewed": a word for sanctions is an act
        // only when something imposes them ("imposed sanctions", "new tariffs") or they are
        // aimed at someone ("sanctions on Iran").
        if trigger?.type == .sanction, Self.sanctionNouns.contains(lower[i]) {
            let before = (max(range.lowerBound, i - 4)..<i).map { lower[$0] }
            let imposed = before.contains { Self.imposing.contains($0) }
            let aimed = i + 2 < range.upperBound && ["on", "against"].contains(lower[i + 1])
                && (i + 2..<min(range.upperBound, i + 5)).contains { entityAt[$0] != nil }
            let relief = before.contains { ["lift", "lifted", "lifting", "ease", "eased", "easing", "relief", "reimposed"].contains($0) }
                || (i + 1 < range.upperBound && lower[i + 1] == "relief")
            if relief || !(imposed || aimed) { trigger = nil }
        }
        // "let aid through", "bilateral aid coordinated through…": the word "aid" is a deed only
        // when someone gives it or money is named with it.
        if trigger?.type == .aid, ["aid", "convoys"].contains(lower[i]),
           !(max(range.lowerBound, i - 6)..<i).contains(where: { Self.giving.contains(lower[$0]) }),
           !document.money.contains(where: { sentence.contains($0.span) }) {
            trigger = nil
        }
        // "launched air strikes", "launched drones at airfields": an attack.
        if trigger == nil, Self.launchVerbs.contains(lower[i]),
           (i + 1..<min(range.upperBound, i + 5)).contains(where: { Self.launchedWeapons.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .fight, mode: nil, confidence: 0.75, length: 1)
        }
        // "the clashes began", "fighting has continued": fighting is reported even when no
        // side is named.
        if trigger?.type == .fight, ["clashes", "fighting", "hostilities", "shelling"].contains(lower[i]),
           (i + 1..<min(range.upperBound, i + 3)).contains(where: { Self.fightingGoesOn.contains(lower[$0]) }) {
            trigger?.confidence = 0.9
        }
        // "opened the session", "delegations gather in Istanbul": running or joining a meeting.
        if trigger == nil, Self.openingVerbs.contains(lower[i]),
           (i + 1..<min(range.upperBound, i + 4)).contains(where: { Self.meetingNouns.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "meeting", confidence: 0.7, length: 1)
        }
        if trigger == nil, Self.gatheringVerbs.contains(lower[i]), i + 1 < range.upperBound, ["in", "at", "for"].contains(lower[i + 1]) {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "meeting", confidence: 0.6, length: 1)
        }
        // "Trump lands in Israel", "Zelenskyy has arrived in The Hague": a visit, when a place
        // follows; freed prisoners arriving home are released, not visiting.
        if trigger == nil, Self.arrivingVerbs.contains(lower[i]), i + 2 < range.upperBound, ["in", "at"].contains(lower[i + 1]),
           let place = (i + 2..<min(range.upperBound, i + 4)).lazy.compactMap({ entityAt[$0] }).first,
           [.gpe, .fac].contains(document.entities[place].type),
           !(max(range.lowerBound, i - 4)..<i).contains(where: { TriggerLexicon.people.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "visit", confidence: 0.7, length: 1)
        }
        // "The U.S. delegation is led by Rubio", "Kyiv's team is headed by Yermak": the ones who
        // lead a side at the table meet (the agent after "by" acts).
        if trigger == nil, Self.leadingVerbs.contains(lower[i]),
           (max(range.lowerBound, i - 4)..<i).contains(where: { Self.delegations.contains(lower[$0]) }),
           (i + 1..<min(range.upperBound, i + 5)).contains(where: { lower[$0] == "by" }) {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "meeting", confidence: 0.6, length: 1)
        }
        // "will pull heavy weapons back from the frontier": a withdrawal, the object between.
        if trigger == nil, Self.pullingVerbs.contains(lower[i]),
           Self.ahead(i, 2, 5, in: range).contains(where: { lower[$0] == "back" }) {
            trigger = TriggerLexicon.Trigger(type: .retreat, mode: nil, confidence: 0.75, length: 1)
        }
        // "a memorandum setting out its terms", "laid out conditions for a truce": demands.
        if trigger == nil, Self.settingVerbs.contains(lower[i]), i + 1 < range.upperBound, lower[i + 1] == "out",
           (i + 2..<min(range.upperBound, i + 6)).contains(where: { Self.conditionNouns.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .demand, mode: nil, confidence: 0.65, length: 2)
        }
        // "would only work if", "will only sign once": a condition, as "only if" is.
        // The trigger runs to the "if", so the condition is the issue.
        if trigger == nil, lower[i] == "only", let end = Self.ahead(i, 2, 4, in: range).first(where: { ["if", "once", "after"].contains(lower[$0]) }),
           !(i + 1..<end).contains(where: { [",", "."].contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .demand, mode: nil, confidence: 0.55, length: end - i + 1)
        }
        // "Iran will not recognise it", "Tehran would not negotiate while under attack": what one
        // says one will not do is a refusal, not an agreement denied ("has not accepted" is that).
        // The trigger runs from the negation, so its "not" does not deny the refusal.
        if trigger == nil, lower[i] == "not" || lower[i] == "n't", i > range.lowerBound, Self.willingModals.contains(lower[i - 1]),
           let verb = Self.ahead(i, 1, 3, in: range).first(where: { Self.refusable.contains(lower[$0]) }),
           (i + 1..<verb).allSatisfy({ ["be", "ever", "simply", "now", "then", "formally", "willingly"].contains(lower[$0]) }) {
            // "will not sign until two conditions are met": a refusal with its price is a demand.
            let priced = Self.ahead(verb, 1, 8, in: range).prefix(while: { ![",", ";", "."].contains(lower[$0]) })
                .contains(where: { ["until", "unless"].contains(lower[$0]) })
            trigger = TriggerLexicon.Trigger(type: priced ? .demand : .reject, mode: nil, confidence: 0.7, length: verb - i + 1)
        }
        // "has not ruled out military action", "did not rule out strikes": a threat.
        if trigger == nil, lower[i] == "not" || lower[i] == "n't" || lower[i] == "never", i + 2 < range.upperBound,
           ["ruled", "rule", "rules"].contains(lower[i + 1]), lower[i + 2] == "out",
           Self.ahead(i, 3, 6, in: range).contains(where: { Self.forceWords.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .threaten, mode: nil, confidence: 0.65, length: 3)
        }
        // "has given Moscow 50 days to agree": a deadline is a demand.
        if trigger == nil, Self.givingTime.contains(lower[i]),
           let unit = Self.ahead(i, 2, 6, in: range).first(where: { Self.timeUnits.contains(lower[$0]) }),
           unit + 1 < range.upperBound, lower[unit + 1] == "to" {
            trigger = TriggerLexicon.Trigger(type: .demand, mode: nil, confidence: 0.7, length: 1)
        }
        // "the truce will not start without a list of hostages", "would not begin until Israel
        // received the list": a condition set on something is a demand.
        // The trigger runs from the negation, so its "not" does not deny the demand.
        if trigger == nil, lower[i] == "not" || lower[i] == "n't" || lower[i] == "never",
           let end = Self.ahead(i, 1, 6, in: range.lowerBound..<(range.upperBound - 1)).prefix(while: { ![",", ";", "."].contains(lower[$0]) })
               .first(where: { ["until", "without"].contains(lower[$0]) }),
           // "would not accept a deal without…" is read at its own verb.
           !(i + 1..<end).contains(where: { TriggerLexicon.single[lower[$0]] != nil }) {
            trigger = TriggerLexicon.Trigger(type: .demand, mode: nil, confidence: 0.6, length: end - i + 1)
        }
        // "the board released about $1 billion to Pakistan": money released is aid.
        if Self.releasingVerbs.contains(lower[i]), trigger == nil || trigger?.type == .retreat,
           (i + 1..<min(range.upperBound, i + 5)).contains(where: { k in document.money.contains { $0.span.contains(document.tokens[k].span) } }) {
            trigger = TriggerLexicon.Trigger(type: .aid, mode: nil, confidence: 0.7, length: 1)
        }
        // "offered to pay for Patriot systems for Ukraine": paying for weapons or aid is aid.
        if trigger == nil, lower[i] == "pay" || lower[i] == "paying" || lower[i] == "pays", i + 1 < range.upperBound, lower[i + 1] == "for",
           (i + 2..<min(range.upperBound, i + 7)).contains(where: { Self.aidWords.contains(lower[$0]) || Self.weaponWords.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .aid, mode: nil, confidence: 0.7, length: 2)
        }
        // "the two presidents spoke for 40 minutes", "Trump and Putin talked on Tuesday": two
        // who speak together are in contact.
        if trigger == nil, lower[i] == "spoke" || lower[i] == "talked", i > range.lowerBound,
           !(i + 1 < range.upperBound && ["to", "with", "by", "of", "about", "out"].contains(lower[i + 1])) {
            let before = max(range.lowerBound, i - 4)..<i
            let pair = before.contains(where: { ["two", "both"].contains(lower[$0]) })
                || (entityAt[i - 1] != nil && before.contains(where: { lower[$0] == "and" }) && before.contains(where: { entityAt[$0] != nil && entityAt[$0] != entityAt[i - 1] }))
            if pair { trigger = TriggerLexicon.Trigger(type: .consult, mode: "phone", confidence: 0.6, length: 1) }
        }
        // "M23 seized Goma", "a month later it took Bukavu", "a plan to take control of Gaza
        // City": taking a town is fighting for it.
        if Self.takingVerbs.contains(lower[i]), i + 1 < range.upperBound {
            let town = Self.ahead(i, 1, 3, in: range).first { k in
                entityAt[k].map { document.entities[$0].type == .gpe && document.entities[$0].kind != "country" } ?? false
            }
            let control = lower[i].hasPrefix("t") && lower[i + 1] == "control" && i + 2 < range.upperBound && lower[i + 2] == "of"
            // "recaptured the Republican Palace", "seized a key army base": a stronghold taken.
            let stronghold = !lower[i].hasPrefix("t") && Self.ahead(i, 1, 5, in: range).contains { Self.strongholds.contains(lower[$0]) }
            if let town, !lower[i].hasPrefix("t") || town == i + 1 {
                trigger = TriggerLexicon.Trigger(type: .fight, mode: nil, confidence: 0.7, length: 1)
            } else if control {
                trigger = TriggerLexicon.Trigger(type: .fight, mode: nil, confidence: 0.6, length: 2)
            } else if stronghold {
                trigger = TriggerLexicon.Trigger(type: .fight, mode: nil, confidence: 0.65, length: 1)
            }
        }
        // "would have lasting consequences", "will receive a firm response", "could face trade
        // consequences": a threat.
        if trigger == nil, lower[i] == "consequences" || lower[i] == "response", i > range.lowerBound,
           (max(range.lowerBound, i - 3)..<i).contains(where: { Self.threatAdjectives.contains(lower[$0]) || ["face", "bear", "suffer"].contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .threaten, mode: nil, confidence: 0.6, length: 1)
        }
        // "called the decision wrong", "branded the plan a mistake": a reproach.
        if trigger == nil, Self.callingVerbs.contains(lower[i]),
           Self.ahead(i, 2, 7, in: range).contains(where: { Self.reproachWords.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .disapprove, mode: nil, confidence: 0.65, length: 1)
        }
        // "watched their foreign ministers initial the text": initialling agrees to it.
        if trigger == nil, lower[i] == "initial", i + 1 < range.upperBound, ["the", "a", "an"].contains(lower[i + 1]), i > range.lowerBound,
           !Self.determiners.contains(lower[i - 1]) {
            trigger = TriggerLexicon.Trigger(type: .agree, mode: nil, confidence: 0.75, length: 1)
        }
        // "would work towards a truce": a commitment.
        if trigger == nil, Self.workingVerbs.contains(lower[i]), i + 2 < range.upperBound, ["towards", "toward"].contains(lower[i + 1]),
           Self.ahead(i, 2, 5, in: range).contains(where: { Self.truceWords.contains(lower[$0]) || ["peace", "deal", "agreement", "settlement"].contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .agree, mode: nil, confidence: 0.6, length: 2)
        }
        // "dropped its objections", "over India's objections": an objection given up or
        // overridden is no reproach now.
        if trigger?.type == .disapprove, ["objection", "objections"].contains(lower[i]),
           (max(range.lowerBound, i - 4)..<i).contains(where: { Self.overridingWords.contains(lower[$0]) }) {
            trigger = nil
        }
        // "used his speech to call on Maduro to step down": an appeal ("a call on Wednesday",
        // read above, is a conversation).
        if trigger == nil, lower[i] == "call", i + 2 < range.upperBound, lower[i + 1] == "on",
           !Self.weekdays.contains(lower[i + 2].text), !Self.months.contains(lower[i + 2].text), lower[i + 2] != "the" || entityAt[i + 3] != nil {
            trigger = TriggerLexicon.Trigger(type: .appeal, mode: nil, confidence: 0.75, length: 2)
        }
        // "said no Pakistani sites were hit" is no refusal.
        if trigger?.type == .reject, ["says", "said", "say"].contains(lower[i]), i + 1 < range.upperBound, lower[i + 1] == "no",
           i + 2 < range.upperBound, ![".", ",", ";", ":", "to", "—", "–"].contains(lower[i + 2]) {
            trigger = nil
        }
        // "hails from Texas", "a hail of bullets": no praise.
        if trigger?.type == .support, lower[i].hasPrefix("hail"), i + 1 < range.upperBound && ["from", "of"].contains(lower[i + 1]) {
            trigger = nil
        }
        // "joined the meeting on the Russian side": taking part in talks.
        if trigger == nil, Self.joiningVerbs.contains(lower[i]), Self.ahead(i, 1, 4, in: range).contains(where: { Self.meetingNouns.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "meeting", confidence: 0.65, length: 1)
        }
        // "broke off the talks to phone Putin": a call.
        if trigger == nil, ["phone", "phones", "phoning"].contains(lower[i]), i + 1 < range.upperBound, entityAt[i + 1] != nil {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "phone", confidence: 0.7, length: 1)
        }
        // "ready to send up to 20,000 troops", "was willing to take part": an offer.
        // (A deed that is an event word itself — "ready to sign", "ready to accept" — tells the event.)
        if trigger == nil, Self.readiness.contains(lower[i]), i + 2 < range.upperBound, lower[i + 1] == "to", Self.offeredDeeds.contains(lower[i + 2]),
           TriggerLexicon.single[lower[i + 2]].map({ [.agree, .consult].contains($0.type) }) != true {
            trigger = TriggerLexicon.Trigger(type: .agree, mode: nil, confidence: 0.65, length: 1)
        }
        // "a U.S. proposal", "Armenian proposals", "Egypt's plan": a party's proposal is its
        // offer, as the annotation guide codes proposals (the party is its actor).
        // (A proposal accepted, endorsed or discussed, or one under which something happens, is
        // that other event's object, not a new offer.)
        if trigger == nil, Self.proposalNouns.contains(lower[i]), Self.proposer(before: i, in: range, lower: lower, entityAt: entityAt, document: document) != nil,
           !(max(range.lowerBound, i - 6)..<i).contains(where: { TriggerLexicon.single[lower[$0]] != nil || ["under", "discussing", "discuss"].contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .agree, mode: nil, confidence: 0.6, length: 1)
        }
        // "circulated a rival draft", "tabled a resolution": a text put to others is an offer.
        if trigger == nil, Self.tablingVerbs.contains(lower[i]),
           Self.ahead(i, 1, 4, in: range).contains(where: { Self.proposedTexts.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .agree, mode: nil, confidence: 0.6, length: 1)
        }
        // "put forward a plan": an offer.
        if trigger == nil, lower[i] == "put" || lower[i] == "puts", i + 1 < range.upperBound, lower[i + 1] == "forward" {
            trigger = TriggerLexicon.Trigger(type: .agree, mode: nil, confidence: 0.6, length: 2)
        }
        // "the EU listed a refinery", "added 74 vessels to the list": in an article about
        // sanctions, listing is sanctioning.
        if trigger == nil, lower[i] == "listed" || ((lower[i] == "added" || lower[i] == "adds") && Self.ahead(i, 1, 8, in: range).contains(where: { lower[$0] == "list" })),
           aboutSanctions {
            trigger = TriggerLexicon.Trigger(type: .sanction, mode: nil, confidence: 0.6, length: 1)
        }
        // "announced its own measures, targeting 100 more tankers": in an article about
        // sanctions, measures aimed at someone are sanctions.
        if trigger == nil, lower[i] == "measures",
           Self.ahead(i, 1, 4, in: range).contains(where: { ["targeting", "against", "on"].contains(lower[$0]) }),
           aboutSanctions {
            trigger = TriggerLexicon.Trigger(type: .sanction, mode: nil, confidence: 0.6, length: 1)
        }
        // "Red Cross receives three hostages": people handed over ("received both men" is a meeting).
        if trigger == nil, Self.receivingPeopleVerbs.contains(lower[i]), i + 1 < range.upperBound, !["both", "the"].contains(lower[i + 1]),
           Self.ahead(i, 1, 4, in: range).contains(where: { TriggerLexicon.people.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .retreat, mode: nil, confidence: 0.7, length: 1)
        }
        // "received the two ministers", "called both leaders", "called Putin": meeting a visitor,
        // and calling a person, are consultations.
        if trigger == nil, Self.receivingVerbs.contains(lower[i]) {
            var j = i + 1
            while j < min(range.upperBound, i + 4), ["the", "both", "two", "his", "her", "their", "visiting", "foreign", "ministers", "leaders", "men", "envoys"].contains(lower[j]) || (j > i + 1 && entityAt[j] == nil && lower[j] == "and") { j += 1 }
            // Right after the verb and its determiners: a person, or "both leaders".
            let person = j < range.upperBound && entityAt[j].map { document.entities[$0].type == .person } == true
            let leaders = (i + 1..<j).contains { ["leaders", "ministers", "men", "envoys"].contains(lower[$0]) }
            if person || leaders {
                trigger = TriggerLexicon.Trigger(type: .consult, mode: lower[i].hasPrefix("call") ? "phone" : "meeting", confidence: 0.7, length: 1)
            }
        }
        // "the truce took effect", "a ceasefire came into force": the parties stand down,
        // a RETREAT in PLOVER.
        if trigger == nil, i + 1 < range.upperBound, Self.takingEffectVerbs.contains(lower[i]), Self.takingEffect.contains(lower[i].text + " " + lower[i + 1].text),
           lower[i + 1] != "into" || (i + 2 < range.upperBound && ["effect", "force"].contains(lower[i + 2])),
           (max(range.lowerBound, i - 5)..<i).contains(where: { Self.truceWords.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .retreat, mode: nil, confidence: 0.9, length: 2)
        }
        // "restored diplomatic relations": cooperation.
        if trigger == nil, Self.restoringVerbs.contains(lower[i]),
           (i + 1..<min(range.upperBound, i + 4)).contains(where: { ["relations", "ties"].contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .cooperate, mode: nil, confidence: 0.75, length: 1)
        }
        // "halted approvals for exports", "paused some shipments": a SANCTION.
        if trigger == nil, TriggerLexicon.stopping.contains(lower[i]),
           (i + 1..<min(range.upperBound, i + 5)).contains(where: { TriggerLexicon.flows.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .sanction, mode: nil, confidence: 0.7, length: 1)
        }
        // "closed its airspace to Indian airlines", "suspended all trade with India", "cancelled
        // visas": shutting a door on another state sanctions it.
        // ("airports that had been closed to civilian flights": a state described, not the act.)
        let describedState = i >= 2 && lower[i - 1] == "been" && (max(range.lowerBound, i - 4)..<i).contains { ["that", "which"].contains(lower[$0]) }
        if trigger == nil || trigger?.type == .consult || trigger?.type == .statement, Self.closingVerbs.contains(lower[i]), !describedState,
           Self.ahead(i, 1, 4, in: range).contains(where: { Self.closable.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .sanction, mode: nil, confidence: 0.7, length: 1)
        }
        // "reopened 32 airports", "reopens the border crossing": a measure eased is a RETREAT.
        if trigger == nil, Self.reopeningVerbs.contains(lower[i]),
           Self.ahead(i, 1, 5, in: range).contains(where: { Self.closable.contains(lower[$0]) || ["airport", "airports"].contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .retreat, mode: nil, confidence: 0.7, length: 1)
        }
        // "Drones hit the city's main port", "the tankers were hit on Friday": "hit" is an attack
        // when weapons are named with it or something was hit (not "hit by sanctions").
        if trigger == nil, ["hit", "hits"].contains(lower[i]) {
            let passive = i > range.lowerBound && ["was", "were", "been", "being"].contains(lower[i - 1])
            let byWhat = i + 1 < range.upperBound && lower[i + 1] == "by" ? Self.ahead(i, 2, 5, in: range) : nil
            let armed = range.contains { Self.hittingWeapons.contains(lower[$0]) }
            let byWeapon = byWhat.map { $0.contains { Self.hittingWeapons.contains(lower[$0]) } }
            if byWeapon ?? (armed || passive) {
                trigger = TriggerLexicon.Trigger(type: .fight, mode: nil, confidence: 0.7, length: 1)
            }
        }
        // "expelled Cambodia's ambassador and recalled its own envoy": relations cut, not an
        // expulsion of people or a release.
        if trigger == nil || trigger?.type == .coerce || trigger?.type == .retreat, Self.expellingVerbs.contains(lower[i]),
           Self.ahead(i, 1, 5, in: range).contains(where: { Self.diplomats.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .sanction, mode: nil, confidence: 0.75, length: 1)
        }
        // "expelled an official of the Indian mission", "ordered a staff member of Pakistan's
        // mission in New Delhi to leave the country": an expulsion from a diplomatic post.
        if trigger == nil || trigger?.type == .coerce || trigger?.type == .retreat,
           Self.expellingVerbs.contains(lower[i])
               || Self.orderingVerbs.contains(lower[i]) && Self.ahead(i, 2, 14, in: range).contains(where: { lower[$0] == "leave" }),
           Self.ahead(i, 1, 8, in: range).contains(where: { Self.diplomaticPosts.contains(lower[$0]) }) {
            trigger = TriggerLexicon.Trigger(type: .sanction, mode: nil, confidence: 0.7, length: 1)
        }
        // "Putin declares Easter truce", "ordered a halt to all hostilities": a side standing down.
        if Self.declaringVerbs.contains(lower[i]),
           Self.ahead(i, 1, 4, in: range).contains(where: { Self.truceWords.contains(lower[$0]) || lower[$0] == "halt" }) {
            trigger = TriggerLexicon.Trigger(type: .retreat, mode: nil, confidence: 0.7, length: 1)
        }
        // "vows to pursue the attackers", "reserved the right to respond", "would punish": threats.
        if trigger == nil || trigger?.type == .aid, Self.vowing.contains(lower[i]), i + 2 < range.upperBound, lower[i + 1] == "to",
           Self.vengeance.contains(lower[i + 2]) {
            trigger = TriggerLexicon.Trigger(type: .threaten, mode: nil, confidence: 0.7, length: 3)
        }
        if trigger == nil, ["reserved", "reserves", "reserve"].contains(lower[i]), i + 2 < range.upperBound, lower[i + 2] == "right" {
            trigger = TriggerLexicon.Trigger(type: .threaten, mode: nil, confidence: 0.7, length: 3)
        }
        // "its first condition is a new constitution": a condition stated is a demand.
        if trigger == nil, Self.conditionWords.contains(lower[i]), i + 1 < range.upperBound, ["is", "are", "was", "were", "include", "includes"].contains(lower[i + 1]) {
            trigger = TriggerLexicon.Trigger(type: .demand, mode: nil, confidence: 0.6, length: 2)
        }
        // "told all its residents to leave": an order.
        if trigger == nil, lower[i] == "told",
           let to = Self.ahead(i, 2, 8, in: range).first(where: { lower[$0] == "to" }),
           to + 1 < range.upperBound, entityAt[to + 1] == nil, !Self.determiners.contains(lower[to + 1]),
           !(i + 1..<to).contains(where: { TriggerLexicon.audiences.contains(lower[$0]) && lower[$0] != "the" }) {
            trigger = TriggerLexicon.Trigger(type: .demand, mode: nil, confidence: 0.6, length: 1)
        }
        // "Putin told Pashinyan by phone", "assured him by telephone": a call, which the verb's
        // subject made to its object ("by phone" alone is read where no such verb comes before).
        if trigger == nil, Self.tellingVerbs.contains(lower[i]),
           let by = Self.ahead(i, 1, 5, in: range).first(where: { lower[$0] == "by" }), by + 1 < range.upperBound,
           ["phone", "telephone"].contains(lower[by + 1]) {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "phone", confidence: 0.7, length: 1)
        }
        if trigger?.mode == "phone", lower[i] == "by",
           (max(range.lowerBound, i - 4)..<i).contains(where: { Self.tellingVerbs.contains(lower[$0]) }) {
            trigger = nil
        }
        // "the emir brought Tshisekedi and Kagame together": mediation.
        if trigger == nil, ["brought", "brings", "bring"].contains(lower[i]),
           Self.ahead(i, 2, 10, in: range).contains(where: { lower[$0] == "together" }) {
            trigger = TriggerLexicon.Trigger(type: .consult, mode: "mediation", confidence: 0.7, length: 1)
        }
        // "distanced himself from the strike": disapproval.
        if trigger == nil, lower[i] == "distanced", Self.ahead(i, 1, 3, in: range).contains(where: { lower[$0] == "from" }) {
            trigger = TriggerLexicon.Trigger(type: .disapprove, mode: nil, confidence: 0.65, length: 1)
        }
        // "spoke to reporters", "spoke to the press": talking to an audience, not a party.
        if trigger?.mode == "phone", lower[i] == "spoke", i + 2 < range.upperBound,
           TriggerLexicon.audiences.contains(lower[i + 2]), entityAt[i + 2] == nil,
           lower[i + 2] != "the" || (i + 3 < range.upperBound && TriggerLexicon.audiences.contains(lower[i + 3])) {
            trigger = nil
        }
        // A word inside a name ("Rapid Support Forces", "the Freedom Support Act") is no trigger.
        if trigger != nil, entityAt[i] != nil { trigger = nil }
        // "sent weapons", "sends aid": aid only when what is sent is aid or money.
        // A promise of no aid is an offer.
        if trigger?.type == .aid, ["send", "sends", "sent", "sending", "funds", "promise", "promises", "promised", "promising"].contains(lower[i]) {
            let near = i..<min(range.upperBound, i + 8)
            if !near.contains(where: { Self.aidWords.contains(lower[$0]) }), !document.money.contains(where: { sentence.contains($0.span) }) {
                trigger = lower[i].hasPrefix("promis") ? TriggerLexicon.Trigger(type: .agree, mode: nil, confidence: 0.5, length: 1) : nil
            }
        }
        // "described the talks as useful", "Witkoff's fifth meeting": a meeting named again,
        // not a new one (unless it is "the meeting between A and B").
        if trigger?.type == .consult, ["talks", "meeting", "negotiations"].contains(lower[i]), trigger?.length == 1,
           i + 1 >= range.upperBound || lower[i + 1] != "between" {
            let back = (max(range.lowerBound, i - 2)..<i).map { lower[$0] }
            if let previous = back.last, Self.definite.contains(previous) || back.contains("'s") || back.contains("’s") { trigger = nil }
        }
        // "a £450 million package": aid, when money is named and sanctions are not.
        if trigger == nil, lower[i] == "package", document.money.contains(where: { sentence.contains($0.span) }),
           !range.contains(where: { lower[$0].hasPrefix("sanction") }) {
            trigger = TriggerLexicon.Trigger(type: .aid, mode: nil, confidence: 0.55, length: 1)
        }
        // "pull heavy weapons back", "came back from Moscow": a way back, not backing.
        if trigger?.type == .support, lower[i] == "back",
           i + 1 < range.upperBound && ["from", "to", "into", "in", "home"].contains(lower[i + 1])
               || (max(range.lowerBound, i - 4)..<i).contains(where: { Self.pullingVerbs.contains(lower[$0]) || ["came", "went", "brought", "come", "go"].contains(lower[$0]) }) {
            trigger = nil
        }
        // "an apartment block", "a block of flats": the noun is no refusal.
        if trigger?.type == .reject, ["block", "blocks"].contains(lower[i]),
           i > range.lowerBound && Self.blockNounsBefore.contains(lower[i - 1]) || i + 1 < range.upperBound && lower[i + 1] == "of" {
            trigger = nil
        }
        // "gunmen killed six people", "the worst attack on civilians", "an assault on the Zamzam
        // camp": violence by irregulars, or aimed at people who are not fighting, is ASSAULT.
        // (Strikes between armies that kill civilians stay FIGHT.)
        // ("launched an assault on the camp": the deed's word may follow the trigger.)
        if trigger?.type == .fight, let deed = ([i] + Self.ahead(i, 1, 4, in: range)).first(where: { Self.violence.contains(lower[$0]) }) {
            let near = max(range.lowerBound, deed - 5)..<min(range.upperBound, deed + 6)
            // ("drones used against gang positions": the irregulars are the ones attacked.)
            let irregulars = near.contains { k in
                Self.irregulars.contains(lower[k]) && !(max(range.lowerBound, k - 2)..<k).contains { lower[$0] == "against" }
            }
            // ("killed at least 12 civilians": "at least" is a count, not an aim.)
            let atCount = deed + 2 < range.upperBound && lower[deed + 1] == "at" && ["least", "most"].contains(lower[deed + 2])
            let defenceless = deed + 1 < range.upperBound && ["on", "at", "against"].contains(lower[deed + 1]) && !atCount
                && Self.ahead(deed, 1, 5, in: range).contains { Self.defenceless.contains(lower[$0]) }
            // ("killing civilians", "killed at least 25 worshippers": the killed are named; a
            // missile or shelling that kills civilians stays the war's FIGHT.)
            let killedDefenceless = ["killed", "killing"].contains(lower[deed])
                && !(max(range.lowerBound, deed - 4)..<deed).contains { Self.hittingWeapons.contains(lower[$0]) || Self.launchedWeapons.contains(lower[$0]) }
                && Self.ahead(deed, 1, 6, in: range).first(where: { !Self.countWords.contains(lower[$0]) && !lower[$0].text.allSatisfy({ $0.isNumber || $0 == "," }) })
                    .map { Self.defenceless.contains(lower[$0]) } == true
            if irregulars || defenceless || killedDefenceless { trigger?.type = .assault }
        }
        // "a suicide bombing", "a car bomb": not a battle's weapon. (A "terrorist attack" is an
        // irregulars' deed above.)
        if trigger?.type == .fight, i > range.lowerBound, Self.bombWords.contains(lower[i]), Self.irregularBombs.contains(lower[i - 1]) {
            trigger?.type = .assault
        }
        // "military support", "financial backing": aid, not political support.
        if trigger?.type == .support, i > range.lowerBound, TriggerLexicon.aidModes.contains(where: { $0.words.contains(lower[i - 1].text) }) {
            trigger?.type = .aid
        }
        return trigger
    }
}
