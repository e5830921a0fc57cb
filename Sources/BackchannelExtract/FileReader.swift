#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads an input file whole, refusing one larger than a limit, with one `open`, one `fstat`
/// and reads into the array that is returned.
///
/// `FileManager` took a path look-up for the size check, another to read, and a copy from
/// `Data` to bytes: about 3 % of ingesting a 10 KB page (docs/benchmarks.md, tenth session).
public enum FileReader {
    public enum Outcome: Equatable, Sendable {
        case bytes([UInt8])
        /// No file at the path.
        case missing
        /// Larger than the limit; the size found so far.
        case tooLarge(Int)
        /// A directory, or a file that cannot be opened or read.
        case unreadable
    }

    public static func read(_ path: String, limit: Int) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return .unreadable }
        let size = Int(status.st_size)
        if size > limit { return .tooLarge(size) }
        // The size is a hint (a file may grow while it is read, and some report none): read to
        // the end, and no further than one byte past the limit.
        var bytes = [UInt8](repeating: 0, count: max(size, 4096))
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { return .tooLarge(count) }
                bytes += [UInt8](repeating: 0, count: min(max(count, 4096), limit + 1 - count))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            if n == 0 { break }
            count += n
        }
        if count > limit { return .tooLarge(count) }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }
}
