import BackchannelStore
import Foundation
import Vapor

/// The API's writes, behind the same roles as the pages' forms. A client signs in with
/// `POST /api/v1/sessions` and sends `Authorization: Bearer TOKEN`; a browser session (or the
/// open mode) sends its CSRF token in `X-CSRF-Token` instead. Bodies are JSON with snake_case keys.
enum APIWrites {
    struct SignIn: Decodable { var name: String; var password: String }
    struct SessionBody: Encodable { var token: String; var user: String; var role: String; var expiresInDays: Int }
    struct CurrentSession: Encodable { var user: String; var role: String; var csrf: String; var bearer: Bool }
    struct NewNote: Decodable { var subject: String; var id: Int; var body: String }
    struct Correction: Decodable { var field: String; var value: String? }
    struct Merge: Decodable { var other: String }
    struct Split: Decodable { var alias: String }
    struct Rename: Decodable { var name: String }
    struct NewWatchlist: Decodable { var name: String; var actors: [String]?; var query: String? }
    struct PieceBody: Decodable {
        var title: String; var body: String; var categories: [String]?; var image: String?; var caption: String?; var credit: String?
        /// As the publishing form would send it.
        var form: [String: String] {
            ["title": title, "body": body, "categories": (categories ?? []).joined(separator: ", "), "image": image ?? "", "caption": caption ?? "", "credit": credit ?? ""]
        }
    }
    struct NewComment: Decodable { var body: String }
    struct Moderation: Decodable { var approve: Bool }

    static func register(_ app: Application, pool: StorePool, mode: AccessMode, throttle: LoginThrottle) {
        let v1 = app.grouped("api", "v1")
        v1.post("sessions") { req in try await signIn(req, pool.writer, mode: mode, throttle: throttle) }
        v1.get("session") { req in
            try req.viewer.require(.reader)
            let v = req.viewer
            return try API.json(CurrentSession(user: v.user!.name, role: v.user!.role.rawValue, csrf: v.csrf ?? "", bearer: v.bearer))
        }
        v1.delete("session") { req in
            try req.viewer.require(.reader)
            try req.checkAPIWrite()
            let token = req.headers.bearerAuthorization?.token ?? req.cookies[Tokens.cookie]?.string
            if let token, !req.viewer.open { try await pool.writer.closeSession(tokenHash: Tokens.hash(token)) }
            return Response(status: .noContent)
        }
        v1.post("notes") { req in
            try req.viewer.require(.analyst)
            let body = try req.apiBody(NewNote.self)
            guard let subject = NoteSubject(rawValue: body.subject) else { throw BadRequest(message: "subject: one of article, event, actor") }
            let note = try await pool.writer.addNote(on: subject, id: body.id, by: req.viewer.user!, body: body.body)
            return try API.json(note, status: .created)
        }
        v1.post("events", ":id", "corrections") { req in
            try req.viewer.require(.analyst)
            let id = try req.id()
            let body = try req.apiBody(Correction.self)
            let value = body.field == "reject" ? "rejected" : (body.value ?? "").trimmingCharacters(in: .whitespaces)
            let correction = try await Workspace.eventCorrection(field: body.field, value: value, pool.writer)
            try await pool.writer.correctEvent(id, correction, by: req.viewer.user!.name)
            return try API.json(try await pool.writer.eventDetail(id))
        }
        v1.post("actors", ":id", "merge") { req in
            try req.viewer.require(.analyst)
            let id = try req.id()
            let other = try await Workspace.actorIDs(try req.apiBody(Merge.self).other, field: "other", pool.writer)
            guard other.count == 1 else { throw BadRequest(message: "other: name the one actor to merge into this one") }
            try await pool.writer.mergeActors(keep: id, absorb: other[0], by: req.viewer.user!.name)
            return try API.json(try await pool.writer.actorDetail(id))
        }
        v1.post("actors", ":id", "split") { req in
            try req.viewer.require(.analyst)
            let id = try req.id()
            let created = try await pool.writer.splitActor(id, alias: try req.apiBody(Split.self).alias, by: req.viewer.user!.name)
            return try API.json(try await pool.writer.actorDetail(created), status: .created)
        }
        v1.post("actors", ":id", "rename") { req in
            try req.viewer.require(.analyst)
            let id = try req.id()
            try await pool.writer.renameActor(id, to: try req.apiBody(Rename.self).name, by: req.viewer.user!.name)
            return try API.json(try await pool.writer.actorDetail(id))
        }
        registerPublishing(v1, pool: pool)
        v1.get("watchlists") { req in
            try req.viewer.require(.reader)
            return try API.json(try await pool.next().watchlists(owner: req.viewer.user!.name))
        }
        v1.post("watchlists") { req in
            try req.viewer.require(.reader)
            let body = try req.apiBody(NewWatchlist.self)
            let actors = try await Workspace.actorIDs((body.actors ?? []).joined(separator: ";"), field: "actors", pool.writer)
            let list = try await pool.writer.addWatchlist(owner: req.viewer.user!.name, name: body.name, actors: actors, query: body.query, token: Tokens.random())
            return try API.json(list, status: .created)
        }
    }

    /// Publishing, editing and comments, as on the pages.
    static func registerPublishing(_ v1: RoutesBuilder, pool: StorePool) {
        v1.get("pieces") { req in
            try req.viewer.require(.analyst)
            return try API.json(try await pool.next().pieces(author: req.viewer.user!.name))
        }
        v1.post("pieces") { req in
            try req.viewer.require(.analyst)
            let (piece, _) = try await Publishing.publishPiece(try req.apiBody(PieceBody.self).form, author: req.viewer.user!.name, pool.writer)
            return try API.json(piece, status: .created)
        }
        v1.post("pieces", ":id") { req in
            let piece = try await Publishing.editable(req, pool.writer)
            _ = try await Publishing.revise(piece, with: try req.apiBody(PieceBody.self).form, by: req.viewer.user!.name, pool.writer)
            return try API.json(try await pool.writer.piece(piece.id))
        }
        v1.post("articles", ":id", "comments") { req in
            try req.viewer.require(.reader)
            let id = try req.id()
            let comment = try await pool.writer.addComment(articleID: id, author: req.viewer.user!.name, body: try req.apiBody(NewComment.self).body)
            return try API.json(comment, status: .created)
        }
        v1.get("comments") { req in
            try req.viewer.require(.analyst)
            return try API.json(try await pool.next().pendingComments())
        }
        v1.post("comments", ":id", "moderation") { req in
            try req.viewer.require(.analyst)
            let id = try req.id()
            try await pool.writer.moderateComment(id, approve: try req.apiBody(Moderation.self).approve, by: req.viewer.user!.name)
            return Response(status: .noContent)
        }
    }

    static func signIn(_ req: Request, _ store: Store, mode: AccessMode, throttle: LoginThrottle) async throws -> Response {
        guard case .accounts = mode else {
            throw BadRequest(message: "this server runs in open mode: there is nothing to sign in to; send X-CSRF-Token from GET /api/v1/session")
        }
        guard req.headers.contentType == .json else { throw BadRequest(message: "expected a JSON body (Content-Type: application/json)") }
        guard let body = try? req.content.decode(SignIn.self, using: API.decoder), !body.name.isEmpty, !body.password.isEmpty,
              body.name.count <= 40, body.password.count <= 200 else {
            throw BadRequest(message: "give {\"name\": …, \"password\": …}")
        }
        let keys = ["address:\(req.remoteAddress?.ipAddress ?? "unknown")", "name:\(body.name.lowercased())"]
        if let wait = throttle.wait(for: keys) {
            throw AccessDenied(status: .tooManyRequests, message: "too many failed sign-ins: try again in \(max(1, (wait + 59) / 60)) minutes")
        }
        guard let (user, hash) = try await store.passwordHash(ofUser: body.name), Passwords.verify(body.password, hash: hash) else {
            throttle.failed(keys)
            throw AccessDenied(status: .unauthorized, message: "wrong name or password")
        }
        throttle.succeeded(keys)
        let token = Tokens.random()
        try await store.openSession(userID: user.id, tokenHash: Tokens.hash(token), csrf: Tokens.random())
        return try API.json(SessionBody(token: token, user: user.name, role: user.role.rawValue, expiresInDays: 14), status: .created)
    }
}
