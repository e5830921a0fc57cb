import BackchannelCore
import Foundation

/// Turns an article copied from a page as plain text into blocks and metadata.
///
/// The first line that reads like a headline is the title (a site-name line above it
/// is dropped, and so are repeats of the title); "By …" and date lines become byline
/// and date; caption lines followed by "(Image Credit: …)" or "Photo: …" become
/// images; comment prompts, "N min read", subscribe boxes, "Related Articles" lists
/// and the footer (copyright, "About …", "Back to Top") are dropped.
struct PlainTextExtractor {
    struct Result {
        var metadata = Metadata()
        var blocks: [(kind: Block.Kind, text: String)] = []
        var images: [ArticleImage] = []
    }

    func extract(_ text: String) -> Result {
        var result = Result()
        var units = Self.units(of: text)
        guard !units.isEmpty else { return result }

        // Title: a line repeated among the first lines, else the first headline-like line.
        let head = Array(units.prefix(6))
        var titleIndex = head.indices.first { i in
            head[(i + 1)...].contains(units[i]) && Self.wordCount(units[i]) >= 2
        }
        if titleIndex == nil {
            titleIndex = head.indices.first { i in
                let u = head[i]
                return Self.wordCount(u) >= 4 && !Self.isBoilerplate(u) && Self.byline(u) == nil && !Self.isDateLine(u)
                    && !Self.endsSentence(u)
            } ?? (Self.isBoilerplate(units[0]) || Self.endsSentence(units[0]) ? nil : 0)
        }
        if let t = titleIndex {
            let title = units[t]
            result.metadata.title = title
            // A short line above the title is the site's name ("Meridian Policy Institute").
            if t > 0, Self.wordCount(units[t - 1]) <= 5, !Self.endsSentence(units[t - 1]), Self.byline(units[t - 1]) == nil {
                result.metadata.siteName = units[t - 1]
            }
            units = Array(units[(t + 1)...]).filter { $0 != title }
        }

        var i = 0
        var skippingRelated = false
        while i < units.count {
            let unit = units[i]
            defer { i += 1 }
            if skippingRelated {
                // Headlines of related stories do not end like sentences, or are written in
                // title case when they do ("… Help Bridge the Gap on Enrichment?").
                if !Self.endsSentence(unit) || Self.isTitleCased(unit), !Self.isFooterStart(unit) { continue }
                skippingRelated = false
            }
            if Self.isFooterStart(unit) { break }
            if let tags = Self.tagLine(unit) {
                result.metadata.tags = MetadataExtractor.unique(result.metadata.tags + tags)
                continue
            }
            if let name = Self.byline(unit), result.blocks.isEmpty {
                result.metadata.authors = MetadataExtractor.cleanAuthors([name])
                continue
            }
            if Self.isDateLine(unit) {
                if result.metadata.published == nil { result.metadata.published = DateParser.parseHuman(unit) }
                continue
            }
            if let credit = Self.standaloneCredit(unit) {
                // "Photo: X" after a caption line: the previous block was the caption.
                if let last = result.blocks.last, last.kind == .paragraph || last.kind == .heading {
                    result.blocks.removeLast()
                    result.images.append(ArticleImage(caption: last.text, credit: credit))
                } else {
                    result.images.append(ArticleImage(credit: credit))
                }
                continue
            }
            let split = ImageExtractor.splitCredit(unit)
            if let credit = split.credit, unit.range(of: "credit", options: .caseInsensitive) != nil || unit.hasPrefix("Photo") || unit.contains("(Photo") {
                result.images.append(ArticleImage(caption: split.caption.isEmpty ? nil : split.caption, credit: credit))
                continue
            }
            let lower = unit.lowercased()
            if lower == "related articles" || lower == "related stories" || lower == "related" || lower == "read more"
                || lower == "related posts" || lower == "you may also like" || lower == "more from this author" {
                skippingRelated = true
                continue
            }
            if Self.isBoilerplate(unit) { continue }
            let kind: Block.Kind = Self.looksLikeHeading(unit) && i + 1 < units.count ? .heading
                : (unit.hasPrefix("- ") || unit.hasPrefix("• ") || unit.hasPrefix("* ")) ? .listItem : .paragraph
            result.blocks.append((kind, unit))
        }
        // A trailing heading with nothing after it is furniture.
        while let last = result.blocks.last, last.kind == .heading { result.blocks.removeLast() }
        return result
    }

    /// Non-empty lines, with hard-wrapped lines of one paragraph joined.
    static func units(of text: String) -> [String] {
        var units: [String] = []
        var previousBlank = true
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = Whitespace.collapse(String(rawLine))
            if line.isEmpty { previousBlank = true; continue }
            if !previousBlank, let last = units.last, !endsSentence(last), let first = line.first, first.isLowercase {
                units[units.count - 1] = last + " " + line
            } else {
                units.append(line)
            }
            previousBlank = false
        }
        return units
    }

    static func wordCount(_ s: String) -> Int { s.split(separator: " ").count }

    /// Whether a line ends as a sentence does: with a full stop, question or exclamation mark,
    /// ellipsis or colon, inside or outside closing quotation marks and brackets. A quotation
    /// closed with no stop ("… as Rubio warns 'it will happen again'") ends a headline.
    static func endsSentence(_ s: String) -> Bool {
        guard let last = s.last(where: { !"\u{201D}\"\u{2019}')]".contains($0) }) else { return false }
        return ".!?…:".contains(last)
    }

    /// Whether most longer words of a line are capitalised, as in a headline written in title
    /// case: at least three words of four letters or more, three quarters of them capitalised.
    static func isTitleCased(_ s: String) -> Bool {
        let long = s.split(separator: " ").filter { $0.filter(\.isLetter).count >= 4 }
        guard long.count >= 3 else { return false }
        return long.filter { $0.first?.isUppercase == true }.count * 4 >= long.count * 3
    }

    static func byline(_ s: String) -> String? {
        guard s.count < 80 else { return nil }
        for prefix in ["By ", "BY ", "Written by ", "Words by "] where s.hasPrefix(prefix) {
            return String(s.dropFirst(prefix.count))
        }
        return nil
    }

    static func isDateLine(_ s: String) -> Bool {
        s.count <= 60 && wordCount(s) <= 8 && DateParser.parseHuman(s) != nil
            && !s.contains("(") && !s.hasSuffix(".")
    }

    /// "Tagged: Russia, Ukraine" → ["Russia", "Ukraine"].
    static func tagLine(_ s: String) -> [String]? {
        for prefix in ["Tagged:", "Tags:", "Topics:", "Filed under:", "Tagged with:"] where s.hasPrefix(prefix) {
            return s.dropFirst(prefix.count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return nil
    }

    static func standaloneCredit(_ s: String) -> String? {
        guard s.count <= 140 else { return nil }
        let split = ImageExtractor.splitCredit(s)
        return split.caption.isEmpty ? split.credit : nil
    }

    static func isFooterStart(_ s: String) -> Bool {
        let lower = s.lowercased()
        if lower.hasPrefix("©") || lower.hasPrefix("copyright ") || lower.hasPrefix("(c) ") { return true }
        if lower == "back to top" || lower.hasPrefix("all rights reserved") { return true }
        if lower.hasPrefix("about ") && wordCount(s) <= 6 && !endsSentence(s) { return true }
        return false
    }

    static func isBoilerplate(_ s: String) -> Bool { BoilerplateRules.isBoilerplateBlock(s) }

    static func looksLikeHeading(_ s: String) -> Bool {
        wordCount(s) <= 12 && !endsSentence(s) && s.first?.isUppercase == true && !s.hasSuffix(",")
    }
}
