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

    /// The words of each event's sentence, for events in text order (one look at each sentence).
    static func ofSentences(of events: [Event], text: [Unicode.Scalar]) -> [SentenceWords] {
        var last: (span: TextSpan, words: SentenceWords)?
        return events.map { event in
            if last?.span != event.sentence { last = (event.sentence, SentenceWords(text, start: event.sentence.start, end: event.sentence.end)) }
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
        var result: [String] = []
        guard lower < upper else { return result }
        for run in runs where run.end > lower && run.start < upper {
            let a = max(run.start, lower), b = min(run.end, upper)
            guard b - a >= 2 else { continue }
            result.append(a == run.start && b == run.end ? run.word : Self.lowercased(text[a..<b]))
        }
        return result
    }
}
