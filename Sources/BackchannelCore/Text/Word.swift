/// A word of a document, compared with words the rules name.
///
/// The event rules compare each word against hundreds of literals ("said", "on", "'s"), and
/// `String`'s `==` calls out of line into the standard library whenever two strings differ,
/// which is nearly always: profiles of `extract` found that call at about a fifth of the
/// whole run. Two words of different UTF-8 lengths cannot be equal, and a string's length is
/// stored in it, so `Word` compares lengths inline first and calls `String`'s comparison only
/// for the few words of the literal's length.
///
/// Two words are equal when `String` calls them equal and their UTF-8 lengths match, so a
/// precomposed "é" and an "e" followed by a combining accent are different words, as they
/// are in ``WordSet``, which compares bytes. The rules' words are ASCII, and a document's
/// words are taken in the form its text gives them.
public struct Word: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String

    @inlinable public init(_ text: String) { self.text = text }
    @inlinable public init(stringLiteral value: String) { self.text = value }

    @inlinable public static func == (a: Word, b: Word) -> Bool {
        a.text.utf8.count == b.text.utf8.count && a.text == b.text
    }

    public func hash(into hasher: inout Hasher) { text.hash(into: &hasher) }

    public var description: String { text }
    @inlinable public func hasPrefix(_ prefix: String) -> Bool { text.hasPrefix(prefix) }
    @inlinable public func hasSuffix(_ suffix: String) -> Bool { text.hasSuffix(suffix) }
}

extension WordSet {
    @inlinable public func contains(_ word: Word) -> Bool { contains(word.text) }
}

extension WordMap {
    @inlinable public subscript(_ word: Word) -> Value? { self[word.text] }
}
