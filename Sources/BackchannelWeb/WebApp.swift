import BackchannelStore
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// The web application: server-rendered pages (no scripts) and the JSON API under
/// `/api/v1`, both read-only over one store. Nothing here writes: data comes in through
/// `ingest`.
public enum WebApp {
    /// Adds the routes and middleware to `app`. Requests are spread over `readers` (more
    /// connections to the same store: SQLite in WAL mode reads on all of them at once);
    /// `cacheBytes` above zero keeps rendered pages until the store changes (``PageCache``).
    public static func configure(_ app: Application, store: Store, readers: [Store] = [], cacheBytes: Int = 0, cacheCheckInterval: Double = 1,
                                 access: AccessMode = .accounts(secureCookies: false), loginThrottle: (limit: Int, seconds: Double) = (5, 900)) throws {
        let pool = StorePool([store] + readers)
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeaders())
        app.middleware.use(ErrorPages())
        app.middleware.use(Authentication(mode: access, store: store, openCSRF: Tokens.random()))
        app.middleware.use(SerializedWrites())
        if cacheBytes > 0 {
            app.middleware.use(CachedPages(cache: PageCache(capacityBytes: cacheBytes, checkInterval: cacheCheckInterval), store: store))
        }
        app.routes.caseInsensitive = false
        // One count of failed sign-ins for the form and the API.
        let throttle = LoginThrottle(limit: loginThrottle.limit, window: loginThrottle.seconds)
        Pages.register(app, pool: pool)
        API.register(app, pool: pool)
        APIWrites.register(app, pool: pool, mode: access, throttle: throttle)
        Workspace.register(app, pool: pool, mode: access, throttle: throttle)
        WatchlistPages.register(app, pool: pool)
        Publishing.register(app, pool: pool)
        CommentPages.register(app, pool: pool)
        app.get("assets", "app.css") { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
            return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
        }
    }

    /// Serves until interrupted (Ctrl-C). `ready` gets the address once the server listens.
    public static func serve(store: Store, readers: [Store] = [], cacheBytes: Int = 64 << 20, access: AccessMode = .accounts(secureCookies: false),
                             hostname: String, port: Int, ready: @Sendable (String) -> Void) async throws {
        // Vapor reads its own command line: give it one that only says "serve".
        let app = try await Application.make(Environment(name: "production", arguments: ["backchannel"]))
        app.logger.logLevel = .warning
        app.http.server.configuration.hostname = hostname
        app.http.server.configuration.port = port
        do {
            try configure(app, store: store, readers: readers, cacheBytes: cacheBytes, access: access)
            do {
                try await app.startup()
            } catch let error as IOError {
                throw ListenError(address: "\(hostname):\(port)", reason: error.errnoCode == EADDRINUSE ? "the address is already in use" : "\(error)")
            }
            let shown = hostname == "0.0.0.0" ? "127.0.0.1" : hostname
            ready("http://\(shown.contains(":") ? "[\(shown)]" : shown):\(app.http.server.shared.localAddress?.port ?? port)/")
            try await app.running?.onStop.get()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// The server could not listen where it was asked to.
public struct ListenError: Error, CustomStringConvertible {
    public var address: String
    public var reason: String
    public var description: String { "cannot listen on \(address): \(reason) (try another --port)" }
}

/// Connections to one store, handed out in turn for reading; writes all go to `writer`.
final class StorePool: @unchecked Sendable {
    private let stores: [Store]
    private let counter = NIOLockedValueBox(0)

    init(_ stores: [Store]) { self.stores = stores }

    /// The connection every write uses (see ``SerializedWrites``).
    var writer: Store { stores[0] }

    func next() -> Store {
        guard stores.count > 1 else { return stores[0] }
        let n = counter.withLockedValue { value in
            value &+= 1
            return value
        }
        return stores[n % stores.count]
    }
}

/// Headers on every response: a strict Content-Security-Policy (no scripts at all, styles
/// from our own stylesheet only), no sniffing, no framing, no referrer.
struct SecurityHeaders: AsyncMiddleware {
    static let policy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.policy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }
}

/// A request the application refuses, with a message that says why.
struct BadRequest: Error {
    var message: String
}

/// Errors as pages (HTML) or as `{"error": {"status", "message"}}` under `/api`.
struct ErrorPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, message) = Self.describe(error, request: request)
            if request.url.path.hasPrefix("/api/") {
                return API.error(status: status, message: message)
            }
            let signIn: Markup = status == .unauthorized ? "<p><a href=\"/login?next=\(urlEncode(request.url.path))\">Sign in</a></p>" : ""
            let body = Layout.page(viewer: request.viewer, title: "\(status.code) \(status.reasonPhrase)", """
                <div class="error"><h1>\(status.reasonPhrase)</h1><p>\(message)</p>\(signIn)<p><a href="/">Back to today's events</a></p></div>
                """)
            return Pages.html(body, status: status)
        }
    }

    static func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String) {
        switch error {
        case let bad as BadRequest: return (.badRequest, bad.message)
        case let denied as AccessDenied: return (denied.status, denied.message)
        case StoreError.notFound(let m): return (.notFound, m)
        case StoreError.invalid(let m), StoreError.badLocation(let m): return (.badRequest, m)
        case let abort as any AbortError:
            if abort.status == .notFound { return (.notFound, "nothing at \(request.url.path)") }
            return (abort.status, abort.reason)
        default:
            request.logger.error("\(request.method) \(request.url.path): \(String(reflecting: error))")
            return (.internalServerError, "something went wrong on our side; the error is in the server's log")
        }
    }
}

/// A request's query string, read strictly: numbers, dates and event types are checked
/// and a bad one is a 400 naming the parameter.
struct Params {
    private var values: [String: [String]] = [:]

    init(_ request: Request) {
        for pair in (request.url.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    /// Every value given for `name`, in order.
    func values(_ name: String) -> [String] { values[name] ?? [] }

    static func decode(_ s: Substring) -> String {
        String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
    }

    /// The trimmed value, nil when absent or empty; at most 200 characters.
    func text(_ name: String) throws -> String? {
        guard let value = values[name]?.last?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        guard value.count <= 200 else { throw BadRequest(message: "\(name): at most 200 characters") }
        return value
    }

    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let raw = try text(name) else { return fallback }
        guard let n = Int(raw), range.contains(n) else {
            throw BadRequest(message: "\(name)=\(raw): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    func day(_ name: String) throws -> String? {
        guard let raw = try text(name) else { return nil }
        let p = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard raw.count == 10, p.count == 3, let m = Int(p[1]), let d = Int(p[2]), Int(p[0]) != nil, (1...12).contains(m), (1...31).contains(d) else {
            throw BadRequest(message: "\(name)=\(raw): expected a date as YYYY-MM-DD")
        }
        return raw
    }

    func eventType(_ name: String) throws -> String? {
        guard let raw = try text(name) else { return nil }
        let type = raw.uppercased()
        guard EventStyle.all.contains(type) else {
            throw BadRequest(message: "\(name)=\(raw): not an event type (one of \(EventStyle.all.joined(separator: ", ")))")
        }
        return type
    }

    func actorType(_ name: String) throws -> String? {
        guard let raw = try text(name) else { return nil }
        let type = raw.uppercased()
        guard ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"].contains(type) else {
            throw BadRequest(message: "\(name)=\(raw): not an actor type (PERSON, ORG, GPE, LOC, NORP or FAC)")
        }
        return type
    }

    /// Ids given as `name=1&name=2` (ticked boxes) or `name=1,2`, in order, without repeats.
    func ids(_ name: String, max: Int = 500) throws -> [Int] {
        var ids: [Int] = []
        for raw in values(name) {
            for part in raw.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                guard let id = Int(part), id > 0 else { throw BadRequest(message: "\(name)=\(part): expected an id (a whole number)") }
                if !ids.contains(id) { ids.append(id) }
            }
        }
        guard ids.count <= max else { throw BadRequest(message: "\(name): at most \(max) ids") }
        return ids
    }

    /// Actors given as ids or names, comma-separated: `actors=12,Witkoff`.
    func actors(_ name: String, store: Store) async throws -> [Int] {
        guard let raw = try text(name) else { return [] }
        let parts = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard parts.count <= 4 else { throw BadRequest(message: "\(name): at most 4 actors") }
        var ids: [Int] = []
        for part in parts {
            if let id = Int(part) {
                guard id > 0 else { throw BadRequest(message: "\(name)=\(raw): actor ids are positive") }
                _ = try await store.actor(id)
                ids.append(id)
            } else {
                ids.append(try await store.actorID(named: part))
            }
        }
        return ids
    }

    func page(defaultLimit: Int = 20) throws -> (limit: Int, offset: Int) {
        (try int("limit", default: defaultLimit, in: 1...100), try int("offset", default: 0, in: 0...100_000))
    }
}

extension Request {
    /// The `:id` path parameter as a positive integer.
    func id() throws -> Int {
        let raw = parameters.get("id") ?? ""
        guard let id = Int(raw), id > 0 else { throw BadRequest(message: "\(raw): an id is a positive whole number") }
        return id
    }
}

/// One write at a time. A write may hold a transaction open on the writer connection across
/// several statements; another request's write on the same connection must not slip into it
/// (and be rolled back with it), so every POST waits its turn.
struct SerializedWrites: AsyncMiddleware {
    let gate = WriteGate()

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET && request.method != .HEAD else { return try await next.respond(to: request) }
        await gate.acquire()
        do {
            let response = try await next.respond(to: request)
            await gate.release()
            return response
        } catch {
            await gate.release()
            throw error
        }
    }
}

/// A first-come, first-served lock for async code.
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

