import Foundation
import SQLKit

/// What a user may do. Readers read; analysts also write notes and correct the machine;
/// admins also manage users.
public enum AccessRole: String, Sendable, Codable, CaseIterable, Comparable {
    case reader, analyst, admin

    var rank: Int {
        switch self {
        case .reader: 0
        case .analyst: 1
        case .admin: 2
        }
    }

    public static func < (a: AccessRole, b: AccessRole) -> Bool { a.rank < b.rank }
}

public struct User: Sendable, Equatable, Codable {
    public var id: Int
    public var name: String
    public var role: AccessRole
    public var createdAt: String

    public init(id: Int, name: String, role: AccessRole, createdAt: String) {
        self.id = id
        self.name = name
        self.role = role
        self.createdAt = createdAt
    }
}

/// A signed-in user and the token that forms must carry back (CSRF).
public struct SessionInfo: Sendable, Equatable {
    public var user: User
    public var csrf: String
}

/// What a note is about.
public enum NoteSubject: String, Sendable, Codable, CaseIterable {
    case article, event, actor
}

public struct Note: Sendable, Equatable, Codable {
    public var id: Int
    public var subject: NoteSubject
    public var subjectID: Int
    public var author: String
    public var body: String
    public var createdAt: String
}

extension Store {
    // MARK: - users

    /// Names are 2 to 40 letters, digits, dots, dashes and underscores.
    public static func validUserName(_ name: String) -> Bool {
        (2...40).contains(name.count) && name.allSatisfy { $0.isLetter || $0.isNumber || ".-_".contains($0) }
    }

    /// Adds a user with an already hashed password.
    @discardableResult
    public func addUser(name: String, passwordHash: String, role: AccessRole) async throws -> User {
        guard Self.validUserName(name) else {
            throw StoreError.invalid("\(name): a user name is 2 to 40 letters, digits, dots, dashes or underscores")
        }
        if try await sql.raw("SELECT id FROM users WHERE name = \(bind: name)").first() != nil {
            throw StoreError.invalid("\(name): there is already a user of that name")
        }
        let now = Store.now()
        guard let row = try await sql.raw("""
            INSERT INTO users (name, password_hash, role, created_at) VALUES (\(bind: name), \(bind: passwordHash), \(bind: role.rawValue), \(bind: now)) RETURNING id
            """).first() else { throw StoreError.invalid("the database returned no id for user \(name)") }
        return User(id: try row.int("id"), name: name, role: role, createdAt: now)
    }

    public func users() async throws -> [User] {
        try await sql.raw("SELECT id, name, role, created_at FROM users ORDER BY name").all().map(Self.user)
    }

    public func user(named name: String) async throws -> User {
        guard let row = try await sql.raw("SELECT id, name, role, created_at FROM users WHERE name = \(bind: name)").first() else {
            throw StoreError.notFound("no user is called \(name)")
        }
        return try Self.user(row)
    }

    /// The stored hash, to check a password against.
    public func passwordHash(ofUser name: String) async throws -> (User, String)? {
        guard let row = try await sql.raw("SELECT id, name, role, created_at, password_hash FROM users WHERE name = \(bind: name)").first() else { return nil }
        return (try Self.user(row), try row.string("password_hash"))
    }

    /// A new password ends every session of the user.
    public func setPassword(ofUser name: String, passwordHash: String) async throws {
        let user = try await user(named: name)
        try await transaction {
            try await sql.raw("UPDATE users SET password_hash = \(bind: passwordHash) WHERE id = \(bind: user.id)").run()
            try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: user.id)").run()
        }
    }

    public func setRole(ofUser name: String, to role: AccessRole) async throws {
        let user = try await user(named: name)
        if user.role == .admin && role != .admin {
            let admins = try await sql.raw("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'").first()?.int("n") ?? 0
            guard admins > 1 else { throw StoreError.invalid("\(name) is the last admin: make another user admin first") }
        }
        try await sql.raw("UPDATE users SET role = \(bind: role.rawValue) WHERE id = \(bind: user.id)").run()
    }

    static func user(_ row: any SQLRow) throws -> User {
        let raw = try row.string("role")
        guard let role = AccessRole(rawValue: raw) else { throw StoreError.invalid("user \(try row.string("name")) has an unknown role \(raw)") }
        return User(id: try row.int("id"), name: try row.string("name"), role: role, createdAt: try row.string("created_at"))
    }

    // MARK: - sessions

    /// Opens a session: the caller keeps the token (in a cookie); the store keeps its hash.
    public func openSession(userID: Int, tokenHash: String, csrf: String, days: Int = 14) async throws {
        let now = Store.now()
        let expires = Self.timestamp(Date().addingTimeInterval(Double(days) * 86_400))
        try await sql.raw("DELETE FROM sessions WHERE expires_at < \(bind: now)").run()
        try await sql.raw("""
            INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES (\(bind: tokenHash), \(bind: userID), \(bind: csrf), \(bind: now), \(bind: expires))
            """).run()
    }

    public func session(tokenHash: String) async throws -> SessionInfo? {
        guard let row = try await sql.raw("""
            SELECT u.id, u.name, u.role, u.created_at, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(bind: tokenHash) AND s.expires_at > \(bind: Store.now())
            """).first() else { return nil }
        return SessionInfo(user: try Self.user(row), csrf: try row.string("csrf"))
    }

    public func closeSession(tokenHash: String) async throws {
        try await sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
    }

    // MARK: - notes

    /// Adds a note (1 to 5,000 characters) on an article, an event or an actor that exists.
    @discardableResult
    public func addNote(on subject: NoteSubject, id: Int, by author: User, body: String) async throws -> Note {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw StoreError.invalid("a note cannot be empty") }
        guard text.count <= 5000 else { throw StoreError.invalid("a note is at most 5,000 characters (this one has \(text.count))") }
        let table = subject == .article ? "articles" : subject == .event ? "fused_events" : "actors"
        guard try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id)").first() != nil else {
            throw StoreError.notFound("no \(subject.rawValue) with id \(id)")
        }
        let now = Store.now()
        guard let row = try await sql.raw("""
            INSERT INTO notes (subject_kind, subject_id, author_id, author_name, body, created_at)
            VALUES (\(bind: subject.rawValue), \(bind: id), \(bind: author.id > 0 ? author.id : nil), \(bind: author.name), \(bind: text), \(bind: now)) RETURNING id
            """).first() else { throw StoreError.invalid("the database returned no id for the note") }
        return Note(id: try row.int("id"), subject: subject, subjectID: id, author: author.name, body: text, createdAt: now)
    }

    public func notes(on subject: NoteSubject, id: Int) async throws -> [Note] {
        try await sql.raw("""
            SELECT id, subject_id, author_name, body, created_at FROM notes WHERE subject_kind = \(bind: subject.rawValue) AND subject_id = \(bind: id) ORDER BY id
            """).all().map { r in
            Note(id: try r.int("id"), subject: subject, subjectID: try r.int("subject_id"), author: try r.string("author_name"),
                 body: try r.string("body"), createdAt: try r.string("created_at"))
        }
    }

    /// Notes by their ids, oldest first (for a backgrounder of hand-picked items).
    public func notes(ids: [Int]) async throws -> [Note] {
        guard !ids.isEmpty else { return [] }
        return try await sql.raw("""
            SELECT id, subject_kind, subject_id, author_name, body, created_at FROM notes WHERE id IN (\(binds: ids)) ORDER BY id
            """).all().compactMap { r in
            guard let subject = NoteSubject(rawValue: try r.string("subject_kind")) else { return nil }
            return Note(id: try r.int("id"), subject: subject, subjectID: try r.int("subject_id"), author: try r.string("author_name"),
                        body: try r.string("body"), createdAt: try r.string("created_at"))
        }
    }

    /// The notes on any of these subjects, oldest first.
    public func notes(on subject: NoteSubject, ids: [Int]) async throws -> [Note] {
        guard !ids.isEmpty else { return [] }
        return try await sql.raw("""
            SELECT id, subject_id, author_name, body, created_at FROM notes WHERE subject_kind = \(bind: subject.rawValue) AND subject_id IN (\(binds: ids)) ORDER BY id
            """).all().map { r in
            Note(id: try r.int("id"), subject: subject, subjectID: try r.int("subject_id"), author: try r.string("author_name"),
                 body: try r.string("body"), createdAt: try r.string("created_at"))
        }
    }
}
