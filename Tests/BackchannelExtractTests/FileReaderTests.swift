import Foundation
import Testing
@testable import BackchannelExtract

@Suite("reading input files")
struct FileReaderTests {
    /// A folder of its own under the system's temporary folder, removed after the test.
    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backchannel-filereader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func readsAWholeFileAndAnEmptyOne() throws {
        try withFolder { folder in
            // Larger than the first read's 4 KB and than one page, with every byte value.
            let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let page = folder.appendingPathComponent("page.html")
            try Data(bytes).write(to: page)
            #expect(FileReader.read(page.path, limit: 1 << 20) == .bytes(bytes))
            let empty = folder.appendingPathComponent("empty.txt")
            try Data().write(to: empty)
            #expect(FileReader.read(empty.path, limit: 1 << 20) == .bytes([]))
        }
    }

    @Test func refusesWhatItCannotRead() throws {
        try withFolder { folder in
            let page = folder.appendingPathComponent("page.html")
            try Data(repeating: 0x41, count: 5_000).write(to: page)
            #expect(FileReader.read(page.path, limit: 4_999) == .tooLarge(5_000))
            #expect(FileReader.read(page.path, limit: 5_000) == .bytes([UInt8](repeating: 0x41, count: 5_000)))
            #expect(FileReader.read(folder.appendingPathComponent("none.html").path, limit: 100) == .missing)
            #expect(FileReader.read(page.path + "/below", limit: 100) == .missing)
            #expect(FileReader.read(folder.path, limit: 100) == .unreadable)
        }
    }

    /// A file that reports no size (a pipe, a /proc file) is read to its end, within the limit.
    @Test func aFileWithoutASizeIsReadToItsEnd() throws {
        let version = FileReader.read("/proc/self/status", limit: 1 << 20)
        guard case .bytes(let bytes) = version else {
            // Not Linux: nothing to read there.
            #expect(version == .missing)
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("Name:"))
        guard case .tooLarge(let size) = FileReader.read("/proc/self/status", limit: 10) else {
            Issue.record("a file without a size past the limit was not refused")
            return
        }
        #expect(size > 10)
    }
}
