import SQLKit

/// The tables, written once with a few placeholders for the column types that differ:
/// `{pk}` an integer key the database assigns, `{int}` a 64-bit integer, `{real}` a double.
///
/// Every fact row carries its `article_id` and the offsets of its sentence in the article's
/// body (`sentence_start`, `sentence_end`, Unicode scalars), so any fact leads back to the
/// words it was read from. Deleting an article deletes its facts (`ON DELETE CASCADE`).
enum Schema {
    struct Migration {
        let version: Int
        let name: String
        let shared: [String]
        let sqlite: [String]
        let postgres: [String]
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "articles, actors, facts, queue", shared: [
            """
            CREATE TABLE sources (
              id {pk},
              name TEXT NOT NULL UNIQUE)
            """,
            """
            CREATE TABLE articles (
              id {pk},
              key TEXT NOT NULL UNIQUE,
              url TEXT,
              content_hash TEXT NOT NULL,
              source_id {int} REFERENCES sources(id),
              input TEXT,
              title TEXT,
              published TEXT,
              published_day TEXT,
              modified TEXT,
              authors TEXT NOT NULL,
              categories TEXT NOT NULL,
              tags TEXT NOT NULL,
              site_name TEXT,
              language TEXT,
              description TEXT,
              body TEXT NOT NULL,
              word_count {int} NOT NULL,
              reading_minutes {int} NOT NULL,
              images TEXT NOT NULL,
              simhash {int} NOT NULL,
              band0 {int} NOT NULL, band1 {int} NOT NULL, band2 {int} NOT NULL, band3 {int} NOT NULL,
              syndication_group {int},
              version {int} NOT NULL,
              ingested_at TEXT NOT NULL,
              updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX articles_published ON articles(published_day)",
            "CREATE INDEX articles_band0 ON articles(band0)",
            "CREATE INDEX articles_band1 ON articles(band1)",
            "CREATE INDEX articles_band2 ON articles(band2)",
            "CREATE INDEX articles_band3 ON articles(band3)",
            "CREATE INDEX articles_group ON articles(syndication_group)",
            """
            CREATE TABLE actors (
              id {pk},
              name TEXT NOT NULL,
              type TEXT NOT NULL,
              name_locked {int} NOT NULL,
              created_at TEXT NOT NULL)
            """,
            // Every spelling an actor is known by, folded (`NameKey`): the cross-article join.
            """
            CREATE TABLE actor_aliases (
              type TEXT NOT NULL,
              key TEXT NOT NULL,
              actor_id {int} NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
              alias TEXT NOT NULL,
              surname TEXT,
              pinned {int} NOT NULL,
              PRIMARY KEY (type, key))
            """,
            "CREATE INDEX actor_aliases_actor ON actor_aliases(actor_id)",
            // A spelling of any type: each article's entities are looked up by key in one query.
            "CREATE INDEX actor_aliases_key ON actor_aliases(key)",
            "CREATE INDEX actor_aliases_surname ON actor_aliases(type, surname)",
            """
            CREATE TABLE entities (
              id {pk},
              article_id {int} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
              local_id TEXT NOT NULL,
              actor_id {int} REFERENCES actors(id) ON DELETE SET NULL,
              name TEXT NOT NULL,
              type TEXT NOT NULL,
              kind TEXT,
              affiliation TEXT,
              refers_to TEXT,
              mention_count {int} NOT NULL)
            """,
            "CREATE INDEX entities_article ON entities(article_id)",
            // (actor, article): "articles naming this actor" and the search filter's exact probe.
            "CREATE INDEX entities_actor ON entities(actor_id, article_id)",
            """
            CREATE TABLE mentions (
              article_id {int} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
              entity_id {int} NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
              start_offset {int} NOT NULL,
              end_offset {int} NOT NULL,
              text TEXT NOT NULL,
              sentence_start {int},
              sentence_end {int})
            """,
            "CREATE INDEX mentions_article ON mentions(article_id)",
            "CREATE INDEX mentions_entity ON mentions(entity_id)",
            """
            CREATE TABLE roles (
              id {pk},
              actor_id {int} REFERENCES actors(id) ON DELETE CASCADE,
              entity_id {int} NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
              article_id {int} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
              title TEXT NOT NULL,
              affiliation TEXT,
              seen_on TEXT,
              start_offset {int} NOT NULL,
              end_offset {int} NOT NULL)
            """,
            "CREATE INDEX roles_actor ON roles(actor_id)",
            "CREATE INDEX roles_article ON roles(article_id)",
            """
            CREATE TABLE quotes (
              id {pk},
              article_id {int} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
              local_id TEXT NOT NULL,
              text TEXT NOT NULL,
              start_offset {int} NOT NULL,
              end_offset {int} NOT NULL,
              speaker_entity_id {int} REFERENCES entities(id) ON DELETE SET NULL,
              speaker_actor_id {int} REFERENCES actors(id) ON DELETE SET NULL,
              cue TEXT,
              sentence_start {int} NOT NULL,
              sentence_end {int} NOT NULL,
              sentence_text TEXT NOT NULL,
              said_on TEXT)
            """,
            "CREATE INDEX quotes_article ON quotes(article_id)",
            "CREATE INDEX quotes_speaker ON quotes(speaker_actor_id)",
            // One real event, however many articles report it.
            """
            CREATE TABLE fused_events (
              id {pk},
              type TEXT NOT NULL,
              modality_class TEXT NOT NULL,
              date_value TEXT,
              date_granularity TEXT,
              date_day TEXT,
              place_actor_id {int} REFERENCES actors(id) ON DELETE SET NULL,
              created_at TEXT NOT NULL)
            """,
            "CREATE INDEX fused_events_lookup ON fused_events(type, date_day)",
            """
            CREATE TABLE fused_participants (
              fused_id {int} NOT NULL REFERENCES fused_events(id) ON DELETE CASCADE,
              actor_id {int} NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
              role TEXT NOT NULL,
              type TEXT NOT NULL,
              date_day TEXT,
              PRIMARY KEY (fused_id, actor_id, role))
            """,
            // The event's type and day, copied here: a new report finds its candidates by
            // (actor, type, day) in one index range, however many events the store holds.
            "CREATE INDEX fused_participants_lookup ON fused_participants(actor_id, type, date_day)",
            // One report of an event in one article.
            """
            CREATE TABLE events (
              id {pk},
              article_id {int} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
              fused_id {int} REFERENCES fused_events(id) ON DELETE SET NULL,
              local_id TEXT NOT NULL,
              type TEXT NOT NULL,
              mode TEXT,
              modality TEXT NOT NULL,
              place_entity_id {int} REFERENCES entities(id) ON DELETE SET NULL,
              place_actor_id {int} REFERENCES actors(id) ON DELETE SET NULL,
              date_value TEXT,
              date_granularity TEXT,
              date_approximate {int},
              date_day TEXT,
              killed {int},
              injured {int},
              amounts TEXT NOT NULL,
              confidence {real} NOT NULL,
              sentence_start {int} NOT NULL,
              sentence_end {int} NOT NULL,
              sentence_text TEXT NOT NULL,
              trigger_start {int} NOT NULL,
              trigger_end {int} NOT NULL,
              trigger_text TEXT NOT NULL)
            """,
            "CREATE INDEX events_article ON events(article_id, type)",
            "CREATE INDEX events_fused ON events(fused_id)",
            "CREATE INDEX events_type_day ON events(type, date_day)",
            """
            CREATE TABLE event_participants (
              event_id {int} NOT NULL REFERENCES events(id) ON DELETE CASCADE,
              role TEXT NOT NULL,
              entity_id {int} NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
              actor_id {int} REFERENCES actors(id) ON DELETE SET NULL)
            """,
            "CREATE INDEX event_participants_event ON event_participants(event_id)",
            "CREATE INDEX event_participants_actor ON event_participants(actor_id)",
            """
            CREATE TABLE positions (
              id {pk},
              event_id {int} NOT NULL REFERENCES events(id) ON DELETE CASCADE,
              article_id {int} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
              issue TEXT NOT NULL,
              stance TEXT NOT NULL,
              holder_actor_id {int} REFERENCES actors(id) ON DELETE SET NULL,
              addressee_actor_id {int} REFERENCES actors(id) ON DELETE SET NULL,
              stated_on TEXT)
            """,
            "CREATE INDEX positions_article ON positions(article_id)",
            "CREATE INDEX positions_holder ON positions(holder_actor_id)",
            // What analysts changed by hand: kept so that re-ingestion does not undo it.
            """
            CREATE TABLE corrections (
              id {pk},
              kind TEXT NOT NULL,
              actor_id {int},
              other_actor_id {int},
              value TEXT,
              created_at TEXT NOT NULL)
            """,
            // The work queue: several `ingest` processes share it.
            """
            CREATE TABLE queue (
              id {pk},
              input TEXT NOT NULL,
              fingerprint TEXT,
              state TEXT NOT NULL,
              attempts {int} NOT NULL,
              outcome TEXT,
              error TEXT,
              worker TEXT,
              article_id {int},
              enqueued_at TEXT NOT NULL,
              finished_at TEXT)
            """,
            "CREATE UNIQUE INDEX queue_pending ON queue(input) WHERE state = 'pending'",
            "CREATE INDEX queue_state ON queue(state, id)",
            "CREATE INDEX queue_input ON queue(input)",
        ], sqlite: [
            // Contentless: the text lives once, in `articles.body` and `quotes.text`.
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')",
            "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')",
        ], postgres: [
            """
            ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS
              (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')) STORED
            """,
            "CREATE INDEX articles_search ON articles USING GIN (search)",
            "ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
            "CREATE INDEX quotes_search ON quotes USING GIN (search)",
        ]),
        // What the web application reads: the newest events, an actor's timeline and quotes,
        // the week's speakers, a storyline's positions.
        Migration(version: 2, name: "indexes for reading", shared: [
            "CREATE INDEX fused_events_day ON fused_events(date_day, id)",
            // Covering: an actor's timeline, its events per month and its counterparts read only this index.
            "CREATE INDEX fused_participants_actor_day ON fused_participants(actor_id, date_day, fused_id, type, role)",
            "CREATE INDEX fused_participants_event ON fused_participants(fused_id)",
            "CREATE INDEX quotes_speaker_day ON quotes(speaker_actor_id, said_on)",
            "CREATE INDEX quotes_said ON quotes(said_on)",
            "CREATE INDEX positions_event ON positions(event_id)",
            "CREATE INDEX roles_actor_title ON roles(actor_id, title, seen_on)",
            // The web application's cache asks "has anything changed?" by the newest update.
            "CREATE INDEX articles_updated ON articles(updated_at)",
        ], sqlite: [], postgres: []),
        // The analyst workspace: accounts, their sessions, and notes on articles, events and actors.
        Migration(version: 3, name: "users, sessions, notes", shared: [
            """
            CREATE TABLE users (
              id {pk},
              name TEXT NOT NULL UNIQUE,
              password_hash TEXT NOT NULL,
              role TEXT NOT NULL,
              created_at TEXT NOT NULL)
            """,
            // Only a hash of each session token is kept: a copy of the database opens no session.
            """
            CREATE TABLE sessions (
              token_hash TEXT PRIMARY KEY,
              user_id {int} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              csrf TEXT NOT NULL,
              created_at TEXT NOT NULL,
              expires_at TEXT NOT NULL)
            """,
            "CREATE INDEX sessions_user ON sessions(user_id)",
            """
            CREATE TABLE notes (
              id {pk},
              subject_kind TEXT NOT NULL,
              subject_id {int} NOT NULL,
              author_id {int} REFERENCES users(id) ON DELETE SET NULL,
              author_name TEXT NOT NULL,
              body TEXT NOT NULL,
              created_at TEXT NOT NULL)
            """,
            "CREATE INDEX notes_subject ON notes(subject_kind, subject_id, id)",
        ], sqlite: [], postgres: []),
        // Analysts' corrections of events, anchored to the words of each report (article, sentence,
        // trigger, the machine's type) so that they apply again when an article is read again.
        Migration(version: 4, name: "event corrections", shared: [
            "ALTER TABLE fused_events ADD COLUMN rejected {int} NOT NULL DEFAULT 0",
            """
            CREATE TABLE event_corrections (
              id {pk},
              article_key TEXT NOT NULL,
              sentence_text TEXT NOT NULL,
              trigger_text TEXT NOT NULL,
              original_type TEXT NOT NULL,
              field TEXT NOT NULL,
              value TEXT NOT NULL,
              user_name TEXT NOT NULL,
              created_at TEXT NOT NULL)
            """,
            "CREATE INDEX event_corrections_article ON event_corrections(article_key)",
        ], sqlite: [], postgres: []),
        // What users follow: actors, a storyline or a search, each with a secret feed address.
        Migration(version: 5, name: "watchlists", shared: [
            """
            CREATE TABLE watchlists (
              id {pk},
              owner TEXT NOT NULL,
              name TEXT NOT NULL,
              actors TEXT NOT NULL,
              query TEXT,
              token TEXT NOT NULL UNIQUE,
              created_at TEXT NOT NULL)
            """,
            "CREATE INDEX watchlists_owner ON watchlists(owner)",
        ], sqlite: [], postgres: []),
        // Analysts' own pieces: the Markdown they wrote, and the article it became.
        Migration(version: 6, name: "pieces", shared: [
            """
            CREATE TABLE pieces (
              id {pk},
              article_id {int} REFERENCES articles(id) ON DELETE SET NULL,
              author TEXT NOT NULL,
              title TEXT NOT NULL,
              markdown TEXT NOT NULL,
              created_at TEXT NOT NULL)
            """,
            "CREATE INDEX pieces_author ON pieces(author, id)",
        ], sqlite: [], postgres: []),
        // Readers' comments on published pieces, shown once an analyst approves them.
        Migration(version: 7, name: "comments", shared: [
            """
            CREATE TABLE comments (
              id {pk},
              article_id {int} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
              author TEXT NOT NULL,
              body TEXT NOT NULL,
              state TEXT NOT NULL,
              created_at TEXT NOT NULL,
              moderated_by TEXT,
              moderated_at TEXT)
            """,
            "CREATE INDEX comments_article ON comments(article_id, state, id)",
            "CREATE INDEX comments_state ON comments(state, id)",
        ], sqlite: [], postgres: []),
        // E-mail digests of the watchlists: where to send them, and how far each user has read.
        Migration(version: 8, name: "digests", shared: [
            "ALTER TABLE users ADD COLUMN email TEXT",
            """
            CREATE TABLE digests (
              owner TEXT PRIMARY KEY,
              last_event {int} NOT NULL,
              sent_at TEXT NOT NULL)
            """,
        ], sqlite: [], postgres: []),
        // Analysts name who corrected an actor, and may give an event actors the article never
        // named as entities (a participant then has an actor and no entity).
        // Pieces can be edited after they are published.
        Migration(version: 9, name: "actor audit, corrected participants, edited pieces", shared: [
            "ALTER TABLE corrections ADD COLUMN user_name TEXT",
            "ALTER TABLE pieces ADD COLUMN updated_at TEXT",
            "ALTER TABLE pieces ADD COLUMN updated_by TEXT",
        ], sqlite: [
            """
            CREATE TABLE event_participants_v9 (
              event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
              role TEXT NOT NULL,
              entity_id INTEGER REFERENCES entities(id) ON DELETE CASCADE,
              actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL)
            """,
            "INSERT INTO event_participants_v9 (event_id, role, entity_id, actor_id) SELECT event_id, role, entity_id, actor_id FROM event_participants",
            "DROP TABLE event_participants",
            "ALTER TABLE event_participants_v9 RENAME TO event_participants",
            "CREATE INDEX event_participants_event ON event_participants(event_id)",
            "CREATE INDEX event_participants_actor ON event_participants(actor_id)",
        ], postgres: [
            "ALTER TABLE event_participants ALTER COLUMN entity_id DROP NOT NULL",
        ]),
        // Rejected events are few; pages leave them out with "NOT IN (SELECT id FROM fused_events
        // WHERE rejected = 1)", which without this index read every fused event (33–48 ms of an
        // article page at 100k articles).
        Migration(version: 10, name: "rejected events index", shared: [
            "CREATE INDEX fused_events_rejected ON fused_events(id) WHERE rejected = 1",
        ], sqlite: [], postgres: []),
        // Deleting a row that other rows point at (an article's entities when a new version
        // replaces it, an actor merged into another) makes the database find the rows pointing at
        // it, to cascade or clear them: without an index on the pointing column that read the
        // whole table, once per row deleted (2 s to replace one article's facts at 100k articles,
        // 0.2 s to delete one actor). Partial indexes where the column is mostly empty.
        // The syndication look-up reads each band's matches with their SimHash from the index
        // alone (it read every matching article's row, past its body, to get the hash: 0.37 ms
        // an article at 100k, as much as all its inserts).
        Migration(version: 11, name: "indexes on pointing columns, covering band indexes, fewer fusion indexes", shared: [
            "CREATE INDEX roles_entity ON roles(entity_id)",
            "CREATE INDEX event_participants_entity ON event_participants(entity_id)",
            "CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity_id) WHERE speaker_entity_id IS NOT NULL",
            "CREATE INDEX events_place_entity ON events(place_entity_id) WHERE place_entity_id IS NOT NULL",
            "CREATE INDEX events_place_actor ON events(place_actor_id) WHERE place_actor_id IS NOT NULL",
            "CREATE INDEX fused_events_place_actor ON fused_events(place_actor_id) WHERE place_actor_id IS NOT NULL",
            "CREATE INDEX positions_addressee ON positions(addressee_actor_id) WHERE addressee_actor_id IS NOT NULL",
            "CREATE INDEX notes_author ON notes(author_id) WHERE author_id IS NOT NULL",
            "CREATE INDEX pieces_article ON pieces(article_id) WHERE article_id IS NOT NULL",
            "DROP INDEX articles_band0",
            "DROP INDEX articles_band1",
            "DROP INDEX articles_band2",
            "DROP INDEX articles_band3",
            "CREATE INDEX articles_band0 ON articles(band0, simhash)",
            "CREATE INDEX articles_band1 ON articles(band1, simhash)",
            "CREATE INDEX articles_band2 ON articles(band2, simhash)",
            "CREATE INDEX articles_band3 ON articles(band3, simhash)",
            // Fusing a report reads the fused events its parties took part in from the index by
            // party and day, which holds the type and the fused event's id too (the index by
            // party, type and day made it read each match's row, and cost every new participant
            // a second page at a random place: 8–15 % of ingest at 100k articles). The index by
            // fused event alone repeats the start of the unique one.
            "DROP INDEX fused_participants_lookup",
            "DROP INDEX fused_participants_event",
        ], sqlite: [], postgres: []),
        // At 100k articles ingest wrote 33 pages to the log for each article stored, and the
        // three indexes below 6.6 of them for nothing: no query reads events by type
        // and day (lists and fusion read fused events and their parties), and the other two
        // repeat the start of a longer index on the same table, which serves their queries.
        Migration(version: 12, name: "no unread or repeated indexes", shared: [
            "DROP INDEX events_type_day",
            "DROP INDEX roles_actor",
            "DROP INDEX quotes_speaker",
        ], sqlite: [], postgres: []),
        // How many distinct parties each fused event has, kept with it: a report with two
        // parties may join an event that shares only one of them if that is the event's one
        // party, and fusion counted each candidate's parties in a look-up of its own (half of
        // fused events have one party; a fifth of the fusion query's time at 100k articles).
        Migration(version: 13, name: "parties count of fused events", shared: [
            "ALTER TABLE fused_events ADD COLUMN parties {int} NOT NULL DEFAULT 0",
            "UPDATE fused_events SET parties = (SELECT COUNT(DISTINCT actor_id) FROM fused_participants WHERE fused_id = fused_events.id)",
        ], sqlite: [], postgres: []),
        // One index of fused events by day, holding the type, instead of one by type and day and
        // one by day: every new fused event took a page at a random place in each (a tenth of
        // the pages an ingest commit wrote at 100k articles). Lists by type read it newest first
        // and skip other types within the index: a type with a few dozen events among 368,000
        // takes 20 ms to list instead of 0.01 ms, every other list is unchanged.
        Migration(version: 14, name: "one index of fused events by day", shared: [
            "DROP INDEX fused_events_lookup",
            "DROP INDEX fused_events_day",
            "CREATE INDEX fused_events_day ON fused_events(date_day, id, type)",
        ], sqlite: [], postgres: []),
        // A search with words and dates reads the day of every article the words match, newest
        // first, until its window is full: at 100k articles "ceasefire" matches 10,000. Read
        // from the article's row, each day cost a page of its own (a row holds the body), and a
        // search's first run took 60–90 ms faulting them in; this index holds a few hundred days
        // to the page (`Store.articleDays`). On PostgreSQL the day is read with the row it filters.
        Migration(version: 15, name: "articles' days by id for searches", shared: [], sqlite: [
            "CREATE INDEX articles_day_by_id ON articles(id, published_day)",
        ], postgres: []),
    ]

    static func render(_ statement: String, for backend: Store.Backend) -> String {
        switch backend {
        case .sqlite:
            statement.replacingOccurrences(of: "{pk}", with: "INTEGER PRIMARY KEY")
                .replacingOccurrences(of: "{int}", with: "INTEGER")
                .replacingOccurrences(of: "{real}", with: "REAL")
        case .postgres:
            statement.replacingOccurrences(of: "{pk}", with: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                .replacingOccurrences(of: "{int}", with: "BIGINT")
                .replacingOccurrences(of: "{real}", with: "DOUBLE PRECISION")
        }
    }

    /// Applies the migrations the store has not seen, each in its own transaction.
    /// On PostgreSQL an advisory lock keeps two processes starting at once from racing.
    static func migrate(_ store: Store) async throws {
        let db = store.sql
        try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)").run()
        for migration in migrations {
            try await store.transaction {
                if store.backend == .postgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(727274)").run()
                }
                let done = try await db.raw("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)").all()
                guard done.isEmpty else { return }
                let statements = migration.shared + (store.backend == .sqlite ? migration.sqlite : migration.postgres)
                for statement in statements {
                    try await db.raw(SQLQueryString(render(statement, for: store.backend))).run()
                }
                try await db.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Store.now()))").run()
            }
        }
    }

    static var latestVersion: Int { migrations.map(\.version).max() ?? 0 }
}
