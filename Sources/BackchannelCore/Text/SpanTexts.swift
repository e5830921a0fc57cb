extension String {
    /// The texts of sorted, non-overlapping spans (tokens, mentions) in one walk over the
    /// string: slicing by scalar offsets one span at a time would walk from the start each time.
    public func texts(of spans: [TextSpan]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(spans.count)
        let scalars = unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        for span in spans {
            if span.start < offset { // not sorted: fall back to slicing
                result.append(slice(span))
                continue
            }
            index = scalars.index(index, offsetBy: span.start - offset)
            let end = scalars.index(index, offsetBy: span.end - span.start)
            // Scalar-aligned String indices: the substring copies UTF-8 bytes at once.
            result.append(String(self[index..<end]))
            index = end
            offset = span.end
        }
        return result
    }

    public func texts(of tokens: [Token]) -> [String] { texts(of: tokens.map(\.span)) }
}
