import BackchannelStore
import Foundation
import Vapor

/// Readers' comments on the analysts' published pieces, shown once an analyst approves them.
enum CommentPages {
    static func register(_ app: Application, pool: StorePool) {
        app.post("articles", ":id", "comments") { req in try await add(req, pool.writer) }
        app.get("moderation") { req in try await queue(req, pool.next()) }
        app.post("comments", ":id", "approve") { req in try await moderate(req, pool.writer, approve: true) }
        app.post("comments", ":id", "reject") { req in try await moderate(req, pool.writer, approve: false) }
    }

    /// The approved comments of a piece, the viewer's own waiting ones, and the form.
    static func section(_ req: Request, _ store: Store, articleID: Int) async throws -> Markup {
        guard try await store.isPiece(articleID: articleID) else { return "" }
        let viewer = req.viewer
        let approved = try await store.comments(articleID: articleID, states: [.approved])
        var mine: [Comment] = []
        if let user = viewer.user {
            mine = try await store.comments(articleID: articleID, states: [.pending]).filter { $0.author == user.name }
        }
        let items: [Markup] = approved.map { c in "<li class=\"hit\"><p class=\"muted small\">\(c.author) · \(Layout.day(c.createdAt))</p><p>\(c.body)</p></li>" }
        let waiting: [Markup] = mine.map { c in "<li class=\"hit\"><p class=\"muted small\">\(c.author) · waiting for moderation</p><p>\(c.body)</p></li>" }
        let form: Markup = viewer.user == nil
            ? "<p class=\"muted\"><a href=\"/login?next=/articles/\(articleID)\">Sign in</a> to comment.</p>"
            : """
              <form class="note" action="/articles/\(articleID)/comments" method="post"><input type="hidden" name="csrf" value="\(viewer.csrf ?? "")">
              <label for="comment-body" class="muted small">Your comment (shown once an analyst approves it)</label>
              <textarea id="comment-body" name="body" rows="3" maxlength="2000" required></textarea><button type="submit">Comment</button></form>
              """
        return """
            <section id="comments"><h2>Comments</h2>\(items.isEmpty && waiting.isEmpty ? "<p class=\"muted\">No comments yet.</p>" : "<ol class=\"plain\">\(items)\(waiting)</ol>" as Markup)\(form)</section>
            """
    }

    static func add(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.reader)
        let form = try req.checkedForm()
        let id = try req.id()
        try await store.addComment(articleID: id, author: req.viewer.user?.name ?? "local", body: form["body"] ?? "")
        return Workspace.redirect("/articles/\(id)#comments")
    }

    static func queue(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.analyst)
        let csrf = req.viewer.csrf ?? ""
        let pending = try await store.pendingComments()
        let cards = try await store.articleCards(Array(Set(pending.map(\.articleID))))
        var titles: [Int: String] = [:]
        for card in cards { titles[card.id] = card.title ?? "article" }
        let rows: [Markup] = pending.map { c in
            """
            <li class="hit"><p class="muted small">\(c.author) on <a href="/articles/\(c.articleID)">\(titles[c.articleID] ?? "article")</a> · \(Layout.day(c.createdAt))</p><p>\(c.body)</p>
            <form class="inline" action="/comments/\(c.id)/approve" method="post"><input type="hidden" name="csrf" value="\(csrf)"><button type="submit">Approve</button></form>
            <form class="inline" action="/comments/\(c.id)/reject" method="post"><input type="hidden" name="csrf" value="\(csrf)"><button type="submit" class="danger">Reject</button></form></li>
            """
        }
        let body: Markup = """
            <h1>Comments waiting for moderation</h1>
            \(rows.isEmpty ? "<p class=\"muted\">None.</p>" : "<ol class=\"plain\">\(rows)</ol>" as Markup)
            """
        return Pages.html(Layout.page(viewer: req.viewer, title: "Moderation", body))
    }

    static func moderate(_ req: Request, _ store: Store, approve: Bool) async throws -> Response {
        try req.viewer.require(.analyst)
        _ = try req.checkedForm()
        try await store.moderateComment(try req.id(), approve: approve, by: req.viewer.user?.name ?? "local")
        return Workspace.redirect("/moderation")
    }
}
