import Foundation

/// The OpenAPI 3.0 document of `/api/v1`, served at `/api/openapi.json`. The route tests
/// validate real responses against these schemas, so the two cannot drift apart unnoticed.
enum OpenAPIDocument {
    typealias JSON = [String: Any]

    static let json: String = {
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }()

    // MARK: - schema helpers

    static func ref(_ name: String) -> JSON { ["$ref": "#/components/schemas/\(name)"] }
    nonisolated(unsafe) static let string: JSON = ["type": "string"]
    nonisolated(unsafe) static let integer: JSON = ["type": "integer"]
    nonisolated(unsafe) static let number: JSON = ["type": "number"]
    static func nullable(_ schema: JSON) -> JSON {
        if schema["$ref"] != nil { return ["allOf": [schema], "nullable": true] }
        var s = schema
        s["nullable"] = true
        return s
    }
    static func array(_ items: JSON) -> JSON { ["type": "array", "items": items] }
    static func object(_ properties: [String: JSON], optional: Set<String> = []) -> JSON {
        ["type": "object", "properties": properties, "required": properties.keys.filter { !optional.contains($0) }.sorted(), "additionalProperties": false]
    }
    static func page(of item: String) -> JSON {
        object(["items": array(ref(item)), "limit": integer, "offset": integer, "next_offset": nullable(integer)], optional: ["next_offset"])
    }

    nonisolated(unsafe) static let schemas: [String: JSON] = [
        "ActorRef": object(["id": integer, "name": string, "type": string]),
        "ArticleCard": object(["id": integer, "title": nullable(string), "url": nullable(string), "published": nullable(string),
                               "site": nullable(string), "description": nullable(string), "reading_minutes": integer],
                              optional: ["title", "url", "published", "site", "description"]),
        "Excerpt": object(["start": integer, "end": integer, "text": string]),
        "Amount": object(["amount": number, "currency": string, "qualifier": nullable(string), "text": string], optional: ["qualifier"]),
        "EventCard": object(["id": integer, "type": string, "modality": string, "date": nullable(string), "date_granularity": nullable(string),
                             "day": nullable(string), "place": nullable(ref("ActorRef")), "actors": array(ref("ActorRef")),
                             "targets": array(ref("ActorRef")), "reports": integer, "sentence": string, "article_id": integer],
                            optional: ["date", "date_granularity", "day", "place"]),
        "PositionInfo": object(["issue": string, "stance": string, "holder": nullable(ref("ActorRef")), "addressee": nullable(ref("ActorRef")),
                                "date": nullable(string)], optional: ["holder", "addressee", "date"]),
        "EventReport": object(["id": integer, "article_id": integer, "article_title": nullable(string), "published": nullable(string),
                               "site": nullable(string), "url": nullable(string), "mode": nullable(string), "modality": string,
                               "date": nullable(string), "sentence": ref("Excerpt"), "trigger": ref("Excerpt"), "confidence": number,
                               "killed": nullable(integer), "injured": nullable(integer), "amounts": array(ref("Amount")),
                               "position": nullable(ref("PositionInfo"))],
                              optional: ["article_title", "published", "site", "url", "mode", "date", "killed", "injured", "position"]),
        "CorrectionEntry": object(["field": ["type": "string", "enum": ["type", "modality", "place", "date", "actors", "targets", "reject"]], "value": string,
                                   "user": string, "created_at": string, "actors": array(ref("ActorRef"))]),
        "ActorCorrectionEntry": object(["kind": ["type": "string", "enum": ["merge", "split", "rename"]], "actor_id": integer, "other_actor_id": integer,
                                        "value": string, "user": string, "created_at": string], optional: ["actor_id", "other_actor_id", "value"]),
        "EventDetail": object(["event": ref("EventCard"), "status": ["type": "string", "enum": ["accepted", "rejected"]],
                               "reports": array(ref("EventReport")), "corrections": array(ref("CorrectionEntry"))]),
        "EntityMark": object(["id": integer, "name": string, "type": string, "actor": nullable(ref("ActorRef")), "roles": array(string),
                              "mentions": array(ref("Excerpt"))], optional: ["actor"]),
        "QuoteInfo": object(["id": integer, "text": string, "start": integer, "end": integer, "speaker": nullable(ref("ActorRef")),
                             "cue": nullable(string), "sentence": string, "article_id": integer, "article_title": nullable(string),
                             "published": nullable(string)], optional: ["speaker", "cue", "article_title", "published"]),
        "ImageInfo": object(["src": nullable(string), "caption": nullable(string), "credit": nullable(string), "alt": nullable(string)],
                            optional: ["src", "caption", "credit", "alt"]),
        "ArticleDetail": object(["id": integer, "title": nullable(string), "url": nullable(string), "published": nullable(string),
                                 "modified": nullable(string), "site": nullable(string), "authors": array(string), "categories": array(string),
                                 "tags": array(string), "language": nullable(string), "description": nullable(string), "word_count": integer,
                                 "reading_minutes": integer, "images": array(ref("ImageInfo")), "text": string, "entities": array(ref("EntityMark")),
                                 "quotes": array(ref("QuoteInfo")), "events": array(ref("EventCard")), "related": array(ref("ArticleCard")),
                                 "syndicated": array(ref("ArticleCard"))],
                                optional: ["title", "url", "published", "modified", "site", "language", "description"]),
        "ActorSummary": object(["id": integer, "name": string, "type": string, "aliases": array(string), "articles": integer]),
        "RoleSpan": object(["title": string, "affiliation": nullable(string), "first_seen": nullable(string), "last_seen": nullable(string),
                            "articles": integer], optional: ["affiliation", "first_seen", "last_seen"]),
        "Counterpart": object(["actor": ref("ActorRef"), "direction": ["type": "string", "enum": ["to", "from", "with"]], "type": string, "count": integer]),
        "PeriodCount": object(["period": string, "type": string, "count": integer]),
        "ActorDetail": object(["actor": ref("ActorRef"), "aliases": array(string), "article_count": integer, "roles": array(ref("RoleSpan")),
                               "quotes": array(ref("QuoteInfo")), "events": array(ref("EventCard")), "counterparts": array(ref("Counterpart")),
                               "articles": array(ref("ArticleCard")), "event_counts": array(ref("PeriodCount")),
                               "corrections": array(ref("ActorCorrectionEntry"))]),
        "StorylineCard": object(["actors": array(ref("ActorRef")), "events": integer, "last_day": nullable(string)], optional: ["last_day"]),
        "QuotedActor": object(["actor": ref("ActorRef"), "quotes": integer]),
        "HomeSummary": object(["as_of": nullable(string), "week_from": nullable(string), "article_count": integer, "latest_events": array(ref("EventCard")),
                               "storylines": array(ref("StorylineCard")), "most_quoted": array(ref("QuotedActor")),
                               "latest_articles": array(ref("ArticleCard")), "event_counts": array(ref("PeriodCount"))],
                              optional: ["as_of", "week_from"]),
        "Storyline": object(["actors": array(ref("ActorRef")), "query": nullable(string), "events": array(ref("EventCard")),
                             "articles": array(ref("ArticleCard")), "event_counts": array(ref("PeriodCount"))], optional: ["query"]),
        "StanceChange": object(["stance": string, "date": nullable(string), "addressee": nullable(ref("ActorRef")), "event_id": integer,
                                "article_id": integer, "sentence": string], optional: ["date", "addressee"]),
        "TrackerCell": object(["party": integer, "issue": string, "stance": string, "history": array(ref("StanceChange"))]),
        "NegotiationTracker": object(["actors": array(ref("ActorRef")), "query": nullable(string), "parties": array(ref("ActorRef")),
                                      "issues": array(string), "cells": array(ref("TrackerCell"))], optional: ["query"]),
        "ArticleHit": object(["id": integer, "title": nullable(string), "url": nullable(string), "published": nullable(string),
                              "site": nullable(string), "snippet": string], optional: ["title", "url", "published", "site"]),
        "QuoteHit": object(["id": integer, "text": string, "speaker": nullable(string), "speaker_actor_id": nullable(integer), "article_id": integer,
                            "title": nullable(string), "url": nullable(string), "published": nullable(string), "sentence": string],
                           optional: ["speaker", "speaker_actor_id", "title", "url", "published"]),
        "ArticlePage": page(of: "ArticleCard"),
        "EventPage": page(of: "EventCard"),
        "ActorPage": page(of: "ActorSummary"),
        "ArticleHitPage": page(of: "ArticleHit"),
        "QuoteHitPage": page(of: "QuoteHit"),
        "Error": object(["error": object(["status": integer, "message": string])]),
        "Note": object(["id": integer, "subject": ["type": "string", "enum": ["article", "event", "actor"]], "subject_id": integer,
                        "author": string, "body": string, "created_at": string]),
        "Briefing": object(["actors": array(ref("ActorRef")), "query": string, "since": day, "until": day, "title": string,
                            "events": array(ref("EventCard")), "quotes": array(ref("QuoteInfo")), "positions": ref("NegotiationTracker"),
                            "sources": array(ref("ArticleCard")), "event_counts": array(ref("PeriodCount"))], optional: ["query", "since", "until", "title"]),
        "BriefingWithNotes": object(["briefing": ref("Briefing"), "notes": array(ref("Note"))]),
        "Session": object(["token": string, "user": string, "role": role, "expires_in_days": integer]),
        "CurrentSession": object(["user": string, "role": role, "csrf": string, "bearer": ["type": "boolean"]]),
        "Watchlist": object(["id": integer, "owner": string, "name": string, "actors": array(integer), "query": string, "token": string,
                             "created_at": string], optional: ["query"]),
        // Request bodies.
        "SignIn": object(["name": string, "password": string]),
        "NewNote": object(["subject": ["type": "string", "enum": ["article", "event", "actor"]], "id": integer, "body": ["type": "string", "maxLength": 5000]]),
        "EventCorrection": object(["field": ["type": "string", "enum": ["type", "modality", "place", "date", "actors", "targets", "reject"]],
                                   "value": ["type": "string", "description": "A PLOVER type; a modality; a place, or actors or targets separated by semicolons, by name or id; a date YYYY-MM-DD. Not needed to reject."]],
                                  optional: ["value"]),
        "ActorMerge": object(["other": ["type": "string", "description": "The actor merged into this one, by name or id."]]),
        "ActorSplit": object(["alias": ["type": "string", "description": "The spelling that names someone else."]]),
        "ActorRename": object(["name": string]),
        "NewWatchlist": object(["name": string, "actors": array(string), "query": string], optional: ["actors", "query"]),
        "Piece": object(["id": integer, "article_id": integer, "author": string, "title": string, "created_at": string, "updated_at": string,
                         "updated_by": string, "markdown": string], optional: ["article_id", "updated_at", "updated_by", "markdown"]),
        "PieceBody": object(["title": ["type": "string", "maxLength": 200], "body": ["type": "string", "description": "Markdown, 20 to 50,000 characters."],
                             "categories": array(string), "image": ["type": "string", "description": "An https:// or http:// address."], "caption": string, "credit": string],
                            optional: ["categories", "image", "caption", "credit"]),
        "Comment": object(["id": integer, "article_id": integer, "author": string, "body": string, "state": ["type": "string", "enum": ["pending", "approved", "rejected"]],
                           "created_at": string, "moderated_by": string], optional: ["moderated_by"]),
        "NewComment": object(["body": ["type": "string", "maxLength": 2000]]),
        "Moderation": object(["approve": ["type": "boolean"]]),
    ]
    nonisolated(unsafe) static let role: JSON = ["type": "string", "enum": ["reader", "analyst", "admin"]]

    // MARK: - parameters

    static func query(_ name: String, _ description: String, _ schema: JSON = string) -> JSON {
        ["name": name, "in": "query", "required": false, "description": description, "schema": schema]
    }
    nonisolated(unsafe) static let idParameter: JSON = ["name": "id", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1]]
    nonisolated(unsafe) static let limit = query("limit", "Items per page (1–100, default 20).", ["type": "integer", "minimum": 1, "maximum": 100])
    nonisolated(unsafe) static let offset = query("offset", "Items to skip (default 0).", ["type": "integer", "minimum": 0, "maximum": 100_000])
    nonisolated(unsafe) static let day: JSON = ["type": "string", "format": "date"]
    nonisolated(unsafe) static let eventType: JSON = ["type": "string", "enum": EventStyle.all]
    nonisolated(unsafe) static let storylineParameters: [JSON] = [
        query("actors", "Actors as ids or names, comma-separated (up to 4)."),
        query("q", "Topic words: the events of the articles that match them."),
    ]
    nonisolated(unsafe) static let searchParameters: [JSON] = [
        query("q", "Words; \"quoted phrases\" stay phrases."), query("actor", "An actor by id or any spelling."),
        query("type", "Articles reporting an event of this type.", eventType), query("place", "A place by any spelling."),
        query("since", "Published on or after.", day), query("until", "Published on or before.", day), limit, offset,
    ]

    static func get(_ summary: String, _ schema: String, parameters: [JSON] = [], notFound: Bool = false) -> JSON {
        var responses: [String: JSON] = [
            "200": ["description": "OK", "content": ["application/json": ["schema": ref(schema)]]],
            "400": ["description": "A parameter is not valid.", "content": ["application/json": ["schema": ref("Error")]]],
        ]
        if notFound { responses["404"] = ["description": "No such item.", "content": ["application/json": ["schema": ref("Error")]]] }
        return ["get": ["summary": summary, "parameters": parameters, "responses": responses]]
    }

    static func error(_ description: String) -> JSON {
        ["description": description, "content": ["application/json": ["schema": ref("Error")]]]
    }

    /// A write: a JSON body, the roles it needs, and what it answers.
    static func write(_ method: String, _ summary: String, body: String?, _ schema: String?, status: String = "200", parameters: [JSON] = [],
                      role: String = "analyst", notFound: Bool = false, signIn: Bool = false) -> JSON {
        var responses: [String: JSON] = [
            status: schema.map { ["description": "Done.", "content": ["application/json": ["schema": ref($0)]]] } ?? ["description": "Done."],
            "400": error("The body is not valid."),
        ]
        if signIn {
            responses["401"] = error("Wrong name or password.")
            responses["429"] = error("Too many failed sign-ins.")
        } else {
            responses["401"] = error("Not signed in.")
            responses["403"] = error(role == "reader" ? "No X-CSRF-Token with a cookie session." : "Not \(role == "admin" ? "an admin" : "an analyst or admin"), or no X-CSRF-Token with a cookie session.")
        }
        if notFound { responses["404"] = error("No such item.") }
        var operation: JSON = ["summary": summary, "parameters": parameters, "responses": responses]
        if let body { operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]] }
        operation["security"] = signIn ? [] : [["bearer": []], ["csrfHeader": []]]
        return [method: operation]
    }

    nonisolated(unsafe) static let document: JSON = [
        "openapi": "3.0.3",
        "info": [
            "title": "Backchannel API",
            "version": "1.0.0",
            "description": "Backchannel's record: articles with their entities, quotes and events; actors; events fused across articles with every source sentence; storylines and the positions of the parties; backgrounders. Analysts write notes and correct events and actors; everyone signed in keeps watchlists. Offsets count Unicode scalars into an article's text. Writes take JSON with snake_case keys and need either `Authorization: Bearer TOKEN` (from POST /api/v1/sessions) or, with a browser's session cookie or in open mode, the session's CSRF token in `X-CSRF-Token` (from GET /api/v1/session).",
        ],
        "paths": [
            "/api/v1/home": get("Latest events, active storylines and the week's most quoted actors.", "HomeSummary"),
            "/api/v1/articles": get("Articles, newest first.", "ArticlePage", parameters: [limit, offset]),
            "/api/v1/articles/{id}": get("An article with its clean text, entities, quotes, events and related articles.", "ArticleDetail",
                                         parameters: [idParameter], notFound: true),
            "/api/v1/actors": get("Actors by the number of articles naming them.", "ActorPage",
                                  parameters: [query("type", "PERSON, ORG, GPE, LOC, NORP or FAC."), limit, offset]),
            "/api/v1/actors/{id}": get("An actor: names, roles over time, quotes, events, counterparts and articles.", "ActorDetail",
                                       parameters: [idParameter], notFound: true),
            "/api/v1/events": get("Events (each fused from all its reports), newest first.", "EventPage",
                                  parameters: [query("type", "PLOVER type.", eventType), query("actor", "Involving this actor (id or name)."),
                                               query("since", "On or after.", day), query("until", "On or before.", day), limit, offset]),
            "/api/v1/events/{id}": get("An event with every sentence that reported it.", "EventDetail", parameters: [idParameter], notFound: true),
            "/api/v1/storylines": get("The pairs of actors that share the most events.", "StorylineList",
                                      parameters: [query("since", "Events on or after.", day),
                                                   query("limit", "How many (1–100, default 20).", ["type": "integer", "minimum": 1, "maximum": 100])]),
            "/api/v1/storyline": get("A storyline's events, articles and counts.", "Storyline", parameters: storylineParameters, notFound: true),
            "/api/v1/tracker": get("A storyline's parties × issues: demands, offers, acceptances, rejections.", "NegotiationTracker",
                                   parameters: storylineParameters, notFound: true),
            "/api/v1/search": get("Full-text search over articles with facets.", "ArticleHitPage", parameters: searchParameters),
            "/api/v1/quotes": get("Full-text search over quotes, by speaker (actor) and dates.", "QuoteHitPage", parameters: searchParameters),
            "/api/v1/notes": get("Analysts' notes on an article, an event or an actor, oldest first. Analysts and admins only (401 / 403 otherwise).",
                                 "NoteList", parameters: [query("subject", "article, event or actor.", ["type": "string", "enum": ["article", "event", "actor"]]),
                                                          query("id", "The subject's id.", ["type": "integer", "minimum": 1])])
                .merging(write("post", "Adds a note. Analysts and admins.", body: "NewNote", "Note", status: "201", notFound: true)) { a, _ in a },
            "/api/v1/briefing": get("A backgrounder: a storyline over dates (actors, q, since, until), or hand-picked events, quotes and notes (event, quote, note: ids, comma-separated; title). Notes for analysts only.",
                                    "BriefingWithNotes", parameters: storylineParameters + [
                                        query("since", "Events on or after.", day), query("until", "Events on or before.", day),
                                        query("event", "Picked events (ids, comma-separated)."), query("quote", "Picked quotes (ids, comma-separated)."),
                                        query("note", "Picked notes (ids, comma-separated)."), query("title", "The title of a backgrounder of picked items."),
                                    ], notFound: true),
            "/api/v1/sessions": write("post", "Signs in: a bearer token for the other calls, valid 14 days.", body: "SignIn", "Session", status: "201", signIn: true),
            "/api/v1/session": get("Who is signed in, and the CSRF token for writes with a cookie session.", "CurrentSession")
                .merging(write("delete", "Signs out (ends this token or cookie session).", body: nil, nil, status: "204", role: "reader")) { a, _ in a },
            "/api/v1/events/{id}/corrections": write("post", "Corrects an event (type, modality, place, date, actors, targets) or rejects it; recorded with who and when.",
                                                     body: "EventCorrection", "EventDetail", parameters: [idParameter], notFound: true),
            "/api/v1/actors/{id}/merge": write("post", "Merges another actor into this one.", body: "ActorMerge", "ActorDetail", parameters: [idParameter], notFound: true),
            "/api/v1/actors/{id}/split": write("post", "Makes one spelling of this actor an actor of its own; answers with the new actor.", body: "ActorSplit", "ActorDetail",
                                               status: "201", parameters: [idParameter], notFound: true),
            "/api/v1/actors/{id}/rename": write("post", "Gives the actor the name shown everywhere.", body: "ActorRename", "ActorDetail", parameters: [idParameter], notFound: true),
            "/api/v1/pieces": get("The signed-in analyst's published pieces, newest first.", "PieceList")
                .merging(write("post", "Publishes a piece: analysed like any article, it appears in the reader with the author's byline.", body: "PieceBody", "Piece", status: "201")) { a, _ in a },
            "/api/v1/pieces/{id}": write("post", "Replaces a piece's text (its author or an admin): the same article, with new facts; comments, notes and corrections stay.",
                                         body: "PieceBody", "Piece", parameters: [idParameter], notFound: true),
            "/api/v1/articles/{id}/comments": write("post", "Comments on a published piece; the comment waits for moderation.", body: "NewComment", "Comment",
                                                    status: "201", parameters: [idParameter], role: "reader", notFound: true),
            "/api/v1/comments": get("Comments waiting for moderation. Analysts and admins.", "CommentList"),
            "/api/v1/comments/{id}/moderation": write("post", "Approves or rejects a comment.", body: "Moderation", nil, status: "204", parameters: [idParameter], notFound: true),
            "/api/v1/watchlists": get("The signed-in user's watchlists, with their feeds' secret tokens.", "WatchlistList")
                .merging(write("post", "Follows actors, words or both.", body: "NewWatchlist", "Watchlist", status: "201", role: "reader")) { a, _ in a },
        ],
        "components": [
            "schemas": schemas.merging(["StorylineList": array(ref("StorylineCard")), "NoteList": array(ref("Note")), "WatchlistList": array(ref("Watchlist")),
                                        "PieceList": array(ref("Piece")), "CommentList": array(ref("Comment"))]) { a, _ in a },
            "securitySchemes": [
                "bearer": ["type": "http", "scheme": "bearer", "description": "A token from POST /api/v1/sessions."],
                "csrfHeader": ["type": "apiKey", "in": "header", "name": "X-CSRF-Token", "description": "With a browser's session cookie, or in open mode: the token from GET /api/v1/session."],
            ],
        ],
    ]
}
