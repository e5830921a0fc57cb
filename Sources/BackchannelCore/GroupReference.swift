/// A body named again by what the text called it before: "the M23 rebels … the rebels said",
/// "Hamas, the militant group … the group rejected". Shared by the quote and event stages.
public enum GroupReference {
    /// Words for an armed or political group, each with the family it belongs to ("rebels" and
    /// "rebel" are one): what a later "the rebels" or "the group" refers back to.
    public static let descriptors = WordMap<Int>([("rebels", 0), ("rebel", 0), ("paramilitaries", 1), ("paramilitary", 1),
                                                  ("militia", 2), ("militias", 2), ("group", 3), ("movement", 4),
                                                  ("militants", 5), ("militant", 5), ("insurgents", 6), ("insurgent", 6),
                                                  ("alliance", 7), ("bloc", 8), ("agency", 9), ("council", 10), ("court", 11),
                                                  ("committee", 12), ("party", 13), ("commission", 14), ("command", 15)])

    /// The body the text last called by a word of `family` before token `k`: "the M23 rebels",
    /// "the M23 rebel group", "the paramilitary Rapid Support Forces", "Hamas, the militant
    /// group". Nil when no body was called so in the 600 tokens before. `lower(t)` is token `t`
    /// in lower case; `entityAt[t]` the index of the entity token `t` names.
    public static func lastDescribed(_ family: Int, before k: Int, lower: (Int) -> Word, entityAt: [Int?], document: Document) -> Int? {
        func body(_ t: Int) -> Int? {
            guard t >= 0, t < k, let e = entityAt[t], document.entities[e].type == .org else { return nil }
            return e
        }
        func isDescriptor(_ t: Int) -> Bool { t >= 0 && descriptors[lower(t)] != nil }
        var j = k - 1
        while j >= 0, k - j <= 600 {
            defer { j -= 1 }
            guard descriptors[lower(j)] == family else { continue }
            // "the M23 rebels", "the M23 rebel group" (the phrase's first word for a group), "the
            // paramilitary Rapid Support Forces": the name just before or after.
            let head = isDescriptor(j - 1) ? j - 1 : j
            if let e = body(head - 1) ?? body(j + 1) { return e }
            // "Hamas, the militant group", "NATO, the Western military alliance": an apposition
            // (up to two words between the article and the noun).
            if let article = stride(from: head - 1, through: max(0, head - 3), by: -1).first(where: { ["the", "a", "an"].contains(lower($0)) }),
               article >= 2, lower(article - 1) == ",", let e = body(article - 2) { return e }
        }
        return nil
    }
}
