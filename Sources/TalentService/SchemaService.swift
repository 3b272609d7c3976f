import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// The database's schema: which migrations of `sql/migrations` are applied, and applying the rest.
public struct SchemaService: Sendable {
    let database: Database
    /// Where the migration files are; nil when none was found (every call then says so).
    let migrationsDirectory: URL?

    /// The migrations as files on disk, compared with what the database has applied.
    public func status() async throws -> MigrationStatus {
        try await migrator().status(database)
    }

    /// Applies every pending migration, each in its own transaction, one migrator at a time; returns those applied.
    @discardableResult
    public func migrate() async throws -> [Migration] {
        try await migrator().migrate(database)
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
