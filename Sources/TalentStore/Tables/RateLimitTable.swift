import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for the partners' request budgets (migration 0019): one token bucket per partner, shared by every instance of
/// the server.
public struct RateLimitTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Takes one request from the partner's bucket, which holds at most `capacity` requests and refills at `perSecond`
    /// (a new bucket starts full). Returns whether it was taken and, when it was not, how many requests the bucket
    /// holds now (below 1; nil when a concurrent first request made the bucket after this statement began).
    public func take(partnerCode: String, capacity: Double, perSecond: Double) async throws -> (taken: Bool, left: Double?) {
        // One statement, under the bucket row's lock (ON CONFLICT DO UPDATE), so concurrent requests on any instance
        // count one after another. A refused request changes nothing: the refill is linear, so the old count and
        // time still give the same count later. The second column reads the statement's snapshot (the row as it was
        // before), only to say how long to wait.
        let rows = try await connection.query("""
            WITH clock AS (SELECT clock_timestamp() AS now),
            taken AS (
                INSERT INTO rate_limits AS r (partner_code, tokens, refilled_at)
                SELECT \(partnerCode), \(capacity)::float8 - 1, now FROM clock
                ON CONFLICT (partner_code) DO UPDATE
                    SET tokens = least(\(capacity)::float8, r.tokens + greatest(0, extract(epoch FROM EXCLUDED.refilled_at
                                       - r.refilled_at))::float8 * \(perSecond)::float8) - 1,
                        refilled_at = EXCLUDED.refilled_at
                    WHERE least(\(capacity)::float8, r.tokens + greatest(0, extract(epoch FROM EXCLUDED.refilled_at
                                - r.refilled_at))::float8 * \(perSecond)::float8) >= 1
                RETURNING 1
            )
            SELECT EXISTS (SELECT 1 FROM taken),
                   (SELECT least(\(capacity)::float8, b.tokens + greatest(0, extract(epoch FROM c.now - b.refilled_at))::float8
                                 * \(perSecond)::float8)
                    FROM rate_limits b, clock c WHERE b.partner_code = \(partnerCode))
            """, logger: logger)
        for try await (taken, left) in rows.decode((Bool, Double?).self) {
            return (taken, left)
        }
        return (false, nil)
    }
}
