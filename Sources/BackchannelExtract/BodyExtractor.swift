import BackchannelCore
import CLibXML2

/// Finds the article body on a page: scores candidate containers by the paragraphs
/// they hold (after Readability), keeps the best with its sibling parts (an article
/// split by ads), and drops the blocks that are furniture.
struct BodyExtractor {
    struct Result {
        var blocks: [RawBlock]
        /// The element chosen as the article container (for finding its images).
        var container: NodePtr?
    }

    /// Blocks shorter than this (in visible characters) do not vote for a container.
    var minimumScoredLength = 25

    func extract(from tree: HTMLTree, title: String?) -> Result {
        guard let body = tree.body else { return Result(blocks: [], container: nil) }
        let index = NodeIndex(root: body)
        let blocks = BlockCollector(index: index).collect(under: body)
        guard !blocks.isEmpty else { return Result(blocks: [], container: nil) }

        let scores = score(blocks, index: index)
        guard let top = scores.max(by: { $0.value < $1.value })?.key else {
            return Result(blocks: clean(blocks, title: title), container: body)
        }
        var containers = withSiblings(top, scores: scores, index: index)
        containers += sameKind(as: top, scores: scores, index: index).filter { c in
            !containers.contains { index.contains($0, c) || index.contains(c, $0) }
        }
        let chosen = blocks.filter { block in containers.contains { index.contains($0, block.owner) } }
        return Result(blocks: clean(chosen, title: title), container: index.nodes[top])
    }

    /// Readability's content score: each paragraph gives its parent its score, its
    /// grandparent half, its great-grandparent a sixth; containers are then weighed by
    /// class names and discounted by the share of their text inside links.
    func score(_ blocks: [RawBlock], index: NodeIndex) -> [Int: Double] {
        var scores: [Int: Double] = [:]
        func initial(_ i: Int) -> Double {
            let node = index.nodes[i]
            // Class names vouch for a container only as far as it holds text: a short
            // "content-title" div must not outrank the article.
            var s = BoilerplateRules.classWeight(of: node) * min(1, Double(index.textLength[i]) / 1000)
            switch node.tag {
            case .div, .article, .main, .section: s += 5
            case .pre, .td, .blockquote: s += 3
            case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: s -= 3
            case .h1, .h2, .h3, .h4, .h5, .h6, .th: s -= 5
            default: break
            }
            return s
        }
        for block in blocks where block.visibleLength >= minimumScoredLength && block.kind != .heading {
            var commas = 0
            for ch in block.text.unicodeScalars where ch == "," || ch == "\u{FF0C}" || ch == "\u{3001}" { commas += 1 }
            let contentScore = 1 + Double(commas) + min(Double(block.visibleLength / 100), 3)
            // The block's own element counts as its parent when it is a paragraph-like leaf.
            var ancestor = block.owner
            switch index.nodes[ancestor].tag {
            case .p, .li, .td, .pre, .blockquote, .h1, .h2, .h3, .h4, .h5, .h6:
                ancestor = index.parent[ancestor]
            default:
                break
            }
            var level = 0
            while ancestor >= 0 && level < 3 {
                if scores[ancestor] == nil { scores[ancestor] = initial(ancestor) }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                scores[ancestor]! += contentScore / divider
                ancestor = index.parent[ancestor]
                level += 1
            }
        }
        for (i, s) in scores { scores[i] = s * (1 - index.linkDensity(i)) }
        return scores
    }

    /// The top container plus siblings that belong to the same article.
    func withSiblings(_ top: Int, scores: [Int: Double], index: NodeIndex) -> [Int] {
        let parent = index.parent[top]
        guard parent >= 0 else { return [top] }
        let threshold = max(10, (scores[top] ?? 0) * 0.2)
        let topClass = index.nodes[top].attribute("class")
        var result: [Int] = []
        var child = index.nodes[parent].pointee.children
        while let c = child {
            defer { child = c.pointee.next }
            guard c.isElement, let i = index.index(of: c) else { continue }
            if i == top { result.append(i); continue }
            if c.tag.isSkipped || BoilerplateRules.verdict(for: c) == .skip { continue }
            var bonus = 0.0
            if let topClass, !topClass.isEmpty, c.attribute("class") == topClass { bonus = (scores[top] ?? 0) * 0.2 }
            if (scores[i] ?? 0) + bonus >= threshold {
                result.append(i)
            } else if c.tag == .p {
                let length = index.textLength[i]
                let density = index.linkDensity(i)
                if (length > 80 && density < 0.25) || (length > 0 && length <= 80 && density == 0 && c.textContent.hasSuffix(".")) {
                    result.append(i)
                }
            }
        }
        return result
    }

    /// Other parts of an article cut into sections: containers elsewhere on the page with
    /// the same tag and class as the top one and a fair share of its score.
    func sameKind(as top: Int, scores: [Int: Double], index: NodeIndex) -> [Int] {
        let node = index.nodes[top]
        guard let cls = node.attribute("class"), !cls.isEmpty else { return [] }
        let tag = node.tag
        let threshold = max(10, (scores[top] ?? 0) * 0.2)
        var found = scores.filter { i, s in
            i != top && s >= threshold && index.nodes[i].tag == tag && index.nodes[i].attribute("class") == cls
        }.map(\.key).sorted()
        // Keep the outermost of nested matches.
        found = found.filter { c in !found.contains { $0 != c && index.contains($0, c) } }
        return found
    }

    /// Drops furniture blocks that made it into the container.
    func clean(_ blocks: [RawBlock], title: String?) -> [RawBlock] {
        let normalizedTitle = title.map(Self.comparable)
        let titleLength = title?.utf8.count ?? 0
        return blocks.filter { block in
            if block.kind == .heading && block.headingLevel == 1 { return false }
            // Compare with the headline only when the lengths make a match possible.
            if let normalizedTitle, abs(block.text.utf8.count - titleLength) <= 8,
               Self.comparable(block.text) == normalizedTitle { return false }
            if block.linkDensity > 0.5 && block.visibleLength < 400 { return false }
            if BoilerplateRules.isBoilerplateBlock(block.text) { return false }
            return true
        }
    }

    static func comparable(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }
}
