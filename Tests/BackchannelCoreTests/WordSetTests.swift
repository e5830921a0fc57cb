import BackchannelCore
import Testing

@Suite("word sets")
struct WordSetTests {
    @Test func holdsExactlyItsWords() {
        let set: WordSet = ["envoy", "ceasefire", "Kyiv", "Zaporizhzhia", "", "naïve", "東京", "envoy"]
        #expect(set.count == 7)
        for word in ["envoy", "ceasefire", "Kyiv", "Zaporizhzhia", "", "naïve", "東京"] { #expect(set.contains(word), "\(word)") }
        for word in ["Envoy", "envoys", "envo", "kyiv", "naive", "東", " ", "ceasefire "] { #expect(!set.contains(word), "\(word)") }
        #expect(set.contains("the ceasefire talks".split(separator: " ")[1]))
        #expect(!set.contains("the ceasefire talks".split(separator: " ")[2]))
    }

    /// Against `Set<String>` on many words, long ones (not stored inline in the String) and short;
    /// the larger count is above the size from which a set keeps a filter of its words.
    @Test(arguments: [3000, 4 * WordSet.filteredFrom])
    func agreesWithASetOnManyWords(count: Int) {
        var generator = SplitMix64(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyzé’-")
        func word() -> String { String((0..<Int(generator.next() % 24)).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }) }
        let words = (0..<count).map { _ in word() }
        let set = WordSet(words), reference = Set(words)
        #expect(set.count == reference.count)
        for probe in words + (0..<count).map({ _ in word() }) { #expect(set.contains(probe) == reference.contains(probe), "\(probe)") }
        for (n, word) in set.words.enumerated() { #expect(set.index(of: word) == n) }
        #expect(Set(set.words) == reference)
    }

    /// Each word's payload is read back at its offset, whatever the other words' lengths; a
    /// duplicate keeps the first word's payload, and a word the set lacks has no offset.
    @Test func payloadsFollowTheirWords() {
        let words = ["envoy", "ceasefire", "Kyiv", "envoy", "naïve", ""]
        let payloads: [[UInt8]] = [[1, 2], [3], [], [9, 9], [4, 5, 6], [7]]
        let set = WordSet(words, payloads: payloads)
        func payload(_ word: String, length: Int) -> [UInt8]? {
            var word = word
            guard let at = word.withUTF8({ set.payloadOffset(utf8: $0) }) else { return nil }
            return set.withPayloads { Array($0[at..<(at + length)]) }
        }
        #expect(payload("envoy", length: 2) == [1, 2] && payload("ceasefire", length: 1) == [3])
        #expect(payload("naïve", length: 3) == [4, 5, 6] && payload("", length: 1) == [7] && payload("Kyiv", length: 0) == [])
        #expect(payload("envoys", length: 0) == nil && set.count == 5 && set.index(of: "naïve") == 3)
    }

    @Test func unionAndMaps() {
        let set = WordSet(["a", "b"]).union(["b", "c"])
        #expect(set.words == ["a", "b", "c"])
        let map = WordMap([("met", 1), ("talks", 2), ("met", 3)])
        #expect(map["met"] == 3)
        #expect(map["talks"] == 2)
        #expect(map["meet"] == nil)
        #expect(map.count == 2)
        #expect(WordMap(["x": 1.5])["x"] == 1.5)
    }

    /// A document's words against the rules' literals: equal only to the same word.
    @Test func wordsCompareAsTheirText() {
        let said = Word("said")
        #expect(said == "said")
        #expect(said != "says")       // same length, different bytes
        #expect(said != "sai")        // a prefix
        #expect(said != "said ")      // longer
        #expect(Word("") == "")
        #expect(Word("naïve") == "naïve")
        #expect(Word("naïve") != "naive")
        #expect([Word("’s"), "and"].contains(Word("’s")))
        #expect(Set([Word("met"), "met", "talks"]).count == 2)
        let set: WordSet = ["envoy", "said"]
        #expect(set.contains(said))
        #expect(!set.contains(Word("sai")))
        #expect(WordMap([("met", 1)])[Word("met")] == 1)
        #expect(said.hasPrefix("sa") && said.hasSuffix("id") && said.description == "said")
    }
}
