import CLibXML2

/// A node of libxml2's tree. Valid only while its ``HTMLTree`` is alive.
typealias NodePtr = UnsafeMutablePointer<xmlNode>

/// A parsed HTML page: libxml2's HTML parser with recovery on and network access off.
///
/// Parsing never fails on broken markup: libxml2 repairs it the way an HTML4-era
/// browser would. The tree is freed when this object goes away, so node
/// pointers must not outlive it.
final class HTMLTree {
    let document: htmlDocPtr

    /// Parses UTF-8 bytes. Returns nil only when libxml2 builds no tree at all
    /// (for example an input with no markup and no text).
    init?(utf8 bytes: [UInt8], url: String? = nil) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(clamping: buffer.count), url, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    var root: NodePtr? { xmlDocGetRootElement(document) }

    /// The `<body>` element, or the root when the page has none.
    var body: NodePtr? {
        guard let root else { return nil }
        var child = root.pointee.children
        while let node = child {
            if node.isElement && node.tag == .body { return node }
            child = node.pointee.next
        }
        return root
    }

    /// Every element in document order, without recursion (pages nest arbitrarily deep).
    func elements(under start: NodePtr? = nil) -> ElementSequence {
        ElementSequence(start: start ?? root)
    }
}

/// Preorder walk over the elements below (and including) a node, iterative.
struct ElementSequence: Sequence, IteratorProtocol {
    private let start: NodePtr?
    private var cursor: NodePtr?

    init(start: NodePtr?) {
        self.start = start
        self.cursor = start
    }

    mutating func next() -> NodePtr? {
        while let node = cursor {
            cursor = ElementSequence.successor(of: node, within: start!)
            if node.isElement { return node }
        }
        return nil
    }

    /// The next node in preorder that stays inside `root`.
    static func successor(of node: NodePtr, within root: NodePtr) -> NodePtr? {
        if node.isElement, let child = node.pointee.children { return child }
        return successorSkippingChildren(of: node, within: root)
    }

    static func successorSkippingChildren(of node: NodePtr, within root: NodePtr) -> NodePtr? {
        var current: NodePtr? = node
        while let c = current, c != root {
            if let sibling = c.pointee.next { return sibling }
            current = c.pointee.parent
        }
        return nil
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// The element name, lower case as libxml2's HTML parser gives it.
    var name: String {
        guard let n = pointee.name else { return "" }
        return n.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
    }

    /// The raw text of a text node.
    var content: String {
        guard let c = pointee.content else { return "" }
        return c.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
    }

    /// The attribute node named `name`. libxml2's HTML parser lower-cases attribute names,
    /// so a byte comparison with a lower-case literal suffices (no string is built).
    @inline(__always)
    private func property(_ name: StaticString) -> UnsafeMutablePointer<xmlAttr>? {
        var property = pointee.properties
        let wanted = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
        while let p = property {
            if let pname = p.pointee.name,
               pname.withMemoryRebound(to: CChar.self, capacity: 1, { strcmp($0, wanted) == 0 }) {
                return p
            }
            property = p.pointee.next
        }
        return nil
    }

    /// Whether the element has the attribute, with or without a value.
    func hasAttribute(_ name: StaticString) -> Bool { property(name) != nil }

    /// The value of an attribute, or nil when the element does not have it.
    func attribute(_ name: StaticString) -> String? {
        guard let p = property(name) else { return nil }
        var child = p.pointee.children
        if let only = child, only.pointee.next == nil {
            guard let text = only.pointee.content else { return "" }
            return text.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
        }
        var value = ""
        while let c = child {
            if let text = c.pointee.content {
                value += text.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            }
            child = c.pointee.next
        }
        return value
    }

    /// The attribute's value as libxml2 holds it (no copy), valid while the tree lives.
    /// Only for the common case of a value that is one text node.
    func rawAttribute(_ name: StaticString) -> UnsafePointer<CChar>? {
        guard let text = property(name)?.pointee.children?.pointee.content else { return nil }
        return UnsafePointer(text.withMemoryRebound(to: CChar.self, capacity: 1) { $0 })
    }

    /// Whether an attribute's value contains `needle`, ignoring ASCII case, without copying it.
    func attribute(_ name: StaticString, contains needle: String) -> Bool {
        guard let value = rawAttribute(name) else { return false }
        return ASCII.contains(cString: value, lowercaseNeedle: needle)
    }

    var parent: NodePtr? {
        guard let p = pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return p
    }

    /// Direct element children.
    var elementChildren: [NodePtr] {
        var result: [NodePtr] = []
        var child = pointee.children
        while let c = child {
            if c.isElement { result.append(c) }
            child = c.pointee.next
        }
        return result
    }

    /// All text below this node, skipping script, style and other non-content elements,
    /// with whitespace collapsed.
    var textContent: String {
        var out = ""
        var node: NodePtr? = self
        while let n = node {
            if n.isText {
                out += n.content
                node = ElementSequence.successorSkippingChildren(of: n, within: self)
            } else if n.isElement && n.tag.isNonContent && n != self {
                node = ElementSequence.successorSkippingChildren(of: n, within: self)
            } else if n.isElement, n.pointee.children != nil {
                node = n.pointee.children
            } else {
                node = ElementSequence.successorSkippingChildren(of: n, within: self)
            }
        }
        return Whitespace.collapse(out)
    }

    /// Whether `ancestor` is this node or one of its ancestors.
    func isInside(_ ancestor: NodePtr) -> Bool {
        var node: NodePtr? = self
        while let n = node {
            if n == ancestor { return true }
            node = n.parent
        }
        return false
    }

    /// The nearest ancestor (or self) with one of `tags`.
    func closest(_ tags: Set<Tag>) -> NodePtr? {
        var node: NodePtr? = self
        while let n = node {
            if n.isElement && tags.contains(n.tag) { return n }
            node = n.parent
        }
        return nil
    }
}
