/// A half-open range of offsets into `Document.text`, counted in Unicode scalars
/// (code points), the unit Python's `str` indexes by.
///
/// Every annotation in Backchannel points into the document's text through a
/// `TextSpan` rather than copying the text, so that anyone can check it:
/// `document.text.slice(span)` gives the annotated text back.
///
/// Invariant: `0 <= start <= end <= text.unicodeScalars.count`.
///
///     let span = TextSpan(start: 0, end: 5)   // "Kyiv," → "Kyiv,"[0..<5]
public struct TextSpan: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "TextSpan start \(start) is after end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextSpan) -> Bool {
        start <= other.start && other.end <= end
    }

    public func overlaps(_ other: TextSpan) -> Bool {
        start < other.end && other.start < end
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}

extension String {
    /// The number of Unicode scalars, the unit of every `TextSpan`.
    public var scalarCount: Int { unicodeScalars.count }

    /// The text covered by `span`, whose offsets count Unicode scalars.
    ///
    /// Offsets past the end are clamped, so a malformed span never traps.
    public func slice(_ span: TextSpan) -> String {
        let scalars = unicodeScalars
        let count = scalars.count
        let lower = min(max(span.start, 0), count)
        let upper = min(max(span.end, lower), count)
        let from = scalars.index(scalars.startIndex, offsetBy: lower)
        let to = scalars.index(from, offsetBy: upper - lower)
        return String(scalars[from..<to])
    }
}
