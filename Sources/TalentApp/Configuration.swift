import Foundation
import Logging
import TalentDomain
import TalentService
import TalentStore

/// Everything the program is configured with, resolved once. Each setting comes from, in order: a flag, the
/// environment, the configuration file (`TALENT_CONFIG`, else `config/talent.json`), the product's default.
public struct Configuration: Sendable {
    public var databaseURL: DatabaseURL
    public var readURL: DatabaseURL?
    /// The schema owner's address, for migrations (`DATABASE_MIGRATION_URL`, `database_migration_url`); nil: the
    /// same as `databaseURL`. With neither set, the local cluster's owner (`talent_owner`).
    public var migrationURL: DatabaseURL? { services.migrationDatabaseURL }
    public var poolSize: Int
    public var host: String
    public var port: Int
    /// The service layer's rules (`TALENT_REFERRAL_CREDIT_MONTHS`, `TALENT_REQUIRE_COMPLETE_PANEL`,
    /// `TALENT_MIGRATIONS_DIR`).
    public var services: ServiceSettings
    /// Requests a partner may make per minute on the nomination routes (`TALENT_PARTNER_RATE_PER_MINUTE`).
    public var partnerRatePerMinute: Int

    /// The flags a command was given; nil where not given.
    public struct Flags: Sendable {
        public var databaseURL: String?
        public var databaseReadURL: String?
        public var poolSize: Int?
        public var host: String?
        public var port: Int?

        public init(databaseURL: String? = nil, databaseReadURL: String? = nil, poolSize: Int? = nil,
                    host: String? = nil, port: Int? = nil) {
            self.databaseURL = databaseURL
            self.databaseReadURL = databaseReadURL
            self.poolSize = poolSize
            self.host = host
            self.port = port
        }
    }

    /// The file's fields; every one optional.
    struct File: Decodable {
        var databaseURL: String?
        var databaseReadURL: String?
        var databaseMigrationURL: String?
        var poolSize: Int?
        var host: String?
        var port: Int?
        var partnerRatePerMinute: Int?
        var referralCreditMonths: Int?
        var requireCompletePanel: Bool?
        var retentionDays: Int?

        enum CodingKeys: String, CodingKey {
            case databaseURL = "database_url", databaseReadURL = "database_read_url", poolSize = "pool_size", host, port
            case databaseMigrationURL = "database_migration_url"
            case partnerRatePerMinute = "partner_rate_per_minute", referralCreditMonths = "referral_credit_months"
            case requireCompletePanel = "require_complete_panel", retentionDays = "retention_days"
        }
    }

    /// Resolves every setting; a malformed value anywhere is a clear error, never a silent default.
    public static func resolve(_ flags: Flags, environment: [String: String]) throws -> Configuration {
        let file = try loadFile(environment: environment)
        let url = flags.databaseURL ?? nonEmpty(environment["DATABASE_URL"]) ?? file?.databaseURL
        let readURL = flags.databaseReadURL ?? nonEmpty(environment["DATABASE_READ_URL"]) ?? file?.databaseReadURL
        let pool = try flags.poolSize ?? integer(environment, "TALENT_POOL_SIZE", field: "pool_size") ?? file?.poolSize ?? 10
        guard (1...200).contains(pool) else {
            throw ServiceError.invalid("pool_size", vi: "phải từ 1 đến 200", en: "must be from 1 to 200")
        }
        var services = ServiceSettings(migrationsDirectory: Migrator.locateDirectory(environment: environment))
        // The owner's address goes with the runtime one: the file's only when the file named the database too, the
        // local cluster's owner only when nothing named one.
        let runtimeFromFile = flags.databaseURL == nil && nonEmpty(environment["DATABASE_URL"]) == nil
        if let migrationURL = nonEmpty(environment["DATABASE_MIGRATION_URL"])
            ?? (runtimeFromFile ? file?.databaseMigrationURL : nil) {
            services.migrationDatabaseURL = try DatabaseURL(migrationURL)
        } else if url == nil {
            services.migrationDatabaseURL = .localOwnerDefault
        }
        if let months = try integer(environment, "TALENT_REFERRAL_CREDIT_MONTHS", field: "referral_credit_months")
            ?? file?.referralCreditMonths {
            services.referralCreditMonths = max(1, months)
        }
        if let panel = nonEmpty(environment["TALENT_REQUIRE_COMPLETE_PANEL"]) {
            services.requireCompletePanel = !["false", "0", "no", "off"].contains(panel.lowercased())
        } else if let panel = file?.requireCompletePanel {
            services.requireCompletePanel = panel
        }
        if let idle = try integer(environment, "TALENT_SESSION_IDLE_MINUTES", field: "session_idle_minutes") {
            guard (5...(7 * 24 * 60)).contains(idle) else {
                throw ServiceError.invalid("session_idle_minutes", vi: "phải từ 5 đến 10080", en: "must be from 5 to 10080")
            }
            services.sessions.idleMinutes = idle
        }
        if let hours = try integer(environment, "TALENT_SESSION_MAX_HOURS", field: "session_max_hours") {
            guard (1...(90 * 24)).contains(hours) else {
                throw ServiceError.invalid("session_max_hours", vi: "phải từ 1 đến 2160", en: "must be from 1 to 2160")
            }
            services.sessions.maxMinutes = hours * 60
        }
        if let cost = try integer(environment, "TALENT_BCRYPT_COST", field: "bcrypt_cost") {
            guard (4...16).contains(cost) else {
                throw ServiceError.invalid("bcrypt_cost", vi: "phải từ 4 đến 16", en: "must be from 4 to 16")
            }
            services.sessions.bcryptCost = UInt8(cost)
        }
        if let days = try integer(environment, "TALENT_RETENTION_DAYS", field: "retention_days") ?? file?.retentionDays {
            guard (1...3650).contains(days) else {
                throw ServiceError.invalid("retention_days", vi: "phải từ 1 đến 3650", en: "must be from 1 to 3650")
            }
            services.retentionDays = days
        }
        if let days = try integer(environment, "TALENT_TOKEN_MAX_DAYS", field: "token_max_days") {
            guard (1...3650).contains(days) else {
                throw ServiceError.invalid("token_max_days", vi: "phải từ 1 đến 3650", en: "must be from 1 to 3650")
            }
            services.tokenMaxDays = days
        }
        let rate = try integer(environment, "TALENT_PARTNER_RATE_PER_MINUTE", field: "partner_rate_per_minute")
            ?? file?.partnerRatePerMinute ?? RateLimitService.defaultPerMinute
        return Configuration(databaseURL: try url.map { try DatabaseURL($0) } ?? .localDefault,
                             readURL: try readURL.map { try DatabaseURL($0) }, poolSize: pool,
                             host: flags.host ?? file?.host ?? "127.0.0.1", port: flags.port ?? file?.port ?? 8080,
                             services: services, partnerRatePerMinute: max(1, rate))
    }

    /// `TALENT_CONFIG`, else `config/talent.json` in the working directory; absent is fine, malformed is an error.
    static func loadFile(environment: [String: String]) throws -> File? {
        let path = nonEmpty(environment["TALENT_CONFIG"]) ?? "config/talent.json"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw ServiceError.invalid("config", vi: "tệp cấu hình \(path) không hợp lệ", en: "the config file \(path) is not valid")
        }
    }

    static func integer(_ environment: [String: String], _ name: String, field: String) throws -> Int? {
        guard let text = nonEmpty(environment[name]) else { return nil }
        guard let value = Int(text) else {
            throw ServiceError.invalid(field, vi: "\(name) phải là một số nguyên", en: "\(name) must be a whole number")
        }
        return value
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
