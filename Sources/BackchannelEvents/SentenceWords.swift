import BackchannelCore

/// The words of a sentence with where each stands, for the models that read the words before,
/// after or between two points of it (``ModalityModel``, ``EventDateModel``): found once per
/// sentence instead of once per stretch asked about.
///
/// Words are what ``EventTypeModel/words(_:)`` finds in a stretch of text (runs of two or more
/// word characters, lower-cased), and ``words(from:to:)`` gives exactly what it would give for
/// the text between two offsets: a run the stretch cuts counts with the part inside it, as the
/// trainers' regular expression reads a slice.
struct SentenceWords {
    struct Run {
        /// Scalar offsets in the document's text.
        var start: Int, end: Int
        var word: String
    }

    let runs: [Run]
    private let text: [Unicode.Scalar]
    /// The runs' positions in a vocabulary several models share, when they were looked up there.
    private(set) var shared: (vocabulary: SharedVocabulary, indices: [Int32])?

    /// The words of each event's sentence, for events in text order (one look at each sentence),
    /// looked up in `vocabulary` when one is given.
    static func ofSentences(of events: [Event], text: [Unicode.Scalar], vocabulary: SharedVocabulary? = nil) -> [SentenceWords] {
        var last: (span: TextSpan, words: SentenceWords)?
        return events.map { event in
            if last?.span != event.sentence {
                var words = SentenceWords(text, start: event.sentence.start, end: event.sentence.end)
                if let vocabulary { words.shared = (vocabulary, vocabulary.indices(of: words.runs)) }
                last = (event.sentence, words)
            }
            return last!.words
        }
    }

    /// The words of `span` in `text` (the document's text as scalars).
    init(_ text: [Unicode.Scalar], start: Int, end: Int) {
        self.text = text
        var runs: [Run] = []
        var k = max(0, start)
        let end = min(end, text.count)
        while k < end {
            guard EventTypeModel.Words.isWord(text[k]) else { k += 1; continue }
            var j = k + 1
            while j < end, EventTypeModel.Words.isWord(text[j]) { j += 1 }
            if j - k >= 2 { runs.append(Run(start: k, end: j, word: Self.lowercased(text[k..<j]))) }
            k = j
        }
        self.runs = runs
    }

    /// A run's text lower-cased, as ``EventTypeModel/Words`` lower-cases it: ASCII byte by byte,
    /// anything else through `String.lowercased()`.
    private static func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        if scalars.allSatisfy({ $0.isASCII }) {
            return String(unsafeUninitializedCapacity: scalars.count) { buffer in
                for (n, v) in scalars.enumerated() { buffer[n] = UInt8(v.value >= 0x41 && v.value <= 0x5A ? v.value + 0x20 : v.value) }
                return scalars.count
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view).lowercased()
    }

    /// The words of the text from offset `lower` up to `upper` (none when `upper <= lower`).
    func words(from lower: Int, to upper: Int) -> [String] {
        let span = self.span(from: lower, to: upper)
        return (0..<span.count).map { span.word($0) }
    }

    /// The same words as ``words(from:to:)``, by the runs they are, without copying them.
    func span(from lower: Int, to upper: Int) -> WordSpan {
        guard lower < upper else { return WordSpan(words: self, runs: 0..<0) }
        // The runs the stretch meets are consecutive; only the first and the last can be cut.
        var first = lowerBound(ofRunEndingAfter: lower)
        var end = first
        while end < runs.count, runs[end].start < upper { end += 1 }
        func cut(_ n: Int) -> String? {
            let a = max(runs[n].start, lower), b = min(runs[n].end, upper)
            return a == runs[n].start && b == runs[n].end ? nil : Self.lowercased(text[a..<b])
        }
        func kept(_ n: Int) -> Bool { min(runs[n].end, upper) - max(runs[n].start, lower) >= 2 }
        if first < end, !kept(first) { first += 1 }
        if first < end, !kept(end - 1) { end -= 1 }
        guard first < end else { return WordSpan(words: self, runs: first..<first) }
        return WordSpan(words: self, runs: first..<end, head: cut(first), tail: end - 1 > first ? cut(end - 1) : nil)
    }

    /// The first run that ends after `offset` (binary search: the runs are in text order).
    private func lowerBound(ofRunEndingAfter offset: Int) -> Int {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].end > offset { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

/// Some consecutive words of a sentence (``SentenceWords/span(from:to:)``): the runs they are,
/// and the text of the first and the last when the stretch cuts them.
struct WordSpan {
    let words: SentenceWords
    /// The runs, by index in `words.runs`.
    let runs: Range<Int>
    /// The first run's word when the stretch cuts it, and the last one's (of a span of two or
    /// more runs): nil when whole.
    var head: String? = nil, tail: String? = nil

    var count: Int { runs.count }

    /// The index in `words.runs` of the `k`-th word, or nil when it is a cut run.
    @inline(__always)
    func run(_ k: Int) -> Int? {
        if k == 0, head != nil { return nil }
        if k == runs.count - 1, k > 0, tail != nil { return nil }
        return runs.lowerBound + k
    }

    /// The `k`-th word.
    func word(_ k: Int) -> String {
        if k == 0, let head { return head }
        if k == runs.count - 1, k > 0, let tail { return tail }
        return words.runs[runs.lowerBound + k].word
    }
}
