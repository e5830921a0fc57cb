import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A local SMTP sink: accepts one conversation on 127.0.0.1, answers like a relay (or refuses
/// the recipient), and keeps what it was told.
public final class SMTPSink: @unchecked Sendable {
    public let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var transcript: [String] = []
    private let refuseRecipient: Bool
    private let done = DispatchSemaphore(value: 0)

    public init(refuseRecipient: Bool = false) {
        self.refuseRecipient = refuseRecipient
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &length) } }
        fd = s
        port = Int(UInt16(bigEndian: address.sin_port))
        listen(fd, 1)
        Thread.detachNewThread { [self] in serve() }
    }

    public var lines: [String] { lock.withLock { transcript } }

    public func wait() { _ = done.wait(timeout: .now() + 10) }

    private func serve() {
        defer { Glibc.close(fd); done.signal() }
        let client = accept(fd, nil, nil)
        guard client >= 0 else { return }
        defer { Glibc.close(client) }
        func say(_ s: String) { _ = s.withCString { Glibc.send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        var buffer: [UInt8] = []
        func readLine() -> String? {
            while true {
                if let i = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[..<i], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                    buffer.removeSubrange(...i)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = recv(client, &chunk, chunk.count, 0)
                if n <= 0 { return nil }
                buffer += chunk[..<n]
            }
        }
        say("220 sink.test ESMTP\r\n")
        var inData = false
        while let line = readLine() {
            lock.withLock { transcript.append(line) }
            if inData {
                if line == "." { inData = false; say("250 queued\r\n") }
                continue
            }
            let command = line.uppercased()
            if command.hasPrefix("EHLO") { say("250-sink.test\r\n250 8BITMIME\r\n") }
            else if command.hasPrefix("MAIL FROM") { say("250 ok\r\n") }
            else if command.hasPrefix("RCPT TO") { say(refuseRecipient ? "550 no such user\r\n" : "250 ok\r\n") }
            else if command == "DATA" { inData = true; say("354 go ahead\r\n") }
            else if command == "QUIT" { say("221 bye\r\n"); return }
            else { say("500 what?\r\n") }
        }
    }
}

