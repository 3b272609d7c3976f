import Foundation
import Logging
import Metrics
import PostgresNIO

/// How one connection pool is used, as swift-metrics sees it: requests waiting for a connection, connections leased,
/// how long a connection was waited for, and the pool's size. PostgresNIO's pool reports none of this, so it is
/// measured around each connection `Database` leases. Without a metrics backend (every CLI
/// command) these are no-ops.
struct PoolUse: Sendable {
    let waiting: Meter
    let leased: Meter
    let wait: Metrics.Timer

    init(pool: String, size: Int) {
        let dimensions = [("pool", pool)]
        waiting = Meter(label: "talent_db_pool_waiting", dimensions: dimensions)
        leased = Meter(label: "talent_db_pool_leased", dimensions: dimensions)
        wait = Metrics.Timer(label: "talent_db_pool_wait_seconds", dimensions: dimensions)
        Gauge(label: "talent_db_pool_size", dimensions: dimensions).record(size)
    }

    /// `body` on a connection borrowed from `lender` within `wait`, measured, on the connection's event loop (so that
    /// its answers resume the work on the thread that read them, instead of hopping to Swift's pool and back).
    func withConnection<Result: Sendable>(
        _ lender: ConnectionLender, wait: Duration, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let started = ContinuousClock.now
        waiting.increment()
        let connection: PostgresConnection
        do {
            connection = try await lender.borrow(wait: wait)
        } catch {
            // Not handed over in time, or the request was cancelled meanwhile.
            waiting.decrement()
            throw error
        }
        leaseBegan(since: started)
        defer {
            leased.decrement()
            lender.giveBack(connection)
        }
        return try await withTaskExecutorPreference(EventLoopExecutor.of(connection.eventLoop)) {
            try await body(connection)
        }
    }

    /// The connection is in hand: the wait ends, the lease begins (and ends with the body, in the caller).
    private func leaseBegan(since started: ContinuousClock.Instant) {
        waiting.decrement()
        wait.record(duration: ContinuousClock.now - started)
        leased.increment()
    }
}
