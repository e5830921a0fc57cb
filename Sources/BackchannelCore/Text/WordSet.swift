/// A fixed set of words, for the lexicons the analysis stages test every word against.
///
/// `Set<String>` hashes each word it is asked about with a seeded SipHash, and profiles of
/// `extract` found string hashing for set and dictionary look-ups at about 15 % of the
/// analysis. A lexicon never changes after it is built, so this set hashes the word's UTF-8
/// bytes eight at a time and probes an open-addressed table of the words' bytes: no `Hasher`,
/// no allocation, one byte comparison on a hit.
public struct WordSet: Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The words in the order they were given (duplicates dropped), for iteration.
    public let words: [String]
    /// Each word as a record: its index in `words` and its byte count (four bytes each, in the
    /// machine's order), then its UTF-8 bytes. A hit reads one slot and one record, which
    /// usually share nothing with other look-ups: the large sets (the event-type model's
    /// features, the gazetteer's first words) miss the cache on both, so the record holds what a
    /// separate array of starts would have cost a third read for.
    private let records: [UInt8]
    /// Open-addressed table (power-of-two size, at most half full): 0 for an empty slot, else
    /// the word's record offset plus one in the low 32 bits and the high 32 bits of its hash
    /// above them, so that a probe that meets another word is settled without reading that word.
    private let slots: [UInt64]
    /// For a large set, a filter of two bits per word in a table of 64-bit blocks, about one
    /// block per eight words (empty for sets that fit the cache anyway). Most words asked of a
    /// large lexicon (the gazetteer's first words, asked of every token) are not in it; the
    /// filter settles nearly all of those in a table the cache keeps, where the slots and
    /// records would each cost a miss.
    private let filter: [UInt64]
    /// Sets of at least this many words get a filter.
    public static let filteredFrom = 4096

    public init<S: Sequence>(_ words: S) where S.Element == String {
        self.init(words, payloads: nil)
    }

    /// A set whose word `i` carries `payloads[i]`, stored right after the word's bytes: a caller
    /// that reads a word's data after finding it (the event-type model's weights) reads memory
    /// the look-up has just brought into the cache. Duplicate words keep the first payload.
    public init<S: Sequence>(_ words: S, payloads: [[UInt8]]?) where S.Element == String {
        var kept: [String] = []
        var records: [UInt8] = []
        let given = Array(words)
        var size = 8
        while size < given.count * 2 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        var hashes: [UInt64] = []  // of the kept words, for the filter
        for (n, word) in given.enumerated() {
            let utf8 = Array(word.utf8)
            let hash = utf8.withUnsafeBufferPointer { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            var duplicate = false
            while slots[slot] != 0 {
                let at = Int(slots[slot] & 0xFFFF_FFFF) - 1
                if slots[slot] >> 32 == hash >> 32, Self.field(records, at + 4) == utf8.count,
                   records[(at + 8)..<(at + 8 + utf8.count)].elementsEqual(utf8) {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & mask
            }
            if duplicate { continue }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(records.count + 1)
            withUnsafeBytes(of: UInt32(kept.count)) { records += $0 }
            withUnsafeBytes(of: UInt32(utf8.count)) { records += $0 }
            records += utf8
            if let payloads { records += payloads[n] }
            kept.append(word)
            hashes.append(hash)
        }
        self.words = kept
        self.records = records
        self.slots = slots
        var filter: [UInt64] = []
        if kept.count >= Self.filteredFrom {
            var blocks = 64
            while blocks < kept.count / 8 { blocks *= 2 }
            filter = [UInt64](repeating: 0, count: blocks)
            for hash in hashes { filter[Self.block(hash, blocks - 1)] |= Self.bits(hash) }
        }
        self.filter = filter
    }

    /// The filter block of a hash: bits the slot index and the tag do not use.
    @inline(__always)
    private static func block(_ hash: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: hash >> 20) & mask }

    /// The two bits a hash sets in its block.
    @inline(__always)
    private static func bits(_ hash: UInt64) -> UInt64 { 1 << (hash >> 52 & 63) | 1 << (hash >> 58) }

    /// The four-byte field at `offset` of the records.
    private static func field(_ records: [UInt8], _ offset: Int) -> Int {
        records.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }

    public init(_ other: WordSet) { self = other }

    public init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    public var count: Int { words.count }
    public var isEmpty: Bool { words.isEmpty }
    public var description: String { words.description }

    public func contains<S: StringProtocol>(_ word: S) -> Bool { index(of: word) != nil }

    /// The hashed look-up for a `String`. Without this overload, `contains` with a `String`
    /// resolves to `Sequence.contains(_:)`, which Swift prefers to a generic method, and
    /// compares the word with every word of the set in turn: profiles of `extract` found that
    /// scan at a seventh of the whole run.
    public func contains(_ word: String) -> Bool { index(of: word) != nil }

    /// The position of `word` in ``words``, or nil when the set does not hold it. (Not generic,
    /// unlike the overload below: a call from code inlined into another module, such as
    /// ``WordMap``'s subscripts, would otherwise go through the unspecialised generic.)
    public func index(of word: String) -> Int? {
        var word = word
        return word.withUTF8 { index(utf8: $0) }
    }

    /// The position of `word` in ``words``, or nil when the set does not hold it.
    public func index<S: StringProtocol>(of word: S) -> Int? {
        if let found = word.utf8.withContiguousStorageIfAvailable({ index(utf8: $0) }) { return found }
        return Array(word.utf8).withUnsafeBufferPointer { index(utf8: $0) }
    }

    /// Where the payload of the word whose UTF-8 bytes these are starts in the bytes that
    /// ``withPayloads(_:)`` gives, or nil when the set does not hold the word.
    public func payloadOffset(utf8 word: UnsafeBufferPointer<UInt8>) -> Int? {
        record(utf8: word).map { $0 + 8 + word.count }
    }

    /// The bytes the payloads are stored in, for reading them at ``payloadOffset(utf8:)``.
    public func withPayloads<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try records.withUnsafeBytes(body)
    }

    /// The position in ``words`` of the word whose UTF-8 bytes these are, or nil.
    public func index(utf8 word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let at = record(utf8: word) else { return nil }
        return records.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
    }

    /// The offset of the word's record in `records`, or nil.
    @inline(__always)
    private func record(utf8 word: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(word)
        if !filter.isEmpty {
            let bits = Self.bits(hash)
            if filter.withUnsafeBufferPointer({ $0[Self.block(hash, $0.count - 1)] }) & bits != bits { return nil }
        }
        let tag = hash >> 32
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            records.withUnsafeBytes { records in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return nil }
                    if entry >> 32 == tag {
                        let at = Int(entry & 0xFFFF_FFFF) - 1
                        if Int(records.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self)) == word.count,
                           word.count == 0 || memoryEqual(records.baseAddress!.assumingMemoryBound(to: UInt8.self) + at + 8, word.baseAddress!, word.count) {
                            return at
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    public func union<S: Sequence>(_ other: S) -> WordSet where S.Element == String {
        WordSet(words + Array(other))
    }

    public func union(_ other: WordSet) -> WordSet { union(other.words) }

    /// The hash of a word's bytes, eight at a time: most words are one or two such words of
    /// the machine, where a byte-at-a-time hash would chain one multiplication per byte. The
    /// final mix spreads every input bit over the low bits (the slot), the high half (the tag)
    /// and the filter's bits.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9FB2_1C65_1E98_DF25
                h ^= h >> 32
                i += 8
            }
            if i < bytes.count {
                var tail: UInt64 = 0
                for k in i..<bytes.count { tail |= UInt64(base[k]) << (UInt64(k - i) * 8) }
                h = (h ^ tail) &* 0x9FB2_1C65_1E98_DF25
            }
        }
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }
}

/// A fixed map from words to values, looked up as ``WordSet`` looks up its words.
public struct WordMap<Value: Sendable>: Sendable {
    public let keys: WordSet
    @usableFromInline let values: [Value]

    public init(_ pairs: [(String, Value)]) {
        // A later pair for the same word wins, as a dictionary's assignment does.
        var last: [String: Int] = [:]
        for (n, pair) in pairs.enumerated() { last[pair.0] = n }
        let kept = pairs.enumerated().filter { last[$0.element.0] == $0.offset }.map(\.element)
        keys = WordSet(kept.map(\.0))
        values = kept.map(\.1)
    }

    public init(_ dictionary: [String: Value]) {
        // A dictionary's keys are distinct and iterate in the order of its values.
        keys = WordSet(dictionary.keys)
        values = Array(dictionary.values)
    }

    // (Inlinable, so that a caller in another module reads its values without the generic
    // value witnesses: the gazetteer asks one of every token.)
    @inlinable
    public subscript(_ word: String) -> Value? {
        guard let i = keys.index(of: word) else { return nil }
        return values[i]
    }

    /// The value of the word whose UTF-8 bytes these are, or nil.
    @inlinable
    public subscript(utf8 word: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let i = keys.index(utf8: word) else { return nil }
        return values[i]
    }

    public var count: Int { values.count }
}

private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
