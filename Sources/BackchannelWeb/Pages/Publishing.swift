import BackchannelCore
import BackchannelExtract
import BackchannelPipeline
import BackchannelStore
import Foundation
import Ink
import NIOConcurrencyHelpers
import Vapor

/// Analysts publish their own pieces, written in Markdown. A piece becomes an article like
/// any ingested one: rendered to a page, read by the same extractor, analysed by the same
/// pipeline (entities, quotes, events), stored with its facts, so that it appears in the
/// reader, in storylines and in watchlists' feeds.
enum Publishing {
    static let siteName = "Backchannel analysis"

    /// The analysis stages, made once (the entity model takes a moment to load).
    static let pipeline = NIOLockedValueBox<Pipeline?>(nil)

    static func register(_ app: Application, pool: StorePool) {
        app.get("publish") { req in try await form(req, pool.next(), message: nil, values: [:]) }
        app.post("publish") { req in try await publish(req, pool.writer) }
        app.get("pieces", ":id", "edit") { req in try await editForm(req, pool.next()) }
        app.post("pieces", ":id", "edit") { req in try await saveEdit(req, pool.writer) }
    }

    /// The author of a piece may edit it, and so may an admin.
    static func editable(_ req: Request, _ store: Store) async throws -> Piece {
        try req.viewer.require(.analyst)
        let piece = try await store.piece(try req.id())
        guard req.viewer.user?.name == piece.author || req.viewer.may(.admin) else {
            throw AccessDenied(status: .forbidden, message: "only its author (\(piece.author)) or an admin may edit this piece")
        }
        return piece
    }

    /// On a piece's page: when it was edited, and a link to edit it for its author and admins.
    static func pieceNotice(_ req: Request, _ store: Store, articleID: Int) async throws -> Markup {
        guard let piece = try await store.piece(ofArticle: articleID) else { return "" }
        let edited: Markup = piece.updatedAt.map { "Edited \(Layout.day($0)) by \(piece.updatedBy ?? piece.author)." } ?? ""
        let mayEdit = req.viewer.may(.analyst) && (req.viewer.user?.name == piece.author || req.viewer.may(.admin))
        guard mayEdit || piece.updatedAt != nil else { return "" }
        return "<p class=\"muted small noprint\">\(edited)\(mayEdit ? " <a href=\"/pieces/\(piece.id)/edit\">Edit this piece</a>" : "" as Markup)</p>"
    }

    static func editForm(_ req: Request, _ store: Store) async throws -> Response {
        let piece = try await editable(req, store)
        var values = ["title": piece.title, "body": piece.markdown ?? ""]
        if let articleID = piece.articleID {
            let a = try await store.articleDetail(articleID)
            values["categories"] = a.categories.joined(separator: ", ")
            if let image = a.images.first {
                values["image"] = image.src ?? ""
                values["caption"] = image.caption ?? ""
                values["credit"] = image.credit ?? ""
            }
        }
        return try await form(req, store, message: nil, values: values, editing: piece)
    }

    static func saveEdit(_ req: Request, _ store: Store) async throws -> Response {
        let piece = try await editable(req, store)
        let form = try req.checkedForm()
        do {
            let articleID = try await revise(piece, with: form, by: req.viewer.user?.name ?? "local", store)
            return Workspace.redirect("/articles/\(articleID)")
        } catch let refused as BadRequest {
            return try await Publishing.form(req, store, message: refused.message, values: form, status: .badRequest, editing: piece)
        }
    }

    /// A new piece from the form's values, read and stored; a `BadRequest` says what is wrong.
    static func publishPiece(_ form: [String: String], author: String, _ store: Store) async throws -> (Piece, Int) {
        let (title, markdown, document) = try await analyse(form, author: author, published: Store.nowForDisplay())
        do {
            return try await store.publish(author: author, title: title, markdown: markdown, document: document)
        } catch let error as StoreError {
            throw BadRequest(message: error.description)
        }
    }

    /// A piece replaced by the form's values (same article, first publication date kept);
    /// returns the article's id. A `BadRequest` says what is wrong.
    static func revise(_ piece: Piece, with form: [String: String], by editor: String, _ store: Store) async throws -> Int {
        var published: String?
        if let articleID = piece.articleID { published = try await store.articleDetail(articleID).published }
        let (title, markdown, document) = try await analyse(form, author: piece.author, published: published ?? Store.nowForDisplay())
        do {
            return try await store.updatePiece(piece.id, by: editor, title: title, markdown: markdown, document: document)
        } catch let error as StoreError {
            throw BadRequest(message: error.description)
        }
    }

    static func form(_ req: Request, _ store: Store, message: String?, values: [String: String], status: HTTPResponseStatus = .ok,
                     editing: Piece? = nil) async throws -> Response {
        try req.viewer.require(.analyst)
        let mine = try await store.pieces(author: req.viewer.user?.name ?? "local", limit: 20)
        let list: [Markup] = mine.map { p in
            let edited: Markup = p.updatedAt.map { " · edited \(Layout.day($0))" } ?? ""
            return "<li>\(p.articleID.map { "<a href=\"/articles/\($0)\">\(p.title)</a>" as Markup } ?? "\(p.title)") <span class=\"muted small\">\(Layout.day(p.createdAt))\(edited)</span> <a class=\"small\" href=\"/pieces/\(p.id)/edit\">edit</a></li>"
        }
        let heading: Markup = editing.map { "<h1>Edit “\($0.title)”</h1>" } ?? "<h1>Publish a piece</h1>"
        let action = editing.map { "/pieces/\($0.id)/edit" } ?? "/publish"
        let body: Markup = """
            \(heading)
            <p class="meta">Write in Markdown. The piece is analysed like any article (people, places, quotes, events) and appears in the reader with \(editing == nil ? "your" : "its author's" as Markup) byline.\(editing == nil ? "" : " Saving replaces the published text and its facts; comments, notes and corrections stay." as Markup)</p>
            \(message.map { "<p class=\"error\">\($0)</p>" } as Markup?)
            <form class="publish" action="\(action)" method="post">
              <input type="hidden" name="csrf" value="\(req.viewer.csrf ?? "")">
              <label>Title <input name="title" value="\(values["title"] ?? "")" required maxlength="200"></label>
              <label>Categories (comma-separated) <input name="categories" value="\(values["categories"] ?? "")" placeholder="Analysis, Europe"></label>
              <label>Image address (https) <input name="image" value="\(values["image"] ?? "")"></label>
              <label>Image caption <input name="caption" value="\(values["caption"] ?? "")"></label>
              <label>Image credit <input name="credit" value="\(values["credit"] ?? "")"></label>
              <label>Text (Markdown) <textarea name="body" rows="16" required maxlength="50000">\(values["body"] ?? "")</textarea></label>
              <button type="submit">\(editing == nil ? "Publish" : "Save changes" as Markup)</button>
            </form>
            \(list.isEmpty ? "" : "<h2>Your pieces</h2><ul class=\"plain\">\(list)</ul>" as Markup)
            """
        return Pages.html(Layout.page(viewer: req.viewer, title: "Publish", body), status: status)
    }

    static func publish(_ req: Request, _ store: Store) async throws -> Response {
        try req.viewer.require(.analyst)
        let form = try req.checkedForm()
        do {
            let (_, articleID) = try await publishPiece(form, author: req.viewer.user?.name ?? "local", store)
            return Workspace.redirect("/articles/\(articleID)")
        } catch let refused as BadRequest {
            return try await Publishing.form(req, store, message: refused.message, values: form, status: .badRequest)
        }
    }

    /// Checks a piece's form and reads it like an article: rendered, extracted, analysed.
    /// Checks a piece's form (a `BadRequest` names what is wrong) and reads it like an article:
    /// rendered, extracted, analysed.
    static func analyse(_ form: [String: String], author: String, published: String) async throws -> (title: String, markdown: String, document: Document) {
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let markdown = (form["body"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let categories = (form["categories"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let image = (form["image"] ?? "").trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(title.count) else { throw BadRequest(message: "the title is 1 to 200 characters") }
        guard (20...50_000).contains(markdown.count) else { throw BadRequest(message: "the text is 20 to 50,000 characters") }
        guard categories.count <= 10, categories.allSatisfy({ $0.count <= 40 }) else { throw BadRequest(message: "at most 10 categories of at most 40 characters") }
        guard image.isEmpty || Markup.externalURL(image) != nil else { throw BadRequest(message: "the image address starts with https:// or http://") }

        let page = render(title: title, author: author, categories: categories, markdown: markdown, image: image.isEmpty ? nil : image,
                          caption: form["caption"], credit: form["credit"], published: published)
        let document = try await Task.detached { () throws -> Document in
            guard case .article(var document) = try ArticleExtractor(options: ExtractionOptions(format: .html, url: nil)).extract(Array(page.utf8), name: "piece") else {
                throw StoreError.invalid("the piece has no text that could be read")
            }
            let stages = pipeline.withLockedValue { existing -> Pipeline in
                if let existing { return existing }
                let made = StandardPipeline.make()
                existing = made
                return made
            }
            try stages.run(&document)
            return document
        }.value
        return (title, markdown, document)
    }

    /// The piece as a page of a news site, for the extractor: title, byline, date, sections,
    /// the image with its credit, and the Markdown rendered by Ink. Every value is escaped;
    /// HTML written inside the Markdown ends up as text, never as markup on our pages.
    static func render(title: String, author: String, categories: [String], markdown: String, image: String?, caption: String?, credit: String?,
                       published: String) -> String {
        let bodyHTML = MarkdownParser().html(from: markdown)
        let sections: [Markup] = categories.map { "<meta property=\"article:section\" content=\"\($0)\">" }
        let figure: Markup = image.map { src in
            "<figure><img src=\"\(src)\" alt=\"\(caption ?? "")\"><figcaption>\(caption ?? "") <span class=\"credit\">\(credit ?? "")</span></figcaption></figure>"
        } ?? ""
        let page: Markup = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
            <meta name="author" content="\(author)"><meta property="og:site_name" content="\(siteName)">
            <meta property="article:published_time" content="\(published)">\(sections)
            </head><body><article><h1>\(title)</h1><p class="byline">By \(author)</p>\(figure)<div class="entry-content">\(Markup(trusted: bodyHTML))</div></article></body></html>
            """
        return page.html
    }
}
