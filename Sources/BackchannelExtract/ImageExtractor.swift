import BackchannelCore
import CLibXML2
import Foundation

/// Finds the article's images with their captions and credits.
///
/// Looks in the article's region of the page (the nearest `<article>` or `<main>`
/// around the body container, else the container itself) for `<figure>`s and
/// captioned images, and splits each caption into caption and credit:
/// "Envoys meet in Riyadh. (Image Credit: Jane Roe/Agency)", "… Photo: Jane Roe",
/// or an element whose class names a credit.
struct ImageExtractor {
    func extract(around container: NodePtr?, tree: HTMLTree, pageURL: String?) -> [ArticleImage] {
        guard let container else { return [] }
        let region = container.closest(["article", "main"]) ?? container.parent ?? container
        var images: [ArticleImage] = []
        var seen = Set<String>()
        for node in tree.elements(under: region) {
            let name = node.name
            guard name == "figure" || ((name == "img" || name == "amp-img") && node.closest(["figure"]) == nil) else { continue }
            guard var image = image(from: node, pageURL: pageURL) else { continue }
            if name != "figure" && image.caption == nil { continue } // a bare icon or avatar
            let key = (image.src ?? "") + "|" + (image.caption ?? "")
            if seen.insert(key).inserted {
                if image.caption?.isEmpty == true { image.caption = nil }
                images.append(image)
            }
        }
        return images
    }

    private func image(from node: NodePtr, pageURL: String?) -> ArticleImage? {
        var src: String?, alt: String?, captionNode: NodePtr?, creditText: String?
        for element in ElementSequence(start: node) {
            switch element.name {
            case "img", "amp-img", "source":
                if src == nil {
                    src = element.attribute("src") ?? element.attribute("data-src") ?? element.attribute("data-lazy-src")
                        ?? element.attribute("srcset")?.split(separator: " ").first.map(String.init)
                    alt = element.attribute("alt")
                }
            case "figcaption":
                captionNode = captionNode ?? element
            default:
                if let cls = element.attribute("class")?.lowercased(),
                   cls.contains("credit") || cls.contains("copyright") || cls.contains("photographer") {
                    creditText = creditText ?? element.textContent
                }
            }
        }
        if node.name != "figure" {
            // An image captioned by the element right after it (<img><p class="caption">…).
            var sibling = node.pointee.next
            while let s = sibling, !s.isElement { sibling = s.pointee.next }
            if let s = sibling, let cls = s.attribute("class")?.lowercased(), cls.contains("caption") { captionNode = s }
        }
        guard src != nil || captionNode != nil else { return nil }
        var caption = captionNode?.textContent
        if let creditText, !creditText.isEmpty, let c = caption, let r = c.range(of: creditText) {
            caption = c.replacingCharacters(in: r, with: "").trimmingCharacters(in: .whitespaces)
        }
        var credit = creditText.map(Self.stripCreditLabel)
        if let c = caption {
            let split = Self.splitCredit(c)
            caption = split.caption
            credit = credit ?? split.credit
        }
        let resolved = src.map { s -> String in
            guard let pageURL, let base = URL(string: pageURL), let u = URL(string: s, relativeTo: base) else { return s }
            return u.absoluteString
        }
        return ArticleImage(src: resolved, caption: caption.flatMap { $0.isEmpty ? nil : $0 },
                            credit: credit.flatMap { $0.isEmpty ? nil : $0 }, alt: alt.flatMap { $0.isEmpty ? nil : $0 })
    }

    private static let creditPatterns: [NSRegularExpression] = [
        #"\s*\(\s*(?:image|photo|picture)?\s*credit\s*:\s*([^)]+)\)\s*$"#,
        #"\s*\(\s*(?:photo|photograph|picture|image)\s*:\s*([^)]+)\)\s*$"#,
        #"\s*(?:image|photo)?\s*credit\s*:\s*(.+)$"#,
        #"\s*(?:photo|photograph|picture|image)\s*(?:by)?\s*:\s*(.+)$"#,
        #"\s*(?:photo|photograph|picture|image) by\s+(.+)$"#,
        #"\s*©\s*(.+)$"#,
    ].map { try! NSRegularExpression(pattern: $0, options: .caseInsensitive) }

    /// "Delegations meet. (Image Credit: Jane Roe/Agency)" → ("Delegations meet.", "Jane Roe/Agency").
    static func splitCredit(_ text: String) -> (caption: String, credit: String?) {
        let ns = text as NSString
        for pattern in creditPatterns {
            if let m = pattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
                let credit = ns.substring(with: m.range(at: 1)).trimmingCharacters(in: .whitespaces)
                let caption = ns.substring(to: m.range.location).trimmingCharacters(in: .whitespaces)
                return (caption, credit.isEmpty ? nil : credit)
            }
        }
        return (text, nil)
    }

    static func stripCreditLabel(_ text: String) -> String {
        let split = splitCredit(text)
        if let credit = split.credit, split.caption.isEmpty { return credit }
        return text
    }
}
