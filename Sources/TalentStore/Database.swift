import Foundation
import Logging
import PostgresNIO
import Synchronization
import TalentDomain

/// How long the program waits on PostgreSQL. The API's connections have all four bounds, so that every request ends:
/// a statement runs at most `statementTimeout`, waits on a lock at most `lockTimeout`, a transaction left open by a
/// dead request is closed after `idleInTransactionTimeout`, and a request waits at most `poolWait` for a pooled
/// connection (then 503 with `Retry-After`). The CLI waits longer for a connection and sets no statement bounds: an
/// import or an audit check may run for minutes.
public struct DatabaseLimits: Sendable, Equatable {
    public var poolWait: Duration
    public var statementTimeout: Duration?
    public var lockTimeout: Duration?
    public var idleInTransactionTimeout: Duration?

    public init(poolWait: Duration, statementTimeout: Duration? = nil, lockTimeout: Duration? = nil,
                idleInTransactionTimeout: Duration? = nil) {
        self.poolWait = poolWait
        self.statementTimeout = statementTimeout
        self.lockTimeout = lockTimeout
        self.idleInTransactionTimeout = idleInTransactionTimeout
    }

    /// `talent serve`: `TALENT_DB_POOL_WAIT_MS`, `TALENT_DB_STATEMENT_TIMEOUT_MS`, `TALENT_DB_LOCK_TIMEOUT_MS`,
    /// `TALENT_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS` override these.
    public static let api = DatabaseLimits(poolWait: .seconds(2), statementTimeout: .seconds(15), lockTimeout: .seconds(5),
                                           idleInTransactionTimeout: .seconds(30))
    /// CLI commands and tests.
    public static let tool = DatabaseLimits(poolWait: .seconds(60))

    /// The session settings sent when a connection starts (PostgreSQL takes run-time settings in the startup message).
    var startupParameters: [(String, String)] {
        func milliseconds(_ duration: Duration) -> String {
            String(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        }
        var parameters: [(String, String)] = []
        if let statementTimeout { parameters.append(("statement_timeout", milliseconds(statementTimeout))) }
        if let lockTimeout { parameters.append(("lock_timeout", milliseconds(lockTimeout))) }
        if let idleInTransactionTimeout {
            parameters.append(("idle_in_transaction_session_timeout", milliseconds(idleInTransactionTimeout)))
        }
        return parameters
    }
}

/// The PostgreSQL connection pools: one for reads and writes, and optionally one for report queries
/// (`DATABASE_READ_URL`, a replica). Run it (it is a swift-service-lifecycle service) before the first query.
public final class Database: Sendable {
    public let url: DatabaseURL
    public let readURL: DatabaseURL?
    public let limits: DatabaseLimits
    let primaryClient: PostgresClient
    let replicaClient: PostgresClient?
    /// The clients' connections as requests borrow them (`ConnectionLender`).
    let primary: ConnectionLender
    let replica: ConnectionLender?
    public let logger: Logger
    /// Connections waited for and leased, per pool, for `GET /metrics` (`PoolUse`).
    let primaryUse: PoolUse
    let replicaUse: PoolUse

    public init(url: DatabaseURL, readURL: DatabaseURL? = nil, poolSize: Int = 10, limits: DatabaseLimits = .tool,
                logger: Logger) {
        self.url = url
        self.readURL = readURL
        self.limits = limits
        self.logger = logger
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        let primaryClient = PostgresClient(configuration: url.clientConfiguration(poolSize: poolSize, limits: limits),
                                           backgroundLogger: quiet)
        let replicaClient = readURL.map {
            PostgresClient(configuration: $0.clientConfiguration(poolSize: poolSize, limits: limits), backgroundLogger: quiet)
        }
        self.primaryClient = primaryClient
        self.replicaClient = replicaClient
        self.primary = ConnectionLender(client: primaryClient, size: poolSize)
        self.replica = replicaClient.map { ConnectionLender(client: $0, size: poolSize) }
        self.primaryUse = PoolUse(pool: "primary", size: poolSize)
        self.replicaUse = readURL == nil ? primaryUse : PoolUse(pool: "replica", size: poolSize)
    }

    /// Runs the pools until the surrounding task is cancelled.
    public func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.primaryClient.run() }
            group.addTask { await self.primary.run() }
            if let replicaClient = self.replicaClient, let replica = self.replica {
                group.addTask { await replicaClient.run() }
                group.addTask { await replica.run() }
            }
        }
    }

    /// Runs `body` in one transaction: everything it writes is committed together, or nothing is. The transaction is
    /// written out rather than PostgresNIO's `withTransaction`, for the one thing that differs: a ROLLBACK sent down a
    /// connection that has just died may never be answered (postgres-nio's fix for that, #487, was reverted in #501),
    /// and a request must end. So a ROLLBACK is not sent on a closed connection, and gets `rollbackWait`; past it the
    /// connection is closed, which ends the transaction on the server too.
    public func transaction<Result: Sendable>(_ body: @Sendable (Tables) async throws -> Result) async throws -> Result {
        do {
            return try await leased(primary, use: primaryUse) { connection in
                try await connection.query("BEGIN", logger: self.logger)
                do {
                    let result = try await body(Tables(connection: connection, logger: self.logger))
                    try await connection.query("COMMIT", logger: self.logger)
                    return result
                } catch {
                    await self.rollBack(connection)
                    throw error
                }
            }
        } catch {
            throw Self.map(error)
        }
    }

    /// How long a ROLLBACK may take before its connection is closed instead.
    static let rollbackWait: Duration = .seconds(2)

    /// Rolls the connection's transaction back, or closes the connection when that does not answer in time.
    func rollBack(_ connection: PostgresConnection) async {
        guard !connection.isClosed else { return }
        // Two unstructured tasks, not a task group: a group would wait for a ROLLBACK that never answers.
        let answered = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let first = FirstOfTwo()
            Task {
                let done = (try? await connection.query("ROLLBACK", logger: self.logger)) != nil
                if first.claim() { continuation.resume(returning: done) }
            }
            Task {
                try? await Task.sleep(for: Self.rollbackWait)
                if first.claim() { continuation.resume(returning: false) }
            }
        }
        if !answered, !connection.isClosed {
            logger.warning("ROLLBACK did not answer; closing the connection")
            try? await connection.close()
        }
    }

    /// Runs read-only work on one pooled connection of the primary; each statement commits on its own.
    public func read<Result: Sendable>(_ body: @Sendable (Tables) async throws -> Result) async throws -> Result {
        do {
            return try await leased(primary, use: primaryUse) { try await body(Tables(connection: $0, logger: self.logger)) }
        } catch {
            throw Self.map(error)
        }
    }

    /// Runs a report query on the replica when one is configured, else on the primary.
    /// A replica that hands out no connection within `replicaWait` (down, or its pool taken) leaves the query to the
    /// primary: a report is slower there, never refused for want of the replica.
    public func report<Result: Sendable>(_ body: @Sendable (Tables) async throws -> Result) async throws -> Result {
        do {
            if let replica {
                let started = FirstOfTwo()
                do {
                    return try await leased(replica, use: replicaUse, wait: Self.replicaWait) { connection in
                        _ = started.claim()
                        return try await body(Tables(connection: connection, logger: self.logger))
                    }
                } catch where started.claim() {  // failed before the body began: it never ran
                    logger.warning("replica unavailable; the report runs on the primary", metadata: ["error": "\(error)"])
                }
            }
            return try await leased(primary, use: primaryUse) { try await body(Tables(connection: $0, logger: self.logger)) }
        } catch {
            throw Self.map(error)
        }
    }

    /// How long a report waits for the replica before it goes to the primary.
    static let replicaWait: Duration = .milliseconds(500)

    /// A raw pooled connection of the primary, for tests and tools that need SQL of their own (the migrator, a test
    /// ageing a row). Services never use it: their SQL is a named method of a table.
    @discardableResult
    public func withConnection<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await leased(primary, use: primaryUse) { try await body($0) }
        } catch {
            throw Self.map(error)
        }
    }

    /// Runs `body` on a connection of `lender`, waiting at most `limits.poolWait` for one. A request that got no
    /// connection in time fails before it starts (never halfway) and answers 503: the pool is busy, or the database
    /// cannot be reached.
    func leased<Result: Sendable>(
        _ lender: ConnectionLender, use: PoolUse, wait: Duration? = nil,
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await use.withConnection(lender, wait: wait ?? limits.poolWait, body)
    }

    /// What `body` returns within `timeout`; nil when it throws or takes longer (it is then cancelled).
    static func within<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { try? await body() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// What the primary's state is, answered within about a second: whether a pooled connection answers `SELECT 1`,
    /// and when none is free in time, whether a connection of its own does (the pool is busy) or not (the database is
    /// down).
    public func health() async -> DatabaseHealth {
        if await isReachable(timeout: .milliseconds(400)) { return .ok }
        return await probe() ? .busy : .unavailable
    }

    /// True when the primary accepts a connection of its own (outside the pool) and answers on it within 400 ms.
    func probe() async -> Bool {
        await Self.within(.milliseconds(400)) {
            let connection = try await PostgresConnection.connect(
                configuration: try self.url.connectionConfiguration(connectTimeout: .milliseconds(400)), id: 0,
                logger: self.logger)
            defer { Task { try? await connection.close() } }
            _ = try await connection.query("SELECT 1", logger: self.logger)
            return true
        } ?? false
    }

    /// True when the primary answers `SELECT 1` within the timeout (the CLI's check before a command).
    public func isReachable(timeout: Duration = .seconds(2)) async -> Bool {
        do {
            try await leased(primary, use: primaryUse, wait: timeout) { _ = try await $0.query("SELECT 1", logger: self.logger) }
            return true
        } catch {
            return false
        }
    }

    /// Turns what PostgreSQL or the driver threw into the service layer's error.
    public static func map(_ error: any Error) -> any Error {
        if error is ServiceError { return error }
        // `withTransaction` wraps what failed: the body (whatever the ROLLBACK then did), else COMMIT, else BEGIN.
        if let transaction = error as? PostgresTransactionError,
           let inner = transaction.closureError ?? transaction.commitError ?? transaction.beginError {
            return map(inner)
        }
        if error is CancellationError { return error }
        if error is PoolWaitExpired { return ServiceError.busy }
        // Errors of the caller's own (such as a rollback signal) pass through; the edges treat unknown ones as internal.
        guard let psql = error as? PSQLError else { return error }
        switch psql.code {
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            let constraint = psql.serverInfo?[.constraintName] ?? ""
            let detail = psql.serverInfo?[.message] ?? ""
            switch state {
            case PostgresError.Code.uniqueViolation.raw:
                let field = ConstraintFields.field(for: constraint)
                return ServiceError(
                    .conflict, slug: "duplicate",
                    LocalizedText(vi: "Đã có bản ghi khác với cùng \(field)", en: "Another record already has this \(field)"),
                    fieldErrors: [FieldError(field, vi: "đã được dùng", en: "is already taken")])
            case PostgresError.Code.exclusionViolation.raw:
                return ServiceError(.conflict, slug: "overlapping-agreement", LocalizedText(
                    vi: "Đối tác đã có một thỏa thuận đang hiệu lực trùng thời gian",
                    en: "The partner already has an active agreement overlapping these dates"))
            case PostgresError.Code.foreignKeyViolation.raw:
                return ServiceError.invalid(ConstraintFields.field(for: constraint),
                                            vi: "tham chiếu tới bản ghi không tồn tại hoặc còn được dùng",
                                            en: "refers to a record that does not exist or is still in use")
            case PostgresError.Code.checkViolation.raw, PostgresError.Code.notNullViolation.raw,
                 PostgresError.Code.invalidTextRepresentation.raw, PostgresError.Code.stringDataRightTruncation.raw,
                 PostgresError.Code.numericValueOutOfRange.raw, PostgresError.Code.invalidDatetimeFormat.raw,
                 PostgresError.Code.datetimeFieldOverflow.raw, PostgresError.Code.characterNotInRepertoire.raw,
                 PostgresError.Code.untranslatableCharacter.raw:
                // PostgreSQL's own message ("interval out of range") is for the log; the caller learns which field.
                Logger(label: "talent.database").notice("value refused", metadata: ["sqlstate": "\(state)", "message": "\(detail)"])
                return ServiceError.invalid(ConstraintFields.field(for: constraint), vi: "không hợp lệ", en: "is not valid")
            case PostgresError.Code.lockNotAvailable.raw, PostgresError.Code.queryCanceled.raw:
                // lock_timeout or statement_timeout: the request waited or ran too long; the work is rolled back.
                return ServiceError.busy
            case PostgresError.Code.serializationFailure.raw, PostgresError.Code.deadlockDetected.raw:
                return ServiceError(.conflict, slug: "concurrent-update",
                                    LocalizedText(vi: "Bản ghi đang được thay đổi đồng thời; hãy thử lại",
                                                  en: "The record is being changed concurrently; try again"))
            case PostgresError.Code.undefinedTable.raw, PostgresError.Code.undefinedColumn.raw:
                Logger(label: "talent.database").error("schema not migrated", metadata: ["message": "\(detail)"])
                return ServiceError(.unavailable, slug: "not-migrated", LocalizedText(
                    vi: "Cơ sở dữ liệu chưa được cập nhật cấu trúc: chạy `talent migrate`",
                    en: "The database schema is not up to date: run `talent migrate`"))
            case _ where state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("28") || state.hasPrefix("3D")
                || state == "25P03":
                // Down, restarting, refusing this role, or a transaction closed for idling: PostgreSQL's message goes
                // to the log, not to the caller.
                Logger(label: "talent.database").warning("database unavailable", metadata: ["sqlstate": "\(state)", "message": "\(detail)"])
                return ServiceError.unavailable
            default:
                Logger(label: "talent.database").error("database error", metadata: ["sqlstate": "\(state)", "message": "\(detail)"])
                return ServiceError(.internalFailure, LocalizedText(vi: "Lỗi cơ sở dữ liệu (SQLSTATE \(state))",
                                                                    en: "Database error (SQLSTATE \(state))"))
            }
        case .connectionError, .serverClosedConnection, .clientClosedConnection,
             .poolClosed, .unexpectedBackendMessage, .sslUnsupported, .failedToAddSSLHandler:
            return ServiceError.unavailable
        default:
            return ServiceError.unavailable
        }
    }
}

/// Which input field a database constraint guards, so a violation names the field the person typed.
enum ConstraintFields {
    static func field(for constraint: String) -> String {
        let known: [(String, String)] = [
            ("citizen_id", "citizen_id"), ("email", "email"), ("phone", "phone"), ("merged_into", "merged_into"),
            ("agency", "agency"), ("user_id", "user"), ("code", "code"), ("name", "name"),
        ]
        // A constraint of no known field is named to nobody: its name is the schema's, not the caller's.
        return known.first(where: { constraint.contains($0.0) })?.1 ?? "input"
    }
}

/// What `Database.health()` found.
public enum DatabaseHealth: String, Sendable {
    /// A pooled connection answered.
    case ok
    /// No pooled connection was free in time, but the database answers a connection of its own.
    case busy
    /// The database does not answer.
    case unavailable
}

/// A request waited `DatabaseLimits.poolWait` without getting a connection.
struct PoolWaitExpired: Error {}

/// Which of two racing tasks came first: exactly one `claim` returns true. A pooled connection races the pool wait's
/// deadline (so a request either runs whole or never starts), a ROLLBACK races its own.
final class FirstOfTwo: Sendable {
    private let claimed = Atomic<Bool>(false)

    func claim() -> Bool { claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged }
}
