import Foundation

/// The extractor's knowledge of page furniture, kept as data so it can be read and
/// extended without touching the algorithm (rules as data, as in trafilatura's XPath lists).
enum BoilerplateRules {
    /// Class or id words that mark furniture wherever they appear.
    static let strongNegative: Set<String> = [
        "comment", "comments", "commentlist", "disqus", "respond",
        "share", "shares", "sharing", "sharebar", "social", "socials", "sociallinks",
        "related", "relatedposts", "recommended", "recommendations", "recirc", "recirculation", "outbrain", "taboola",
        "newsletter", "newsletters", "subscribe", "subscription", "signup", "registration",
        "cookie", "cookies", "consent", "gdpr",
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "adwrapper", "dfp",
        "sponsor", "sponsored", "promo", "promotion", "promoted",
        "breadcrumb", "breadcrumbs", "skiplink", "sronly",
        "mostread",
        // Standfirsts and kickers belong to the headline, not the body.
        "standfirst", "dek", "deck", "strapline", "subtitle", "subheadline", "kicker", "popular", "trending",
    ]

    /// Class or id words that mark furniture unless the element also looks like the article.
    static let weakNegative: Set<String> = [
        "sidebar", "footer", "nav", "navbar", "navigation", "menu", "header", "masthead", "widget", "widgets",
        "banner", "meta", "byline", "author", "bio", "tags", "tag", "toolbar", "tools", "caption", "credit",
        "hidden", "print", "pagination", "pager", "rail", "aside", "dateline", "timestamp", "keyevents",
        "popup", "modal", "overlay",
    ]

    /// Class or id words of article containers.
    static let positive: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "hentry", "main", "post", "story", "text", "blog",
        "prose", "richtext",
    ]

    /// Class or id names, separators removed, that name the article body on common publishing systems.
    static let knownBodyClassSet: Set<String> = Set(knownBodyClasses.map { $0.filter { $0.isLetter || $0.isNumber } })

    static let knownBodyClasses: [String] = [
        "articlebody", "article-body", "article__body", "article_body", "article-content", "article__content",
        "articlecontent", "entry-content", "post-content", "postcontent", "post-body", "postbody", "post-entry",
        "story-body", "storybody", "story-content", "storycontent", "story-text", "article-text", "articletext",
        "body-text", "bodytext", "news-content", "td-post-content", "single-content", "content-body",
        "article-main", "main-text", "entry-body", "blog-post-body", "c-entry-content", "rich-text",
    ]

    /// Whole blocks that are furniture wherever they stand ("Advertisement", "No Comments").
    static let furnitureBlocks: Set<String> = [
        "advertisement", "ad", "ads", "sponsored", "sponsored content", "related", "related articles",
        "related stories", "related posts", "more on this story", "read more", "read next", "see also",
        "share", "share this", "share this article", "share this story", "tweet", "email", "print", "pin", "save",
        "comment", "comments", "no comments", "no comment", "no comments yet", "leave a comment", "leave a reply",
        "post a comment", "join the conversation", "show comments", "view comments",
        "all rights reserved", "back to top", "skip to content", "skip to main content", "jump to content",
        "text size", "listen to this article", "copy link", "subscribe", "sign up", "follow us",
    ]

    /// Starts of short blocks that are furniture ("Read more: …", "Photo: …", "© 2025 …").
    static let furniturePrefixes: [String] = [
        "story continues below", "continue reading", "read more:", "read more about", "read next:", "see also:",
        "related:", "related coverage:", "share on ", "share this ", "follow us on ", "sign up for ", "sign up to ",
        "subscribe to ", "subscribe for ", "enter your email", "enter your e-mail", "©", "(c) ", "copyright ",
        "reporting by ", "writing by ", "editing by ", "additional reporting by ", "compiled by ",
        "our standards:", "photo: ", "image: ", "image credit:", "(image credit:", "photograph: ", "picture: ",
        "click here ", "we use cookies", "reading time", "this article was originally published",
    ]

    /// The lower-case first bytes of every furniture rule.
    static let furnitureInitials: Set<UInt8> = Set((Array(furnitureBlocks) + furniturePrefixes).compactMap { $0.utf8.first.map { $0 | 0x20 } })

    /// Whether a whole block is page furniture: a label, a prompt or a credit line, never a sentence
    /// of the article. Only short blocks (300 characters at most) can match.
    static func isBoilerplateBlock(_ text: String) -> Bool {
        guard text.utf8.count <= 300 else { return false }
        // Furniture starts like furniture: look at a sentence only when its first letters
        // could begin a rule (cheap byte test before any lower-casing).
        guard let first = text.utf8.first, furnitureInitials.contains(first | 0x20) || first >= 0x80 || first == 0x28 || (0x30...0x39).contains(first) else {
            return false
        }
        var lower = text.lowercased()
        while let last = lower.last, last == "." || last == ":" || last == "!" || last == "›" || last == "»" || last == " " {
            lower.removeLast()
        }
        if furnitureBlocks.contains(lower) { return true }
        if furniturePrefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        // "12 comments", "6 min read", "6 minute read"
        let words = lower.split(separator: " ")
        if let first = words.first, first.allSatisfy(\.isNumber) {
            let rest = words.dropFirst().joined(separator: " ")
            if ["comment", "comments", "min read", "mins read", "minute read", "minutes read", "min. read", "shares"].contains(rest) { return true }
        }
        if let first = words.first, first.hasSuffix("min"), first.dropLast(3).allSatisfy(\.isNumber), words.dropFirst().joined(separator: " ") == "read" {
            return true
        }
        return false
    }

    /// The lower-case class names and id of an element, and the words inside them:
    /// `class="article-body__part adSlot"` → names ["article-body__part", "adslot"],
    /// words ["article", "body", "part", "adslot"]. Works on the bytes: no Unicode tables.
    static func names(of node: NodePtr) -> (names: [[String]], words: [String])? {
        let cls = node.rawAttribute("class")
        let id = node.rawAttribute("id")
        if cls == nil && id == nil { return nil }
        var names: [[String]] = []
        var words: [String] = []
        for value in [cls, id] {
            guard var p = value else { continue }
            var name: [String] = []
            var word: [UInt8] = []
            func endWord() {
                if !word.isEmpty { name.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
            }
            func endName() {
                endWord()
                if !name.isEmpty { names.append(name); words += name; name.removeAll() }
            }
            while true {
                let b = UInt8(bitPattern: p.pointee)
                if b == 0 { break }
                switch b {
                case 0x41...0x5A: word.append(b + 32)
                case 0x61...0x7A, 0x30...0x39, 0x80...0xFF: word.append(b)
                case 0x20, 0x09, 0x0A, 0x0D, 0x0C: endName()
                default: endWord()
                }
                p += 1
            }
            endName()
        }
        return (names, words)
    }

    enum Verdict { case keep, skip }

    /// Whether an element's class and id mark it as furniture.
    static func verdict(for node: NodePtr) -> Verdict {
        if let role = node.attribute("role")?.lowercased(),
           ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar"].contains(role) {
            return .skip
        }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return .skip }
        if let style = node.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return .skip
        }
        guard let (names, words) = names(of: node) else { return .keep }
        let good = words.contains(where: positive.contains)
        for parts in names {
            guard let last = parts.last, let first = parts.first else { continue }
            // The last word of a class name says what the element is ("article-comments",
            // "social-share"); a leading "ad" marks an ad slot ("ad-slot", "ad_container").
            if strongNegative.contains(last) || adPrefixes.contains(first) { return .skip }
            // Elsewhere a strong word counts unless the element also names itself the article
            // ("box article modal-enabled" is the article on a site with modals).
            if !good && parts.contains(where: strongNegative.contains) { return .skip }
        }
        let weak = words.contains(where: weakNegative.contains)
        return weak && !good ? .skip : .keep
    }

    static let adPrefixes: Set<String> = ["ad", "ads", "advert", "advertisement", "dfp", "gpt"]

    /// A class/id score for a container, in the spirit of Readability's class weight.
    static func classWeight(of node: NodePtr) -> Double {
        var weight = 0.0
        if let itemprop = node.attribute("itemprop")?.lowercased(), itemprop.contains("articlebody") { weight += 50 }
        guard let (names, words) = names(of: node) else { return weight }
        let joined = names.map { $0.joined() }
        if joined.contains(where: { name in knownBodyClassSet.contains { ASCII.contains(name, $0) } }) { weight += 40 }
        let good = words.contains(where: positive.contains)
        let bad = words.contains { strongNegative.contains($0) || weakNegative.contains($0) }
        if good { weight += 25 }
        if bad { weight -= 25 }
        return weight
    }
}

/// Byte-level string helpers for ASCII vocabularies (class names, labels).
enum ASCII {
    /// Whether a lower-case ASCII `needle` occurs in a C string, ignoring the string's ASCII case.
    static func contains(cString: UnsafePointer<CChar>, lowercaseNeedle needle: String) -> Bool {
        var n = needle
        return n.withUTF8 { nb in
            guard let first = nb.first else { return true }
            var p = UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self)
            while p.pointee != 0 {
                if p.pointee | 0x20 == first || p.pointee == first {
                    var k = 0
                    while k < nb.count {
                        let c = p[k]
                        if c == 0 { return false }
                        let lower = (c >= 0x41 && c <= 0x5A) ? c + 32 : c
                        if lower != nb[k] { break }
                        k += 1
                    }
                    if k == nb.count { return true }
                }
                p += 1
            }
            return false
        }
    }

    /// Whether `needle` occurs in `haystack`, compared byte for byte.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                guard nb.count <= hb.count else { return false }
                if nb.isEmpty { return true }
                var i = 0
                while i + nb.count <= hb.count {
                    if hb[i] == nb[0] && memcmp(hb.baseAddress! + i, nb.baseAddress!, nb.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
