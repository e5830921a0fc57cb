import BackchannelStore
import Crypto
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Who may do what on the site.
public enum AccessMode: Sendable, Equatable {
    /// Anyone reads; analysts and admins sign in to write. Session cookies are marked
    /// `Secure` when the request came over TLS (`X-Forwarded-Proto: https` from the proxy
    /// in front) or when `secureCookies` says so.
    case accounts(secureCookies: Bool)
    /// One person on one laptop: no sign-in, every right. Forms still carry a CSRF token,
    /// so that another site cannot post to this one through the browser.
    case open
}

/// Passwords hashed with bcrypt.
public enum Passwords {
    public static let minimumLength = 10

    public static func hash(_ password: String, cost: Int = 12) throws -> String {
        guard password.count >= minimumLength else {
            throw StoreError.invalid("a password has at least \(minimumLength) characters")
        }
        return try Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }
}

/// The person behind a request: signed in, anonymous, or the open mode's single user.
struct Viewer: Sendable {
    var user: User?
    var csrf: String?
    var open: Bool
    /// Signed in by an `Authorization: Bearer` token (an API client), not by a cookie: such a
    /// request cannot be forged by another site, so it needs no CSRF token.
    var bearer = false

    var role: AccessRole? { user?.role }

    func may(_ role: AccessRole) -> Bool { (user?.role).map { $0 >= role } ?? false }

    /// Throws 401 (not signed in) or 403 (signed in without the role).
    func require(_ role: AccessRole) throws {
        guard let user else { throw AccessDenied(status: .unauthorized, message: "sign in as \(role == .admin ? "an admin" : "an analyst") to do this") }
        guard user.role >= role else {
            throw AccessDenied(status: .forbidden, message: "\(user.name) is \(user.role == .reader ? "a reader" : "an \(user.role.rawValue)"): only \(role == .admin ? "admins" : "analysts and admins") may do this")
        }
    }
}

struct AccessDenied: Error {
    var status: HTTPResponseStatus
    var message: String
}

struct ViewerKey: StorageKey { typealias Value = Viewer }

extension Request {
    var viewer: Viewer { storage[ViewerKey.self] ?? Viewer(user: nil, csrf: nil, open: false) }

    /// The submitted form as name → value (the last value of a repeated name).
    func form() throws -> [String: String] {
        guard headers.contentType == .urlEncodedForm else {
            throw BadRequest(message: "expected a form (application/x-www-form-urlencoded)")
        }
        return (try? content.decode([String: String].self)) ?? [:]
    }

    /// The form, after checking that it carries this viewer's CSRF token.
    func checkedForm() throws -> [String: String] {
        let form = try form()
        guard let expected = viewer.csrf, let given = form["csrf"], Tokens.same(given, expected) else {
            throw AccessDenied(status: .forbidden, message: "the form's security token is missing or stale: reload the page and try again")
        }
        return form
    }

    /// The JSON body of an API write. A bearer token is enough; a cookie session (or the open
    /// mode) must also send its CSRF token in `X-CSRF-Token` (`GET /api/v1/session` gives it).
    func apiBody<T: Decodable>(_ type: T.Type) throws -> T {
        try checkAPIWrite()
        guard headers.contentType == .json else { throw BadRequest(message: "expected a JSON body (Content-Type: application/json)") }
        do {
            return try content.decode(T.self, using: API.decoder)
        } catch let DecodingError.keyNotFound(key, _) {
            throw BadRequest(message: "the body has no \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw BadRequest(message: "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        } catch {
            throw BadRequest(message: "the body is not JSON this endpoint takes")
        }
    }

    func checkAPIWrite() throws {
        guard !viewer.bearer else { return }
        guard let expected = viewer.csrf, let given = headers.first(name: "X-CSRF-Token"), Tokens.same(given, expected) else {
            throw AccessDenied(status: .forbidden, message: "send the session's CSRF token in X-CSRF-Token (GET /api/v1/session), or sign in with a bearer token (POST /api/v1/sessions)")
        }
    }
}

enum Tokens {
    static let cookie = "bc_session"

    static func random() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares in time that does not depend on where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

/// Finds the viewer of each request (from its session cookie, or the open mode's user).
struct Authentication: AsyncMiddleware {
    let mode: AccessMode
    let store: Store
    let openCSRF: String

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch mode {
        case .open:
            request.storage[ViewerKey.self] = Viewer(user: User(id: 0, name: "local", role: .admin, createdAt: ""), csrf: openCSRF, open: true)
        case .accounts:
            if let bearer = request.headers.bearerAuthorization?.token {
                // A client that names a token means to use it: a stale one is refused, not ignored.
                guard bearer.count <= 100, let session = try await store.session(tokenHash: Tokens.hash(bearer)) else {
                    throw AccessDenied(status: .unauthorized, message: "the bearer token is unknown or has expired: sign in again (POST /api/v1/sessions)")
                }
                request.storage[ViewerKey.self] = Viewer(user: session.user, csrf: session.csrf, open: false, bearer: true)
            } else if let token = request.cookies[Tokens.cookie]?.string, token.count <= 100,
               let session = try await store.session(tokenHash: Tokens.hash(token)) {
                request.storage[ViewerKey.self] = Viewer(user: session.user, csrf: session.csrf, open: false)
            } else {
                // Anonymous visitors get a token too, for the sign-in form.
                request.storage[ViewerKey.self] = Viewer(user: nil, csrf: nil, open: false)
            }
        }
        return try await next.respond(to: request)
    }
}

/// At most `limit` failed sign-ins per address and per user name in `window` seconds.
final class LoginThrottle: @unchecked Sendable {
    let limit: Int
    let window: TimeInterval
    private let lock = NIOLock()
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before the next try, or nil when a try is allowed.
    func wait(for keys: [String], now: Date = Date()) -> Int? {
        lock.withLock {
            var longest: TimeInterval?
            for key in keys {
                let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
                failures[key] = recent
                if recent.count >= limit, let oldest = recent.first {
                    longest = max(longest ?? 0, window - now.timeIntervalSince(oldest))
                }
            }
            return longest.map { Int($0.rounded(.up)) }
        }
    }

    func failed(_ keys: [String], now: Date = Date()) {
        lock.withLock { for key in keys { failures[key, default: []].append(now) } }
    }

    func succeeded(_ keys: [String]) {
        lock.withLock { for key in keys { failures[key] = nil } }
    }
}
