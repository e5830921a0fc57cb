/// Token positions as a bitmap: the entity stage's passes ask "does a sentence start here?"
/// of nearly every token, where a `Set<Int>` hashed each question.
struct TokenPositions: Sendable, ExpressibleByArrayLiteral, Sequence {
    private var bits: [UInt64] = []

    init() {}

    init<S: Sequence>(_ positions: S) where S.Element == Int {
        for position in positions { insert(position) }
    }

    init(arrayLiteral positions: Int...) {
        self.init(positions)
    }

    mutating func insert(_ position: Int) {
        precondition(position >= 0, "a token position is never negative")
        let word = position >> 6
        if word >= bits.count { bits += repeatElement(0, count: word - bits.count + 1) }
        bits[word] |= 1 << UInt64(position & 63)
    }

    @inline(__always)
    func contains(_ position: Int) -> Bool {
        let word = position >> 6
        return position >= 0 && word < bits.count && bits[word] & (1 << UInt64(position & 63)) != 0
    }

    /// The positions in ascending order.
    func makeIterator() -> AnyIterator<Int> {
        var word = 0, rest = bits.first ?? 0
        let bits = self.bits
        return AnyIterator {
            while rest == 0 {
                word += 1
                guard word < bits.count else { return nil }
                rest = bits[word]
            }
            let bit = rest.trailingZeroBitCount
            rest &= rest - 1
            return word << 6 + bit
        }
    }
}
