import NIOCore
import PostgresNIO
import Synchronization

/// Lends the connections of one `PostgresClient` to requests, with a bounded wait that costs nothing when a
/// connection is free.
///
/// A request that must not wait for ever used to race its lease from the client against a sleeping task, in a task
/// group: two child tasks and a timer for every lease, about a third of the server's own CPU on a read by id (issue 15).
/// Here up to `size` holder tasks each lease a connection from the client for as long as it stays open and lend it,
/// one request at a time: a request takes a free connection at once, or waits in a queue whose deadlines one timer
/// checks (`sweep`), and gives the connection back when its work is done. The client still makes, checks and replaces
/// the connections (a holder whose connection closed returns it and leases another); its own queue is only ever waited
/// on by the holders, so a database that is down makes requests wait at most their deadline, then fail with
/// `PoolWaitExpired`. Holders start on demand (a CLI command that needs one connection opens one) and stay.
final class ConnectionLender: Sendable {
    let client: PostgresClient
    let size: Int
    private let state = Mutex(State())
    private let demand: AsyncStream<Void>
    private let demandInput: AsyncStream<Void>.Continuation

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<PostgresConnection, any Error>
        let deadline: ContinuousClock.Instant
    }

    private struct State {
        /// Connections lent by a holder and in no request's hands.
        var free: [PostgresConnection] = []
        /// Requests waiting for a connection, first come first served.
        var waiting: [Waiter] = []
        /// Each lent connection's holder, waiting to take it back (closed, or shutting down).
        var holders: [ObjectIdentifier: CheckedContinuation<Void, Never>] = [:]
        /// Connections whose holder is shutting down: not lent again once given back.
        var retiring: Set<ObjectIdentifier> = []
        var started = 0
        var nextWaiter = 0
    }

    init(client: PostgresClient, size: Int) {
        self.client = client
        self.size = max(1, size)
        (demand, demandInput) = AsyncStream.makeStream(of: Void.self)
    }

    /// How often waiting requests are checked against their deadlines: a wait ends at most this much late.
    static let sweep: Duration = .milliseconds(25)

    /// Runs the holders that demand starts, and ends the waits that reach their deadline, until cancelled.
    func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask {
                // One timer for every waiting request, rather than one each (a cross-thread wake-up to set and
                // another to cancel, on every lease that waits).
                while (try? await Task.sleep(for: Self.sweep)) != nil { self.expire(now: .now) }
            }
            for await _ in demand {
                group.addTask { await self.hold() }
            }
            group.cancelAll()
        }
    }

    /// Fails the waits whose deadline has passed.
    private func expire(now: ContinuousClock.Instant) {
        let expired: [Waiter] = state.withLock { state in
            guard state.waiting.contains(where: { $0.deadline <= now }) else { return [] }
            let expired = state.waiting.filter { $0.deadline <= now }
            state.waiting.removeAll { $0.deadline <= now }
            return expired
        }
        for waiter in expired { waiter.continuation.resume(throwing: PoolWaitExpired()) }
    }

    /// A connection, within `wait`; throws `PoolWaitExpired` past it.
    func borrow(wait: Duration) async throws -> PostgresConnection {
        if let connection = takeFree() { return connection }
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PostgresConnection, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                let ready: PostgresConnection? = state.withLock { state in
                    if let connection = Self.popOpen(&state) { return connection }
                    state.waiting.append(Waiter(id: id, continuation: continuation, deadline: .now + wait))
                    if state.started < size {
                        state.started += 1
                        demandInput.yield()
                    }
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            fail(id, CancellationError())
        }
    }

    /// Gives a borrowed connection back: to the next waiting request, or to the free list; a closed one to its holder.
    func giveBack(_ connection: PostgresConnection) {
        let key = ObjectIdentifier(connection)
        enum Next { case waiter(Waiter), holder(CheckedContinuation<Void, Never>), none }
        let next: Next = state.withLock { state in
            if connection.isClosed || state.retiring.contains(key) {
                return state.holders.removeValue(forKey: key).map(Next.holder) ?? .none
            }
            return Self.offer(connection, &state).map(Next.waiter) ?? .none
        }
        switch next {
        case .waiter(let waiter):
            waiter.continuation.resume(returning: connection)
        case .holder(let holder):
            holder.resume()
        case .none:
            break
        }
    }

    /// `body` on a borrowed connection, given back when it ends.
    func withConnection<Result: Sendable>(wait: Duration, _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        let connection = try await borrow(wait: wait)
        defer { giveBack(connection) }
        return try await body(connection)
    }

    // MARK: - Holders

    /// Leases a connection from the client and lends it until it closes, again and again, until cancelled.
    private func hold() async {
        var failures = 0
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    failures = 0
                    await self.lend(connection)
                }
            } catch {
                // The client gave up making a connection (its circuit breaker); the requests' deadlines answer them.
                failures += 1
                try? await Task.sleep(for: .milliseconds(min(1000, 50 * failures)))
            }
        }
    }

    /// Lends one connection and returns when it has closed, or when the holder is cancelled and it is given back.
    private func lend(_ connection: PostgresConnection) async {
        let key = ObjectIdentifier(connection)
        await withTaskCancellationHandler {
            await withCheckedContinuation { (holder: CheckedContinuation<Void, Never>) in
                enum Next { case waiter(Waiter), retired, lent }
                let next: Next = state.withLock { state in
                    // Cancelled before it was lent (the handler ran first): straight back to the client.
                    if state.retiring.contains(key) { return .retired }
                    state.holders[key] = holder
                    return Self.offer(connection, &state).map(Next.waiter) ?? .lent
                }
                switch next {
                case .retired:
                    holder.resume()
                    return
                case .waiter(let waiter):
                    waiter.continuation.resume(returning: connection)
                case .lent:
                    break
                }
                connection.closeFuture.whenComplete { _ in self.takeBack(connection) }
            }
        } onCancel: {
            self.retire(connection)
        }
        // The object's address may be a new connection's later.
        _ = state.withLock { $0.retiring.remove(key) }
    }

    /// A connection that closed: its holder takes it back now if it is free, else when the request gives it back.
    private func takeBack(_ connection: PostgresConnection) {
        let key = ObjectIdentifier(connection)
        let holder: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard let index = state.free.firstIndex(where: { $0 === connection }) else { return nil }
            state.free.remove(at: index)
            return state.holders.removeValue(forKey: key)
        }
        holder?.resume()
    }

    /// Shutting down: a free connection goes back to the client now, a borrowed one when it is given back.
    private func retire(_ connection: PostgresConnection) {
        let key = ObjectIdentifier(connection)
        let holder: CheckedContinuation<Void, Never>? = state.withLock { state in
            state.retiring.insert(key)
            guard let index = state.free.firstIndex(where: { $0 === connection }) else { return nil }
            state.free.remove(at: index)
            return state.holders.removeValue(forKey: key)
        }
        holder?.resume()
    }

    // MARK: - The queue

    /// An open connection for the first waiting request (returned, to be resumed outside the lock), else for the
    /// free list.
    private static func offer(_ connection: PostgresConnection, _ state: inout State) -> Waiter? {
        if !state.waiting.isEmpty { return state.waiting.removeFirst() }
        state.free.append(connection)
        return nil
    }

    private func takeFree() -> PostgresConnection? {
        state.withLock { Self.popOpen(&$0) }
    }

    /// The most recently freed open connection (its socket and caches are warm); closed ones are left to their holder.
    private static func popOpen(_ state: inout State) -> PostgresConnection? {
        var index = state.free.count - 1
        while index >= 0 {
            if !state.free[index].isClosed { return state.free.remove(at: index) }
            index -= 1
        }
        return nil
    }

    /// Ends a waiting request with an error (its deadline, or its task cancelled), unless it was served meanwhile.
    private func fail(_ id: Int, _ error: any Error) {
        let waiter: Waiter? = state.withLock { state in
            guard let index = state.waiting.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiting.remove(at: index)
        }
        waiter?.continuation.resume(throwing: error)
    }
}
