import CLibXML2

/// The HTML elements the extractor treats specially, read from libxml2's element name
/// without building a string (the walkers ask for it on every element of every page).
enum Tag: UInt8, CaseIterable {
    case a, address, amp_ad, amp_analytics, amp_consent, amp_embed, amp_img, amp_sidebar, amp_social_share
    case article, aside, audio, blockquote, body, br, button, canvas, caption, center
    case dd, details, dialog, div, dl, dt, embed, fieldset, figcaption, figure, footer, form
    case h1, h2, h3, h4, h5, h6, head, header, hr, html, iframe, img, input, label, li, link
    case main, map, math, menu, meta, nav, noscript, object, ol, option, p, picture, pre
    case script, section, select, source, span, style, summary, svg, table, tbody, td, template
    case textarea, tfoot, th, thead, time, title, tr, ul, video
    case other

    /// The element name as HTML spells it.
    var name: String { String(describing: self).replacingOccurrences(of: "_", with: "-") }

    /// Up to 16 bytes of a name, packed into two words: the dictionary key.
    struct Key: Hashable {
        var low: UInt64
        var high: UInt64
    }

    /// Open addressing with a multiplicative hash: the lookup runs for every element many
    /// times over, and Swift's seeded hashing cost more than the rest of it.
    private static let slots = 512
    private static let slotTable: [(key: Key, tag: Tag)?] = {
        var table = [(key: Key, tag: Tag)?](repeating: nil, count: slots)
        for tag in allCases where tag != .other {
            let bytes = Array(tag.name.utf8)
            let k = key(bytes.count, { bytes[$0] })
            var slot = slot(for: k)
            while table[slot] != nil { slot = (slot + 1) & (slots - 1) }
            table[slot] = (k, tag)
        }
        return table
    }()

    @inline(__always)
    private static func slot(for key: Key) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ (key.high &* 31)) &* 0x9E37_79B9_7F4A_7C15) >> 55)
    }

    private static func lookup(_ key: Key) -> Tag {
        var slot = slot(for: key)
        while let entry = slotTable[slot] {
            if entry.key == key { return entry.tag }
            slot = (slot + 1) & (slots - 1)
        }
        return .other
    }

    @inline(__always)
    private static func key(_ count: Int, _ byte: (Int) -> UInt8) -> Key {
        var low: UInt64 = 0, high: UInt64 = 0
        for i in 0..<min(count, 8) { low |= UInt64(byte(i)) << (8 * UInt64(i)) }
        if count > 8 { for i in 8..<count { high |= UInt64(byte(i)) << (8 * UInt64(i - 8)) } }
        return Key(low: low, high: high)
    }

    /// The tag of an element name (lower case, as libxml2's HTML parser gives it).
    init(name: UnsafePointer<xmlChar>?) {
        guard let name else { self = .other; return }
        var count = 0
        while name[count] != 0 {
            count += 1
            if count > 16 { self = .other; return }
        }
        self = Tag.lookup(Tag.key(count, { name[$0] }))
    }

    private static func flags(_ tags: Set<Tag>) -> [Bool] { allCases.map(tags.contains) }

    private static let nonContentFlags = flags([
        .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas, .button,
        .select, .option, .textarea, .input, .head, .title, .meta, .link, .video, .audio, .map, .dialog,
    ])
    private static let blockFlags = flags([
        .p, .div, .section, .article, .main, .header, .footer, .aside, .nav, .h1, .h2, .h3, .h4, .h5, .h6,
        .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption,
        .figure, .figcaption, .form, .fieldset, .address, .hr, .center, .details, .summary, .body, .html, .br,
    ])
    private static let skippedFlags: [Bool] = allCases.map { tag in
        nonContentFlags[Int(tag.rawValue)] || [
            Tag.nav, .aside, .footer, .header, .figure, .figcaption, .picture, .img, .amp_img, .amp_ad, .amp_embed,
            .amp_social_share, .amp_sidebar, .amp_analytics, .amp_consent, .menu, .label,
        ].contains(tag)
    }

    /// Never content: code, styling, media players and form widgets.
    var isNonContent: Bool { Tag.nonContentFlags[Int(rawValue)] }
    /// Starts a new block of text.
    var isBlock: Bool { Tag.blockFlags[Int(rawValue)] }
    /// Never article body: non-content elements, page regions (nav, aside, header, footer),
    /// figures and captions (the image extractor takes those), ads.
    var isSkipped: Bool { Tag.skippedFlags[Int(rawValue)] }

    /// 1–6 for h1–h6, else 0.
    var headingLevel: Int {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: 0
        }
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// The element's tag (`.other` for elements the extractor has no rule for).
    var tag: Tag { Tag(name: pointee.name) }
}
