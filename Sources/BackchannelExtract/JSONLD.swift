import Foundation

/// The schema.org objects a page describes itself with in `<script type="application/ld+json">`.
struct JSONLD {
    /// Article-like objects first (NewsArticle, ReportageNews, BlogPosting, LiveBlogPosting…), then the rest.
    private(set) var objects: [[String: Any]] = []

    init(scripts: [String]) {
        var found: [[String: Any]] = []
        for script in scripts {
            guard let value = JSONLD.parse(script) else { continue }
            JSONLD.flatten(value, into: &found, depth: 0)
        }
        let articles = found.filter { JSONLD.isArticle($0) }
        objects = articles + found.filter { !JSONLD.isArticle($0) }
    }

    var article: [String: Any]? { objects.first(where: JSONLD.isArticle) }

    /// Parses a script's JSON, tolerating the HTML comment wrappers and trailing
    /// semicolons that some sites leave around it.
    static func parse(_ script: String) -> Any? {
        var bytes = Array(script.utf8)[...]
        func trim() {
            while let f = bytes.first, f == 0x20 || f == 0x0A || f == 0x0D || f == 0x09 { bytes = bytes.dropFirst() }
            while let l = bytes.last, l == 0x20 || l == 0x0A || l == 0x0D || l == 0x09 || l == 0x3B { bytes = bytes.dropLast() }
        }
        trim()
        if bytes.starts(with: Array("<!--".utf8)) { bytes = bytes.dropFirst(4) }
        if bytes.reversed().starts(with: Array("-->".utf8).reversed()) { bytes = bytes.dropLast(3) }
        trim()
        if let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) { return value }
        let text = String(decoding: bytes, as: UTF8.self)
        // Raw control characters inside strings are the most common defect: replace them.
        let repaired = String(text.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
        return try? JSONSerialization.jsonObject(with: Data(repaired.utf8), options: [.fragmentsAllowed])
    }

    private static func flatten(_ value: Any, into found: inout [[String: Any]], depth: Int) {
        guard depth < 6 else { return }
        if let array = value as? [Any] {
            for item in array { flatten(item, into: &found, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            if let graph = object["@graph"] { flatten(graph, into: &found, depth: depth + 1) }
            if object["@type"] != nil { found.append(object) }
            if let main = object["mainEntity"] as? [String: Any] { flatten(main, into: &found, depth: depth + 1) }
        }
    }

    static func types(_ object: [String: Any]) -> [String] {
        if let t = object["@type"] as? String { return [t] }
        return (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    static func isArticle(_ object: [String: Any]) -> Bool {
        types(object).contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "ReportageNews"
            || $0 == "LiveBlogPosting" || $0 == "AnalysisNewsArticle" || $0 == "Report" || $0 == "OpinionNewsArticle" }
    }

    /// The string(s) a property holds: a string, an array of strings, or objects with a `name`.
    static func strings(_ value: Any?) -> [String] {
        switch value {
        case let s as String: return [s]
        case let array as [Any]: return array.flatMap { strings($0) }
        case let object as [String: Any]:
            if let name = object["name"] { return strings(name) }
            if let id = object["@id"] as? String { return [id] }
            return []
        default: return []
        }
    }

    static func string(_ value: Any?) -> String? {
        strings(value).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
