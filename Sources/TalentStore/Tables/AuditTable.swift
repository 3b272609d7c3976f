import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for the append-only audit trail.
public struct AuditTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// One entry to append: what was done to which record, and what changed (JSON text).
    public struct Entry: Sendable {
        public var action: String
        public var entityType: String
        public var entityID: String
        public var changes: String

        public init(action: String, entityType: String, entityID: String, changes: String) {
            self.action = action
            self.entityType = entityType
            self.entityID = entityID
            self.changes = changes
        }
    }

    /// Appends entries by one actor in one statement, in order.
    public func append(actor: Principal, _ entries: [Entry]) async throws {
        try await connection.query("""
            INSERT INTO audit_log (actor, role, channel, action, entity_type, entity_id, changes, actor_user_id, token_id)
            SELECT \(actor.name), \(actor.role.rawValue), \(actor.channel.rawValue), e.action, e.entity_type, e.entity_id,
                   e.changes::jsonb, \(actor.userID), \(actor.tokenID)
            FROM unnest(\(entries.map(\.action)), \(entries.map(\.entityType)), \(entries.map(\.entityID)),
                        \(entries.map(\.changes))) WITH ORDINALITY AS e(action, entity_type, entity_id, changes, n)
            ORDER BY e.n
            """, logger: logger)
    }

    /// One entry of the read log (issue 13, item 8), written later with others, each by its own actor and at the
    /// time of the read it records.
    public struct LoggedEntry: Sendable {
        public var at: Date
        public var actor: Principal
        public var entry: Entry

        public init(at: Date, actor: Principal, entry: Entry) {
            self.at = at
            self.actor = actor
            self.entry = entry
        }
    }

    /// Appends entries of several actors in one statement, in order (the chain trigger hashes each row).
    public func append(logged entries: [LoggedEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await connection.query("""
            INSERT INTO audit_log (at, actor, role, channel, action, entity_type, entity_id, changes, actor_user_id,
                                   token_id)
            SELECT e.at, e.actor, e.role, e.channel, e.action, e.entity_type, e.entity_id, e.changes::jsonb,
                   nullif(e.actor_user_id, '')::uuid, nullif(e.token_id, '')::uuid
            FROM unnest(\(entries.map(\.at)), \(entries.map(\.actor.name)), \(entries.map(\.actor.role.rawValue)),
                        \(entries.map(\.actor.channel.rawValue)), \(entries.map(\.entry.action)),
                        \(entries.map(\.entry.entityType)), \(entries.map(\.entry.entityID)),
                        \(entries.map(\.entry.changes)), \(entries.map { $0.actor.userID?.text ?? "" }),
                        \(entries.map { $0.actor.tokenID?.text ?? "" }))
                WITH ORDINALITY AS e(at, actor, role, channel, action, entity_type, entity_id, changes, actor_user_id,
                                     token_id, n)
            ORDER BY e.n
            """, logger: logger)
    }

    /// Newest first. `action` narrows to one action; without it, the actions in `hiding` are left out (the read log's
    /// entries, which would otherwise drown the trail's writes).
    public func list(entityType: String?, entityID: String?, actor: String?, action: String? = nil,
                     hiding: [String] = [], since: Date?, page: PageRequest) async throws -> Page<AuditEntry> {
        let before = page.cursor.flatMap { Int64($0.id) }
        let hidden = action == nil ? hiding : []
        let rows = try await connection.query("""
            SELECT id, at, actor, role, channel, action, entity_type, entity_id, changes::text FROM audit_log
            WHERE (\(entityType)::text IS NULL OR entity_type = \(entityType))
              AND (\(entityID)::text IS NULL OR entity_id = \(entityID))
              AND (\(actor)::text IS NULL OR actor = \(actor))
              AND (\(action)::text IS NULL OR action = \(action))
              AND action <> ALL(\(hidden)::text[])
              AND (\(since)::timestamptz IS NULL OR at >= \(since))
              AND (\(before)::bigint IS NULL OR id < \(before))
            ORDER BY id DESC LIMIT \(page.limit + 1)
            """, logger: logger)
        var items = try await Self.entries(rows)
        let more = items.count > page.limit
        items = Array(items.prefix(page.limit))
        return Page(items: items, nextCursor: more ? items.last.map { Cursor(key: "", id: String($0.id)).encoded } : nil)
    }

    /// Entries from rows of `id, at, actor, role, channel, action, entity_type, entity_id, changes::text`.
    static func entries(_ rows: PostgresRowSequence) async throws -> [AuditEntry] {
        var items: [AuditEntry] = []
        for try await (id, at, actor, role, channel, action, type, entity, changes)
            in rows.decode((Int64, Date, String, String, String, String, String, String, String).self) {
            items.append(AuditEntry(id: id, at: at, actor: actor, role: Role(rawValue: role) ?? .admin,
                                    channel: Channel(rawValue: channel) ?? .cli, action: action, entityType: type,
                                    entityID: entity,
                                    changes: (try? JSONValue(parsing: changes)) ?? .null))
        }
        return items
    }

    /// One entry as its chain hash covers it (migration 0013, `audit_entry_text`), with the hash stored.
    public struct ChainLink: Sendable {
        public var seq: Int64
        public var id: Int64
        public var at: Date
        /// `at` in microseconds since 1970, as the hash covers it.
        public var atMicros: Int64
        public var actor: String
        public var role: String
        public var channel: String
        public var action: String
        public var entityType: String
        public var entityID: String
        /// jsonb's text of `changes`.
        public var changes: String
        /// The SHA-256 of `changes` as it was written, lower-case hex; what the hash covers (migration 0016).
        public var changesDigest: String
        public var actorUserID: String?
        public var tokenID: String?
        /// Lower-case hex.
        public var hash: String
    }

    /// Every entry in chain order, streamed to `body`, which returns false to stop.
    public func walkChain(_ body: (ChainLink) throws -> Bool) async throws {
        let rows = try await connection.query("""
            SELECT seq, id, at, (extract(epoch FROM at) * 1000000)::bigint, actor, role, channel, action, entity_type,
                   entity_id, changes::text, encode(changes_digest, 'hex'), actor_user_id::text, token_id::text,
                   encode(hash, 'hex')
            FROM audit_log ORDER BY seq
            """, logger: logger)
        for try await (seq, id, at, micros, actor, role, channel, action, type, entity, changes, digest, user, token, hash)
            in rows.decode((Int64, Int64, Date, Int64, String, String, String, String, String, String, String, String,
                            String?, String?, String).self) {
            let link = ChainLink(seq: seq, id: id, at: at, atMicros: micros, actor: actor, role: role, channel: channel,
                                 action: action, entityType: type, entityID: entity, changes: changes,
                                 changesDigest: digest, actorUserID: user, tokenID: token, hash: hash)
            guard try body(link) else { return }
        }
    }
}
