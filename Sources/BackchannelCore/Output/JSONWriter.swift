/// A small streaming JSON writer: the command line prints thousands of records, and
/// Foundation's `JSONEncoder` cost more than extracting them. Keys come out in the
/// order they are written; strings are escaped per RFC 8259.
///
///     var json = JSONWriter(pretty: false)
///     json.object { json in
///         json.field("title", "Talks resume")
///         json.field("wordCount", 412)
///     }
///     // {"title":"Talks resume","wordCount":412}
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    public let pretty: Bool
    private var depth = 0
    private var first = true

    public init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    public mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        open(0x5B)
        for element in elements {
            separate()
            body(&self, element)
        }
        close(0x5D)
    }

    public mutating func field(_ key: String, _ body: (inout JSONWriter) -> Void) {
        separate()
        write(key)
        bytes.append(0x3A)
        if pretty { bytes.append(0x20) }
        body(&self)
    }

    public mutating func field(_ key: String, _ value: String?) { field(key) { $0.value(value) } }
    public mutating func field(_ key: String, _ value: Int?) { field(key) { $0.value(value) } }
    public mutating func field(_ key: String, _ value: Double?) { field(key) { $0.value(value) } }
    public mutating func field(_ key: String, _ value: Bool?) { field(key) { $0.value(value) } }
    public mutating func field(_ key: String, _ values: [String]) {
        field(key) { $0.array(values) { json, value in json.value(value) } }
    }

    public mutating func value(_ value: String?) {
        guard let value else { return null() }
        write(value)
    }

    /// A string value given as its UTF-8 bytes (valid UTF-8, as a slice of a `String`'s bytes
    /// is when cut at scalar boundaries): the text of a span is written without building a
    /// `String` for it.
    public mutating func value(utf8: UnsafeBufferPointer<UInt8>) { write(utf8: utf8) }

    public mutating func value(_ value: Int?) {
        guard let value else { return null() }
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func value(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func value(_ value: Bool?) {
        guard let value else { return null() }
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// A value that is already JSON (a stored array, say), copied as it is.
    public mutating func raw(_ json: String) { bytes.append(contentsOf: json.utf8) }

    // MARK: - Layout

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty && !first { newline() }
        first = false
        bytes.append(bracket)
    }

    /// A comma before every member or element but the first, and the indentation.
    private mutating func separate() {
        if !first { bytes.append(0x2C) }
        first = false
        if pretty { newline() }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { write(utf8: $0) }
    }

    private mutating func write(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        // Most text needs no escaping: copy runs of plain bytes at once.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
            return
        }
        for b in utf8 {
            switch b {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x00..<0x20:
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }
}
