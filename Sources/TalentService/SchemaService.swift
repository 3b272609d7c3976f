import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// The database's schema: which migrations of `sql/migrations` are applied, and applying the rest.
public struct SchemaService: Sendable {
    let database: Database
    /// Where the migration files are; nil when none was found (every call then says so).
    let migrationsDirectory: URL?
    /// The schema owner's address: migrations connect as it, the application's role may not change the schema.
    /// Nil: the database's own.
    let migrationURL: DatabaseURL?

    /// The migrations as files on disk, compared with what the database has applied.
    public func status() async throws -> MigrationStatus {
        try await migrator().status(database)
    }

    /// Applies every pending migration, each in its own transaction, one migrator at a time; returns those applied.
    @discardableResult
    public func migrate() async throws -> [Migration] {
        let migrator = try migrator()
        guard let migrationURL, migrationURL != database.url else { return try await migrator.migrate(database) }
        let owner = Database(url: migrationURL, poolSize: 1, logger: database.logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await owner.run() }
            defer { group.cancelAll() }
            guard await owner.isReachable(timeout: .seconds(10)) else {
                throw ServiceError(.unavailable, LocalizedText(
                    vi: "Không kết nối được cơ sở dữ liệu \(migrationURL) với vai trò chủ sở hữu (DATABASE_MIGRATION_URL)",
                    en: "Cannot reach the database \(migrationURL) as its owner (DATABASE_MIGRATION_URL)"))
            }
            return try await migrator.migrate(owner)
        }
    }

    private func migrator() throws -> Migrator {
        guard let migrationsDirectory else {
            throw ServiceError(.internalFailure, LocalizedText(
                vi: "Không tìm thấy thư mục sql/migrations (đặt TALENT_MIGRATIONS_DIR)",
                en: "Cannot find sql/migrations (set TALENT_MIGRATIONS_DIR)"))
        }
        return try Migrator(directory: migrationsDirectory)
    }
}
