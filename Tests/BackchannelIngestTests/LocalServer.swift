import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny HTTP server on 127.0.0.1 for the fetch tests: each path answers with a fixed
/// response. Network tests talk to nothing else.
final class LocalServer: @unchecked Sendable {
    struct Response: Sendable {
        var status: HTTPResponseStatus = .ok
        var headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")]
        var body: [UInt8] = []
        /// Never answer (for timeouts).
        var hang = false

        static func page(_ html: String, type: String = "text/html; charset=utf-8") -> Response {
            Response(headers: [("Content-Type", type)], body: Array(html.utf8))
        }
        static func redirect(_ location: String) -> Response {
            Response(status: .found, headers: [("Location", location)], body: [])
        }
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: Channel?
    private let lock = NSLock()
    private var routes: [String: Response] = [:]
    private(set) var requests: [String] = []
    var port: Int { channel?.localAddress?.port ?? 0 }
    var base: String { "http://127.0.0.1:\(port)" }

    init() throws {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(server: self))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
    }

    func route(_ path: String, _ response: Response) {
        lock.withLock { routes[path] = response }
    }

    func stop() {
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    fileprivate func respond(to path: String) -> Response {
        lock.withLock {
            requests.append(path)
            return routes[path] ?? Response(status: .notFound, headers: [("Content-Type", "text/plain")], body: Array("not found".utf8))
        }
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let server: LocalServer
        init(server: LocalServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(let head) = unwrapInboundIn(data) else { return }
            let response = server.respond(to: head.uri)
            if response.hang { return }
            var headers = HTTPHeaders(response.headers)
            headers.add(name: "Content-Length", value: String(response.body.count))
            headers.add(name: "Connection", value: "close")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: response.status, headers: headers))), promise: nil)
            var buffer = context.channel.allocator.buffer(capacity: response.body.count)
            buffer.writeBytes(response.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
