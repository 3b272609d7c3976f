import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for partners' webhooks, and their deliveries queued in and claimed from the outbox.
public struct WebhookTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = "w.id, w.partner_code, w.url, w.active, w.created_by, w.created_at"

    static func decode(_ rows: PostgresRowSequence) async throws -> [Webhook] {
        var result: [Webhook] = []
        for try await (id, partner, url, active, by, at) in rows.decode((UUID, String, String, Bool, String, Date).self) {
            result.append(Webhook(id: id, partnerCode: partner, url: url, active: active, createdBy: by, createdAt: at))
        }
        return result
    }

    public func insert(_ valid: ValidWebhook, secret: String, createdBy: String) async throws -> Webhook {
        let rows = try await connection.query("""
            INSERT INTO webhooks AS w (partner_code, url, secret, created_by)
            VALUES (\(valid.partnerCode), \(valid.url), \(secret), \(createdBy))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger)
        guard var webhook = try await Self.decode(rows).first else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Không ghi được webhook", en: "The webhook was not written"))
        }
        webhook.secret = secret
        return webhook
    }

    public func get(_ id: UUID) async throws -> Webhook? {
        try await Self.decode(connection.query(
            "SELECT \(unescaped: Self.columns) FROM webhooks w WHERE w.id = \(id)", logger: logger)).first
    }

    /// Every webhook (of one partner), the active first, newest first.
    public func list(partnerCode: String?) async throws -> [Webhook] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM webhooks w
            WHERE (\(partnerCode)::text IS NULL OR w.partner_code = \(partnerCode))
            ORDER BY w.active DESC, w.created_at DESC, w.id
            """, logger: logger))
    }

    /// Stops a webhook: no more deliveries are queued for it, and those still waiting are given up.
    public func deactivate(_ id: UUID) async throws {
        try await connection.query("""
            WITH stopped AS (UPDATE webhooks SET active = false, removed_at = now() WHERE id = \(id) AND active)
            UPDATE outbox SET state = 'failed', last_error = 'webhook removed'
            WHERE webhook_id = \(id) AND state = 'pending'
            """, logger: logger)
    }

    /// Queues one body for every active webhook of a partner, in the caller's transaction; the delivery ids are made
    /// here so that the body can carry its own.
    public func enqueue(partnerCode: String, event: String, body: (UUID) -> String) async throws -> [UUID] {
        let hooks = try await connection.query(
            "SELECT id FROM webhooks WHERE partner_code = \(partnerCode) AND active ORDER BY created_at, id", logger: logger)
        var ids: [UUID] = []
        for try await hook in hooks.decode(UUID.self) {
            let id = UUID()
            try await connection.query("""
                INSERT INTO outbox (id, channel, event, webhook_id, partner_code, body)
                VALUES (\(id), 'webhook', \(event), \(hook), \(partnerCode), \(body(id)))
                """, logger: logger)
            ids.append(id)
        }
        return ids
    }

    /// Claims up to `limit` webhook deliveries that are due: each is leased for `lease` (another worker skips it
    /// meanwhile, and it comes back if this one dies mid-send) and counts one more attempt.
    public func claimDue(limit: Int, lease: Duration) async throws -> [DueWebhook] {
        let rows = try await connection.query("""
            WITH due AS (
                SELECT o.id FROM outbox o
                WHERE o.state = 'pending' AND o.channel = 'webhook' AND o.next_attempt_at <= now()
                ORDER BY o.next_attempt_at, o.id LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE outbox o SET attempts = o.attempts + 1,
                   next_attempt_at = now() + \(lease.seconds)::float8 * interval '1 second'
            FROM due, webhooks w
            WHERE o.id = due.id AND w.id = o.webhook_id
            RETURNING o.id, o.event, w.url, w.secret, o.body, o.attempts
            """, logger: logger)
        var result: [DueWebhook] = []
        for try await (id, event, url, secret, body, attempt) in rows.decode((UUID, String, String, String, String, Int).self) {
            result.append(DueWebhook(id: id, event: event, url: url, secret: secret, body: body, attempt: attempt))
        }
        return result
    }
}
