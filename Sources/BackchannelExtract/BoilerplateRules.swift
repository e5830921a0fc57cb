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
        // Live blogs' status lines.
        "this blog is now closed", "this live blog is now closed", "live coverage has ended", "this live page is no longer being updated",
        "load earlier updates", "show more updates",
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

    /// Whether a whole block is page furniture: a label, a prompt or a credit line, never a sentence
    /// of the article. Only short blocks (300 characters at most) can match.
    static func isBoilerplateBlock(_ text: String) -> Bool {
        guard text.utf8.count <= 300 else { return false }
        // Lower-case (ASCII) the bytes once; trailing punctuation and spaces do not count.
        var lower = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        while let last = lower.last, last == 0x2E || last == 0x3A || last == 0x21 || last == 0x20 { lower.removeLast() }
        for ending in guillemets where lower.count >= ending.count && Array(lower.suffix(ending.count)) == ending {
            lower.removeLast(ending.count)
            while lower.last == 0x20 { lower.removeLast() }
        }
        if lower.count <= furnitureBlockMaxLength, furnitureBlockBytes.contains(lower) { return true }
        for prefix in furniturePrefixBytes where lower.starts(with: prefix) { return true }
        // "12 comments", "6 min read", "6 minute read", "6min read"
        var digits = 0
        while digits < lower.count, (0x30...0x39).contains(lower[digits]) { digits += 1 }
        if digits > 0 {
            var rest = Array(lower[digits...])
            if rest.first == 0x20 { rest.removeFirst() }
            if countedFurniture.contains(rest) { return true }
        }
        return false
    }

    private static let guillemets: [[UInt8]] = [Array("›".utf8), Array("»".utf8)]
    private static let furnitureBlockBytes: Set<[UInt8]> = Set(furnitureBlocks.map { Array($0.utf8) })
    private static let furnitureBlockMaxLength = furnitureBlocks.map(\.utf8.count).max() ?? 0
    private static let furniturePrefixBytes: [[UInt8]] = furniturePrefixes.map { Array($0.utf8) }
    private static let countedFurniture: Set<[UInt8]> = Set(["comment", "comments", "min read", "mins read", "minute read",
                                                             "minutes read", "min. read", "shares"].map { Array($0.utf8) })

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

    /// Whether an element's role, visibility, class and id mark it as furniture.
    /// Runs on every element of every page, so it reads libxml2's bytes and allocates nothing.
    static func verdict(for node: NodePtr) -> Verdict {
        if let role = node.rawAttribute("role"), furnitureRoles.contains(PackedWord(cString: role)) { return .skip }
        if node.hasAttribute("hidden") { return .skip }
        if let hidden = node.rawAttribute("aria-hidden"), PackedWord(cString: hidden) == PackedWord("true") { return .skip }
        if let style = node.rawAttribute("style"), hidesElement(style) { return .skip }

        var good = false, weak = false, strongInside = false
        for attribute in [node.rawAttribute("class"), node.rawAttribute("id")] {
            guard let value = attribute else { continue }
            var verdict: Verdict = .keep
            ClassNames.forEachName(in: value) { words in
                // The last word of a class name says what the element is ("article-comments",
                // "social-share"); a leading "ad" marks an ad slot ("ad-slot", "ad_container").
                if let last = words.last, strongKeys.contains(last) { verdict = .skip }
                if let first = words.first, adPrefixKeys.contains(first) { verdict = .skip }
                for word in words {
                    if strongKeys.contains(word) { strongInside = true }
                    else if weakKeys.contains(word) { weak = true }
                    else if positiveKeys.contains(word) { good = true }
                }
            }
            if verdict == .skip { return .skip }
        }
        // Elsewhere in a name a strong word counts unless the element also names itself the
        // article ("box article modal-enabled" is the article on a site with modals).
        if strongInside && !good { return .skip }
        return weak && !good ? .skip : .keep
    }

    static let furnitureRoles: Set<PackedWord> = Set(["navigation", "banner", "contentinfo", "complementary", "dialog",
                                                      "alertdialog", "search", "menu", "menubar"].map(PackedWord.init))
    static let strongKeys = Set(strongNegative.map(PackedWord.init))
    static let weakKeys = Set(weakNegative.map(PackedWord.init))
    static let positiveKeys = Set(positive.map(PackedWord.init))
    static let adPrefixKeys = Set(adPrefixes.map(PackedWord.init))

    /// `display:none` or `visibility:hidden` in a style attribute, spaces and case ignored.
    static func hidesElement(_ style: UnsafePointer<CChar>) -> Bool {
        var compact: [UInt8] = []
        var p = UnsafeRawPointer(style).assumingMemoryBound(to: UInt8.self)
        while p.pointee != 0 && compact.count < 512 {
            let b = p.pointee
            if b != 0x20 && b != 0x09 && b != 0x0A { compact.append(b >= 0x41 && b <= 0x5A ? b + 32 : b) }
            p += 1
        }
        let text = String(decoding: compact, as: UTF8.self)
        return ASCII.contains(text, "display:none") || ASCII.contains(text, "visibility:hidden")
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

/// A word of up to 16 bytes packed into two integers: set membership without building strings.
/// Longer words get a key no vocabulary word has.
struct PackedWord: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(_ word: String) {
        for (i, b) in word.utf8.enumerated() { add(b, at: i) }
        if word.utf8.count > 16 { high = .max }
    }

    /// The whole C string, lower-cased (ASCII).
    init(cString: UnsafePointer<CChar>) {
        var p = UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self)
        var i = 0
        while p.pointee != 0 {
            add(ClassNames.lower(p.pointee), at: i)
            i += 1
            p += 1
        }
        if i > 16 { high = .max }
    }

    init() {}

    @inline(__always)
    mutating func add(_ byte: UInt8, at i: Int) {
        if i < 8 { low |= UInt64(byte) << (8 * UInt64(i)) } else if i < 16 { high |= UInt64(byte) << (8 * UInt64(i - 8)) }
    }
}

/// Splits `class` and `id` values into names (separated by spaces) and words (separated
/// by anything but letters and digits), lower-cased: "article-body__part adSlot" →
/// [["article", "body", "part"], ["adslot"]].
enum ClassNames {
    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    static func forEachName(in value: UnsafePointer<CChar>, _ body: ([PackedWord]) -> Void) {
        var words: [PackedWord] = []
        words.reserveCapacity(8)
        var word = PackedWord()
        var length = 0
        func endWord() {
            if length > 0 {
                if length > 16 { word.high = .max }
                words.append(word)
            }
            word = PackedWord()
            length = 0
        }
        var p = UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self)
        while true {
            let b = p.pointee
            switch b {
            case 0:
                endWord()
                if !words.isEmpty { body(words) }
                return
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x80...0xFF:
                word.add(lower(b), at: length)
                length += 1
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                endWord()
                if !words.isEmpty { body(words) }
                words.removeAll(keepingCapacity: true)
            default:
                endWord()
            }
            p += 1
        }
    }
}

/// Byte-level string helpers for ASCII vocabularies (class names, labels).
enum ASCII {
    /// Lower-case ASCII needles to look for together (at most 64).
    struct NeedleSet: Sendable {
        let needles: [[UInt8]]
        /// For each byte, a mask of the needles that start with it (upper-case bytes included).
        let starting: [UInt64]

        init(_ words: [String]) {
            needles = words.map { Array($0.utf8) }
            var starting = [UInt64](repeating: 0, count: 256)
            for (i, needle) in needles.enumerated() {
                starting[Int(needle[0])] |= 1 << i
                if needle[0] >= 0x61 && needle[0] <= 0x7A { starting[Int(needle[0] - 32)] |= 1 << i }
            }
            self.starting = starting
        }
    }

    /// Which needles occur in a C string (ASCII case ignored), as a bit mask (bit i for
    /// needle i), in one pass that looks closer only where a needle could start.
    static func needlesFound(in cString: UnsafePointer<CChar>, _ set: NeedleSet) -> UInt64 {
        var found: UInt64 = 0
        var p = UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self)
        while p.pointee != 0 {
            var candidates = set.starting[Int(p.pointee)] & ~found
            while candidates != 0 {
                let i = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let needle = set.needles[i]
                var k = 1
                while k < needle.count, p[k] != 0, ClassNames.lower(p[k]) == needle[k] { k += 1 }
                if k == needle.count { found |= 1 << i }
            }
            p += 1
        }
        return found
    }

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
