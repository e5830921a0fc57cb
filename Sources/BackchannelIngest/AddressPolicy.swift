import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which hosts `ingest` may fetch from: public addresses only, unless `--allow-private`.
///
/// A URL's host is resolved before any connection and every address it resolves to must be
/// public: not loopback, private (RFC 1918, unique local), link-local (which holds cloud
/// metadata services), carrier-grade NAT, multicast, or unspecified. Each redirect hop is
/// checked the same way. This keeps a feed or a pasted link from making Backchannel read
/// from the machine it runs on or its network (server-side request forgery).
public struct AddressPolicy: Sendable, Equatable {
    public var allowPrivate: Bool
    /// For tests: loopback is allowed, every other non-public range still refused.
    var allowLoopbackOnly = false

    public init(allowPrivate: Bool = false) {
        self.allowPrivate = allowPrivate
    }

    /// Nil when the host may be fetched, else why not.
    public func refusal(host: String) -> String? {
        if allowPrivate { return nil }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses = Self.resolve(bare)
        if addresses.isEmpty { return "cannot resolve host \(bare)" }
        for address in addresses {
            if let range = Self.nonPublicRange(address) {
                if allowLoopbackOnly && range == "loopback" { continue }
                return "\(bare) is a \(range) address (\(address.text)); pass --allow-private to fetch from it"
            }
        }
        return nil
    }

    enum Address: Equatable {
        case v4([UInt8]), v6([UInt8])
        var text: String {
            switch self {
            case .v4(let b): return b.map(String.init).joined(separator: ".")
            case .v6(let b):
                return stride(from: 0, to: 16, by: 2).map { String(UInt16(b[$0]) << 8 | UInt16(b[$0 + 1]), radix: 16) }.joined(separator: ":")
            }
        }
    }

    /// The name of the non-public range an address is in, or nil for a public address.
    static func nonPublicRange(_ address: Address) -> String? {
        switch address {
        case .v4(let b):
            switch (b[0], b[1]) {
            case (0, _): return "unspecified"
            case (10, _): return "private"
            case (100, 64...127): return "shared (carrier-grade NAT)"
            case (127, _): return "loopback"
            case (169, 254): return "link-local"
            case (172, 16...31): return "private"
            case (192, 168): return "private"
            case (192, 0) where b[2] == 0: return "reserved"
            case (198, 18...19): return "benchmarking"
            case (224...239, _): return "multicast"
            case (240...255, _): return "reserved"
            default: return nil
            }
        case .v6(let b):
            if b.allSatisfy({ $0 == 0 }) { return "unspecified" }
            if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return "loopback" }
            // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the IPv4 inside.
            if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff { return nonPublicRange(.v4(Array(b[12..<16]))) }
            if b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b { return nonPublicRange(.v4(Array(b[12..<16]))) }
            if b[0] & 0xfe == 0xfc { return "unique local (private)" }
            if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return "link-local" }
            if b[0] == 0xff { return "multicast" }
            return nil
        }
    }

    /// Every address a host resolves to (literal addresses included).
    static func resolve(_ host: String) -> [Address] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [Address] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let n = node {
            if let sa = n.pointee.ai_addr {
                if n.pointee.ai_family == AF_INET {
                    var a = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                    let bytes = withUnsafeBytes(of: &a) { Array($0) }
                    addresses.append(.v4(bytes))
                } else if n.pointee.ai_family == AF_INET6 {
                    var a = sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                    let bytes = withUnsafeBytes(of: &a) { Array($0) }
                    addresses.append(.v6(bytes))
                }
            }
            node = n.pointee.ai_next
        }
        return addresses
    }
}
