import BackchannelCore

/// The position a demand, refusal, request or agreement states, and its issue in the short form
/// the negotiation tracker shows.
extension EventDetector {
    /// The position a demand, refusal, request or agreement states, and its issue where the
    /// sentence puts it: an issue noun's own phrase ("an immediate and unconditional ceasefire"),
    /// else the object after the verb without articles ("rejected a full ceasefire" → "full
    /// ceasefire"), else the object before it ("the 30-day truce proposed by Washington").
    func position(for event: Event, after trigger: Range<Int>, in range: Range<Int>, words: [String], lower: [Word], entityAt: [Int?]) -> Event.Position? {
        let stance: Event.Position.Stance
        switch event.type {
        case .demand, .request, .appeal: stance = .demands
        case .reject: stance = .rejects
        case .agree where ["proposed", "proposes", "proposing", "propose", "offered", "offers", "put", "puts"].contains(lower[trigger.lowerBound])
            || Self.readiness.contains(lower[trigger.lowerBound]) || Self.tablingVerbs.contains(lower[trigger.lowerBound])
            || Self.proposalNouns.contains(lower[trigger.lowerBound]): stance = .offers
        case .agree, .concede: stance = .accepts
        default: return nil
        }
        var issue: String?
        if Self.issueNouns.contains(lower[trigger.lowerBound]) {
            issue = nounIssue(at: trigger.lowerBound, in: range, words: words, lower: lower)
        } else {
            issue = forwardIssue(for: event, after: trigger, in: range, words: words, lower: lower, entityAt: entityAt)
            // "“Attacks on civilians must stop”": a verb alone after a modal says what its subject must do.
            let modal = ["must", "should"].contains(lower[trigger.upperBound - 1])
                || trigger.count >= 2 && lower[trigger.upperBound - 1] == "to" && ["has", "have", "had"].contains(lower[trigger.upperBound - 2])
            if modal, let verb = issue, !verb.contains(" "),
               let subject = backwardIssue(before: trigger, in: range, words: words, lower: lower, entityAt: entityAt, passive: true) {
                issue = Self.cleanIssue(subject.split(separator: " ").map(String.init) + [verb])
            }
            // "…, which Thailand refuses to accept": the verb alone names nothing; its object is
            // before the trigger.
            if issue == nil || issue.map(Self.bareVerbs.contains) == true {
                issue = backwardIssue(before: trigger, in: range, words: words, lower: lower, entityAt: entityAt) ?? issue
            }
        }
        if let one = issue, !one.contains(" "), !isIssueWord(one, before: trigger, in: range, lower: lower, entityAt: entityAt) { issue = nil }
        return Event.Position(issue: issue, stance: stance, holder: event.actors.first, addressee: event.targets.first)
    }

    /// Whether a single word can be an issue on its own: not an adverb ("agreed early"), the
    /// sentence's subject ("Moscow was ready" → "moscow") or people ("urged its citizens").
    private func isIssueWord(_ word: String, before trigger: Range<Int>, in range: Range<Int>, lower: [Word], entityAt: [Int?]) -> Bool {
        if Self.notIssueWords.contains(word) || Self.issueAdverbs.contains(word) { return false }
        // A name before the trigger is the sentence's subject, not what it wants ("wanted
        // Greenland" is an issue).
        return !(range.lowerBound..<trigger.lowerBound).contains { entityAt[$0] != nil && lower[$0].text == word }
    }

    /// Single words that say who or when, not what: people, times and adverbs.
    static let notIssueWords: WordSet = ["citizens", "authorities", "people", "civilians", "residents", "government", "officials", "leaders",
                                         "group", "side", "sides", "there", "here", "out", "more", "less", "morning", "evening", "night", "day",
                                         "early", "late", "soon", "far", "so", "doing", "being", "having", "adding", "saying"]
    /// Adverbs between a verb and its object: "agreed early on Wednesday on a law", "will not
    /// negotiate directly with Washington".
    static let issueAdverbs: WordSet = ["early", "formally", "quickly", "swiftly", "unanimously", "tentatively", "finally", "already",
                                        "repeatedly", "publicly", "privately", "reluctantly", "directly", "immediately", "fully", "jointly",
                                        "unilaterally", "together", "again", "eventually", "firmly", "openly", "personally"]

    /// Nouns that are their own issue when they trigger a position: "brokered a ceasefire",
    /// "called for an immediate and unconditional ceasefire", "a U.S. proposal for talks".
    static let issueNouns: WordSet = ["ceasefire", "ceasefires", "truce", "truces", "armistice", "deal", "agreement", "accord", "accords",
                                      "pact", "treaty", "proposal", "proposals", "plan", "draft", "counterproposal", "offer", "initiative",
                                      "framework", "moratorium", "settlement", "memorandum", "roadmap"]
    /// Words that end a noun's modifiers, reading back from it.
    static let modifierStops: WordSet = ["a", "an", "the", "any", "this", "that", "these", "those", "its", "their", "his", "her", "our", "no",
                                         "of", "to", "for", "on", "in", "at", "with", "by", "from", "into", "over", "under", "after", "before",
                                         "and", "or", "but", "as", "which", "who", "said", "says", "is", "was", "were", "are", "be", "been",
                                         "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "not"]

    /// A noun trigger's own phrase: its modifiers ("an immediate and unconditional 30-day
    /// ceasefire", "a written U.S. proposal") and what follows a "for", "on" or "over" ("a
    /// proposal for talks on Iran's programme").
    private func nounIssue(at noun: Int, in range: Range<Int>, words: [String], lower: [Word]) -> String? {
        var start = noun
        while start > range.lowerBound, noun - start < 5 {
            let w = lower[start - 1]
            // "immediate and unconditional": an "and" between two modifiers stays.
            if w == "and", start - 2 > range.lowerBound, !Self.modifierStops.contains(lower[start - 2]),
               start < noun, !Self.modifierStops.contains(lower[start]) {
                start -= 1
                continue
            }
            guard !Self.modifierStops.contains(w), w.text.first?.isPunctuation != true, !["“", "”", "\"", "—", "–"].contains(w) else { break }
            // (A verb right before the noun is no modifier: "brokered a ceasefire" has its
            // article, "signed accords" has none.)
            if w.text.hasSuffix("ed"), !words[start - 1].startsUppercase,
               start - 2 < range.lowerBound || !["a", "an", "the", "its", "their", "his", "her", "our"].contains(lower[start - 2]) { break }
            start -= 1
        }
        var phrase = (start..<noun + 1).map { lower[$0].text }
        if noun + 1 < range.upperBound, ["for", "on", "over", "to"].contains(lower[noun + 1]) {
            var t = noun + 2
            var tail: [String] = []
            while t < range.upperBound, tail.count < 8, ![",", ".", ";", ":", "but", "while", "which", "who", "that", "“", "\"", "and"].contains(lower[t]),
                  !(tail.count >= 2 && Self.phraseEnds.contains(lower[t])) {
                if ["in", "at"].contains(lower[t]), t + 1 < range.upperBound, words[t + 1].startsUppercase, !tail.isEmpty { break }
                if !Self.issueArticles.contains(lower[t]) { tail.append(lower[t].text) }
                t += 1
            }
            if !tail.isEmpty { phrase += [lower[noun + 1].text] + tail }
        }
        return Self.cleanIssue(phrase)
    }

    /// The object before a trigger that has none after it: "the 30-day truce proposed by
    /// Washington", "the agreement Congo and Rwanda signed", "a ceasefire the two countries
    /// agreed", "details of U.S. support would be settled".
    private func backwardIssue(before trigger: Range<Int>, in range: Range<Int>, words: [String], lower: [Word], entityAt: [Int?],
                               passive knownPassive: Bool = false) -> String? {
        var k = trigger.lowerBound - 1
        // Adverbs and auxiliaries between the object (or the relative clause's subject) and the trigger.
        while k >= range.lowerBound, Self.issueAuxiliaries.contains(lower[k]) || ["not", "never", "already", "also", "firmly", "so", "far", "since", "being"].contains(lower[k]) {
            k -= 1
        }
        guard k >= range.lowerBound else { return nil }
        let passive = knownPassive || k < trigger.lowerBound - 1 && Self.passiveAuxiliaries.contains(lower[k + 1]) || lower[k + 1] == "being"
            || trigger.upperBound < range.upperBound && lower[trigger.upperBound] == "by"
        if !passive {
            // A relative clause: its subject (a name, a pronoun, or a short phrase with its
            // article) stands between the object and the trigger, perhaps after "that" or "which".
            let subjectEnd = k
            if let e = entityAt[k] {
                while k >= range.lowerBound, entityAt[k] == e { k -= 1 }
                // "the 5% that President Donald Trump has demanded": the title goes with the name.
                while k >= range.lowerBound, entityAt[k] == nil, words[k].startsUppercase { k -= 1 }
            } else if Self.subjectPronouns.contains(lower[k]) {
                k -= 1
            } else if let article = (max(range.lowerBound, k - 3)...k).reversed().first(where: { ["the", "its", "his", "her", "their"].contains(lower[$0]) }),
                      (article...k).allSatisfy({ !words[$0].isEmpty && words[$0].first!.isLetter }) {
                k = article - 1
            } else {
                return nil
            }
            // "wants the dispute settled in bilateral talks": the "subject" is the object, and
            // the participle says what should become of it.
            if k >= range.lowerBound, Self.wantingVerbs.contains(lower[k]) {
                let object = (k + 1...subjectEnd).compactMap { Self.issueArticles.contains(lower[$0]) ? nil : lower[$0].text }
                return Self.cleanIssue(object + [lower[trigger.upperBound - 1].text])
            }
            if k > range.lowerBound, lower[k] == "which", lower[k - 1] == "," {
                // ", which Yerevan denies": what it denies is the clause before the comma.
                if let clause = clauseIssue(endingAt: k - 1, in: range, lower: lower) { return clause }
            }
            if k >= range.lowerBound, ["that", "which"].contains(lower[k]) { k -= 1 }
            // (The subject's own article was the object's: "agreed by the two sides" has none left.)
            guard k >= range.lowerBound else { return nil }
        }
        if k >= range.lowerBound, lower[k] == "," { k -= 1 }
        guard k >= range.lowerBound, !Self.modifierStops.contains(lower[k]) || lower[k] == "that", words[k].first?.isLetter == true || words[k].first?.isNumber == true else { return nil }
        // The noun phrase that ends at k: back to its article, a preposition's object included
        // ("the return of the measures"), at most eight words.
        var start = k
        while start > range.lowerBound, k - start < 8 {
            let w = lower[start - 1]
            // "at Natanz, Fordow and Isfahan": a list of names stays whole.
            if [",", "and"].contains(w), start - 2 >= range.lowerBound, words[start].startsUppercase, words[start - 2].startsUppercase {
                start -= 1
                continue
            }
            if [",", ";", ":", "(", "“", "”", "\"", "—", "–", "."].contains(w) || Self.statementCues.contains(w) || Self.issueAuxiliaries.contains(w) { break }
            if ["the", "a", "an", "any", "its", "their", "his", "her", "this"].contains(w) {
                // "the return of the measures", "any deal giving up land in the Donbas": the article
                // of a noun after a preposition is not the phrase's.
                if start - 2 >= range.lowerBound, Self.nounPrepositions.contains(lower[start - 2]) { start -= 2; continue }
                break
            }
            if ["that", "which", "who", "and", "or", "but"].contains(w) { break }
            start -= 1
        }
        guard start <= k else { return nil }
        return Self.cleanIssue((start...k).compactMap { ["a", "an", "the", "its", "their", "his", "her", "this"].contains(lower[$0]) ? nil : lower[$0].text })
    }

    /// The articles and possessives an issue is written without ("its right to enrich" → "right to enrich").
    static let issueArticles: WordSet = ["a", "an", "the", "its", "their", "his", "her"]
    static let relayingVerbs: WordSet = ["tell", "inform", "assure", "remind", "warn", "convince", "persuade"]
    static let bareVerbs: WordSet = ["accept", "recognise", "recognize", "sign", "negotiate", "discuss", "consider", "comment", "agree", "do",
                                     "respond", "answer", "reply"]
    static let addressingVerbs: WordSet = ["told", "tells", "tell", "urged", "urges", "urge", "asked", "asks", "ask", "pressed", "presses",
                                           "warned", "warns", "invited", "invites", "wants", "want", "wanted", "expects", "expected", "called"]
    static let wantingVerbs: WordSet = ["wants", "want", "wanted", "needs", "need", "needed", "expects", "expected", "wished", "wishes"]
    static let nounPrepositions: WordSet = ["of", "in", "on", "at", "from", "for", "with", "to", "over", "across", "under", "against"]
    /// Words that refer back to an accusation: "Kigali rejects the charge".
    static let chargeReferences: WordSet = ["charge", "charges", "accusation", "accusations", "allegation", "allegations", "claim", "claims"]

    /// "Sudan accuses the UAE of arming the RSF. The UAE denies the charge.": a refusal of "the
    /// charge" refuses the accusation made in its sentence or the two before it, which becomes
    /// the issue ("accusation of arming rsf").
    static func nameTheCharges(_ events: inout [Event], ranges: [Range<Int>], document: Document, lower: [Word]) {
        guard events.contains(where: { $0.position?.issue.map { chargeReferences.contains($0) } ?? false }) else { return }
        let sentenceIndex = Self.sentenceIndex(of: document)
        for n in events.indices where events[n].type == .reject {
            guard let issue = events[n].position?.issue, chargeReferences.contains(issue),
                  let here = sentenceIndex[events[n].sentence.start], here < ranges.count else { continue }
            let trigger = events[n].trigger.start
            // The accusation nearest before the refusal: this sentence first, then back.
            search: for k in stride(from: here, through: max(0, here - 2), by: -1) {
                let range = ranges[k]
                for a in range.reversed() where accusingWords.contains(lower[a]) && document.tokens[a].span.start < trigger {
                    guard let of = (a + 1..<min(range.upperBound, a + 9)).first(where: { lower[$0] == "of" }) else { continue }
                    var words = ["accusation", "of"]
                    var t = of + 1
                    while t < range.upperBound, words.count < 10, document.tokens[t].span.start < trigger,
                          ![",", ".", ";", ":", "and", "which", "who", "—", "–", "“", "”", "\""].contains(lower[t]) {
                        if !Self.issueArticles.contains(lower[t]) { words.append(lower[t].text) }
                        t += 1
                    }
                    if words.count > 2, let named = cleanIssue(words) { events[n].position?.issue = named }
                    break search
                }
            }
        }
    }

    static let negotiating: [String: String] = ["negotiate": "negotiations", "talk": "talks", "meet": "meeting"]
    static let mannerAdjectives: [String: String] = ["directly": "direct", "formally": "formal", "publicly": "public", "privately": "private",
                                                     "jointly": "joint"]
    static let irregularParticiples: WordSet = ["met", "paid", "held", "kept", "made", "given", "taken", "put", "brought", "sent", "set",
                                                "torn", "withdrawn", "drawn", "shown", "done", "seen", "heard", "built", "broken", "dealt"]
    static let accusingWords: WordSet = ["accuses", "accused", "accusing", "accuse"]
    static let sayingWords: WordSet = ["saying", "says", "say", "said", "claims", "claimed", "alleges", "alleged", "insists"]

    /// What a ", which…" clause refers to, the clause before `comma`: an accusation ("accused
    /// Armenian troops of firing across the border" → "accusation of firing across border") or
    /// what someone said ("saying Hamas steals aid" → "hamas steals aid").
    private func clauseIssue(endingAt comma: Int, in range: Range<Int>, lower: [Word]) -> String? {
        guard let cue = (range.lowerBound..<comma).last(where: { Self.accusingWords.contains(lower[$0]) || Self.sayingWords.contains(lower[$0]) }),
              !(cue + 1..<comma).contains(where: { [",", ";", ":"].contains(lower[$0]) }) else { return nil }
        var words: [String] = []
        if Self.accusingWords.contains(lower[cue]) {
            guard let of = (cue + 1..<comma).first(where: { lower[$0] == "of" }) else { return nil }
            words = ["accusation", "of"] + (of + 1..<comma).map { lower[$0].text }
        } else {
            words = (cue + 1..<comma).map { lower[$0].text }
            // "said Rwanda had exercised command…": what was said, without its subject.
            if let aux = words.prefix(4).firstIndex(where: { Self.issueAuxiliaries.contains($0) }) { words.removeFirst(aux + 1) }
        }
        words = words.filter { !["a", "an", "the", "its", "their", "his", "her", "that"].contains($0) }
        if let times = words.firstIndex(where: { ["several", "repeatedly", "again", "twice"].contains($0) }), times > 2 { words = Array(words[..<times]) }
        return Self.cleanIssue(Array(words.prefix(10)))
    }

    /// The object after a verb trigger: "rejected a full ceasefire", "urged Russia to accept the
    /// plan", "agreed in Istanbul on Friday to a new exchange of prisoners".
    private func forwardIssue(for event: Event, after trigger: Range<Int>, in range: Range<Int>, words: [String], lower: [Word], entityAt: [Int?]) -> String? {
        var t = trigger.upperBound
        // "every economic sanction on Iran would have to be lifted": the subject, as a headline
        // would put it ("every economic sanction on iran lifted").
        if t + 1 < range.upperBound, lower[t] == "be", lower[t + 1].text.hasSuffix("ed") || Self.irregularParticiples.contains(lower[t + 1]),
           let subject = backwardIssue(before: trigger, in: range, words: words, lower: lower, entityAt: entityAt, passive: true) {
            return Self.cleanIssue(subject.split(separator: " ").map(String.init) + [lower[t + 1].text])
        }
        // "rejected, by 51 votes to 48, a resolution…": an aside between the verb and its object.
        if t < range.upperBound, lower[t] == ",",
           let close = (t + 1..<min(range.upperBound, t + 9)).first(where: { lower[$0] == "," }), close + 1 < range.upperBound,
           ["a", "an", "the", "any"].contains(lower[close + 1]) {
            t = close + 1
        }
        // "denied that the town had fallen", "agreed that their teams would start negotiations":
        // the clause is the issue, without its auxiliaries.
        var clause = t < range.upperBound && lower[t] == "that"
        // "told the ministers that allies would have to spend…", "urged the group to accept…": a
        // short addressee before "that" or "to".
        // ("urged its citizens on Friday to avoid…": the day of the appeal may follow the addressee.)
        if Self.addressingVerbs.contains(lower[trigger.upperBound - 1]), t < range.upperBound, ["the", "its", "their", "his", "her", "both"].contains(lower[t]),
           let link = (t + 2..<min(range.upperBound, t + 7)).first(where: { ["that", "to"].contains(lower[$0]) }),
           (t + 1..<link).allSatisfy({ k in
               words[k].first?.isLetter == true && !Self.issueAuxiliaries.contains(lower[k])
                   && (!Self.issueStops.contains(lower[k]) || lower[k] == "on" && k + 1 < link && Self.issueTimes.contains(lower[k + 1]))
           }),
           (t + 1..<link).filter({ !Self.issueTimes.contains(lower[$0]) && lower[$0] != "on" }).count <= 3 {
            clause = lower[link] == "that"
            t = link + 1
        }
        // "agreed early on Wednesday on a law", "will not negotiate directly with Washington": an
        // adverb after the verb is no part of its object (the manner of talks is their kind).
        var manner: String?
        while t < range.upperBound, Self.issueAdverbs.contains(lower[t]) {
            manner = Self.mannerAdjectives[lower[t].text] ?? manner
            t += 1
        }
        // "would not negotiate with Washington": the talks are the issue.
        let nominal = Self.negotiating[lower[trigger.upperBound - 1].text]
        if let nominal, t < range.upperBound, ["with", "under", "through", "over", "on"].contains(lower[t]) {
            var talks = (manner.map { [$0] } ?? []) + [nominal]
            while t < range.upperBound, talks.count < 9, ![",", ".", ";", ":", "while", "until", "unless", "if", "because", "as", "but", "and"].contains(lower[t]) {
                if !["a", "an", "the"].contains(lower[t]) { talks.append(lower[t].text) }
                t += 1
            }
            return Self.cleanIssue(talks)
        }
        // "pressed Western capitals to punish Rwanda": the issue is what follows "to".
        if Self.pressingVerbs.contains(lower[trigger.lowerBound]),
           let to = (trigger.upperBound..<min(range.upperBound, trigger.upperBound + 6)).first(where: { lower[$0] == "to" }) {
            t = to + 1
        }
        // Skip the addressee and linking words: "urged Russia to accept", "demanded that".
        // Then a place or time before the object: "agreed in Istanbul to exchange…", "agreed on
        // Tuesday to stop…".
        var skipping = true
        while skipping {
            skipping = false
            while t < range.upperBound, ["that", "to", "on", "for", "the", "a", "an", "its", "their", "his", "her", "'s", "’s"].contains(lower[t]) || event.targets.isEmpty == false && words[t].startsUppercase {
                t += 1
            }
            // "asked the International Court of Justice to rule…": the whole name is the addressee.
            if t < range.upperBound, let e = entityAt[t] {
                var end = t
                while end < range.upperBound, entityAt[end] == e { end += 1 }
                if end < range.upperBound, ["to", "for", "that"].contains(lower[end]) { t = end; skipping = true; continue }
            }
            // "agreed in principle to…", "agreed in a phone call on October 16 to meet…".
            if t < range.upperBound, ["in", "by", "during", "after", "over", "via", "through"].contains(lower[t]),
               let to = (t + 1..<min(range.upperBound, t + 14)).first(where: { ["to", "that"].contains(lower[$0]) }),
               !(t + 1..<to).contains(where: { [".", ";", ":", "“", "”", "\""].contains(lower[$0]) }),
               to + 1 < range.upperBound, lower[to + 1] != "be" {
                t = to + 1
                skipping = true
                continue
            }
            let start = t > trigger.upperBound && lower[t - 1] == "on" ? t - 1 : t
            if start < range.upperBound, ["in", "at", "on", "with", "under", "from", "last", "this", "next"].contains(lower[start]) || Self.issueTimes.contains(lower[t]) {
                var u = start == t && !Self.issueTimes.contains(lower[t]) ? t + 1 : t
                var named = false
                while u < range.upperBound, words[u].startsUppercase || Self.issueTimes.contains(lower[u]) || lower[u] == "the" {
                    if lower[u] != "the" { named = true }
                    u += 1
                }
                if named { t = max(u, t + 1); skipping = true }
            }
        }
        // "asked Trump to tell Phnom Penh that Bangkok wanted bilateral talks": what is to be
        // told is the issue.
        if t < range.upperBound, Self.relayingVerbs.contains(lower[t]),
           let that = (t + 1..<min(range.upperBound, t + 7)).first(where: { lower[$0] == "that" }),
           !(t + 1..<that).contains(where: { [",", ".", ";", ":"].contains(lower[$0]) }) {
            t = that + 1
            clause = true
        }
        var issue: [String] = []
        let phraseEnds = Self.phraseEnds
        while t < range.upperBound, issue.count < 12, ![",", ".", ";", ":", "but", "while", "which", "who", "“", "\""].contains(lower[t]) {
            if issue.count >= 2, phraseEnds.contains(lower[t]) {
                // "the 30-day truce proposed by Washington": the participle goes with its agent.
                if lower[t] == "by", let last = issue.last, last.hasSuffix("ed") { issue.removeLast() }
                break
            }
            if lower[t] == "and", issue.isEmpty || t + 1 >= range.upperBound || !["a", "an", "the", "to"].contains(lower[t + 1]) { break }
            // "the treaty in Washington", "the package for two months": a place or a span of time
            // after the object is not part of the issue.
            if !issue.isEmpty, t + 1 < range.upperBound,
               ["in", "at"].contains(lower[t]) && words[t + 1].startsUppercase
               || lower[t] == "for" && (Self.numberWords[lower[t + 1].text] != nil || lower[t + 1].text.first?.isNumber == true) {
                break
            }
            if !Self.issueArticles.contains(lower[t]) { issue.append(lower[t].text) }
            t += 1
        }
        // "turned the offer down": the particle closes the verb, not the issue.
        if Self.turningVerbs.contains(lower[trigger.lowerBound]), issue.last == "down" { issue.removeLast() }
        // (A long subject is the issue itself: "insists that its right to enrich uranium will
        // never be given up" holds on to the right.)
        if clause, let a = issue.firstIndex(where: { Self.issueAuxiliaries.contains($0) }), a < 3 { issue.removeAll { Self.issueAuxiliaries.contains($0) } }
        // "…that Bangkok wanted bilateral talks as soon as possible": what the clause's subject
        // wants is the issue, without the subject, the verb or the haste.
        if clause, let want = issue.prefix(4).firstIndex(where: { Self.wantingVerbs.contains($0) && !$0.hasPrefix("expect") }), want + 1 < issue.count {
            issue.removeFirst(want + 1)
            if let haste = issue.indices.first(where: { issue[$0] == "as" && $0 + 1 < issue.count && ["soon", "quickly", "early"].contains(issue[$0 + 1]) }), haste > 0 {
                issue.removeSubrange(haste...)
            }
        }
        if let nominal, let first = issue.first, ["with", "under", "while", "through", "on", "over"].contains(first) { issue.insert(nominal, at: 0) }
        // "rejected the demand for unconditional surrender": the issue is what was demanded.
        if issue.count > 2, ["demand", "demands", "call", "calls", "request", "requests"].contains(issue[0]), ["for", "that"].contains(issue[1]) {
            issue.removeFirst(2)
        }
        return Self.cleanIssue(issue)
    }

    static let issueTimes: WordSet = WordSet(weekdays + ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                                         "october", "november", "december", "today", "tomorrow", "week", "weekend", "month", "year", "earlier", "later"])
    static let spokenTimes: WordSet = ["yesterday", "today", "tonight", "tomorrow"]
    static let issueStops: WordSet = ["of", "to", "for", "the", "a", "an", "with", "and", "by", "or", "that", "as", "at", "in", "on", "be", "would", "will", "were", "was", "whether"]

    /// Words that open a clause or an adverbial inside an issue: what follows is the reason,
    /// the time or the manner, not the issue ("the veto after the summit promised help").
    static let issueBreaks: WordSet = ["because", "although", "though", "after", "since", "when", "while", "unless", "if", "as", "so"]
    /// Words no issue starts with: a preposition or adverb where the object should be ("about
    /// 12 minutes", "by the G7"), or a verb that makes the words a clause ("remained a
    /// reliable ally", "described as a red line").
    static let notIssueStarts: WordSet = ["in", "at", "with", "under", "from", "after", "before", "during", "since", "last", "next",
                                          "about", "by", "until", "because", "as", "instead", "forward", "than", "if", "when", "whether",
                                          "over", "into", "through", "on", "of", "set", "remained", "received", "knew", "regarded", "described", "said",
                                          "told", "called", "had", "has", "have", "was", "were", "is", "are", "would", "will"]
    /// Auxiliaries and modals: an issue with one is a clause ("the town had fallen").
    static let issueAuxiliaries: WordSet = ["will", "would", "could", "should", "can", "may", "might", "must", "had", "has", "have",
                                       "did", "does", "do", "is", "are", "was", "were", "been", "be", "am"]
    static let passiveAuxiliaries: WordSet = ["was", "were", "is", "are", "be", "been"]
    /// Single words that name no issue on their own.
    static let vagueIssues: WordSet = ["end", "war", "meet", "immediate", "return", "full", "finish", "them", "him", "her", "it", "this", "that", "us",
                                       "what", "expected", "up", "’", "‘"]
    static let objectPronouns: WordSet = ["him", "her", "them", "us", "me", "it"]

    /// An issue as the tracker shows it, a short noun or verb phrase, or nil when the words
    /// after the trigger are not one:
    /// - from "saturday to begin technical-level work" to "begin technical-level work";
    /// - nothing from "in istanbul" (a place) or "about 12 minutes" (an adverbial);
    /// - "ceasefire or face steep tariffs" cut at "or face", "objection after the commission
    ///   promised help" at "after";
    /// - "sanctions on banks were lifted" as "sanctions on banks lifted", but nothing from a
    ///   clause such as "the town had fallen";
    /// - "him to help end the war" as "help end war"; "eu ’s plan" and "eu 's plan" as "eu’s plan".
    static func cleanIssue(_ words: [String]) -> String? {
        var issue = words
        if let face = issue.firstIndex(of: "or"), face > 0 { issue = Array(issue[..<face]) }
        if let cut = issue.indices.dropFirst().first(where: { issueBreaks.contains(issue[$0]) }) { issue = Array(issue[..<cut]) }
        if let first = issue.first, notIssueStarts.contains(first) { return nil }
        // "the document yesterday", "the step this month", "the proposal on Friday": the time
        // the act took place is not part of its issue (a deadline, "by Thursday", is).
        if let cut = issue.indices.dropFirst().first(where: { k in
            spokenTimes.contains(issue[k])
                || ["this", "last", "next", "on", "early", "late"].contains(issue[k]) && k + 1 < issue.count && issueTimes.contains(issue[k + 1])
                || weekdays.contains(issue[k]) && !["by", "until", "before"].contains(issue[k - 1])
        }) {
            issue = Array(issue[..<cut])
        }
        while let first = issue.first, ["it", "they", "he", "she", "we", "first", "also", "now", "still", "again", "’s", "'s"].contains(first) || issueTimes.contains(first)
                || first == "to" && issue.count > 1
                || ["early", "late", "on", "this", "last", "next"].contains(first) && issue.count > 1 && issueTimes.contains(issue[1]) {
            issue.removeFirst()
        }
        // "accepted it on her behalf": what follows the pronoun is no object either.
        if let first = issue.first, notIssueStarts.contains(first), first != "to" { return nil }
        if issue.count > 2, objectPronouns.contains(issue[0]), issue[1] == "to" { issue.removeFirst(2) }
        if let a = issue.firstIndex(where: { issueAuxiliaries.contains($0) }) {
            if a > 0, a + 1 < issue.count, passiveAuxiliaries.contains(issue[a]),
               issue[a + 1].hasSuffix("ed") || ["met", "paid", "held", "kept", "made", "given", "taken"].contains(issue[a + 1]) {
                // "sanctions on banks were lifted": a passive reads as a headline does, and
                // ends the issue.
                issue = Array(issue[..<a]) + [issue[a + 1]]
            } else if a >= 2, ["that", "which", "who"].contains(issue[a - 1]) {
                // "a resolution that would have barred strikes": the clause describes the object.
                issue = Array(issue[..<(a - 1)])
            } else if a >= 3 {
                // "its right to enrich uranium will never be given up": the issue is the subject.
                issue = Array(issue[..<a])
            } else {
                // "the town had fallen": a clause, no issue.
                return nil
            }
        }
        while let last = issue.last, issueStops.contains(last) || last.allSatisfy(\.isNumber)
                || ["’s", "'s", "outright", "earlier", "later", "they", "he", "she", "we", "but"].contains(last)
                // "the damage it": a pronoun that opens a clause, not "without it".
                || last == "it" && issue.count > 1 && !issueStops.contains(issue[issue.count - 2]) && issue[issue.count - 2] != "without" {
            issue.removeLast()
        }
        guard issue.contains(where: { !issueStops.contains($0) && !issueTimes.contains($0) && !["as", "well", "only", "again"].contains($0) }) else { return nil }
        if issue.count == 1, vagueIssues.contains(issue[0]) { return nil }
        // (One apostrophe for both: "court's jurisdiction" and "court’s jurisdiction" are one
        // issue in the tracker.)
        return issue.joined(separator: " ").replacingOccurrences(of: "'", with: "’").replacingOccurrences(of: " ’s", with: "’s")
            .replacingOccurrences(of: " , ", with: ", ")
    }

    static let phraseEnds: WordSet = ["in", "that", "which", "as", "by", "after", "before", "until", "if", "at", "who", "when"]
}
