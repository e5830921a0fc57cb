import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Limits on fetching a URL.
public struct FetchPolicy: Sendable {
    public var addresses = AddressPolicy()
    /// Seconds for the whole exchange.
    public var timeout: Int64 = 20
    public var maximumBytes = 16 << 20
    public var maximumRedirects = 5

    public init(allowPrivate: Bool = false, timeout: Int64 = 20, maximumBytes: Int = 16 << 20, maximumRedirects: Int = 5) {
        addresses = AddressPolicy(allowPrivate: allowPrivate)
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
    }

    /// The media types Backchannel reads: pages, plain text and feeds.
    static let acceptedTypes: Set<String> = [
        "text/html", "application/xhtml+xml", "text/plain", "application/rss+xml", "application/atom+xml",
        "application/rdf+xml", "application/xml", "text/xml", "application/feed+xml",
    ]
}

public struct FetchedPage: Sendable {
    /// The URL after redirects.
    public var url: String
    public var contentType: String?
    public var bytes: [UInt8]
}

public enum FetchError: Error, Equatable, CustomStringConvertible {
    case badURL(String)
    case refused(url: String, reason: String)
    case status(url: String, code: UInt)
    case contentType(url: String, type: String)
    case tooLarge(url: String, limit: Int)
    case tooManyRedirects(url: String, limit: Int)
    case timeout(url: String, seconds: Int64)
    case network(url: String, message: String)

    public var description: String {
        switch self {
        case .badURL(let u): "\(u): not an http or https URL"
        case .refused(let u, let reason): "\(u): refused: \(reason)"
        case .status(let u, let code): "\(u): the server answered HTTP \(code)"
        case .contentType(let u, let type): "\(u): \(type) is not a page or a feed"
        case .tooLarge(let u, let limit): "\(u): larger than \(limit / (1 << 20)) MB"
        case .tooManyRedirects(let u, let limit): "\(u): more than \(limit) redirects"
        case .timeout(let u, let s): "\(u): no complete answer within \(s) s"
        case .network(let u, let message): "\(u): \(message)"
        }
    }
}

/// Fetches pages and feeds over HTTP(S) within a ``FetchPolicy``: redirects are followed
/// here, one hop at a time, so that every hop passes the address check.
public final class Fetcher: Sendable {
    public let policy: FetchPolicy
    private let client: HTTPClient

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow,
                                                     timeout: .init(connect: .seconds(min(policy.timeout, 10)), read: .seconds(policy.timeout)))
        configuration.decompression = .enabled(limit: .ratio(40))
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    public func fetch(_ address: String) async throws(FetchError) -> FetchedPage {
        var current = address
        for _ in 0...policy.maximumRedirects {
            guard let url = URL(string: current), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let host = url.host, !host.isEmpty
            else { throw .badURL(current) }
            if let reason = policy.addresses.refusal(host: host) { throw .refused(url: current, reason: reason) }
            var request = HTTPClientRequest(url: current)
            request.headers.add(name: "User-Agent", value: "Backchannel/0.1 (+news analysis)")
            request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8")
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, timeout: .seconds(policy.timeout))
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw .timeout(url: current, seconds: policy.timeout)
            } catch {
                throw .network(url: current, message: Self.describe(error))
            }
            if (300..<400).contains(response.status.code), let location = response.headers.first(name: "location") {
                guard let next = URL(string: location, relativeTo: url)?.absoluteString else { throw .badURL(location) }
                current = next
                continue
            }
            guard response.status.code == 200 else { throw .status(url: current, code: response.status.code) }
            let type = response.headers.first(name: "content-type")
            if let type {
                let media = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
                guard FetchPolicy.acceptedTypes.contains(media) else { throw .contentType(url: current, type: media) }
            }
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > policy.maximumBytes {
                throw .tooLarge(url: current, limit: policy.maximumBytes)
            }
            var bytes: [UInt8] = []
            do {
                for try await chunk in response.body {
                    bytes += chunk.readableBytesView
                    if bytes.count > policy.maximumBytes { throw FetchError.tooLarge(url: current, limit: policy.maximumBytes) }
                }
            } catch let error as FetchError {
                throw error
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
                throw .timeout(url: current, seconds: policy.timeout)
            } catch {
                throw .network(url: current, message: Self.describe(error))
            }
            return FetchedPage(url: current, contentType: type, bytes: bytes)
        }
        throw .tooManyRedirects(url: address, limit: policy.maximumRedirects)
    }

    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("NXDOMAIN") || text.contains("resolve") { return "cannot resolve the host" }
        return String(text.prefix(200))
    }
}
