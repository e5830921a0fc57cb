import CLibXML2
import Foundation
import BackchannelCore

/// A block of text as found on the page, before the extractor decides whether it is article body.
struct RawBlock {
    var text: String
    var kind: Block.Kind
    /// 1–6 for headings, else 0.
    var headingLevel: Int
    /// The element whose text this is (the innermost open block element), as a ``NodeIndex`` index.
    var owner: Int
    var visibleLength: Int
    var linkLength: Int

    var linkDensity: Double { visibleLength == 0 ? 0 : Double(linkLength) / Double(visibleLength) }
}

/// Walks a subtree and cuts its text into blocks at block-level elements, passing over
/// furniture (navigation, share bars, comments, ads…) as ``BoilerplateRules`` describe it.
struct BlockCollector {
    let index: NodeIndex
    /// Elements larger than this share of the page's text are never skipped for their class,
    /// so a `<body class="has-comments">` cannot take the article with it.
    var protectedShare = 0.6

    func collect(under root: NodePtr) -> [RawBlock] {
        var blocks: [RawBlock] = []
        var buffer = ""
        var bufferLinks = 0
        var bufferVisible = 0
        var blockStack: [Int] = []
        var headingLevel = 0, listDepth = 0, quoteDepth = 0, preDepth = 0, linkDepth = 0
        var consecutiveBreaks = 0
        var skipped: NodePtr?
        let rootIndex = index.index(of: root) ?? 0
        let pageText = max(index.textLength[rootIndex], 1)

        func flush() {
            defer { buffer = ""; bufferLinks = 0; bufferVisible = 0 }
            guard bufferVisible > 0, let owner = blockStack.last else { return }
            let text = preDepth > 0 ? trimLines(buffer) : Whitespace.collapse(buffer)
            guard !text.isEmpty else { return }
            let kind: Block.Kind =
                headingLevel > 0 ? .heading :
                preDepth > 0 ? .preformatted :
                quoteDepth > 0 ? .quote :
                listDepth > 0 ? .listItem : .paragraph
            blocks.append(RawBlock(text: text, kind: kind, headingLevel: headingLevel, owner: owner,
                                   visibleLength: bufferVisible, linkLength: bufferLinks))
        }

        TreeWalker.walk(root, enter: { node in
            let tag = node.tag
            if tag == .br {
                consecutiveBreaks += 1
                if consecutiveBreaks >= 2 { flush() } else { buffer += "\n" }
                return .skip
            }
            if node != root {
                if tag.isSkipped { skipped = node; return .skip }
                if let i = index.index(of: node), BoilerplateRules.verdict(for: node) == .skip,
                   Double(index.textLength[i]) < protectedShare * Double(pageText) {
                    skipped = node
                    return .skip
                }
            }
            if tag.isBlock {
                flush()
                consecutiveBreaks = 0
                blockStack.append(index.index(of: node) ?? rootIndex)
                switch tag {
                case .h1, .h2, .h3, .h4, .h5, .h6: headingLevel = tag.headingLevel
                case .li, .dd, .dt: listDepth += 1
                case .blockquote: quoteDepth += 1
                case .pre: preDepth += 1
                default: break
                }
            } else if tag == .a {
                linkDepth += 1
            }
            return .children
        }, text: { node in
            let visible = NodeIndex.visibleLength(node)
            if visible > 0 { consecutiveBreaks = 0 }
            buffer += node.content
            bufferVisible += visible
            if linkDepth > 0 { bufferLinks += visible }
        }, exit: { node in
            let tag = node.tag
            if tag == .br { return }
            if node == skipped {
                // A skipped element still ends the block before it.
                if tag.isBlock { flush() }
                skipped = nil
                return
            }
            if tag.isBlock {
                flush()
                if !blockStack.isEmpty, node == index.nodes[blockStack.last!] { blockStack.removeLast() }
                switch tag {
                case .h1, .h2, .h3, .h4, .h5, .h6: headingLevel = 0
                case .li, .dd, .dt: listDepth = max(0, listDepth - 1)
                case .blockquote: quoteDepth = max(0, quoteDepth - 1)
                case .pre: preDepth = max(0, preDepth - 1)
                default: break
                }
            } else if tag == .a {
                linkDepth = max(0, linkDepth - 1)
            }
        })
        flush()
        return blocks
    }

    private func trimLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
