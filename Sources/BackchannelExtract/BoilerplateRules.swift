import Foundation

/// The extractor's knowledge of page furniture, kept as data so it can be read and
/// extended without touching the algorithm (rules as data, as in trafilatura's XPath lists).
enum BoilerplateRules {
    /// Elements whose whole subtree is never article body. Captions and figures are
    /// taken by the image extractor instead.
    static let skippedTags: Set<String> = HTMLTags.nonContent.union([
        "nav", "aside", "footer", "header", "figure", "figcaption", "picture", "img", "amp-img",
        "amp-ad", "amp-embed", "amp-social-share", "amp-sidebar", "amp-analytics", "amp-consent",
        "menu", "label",
    ])

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

    /// Class or id compounds that name the article body on common publishing systems.
    static let knownBodyClasses: [String] = [
        "articlebody", "article-body", "article__body", "article_body", "article-content", "article__content",
        "articlecontent", "entry-content", "post-content", "postcontent", "post-body", "postbody", "post-entry",
        "story-body", "storybody", "story-content", "storycontent", "story-text", "article-text", "articletext",
        "body-text", "bodytext", "news-content", "td-post-content", "single-content", "content-body",
        "article-main", "main-text", "entry-body", "blog-post-body", "c-entry-content", "rich-text",
    ]

    /// Whole-block texts that are furniture (matched case-insensitively on the trimmed block).
    static let blockPatterns: [NSRegularExpression] = [
        #"^advertisement$"#, #"^ad$"#, #"^sponsored( content)?$"#, #"^story continues below.*$"#,
        #"^(continue reading|read more|read next|see also|related|related articles?|related stories|more on this story)\b.{0,120}$"#,
        #"^(share|tweet|email|print|pin|save)( (this|on|via) .{0,40})?$"#,
        #"^(share|follow us) on (facebook|twitter|x|linkedin|instagram|whatsapp).{0,60}$"#,
        #"^(sign up|subscribe)\b.{0,160}$"#, #"^enter your e-?mail( address)?.{0,40}$"#,
        #"^(leave a (comment|reply)|no comments?( yet)?|\d+ comments?|comments?|post a comment|join the conversation)\b.{0,40}$"#,
        #"^\d+ ?(min|minute|minutes|mins)\.? read$"#, #"^reading time:? .{0,20}$"#,
        #"^(©|\(c\)|copyright\b).{0,200}$"#, #"^all rights reserved\.?$"#,
        #"^back to top\.?$"#, #"^(skip to|jump to) (main )?content$"#,
        #"^(reporting|writing|editing|additional reporting|compiled) by .{0,200}$"#,
        #"^our standards:.{0,80}$"#,
        #"^(photo|image|photograph|picture)( credit)?:.{0,120}$"#, #"^\(?image credit:.{0,120}$"#,
        #"^click here\b.{0,120}$"#, #"^we use cookies\b.*$"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    static func isBoilerplateBlock(_ text: String) -> Bool {
        guard text.count <= 300 else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return blockPatterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    /// Splits `class` and `id` values into lower-case words: "article-body__part adSlot" →
    /// ["article", "body", "part", "adslot"], plus each whole class ("article-body__part").
    static func words(of node: NodePtr) -> (words: [Substring], raw: String)? {
        let cls = node.attribute("class")
        let id = node.attribute("id")
        if cls == nil && id == nil { return nil }
        let raw = ((cls ?? "") + " " + (id ?? "")).lowercased()
        let words = raw.split { !($0.isLetter || $0.isNumber) }
        return (words, raw)
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
        guard let (words, raw) = words(of: node) else { return .keep }
        let good = words.contains { positive.contains(String($0)) }
        for name in raw.split(separator: " ") {
            let parts = name.split { !($0.isLetter || $0.isNumber) }.map(String.init)
            guard let last = parts.last, let first = parts.first else { continue }
            // The last word of a class name says what the element is ("article-comments",
            // "social-share"); a leading "ad" marks an ad slot ("ad-slot", "ad_container").
            if strongNegative.contains(last) || adPrefixes.contains(first) { return .skip }
            // Elsewhere a strong word counts unless the element also names itself the article
            // ("box article modal-enabled" is the article on a site with modals).
            if !good && parts.contains(where: strongNegative.contains) { return .skip }
        }
        let weak = words.contains { weakNegative.contains(String($0)) }
        return weak && !good ? .skip : .keep
    }

    static let adPrefixes: Set<String> = ["ad", "ads", "advert", "advertisement", "dfp", "gpt"]

    /// A class/id score for a container, in the spirit of Readability's class weight.
    static func classWeight(of node: NodePtr) -> Double {
        var weight = 0.0
        if let itemprop = node.attribute("itemprop")?.lowercased(), itemprop.contains("articlebody") { weight += 50 }
        guard let (words, raw) = words(of: node) else { return weight }
        if knownBodyClasses.contains(where: { raw.contains($0) }) { weight += 40 }
        var good = false, bad = false
        for w in words {
            let s = String(w)
            if positive.contains(s) { good = true }
            if strongNegative.contains(s) || weakNegative.contains(s) { bad = true }
        }
        if good { weight += 25 }
        if bad { weight -= 25 }
        return weight
    }
}
