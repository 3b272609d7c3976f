import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for the outbox: what is to be sent (webhook deliveries, e-mail), written in the transaction of the change
/// that causes it, and the answers to its attempts.
public struct OutboxTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Queues an e-mail, in the caller's transaction.
    public func enqueue(_ mail: MailDraft) async throws {
        try await connection.query("""
            INSERT INTO outbox (channel, event, recipient, candidate_id, body)
            VALUES ('email', \(mail.kind.rawValue), \(mail.to), \(mail.candidateID), \(mail.values.jsonString()))
            """, logger: logger)
    }

    /// Claims up to `limit` e-mails that are due, leased like webhook deliveries.
    public func claimDueMail(limit: Int, lease: Duration) async throws -> [DueMail] {
        let rows = try await connection.query("""
            WITH due AS (
                SELECT o.id FROM outbox o
                WHERE o.state = 'pending' AND o.channel = 'email' AND o.next_attempt_at <= now()
                ORDER BY o.next_attempt_at, o.id LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE outbox o SET attempts = o.attempts + 1,
                   next_attempt_at = now() + \(lease.seconds)::float8 * interval '1 second'
            FROM due WHERE o.id = due.id
            RETURNING o.id, o.event, o.recipient, o.body, o.attempts
            """, logger: logger)
        var result: [DueMail] = []
        for try await (id, event, to, body, attempt) in rows.decode((UUID, String, String, String, Int).self) {
            guard let kind = MailKind(rawValue: event) else { continue }
            result.append(DueMail(id: id, kind: kind, to: to, values: (try? JSONValue(parsing: body)) ?? .object([:]),
                                  attempt: attempt))
        }
        return result
    }

    /// Removes e-mails sent or given up more than `days` ago (their recipients and values are personal data).
    public func prune(olderThanDays days: Int) async throws {
        try await connection.query("""
            DELETE FROM outbox WHERE channel = 'email' AND state <> 'pending'
              AND coalesce(delivered_at, next_attempt_at) < now() - \(days) * interval '1 day'
            """, logger: logger)
    }

    /// Removes the e-mail queued since `time` that is still waiting.
    public func discardMail(since time: Date) async throws {
        try await connection.query("""
            DELETE FROM outbox WHERE channel = 'email' AND state = 'pending' AND created_at >= \(time)
            """, logger: logger)
    }

    /// The messages about one person follow them to the kept profile (a merge).
    public func reassign(from: UUID, to: UUID) async throws {
        try await connection.query("UPDATE outbox SET candidate_id = \(to) WHERE candidate_id = \(from)", logger: logger)
    }

    /// The answer to one attempt: delivered, tried again after `retryAfter`, or given up (`retryAfter` nil).
    public func record(_ id: UUID, attempt: Int, delivered: Bool, status: Int?, error: String?, retryAfter: Duration?) async throws {
        if delivered {
            try await connection.query("""
                UPDATE outbox SET state = 'delivered', delivered_at = now(), last_status = \(status), last_error = NULL
                WHERE id = \(id) AND state = 'pending' AND attempts = \(attempt)
                """, logger: logger)
        } else {
            try await connection.query("""
                UPDATE outbox SET state = CASE WHEN \(retryAfter?.seconds)::float8 IS NULL THEN 'failed' ELSE 'pending' END,
                       next_attempt_at = now() + coalesce(\(retryAfter?.seconds)::float8, 0) * interval '1 second',
                       last_status = \(status), last_error = left(\(error), 500)
                WHERE id = \(id) AND state = 'pending' AND attempts = \(attempt)
                """, logger: logger)
        }
    }

    /// Deliveries of one channel (of one partner), newest first.
    public func deliveries(channel: String, partnerCode: String?, state: DeliveryState?,
                           page: PageRequest) async throws -> Page<Delivery> {
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let after = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let rows = try await connection.query("""
            SELECT o.id, o.channel, o.event, o.partner_code, o.webhook_id, w.url, o.recipient, o.state, o.attempts,
                   CASE WHEN o.state = 'pending' THEN o.next_attempt_at END, o.last_status, o.last_error, o.created_at,
                   o.delivered_at, (extract(epoch FROM o.created_at) * 1000000)::bigint
            FROM outbox o LEFT JOIN webhooks w ON w.id = o.webhook_id
            WHERE o.channel = \(channel) AND (\(partnerCode)::text IS NULL OR o.partner_code = \(partnerCode))
              AND (\(state?.rawValue)::text IS NULL OR o.state = \(state?.rawValue))
              AND (\(afterMicros)::bigint IS NULL
                   OR (o.created_at, o.id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(after)))
            ORDER BY o.created_at DESC, o.id DESC LIMIT \(page.limit + 1)
            """, logger: logger)
        var items: [(Delivery, Int64)] = []
        for try await row in rows {
            let d = try row.decode((UUID, String, String, String?, UUID?, String?, String?, String, Int, Date?, Int?, String?,
                                    Date, Date?, Int64).self)
            items.append((Delivery(id: d.0, channel: d.1, event: d.2, partnerCode: d.3, webhookID: d.4, url: d.5,
                                   recipient: d.6, state: DeliveryState(rawValue: d.7) ?? .pending, attempts: d.8,
                                   nextAttemptAt: d.9, lastStatus: d.10, lastError: d.11, createdAt: d.12,
                                   deliveredAt: d.13), d.14))
        }
        let next = items.count > page.limit ? items[page.limit - 1] : nil
        return Page(items: items.prefix(page.limit).map(\.0),
                    nextCursor: next.map { Cursor(key: String($0.1), id: $0.0.id.text).encoded })
    }
}
