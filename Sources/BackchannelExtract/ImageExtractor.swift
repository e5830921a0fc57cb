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
        guard let body = tree.body else { return [] }
        let region = container.map { $0.closest([.article, .main]) ?? $0.parent ?? $0 }
        var images: [ArticleImage] = []
        var seen = Set<String>()
        var walker = ElementSequence(start: body)
        while let node = walker.next() {
            let tag = node.tag
            guard tag == .figure || tag == .img || tag == .amp_img else { continue }
            let inRegion = region.map { node.isInside($0) } ?? false
            // Bare images count only inside the article; pictures in <figure> anywhere.
            if tag != .figure && (!inRegion || node.closest([.figure]) != nil) { continue }
            guard !isFurniture(node, below: body), var image = image(from: node, pageURL: pageURL) else { continue }
            // Outside the article's region only captioned pictures count (a lead photo above
            // the headline); bare images are icons, avatars and teasers.
            if image.caption == nil && !(inRegion && tag == .figure) { continue }
            let key = (image.src ?? "") + "|" + (image.caption ?? "")
            if seen.insert(key).inserted {
                if image.caption?.isEmpty == true { image.caption = nil }
                images.append(image)
            }
        }
        return images
    }

    /// Inside navigation, asides, footers, or blocks the boilerplate rules skip (related stories, promos).
    private func isFurniture(_ node: NodePtr, below body: NodePtr) -> Bool {
        var ancestor = node.parent
        var depth = 0
        while let a = ancestor, a != body, depth < 64 {
            let tag = a.tag
            if tag == .nav || tag == .aside || tag == .footer || tag == .header && a.closest([.article]) == nil { return true }
            if BoilerplateRules.verdict(for: a) == .skip { return true }
            ancestor = a.parent
            depth += 1
        }
        return false
    }

    private func image(from node: NodePtr, pageURL: String?) -> ArticleImage? {
        var src: String?, alt: String?, captionNode: NodePtr?, creditText: String?
        var fromSource = false
        for element in ElementSequence(start: node) {
            switch element.tag {
            case .img, .amp_img:
                if src == nil || fromSource {
                    src = element.attribute("src") ?? element.attribute("data-src") ?? element.attribute("data-lazy-src")
                        ?? element.attribute("srcset")?.split(separator: " ").first.map(String.init)
                    alt = element.attribute("alt")
                    fromSource = false
                }
            case .source:
                if src == nil, let set = element.attribute("srcset") {
                    src = set.split(separator: " ").first.map(String.init)
                    fromSource = true
                }
            case .figcaption:
                captionNode = captionNode ?? element
            default:
                if element.attribute("class", contains: "credit") || element.attribute("class", contains: "copyright")
                    || element.attribute("class", contains: "photographer") {
                    creditText = creditText ?? element.textContent
                }
            }
        }
        if node.tag != .figure { captionNode = nearbyCaption(of: node) }
        guard src != nil || captionNode != nil else { return nil }
        var caption = captionNode.map { Self.stripLicensing($0.textContent) }
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

    /// A caption element near an image outside `<figure>`: within the closest of its
    /// three nearest ancestors that holds no other image (`<td class="caption">` in the
    /// next table row, `<p class="wp-caption-text">` beside it).
    private func nearbyCaption(of image: NodePtr) -> NodePtr? {
        var ancestor = image.parent
        for _ in 0..<3 {
            guard let a = ancestor else { return nil }
            var images = 0
            var caption: NodePtr?
            for element in ElementSequence(start: a) {
                let tag = element.tag
                if tag == .img || tag == .amp_img { images += 1 }
                if caption == nil, element != image,
                   element.attribute("class", contains: "caption") || element.attribute("class", contains: "legend") {
                    caption = element
                }
            }
            if images > 1 { return nil }
            if let caption { return caption }
            ancestor = a.parent
        }
        return nil
    }

    private static let licensing = try! NSRegularExpression(
        pattern: #"\s*(purchase licensing rights|buy this (photo|image)|reprints?|enlarge( this)? (image|photo)|expand)\s*$"#,
        options: .caseInsensitive)

    static func stripLicensing(_ text: String) -> String {
        licensing.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: "")
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
