import BackchannelCore

/// Words that signal an event, with the PLOVER type they signal: rules as data.
///
/// Each entry is a lower-case word form (or a two-word phrase) → type, optional mode,
/// and a base confidence (how often the word means that event in news copy).
enum TriggerLexicon {
    struct Trigger {
        var type: Event.Kind
        var mode: String?
        var confidence: Double
        /// Number of tokens the trigger spans.
        var length: Int
    }

    private static func forms(_ base: String, _ extra: [String] = []) -> [String] {
        var result = [base] + extra
        if base.hasSuffix("e") { result += [base + "s", base + "d", String(base.dropLast()) + "ing"] } else { result += [base + "s", base + "ed", base + "ing"] }
        return result
    }

    /// Words that judge a deed as wrong: alone they disapprove, and a statement that uses them,
    /// even inside its quotation, is a reproach.
    static let reproachAdjectives: WordSet = ["unjust", "unacceptable", "unfriendly", "illegal", "illegitimate", "irresponsible", "provocative",
                                              "shameful", "unlawful", "baseless", "unjustified"]
    /// Words for grave crimes: a statement that someone committed them accuses.
    static let crimeWords: WordSet = ["genocide", "murdered", "massacred", "atrocities", "tortured", "raped", "crimes", "cleansing"]

    static let single: WordMap<Trigger> = {
        var table: [String: Trigger] = [:]
        func add(_ words: [String], _ type: Event.Kind, mode: String? = nil, _ confidence: Double = 0.7) {
            for w in words { table[w] = Trigger(type: type, mode: mode, confidence: confidence, length: 1) }
        }
        add(["met", "meet", "meets", "meeting"], .consult, mode: "meeting", 0.8)
        add(forms("visit"), .consult, mode: "visit", 0.8)
        add(forms("host") + forms("co-host"), .consult, mode: "meeting", 0.7)
        add(forms("mediate", ["mediation"]), .consult, mode: "mediation", 0.8)
        add(["talks", "negotiated", "negotiating", "negotiations"], .consult, mode: "meeting", 0.6)
        add(forms("attend") + ["chaired", "greeted", "consulted", "dinner"], .consult, mode: "meeting", 0.6)
        add(["travelled", "traveled", "travels", "toured", "travel", "travelling", "traveling", "trip"], .consult, mode: "visit", 0.55)
        add(forms("consult") + forms("brief") + ["informed", "dined", "dine", "rounds", "round"], .consult, mode: "meeting", 0.55)
        add(["go-between", "mediator", "mediators"], .consult, mode: "mediation", 0.6)
        add(["telephoned", "phoned"], .consult, mode: "phone", 0.8)
        add(["convened", "convene"], .consult, mode: "meeting", 0.6)
        add(["brokered"], .consult, mode: "mediation", 0.7)
        add(forms("agree", ["agreed"]), .agree, 0.8)
        add(forms("sign", ["signed"]), .agree, 0.8)
        add(["commitment", "settled", "settling"], .agree, 0.55)
        add(forms("accept") + forms("recognise") + forms("recognize"), .agree, 0.7)
        add(["grateful"], .support, 0.6)
        add(forms("nominate") + ["credited", "crediting"], .support, 0.55)
        add(["initialled", "initialed"], .agree, 0.8)
        add(forms("endorse") + forms("back") + forms("support") + forms("welcome") + forms("praise") + forms("thank"), .support, 0.6)
        add(forms("demand"), .demand, 0.85)
        add(forms("insist"), .demand, 0.6)
        add(forms("urge") + ["appealed", "appeals"], .appeal, 0.75)
        add(forms("request") + ["asked", "sought"], .request, 0.7)
        add(forms("reject") + forms("refuse") + forms("dismiss") + ["vetoed", "declined"], .reject, 0.8)
        add(forms("condemn") + forms("criticise") + forms("criticize") + forms("denounce") + forms("deplore"), .disapprove, 0.8)
        add(forms("object") + forms("complain") + ["questioned", "regrettable", "ignored", "outrageous", "objection", "objections"], .disapprove, 0.6)
        add(forms("hail"), .support, 0.6)
        // The wire's other verbs of praise and blame: "lauded the agreement", "slammed the move"
        // (not "applauded", said of hands as often as of deals).
        add(forms("laud"), .support, 0.6)
        add(forms("lambast") + ["slammed", "slams", "slamming"] + forms("decry", ["decried", "decries"]), .disapprove, 0.75)
        add(forms("ratify", ["ratified", "ratifies"]), .agree, 0.7)
        add(["ask", "asks", "asking"], .request, 0.6)
        add(forms("accuse") + forms("blame") + ["alleged", "accusations", "breach"], .accuse, 0.8)
        add(["meaningless"], .reject, 0.6)
        add(EventDetector.dismay.words.sorted(), .disapprove, 0.6)
        add(["blocked", "blocking", "block", "blocks"], .reject, 0.55)
        add(reproachAdjectives.words, .disapprove, 0.6)
        add(["deadline", "ultimatum"], .demand, 0.6)
        add(forms("threaten"), .threaten, 0.85)
        add(forms("punish"), .threaten, 0.7)
        add(forms("warn"), .threaten, 0.45)
        add(["tariff", "barred", "restrictions"], .sanction, 0.6)
        add(forms("sanction") + ["embargo", "blacklisted", "banned", "bans", "tariffs", "penalties", "imposed", "blacklist"], .sanction, 0.7)
        add(forms("oppose") + ["denies", "denied", "deny"], .reject, 0.7)
        add(forms("rebuff") + forms("spurn"), .reject, 0.75)
        add(["wants", "want", "seeks"], .demand, 0.5)
        add(forms("require"), .demand, 0.6)
        add(forms("pledge") + forms("donate") + forms("deliver") + forms("provide") + forms("supply", ["supplied", "supplies"]), .aid, 0.75)
        add(["funded", "funds", "committed", "aid", "convoys", "send", "sends", "sent", "sending"], .aid, 0.55)
        add(forms("promise"), .aid, 0.6)
        // Strikes and offensives between parties at war are FIGHT (PLOVER); ASSAULT is violence
        // against people who are not fighting ("gunmen shot", "massacred").
        add(forms("attack") + forms("bomb") + forms("shell") + ["struck", "strikes", "strike", "killed", "killing", "offensive", "retook", "captured"], .fight, 0.7)
        add(["fought", "clashed", "clashes", "fighting", "fired"], .fight, 0.7)
        // The wire's other verbs of battle: "pounded Kharkiv", "bombarded targets", "repelled an
        // assault", "recaptured the town", "overran the base", "ambushed a convoy".
        add(forms("pound") + forms("bombard", ["bombardment"]) + forms("repel", ["repelled", "repelling"]) + ["repulsed"]
            + forms("recapture") + ["overran", "ambushed", "invaded"], .fight, 0.7)
        add(["shot", "massacred", "executed", "tortured", "shooting", "massacre"], .assault, 0.7)
        add(forms("mobilise") + forms("mobilize") + forms("deploy"), .mobilize, 0.75)
        add(forms("jail") + forms("imprison") + ["sentenced"], .coerce, 0.7)
        add(forms("seize") + forms("detain") + forms("arrest") + forms("expel", ["expelled", "expelling"]) + forms("blockade") + forms("deport"), .coerce, 0.75)
        add(forms("kidnap") + ["kidnapped", "looted", "hijacked"], .crime, 0.75)
        add(["withdrew", "withdraw", "withdrawn", "withdrawal", "retreated"], .retreat, 0.75)
        // Handing back people (hostages, prisoners) is a RETREAT in PLOVER, as is a swap of them.
        add(["handed", "hands", "return", "returned", "returns", "returning"], .retreat, 0.6)
        add(forms("release") + ["free", "frees", "freed", "freeing", "exchange", "exchanged", "swapped", "recalled", "waived"], .retreat, 0.7)
        add(forms("concede") + ["eased", "lifted"], .concede, 0.7)
        add(["apologised", "apologized", "apologises", "apologizes", "apologise", "apologize", "apology"], .concede, 0.7)
        add(["discuss", "discussed", "discusses", "discussing"], .consult, mode: "meeting", 0.55)
        add(forms("cooperate") + forms("coordinate"), .cooperate, 0.65)
        add(forms("investigate") + forms("inspect") + ["probe", "probed", "investigation", "inquiry", "inspections"], .investigate, 0.7)
        add(forms("protest") + ["rallied", "marched", "demonstrated"], .protest, 0.7)
        // Protesters are seldom named: the word itself is enough to keep the event.
        add(["protesters", "demonstrators", "protestors"], .protest, 0.9)
        add(forms("announce") + forms("declare"), .statement, 0.5)
        add(["proposed", "proposes", "offered", "offers", "proposing", "propose"], .agree, 0.5)
        return WordMap(table)
    }()

    /// Two-word triggers, checked before single words.
    static let pairs: [String: Trigger] = [
        "spoke by": Trigger(type: .consult, mode: "phone", confidence: 0.8, length: 2),
        // "shot down five jets", "exchanged fire": fighting, not a shooting or a swap.
        "shot down": Trigger(type: .fight, mode: nil, confidence: 0.75, length: 2),
        "exchanged fire": Trigger(type: .fight, mode: nil, confidence: 0.8, length: 2),
        "exchanging fire": Trigger(type: .fight, mode: nil, confidence: 0.8, length: 2),
        "exchange fire": Trigger(type: .fight, mode: nil, confidence: 0.8, length: 2),
        "by phone": Trigger(type: .consult, mode: "phone", confidence: 0.7, length: 2),
        "by telephone": Trigger(type: .consult, mode: "phone", confidence: 0.7, length: 2),
        "spoke to": Trigger(type: .consult, mode: "phone", confidence: 0.6, length: 2),
        "spoke with": Trigger(type: .consult, mode: "phone", confidence: 0.6, length: 2),
        "took part": Trigger(type: .consult, mode: "meeting", confidence: 0.6, length: 2),
        "phone call": Trigger(type: .consult, mode: "phone", confidence: 0.85, length: 2),
        "called for": Trigger(type: .appeal, mode: nil, confidence: 0.7, length: 2),
        "called on": Trigger(type: .appeal, mode: nil, confidence: 0.75, length: 2),
        "calls for": Trigger(type: .appeal, mode: nil, confidence: 0.7, length: 2),
        "calling for": Trigger(type: .appeal, mode: nil, confidence: 0.7, length: 2),
        "calls on": Trigger(type: .appeal, mode: nil, confidence: 0.75, length: 2),
        "calling on": Trigger(type: .appeal, mode: nil, confidence: 0.75, length: 2),
        // "Hamas says no": a refusal.
        "says no": Trigger(type: .reject, mode: nil, confidence: 0.75, length: 2),
        "said no": Trigger(type: .reject, mode: nil, confidence: 0.75, length: 2),
        "say no": Trigger(type: .reject, mode: nil, confidence: 0.7, length: 2),
        "ruled out": Trigger(type: .reject, mode: nil, confidence: 0.8, length: 2),
        "turned down": Trigger(type: .reject, mode: nil, confidence: 0.8, length: 2),
        "pulled out": Trigger(type: .retreat, mode: nil, confidence: 0.7, length: 2),
        "pull back": Trigger(type: .retreat, mode: nil, confidence: 0.75, length: 2),
        "pulled back": Trigger(type: .retreat, mode: nil, confidence: 0.75, length: 2),
        "hand over": Trigger(type: .retreat, mode: nil, confidence: 0.7, length: 2),
        "handed over": Trigger(type: .retreat, mode: nil, confidence: 0.7, length: 2),
        "walked out": Trigger(type: .retreat, mode: nil, confidence: 0.7, length: 2),
        "protested to": Trigger(type: .disapprove, mode: nil, confidence: 0.7, length: 2),
        "committed to": Trigger(type: .agree, mode: nil, confidence: 0.7, length: 2),
        "voted for": Trigger(type: .support, mode: nil, confidence: 0.7, length: 2),
        "voting for": Trigger(type: .support, mode: nil, confidence: 0.7, length: 2),
        "voted against": Trigger(type: .reject, mode: nil, confidence: 0.7, length: 2),
        "voting against": Trigger(type: .reject, mode: nil, confidence: 0.7, length: 2),
        "spoken to": Trigger(type: .consult, mode: "phone", confidence: 0.6, length: 2),
        "spoken with": Trigger(type: .consult, mode: "phone", confidence: 0.6, length: 2),
        "video link": Trigger(type: .consult, mode: "meeting", confidence: 0.6, length: 2),
        "ceasefire between": Trigger(type: .agree, mode: nil, confidence: 0.7, length: 1),
        "truce between": Trigger(type: .agree, mode: nil, confidence: 0.7, length: 1),
        "work together": Trigger(type: .cooperate, mode: nil, confidence: 0.65, length: 2),
        "worked together": Trigger(type: .cooperate, mode: nil, confidence: 0.65, length: 2),
        "shook hands": Trigger(type: .consult, mode: "meeting", confidence: 0.7, length: 2),
        "held talks": Trigger(type: .consult, mode: "meeting", confidence: 0.85, length: 2),
        // "flew to Washington": a visit.
        "flew to": Trigger(type: .consult, mode: "visit", confidence: 0.6, length: 2),
        "flies to": Trigger(type: .consult, mode: "visit", confidence: 0.6, length: 2),
        "fly to": Trigger(type: .consult, mode: "visit", confidence: 0.6, length: 2),
        "flown to": Trigger(type: .consult, mode: "visit", confidence: 0.6, length: 2),
        // "at a joint news conference with the Taoiseach": a meeting.
        "conference with": Trigger(type: .consult, mode: "meeting", confidence: 0.6, length: 2),
        "cut off": Trigger(type: .sanction, mode: nil, confidence: 0.7, length: 2),
        "pressed for": Trigger(type: .demand, mode: nil, confidence: 0.75, length: 2),
        "press for": Trigger(type: .demand, mode: nil, confidence: 0.7, length: 2),
        "presses for": Trigger(type: .demand, mode: nil, confidence: 0.75, length: 2),
        "pressing for": Trigger(type: .demand, mode: nil, confidence: 0.7, length: 2),
        "conditional on": Trigger(type: .demand, mode: nil, confidence: 0.7, length: 2),
        "to fund": Trigger(type: .aid, mode: nil, confidence: 0.6, length: 2),
        "would fund": Trigger(type: .aid, mode: nil, confidence: 0.6, length: 2),
        "will fund": Trigger(type: .aid, mode: nil, confidence: 0.6, length: 2),
        "or face": Trigger(type: .threaten, mode: nil, confidence: 0.75, length: 2),
        "war crime": Trigger(type: .accuse, mode: nil, confidence: 0.7, length: 2),
        "legal basis": Trigger(type: .reject, mode: nil, confidence: 0.6, length: 2),
        "only after": Trigger(type: .demand, mode: nil, confidence: 0.55, length: 2),
        "only if": Trigger(type: .demand, mode: nil, confidence: 0.55, length: 2),
        "only once": Trigger(type: .demand, mode: nil, confidence: 0.55, length: 2),
        "price cap": Trigger(type: .sanction, mode: nil, confidence: 0.7, length: 2),
        "air strikes": Trigger(type: .fight, mode: nil, confidence: 0.8, length: 2),
        "opened fire": Trigger(type: .assault, mode: nil, confidence: 0.8, length: 2),
    ]

    static let pairFirstWords: WordSet = WordSet(pairs.keys.map { String($0.split(separator: " ")[0]) })

    /// Handing back or swapping is a RETREAT only when it is people who are handed back.
    static let handedBack: WordSet = ["handed", "hands", "return", "returned", "returns", "returning", "release", "released", "releases", "releasing", "free", "frees", "freed", "freeing",
                                          "exchange", "exchanged", "swapped"]
    static let people: WordSet = ["prisoners", "hostages", "detainees", "captives", "soldiers", "women", "children", "civilians",
                                      "bodies", "prisoner", "hostage", "people", "men", "troops", "pows", "others",
                                      // "freed the sailors", "released its citizen", "freed two journalists"
                                      "captive", "detainee", "soldier", "civilian", "citizen", "citizens", "nationals", "sailors", "seamen",
                                      "crew", "crewmen", "fishermen", "journalist", "journalists", "activist", "activists", "students",
                                      "migrants", "foreigners", "workers", "fighters", "officers"]

    /// Stopping these is a SANCTION: "halted approvals for exports", "paused some shipments".
    static let stopping: WordSet = ["halt", "halts", "halted", "halting", "pause", "paused", "pausing", "froze", "frozen", "freeze",
                                        "suspend", "suspends", "suspended", "suspending"]
    static let flows: WordSet = ["deliveries", "shipments", "exports", "approvals", "aid", "intelligence", "weapons", "arms", "supplies", "imports"]

    /// Speaking to these is no consultation: "spoke to reporters".
    static let audiences: WordSet = ["press", "reporters", "journalists", "media", "the", "state", "television", "lawmakers", "parliament"]

    /// Words that make an AID event military, economic or humanitarian.
    static let aidModes: [(mode: String, words: Set<String>)] = [
        ("military", ["military", "weapons", "arms", "missiles", "air", "defence", "defense", "ammunition", "drones", "tanks", "artillery", "shells"]),
        ("humanitarian", ["humanitarian", "food", "medicine", "medical", "shelter", "relief", "trucks", "lorries"]),
        ("economic", ["economic", "financial", "budget", "loan", "loans", "grant", "reconstruction", "energy"]),
    ]
}
