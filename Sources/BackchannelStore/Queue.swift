import Foundation
import SQLKit

/// An input to queue: a file path with its fingerprint (size and modification time), or a URL.
public struct QueueInput: Sendable, Equatable {
    public var input: String
    /// Equal fingerprints mean an unchanged input, which is not queued again; nil for URLs.
    public var fingerprint: String?
    public init(input: String, fingerprint: String? = nil) {
        self.input = input
        self.fingerprint = fingerprint
    }
}

/// One input waiting in the queue: a file path or a URL.
public struct QueueItem: Sendable, Equatable {
    public var id: Int
    public var input: String
    public var attempts: Int
}

/// How a queue item ended.
public enum QueueResult: Sendable, Equatable {
    case stored(StoreOutcome)
    /// A feed: its items were queued.
    case expanded(items: Int)
    case failed(reason: String)
}

/// A database error while processing an item: the item's transaction was rolled back.
public struct QueueItemError: Error, CustomStringConvertible {
    public var item: QueueItem
    public var underlying: any Error
    public var description: String { "\(item.input): \(underlying)" }
}

/// The work queue several `ingest` processes share.
///
/// An item is claimed and finished inside one transaction together with the article it
/// stores: a process killed mid-way leaves the item pending and nothing half-written. On
/// PostgreSQL the claim is `FOR UPDATE SKIP LOCKED`, so two workers never take one item;
/// SQLite has a single writer and needs no row locks.
extension Store {
    /// Queues inputs; an input already waiting is not queued twice. Returns how many were added.
    @discardableResult
    public func enqueue(_ inputs: [String]) async throws -> Int {
        try await enqueue(inputs.map { QueueInput(input: $0) })
    }

    /// Queues inputs, skipping those already waiting, those done or failed with the same
    /// fingerprint (a file not changed since), and, with `onlyNew`, any input seen before.
    /// Two workers given the same inputs thus never process one twice. Returns how many were added.
    @discardableResult
    public func enqueue(_ inputs: [QueueInput], onlyNew: Bool = false) async throws -> Int {
        var added = 0
        let now = Store.now()
        for chunk in stride(from: 0, to: inputs.count, by: 200) {
            let slice = inputs[chunk..<min(chunk + 200, inputs.count)]
            var q: SQLQueryString = "INSERT INTO queue (input, fingerprint, state, attempts, enqueued_at) SELECT v.column1, v.column2, 'pending', 0, \(bind: now) FROM (VALUES "
            for (n, item) in slice.enumerated() {
                if n > 0 { q += ", " }
                q += "(\(bind: item.input), \(bind: item.fingerprint ?? ""))"
            }
            q += """
                ) AS v WHERE NOT EXISTS (SELECT 1 FROM queue q WHERE q.input = v.column1 AND (q.state = 'pending'
                  OR (v.column2 <> '' AND q.fingerprint = v.column2)
                """
            if onlyNew { q += " OR 1 = 1" }
            q += ")) ON CONFLICT (input) WHERE state = 'pending' DO NOTHING RETURNING id"
            added += try await sql.raw(q).all().count
        }
        return added
    }

    public func pendingCount() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM queue WHERE state = 'pending'").first()?.int("n") ?? 0
    }

    /// What happened to one item of a batch.
    public enum BatchOutcome: Sendable {
        /// Processed; its result is committed with the batch.
        case finished(QueueItem, QueueResult)
        /// The database refused the item's work: it was rolled back to the item's savepoint and
        /// counted as one attempt (pending again, or failed after three).
        case rolledBack(QueueItemError)
    }

    /// Claims and processes up to `limit` pending items in one transaction: an item is stored
    /// whole or not at all, and the batch commits once. Returns an empty array when nothing is
    /// pending.
    ///
    /// Committing is what storing an article cost most (a tenth to a fifth of ingest, writing
    /// the log and checkpointing); a batch pays it once for `limit` articles. A process killed
    /// mid-batch loses the batch's work, never part of an article: its items are still pending
    /// and the next run stores them.
    ///
    /// The batch first runs without a savepoint per item, since savepoints cost every item a
    /// journal of the pages it changes and the full-text index a flush of its pending terms;
    /// its full-text rows are written together at its end.
    /// If the database refuses any item's work (rare: the inputs that cannot be read are
    /// `QueueResult.failed`, not errors), the whole batch is rolled back and run again item by
    /// item in savepoints, so that the item at fault is rolled back alone and counted.
    ///
    /// - Parameter within: no further item is claimed once this much time has passed (the
    ///   first always is), so that slow items — pages fetched over the network — still commit,
    ///   and show as done, every so often.
    public func processBatch(worker: String, limit: Int, within: Duration = .seconds(3600),
                             _ body: (QueueItem) async throws -> QueueResult) async throws -> [BatchOutcome] {
        do {
            return try await transaction {
                try await withFullTextDeferred {
                    try await claimAndProcess(worker: worker, limit: limit, within: within, inSavepoints: false, body)
                }
            }
        } catch {
            return try await transaction {
                try await claimAndProcess(worker: worker, limit: limit, within: within, inSavepoints: true, body)
            }
        }
    }

    /// The items of one batch, inside its transaction. With `inSavepoints`, each item runs in a
    /// savepoint of its own: an item the database refuses is rolled back alone and counted as
    /// one attempt (pending again, or failed after three), and the others commit. Without, the
    /// first error ends the batch (the caller rolls it back).
    private func claimAndProcess(worker: String, limit: Int, within: Duration, inSavepoints: Bool,
                                 _ body: (QueueItem) async throws -> QueueResult) async throws -> [BatchOutcome] {
        let deadline = ContinuousClock.now + within
        var outcomes: [BatchOutcome] = []
        while outcomes.count < max(1, limit), outcomes.isEmpty || ContinuousClock.now < deadline {
            if inSavepoints { try await sql.raw("SAVEPOINT queue_item").run() }
            var claimed: QueueItem?
            do {
                guard let item = try await claimNext() else {
                    if inSavepoints { try await sql.raw("RELEASE SAVEPOINT queue_item").run() }
                    break
                }
                claimed = item
                let result = try await body(item)
                try await finish(item, result, worker: worker)
                if inSavepoints { try await sql.raw("RELEASE SAVEPOINT queue_item").run() }
                outcomes.append(.finished(item, result))
            } catch {
                guard inSavepoints, let item = claimed else { throw error }
                try await sql.raw("ROLLBACK TO SAVEPOINT queue_item").run()
                try await sql.raw("RELEASE SAVEPOINT queue_item").run()
                try await countFailedAttempt(item, error)
                outcomes.append(.rolledBack(QueueItemError(item: item, underlying: error)))
            }
        }
        return outcomes
    }

    /// The next pending item, locked for this transaction on PostgreSQL.
    private func claimNext() async throws -> QueueItem? {
        let lock = backend == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        guard let row = try await rows("SELECT id, input, attempts FROM queue WHERE state = 'pending' ORDER BY id LIMIT 1" + lock, []).first else {
            return nil
        }
        return QueueItem(id: try row.int("id"), input: try row.string("input"), attempts: try row.int("attempts"))
    }

    /// Marks an item done or failed with what processing it gave.
    private func finish(_ item: QueueItem, _ result: QueueResult, worker: String) async throws {
        let (state, outcome, error, article): (String, String?, String?, Int?) = switch result {
        case .stored(let o):
            switch o {
            case .stored(let id): ("done", "stored", nil, id)
            case .updated(let id): ("done", "updated", nil, id)
            case .duplicate(let id): ("done", "duplicate", nil, id)
            }
        case .expanded(let n): ("done", "feed:\(n)", nil, nil)
        case .failed(let reason): ("failed", nil, reason, nil)
        }
        try await rows("""
            UPDATE queue SET state = ?, outcome = ?, error = ?, worker = ?, article_id = ?, attempts = attempts + 1, finished_at = ?
            WHERE id = ?
            """, [state, outcome, error, worker, article, Store.now(), item.id])
    }

    /// Counts a rolled-back attempt; gives the item up after three.
    private func countFailedAttempt(_ item: QueueItem, _ error: any Error) async throws {
        let attempts = item.attempts + 1
        let state = attempts >= 3 ? "failed" : "pending"
        try await sql.raw("""
            UPDATE queue SET attempts = \(bind: attempts), state = \(bind: state), error = \(bind: String(describing: error).prefix(500).description)
            WHERE id = \(bind: item.id) AND state = 'pending'
            """).run()
    }

    /// Claims the next pending item and runs `body` on it in the item's transaction.
    /// Returns nil when nothing is pending. Throws ``QueueItemError`` when the database
    /// refused the work; the item is then pending again, with one more attempt counted.
    public func processNext(worker: String, _ body: (QueueItem) async throws -> QueueResult) async throws -> (QueueItem, QueueResult)? {
        var claimed: QueueItem?
        do {
            return try await transaction {
                guard let item = try await claimNext() else { return nil }
                claimed = item
                let result = try await body(item)
                try await finish(item, result, worker: worker)
                return (item, result)
            }
        } catch {
            guard let item = claimed else { throw error }
            // Count the attempt outside the rolled-back transaction; give up after three.
            try? await countFailedAttempt(item, error)
            throw QueueItemError(item: item, underlying: error)
        }
    }
}
