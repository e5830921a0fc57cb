import CLibXML2
import Foundation

/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the links of their items.
public enum FeedParser {
    public struct Feed: Sendable, Equatable {
        public var title: String?
        /// Item links, absolute, http(s) only, in feed order, without repeats.
        public var links: [String]
        /// Items that gave no usable link, with why.
        public var brokenItems: [String]
    }

    /// Whether bytes look like a feed: the first element is `rss`, `feed` or `rdf:RDF`.
    public static func looksLikeFeed(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
        var rest = Substring(head)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                guard let close = after.firstIndex(of: ">") else { return false }
                rest = after[after.index(after: close)...]
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }.lowercased()
            return name == "rss" || name == "feed" || name == "rdf:rdf"
        }
        return false
    }

    /// Parses a feed; nil when the bytes are not a feed at all.
    public static func parse(_ bytes: [UInt8], baseURL: String?) -> Feed? {
        guard !bytes.isEmpty else { return nil }
        // Recover from broken markup; never fetch DTDs or expand external entities.
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), baseURL ?? "feed.xml", nil, options)
            }
        }
        guard let doc, let root = xmlDocGetRootElement(doc) else {
            if let doc { xmlFreeDoc(doc) }
            return nil
        }
        defer { xmlFreeDoc(doc) }
        let rootName = name(of: root)
        guard ["rss", "feed", "RDF"].contains(rootName) else { return nil }
        var feed = Feed(title: nil, links: [], brokenItems: [])
        var seen = Set<String>()
        let base = baseURL.flatMap(URL.init(string:))

        func add(_ raw: String?, item: Int, title: String?) {
            let label = title.map { "item \(item) (\($0.prefix(60)))" } ?? "item \(item)"
            guard let raw = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else {
                feed.brokenItems.append("\(label): no link")
                return
            }
            guard let url = URL(string: raw, relativeTo: base)?.absoluteURL, let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", url.host != nil
            else {
                feed.brokenItems.append("\(label): \(raw.prefix(80)) is not an http(s) link")
                return
            }
            if seen.insert(url.absoluteString).inserted { feed.links.append(url.absoluteString) }
        }

        var itemNumber = 0
        func walk(_ node: xmlNodePtr, depth: Int) {
            var child = node.pointee.children
            while let c = child {
                defer { child = c.pointee.next }
                guard c.pointee.type == XML_ELEMENT_NODE else { continue }
                let n = name(of: c)
                if n == "title" && feed.title == nil && depth <= 1 { feed.title = text(of: c) }
                if n == "item" || n == "entry" {
                    itemNumber += 1
                    var link: String?
                    var guidLink: String?
                    var title: String?
                    var part = c.pointee.children
                    while let p = part {
                        defer { part = p.pointee.next }
                        guard p.pointee.type == XML_ELEMENT_NODE else { continue }
                        switch name(of: p) {
                        case "title": title = text(of: p)
                        case "link":
                            if let href = attribute("href", of: p) {
                                let rel = attribute("rel", of: p) ?? "alternate"
                                if rel == "alternate" && link == nil { link = href }
                            } else if link == nil {
                                link = text(of: p)
                            }
                        case "guid":
                            let permalink = attribute("isPermaLink", of: p) ?? "true"
                            if permalink == "true" { guidLink = text(of: p) }
                        default: break
                        }
                    }
                    add(link ?? guidLink, item: itemNumber, title: title)
                } else if depth < 3 {
                    walk(c, depth: depth + 1)
                }
            }
        }
        walk(root, depth: 0)
        return feed
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func text(of node: xmlNodePtr) -> String? {
        guard let content = xmlNodeGetContent(node) else { return nil }
        defer { free(content) }
        let s = String(cString: content).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }
}
