import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain-text e-mail.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String

    public init(from: String, to: String, subject: String, body: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
    }

    /// The message as sent after DATA: headers, a blank line, the body with CRLF line ends,
    /// lines that start with a dot doubled, and the closing dot.
    public func wire(date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        var lines = [
            "From: \(from)", "To: \(to)", "Subject: \(Self.encodedHeader(subject))", "Date: \(formatter.string(from: date))",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
        ]
        for line in body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.hasPrefix(".") ? "." + line : String(line))
        }
        return lines.joined(separator: "\r\n") + "\r\n.\r\n"
    }

    /// RFC 2047 for a header that is not plain ASCII.
    static func encodedHeader(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if clean.unicodeScalars.allSatisfy({ $0.isASCII }) { return clean }
        return "=?UTF-8?B?\(Data(clean.utf8).base64EncodedString())?="
    }
}

public enum MailError: Error, CustomStringConvertible, Equatable {
    case badAddress(String)
    case cannotConnect(String)
    case refused(String)

    public var description: String {
        switch self {
        case .badAddress(let m), .cannotConnect(let m), .refused(let m): m
        }
    }
}

/// Sends mail to an SMTP relay (such as the institute's mail server or a local relay), without
/// TLS or authentication: point it at a relay on the same machine or network that takes
/// mail from it.
public struct SMTPClient: Sendable {
    public var host: String
    public var port: Int
    public var timeout: Int
    /// The name said in EHLO.
    public var hello: String

    public init(host: String, port: Int = 25, timeout: Int = 20, hello: String = "backchannel") {
        self.host = host
        self.port = port
        self.timeout = timeout
        self.hello = hello
    }

    /// `host:port`, or a host alone for port 25.
    public init(address: String) throws {
        let parts = address.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.count == 1 || Int(parts[1]).map({ (1...65535).contains($0) }) == true else {
            throw MailError.badAddress("--smtp \(address): expected HOST or HOST:PORT")
        }
        self.init(host: String(parts[0]), port: parts.count == 2 ? Int(parts[1])! : 25)
    }

    public func send(_ message: MailMessage) throws {
        for address in [message.from, message.to] where !Self.plainAddress(address) {
            throw MailError.badAddress("\(address): not an e-mail address")
        }
        let connection = try Connection(host: host, port: port, timeout: timeout)
        defer { connection.close() }
        try connection.expect(220, after: nil)
        try connection.expect(250, after: "EHLO \(hello)")
        try connection.expect(250, after: "MAIL FROM:<\(message.from)>")
        try connection.expect([250, 251], after: "RCPT TO:<\(message.to)>")
        try connection.expect(354, after: "DATA")
        try connection.expect(250, afterRaw: message.wire())
        try? connection.expect(221, after: "QUIT")
    }

    static func plainAddress(_ a: String) -> Bool {
        let parts = a.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !a.contains { $0.isWhitespace || "<>\r\n".contains($0) }
    }

    /// A blocking TCP connection that speaks in lines.
    final class Connection {
        let fd: Int32
        var buffer: [UInt8] = []
        let label: String

        init(host: String, port: Int, timeout: Int) throws {
            label = "\(host):\(port)"
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var result: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
                throw MailError.cannotConnect("\(label): cannot resolve the mail server")
            }
            defer { freeaddrinfo(result) }
            var node: UnsafeMutablePointer<addrinfo>? = first
            var connected: Int32 = -1
            while let n = node {
                let s = socket(n.pointee.ai_family, n.pointee.ai_socktype, n.pointee.ai_protocol)
                if s >= 0 {
                    var tv = timeval(tv_sec: timeout, tv_usec: 0)
                    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                    if connect(s, n.pointee.ai_addr, n.pointee.ai_addrlen) == 0 { connected = s; break }
                    Glibc.close(s)
                }
                node = n.pointee.ai_next
            }
            guard connected >= 0 else { throw MailError.cannotConnect("\(label): cannot connect to the mail server (\(String(cString: strerror(errno))))") }
            fd = connected
        }

        func close() { Glibc.close(fd) }

        func write(_ text: String) throws {
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard n > 0 else { throw MailError.cannotConnect("\(label): the connection to the mail server broke") }
                bytes = bytes.dropFirst(n)
            }
        }

        func line() throws -> String {
            while true {
                if let i = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[..<i], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                    buffer.removeSubrange(...i)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = recv(fd, &chunk, chunk.count, 0)
                guard n > 0 else { throw MailError.cannotConnect("\(label): the mail server did not answer") }
                buffer += chunk[..<n]
            }
        }

        /// Reads a reply (all its lines) and checks its code.
        func expect(_ codes: [Int], afterRaw raw: String?) throws {
            if let raw { try write(raw) }
            var last = ""
            repeat { last = try line() } while last.count >= 4 && last[last.index(last.startIndex, offsetBy: 3)] == "-"
            guard let code = Int(last.prefix(3)), codes.contains(code) else {
                throw MailError.refused("\(label): the mail server answered \"\(last.prefix(200))\"")
            }
        }

        func expect(_ code: Int, after command: String?) throws { try expect([code], afterRaw: command.map { $0 + "\r\n" }) }
        func expect(_ codes: [Int], after command: String) throws { try expect(codes, afterRaw: command + "\r\n") }
        func expect(_ code: Int, afterRaw raw: String) throws { try expect([code], afterRaw: raw) }
    }
}
