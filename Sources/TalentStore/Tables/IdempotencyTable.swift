import Crypto
import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// What an idempotency key says when a request arrives with it, inside the request's own transaction.
public enum IdempotencyClaim: Sendable {
    /// This request holds the key and no answer is stored: go ahead, and store the answer in the same transaction.
    case claimed
    /// A request with this key finished: its answer.
    case replay(status: Int, body: String)
    /// Another request with this key is running right now (it holds the key's lock).
    case inFlight
    /// The key was used with another body.
    case mismatch
}

/// SQL for the idempotency keys of partner requests: one answer per partner and key.
///
/// A request holds its key with a transaction-level advisory lock and stores its answer in the same transaction as
/// its work. Nothing is left behind when a request dies: a crashed server closes its connections, PostgreSQL rolls
/// their transactions back and releases their locks, and the next retry finds the key free. A request that is still
/// running keeps its lock, however long it takes, so a retry meanwhile is told the key is in flight.
public struct IdempotencyTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Takes the key's lock (without waiting) and says what the key holds. Call it first in the transaction that
    /// does the work; `store` the answer in the same transaction.
    public func claim(partnerCode: String, key: String, requestHash: String) async throws -> IdempotencyClaim {
        let lock = Self.lockKey(partnerCode: partnerCode, key: key)
        let locked = try await connection.query("SELECT pg_try_advisory_xact_lock(\(lock))", logger: logger)
        var held = false
        for try await got in locked.decode(Bool.self) { held = got }
        guard held else { return .inFlight }
        let rows = try await connection.query("""
            SELECT request_hash, response_status, response_body FROM idempotency_keys
            WHERE partner_code = \(partnerCode) AND key = \(key)
            """, logger: logger)
        for try await (hash, status, body) in rows.decode((String, Int, String).self) {
            guard hash == requestHash else { return .mismatch }
            return .replay(status: status, body: body)
        }
        return .claimed
    }

    /// Stores the answer of the request that holds the key (in its transaction: it commits with the work).
    public func store(partnerCode: String, key: String, requestHash: String, status: Int, body: String) async throws {
        try await connection.query("""
            INSERT INTO idempotency_keys (partner_code, key, request_hash, state, response_status, response_body)
            VALUES (\(partnerCode), \(key), \(requestHash), 'done', \(status), \(body))
            ON CONFLICT (partner_code, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, state = 'done',
                response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body, created_at = now()
            """, logger: logger)
    }

    /// Forgets keys older than 48 hours (they are promised for 24).
    public func prune() async throws {
        try await connection.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours'", logger: logger)
    }

    /// The advisory lock of a partner's key: 64 bits of a SHA-256 of both, in a namespace of its own (a collision
    /// would only make a request wait for a retry).
    static func lockKey(partnerCode: String, key: String) -> Int64 {
        let digest = SHA256.hash(data: Data("idempotency\u{0}\(partnerCode)\u{0}\(key)".utf8))
        return digest.withUnsafeBytes { bytes in
            bytes.prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) }
        }
    }
}
