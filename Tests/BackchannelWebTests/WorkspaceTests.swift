@testable import BackchannelStore
import BackchannelTestSupport
@testable import BackchannelWeb
import Foundation
import Testing
import VaporTesting

/// A browser's view of one session: its cookies, and the last page's CSRF token.
struct Browser {
    var cookies: [String: String] = [:]

    var cookieHeader: HTTPHeaders {
        var h = HTTPHeaders()
        if !cookies.isEmpty { h.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        return h
    }

    mutating func keep(_ headers: HTTPHeaders) {
        for value in headers[.setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
    }

    static func csrf(in html: String) -> String? {
        guard let r = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    mutating func get(_ app: Application, _ path: String, headers extra: HTTPHeaders = [:]) async throws -> (HTTPStatus, HTTPHeaders, String) {
        var result: (HTTPStatus, HTTPHeaders, String) = (.internalServerError, [:], "")
        var headers = cookieHeader
        for (k, v) in extra { headers.add(name: k, value: v) }
        try await app.testing().test(.GET, path, headers: headers) { res async in result = (res.status, res.headers, res.body.string) }
        keep(result.1)
        return result
    }

    mutating func post(_ app: Application, _ path: String, _ form: [String: String], headers extra: HTTPHeaders = [:]) async throws -> (HTTPStatus, HTTPHeaders, String) {
        var result: (HTTPStatus, HTTPHeaders, String) = (.internalServerError, [:], "")
        var headers = cookieHeader
        headers.contentType = .urlEncodedForm
        for (k, v) in extra { headers.add(name: k, value: v) }
        let body = form.map { "\(urlEncode($0.key))=\(urlEncode($0.value))" }.joined(separator: "&")
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { res async in
            result = (res.status, res.headers, res.body.string)
        }
        keep(result.1)
        return result
    }

    /// Signs in through the form, as a browser would.
    mutating func signIn(_ app: Application, _ name: String, _ password: String = "correct horse battery", headers: HTTPHeaders = [:]) async throws -> (HTTPStatus, HTTPHeaders, String) {
        let (_, _, page) = try await get(app, "/login")
        return try await post(app, "/login", ["csrf": Self.csrf(in: page) ?? "", "name": name, "password": password], headers: headers)
    }
}

@Suite("analyst workspace: accounts, authorisation, notes", .serialized)
struct WorkspaceTests {
    struct World {
        let store: Store
        let article: Int, event: Int, actor: Int
    }

    static func world() async throws -> World {
        let store = try await Store.open(.sqlite(path: ":memory:"))
        var a = ArticleBuilder(url: "https://wire.example/talks", published: "2025-04-11", title: "Envoy meets president",
                               text: "Envoy Ann Example met President Bo Sample in Exampleton on Friday.")
        let ann = a.entity("Ann Example", .person, roles: ["Envoy"]), bo = a.entity("Bo Sample", .person)
        a.event(.consult, actors: [ann], targets: [bo], date: "2025-04-11", sentence: "Envoy Ann Example met President Bo Sample in Exampleton on Friday.", trigger: "met")
        _ = try await store.transaction { try await store.write(a.document, input: nil) }
        for (name, role) in [("ada", AccessRole.admin), ("ana", .analyst), ("rex", .reader)] {
            try await store.addUser(name: name, passwordHash: try Passwords.hash("correct horse battery", cost: 4), role: role)
        }
        return World(store: store, article: try await store.ints("SELECT id FROM articles")[0],
                     event: try await store.ints("SELECT id FROM fused_events")[0], actor: try await store.actorID(named: "Ann Example"))
    }

    static func withWorld(access: AccessMode = .accounts(secureCookies: false), cache: Int = 0, _ body: (Application, World) async throws -> Void) async throws {
        let world = try await world()
        try await withApp(configure: { app in
            try WebApp.configure(app, store: world.store, cacheBytes: cache, cacheCheckInterval: 0, access: access, loginThrottle: (3, 900))
        }) { app in try await body(app, world) }
        try await world.store.close()
    }

    @Test func everyWriteRouteNeedsItsRole() async throws {
        try await Self.withWorld { app, w in
            let routes: [(String, [String: String], AccessRole)] = [
                ("/articles/\(w.article)/notes", ["body": "Check the date."], .analyst),
                ("/events/\(w.event)/notes", ["body": "Second source needed."], .analyst),
                ("/actors/\(w.actor)/notes", ["body": "Also known as A. Example."], .analyst),
                ("/actors/\(w.actor)/rename", ["name": "Ann Example"], .analyst),
                ("/events/\(w.event)/corrections", ["field": "modality", "modality": "asserted"], .analyst),
                ("/admin/users", ["name": "newcomer", "password": "another long one", "role": "reader"], .admin),
                ("/admin/users/role", ["name": "rex", "role": "reader"], .admin),
            ]
            // Anonymous: 401 everywhere.
            var anonymous = Browser()
            for (path, form, _) in routes {
                let (status, _, _) = try await anonymous.post(app, path, form)
                #expect(status == .unauthorized, "anonymous \(path)")
            }
            for (name, role) in [("rex", AccessRole.reader), ("ana", .analyst), ("ada", .admin)] {
                var browser = Browser()
                let (signedIn, _, _) = try await browser.signIn(app, name)
                #expect(signedIn == .seeOther, "\(name) signs in")
                let (_, _, home) = try await browser.get(app, "/")
                let csrf = try #require(Browser.csrf(in: home), "\(name): the sign-out form carries a token")
                for (path, form, needed) in routes {
                    var f = form
                    f["csrf"] = csrf
                    if path == "/admin/users" { f["name"] = "new\(name)" }
                    let (status, _, _) = try await browser.post(app, path, f)
                    #expect(status == (role >= needed ? .seeOther : .forbidden), "\(name) \(path): \(status)")
                }
            }
            // What was allowed happened, and only that: two analysts' rounds of three notes; one new user per admin.
            #expect(try await w.store.count("notes") == 6)
            #expect(try await w.store.users().map(\.name).sorted() == ["ada", "ana", "newada", "rex"])
        }
    }

    @Test func aFormWithoutItsTokenChangesNothing() async throws {
        try await Self.withWorld { app, w in
            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (missing, _, page) = try await analyst.post(app, "/articles/\(w.article)/notes", ["body": "forged"])
            #expect(missing == .forbidden)
            #expect(page.contains("security token"))
            // Another session's token is no better.
            var other = Browser()
            _ = try await other.signIn(app, "ada")
            let (_, _, adminPage) = try await other.get(app, "/")
            let (foreign, _, _) = try await analyst.post(app, "/articles/\(w.article)/notes", ["body": "forged", "csrf": Browser.csrf(in: adminPage)!])
            #expect(foreign == .forbidden)
            // A sign-in form posted from elsewhere (no login cookie) is refused too.
            var stranger = Browser()
            let (login, _, _) = try await stranger.post(app, "/login", ["name": "ana", "password": "correct horse battery", "csrf": "made-up"])
            #expect(login == .forbidden)
            #expect(try await w.store.count("notes") == 0)
        }
    }

    @Test func signingInSetsASafeCookieAndSigningOutEndsIt() async throws {
        try await Self.withWorld { app, _ in
            var browser = Browser()
            let (status, headers, _) = try await browser.signIn(app, "ana")
            #expect(status == .seeOther)
            #expect(headers.first(name: .location) == "/")
            let cookie = try #require(headers[.setCookie].first { $0.hasPrefix("bc_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let (_, _, home) = try await browser.get(app, "/")
            #expect(home.contains("ana · analyst"))
            _ = try await browser.post(app, "/logout", ["csrf": Browser.csrf(in: home)!])
            let (_, _, after) = try await browser.get(app, "/")
            #expect(after.contains("href=\"/login\""))
            #expect(!after.contains("ana · analyst"))

            // Behind a TLS proxy the cookie is Secure; the redirect stays on this site.
            var secure = Browser()
            let (_, _, page) = try await secure.get(app, "/login?next=//evil.example/x")
            let (_, tls, _) = try await secure.post(app, "/login", ["csrf": Browser.csrf(in: page)!, "name": "ana", "password": "correct horse battery", "next": "//evil.example/x"],
                                                   headers: ["X-Forwarded-Proto": "https"])
            #expect(tls[.setCookie].contains { $0.hasPrefix("bc_session=") && $0.contains("Secure") })
            #expect(tls.first(name: .location) == "/")
        }
    }

    @Test func failedSignInsAreLimited() async throws {
        try await Self.withWorld { app, _ in
            var browser = Browser()
            for _ in 0..<3 {
                let (status, _, page) = try await browser.signIn(app, "ana", "wrong password!!")
                #expect(status == .unauthorized)
                #expect(page.contains("wrong name or password"))
            }
            // The limit (three here) reached: even the right password waits.
            let (limited, _, page) = try await browser.signIn(app, "ana")
            #expect(limited == .tooManyRequests)
            #expect(page.contains("too many failed sign-ins"))
            // The address is limited as well as the name: another name from it waits too.
            let (sameAddress, _, _) = try await Browser().signIn_(app, "ada")
            #expect(sameAddress == .tooManyRequests)
        }
    }

    @Test func notesAreForAnalystsAndShownAsText() async throws {
        try await Self.withWorld { app, w in
            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, page) = try await analyst.get(app, "/articles/\(w.article)")
            #expect(page.contains("Add a note"))
            let token = Browser.csrf(in: page)!
            let (empty, _, _) = try await analyst.post(app, "/articles/\(w.article)/notes", ["csrf": token, "body": "   "])
            #expect(empty == .badRequest)
            let (long, _, _) = try await analyst.post(app, "/articles/\(w.article)/notes", ["csrf": token, "body": String(repeating: "x", count: 5001)])
            #expect(long == .badRequest)
            let (missing, _, _) = try await analyst.post(app, "/articles/99999/notes", ["csrf": token, "body": "lost"])
            #expect(missing == .notFound)
            #expect(try await w.store.count("notes") == 0)
            let (ok, headers, _) = try await analyst.post(app, "/articles/\(w.article)/notes", ["csrf": token, "body": "<script>alert(1)</script> Check the date."])
            #expect(ok == .seeOther)
            #expect(headers.first(name: .location) == "/articles/\(w.article)#notes")
            let (_, _, after) = try await analyst.get(app, "/articles/\(w.article)")
            #expect(after.contains("&lt;script&gt;alert(1)&lt;/script&gt; Check the date."))
            #expect(after.contains("ana ·"))
            // Readers and visitors see no notes.
            var reader = Browser()
            _ = try await reader.signIn(app, "rex")
            let (_, _, readerPage) = try await reader.get(app, "/articles/\(w.article)")
            #expect(!readerPage.contains("Check the date."))
            let (_, _, visitorPage) = try await Browser().get_(app, "/articles/\(w.article)")
            #expect(!visitorPage.contains("Check the date."))
        }
    }

    @Test func theCacheNeverServesOnePersonsPageToAnother() async throws {
        try await Self.withWorld(cache: 1 << 20) { app, w in
            let (_, _, first) = try await Browser().get_(app, "/articles/\(w.article)")
            #expect(!first.contains("Add a note"))
            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, mine) = try await analyst.get(app, "/articles/\(w.article)")
            #expect(mine.contains("Add a note"))
            #expect(mine.contains("ana · analyst"))
            let (_, _, again) = try await Browser().get_(app, "/articles/\(w.article)")
            #expect(!again.contains("ana · analyst"))
        }
    }

    @Test func adminFormsCheckTheirInput() async throws {
        try await Self.withWorld { app, w in
            var admin = Browser()
            _ = try await admin.signIn(app, "ada")
            let (_, _, page) = try await admin.get(app, "/admin/users")
            let token = Browser.csrf(in: page)!
            for (form, message) in [(["name": "bob", "password": "short", "role": "analyst"], "at least 10 characters"),
                                    (["name": "b", "password": "long enough password", "role": "analyst"], "2 to 40"),
                                    (["name": "ana", "password": "long enough password", "role": "analyst"], "already a user"),
                                    (["name": "bob", "password": "long enough password", "role": "king"], "one of reader, analyst, admin"),
                                    (["name": "bob", "password": "long enough password", "role": "reader", "email": "bob at example"], "not an e-mail address")] {
                var f = form
                f["csrf"] = token
                let (status, _, body) = try await admin.post(app, "/admin/users", f)
                #expect(status == .badRequest, "\(form)")
                #expect(body.contains(message), "\(form): \(message)")
            }
            #expect(try await w.store.users().count == 3)
            let (last, _, body) = try await admin.post(app, "/admin/users/role", ["csrf": token, "name": "ada", "role": "reader"])
            #expect(last == .badRequest)
            #expect(body.contains("last admin"))

            // E-mail addresses for digests: given with a new user, changed, refused when wrong, removed.
            let (added, _, _) = try await admin.post(app, "/admin/users", ["csrf": token, "name": "bob", "password": "long enough password", "role": "reader", "email": "bob@example.org"])
            #expect(added == .seeOther)
            #expect(try await w.store.emails() == ["bob": "bob@example.org"])
            let (wrong, _, message) = try await admin.post(app, "/admin/users/email", ["csrf": token, "name": "rex", "email": "rex@"])
            #expect(wrong == .badRequest && message.contains("not an e-mail address"))
            let (set, _, _) = try await admin.post(app, "/admin/users/email", ["csrf": token, "name": "rex", "email": "rex@example.org"])
            #expect(set == .seeOther)
            let (cleared, _, _) = try await admin.post(app, "/admin/users/email", ["csrf": token, "name": "bob", "email": ""])
            #expect(cleared == .seeOther)
            #expect(try await w.store.emails() == ["rex": "rex@example.org"])
            let (_, _, listed) = try await admin.get(app, "/admin/users")
            #expect(listed.contains("value=\"rex@example.org\""))
            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, home) = try await analyst.get(app, "/")
            let (refused, _, _) = try await analyst.post(app, "/admin/users/email", ["csrf": Browser.csrf(in: home)!, "name": "ana", "email": "ana@example.org"])
            #expect(refused == .forbidden)
        }
    }

    @Test func openModeNeedsNoSignInButStillATokenPerForm() async throws {
        try await Self.withWorld(access: .open) { app, w in
            var me = Browser()
            let (_, _, page) = try await me.get(app, "/events/\(w.event)")
            #expect(page.contains("Open mode"))
            #expect(page.contains("Add a note"))
            let (forged, _, _) = try await me.post(app, "/events/\(w.event)/notes", ["body": "no token"])
            #expect(forged == .forbidden)
            let (ok, _, _) = try await me.post(app, "/events/\(w.event)/notes", ["body": "Seen in two wires.", "csrf": Browser.csrf(in: page)!])
            #expect(ok == .seeOther)
            #expect(try await w.store.notes(on: .event, id: w.event).map(\.author) == ["local"])
        }
    }

    @Test func passwordsAreHashedWithBcrypt() throws {
        let hash = try Passwords.hash("correct horse battery", cost: 4)
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(Passwords.verify("correct horse battery", hash: hash))
        #expect(!Passwords.verify("correct horse batterY", hash: hash))
        #expect(throws: StoreError.self) { try Passwords.hash("short") }
    }
}

extension Browser {
    /// A request from a fresh browser (no cookies kept).
    func get_(_ app: Application, _ path: String) async throws -> (HTTPStatus, HTTPHeaders, String) {
        var copy = self
        return try await copy.get(app, path)
    }

    func signIn_(_ app: Application, _ name: String) async throws -> (HTTPStatus, HTTPHeaders, String) {
        var copy = self
        return try await copy.signIn(app, name)
    }
}

@Suite("event corrections", .serialized)
struct EventCorrectionTests {
    static func talks(_ extra: String = "") -> ArticleBuilder {
        var a = ArticleBuilder(url: "https://wire.example/corrected", published: "2025-04-11", title: "Envoy meets president",
                               text: "Envoy Ann Example met President Bo Sample in Exampleton on Friday." + extra)
        let ann = a.entity("Ann Example", .person, roles: ["Envoy"]), bo = a.entity("Bo Sample", .person)
        a.entity("Exampleton", .gpe)
        a.event(.consult, actors: [ann], targets: [bo], date: "2025-04-11", sentence: "Envoy Ann Example met President Bo Sample in Exampleton on Friday.", trigger: "met")
        return a
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func placeAndDateCorrectionsHoldToo(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        _ = try await store.transaction { try await store.write(Self.talks().document, input: nil) }
        let event = try await store.ints("SELECT id FROM fused_events")[0]
        let town = try await store.actorID(named: "Exampleton"), ann = try await store.actorID(named: "Ann Example")
        await #expect(throws: StoreError.self) { try await store.correctEvent(event, .place(ann), by: "ana") }
        try await store.correctEvent(event, .place(town), by: "ana")
        try await store.correctEvent(event, .date("2025-04-10"), by: "ana")
        _ = try await store.transaction { try await store.write(Self.talks(" More later.").document, input: nil) }
        let card = try #require(try await store.eventList(limit: 5, offset: 0).items.first)
        #expect(card.place?.id == town)
        #expect(card.day == "2025-04-10" && card.dateGranularity == "day")
        var lines: [String] = []
        try await store.export(.events, format: .plover) { lines.append($0) }
        #expect(lines.count == 1 && lines[0].contains("\"event_loc\":{\"name\":\"Exampleton\"}") && lines[0].contains("2025-04-10"))
        #expect(EventCorrection(field: "date", value: "2025-02-30") == nil || EventCorrection(field: "date", value: "2025-13-01") == nil)
        #expect(EventCorrection(field: "place", value: "-3") == nil)
        try await store.close()
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func correctionsHoldInExportsAndAfterTheArticleIsReadAgain(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        _ = try await store.transaction { try await store.write(Self.talks().document, input: nil) }
        let event = try await store.ints("SELECT id FROM fused_events")[0]
        try await store.correctEvent(event, .type("AGREE"), by: "ana")
        try await store.correctEvent(event, .modality("planned"), by: "ada")
        var lines: [String] = []
        try await store.export(.events, format: .jsonl) { lines.append($0) }
        #expect(lines.count == 1 && lines[0].contains("\"AGREE\""))
        let trail = try await store.eventDetail(event).corrections
        #expect(trail.map(\.user) == ["ana", "ada"])
        #expect(trail.map(\.field) == ["type", "modality"])

        // The same article again: nothing changes. A new version (one more sentence): its
        // events are read anew, and the corrections apply to them again.
        _ = try await store.transaction { try await store.write(Self.talks().document, input: nil) }
        _ = try await store.transaction { try await store.write(Self.talks(" Talks go on.").document, input: nil) }
        let after = try await store.ints("SELECT id FROM fused_events")
        #expect(after.count == 1)
        let detail = try await store.eventDetail(after[0])
        #expect(detail.event.type == "AGREE")
        #expect(detail.reports.map(\.modality) == ["planned"])
        #expect(detail.corrections.count == 2)

        // Rejected: gone from lists and exports, still on its own page.
        try await store.correctEvent(after[0], .reject, by: "ana")
        #expect(try await store.eventList(limit: 10, offset: 0).items.isEmpty)
        var none: [String] = []
        try await store.export(.events, format: .plover) { none.append($0) }
        #expect(none.isEmpty)
        #expect(try await store.eventDetail(after[0]).status == "rejected")
        _ = try await store.transaction { try await store.write(Self.talks(" Talks go on. Again.").document, input: nil) }
        #expect(try await store.eventList(limit: 10, offset: 0).items.isEmpty, "still rejected after a new version")
        await #expect(throws: StoreError.self) { try await store.correctEvent(999_999, .reject, by: "ana") }
        try await store.close()
    }

    @Test func analystsCorrectFromTheEventPage() async throws {
        let store = try await Store.open(.sqlite(path: ":memory:"))
        _ = try await store.transaction { try await store.write(Self.talks().document, input: nil) }
        for (name, role) in [("ana", AccessRole.analyst), ("rex", .reader)] {
            try await store.addUser(name: name, passwordHash: try Passwords.hash("correct horse battery", cost: 4), role: role)
        }
        let event = try await store.ints("SELECT id FROM fused_events")[0]
        try await withApp(configure: { app in try WebApp.configure(app, store: store) }) { app in
            var reader = Browser()
            _ = try await reader.signIn(app, "rex")
            let (_, _, readerPage) = try await reader.get(app, "/events/\(event)")
            #expect(!readerPage.contains("Change type"))
            let (refused, _, _) = try await reader.post(app, "/events/\(event)/corrections", ["csrf": Browser.csrf(in: readerPage)!, "field": "reject"])
            #expect(refused == .forbidden)

            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, page) = try await analyst.get(app, "/events/\(event)")
            #expect(page.contains("Change type"))
            let token = Browser.csrf(in: page)!
            let (bad, _, message) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "type", "type": "PARTY"])
            #expect(bad == .badRequest)
            #expect(message.contains("a correction is a PLOVER type"))
            let (noToken, _, _) = try await analyst.post(app, "/events/\(event)/corrections", ["field": "reject"])
            #expect(noToken == .forbidden)
            #expect(try await store.count("event_corrections") == 0)
            let (ok, _, _) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "type", "type": "DEMAND"])
            #expect(ok == .seeOther)
            let (_, _, after) = try await Browser().get_(app, "/events/\(event)")
            #expect(after.contains("ana set the type to DEMAND"))
            #expect(after.contains("<h1>DEMAND:"))
            let (placed, _, _) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "place", "place": "Exampleton"])
            #expect(placed == .seeOther)
            let (notPlace, _, _) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "place", "place": "Bo Sample"])
            #expect(notPlace == .badRequest)
            let (dated, _, _) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "date", "date": "2025-04-09"])
            #expect(dated == .seeOther)
            let (_, _, moved) = try await Browser().get_(app, "/events/\(event)")
            #expect(moved.contains("9 Apr 2025") && moved.contains("set the place to"))
            let (rejected, _, _) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "reject"])
            #expect(rejected == .seeOther)
            let (_, _, gone) = try await Browser().get_(app, "/events/\(event)")
            #expect(gone.contains("<p class=\"error\">An analyst rejected this event"))
            #expect(gone.contains("ana rejected the event"))
            let (_, _, list) = try await Browser().get_(app, "/events")
            #expect(!list.contains("href=\"/events/\(event)\""))
        }
        try await store.close()
    }
}

@Suite("watchlists", .serialized)
struct WatchlistTests {
    @Test func followingGivesAFeedOfTheEvents() async throws {
        try await WorkspaceTests.withWorld { app, w in
            var reader = Browser()
            _ = try await reader.signIn(app, "rex")
            let (_, _, actorPage) = try await reader.get(app, "/actors/\(w.actor)")
            #expect(actorPage.contains(">Follow</button>"))
            let token = Browser.csrf(in: actorPage)!
            let (bad, _, message) = try await reader.post(app, "/watchlists", ["csrf": token, "name": "Nothing", "actors": "", "q": ""])
            #expect(bad == .badRequest)
            #expect(message.contains("follows actors, words or both"))
            let (unknown, _, _) = try await reader.post(app, "/watchlists", ["csrf": token, "name": "Ghost", "actors": "Nobody Known"])
            #expect(unknown == .badRequest)
            let (ok, _, _) = try await reader.post(app, "/watchlists", ["csrf": token, "name": "Ann <Example>", "actors": "\(w.actor)"])
            #expect(ok == .seeOther)
            let list = try await w.store.watchlists(owner: "rex")
            #expect(list.count == 1)

            // The feed: Atom, one entry per event of the actor, names escaped.
            var feed = ""
            try await app.testing().test(.GET, "/feeds/\(list[0].token)") { res async in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "atom+xml")
                feed = res.body.string
            }
            #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>"))
            #expect(feed.contains("<title>Backchannel: Ann &lt;Example&gt;</title>"))
            #expect(feed.components(separatedBy: "<entry>").count - 1 == 1)
            #expect(feed.contains("<link href=\"/events/\(w.event)\"/>"))
            try await app.testing().test(.GET, "/feeds/not-a-token") { res async in #expect(res.status == .notFound) }

            // Another user neither sees nor removes it; anonymous visitors may not follow.
            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, theirs) = try await analyst.get(app, "/watchlists")
            #expect(!theirs.contains("Ann &lt;Example&gt;"))
            let (refused, _, _) = try await analyst.post(app, "/watchlists/\(list[0].id)/delete", ["csrf": Browser.csrf(in: theirs)!])
            #expect(refused == .notFound)
            var stranger = Browser()
            let (anonymous, _, _) = try await stranger.post(app, "/watchlists", ["name": "x", "q": "talks"])
            #expect(anonymous == .unauthorized)
            let (_, _, mine) = try await reader.get(app, "/watchlists")
            let (removed, _, _) = try await reader.post(app, "/watchlists/\(list[0].id)/delete", ["csrf": Browser.csrf(in: mine)!])
            #expect(removed == .seeOther)
            #expect(try await w.store.watchlists(owner: "rex").isEmpty)
        }
    }
}

@Suite("publishing", .serialized)
struct PublishingTests {
    static let markdown = """
        ## Where the talks stand

        Envoy Ann Example met President Bo Sample in Exampleton on Friday, and both sides said the
        **next round** would follow within weeks.

        - The ceasefire line is still disputed.
        - Prisoner exchanges continue.

        <script>alert("x")</script>
        """

    @Test func anAnalystsPieceBecomesAnArticleWithItsFacts() async throws {
        try await WorkspaceTests.withWorld { app, w in
            var reader = Browser()
            _ = try await reader.signIn(app, "rex")
            let (_, _, home) = try await reader.get(app, "/")
            let (refused, _, _) = try await reader.post(app, "/publish", ["csrf": Browser.csrf(in: home)!, "title": "No", "body": Self.markdown])
            #expect(refused == .forbidden)

            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, form) = try await analyst.get(app, "/publish")
            let token = Browser.csrf(in: form)!
            let (empty, _, message) = try await analyst.post(app, "/publish", ["csrf": token, "title": "", "body": Self.markdown])
            #expect(empty == .badRequest)
            #expect(message.contains("the title is 1 to 200 characters"))
            let (badImage, _, _) = try await analyst.post(app, "/publish", ["csrf": token, "title": "T", "body": Self.markdown, "image": "javascript:alert(1)"])
            #expect(badImage == .badRequest)
            #expect(try await w.store.count("pieces") == 0)
            let before = try await w.store.count("articles")

            let (ok, headers, _) = try await analyst.post(app, "/publish", [
                "csrf": token, "title": "Exampleton talks: what comes next", "body": Self.markdown, "categories": "Analysis, Diplomacy",
                "image": "https://img.example/talks.jpg", "caption": "The talks venue", "credit": "Jo Lens/Example Images",
            ])
            #expect(ok == .seeOther)
            let location = try #require(headers.first(name: .location))
            let id = try #require(Int(location.replacingOccurrences(of: "/articles/", with: "")))
            #expect(try await w.store.count("articles") == before + 1)
            let article = try await w.store.articleDetail(id)
            #expect(article.title == "Exampleton talks: what comes next")
            #expect(article.authors == ["ana"])
            #expect(article.site == Publishing.siteName)
            #expect(article.categories.contains("Analysis"))
            #expect(article.images.first?.credit == "Jo Lens/Example Images")
            #expect(article.text.contains("Where the talks stand"))
            #expect(!article.text.contains("##") && !article.text.contains("**"))
            #expect(!article.text.contains("alert"), "HTML inside the Markdown is not text of the piece")
            // The same analysis as ingested news: the envoy is the actor already known.
            #expect(article.entities.contains { $0.actor?.id == w.actor })
            let (_, _, page) = try await Browser().get_(app, location)
            #expect(page.contains("Exampleton talks: what comes next"))
            #expect(!page.contains("<script"))
        }
    }

    @Test func piecesAreEditedByTheirAuthorOrAnAdmin() async throws {
        try await WorkspaceTests.withWorld { app, w in
            try await w.store.addUser(name: "bea", passwordHash: try Passwords.hash("correct horse battery", cost: 4), role: .analyst)
            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, form) = try await analyst.get(app, "/publish")
            let token = Browser.csrf(in: form)!
            let (_, headers, _) = try await analyst.post(app, "/publish", ["csrf": token, "title": "Exampleton talks", "body": Self.markdown,
                                                                          "categories": "Analysis", "credit": "Jo Lens"])
            let location = try #require(headers.first(name: .location))
            let articleID = try #require(Int(location.replacingOccurrences(of: "/articles/", with: "")))
            let piece = try #require(try await w.store.piece(ofArticle: articleID))
            let ana = try await w.store.user(named: "ana")
            try await w.store.addNote(on: .article, id: articleID, by: ana, body: "Check the second paragraph.")
            let published = try await w.store.articleDetail(articleID).published

            let (_, _, page) = try await analyst.get(app, location)
            #expect(page.contains("href=\"/pieces/\(piece.id)/edit\""))
            let (_, _, editPage) = try await analyst.get(app, "/pieces/\(piece.id)/edit")
            #expect(editPage.contains("Where the talks stand") && editPage.contains("value=\"Analysis\""), "the form holds the piece as written")

            // Another analyst and a reader may not; the author's bad input changes nothing.
            for name in ["bea", "rex"] {
                var other = Browser()
                _ = try await other.signIn(app, name)
                let (status, _, _) = try await other.get(app, "/pieces/\(piece.id)/edit")
                #expect(status == .forbidden, "\(name)")
                let (_, _, home) = try await other.get(app, "/")
                let (posted, _, _) = try await other.post(app, "/pieces/\(piece.id)/edit", ["csrf": Browser.csrf(in: home)!, "title": "Mine now", "body": Self.markdown])
                #expect(posted == .forbidden, "\(name)")
            }
            let (bad, _, message) = try await analyst.post(app, "/pieces/\(piece.id)/edit", ["csrf": token, "title": "", "body": Self.markdown])
            #expect(bad == .badRequest && message.contains("the title is 1 to 200 characters"))
            #expect(try await w.store.articleDetail(articleID).title == "Exampleton talks")

            let revised = Self.markdown.replacingOccurrences(of: "Where the talks stand", with: "Where the talks stood on Friday")
            let (saved, savedAt, _) = try await analyst.post(app, "/pieces/\(piece.id)/edit", ["csrf": token, "title": "Exampleton talks, revised", "body": revised])
            #expect(saved == .seeOther && savedAt.first(name: .location) == location, "the same article, not a new one")
            let article = try await w.store.articleDetail(articleID)
            #expect(article.title == "Exampleton talks, revised")
            #expect(article.text.contains("Where the talks stood on Friday"))
            #expect(article.published == published, "an edit keeps the first publication date")
            #expect(try await w.store.count("pieces") == 1)
            #expect(try await w.store.notes(on: .article, id: articleID).count == 1, "notes stay")
            #expect(try await w.store.searchArticles(SearchQuery(text: "stood", limit: 5)).map(\.id) == [articleID])

            var admin = Browser()
            _ = try await admin.signIn(app, "ada")
            let (_, _, adminEdit) = try await admin.get(app, "/pieces/\(piece.id)/edit")
            // A new title alone is an edit too.
            let (adminSaved, _, _) = try await admin.post(app, "/pieces/\(piece.id)/edit", ["csrf": Browser.csrf(in: adminEdit)!, "title": "Exampleton talks: the desk's title",
                                                                                         "body": revised])
            #expect(adminSaved == .seeOther)
            #expect(try await w.store.articleDetail(articleID).title == "Exampleton talks: the desk's title")
            let (_, _, after) = try await Browser().get_(app, location)
            #expect(after.contains("by ada.") && after.contains("Edited "))
            #expect(try await w.store.piece(piece.id).author == "ana", "the byline stays the author's")
            #expect(try await w.store.articleDetail(articleID).authors == ["ana"])
        }
    }
}

@Suite("comments", .serialized)
struct CommentTests {
    @Test func readersCommentOnPiecesAndAnalystsModerate() async throws {
        try await WorkspaceTests.withWorld(cache: 1 << 20) { app, w in
            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, form) = try await analyst.get(app, "/publish")
            let (_, headers, _) = try await analyst.post(app, "/publish", ["csrf": Browser.csrf(in: form)!, "title": "A piece to discuss",
                                                                          "body": PublishingTests.markdown])
            let piece = try #require(headers.first(name: .location))

            // Readers comment; the comment waits, seen only by its author.
            var reader = Browser()
            _ = try await reader.signIn(app, "rex")
            let (_, _, page) = try await reader.get(app, piece)
            let token = Browser.csrf(in: page)!
            let (empty, _, _) = try await reader.post(app, piece + "/comments", ["csrf": token, "body": " "])
            #expect(empty == .badRequest)
            let (notPiece, _, _) = try await reader.post(app, "/articles/\(w.article)/comments", ["csrf": token, "body": "Hello"])
            #expect(notPiece == .notFound)
            let (forged, _, _) = try await reader.post(app, piece + "/comments", ["body": "No token"])
            #expect(forged == .forbidden)
            let (ok, _, _) = try await reader.post(app, piece + "/comments", ["csrf": token, "body": "Useful, <b>thanks</b>."])
            #expect(ok == .seeOther)
            let (_, _, own) = try await reader.get(app, piece)
            #expect(own.contains("waiting for moderation"))
            let (_, _, publicBefore) = try await Browser().get_(app, piece)
            #expect(!publicBefore.contains("Useful, &lt;b&gt;thanks&lt;/b&gt;."))

            // Readers cannot moderate; analysts can, and the comment then shows to everyone.
            let comment = try await w.store.pendingComments()[0]
            let (refused, _, _) = try await reader.post(app, "/comments/\(comment.id)/approve", ["csrf": token])
            #expect(refused == .forbidden)
            let (_, _, queue) = try await analyst.get(app, "/moderation")
            #expect(queue.contains("Useful, &lt;b&gt;thanks&lt;/b&gt;."))
            let (approved, _, _) = try await analyst.post(app, "/comments/\(comment.id)/approve", ["csrf": Browser.csrf(in: queue)!])
            #expect(approved == .seeOther)
            let (_, _, publicAfter) = try await Browser().get_(app, piece)
            #expect(publicAfter.contains("Useful, &lt;b&gt;thanks&lt;/b&gt;."))
            #expect(try await w.store.comments(articleID: comment.articleID, states: [.approved]).first?.moderatedBy == "ana")
        }
    }
}
