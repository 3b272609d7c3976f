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
    /// How long `talent serve` waits on PostgreSQL (`TALENT_DB_POOL_WAIT_MS`, `TALENT_DB_STATEMENT_TIMEOUT_MS`,
    /// `TALENT_DB_LOCK_TIMEOUT_MS`, `TALENT_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS`); CLI commands use `DatabaseLimits.tool`.
    public var serverLimits: DatabaseLimits = .api
    /// The tokens that open `GET /metrics` (`TALENT_METRICS_TOKEN`, `metrics_token`): one, or several separated by
    /// commas while one replaces another. None: no metrics are recorded and `/metrics` answers 404.
    public var metricsTokens: [String] = []

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
        var metricsToken: String?
        var backupDir: String?
        var backupURL: String?
        /// The issuing bodies of the province's report (Decree 30/2020/NĐ-CP's form).
        var reportIssuer: ReportIssuer?

        enum CodingKeys: String, CodingKey {
            case databaseURL = "database_url", databaseReadURL = "database_read_url", poolSize = "pool_size", host, port
            case databaseMigrationURL = "database_migration_url"
            case partnerRatePerMinute = "partner_rate_per_minute", referralCreditMonths = "referral_credit_months"
            case requireCompletePanel = "require_complete_panel", retentionDays = "retention_days"
            case metricsToken = "metrics_token"
            case backupDir = "backup_dir", backupURL = "backup_url"
            case reportIssuer = "report_issuer"
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
        if let seconds = try integer(environment, "TALENT_WEBHOOK_RETRY_SECONDS", field: "webhook_retry_seconds") {
            guard (1...3600).contains(seconds) else {
                throw ServiceError.invalid("webhook_retry_seconds", vi: "phải từ 1 đến 3600", en: "must be from 1 to 3600")
            }
            services.webhookRetry.base = .seconds(seconds)
        }
        if let bytes = try integer(environment, "TALENT_DOCUMENT_MAX_BYTES", field: "document_max_bytes") {
            guard (1024...(1024 * 1024 * 1024)).contains(bytes) else {
                throw ServiceError.invalid("document_max_bytes", vi: "phải từ 1024 đến 1073741824", en: "must be from 1024 to 1073741824")
            }
            services.documentMaxBytes = bytes
        }
        if let sendmail = nonEmpty(environment["TALENT_SENDMAIL"]) { services.mail.sendmail = sendmail }
        if let from = nonEmpty(environment["TALENT_MAIL_FROM"]) {
            guard Normalize.email(from) != nil else {
                throw ServiceError.invalid("mail_from", vi: "không phải địa chỉ e-mail hợp lệ", en: "is not a valid e-mail address")
            }
            services.mail.fromAddress = from
        }
        if let language = nonEmpty(environment["TALENT_MAIL_LANGUAGE"]) {
            guard let chosen = Language(rawValue: language.lowercased()) else {
                throw ServiceError.invalid("mail_language", vi: "phải là vi hoặc en", en: "must be vi or en")
            }
            services.mail.language = chosen
        }
        if let url = nonEmpty(environment["TALENT_PUBLIC_URL"]) {
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw ServiceError.invalid("public_url", vi: "phải bắt đầu bằng https:// (hoặc http://)",
                                           en: "must start with https:// (or http://)")
            }
            services.mail.publicURL = String(url.reversed().drop(while: { $0 == "/" }).reversed())
        }
        if let issuer = file?.reportIssuer { services.reportIssuer = issuer }
        services.weasyprint = nonEmpty(environment["TALENT_WEASYPRINT"])
        let runtimeURL = try url.map { try DatabaseURL($0) } ?? .localDefault
        services.backup = try backupSettings(file, environment: environment, runtimeURL: runtimeURL)
        let rate = try integer(environment, "TALENT_PARTNER_RATE_PER_MINUTE", field: "partner_rate_per_minute")
            ?? file?.partnerRatePerMinute ?? RateLimitService.defaultPerMinute
        var configuration = Configuration(databaseURL: runtimeURL,
                                          readURL: try readURL.map { try DatabaseURL($0) }, poolSize: pool,
                                          host: flags.host ?? file?.host ?? "127.0.0.1", port: flags.port ?? file?.port ?? 8080,
                                          services: services, partnerRatePerMinute: max(1, rate))
        configuration.serverLimits = try serverLimits(environment)
        configuration.metricsTokens = try metricsTokens(nonEmpty(environment["TALENT_METRICS_TOKEN"]) ?? file?.metricsToken)
        return configuration
    }

    /// The server's bounds on PostgreSQL, each in milliseconds; 0 turns a statement bound off (never the pool's wait).
    static func serverLimits(_ environment: [String: String]) throws -> DatabaseLimits {
        func bound(_ name: String, _ field: String, _ fallback: Duration?, zeroAllowed: Bool = true) throws -> Duration? {
            guard let ms = try integer(environment, name, field: field) else { return fallback }
            guard (zeroAllowed ? 0 : 1)...3_600_000 ~= ms else {
                throw ServiceError.invalid(field, vi: "\(name) phải từ \(zeroAllowed ? 0 : 1) đến 3600000 (mili giây)",
                                           en: "\(name) must be from \(zeroAllowed ? 0 : 1) to 3600000 (milliseconds)")
            }
            return ms == 0 ? nil : .milliseconds(ms)
        }
        var limits = DatabaseLimits.api
        limits.poolWait = try bound("TALENT_DB_POOL_WAIT_MS", "db_pool_wait_ms", limits.poolWait, zeroAllowed: false) ?? limits.poolWait
        limits.statementTimeout = try bound("TALENT_DB_STATEMENT_TIMEOUT_MS", "db_statement_timeout_ms", limits.statementTimeout)
        limits.lockTimeout = try bound("TALENT_DB_LOCK_TIMEOUT_MS", "db_lock_timeout_ms", limits.lockTimeout)
        limits.idleInTransactionTimeout = try bound("TALENT_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS",
                                                    "db_idle_in_transaction_timeout_ms", limits.idleInTransactionTimeout)
        return limits
    }

    /// The metrics tokens of a setting: comma-separated, each at least 32 characters of printable ASCII (a guessable
    /// token would open the metrics to anyone who reaches the port).
    static func metricsTokens(_ setting: String?) throws -> [String] {
        guard let setting else { return [] }
        let tokens = setting.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for token in tokens where token.count < 32 || !token.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) {
            throw ServiceError.invalid("metrics_token", vi: "mỗi mã phải dài ít nhất 32 ký tự ASCII in được, không dấu cách (ví dụ `openssl rand -hex 32`)",
                                       en: "each token must be at least 32 printable ASCII characters, no spaces (for example `openssl rand -hex 32`)")
        }
        return tokens
    }

    /// Backups: the directory (`TALENT_BACKUP_DIR`, `backup_dir`, else `.data/backup`), the replication role
    /// (`TALENT_BACKUP_URL`, `backup_url`, else `talent_backup` on the runtime database's server) and the PostgreSQL
    /// programs (`TALENT_PG_BIN`, else found).
    static func backupSettings(_ file: File?, environment: [String: String], runtimeURL: DatabaseURL) throws
        -> BackupSettings {
        let directory = nonEmpty(environment["TALENT_BACKUP_DIR"]) ?? file?.backupDir ?? ".data/backup"
        var source = DatabaseURL(host: runtimeURL.host, port: runtimeURL.port, user: DatabaseURL.localBackupDefault.user,
                                 password: nil, database: "postgres", requireTLS: runtimeURL.requireTLS)
        if let text = nonEmpty(environment["TALENT_BACKUP_URL"]) ?? file?.backupURL {
            do { source = try DatabaseURL(text) } catch {
                throw ServiceError.invalid("backup_url", vi: "phải có dạng postgres://user[:password]@host:port/dbname",
                                           en: "must look like postgres://user[:password]@host:port/dbname")
            }
        }
        return BackupSettings(directory: URL(fileURLWithPath: directory).standardizedFileURL, sourceURL: source,
                              binDirectory: nonEmpty(environment["TALENT_PG_BIN"]).map { URL(fileURLWithPath: $0) })
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
