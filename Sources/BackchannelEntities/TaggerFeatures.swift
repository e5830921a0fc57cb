import BackchannelCore

/// Turns a sentence into hashed features for each token, for the entity tagger.
///
/// Per token: the word, its lower case, its shape ("Xx", "X.X.", "d-x"), prefix and suffix,
/// the words and shapes around it, gazetteer hits (type and position in the match),
/// the role lexicon ("spokesman", "special envoy") on it and just before it, and the
/// labels already given to the previous two tokens.
struct TaggerFeatures {
    let words: [String]
    private let lower: [UInt64]
    private let exact: [UInt64]
    private let shape: [UInt64]
    private let prefix: [UInt64]
    private let suffix: [UInt64]
    private var gazetteer: [[UInt64]]
    private let headline: Bool
    /// Features of the run of capitalised words each token stands in, token after token:
    /// token `i`'s are `runs[runStarts[i]..<runStarts[i + 1]]` (one flat array, where an array
    /// per token cost an allocation for nearly every token).
    private let runs: [UInt64]
    private let runStarts: [Int]

    /// Words that name organisations when they end a capitalised run ("… University", "… Ministry").
    static let organisationHeads: WordSet = [
        "university", "ministry", "council", "party", "group", "agency", "association", "company", "corporation",
        "corp", "inc", "ltd", "institute", "committee", "commission", "bank", "court", "army", "forces", "force",
        "union", "foundation", "club", "league", "department", "office", "service", "services", "organisation",
        "organization", "society", "alliance", "movement", "front", "brigade", "brigades", "guard", "police",
        "news", "times", "post", "press", "television", "radio", "network", "airlines", "fund", "programme",
        "program", "parliament", "assembly", "senate", "congress", "cabinet", "administration", "authority",
        "board", "centre", "center", "school", "college", "academy", "federation", "team", "orchestra", "church",
    ]
    /// Words that join a capitalised run without breaking it ("Museum of Flight", "Bank of England").
    static let runJoiners: WordSet = ["of", "for", "and", "de", "la", "du", "al", "bin", "van", "von", "der", "&"]

    /// - Parameter matches: the gazetteer's matches in these words, when the caller has them
    ///   already (the entity stage finds them once per document).
    init(words: [String], gazetteer: Gazetteer, lowercaseSeen: Set<String> = [], matches known: [Gazetteer.Match]? = nil) {
        self.words = words
        // Curly quotes and apostrophes look like straight ones to the model (training text
        // mostly has straight ones).
        let words = words.map(Self.straighten)
        exact = words.map { FNV1a.hash($0.utf8) }
        var lower: [UInt64] = [], prefix: [UInt64] = [], suffix: [UInt64] = [], shape: [UInt64] = []
        lower.reserveCapacity(words.count)
        prefix.reserveCapacity(words.count)
        suffix.reserveCapacity(words.count)
        shape.reserveCapacity(words.count)
        var bytes: [UInt8] = []
        for word in words {
            // Lower-case bytes without building strings for ASCII words (most of them).
            let ascii = word.utf8.allSatisfy { $0 < 0x80 }
            bytes.removeAll(keepingCapacity: true)
            if ascii {
                for b in word.utf8 { bytes.append(b >= 0x41 && b <= 0x5A ? b + 32 : b) }
            } else {
                bytes.append(contentsOf: word.lowercased().utf8)
            }
            lower.append(FNV1a.hash(bytes))
            // Prefix and suffix of three characters (bytes for ASCII; whole scalars otherwise).
            if ascii {
                prefix.append(FNV1a.hash(bytes.prefix(3)))
                suffix.append(FNV1a.hash(bytes.suffix(3)))
            } else {
                let lowered = word.lowercased()
                prefix.append(FNV1a.hash(lowered.prefix(3).utf8))
                suffix.append(FNV1a.hash(lowered.suffix(3).utf8))
            }
            shape.append(Self.shapeHash(of: word))
        }
        self.lower = lower
        self.prefix = prefix
        self.suffix = suffix
        self.shape = shape
        var letters = 0, anyLower = false
        for word in words where word.unicodeScalars.contains(where: { $0.isLetter }) {
            letters += 1
            if word.unicodeScalars.contains(where: { $0.isLower }) { anyLower = true; break }
        }
        headline = !anyLower && letters >= 3
        var gaz = [[UInt64]](repeating: [], count: words.count)
        for match in known ?? gazetteer.matches(words) {
            let type = FNV1a.hash(match.entry.type.utf8)
            let kind = FNV1a.hash((match.entry.kind ?? "").utf8)
            for i in match.tokens {
                let position: UInt64 = match.tokens.count == 1 ? 1 : i == match.tokens.lowerBound ? 2 : i == match.tokens.upperBound - 1 ? 3 : 4
                gaz[i].append(Self.combine(16, type &+ position))
                gaz[i].append(Self.combine(17, kind))
                if match.entry.type == "TITLE" {
                    gaz[i].append(Self.combine(18, 1))
                    if match.tokens.upperBound < words.count, i == match.tokens.upperBound - 1 {
                        gaz[match.tokens.upperBound].append(Self.combine(19, 1)) // the token after a title
                    }
                }
            }
        }
        self.gazetteer = gaz

        // Runs of capitalised words: position in the run, its length, what ends it, and
        // whether the word also appears in lower case in the document (a common word).
        // (Tokens are visited in order, each once, so their features go straight into one array.)
        var runs: [UInt64] = [], runStarts: [Int] = [0]
        runs.reserveCapacity(words.count * 2)
        runStarts.reserveCapacity(words.count + 1)
        let capitalised = words.map { $0.startsUppercase }
        var i = 0
        while i < words.count {
            guard capitalised[i] else {
                if !lowercaseSeen.isEmpty { runs.append(Self.combine(30, 0)) }
                runStarts.append(runs.count)
                i += 1
                continue
            }
            var j = i + 1
            while j < words.count, capitalised[j] || (Self.runJoiners.contains(words[j]) && j + 1 < words.count && capitalised[j + 1]) { j += 1 }
            let length = UInt64(min(j - i, 5))
            let last = words[j - 1].lowercased()
            let orgHead: UInt64 = Self.organisationHeads.contains(last) ? 1 : 0
            for k in i..<j {
                let position: UInt64 = j - i == 1 ? 1 : k == i ? 2 : k == j - 1 ? 3 : 4
                runs.append(Self.combine(31, position * 8 + length))
                runs.append(Self.combine(32, orgHead * 8 + position))
                runs.append(Self.combine(33, i == 0 ? 1 : 0))
                if lowercaseSeen.contains(words[k].lowercased()) { runs.append(Self.combine(34, position)) }
                runStarts.append(runs.count)
            }
            i = j
        }
        self.runs = runs
        self.runStarts = runStarts
    }

    /// Words written in lower case somewhere in a text (not at a sentence start): a
    /// capitalised token whose lower case is among them is likely a common word.
    static func lowercaseVocabulary(_ words: [String]) -> Set<String> {
        Set(words.filter { word in
            guard let b = word.utf8.first else { return false }
            return b < 0x80 ? (b >= 0x61 && b <= 0x7A) : word.unicodeScalars.first!.properties.isLowercase
        })
    }

    @inline(__always)
    static func combine(_ id: UInt64, _ value: UInt64) -> UInt64 {
        var z = (id &* 0x9E37_79B9_7F4A_7C15) ^ value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The FNV-1a hash of a word's shape, computed without building the string. The shape
    /// maps capitals to X, small letters to x and digits to d, keeps other characters, and
    /// collapses repeats: "Witkoff" → "Xx", "U.S." → "X.X.", "2025" → "d", "30-day" → "d-x".
    static func shapeHash(of word: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        var last: UInt32 = 0xFFFF_FFFF
        for s in word.unicodeScalars {
            let v = s.value
            let c: UInt32
            if v < 0x80 {
                c = v >= 0x41 && v <= 0x5A ? 0x58 : v >= 0x61 && v <= 0x7A ? 0x78 : v >= 0x30 && v <= 0x39 ? 0x64 : v
            } else {
                c = s.properties.isUppercase ? 0x58 : s.properties.isLowercase ? 0x78 : s.properties.numericType != nil ? 0x64 : v
            }
            if c != last {
                // The UTF-8 bytes of the class character.
                for byte in String(Unicode.Scalar(c)!).utf8 { add(byte) }
            }
            last = c
        }
        return h
    }

    static func straighten(_ word: String) -> String {
        // (U+2018…U+201F all start with the byte E2 in UTF-8: most words have none.)
        guard word.utf8.contains(0xE2), word.unicodeScalars.contains(where: { $0.value >= 0x2018 && $0.value <= 0x201F }) else { return word }
        return String(String.UnicodeScalarView(word.unicodeScalars.map { s -> Unicode.Scalar in
            switch s.value {
            case 0x2018, 0x2019, 0x201B: "'"
            case 0x201C, 0x201D, 0x201F: "\""
            default: s
            }
        }))
    }

    static let bos: UInt64 = 0x1111, eos: UInt64 = 0x2222

    /// Features of token `i`, given the labels of the two tokens before it.
    func features(at i: Int, previous: Int, previous2: Int) -> [UInt64] {
        var f: [UInt64] = []
        features(at: i, previous: previous, previous2: previous2, into: &f)
        return f
    }

    /// Features of token `i` written into `f` (emptied first), so a tagger can reuse one buffer.
    func features(at i: Int, previous: Int, previous2: Int, into f: inout [UInt64]) {
        f.removeAll(keepingCapacity: true)
        f.reserveCapacity(32)
        let n = words.count
        f.append(Self.combine(1, 0))
        f.append(Self.combine(2, exact[i]))
        f.append(Self.combine(3, lower[i]))
        f.append(Self.combine(4, shape[i]))
        f.append(Self.combine(5, prefix[i]))
        f.append(Self.combine(6, suffix[i]))
        f.append(Self.combine(7, i > 0 ? lower[i - 1] : Self.bos))
        f.append(Self.combine(8, i + 1 < n ? lower[i + 1] : Self.eos))
        f.append(Self.combine(9, i > 0 ? shape[i - 1] : Self.bos))
        f.append(Self.combine(10, i + 1 < n ? shape[i + 1] : Self.eos))
        f.append(Self.combine(11, i > 1 ? lower[i - 2] : Self.bos))
        f.append(Self.combine(12, i + 2 < n ? lower[i + 2] : Self.eos))
        f.append(Self.combine(13, UInt64(previous)))
        f.append(Self.combine(14, UInt64(previous2 * 64 + previous)))
        f.append(Self.combine(15, UInt64(previous) &* 0x1000_0001 ^ shape[i]))
        f.append(Self.combine(20, i == 0 ? shape[i] : 0))
        f.append(Self.combine(22, (i > 0 ? lower[i - 1] : Self.bos) &* 31 ^ exact[i]))
        f.append(Self.combine(23, exact[i] &* 31 ^ (i + 1 < n ? lower[i + 1] : Self.eos)))
        f.append(Self.combine(24, headline ? 1 : 0))
        for g in gazetteer[i] {
            f.append(g)
            f.append(Self.combine(25, g &+ UInt64(previous)))
        }
        f.append(contentsOf: runs[runStarts[i]..<runStarts[i + 1]])
        f.append(Self.combine(35, UInt64(previous) &* 0x100_0001 ^ (i + 1 < n ? lower[i + 1] : Self.eos)))
    }
}
