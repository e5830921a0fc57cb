import BackchannelCore
import Testing

@testable import BackchannelEntities

@Suite("token positions")
struct TokenPositionsTests {
    @Test func holdsWhatWasInsertedAndListsItInOrder() {
        var positions: TokenPositions = [130, 0, 63, 64]
        positions.insert(7)
        positions.insert(63)
        #expect(Array(positions) == [0, 7, 63, 64, 130])
        for k in [0, 7, 63, 64, 130] { #expect(positions.contains(k)) }
        for k in [-1, 1, 62, 65, 129, 131, 10_000] { #expect(!positions.contains(k)) }
        #expect(Array(TokenPositions()) == [])
        #expect(!TokenPositions().contains(0))
    }

    @Test func agreesWithASet() {
        var generator = SplitMix64(seed: 11)
        let set = Set((0..<200).map { _ in Int.random(in: 0..<5000, using: &generator) })
        let positions = TokenPositions(set)
        #expect(Array(positions) == set.sorted())
        for k in 0..<5100 { #expect(positions.contains(k) == set.contains(k)) }
    }
}
