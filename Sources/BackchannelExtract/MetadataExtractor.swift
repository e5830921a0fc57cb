import BackchannelCore
import CLibXML2
import Foundation

/// Reads an article's metadata from a page: schema.org JSON-LD first, then Open Graph
/// and other `<meta>` tags, then the visible page (`<h1>`, `<time>`, bylines, datelines,
/// category links), then the URL.
struct MetadataExtractor {
    /// What one pass over the page found, before choosing between sources.
    struct Signals {
        var meta: [String: [String]] = [:]
        var titleTag: String?
        var h1: [String] = []
        var canonical: String?
        var htmlLanguage: String?
        var jsonLD: [String] = []
        var times: [(datetime: String, publishedHint: Bool, modifiedHint: Bool)] = []
        var itemprops: [String: [String]] = [:]
        var authorLinks: [String] = []
        var bylines: [String] = []
        var categoryLinks: [String] = []
        var tagLinks: [String] = []
        var datelines: [String] = []
        /// Breadcrumb trail, without "Home" and without the article itself.
        var breadcrumbs: [String] = []

        func first(_ keys: String...) -> String? {
            for key in keys {
                if let v = meta[key]?.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    return Whitespace.collapse(v)
                }
            }
            return nil
        }
    }

    func extract(from tree: HTMLTree, url: String?) -> Metadata {
        let signals = collect(tree)
        let ld = JSONLD(scripts: signals.jsonLD)
        let article = ld.article ?? [:]
        var m = Metadata()

        m.siteName = signals.first("og:site_name", "application-name", "twitter:site:name")
            ?? ld.objects.lazy.compactMap { JSONLD.string($0["publisher"]) }.first.map(Whitespace.collapse)
            ?? ld.objects.first(where: { JSONLD.types($0).contains("WebSite") }).flatMap { JSONLD.string($0["name"]) }

        let titleCandidates = [JSONLD.string(article["headline"]), signals.first("og:title", "twitter:title"),
                               signals.h1.first, signals.titleTag].compactMap { $0 }.map(Whitespace.collapse)
        m.title = titleCandidates.first.map { stripSiteSuffix($0, siteName: m.siteName, h1: signals.h1.first) }
            .flatMap { $0.isEmpty ? nil : $0 }
        if m.siteName == nil, let tag = signals.titleTag { m.siteName = siteName(fromTitle: tag, headline: m.title) }

        m.published = published(article: article, signals: signals, url: url)
        m.modified = modified(article: article, signals: signals)

        var authors = JSONLD.strings(article["author"]).filter { !$0.hasPrefix("http") }
        if authors.isEmpty { authors = (signals.meta["author"] ?? []) + (signals.meta["article:author"] ?? []).filter { !$0.hasPrefix("http") } }
        if authors.isEmpty { authors = signals.itemprops["author"] ?? [] }
        if authors.isEmpty { authors = signals.authorLinks }
        if authors.isEmpty { authors = signals.bylines }
        m.authors = Self.cleanAuthors(authors)

        var categories = signals.breadcrumbs
        categories += JSONLD.strings(article["articleSection"])
        categories += signals.meta["article:section"] ?? []
        categories += signals.categoryLinks
        m.categories = Self.unique(categories)

        var tags = signals.meta["article:tag"] ?? []
        for keywords in JSONLD.strings(article["keywords"]) + (signals.meta["news_keywords"] ?? []) + (signals.meta["keywords"] ?? []) {
            tags += keywords.split(separator: ",").map(String.init)
        }
        tags += signals.tagLinks
        m.tags = Self.unique(tags).filter { $0.count <= 60 }

        let declared = signals.htmlLanguage ?? signals.first("content-language", "og:locale")
            ?? JSONLD.string(article["inLanguage"])
        m.language = declared.flatMap(LanguageGuesser.primarySubtag)
        let canonical = signals.canonical ?? signals.first("og:url") ?? JSONLD.string(article["url"])
        m.url = canonical.map { resolve($0, against: url) } ?? url
        m.description = signals.first("description", "og:description", "twitter:description")
            ?? JSONLD.string(article["description"]).map(Whitespace.collapse)
        return m
    }

    /// The publication date from the most reliable source that gives one.
    private func published(article: [String: Any], signals: Signals, url: String?) -> Timestamp? {
        if let ld = JSONLD.string(article["datePublished"]) ?? JSONLD.string(article["dateCreated"]),
           let t = DateParser.parseMachine(ld) { return t }
        let keys = ["article:published_time", "og:article:published_time", "datepublished", "pubdate",
                    "publish-date", "publishdate", "date", "dc.date.issued", "dc.date", "dcterms.created",
                    "sailthru.date", "parsely-pub-date", "article.published", "published_time"]
        for key in keys {
            if let v = signals.meta[key]?.first, let t = DateParser.parseMachine(v) { return t }
        }
        if let t = signals.itemprops["datepublished"]?.lazy.compactMap(DateParser.parseMachine).first { return t }
        if let v = signals.times.first(where: \.publishedHint), let t = DateParser.parseMachine(v.datetime) { return t }
        if let v = signals.times.first(where: { !$0.modifiedHint }), let t = DateParser.parseMachine(v.datetime) { return t }
        if let t = signals.datelines.lazy.compactMap(DateParser.parseHuman).first { return t }
        if let u = url ?? signals.canonical, let t = DateParser.parseURL(u) { return t }
        return nil
    }

    private func modified(article: [String: Any], signals: Signals) -> Timestamp? {
        if let ld = JSONLD.string(article["dateModified"]), let t = DateParser.parseMachine(ld) { return t }
        for key in ["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"] {
            if let v = signals.meta[key]?.first, let t = DateParser.parseMachine(v) { return t }
        }
        if let t = signals.itemprops["datemodified"]?.lazy.compactMap(DateParser.parseMachine).first { return t }
        if let v = signals.times.first(where: \.modifiedHint), let t = DateParser.parseMachine(v.datetime) { return t }
        return nil
    }

    /// One walk over the page gathering every signal.
    private func collect(_ tree: HTMLTree) -> Signals {
        var s = Signals()
        guard let root = tree.root else { return s }
        s.htmlLanguage = root.attribute("lang").flatMap { $0.isEmpty ? nil : $0 }
        for node in tree.elements() {
            let tag = node.tag
            switch tag {
            case .meta:
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop")
                           ?? node.attribute("http-equiv"))?.lowercased()
                if let key, let content = node.attribute("content") { s.meta[key, default: []].append(content) }
                if let itemprop = node.attribute("itemprop")?.lowercased(), let content = node.attribute("content") {
                    s.itemprops[itemprop, default: []].append(content)
                }
            case .title:
                if s.titleTag == nil, node.parent?.tag != .svg { s.titleTag = node.textContent }
            case .h1:
                let t = node.textContent
                if !t.isEmpty { s.h1.append(t) }
            case .link:
                let rel = node.attribute("rel")?.lowercased() ?? ""
                if rel.split(separator: " ").contains("canonical"), let href = node.attribute("href"), !href.isEmpty {
                    s.canonical = s.canonical ?? href
                }
            case .script:
                if node.attribute("type")?.lowercased().contains("ld+json") == true {
                    s.jsonLD.append(rawText(node))
                }
            case .time:
                if let dt = node.attribute("datetime") ?? node.attribute("content") {
                    let hint = ((node.attribute("class") ?? "") + " " + (node.attribute("itemprop") ?? "") + " "
                                + (node.parent?.attribute("class") ?? "")).lowercased()
                    s.times.append((dt, node.attribute("pubdate") != nil || hint.contains("publish") || hint.contains("posted"),
                                    hint.contains("modif") || hint.contains("updated")))
                } else {
                    s.datelines.append(node.textContent)
                }
            case .a:
                let rel = node.attribute("rel")?.lowercased().split(separator: " ") ?? []
                if rel.contains("author") { s.authorLinks.append(node.textContent) }
                if rel.contains("category") { s.categoryLinks.append(node.textContent) }
                else if rel.contains("tag") { s.tagLinks.append(node.textContent) }
            default:
                break
            }
            if let itemprop = node.attribute("itemprop")?.lowercased(), tag != .meta {
                let value = node.attribute("content") ?? node.attribute("datetime") ?? node.textContent
                s.itemprops[itemprop, default: []].append(value)
            }
            guard tag != .meta, tag != .script else { continue }
            if s.breadcrumbs.isEmpty, Self.isBreadcrumb(node) {
                s.breadcrumbs = Self.breadcrumbItems(node, h1: s.h1.first)
            }
            guard let cls = node.rawAttribute("class") else { continue }
            let found = ASCII.needlesFound(in: cls, Self.classNeedles)
            if found & 0b11 != 0 {
                // "byline", or "author" as a whole class or an "…author-name" class.
                let isAuthor = found & 0b01 != 0 || (node.attribute("class")?.lowercased().split(separator: " ")
                    .contains(where: { $0 == "author" || $0.hasSuffix("author-name") }) ?? false)
                let t = isAuthor ? node.textContent : ""
                if !t.isEmpty && t.count < 120 { s.bylines.append(t) }
            }
            if found & 0b11100 != 0 {
                let t = node.textContent
                if !t.isEmpty && t.count < 120 { s.datelines.append(t) }
            }
        }
        return s
    }

    static let classNeedles = ASCII.NeedleSet(["byline", "author", "date", "timestamp", "published"])

    static func isBreadcrumb(_ node: NodePtr) -> Bool {
        node.attribute("class", contains: "crumb") || node.attribute("id", contains: "crumb")
            || node.attribute("aria-label", contains: "crumb")
    }

    static func breadcrumbItems(_ node: NodePtr, h1: String?) -> [String] {
        var items: [String] = []
        for element in ElementSequence(start: node) where element.tag == .a {
            let text = element.textContent
            let lower = text.lowercased()
            if text.isEmpty || lower == "home" || lower == "homepage" || lower == "start" || text.count > 40 { continue }
            if let h1, text == h1 { continue }
            items.append(text)
        }
        return items
    }

    /// The raw text of a script element (its CDATA or text children).
    private func rawText(_ node: NodePtr) -> String {
        var out = ""
        var child = node.pointee.children
        while let c = child {
            out += c.content
            child = c.pointee.next
        }
        return out
    }

    /// "Envoy meets Putin | The Atlas Ledger" → "Envoy meets Putin".
    func stripSiteSuffix(_ title: String, siteName: String?, h1: String?) -> String {
        if let h1, !h1.isEmpty, title.hasPrefix(h1) || title == h1 { return h1 }
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            let tail = String(title[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            if let siteName, tail.caseInsensitiveCompare(siteName) == .orderedSame || siteName.localizedCaseInsensitiveContains(tail) {
                return head
            }
            // A short tail after a much longer head is a site name.
            if siteName == nil, tail.split(separator: " ").count <= 4, head.split(separator: " ").count >= 4 {
                return head
            }
        }
        return title
    }

    private static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": "]

    /// "The Valley Courier :: Gaza deal announced" with headline "Gaza deal announced" → "The Valley Courier".
    func siteName(fromTitle title: String, headline: String?) -> String? {
        let title = Whitespace.collapse(title)
        guard let headline, !headline.isEmpty, title != headline, let range = title.range(of: headline) else { return nil }
        var rest = title.replacingCharacters(in: range, with: "\u{0}")
        for separator in Self.titleSeparators { rest = rest.replacingOccurrences(of: separator.trimmingCharacters(in: .whitespaces), with: "") }
        let name = rest.replacingOccurrences(of: "\u{0}", with: "").trimmingCharacters(in: .whitespaces)
        return name.isEmpty || name.split(separator: " ").count > 6 ? nil : name
    }

    static func cleanAuthors(_ raw: [String]) -> [String] {
        var result: [String] = []
        for entry in raw {
            var text = Whitespace.collapse(entry)
            for prefix in ["By ", "by ", "BY ", "Written by ", "Words by "] where text.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count))
            }
            // "Jane Doe and John Roe", "Jane Doe, John Roe"
            let parts = text.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for part in parts where !part.isEmpty && part.count <= 60 && part.rangeOfCharacter(from: .letters) != nil {
                // A trailing role after a pipe or dash: "Jane Doe | Correspondent".
                let name = part.components(separatedBy: " | ").first!.trimmingCharacters(in: .whitespaces)
                result.append(name)
            }
        }
        return unique(result)
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for v in values {
            let clean = Whitespace.collapse(v)
            if !clean.isEmpty, seen.insert(clean.lowercased()).inserted { result.append(clean) }
        }
        return result
    }

    func resolve(_ href: String, against base: String?) -> String {
        guard let base, let baseURL = URL(string: base), let url = URL(string: href, relativeTo: baseURL) else { return href }
        return url.absoluteString
    }
}
