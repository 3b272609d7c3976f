import Foundation
import PostgresNIO
import TalentDomain

/// A PostgreSQL address written `postgres://user[:password]@host[:port]/dbname[?sslmode=...]`.
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var requireTLS: Bool

    /// The local development cluster that `make db` starts.
    public static let localDefault = DatabaseURL(host: "127.0.0.1", port: 55432, user: "talent", password: nil,
                                                 database: "talent", requireTLS: false)
    /// The owner of the local cluster's schema, which migrations connect as (deploy/local/db.sh makes both roles).
    public static let localOwnerDefault = DatabaseURL(host: "127.0.0.1", port: 55432, user: "talent_owner",
                                                      password: nil, database: "talent", requireTLS: false)

    /// The local cluster's backup role (REPLICATION, no other privilege), which `pg_basebackup` connects as.
    public static let localBackupDefault = DatabaseURL(host: "127.0.0.1", port: 55432, user: "talent_backup",
                                                       password: nil, database: "postgres", requireTLS: false)

    public init(host: String, port: Int, user: String, password: String?, database: String, requireTLS: Bool) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.requireTLS = requireTLS
    }

    public init(_ text: String) throws(ServiceError) {
        let bad = ServiceError.invalid(
            "database_url", vi: "phải có dạng postgres://user[:password]@host:port/dbname",
            en: "must look like postgres://user[:password]@host:port/dbname")
        guard let components = URLComponents(string: text),
              components.scheme == "postgres" || components.scheme == "postgresql",
              let host = components.host, !host.isEmpty,
              let user = components.user, !user.isEmpty
        else { throw bad }
        let name = String(components.path.drop(while: { $0 == "/" }))
        guard !name.isEmpty, !name.contains("/") else { throw bad }
        let sslmode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value
        // URLComponents has already percent-decoded user, password and path.
        self.init(host: host, port: components.port ?? 5432, user: user, password: components.password, database: name,
                  requireTLS: sslmode == "require" || sslmode == "verify-full" || sslmode == "verify-ca")
    }

    /// The same server with another database name (tests clone databases this way).
    public func withDatabase(_ name: String) -> DatabaseURL {
        var copy = self
        copy.database = name
        return copy
    }

    /// Written without the password, safe for logs.
    public var description: String {
        "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }

    public var urlString: String {
        var text = "postgres://\(user)"
        if let password { text += ":" + (password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password) }
        return text + "@\(host):\(port)/\(database)"
    }

    /// One connection of its own, outside the pools (the health check's probe).
    func connectionConfiguration(connectTimeout: TimeAmount) throws -> PostgresConnection.Configuration {
        var config = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database,
            tls: requireTLS ? .require(try .init(configuration: .makeClientConfiguration())) : .disable)
        config.options.connectTimeout = connectTimeout
        return config
    }

    func clientConfiguration(poolSize: Int, limits: DatabaseLimits) -> PostgresClient.Configuration {
        var config = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database,
            tls: requireTLS ? .require(.makeClientConfiguration()) : .disable)
        config.options.maximumConnections = max(1, poolSize)
        config.options.connectTimeout = .seconds(5)
        // Dates read as text are ISO (YYYY-MM-DD) whatever the server's own DateStyle.
        config.options.additionalStartupParameters = [("DateStyle", "ISO, YMD")] + limits.startupParameters
        return config
    }
}
