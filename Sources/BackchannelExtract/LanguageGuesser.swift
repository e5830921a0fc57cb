import BackchannelCore

/// Guesses the language of a text when the page does not declare one.
///
/// Counts the most frequent function words of a few languages common in
/// international news, and falls back on the script for languages whose
/// script identifies them. Returns nil when the evidence is thin (fewer than
/// 20 words, or no language with at least 10% of words being its function words).
enum LanguageGuesser {
    private static let stopwords: [(String, Set<String>)] = [
        ("en", ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "said", "it", "as", "by", "at", "he", "from", "has"]),
        ("fr", ["le", "la", "les", "de", "des", "et", "un", "une", "du", "est", "que", "en", "dans", "pour", "qui", "au", "sur", "pas", "par", "a"]),
        ("de", ["der", "die", "und", "das", "den", "ist", "nicht", "mit", "von", "zu", "sich", "des", "auf", "ein", "eine", "im", "dem", "für", "es", "auch"]),
        ("es", ["el", "la", "de", "que", "y", "en", "los", "las", "del", "un", "una", "por", "con", "para", "es", "se", "al", "su", "lo", "como"]),
        ("pt", ["o", "a", "de", "que", "e", "do", "da", "em", "um", "uma", "os", "as", "para", "com", "não", "dos", "das", "no", "na", "se"]),
        ("it", ["il", "di", "che", "e", "la", "per", "un", "una", "in", "del", "della", "non", "sono", "le", "da", "con", "si", "gli", "lo", "al"]),
        ("nl", ["de", "het", "een", "van", "en", "in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "er", "ook", "die", "als", "bij"]),
    ]

    private static let packedStopwords: [(String, Set<PackedWord>)] = stopwords.map { ($0.0, Set($0.1.map(PackedWord.init))) }

    static func guess(_ fullText: String) -> String? {
        // A sample is enough, and keeps a 50 MB page cheap.
        let text = String(fullText.unicodeScalars.prefix(20_000))
        var letters = 0, cyrillic = 0, arabic = 0, hebrew = 0, kana = 0, hangul = 0, han = 0, greek = 0
        for s in text.unicodeScalars where s.value >= 0x80 ? s.properties.isAlphabetic : TextStatistics.isWordScalar(s) {
            letters += 1
            switch s.value {
            case 0x0400...0x04FF: cyrillic += 1
            case 0x0600...0x06FF: arabic += 1
            case 0x0590...0x05FF: hebrew += 1
            case 0x3040...0x30FF: kana += 1
            case 0xAC00...0xD7AF: hangul += 1
            case 0x4E00...0x9FFF: han += 1
            case 0x0370...0x03FF: greek += 1
            default: break
            }
        }
        guard letters > 0 else { return nil }
        let share = { (n: Int) in Double(n) / Double(letters) }
        if share(kana) > 0.05 { return "ja" }
        if share(hangul) > 0.3 { return "ko" }
        if share(han) > 0.3 { return "zh" }
        if share(cyrillic) > 0.5 { return share(cyrillic) > 0 && text.contains("і") || text.contains("ї") ? "uk" : "ru" }
        if share(arabic) > 0.5 { return "ar" }
        if share(hebrew) > 0.5 { return "he" }
        if share(greek) > 0.5 { return "el" }

        // Words as packed lower-case bytes: ASCII letters and any non-ASCII byte make words.
        var words: [PackedWord] = []
        var word = PackedWord(), length = 0
        for b in text.utf8 {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80 {
                word.add(ClassNames.lower(b), at: length)
                length += 1
            } else if length > 0 {
                if length > 16 { word.high = .max }
                words.append(word)
                word = PackedWord()
                length = 0
                if words.count == 5_000 { break }
            }
        }
        if length > 0 { words.append(word) }
        guard words.count >= 20 else { return nil }
        var best: (String, Int)?
        for (language, list) in packedStopwords {
            let hits = words.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }
            if best == nil || hits > best!.1 { best = (language, hits) }
        }
        guard let (language, hits) = best, Double(hits) / Double(words.count) >= 0.1 else { return nil }
        return language
    }

    /// "en-US" → "en", "pt_BR" → "pt": the primary language subtag, lower case.
    static func primarySubtag(_ tag: String) -> String? {
        let primary = tag.split { $0 == "-" || $0 == "_" }.first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy(\.isLetter) else { return nil }
        return primary
    }
}
