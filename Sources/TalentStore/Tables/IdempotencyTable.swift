import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// The state of an idempotency key when a request arrives with it.
public enum IdempotencyClaim: Sendable {
    /// This request owns the key: go ahead.
    case claimed
    /// The first request with this key finished: its answer.
    case replay(status: Int, body: String)
    /// The first request with this key is still running.
    case inFlight
    /// The key was used with another body.
    case mismatch
}

/// SQL for the idempotency keys of partner requests: one answer per partner and key.
public struct IdempotencyTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Claims a key for a request, or says what the first request with it did. An in-flight claim older than five
    /// minutes is taken over (its request died).
    public func claim(partnerCode: String, key: String, requestHash: String) async throws -> IdempotencyClaim {
        let inserted = try await connection.query("""
            INSERT INTO idempotency_keys (partner_code, key, request_hash, state) VALUES (\(partnerCode), \(key), \(requestHash), 'in_flight')
            ON CONFLICT (partner_code, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
                WHERE idempotency_keys.state = 'in_flight' AND idempotency_keys.created_at < now() - interval '5 minutes'
                  AND idempotency_keys.request_hash = EXCLUDED.request_hash
            RETURNING 1
            """, logger: logger)
        var claimed = false
        for try await _ in inserted.decode(Int.self) { claimed = true }
        if claimed { return .claimed }
        let rows = try await connection.query("""
            SELECT request_hash, state, response_status, response_body FROM idempotency_keys
            WHERE partner_code = \(partnerCode) AND key = \(key)
            """, logger: logger)
        for try await (hash, state, status, body) in rows.decode((String, String, Int?, String?).self) {
            if hash != requestHash { return .mismatch }
            if state == "done", let status, let body { return .replay(status: status, body: body) }
            return .inFlight
        }
        return .inFlight  // the other request just rolled its claim back; a retry will claim it
    }

    public func complete(partnerCode: String, key: String, status: Int, body: String) async throws {
        try await connection.query("""
            UPDATE idempotency_keys SET state = 'done', response_status = \(status), response_body = \(body)
            WHERE partner_code = \(partnerCode) AND key = \(key)
            """, logger: logger)
    }

    public func release(partnerCode: String, key: String) async throws {
        try await connection.query("""
            DELETE FROM idempotency_keys WHERE partner_code = \(partnerCode) AND key = \(key) AND state = 'in_flight'
            """, logger: logger)
    }

    /// Forgets keys older than 48 hours (they are promised for 24).
    public func prune() async throws {
        try await connection.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours'", logger: logger)
    }
}
