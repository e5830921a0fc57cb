/// Recognises inputs that are not text: images, archives, PDFs, executables, random bytes.
enum BinarySniffer {
    private static let signatures: [(prefix: [UInt8], kind: String)] = [
        ([0x25, 0x50, 0x44, 0x46], "PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x1F, 0x8B], "gzip data"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        ([0x52, 0x49, 0x46, 0x46], "RIFF media"),
        ([0x00, 0x00, 0x01, 0x00], "icon"),
    ]

    /// A description of the binary format, or nil when the bytes look like text.
    static func binaryKind(of bytes: [UInt8]) -> String? {
        for (prefix, kind) in signatures where bytes.starts(with: prefix) { return kind }
        // UTF-16 text carries NUL bytes legitimately; it has a byte order mark.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        let sample = bytes.prefix(8192)
        var control = 0
        for b in sample {
            if b == 0 { return "binary data" }
            if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { control += 1 }
        }
        return control * 10 > sample.count ? "binary data" : nil
    }
}
