/// Reads the tab-separated resources the trainers write, from their bytes: the models' thousands
/// of lines are read at every start, where splitting `String`s cost five times as long.
enum ModelTSV {
    /// Calls `body` with each line's first field and its other fields, skipping empty lines and
    /// comment lines ("#…"); stops and returns false as soon as `body` does.
    static func forEachLine(_ text: String, _ body: (_ head: String, _ values: ArraySlice<ArraySlice<UInt8>>) -> Bool) -> Bool {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        var lineStart = 0
        for (n, byte) in bytes.enumerated() where byte == 0x0A {
            let line = bytes[lineStart..<n]
            lineStart = n + 1
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard body(String(decoding: fields[0], as: UTF8.self), fields.dropFirst()) else { return false }
        }
        return true
    }
}
