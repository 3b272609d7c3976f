import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// The PostgreSQL connection pools: one for reads and writes, and optionally one for report queries
/// (`DATABASE_READ_URL`, a replica). Run it (it is a swift-service-lifecycle service) before the first query.
public final class Database: Sendable {
    public let url: DatabaseURL
    public let readURL: DatabaseURL?
    let primary: PostgresClient
    let replica: PostgresClient?
    public let logger: Logger
    /// Connections waited for and leased, per pool, for `GET /metrics` (`PoolUse`).
    let primaryUse: PoolUse
    let replicaUse: PoolUse

    public init(url: DatabaseURL, readURL: DatabaseURL? = nil, poolSize: Int = 10, logger: Logger) {
        self.url = url
        self.readURL = readURL
        self.logger = logger
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        self.primary = PostgresClient(configuration: url.clientConfiguration(poolSize: poolSize), backgroundLogger: quiet)
        self.replica = readURL.map {
            PostgresClient(configuration: $0.clientConfiguration(poolSize: poolSize), backgroundLogger: quiet)
        }
        self.primaryUse = PoolUse(pool: "primary", size: poolSize)
        self.replicaUse = readURL == nil ? primaryUse : PoolUse(pool: "replica", size: poolSize)
    }

    /// Runs the pools until the surrounding task is cancelled.
    public func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.primary.run() }
            if let replica = self.replica {
                group.addTask { await replica.run() }
            }
        }
    }

    /// Runs `body` in one transaction: everything it writes is committed together, or nothing is. PostgresNIO's
    /// `withTransaction` sends BEGIN and COMMIT (ROLLBACK when `body` throws), as the hand-written version did.
    public func transaction<Result: Sendable>(_ body: @Sendable (Tables) async throws -> Result) async throws -> Result {
        do {
            return try await primaryUse.withTransaction(primary, logger: logger) { connection in
                try await body(Tables(connection: connection, logger: logger))
            }
        } catch {
            throw Self.map(error)
        }
    }

    /// Runs read-only work on one pooled connection of the primary; each statement commits on its own.
    public func read<Result: Sendable>(_ body: @Sendable (Tables) async throws -> Result) async throws -> Result {
        do {
            return try await primaryUse.withConnection(primary) { try await body(Tables(connection: $0, logger: logger)) }
        } catch {
            throw Self.map(error)
        }
    }

    /// Runs a report query on the replica when one is configured, else on the primary.
    public func report<Result: Sendable>(_ body: @Sendable (Tables) async throws -> Result) async throws -> Result {
        do {
            return try await replicaUse.withConnection(replica ?? primary) {
                try await body(Tables(connection: $0, logger: logger))
            }
        } catch {
            throw Self.map(error)
        }
    }

    /// A raw pooled connection of the primary, for tests and tools that need SQL of their own (the migrator, a test
    /// ageing a row). Services never use it: their SQL is a named method of a table.
    @discardableResult
    public func withConnection<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await primaryUse.withConnection(primary) { try await body($0) }
        } catch {
            throw Self.map(error)
        }
    }

    /// True when the primary answers `SELECT 1` within the timeout.
    public func isReachable(timeout: Duration = .seconds(2)) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                (try? await self.primary.withConnection { try await $0.query("SELECT 1", logger: self.logger) }) != nil
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
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
                return ServiceError.invalid(ConstraintFields.field(for: constraint), vi: "không hợp lệ (\(detail))",
                                            en: "is not valid (\(detail))")
            case PostgresError.Code.serializationFailure.raw, PostgresError.Code.deadlockDetected.raw,
                 PostgresError.Code.lockNotAvailable.raw:
                return ServiceError(.conflict, slug: "concurrent-update",
                                    LocalizedText(vi: "Bản ghi đang được thay đổi đồng thời; hãy thử lại",
                                                  en: "The record is being changed concurrently; try again"))
            case PostgresError.Code.undefinedTable.raw, PostgresError.Code.undefinedColumn.raw:
                return ServiceError(.unavailable, slug: "not-migrated", LocalizedText(
                    vi: "Cơ sở dữ liệu chưa được cập nhật cấu trúc: chạy `talent migrate` (\(detail))",
                    en: "The database schema is not up to date: run `talent migrate` (\(detail))"))
            case _ where state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("28") || state.hasPrefix("3D"):
                return ServiceError(.unavailable, LocalizedText(vi: "Không kết nối được cơ sở dữ liệu: \(detail)",
                                                                en: "The database cannot be reached: \(detail)"))
            default:
                return ServiceError(.internalFailure, LocalizedText(vi: "Lỗi cơ sở dữ liệu: \(detail)",
                                                                    en: "Database error: \(detail)"))
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
        return known.first(where: { constraint.contains($0.0) })?.1 ?? (constraint.isEmpty ? "input" : constraint)
    }
}
