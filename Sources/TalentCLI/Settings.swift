import Foundation
import TalentDomain
import TalentService
import TalentStore

/// Where a setting comes from, in order: a flag, the environment, `config/talent.json`, the local default.
struct Settings: Sendable {
    var databaseURL: DatabaseURL
    var readURL: DatabaseURL?
    var poolSize: Int
    var host: String
    var port: Int
    var services: ServiceSettings
    var partnerRatePerMinute: Int

    /// The file's fields; every one optional.
    struct File: Decodable {
        var databaseURL: String?
        var databaseReadURL: String?
        var poolSize: Int?
        var host: String?
        var port: Int?

        enum CodingKeys: String, CodingKey {
            case databaseURL = "database_url", databaseReadURL = "database_read_url", poolSize = "pool_size", host, port
        }
    }

    static func resolve(flagURL: String?, flagReadURL: String?, flagPoolSize: Int?,
                        environment: [String: String]) throws -> Settings {
        let file = try loadFile(environment: environment)
        let url = try flagURL ?? nonEmpty(environment["DATABASE_URL"]) ?? file?.databaseURL
        let readURL = flagReadURL ?? nonEmpty(environment["DATABASE_READ_URL"]) ?? file?.databaseReadURL
        let pool = flagPoolSize ?? nonEmpty(environment["TALENT_POOL_SIZE"]).flatMap(Int.init) ?? file?.poolSize ?? 10
        guard (1...200).contains(pool) else {
            throw ServiceError.invalid("pool_size", vi: "phải từ 1 đến 200", en: "must be from 1 to 200")
        }
        var services = ServiceSettings()
        if let months = nonEmpty(environment["TALENT_REFERRAL_CREDIT_MONTHS"]).flatMap(Int.init) {
            services.referralCreditMonths = max(1, months)
        }
        if let panel = nonEmpty(environment["TALENT_REQUIRE_COMPLETE_PANEL"]) {
            services.requireCompletePanel = !["false", "0", "no", "off"].contains(panel.lowercased())
        }
        let rate = nonEmpty(environment["TALENT_PARTNER_RATE_PER_MINUTE"]).flatMap(Int.init) ?? 120
        return Settings(databaseURL: try url.map { try DatabaseURL($0) } ?? .localDefault,
                        readURL: try readURL.map { try DatabaseURL($0) }, poolSize: pool,
                        host: file?.host ?? "127.0.0.1", port: file?.port ?? 8080, services: services,
                        partnerRatePerMinute: max(1, rate))
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

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
