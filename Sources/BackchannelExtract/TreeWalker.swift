import CLibXML2

/// Depth-first walk over a subtree with enter and exit events, without recursion,
/// so that a page nested 100,000 deep costs time, not stack.
struct TreeWalker {
    enum Descend { case children, skip }

    /// Calls `enter` for each element (return `.skip` to pass over its subtree), `text` for each
    /// text node, and `exit` after an element's subtree (also for skipped elements).
    static func walk(
        _ root: NodePtr,
        enter: (NodePtr) -> Descend,
        text: (NodePtr) -> Void,
        exit: (NodePtr) -> Void
    ) {
        var node = root
        while true {
            var descended = false
            if node.isElement {
                if enter(node) == .children, let child = node.pointee.children {
                    node = child
                    descended = true
                } else {
                    exit(node)
                }
            } else if node.isText {
                text(node)
            }
            if descended { continue }
            // Move to the next sibling, leaving finished parents on the way up.
            while true {
                if node == root { return }
                if let sibling = node.pointee.next {
                    node = sibling
                    break
                }
                guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return }
                node = parent
                exit(node)
            }
        }
    }
}
