import Foundation
import PostgresNIO
import TalentDomain

extension Database {
    /// The read replica's state and lag, for `GET /health`; nil when no replica is configured. Unavailable when it does
    /// not answer within `timeout`. A read URL naming a server that is not in recovery (the primary itself) is ok,
    /// with no lag.
    public func replicaState(timeout: Duration = .seconds(1)) async -> ReplicaState? {
        guard let replica else { return nil }
        return await Self.within(timeout) { try await self.measureReplica(replica, timeout: timeout / 2) } ?? .unavailable
    }

    /// The lag in bytes of WAL (the primary's current position against the replica's replayed one) and, when there is
    /// some, in seconds since the replica replayed its last commit. The time alone would mislead: on an idle primary
    /// the last commit is old though nothing is missing. The primary's position is read first, so WAL written while the
    /// replica is asked does not count; what looks late is measured once more a moment later, so a commit that was on
    /// its way is not reported as a lag of the whole idle time before it.
    func measureReplica(_ replica: ConnectionLender, timeout: Duration) async throws -> ReplicaState {
        // Unknown when the primary does not answer in time: the replica's own state is still worth reporting.
        let primaryLSN: String? = await Self.within(timeout) {
            try await self.primary.withConnection(wait: timeout) { connection in
                for try await lsn in try await connection.query("SELECT pg_current_wal_lsn()::text", logger: self.logger)
                    .decode(String.self) { return lsn }
                return nil
            }
        } ?? nil
        var state = ReplicaState.unavailable
        for attempt in 0..<2 {
            if attempt > 0 { try await Task.sleep(for: .milliseconds(100)) }
            state = try await replica.withConnection(wait: timeout) { connection in
                let rows = try await connection.query("""
                    SELECT pg_is_in_recovery(),
                           pg_wal_lsn_diff(\(primaryLSN)::pg_lsn, pg_last_wal_replay_lsn())::float8,
                           extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8
                    """, logger: logger)
                for try await (recovering, bytes, age) in rows.decode((Bool, Double?, Double?).self) {
                    guard recovering else { return ReplicaState(status: .ok, lagSeconds: 0, lagBytes: 0) }
                    return ReplicaState.judge(lagBytes: bytes.map { Int64($0) }, replayAge: age)
                }
                return .unavailable
            }
            if state.status == .ok { break }
        }
        return state
    }
}
