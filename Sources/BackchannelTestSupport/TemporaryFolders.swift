import Foundation

/// Folders for tests, all under one folder per test process that is removed when the
/// process exits: a test run leaves nothing behind in the system's temporary folder.
public enum TemporaryFolders {
    /// `<tmp>/backchannel-tests-<pid>`, made on first use.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("backchannel-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TemporaryFolders.root) }
        return url
    }()

    /// A new empty folder named `prefix-<uuid>` under ``root``.
    public static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
