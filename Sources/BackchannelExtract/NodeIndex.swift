import CLibXML2

/// Numbers the elements of a subtree in document order and measures the text below each,
/// in one pass. Element `i`'s subtree is the index range `i...last[i]`, so ancestry is an
/// integer comparison.
struct NodeIndex {
    private(set) var nodes: [NodePtr] = []
    private(set) var parent: [Int] = []
    private(set) var last: [Int] = []
    /// Visible non-space characters below the element (script, style and the like excluded).
    private(set) var textLength: [Int] = []
    /// The part of `textLength` inside links.
    private(set) var linkLength: [Int] = []

    init(root: NodePtr) {
        var stack: [Int] = []
        var linkDepth = 0
        TreeWalker.walk(root, enter: { node in
            let i = nodes.count
            nodes.append(node)
            parent.append(stack.last ?? -1)
            last.append(i)
            textLength.append(0)
            linkLength.append(0)
            // libxml2 leaves `_private` to the application: it holds the index + 1.
            node.pointee._private = UnsafeMutableRawPointer(bitPattern: i + 1)
            stack.append(i)
            let tag = node.tag
            if tag.isNonContent { return .skip }
            if tag == .a { linkDepth += 1 }
            return .children
        }, text: { node in
            guard let top = stack.last else { return }
            let n = NodeIndex.visibleLength(node)
            textLength[top] += n
            if linkDepth > 0 { linkLength[top] += n }
        }, exit: { node in
            let i = stack.removeLast()
            if node.tag == .a { linkDepth -= 1 }
            last[i] = nodes.count - 1
            if let p = stack.last {
                textLength[p] += textLength[i]
                linkLength[p] += linkLength[i]
            }
        })
    }

    func index(of node: NodePtr) -> Int? {
        guard let bits = node.pointee._private else { return nil }
        let i = Int(bitPattern: bits) - 1
        return i < nodes.count && nodes[i] == node ? i : nil
    }

    func contains(_ ancestor: Int, _ descendant: Int) -> Bool {
        ancestor <= descendant && descendant <= last[ancestor]
    }

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    /// Non-space scalars in a text node.
    static func visibleLength(_ node: NodePtr) -> Int {
        guard var p = node.pointee.content else { return 0 }
        var n = 0
        while p.pointee != 0 {
            let b = p.pointee
            // Count ASCII non-space bytes and the lead bytes of multi-byte characters.
            if b > 0x20 && (b < 0x80 || b >= 0xC0) { n += 1 }
            p += 1
        }
        return n
    }
}
