import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for the append-only audit trail.
public enum AuditTable {
    public static func append(actor: Actor, action: String, entityType: String, entityID: String, changes: String,
                              on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO audit_log (actor, role, channel, action, entity_type, entity_id, changes, actor_user_id, token_id)
            VALUES (\(actor.name), \(actor.role.rawValue), \(actor.channel.rawValue), \(action), \(entityType),
                    \(entityID), \(changes)::jsonb, \(actor.userID), \(actor.tokenID))
            """, logger: logger)
    }

    /// Newest first.
    public static func list(entityType: String?, entityID: String?, actor: String?, since: Date?, page: PageRequest,
                            on connection: PostgresConnection, logger: Logger) async throws -> Page<AuditEntry> {
        let before = page.cursor.flatMap { Int64($0.id) }
        let rows = try await connection.query("""
            SELECT id, at, actor, role, channel, action, entity_type, entity_id, changes::text FROM audit_log
            WHERE (\(entityType)::text IS NULL OR entity_type = \(entityType))
              AND (\(entityID)::text IS NULL OR entity_id = \(entityID))
              AND (\(actor)::text IS NULL OR actor = \(actor))
              AND (\(since)::timestamptz IS NULL OR at >= \(since))
              AND (\(before)::bigint IS NULL OR id < \(before))
            ORDER BY id DESC LIMIT \(page.limit + 1)
            """, logger: logger)
        var items: [AuditEntry] = []
        for try await (id, at, actor, role, channel, action, type, entity, changes)
            in rows.decode((Int64, Date, String, String, String, String, String, String, String).self) {
            items.append(AuditEntry(id: id, at: at, actor: actor, role: Role(rawValue: role) ?? .admin,
                                    channel: Channel(rawValue: channel) ?? .cli, action: action, entityType: type,
                                    entityID: entity,
                                    changes: (try? JSONDecoder().decode(JSONValue.self, from: Data(changes.utf8))) ?? .null))
        }
        let more = items.count > page.limit
        items = Array(items.prefix(page.limit))
        return Page(items: items, nextCursor: more ? items.last.map { Cursor(key: "", id: String($0.id)).encoded } : nil)
    }
}
