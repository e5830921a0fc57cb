import Testing

@testable import BackchannelExtract

@Suite("Text decoding")
struct TextDecoderTests {
    @Test func utf8ByteOrderMarkWins() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=windows-1252>Kyiv – talks".utf8)
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "<meta charset=windows-1252>Kyiv – talks")
    }

    @Test func utf16WithByteOrderMark() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Zaporizhzhia €".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.encoding == .utf16LE)
        #expect(decoded.text == "Zaporizhzhia €")
    }

    @Test func metaCharsetWindows1252() {
        let bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body>".utf8)
            + [0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0xE9] // “A” – €5 é
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text.hasSuffix("“A” – €5 é"))
    }

    @Test func httpEquivISO88591IsReadAsWindows1252() {
        let bytes = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">".utf8) + [0xE9, 0x92]
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text.hasSuffix("é’"))
    }

    @Test func undeclaredLatin1BytesFallBackToWindows1252() {
        let bytes = Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        #expect(TextDecoder.decode(bytes).text == "<p>café</p>")
    }

    @Test func undeclaredValidUTF8StaysUTF8() {
        let text = "<p>Kryvyi Rih — “quoted” Москва</p>"
        let decoded = TextDecoder.decode(Array(text.utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == text)
    }

    @Test func transportCharsetOverridesThePage() {
        let bytes = Array("<meta charset=utf-8><p>".utf8) + [0xE9]
        #expect(TextDecoder.decode(bytes, charsetHint: "iso-8859-1").text == "<meta charset=utf-8><p>é")
    }

    @Test func charsetOutsideATagIsIgnored() {
        // Body text that mentions "charset=" must not change the decoding.
        let bytes = Array("<p>set charset=windows-1252 in your editor — dash</p>".utf8)
        #expect(TextDecoder.decode(bytes).encoding == .utf8)
    }

    @Test func unknownLabelIsReportedAndBytesStillDecode() {
        let bytes = Array("<meta charset=\"x-klingon\"><p>plain</p>".utf8)
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.unsupportedLabel == "x-klingon")
        #expect(decoded.text.contains("plain"))
    }
}
