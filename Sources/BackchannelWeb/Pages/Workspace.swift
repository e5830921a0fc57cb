import BackchannelStore
import Foundation
import Vapor

/// Signing in and out, notes, and user management: the routes that write.
/// Every POST needs the role it names and the viewer's CSRF token.
enum Workspace {
    static func register(_ app: Application, pool: StorePool, mode: AccessMode, throttle: LoginThrottle) {
        app.get("login") { req in try await loginPage(req, message: nil) }
        app.post("login") { req in try await login(req, pool.writer, mode: mode, throttle: throttle) }
        app.post("logout") { req in try await logout(req, pool.writer) }
        for subject in NoteSubject.allCases {
            app.post("\(subject.rawValue)s", ":id", "notes") { req in try await addNote(req, pool.writer, subject: subject) }
        }
        app.post("events", ":id", "corrections") { req in try await correctEvent(req, pool.writer) }
        app.post("actors", ":id", "merge") { req in try await mergeActor(req, pool.writer) }
        app.post("actors", ":id", "split") { req in try await splitActor(req, pool.writer) }
        app.post("actors", ":id", "rename") { req in try await renameActor(req, pool.writer) }
        app.get("admin", "users") { req in try await users(req, pool.next(), message: nil) }
        app.post("admin", "users") { req in try await addUser(req, pool.writer) }
        app.post("admin", "users", "role") { req in try await changeRole(req, pool.writer) }
        app.post("admin", "users", "email") { req in try await changeEmail(req, pool.writer) }
    }

    static func redirect(_ path: String) -> Response {
        let response = Response(status: .seeOther)
        response.headers.replaceOrAdd(name: .location, value: path)
        return response
    }

    /// A local path to go back to after signing in (never another site).
    static func localPath(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.count <= 300 else { return "/" }
        return raw
    }

    // MARK: - signing in

    static func loginPage(_ req: Request, message: String?, status: HTTPResponseStatus = .ok, name: String = "") async throws -> Response {
        // A fresh token in a cookie and in the form (double submit): another site cannot sign a
        // visitor into an account of its choosing.
        let token = Tokens.random()
        let next = localPath(Params(req).values("next").last)
        let error: Markup = message.map { "<p class=\"error\">\($0)</p>" } ?? ""
        let body: Markup = """
            <h1>Sign in</h1>
            \(error)
            <form class="facets" action="/login" method="post">
              <input type="hidden" name="csrf" value="\(token)">
              <input type="hidden" name="next" value="\(next)">
              <label>Name <input name="name" value="\(name)" autocomplete="username" required></label>
              <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            <p class="muted small">Readers need no account. Accounts are made by an admin, on the Users page or with <code>backchannel users add</code>.</p>
            """
        let response = Pages.html(Layout.page(viewer: req.viewer, title: "Sign in", body), status: status)
        response.cookies["bc_login"] = HTTPCookies.Value(string: token, maxAge: 3600, path: "/login", isSecure: false, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    static func login(_ req: Request, _ store: Store, mode: AccessMode, throttle: LoginThrottle) async throws -> Response {
        let form = try req.form()
        guard let expected = req.cookies["bc_login"]?.string, let given = form["csrf"], Tokens.same(expected, given) else {
            throw AccessDenied(status: .forbidden, message: "the sign-in form's security token is missing or stale: reload the page and try again")
        }
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        guard !name.isEmpty, !password.isEmpty, name.count <= 40, password.count <= 200 else {
            return try await loginPage(req, message: "give your name and password", status: .badRequest, name: String(name.prefix(40)))
        }
        let keys = ["address:\(req.remoteAddress?.ipAddress ?? "unknown")", "name:\(name.lowercased())"]
        if let wait = throttle.wait(for: keys) {
            return try await loginPage(req, message: "too many failed sign-ins: try again in \(max(1, (wait + 59) / 60)) minutes",
                                       status: .tooManyRequests, name: name)
        }
        guard let (user, hash) = try await store.passwordHash(ofUser: name), Passwords.verify(password, hash: hash) else {
            throttle.failed(keys)
            return try await loginPage(req, message: "wrong name or password", status: .unauthorized, name: name)
        }
        throttle.succeeded(keys)
        let token = Tokens.random()
        try await store.openSession(userID: user.id, tokenHash: Tokens.hash(token), csrf: Tokens.random())
        let response = redirect(localPath(form["next"]))
        let secure: Bool
        if case .accounts(let always) = mode { secure = always || req.headers.first(name: "X-Forwarded-Proto") == "https" } else { secure = false }
        response.cookies[Tokens.cookie] = HTTPCookies.Value(string: token, maxAge: 14 * 86_400, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    static func logout(_ req: Request, _ store: Store) async throws -> Response {
        _ = try req.checkedForm()
        if let token = req.cookies[Tokens.cookie]?.string { try await store.closeSession(tokenHash: Tokens.hash(token)) }
        let response = redirect("/")
        response.cookies[Tokens.cookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    // MARK: - notes

    static func addNote(_ req: Request, _ store: Store, subject: NoteSubject) async throws -> Response {
        try req.viewer.require(.analyst)
        let form = try req.checkedForm()
        let id = try req.id()
        guard let user = req.viewer.user else { throw AccessDenied(status: .unauthorized, message: "sign in to write notes") }
        _ = try await store.addNote(on: subject, id: id, by: user, body: form["body"] ?? "")
        return redirect("/\(subject.rawValue)s/\(id)#notes")
    }

    /// The notes on a page and the form to add one: for analysts and admins only.
    static func notesSection(_ req: Request, _ store: Store, subject: NoteSubject, id: Int) async throws -> Markup {
        let viewer = req.viewer
        guard viewer.may(.analyst) else { return "" }
        let notes = try await store.notes(on: subject, id: id)
        let list: Markup = notes.isEmpty ? "<p class=\"muted\">No notes yet.</p>" : """
            <ol class="plain notes">\(notes.map { n in
                "<li class=\"hit\"><p class=\"muted small\">\(n.author) · \(Layout.moment(n.createdAt))</p><p>\(n.body)</p></li>"
            })</ol>
            """
        return """
            <section id="notes"><h2>Notes</h2>\(list)
            <form class="note" action="/\(subject.rawValue)s/\(id)/notes" method="post">
              <input type="hidden" name="csrf" value="\(viewer.csrf ?? "")">
              <label for="note-body" class="muted small">Add a note (visible to analysts)</label>
              <textarea id="note-body" name="body" rows="3" maxlength="5000" required></textarea>
              <button type="submit">Add note</button>
            </form></section>
            """
    }

    // MARK: - corrections

    static func correctEvent(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.analyst)
        let form = try req.checkedForm()
        let id = try req.id()
        let field = form["field"] ?? ""
        let value = field == "reject" ? "rejected" : (form[field] ?? form["value"] ?? "").trimmingCharacters(in: .whitespaces)
        let correction = try await eventCorrection(field: field, value: value, store)
        try await store.correctEvent(id, correction, by: req.viewer.user?.name ?? "unknown")
        return redirect("/events/\(id)#corrections")
    }

    /// A correction from a form or the API. Places, actors and targets may be given by any
    /// spelling or by id; actors and targets as a list separated by semicolons or commas.
    static func eventCorrection(field: String, value: String, _ store: Store) async throws -> EventCorrection {
        var value = value
        if field == "place", Int(value) == nil, !value.isEmpty {
            value = String(try await actorIDs(value, field: field, store).first ?? 0)
        } else if field == "actors" || field == "targets" {
            value = try await actorIDs(value, field: field, store).map(String.init).joined(separator: ",")
        }
        guard let correction = EventCorrection(field: field, value: value) else {
            throw BadRequest(message: "\(field.isEmpty ? "field" : field)=\(value): a correction is a PLOVER type, a modality (\(EventCorrection.modalities.joined(separator: ", "))), a place, actors (at least one), targets, a date (YYYY-MM-DD) or a rejection")
        }
        return correction
    }

    /// Actors named in a form field, in order; an unknown name is the form's fault (400).
    static func actorIDs(_ text: String, field: String, _ store: Store) async throws -> [Int] {
        var ids: [Int] = []
        for name in text.split(whereSeparator: { $0 == ";" || $0 == "," }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            do {
                ids.append(try await store.actorID(named: name))
            } catch StoreError.notFound(let message), StoreError.invalid(let message) {
                throw BadRequest(message: "\(field): \(message)")
            }
        }
        return ids
    }

    /// The audit trail of an event (for everyone) and, for analysts, the forms that correct it.
    static func correctionsSection(_ req: Request, detail: EventDetail) -> Markup {
        let trail: Markup = detail.corrections.isEmpty ? "<p class=\"muted\">None: this is the machine's reading.</p>" : """
            <ol class="plain">\(detail.corrections.map { c in
                let what: Markup = c.field == "reject" ? "rejected the event"
                    : c.field == "place" || c.field == "actors" || c.field == "targets"
                    ? "set the \(c.field) to \(c.actors.isEmpty ? "none" : Layout.actorList(c.actors))" : "set the \(c.field) to \(c.value)"
                return "<li>\(c.user) \(what) <span class=\"muted small\">\(Layout.moment(c.createdAt))</span></li>"
            })</ol>
            """
        var forms: Markup = ""
        if req.viewer.may(.analyst) {
            let csrf = req.viewer.csrf ?? ""
            let types: [Markup] = EventStyle.all.map { $0 == detail.event.type ? "<option selected>\($0)</option>" : "<option>\($0)</option>" }
            let modalities: [Markup] = EventCorrection.modalities.map { "<option>\($0)</option>" }
            forms = """
                <div class="correct">
                <form class="inline" action="/events/\(detail.event.id)/corrections" method="post"><input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="field" value="type">
                  <select name="type" aria-label="Event type">\(types)</select> <button type="submit">Change type</button></form>
                <form class="inline" action="/events/\(detail.event.id)/corrections" method="post"><input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="field" value="modality">
                  <select name="modality" aria-label="Modality">\(modalities)</select> <button type="submit">Change modality</button></form>
                <form class="inline" action="/events/\(detail.event.id)/corrections" method="post"><input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="field" value="place">
                  <input name="place" placeholder="Geneva" size="12" aria-label="Place" required> <button type="submit">Change place</button></form>
                <form class="inline" action="/events/\(detail.event.id)/corrections" method="post"><input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="field" value="actors">
                  <input name="actors" value="\(detail.event.actors.map(\.name).joined(separator: "; "))" size="24" aria-label="Actors" required> <button type="submit">Change actors</button></form>
                <form class="inline" action="/events/\(detail.event.id)/corrections" method="post"><input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="field" value="targets">
                  <input name="targets" value="\(detail.event.targets.map(\.name).joined(separator: "; "))" size="24" aria-label="Targets" placeholder="none"> <button type="submit">Change targets</button></form>
                <form class="inline" action="/events/\(detail.event.id)/corrections" method="post"><input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="field" value="date">
                  <input type="date" name="date" aria-label="Date" required> <button type="submit">Change date</button></form>
                \(detail.status == "rejected" ? "" : Markup("<form class=\"inline\" action=\"/events/\(detail.event.id)/corrections\" method=\"post\"><input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\"><input type=\"hidden\" name=\"field\" value=\"reject\"><button type=\"submit\" class=\"danger\">Reject: not a real event</button></form>"))
                </div>
                """
        }
        return "<section id=\"corrections\"><h2>Corrections</h2>\(trail)\(forms)</section>"
    }

    // MARK: - actors

    static func mergeActor(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.analyst)
        let form = try req.checkedForm()
        let id = try req.id()
        let other = try await actorIDs(form["other"] ?? "", field: "other", store)
        guard other.count == 1 else { throw BadRequest(message: "other: name the one actor to merge into this one") }
        try await store.mergeActors(keep: id, absorb: other[0], by: req.viewer.user?.name ?? "unknown")
        return redirect("/actors/\(id)#corrections")
    }

    static func splitActor(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.analyst)
        let form = try req.checkedForm()
        let created = try await store.splitActor(try req.id(), alias: form["alias"] ?? "", by: req.viewer.user?.name ?? "unknown")
        return redirect("/actors/\(created)#corrections")
    }

    static func renameActor(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.analyst)
        let form = try req.checkedForm()
        let id = try req.id()
        try await store.renameActor(id, to: form["name"] ?? "", by: req.viewer.user?.name ?? "unknown")
        return redirect("/actors/\(id)#corrections")
    }

    /// An actor's merges, splits and renames (for everyone) and, for analysts, the forms.
    static func actorCorrectionsSection(_ req: Request, detail: ActorDetail) -> Markup {
        let id = detail.actor.id
        func actorLink(_ other: Int?) -> Markup { other.map { "<a href=\"/actors/\($0)\">actor \($0)</a>" } ?? "an actor" }
        let trail: [Markup] = detail.corrections.map { c in
            let what: Markup
            switch c.kind {
            case "merge": what = c.actorID == id ? "merged \(actorLink(c.otherActorID)) into this actor" : "merged this actor into \(actorLink(c.actorID))"
            case "split": what = c.actorID == id ? "split “\(c.value ?? "")” off as \(actorLink(c.otherActorID))" : "split this actor off \(actorLink(c.actorID)) as “\(c.value ?? "")”"
            default: what = "renamed it “\(c.value ?? "")”"
            }
            return "<li>\(c.user) \(what) <span class=\"muted small\">\(Layout.moment(c.createdAt))</span></li>"
        }
        guard req.viewer.may(.analyst) || !trail.isEmpty else { return "" }
        let list: Markup = trail.isEmpty ? "<p class=\"muted\">None: this is the machine's reading.</p>" : "<ol class=\"plain\">\(trail)</ol>"
        var forms: Markup = ""
        if req.viewer.may(.analyst) {
            let csrf = req.viewer.csrf ?? ""
            let spellings: [Markup] = detail.aliases.map { "<option>\($0)</option>" }
            let split: Markup = detail.aliases.count > 1 ? """
                <form class="inline" action="/actors/\(id)/split" method="post"><input type="hidden" name="csrf" value="\(csrf)">
                  <select name="alias" aria-label="Spelling to split off">\(spellings)</select> <button type="submit">Split off: someone else</button></form>
                """ : ""
            forms = """
                <div class="correct">
                <form class="inline" action="/actors/\(id)/rename" method="post"><input type="hidden" name="csrf" value="\(csrf)">
                  <input name="name" value="\(detail.actor.name)" size="24" aria-label="New name" required> <button type="submit">Rename</button></form>
                <form class="inline" action="/actors/\(id)/merge" method="post"><input type="hidden" name="csrf" value="\(csrf)">
                  <input name="other" placeholder="another actor's name or id" size="24" aria-label="Actor to merge into this one" required> <button type="submit">Merge into this actor</button></form>
                \(split)
                </div>
                """
        }
        return "<section id=\"corrections\"><h2>Corrections</h2>\(list)\(forms)</section>"
    }

    // MARK: - users

    static func users(_ req: Request, _ store: Store, message: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        try req.viewer.require(.admin)
        let csrf = req.viewer.csrf ?? ""
        let roles = AccessRole.allCases.map(\.rawValue)
        func options(_ selected: String) -> [Markup] { roles.map { $0 == selected ? "<option selected>\($0)</option>" : "<option>\($0)</option>" } }
        let emails = try await store.emails()
        let rows: [Markup] = try await store.users().map { u in
            """
            <tr><td>\(u.name)</td><td>\(u.role.rawValue)</td><td>\(Layout.day(u.createdAt))</td><td>
            <form class="inline" action="/admin/users/role" method="post"><input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="name" value="\(u.name)">
            <select name="role" aria-label="Role of \(u.name)">\(options(u.role.rawValue))</select> <button type="submit">Change</button></form></td><td>
            <form class="inline" action="/admin/users/email" method="post"><input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="name" value="\(u.name)">
            <input type="email" name="email" value="\(emails[u.name] ?? "")" placeholder="none" size="22" aria-label="E-mail of \(u.name)"> <button type="submit">Save</button></form></td></tr>
            """
        }
        let body: Markup = """
            <h1>Users</h1>
            \(message.map { "<p class=\"error\">\($0)</p>" } as Markup?)
            <table><thead><tr><th>Name</th><th>Role</th><th>Since</th><th></th><th>E-mail for digests</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>Add a user</h2>
            <form class="facets" action="/admin/users" method="post">
              <input type="hidden" name="csrf" value="\(csrf)">
              <label>Name <input name="name" required></label>
              <label>Password (10 characters or more) <input type="password" name="password" autocomplete="new-password" required></label>
              <label>Role <select name="role">\(options("analyst"))</select></label>
              <label>E-mail (optional, for digests) <input type="email" name="email"></label>
              <button type="submit">Add</button>
            </form>
            """
        return Pages.html(Layout.page(viewer: req.viewer, title: "Users", body), status: status)
    }

    static func addUser(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.admin)
        let form = try req.checkedForm()
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let role = AccessRole(rawValue: form["role"] ?? "") else {
            return try await users(req, store, message: "role: one of reader, analyst, admin", status: .badRequest)
        }
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
        guard email.isEmpty || Store.validEmail(email) else {
            return try await users(req, store, message: "\(email): not an e-mail address", status: .badRequest)
        }
        do {
            let hash = try Passwords.hash(form["password"] ?? "")
            try await store.transaction {
                try await store.addUser(name: name, passwordHash: hash, role: role)
                if !email.isEmpty { try await store.setEmail(ofUser: name, to: email) }
            }
        } catch let error as StoreError {
            return try await users(req, store, message: error.description, status: .badRequest)
        }
        return redirect("/admin/users")
    }

    /// Sets or (when empty) removes a user's address for digests.
    static func changeEmail(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.admin)
        let form = try req.checkedForm()
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            try await store.setEmail(ofUser: form["name"] ?? "", to: email.isEmpty ? nil : email)
        } catch let error as StoreError {
            return try await users(req, store, message: error.description, status: .badRequest)
        }
        return redirect("/admin/users")
    }

    static func changeRole(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.admin)
        let form = try req.checkedForm()
        guard let role = AccessRole(rawValue: form["role"] ?? "") else {
            return try await users(req, store, message: "role: one of reader, analyst, admin", status: .badRequest)
        }
        do {
            try await store.setRole(ofUser: form["name"] ?? "", to: role)
        } catch let error as StoreError {
            return try await users(req, store, message: error.description, status: .badRequest)
        }
        return redirect("/admin/users")
    }
}
