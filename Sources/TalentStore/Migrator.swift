import Crypto
import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// One file of `sql/migrations`, named `NNNN_name.sql`.
public struct Migration: Sendable, Hashable {
    public var version: Int
    public var name: String
    public var sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// SHA-256 of the file's bytes, recorded when applied so that a later edit is noticed.
    public var checksum: String {
        SHA256.hash(data: Data(sql.utf8)).hexString
    }

    public var fileName: String { String(format: "%04d_%@.sql", version, name) }
}

/// What `talent migrate` reports.
public struct MigrationStatus: Sendable {
    public var applied: [Migration]
    public var pending: [Migration]
}

/// Applies `sql/migrations` in order, each in its own transaction, recorded with its checksum; refuses a history
/// that was edited, reordered or lost after it was applied.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    /// Reads the migration files of a directory.
    public init(directory: URL) throws {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        } catch {
            throw ServiceError(.internalFailure, LocalizedText(
                vi: "Không đọc được thư mục migration \(directory.path)", en: "Cannot read the migrations folder \(directory.path)"))
        }
        var migrations: [Migration] = []
        for file in files where file.pathExtension == "sql" {
            let base = file.deletingPathExtension().lastPathComponent
            let parts = base.split(separator: "_", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 4, let version = Int(parts[0]) else {
                throw ServiceError(.internalFailure, LocalizedText(
                    vi: "Tên tệp migration phải có dạng NNNN_ten.sql: \(file.lastPathComponent)",
                    en: "Migration files are named NNNN_name.sql: \(file.lastPathComponent)"))
            }
            let sql = try String(contentsOf: file, encoding: .utf8)
            migrations.append(Migration(version: version, name: String(parts[1]), sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw ServiceError(.internalFailure, LocalizedText(
                vi: "Hai migration cùng số \(a.version): \(a.fileName) và \(b.fileName)",
                en: "Two migrations share the number \(a.version): \(a.fileName) and \(b.fileName)"))
        }
        self.init(migrations: migrations)
    }

    /// Finds `sql/migrations`: `TALENT_MIGRATIONS_DIR`, then the working directory and its parents, then the
    /// folders above the executable (`.build/release/talent` in a checkout), then this source tree.
    public static func locateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                       sourceFile: String = #filePath) -> URL? {
        if let explicit = environment["TALENT_MIGRATIONS_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        starts.append(URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent())
        starts.append(URL(fileURLWithPath: sourceFile).deletingLastPathComponent())
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent("sql/migrations")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate
                }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }

    public static func fromDefaultLocation() throws -> Migrator {
        guard let dir = locateDirectory() else {
            throw ServiceError(.internalFailure, LocalizedText(
                vi: "Không tìm thấy thư mục sql/migrations (đặt TALENT_MIGRATIONS_DIR)",
                en: "Cannot find sql/migrations (set TALENT_MIGRATIONS_DIR)"))
        }
        return try Migrator(directory: dir)
    }

    /// Compares the files with what the database has applied, refusing an edited, reordered or missing history.
    public func status(_ database: Database) async throws -> MigrationStatus {
        // Read only: the application's role may read the history but not create its table.
        try await database.withConnection { connection in
            let rows = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL",
                                                  logger: database.logger)
            var exists = false
            for try await present in rows.decode(Bool.self) { exists = present }
            guard exists else { return MigrationStatus(applied: [], pending: self.migrations) }
            return try await self.compare(connection, logger: database.logger)
        }
    }

    /// Applies every pending migration, each in its own transaction; returns the ones applied now.
    @discardableResult
    public func migrate(_ database: Database) async throws -> [Migration] {
        let logger = database.logger
        return try await database.withConnection { connection in
            // One migrator at a time, even when two `talent migrate` run at once.
            try await connection.query("SELECT pg_advisory_lock(7346010)", logger: logger)
            do {
                try await self.ensureTable(connection, logger: logger)
                let status = try await self.compare(connection, logger: logger)
                for migration in status.pending {
                    do {
                        try await connection.withTransaction(logger: logger) { connection in
                            for statement in SQLScript.statements(migration.sql) {
                                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                            }
                            try await connection.query("""
                                INSERT INTO schema_migrations (version, name, checksum)
                                VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                                """, logger: logger)
                        }
                    } catch let error as PostgresTransactionError {
                        // A BEGIN that failed is the connection's trouble, not the migration's: thrown as it came.
                        if let begin = error.beginError { throw begin }
                        let failure = error.closureError ?? error.commitError ?? error
                        let detail = (failure as? PSQLError)?.serverInfo?[.message] ?? "\(failure)"
                        throw ServiceError(.internalFailure, LocalizedText(
                            vi: "Migration \(migration.fileName) thất bại, không có gì thay đổi: \(detail)",
                            en: "Migration \(migration.fileName) failed and changed nothing: \(detail)"))
                    }
                }
                try await connection.query("SELECT pg_advisory_unlock(7346010)", logger: logger)
                return status.pending
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(7346010)", logger: logger)
                throw error
            }
        }
    }

    func ensureTable(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
    }

    func compare(_ connection: PostgresConnection, logger: Logger) async throws -> MigrationStatus {
        let rows = try await connection.query(
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version", logger: logger)
        var applied: [Migration] = []
        var files = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for try await (version, name, checksum) in rows.decode((Int, String, String).self) {
            guard let file = files.removeValue(forKey: version) else {
                throw ServiceError(.internalFailure, slug: "migration-history", LocalizedText(
                    vi: "Migration \(String(format: "%04d", version))_\(name) đã áp dụng nhưng không còn trong sql/migrations",
                    en: "Migration \(String(format: "%04d", version))_\(name) was applied but is missing from sql/migrations"))
            }
            guard file.name == name, file.checksum == checksum else {
                throw ServiceError(.internalFailure, slug: "migration-history", LocalizedText(
                    vi: "Migration \(file.fileName) đã bị sửa hoặc đổi tên sau khi áp dụng; hãy hoàn nguyên và thêm migration mới",
                    en: "Migration \(file.fileName) was edited or renamed after it was applied; restore it and add a new migration"))
            }
            applied.append(file)
        }
        let pending = files.values.sorted { $0.version < $1.version }
        if let last = applied.last, let early = pending.first, early.version < last.version {
            throw ServiceError(.internalFailure, slug: "migration-history", LocalizedText(
                vi: "Migration \(early.fileName) mới nhưng đứng trước \(last.fileName) đã áp dụng; hãy đánh số lại sau \(last.version)",
                en: "Migration \(early.fileName) is new but sorts before the applied \(last.fileName); renumber it after \(last.version)"))
        }
        return MigrationStatus(applied: applied, pending: pending)
    }
}
