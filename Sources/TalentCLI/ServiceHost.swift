import Foundation
import TalentDomain
import TalentService

/// Where the database settings of one command come from: its flags (nil when not given).
public struct ConnectionOptions: Sendable, Equatable {
    public var databaseURL: String?
    public var databaseReadURL: String?
    public var poolSize: Int?

    public init(databaseURL: String? = nil, databaseReadURL: String? = nil, poolSize: Int? = nil) {
        self.databaseURL = databaseURL
        self.databaseReadURL = databaseReadURL
        self.poolSize = poolSize
    }
}

/// What builds the services a command runs on. The CLI is an edge: it parses and prints, and the composition root
/// (`TalentApp`) says how services are made from the flags, the environment and the configuration file.
public protocol ServiceHost: Sendable {
    /// Opens what the services need, runs `body` with them, and closes it again.
    func withServices<T: Sendable>(_ options: ConnectionOptions, environment: [String: String],
                                   _ body: @Sendable (TalentServices) async throws -> T) async throws -> T

    /// The JSON API in this process over the database, acting as `actor` (the operator on the server host): the
    /// same router, routes and rules a server runs, without a network or a token.
    func withLocalAPI<T: Sendable>(_ options: ConnectionOptions, environment: [String: String], actor: Principal,
                                   _ body: @Sendable (any APITransport) async throws -> T) async throws -> T

    /// The backups of the configured cluster, without opening the database: a restore is for when it is gone.
    func backups(_ options: ConnectionOptions, environment: [String: String]) throws -> BackupService
}

/// The host of the commands running in this task (set by `TalentApp.run`, and by tests).
public enum ServiceHosting {
    @TaskLocal public static var current: (any ServiceHost)?
}
