import Foundation
import Testing

/// The real executable: exit status, standard streams.
@Suite("backchannel executable")
struct BinaryTests {
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("backchannel")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return ExtractCommandTests.repository.appendingPathComponent(".build/debug/backchannel")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func exitStatusSaysWhetherAnyInputFailed() throws {
        let ok = try run(["extract", "--format", "jsonl", ExtractCommandTests.corpusPage])
        #expect(ok.status == 0)
        #expect(ok.out.split(separator: "\n").count == 1)

        let failed = try run(["extract", "--format", "jsonl", "/nonexistent/page.html", ExtractCommandTests.corpusPage])
        #expect(failed.status == 1)
        #expect(failed.err == "backchannel: error: /nonexistent/page.html: no such file or directory\n")
        #expect(failed.out.split(separator: "\n").count == 1)
    }

    @Test func badArgumentsExitWithUsage() throws {
        let result = try run(["extract", "--format", "xml", "x.html"])
        #expect(result.status == 64)
        #expect(result.err.contains("--format"))
    }
}
