import Foundation
import Synchronization
import TalentDomain
import TalentStore
import TalentWire

/// The read log (issue 13, item 8): every read of a person's full profile and every search by a citizen ID, e-mail
/// or phone is an audit entry, by whom and through which channel. So that reading stays fast, the entries wait in
/// this buffer and are written together, as one multi-row INSERT (the chain trigger of migration 0013 hashes each
/// row): when `limit` entries wait, every `interval` while the server runs (`run()`, a service beside the HTTP
/// server, which flushes once more on shutdown), and when a CLI command ends. A process that crashes loses the
/// entries of at most the last interval. Exports are rare and heavy: they are written at once, not here.
public final class ReadLog: Sendable {
    /// The actions this log writes; `talent audit list` leaves them out unless asked for one by `--action`.
    public static let actions = ["candidate.read", "candidate.search", "nomination.read", "document.read"]

    let database: Database
    /// How many entries wait before a write starts without waiting for the interval.
    public let limit: Int
    public let interval: Duration
    /// Entries kept at most when writes fail (the database is down): the oldest go first beyond it.
    static let maxWaiting = 100_000

    private struct State {
        var buffer: [AuditTable.LoggedEntry] = []
        /// The last write started: each write waits for the one before, so entries reach the table in their order
        /// and a `flush()` returns only when everything recorded before it is written.
        var lastWrite: Task<Void, Never>?
    }

    /// A lock, not an actor: recording a read is an append, and a request should not hop to another thread for it.
    private let state = Mutex(State())

    public init(database: Database, limit: Int = 500, interval: Duration = .seconds(1)) {
        self.database = database
        self.limit = limit
        self.interval = interval
    }

    /// Records one read (no database work unless the buffer is full, and then none awaited).
    public func record(_ actor: Principal, _ action: String, _ entityType: String, _ entityID: String,
                       extra: [String: JSONValue] = [:], at: Date = Date()) {
        var batch = AuditBatch()
        batch.add(action, entityType, entityID, extra: extra)
        let entries = batch.entries.map { AuditTable.LoggedEntry(at: at, actor: actor, entry: $0) }
        let full = state.withLock { state in
            state.buffer.append(contentsOf: entries)
            return state.buffer.count >= limit
        }
        if full { _ = startWrite() }
    }

    /// The entries not yet written.
    public var waiting: Int { state.withLock { $0.buffer.count } }

    /// Writes every entry recorded so far; returns when they are in the table (or the write failed and they wait
    /// for the next one).
    public func flush() async {
        await startWrite().value
    }

    /// Flushes every `interval` until the task is cancelled, then once more.
    public func run() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { break }
            await flush()
        }
        await flush()
    }

    private func startWrite() -> Task<Void, Never> {
        state.withLock { state in
            let entries = state.buffer
            state.buffer = []
            let previous = state.lastWrite
            let task = Task { [database] in
                await previous?.value
                guard !entries.isEmpty else { return }
                do {
                    try await database.transaction { tx in try await tx.audit.append(logged: entries) }
                } catch {
                    database.logger.error("read log: \(entries.count) entries not written, kept for the next write: \(error)")
                    self.putBack(entries)
                }
            }
            state.lastWrite = task
            return task
        }
    }

    private func putBack(_ entries: [AuditTable.LoggedEntry]) {
        let dropped: Int = state.withLock { state in
            state.buffer.insert(contentsOf: entries, at: 0)
            guard state.buffer.count > Self.maxWaiting else { return 0 }
            let dropped = state.buffer.count - Self.maxWaiting
            state.buffer.removeFirst(dropped)
            return dropped
        }
        if dropped > 0 { database.logger.error("read log: \(dropped) entries dropped, the database refused them too long") }
    }
}

extension ReadLog {
    /// A read of one candidate's profile (or file, with the sections read).
    func candidateRead(_ id: UUID, sections: Set<CandidateFileSection> = [], by actor: Principal) {
        var extra: [String: JSONValue] = [:]
        if !sections.isEmpty { extra["include"] = .array(sections.map(\.rawValue).sorted().map(JSONValue.string)) }
        record(actor, "candidate.read", "candidate", id.text, extra: extra)
    }
}

/// What a search text is when it is a person's identifier: its kind and the value the audit trail keeps of it
/// (`AuditMask`), never the identifier itself.
public struct IdentifierSearch: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case citizenID = "citizen_id"
        case email
        case phone
    }

    public var kind: Kind
    public var masked: String

    /// Nil for a text that is no citizen ID, e-mail or phone (a name).
    public init?(_ text: String?) {
        guard let text else { return nil }
        if let id = Normalize.citizenID(text) {
            self.init(kind: .citizenID, masked: AuditMask.citizenID(id))
        } else if let email = Normalize.email(text) {
            self.init(kind: .email, masked: AuditMask.email(email))
        } else if let phone = Normalize.phone(text) {
            self.init(kind: .phone, masked: AuditMask.phone(phone))
        } else {
            return nil
        }
    }

    public init(kind: Kind, masked: String) {
        self.kind = kind
        self.masked = masked
    }

    /// The audit entry's entity id: `citizen_id:********0123`.
    public var entityID: String { "\(kind.rawValue):\(masked)" }
}

extension CandidateQuery {
    /// The filters as an audit entry keeps them: a search text that is an identifier masked, the others as given.
    var audited: [String: JSONValue] {
        var filters: [String: JSONValue] = [:]
        if let text {
            filters["q"] = .string(IdentifierSearch(text).map(\.entityID) ?? text)
        }
        for (key, value) in [("stage", stage), ("agency", agency), ("position_id", positionID), ("sector", sector),
                             ("degree", degree), ("created_from", createdFrom), ("created_to", createdTo),
                             ("sort", sort), ("document", document)] {
            if let value { filters[key] = .string(value) }
        }
        if let graduationYear { filters["graduation_year"] = .number(Double(graduationYear)) }
        return filters
    }
}
