import Foundation
import Logging
import PostgresNIO
import TalentDomain
import TalentService
import TalentStore
import Testing

/// Each test gets a database of its own, cloned from a template migrated once per test run, so tests run in
/// parallel against the real PostgreSQL. `make test` sets `TALENT_TEST_DATABASE_URL` to a throwaway cluster.
actor TestDatabase {
    static let shared = TestDatabase()

    private var template: Task<String, any Error>?
    static let logger: Logger = {
        var logger = Logger(label: "talent.test")
        logger.logLevel = .error
        return logger
    }()

    /// The test cluster as the application's runtime role (`talent`: a member of talent_app, owning nothing), which
    /// every test's services connect as.
    static func serverURL() throws -> DatabaseURL {
        guard let text = ProcessInfo.processInfo.environment["TALENT_TEST_DATABASE_URL"], !text.isEmpty else {
            Issue.record("TALENT_TEST_DATABASE_URL is not set: run the tests with `make test`")
            throw ServiceError.unavailable
        }
        return try DatabaseURL(text)
    }

    /// The test cluster as the schema's owner, which makes the databases and runs the migrations:
    /// `TALENT_TEST_OWNER_URL`, else the runtime URL with the user `talent_owner` (deploy/local/db.sh makes both).
    static func ownerURL() throws -> DatabaseURL {
        if let text = ProcessInfo.processInfo.environment["TALENT_TEST_OWNER_URL"], !text.isEmpty {
            return try DatabaseURL(text)
        }
        var url = try serverURL()
        url.user = "talent_owner"
        url.password = nil
        return url
    }

    /// Runs SQL that cannot run in a transaction (CREATE/DROP DATABASE) on the cluster's `postgres` database, as the
    /// schema's owner.
    /// A `DROP DATABASE IF EXISTS`, which can be tried again safely, is retried a few times; any failure that stays
    /// names PostgreSQL's message (a bare PSQLError says nothing).
    static func admin(_ sql: String) async throws {
        let repeatable = sql.hasPrefix("DROP DATABASE IF EXISTS")
        var attempt = 0
        while true {
            do {
                try await adminOnce(sql)
                return
            } catch let error as PSQLError {
                attempt += 1
                if repeatable, attempt < 5 {
                    try await Task.sleep(for: .milliseconds(200 * attempt))
                    continue
                }
                if error.serverInfo?[.sqlState] == "55006" { throw error }  // cloneTemplate retries it
                throw CLIRunner.CLIError(message: "\(sql): \(String(reflecting: error))")
            }
        }
    }

    private static func adminOnce(_ sql: String) async throws {
        let url = try ownerURL()
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: url.host, port: url.port, username: url.user, password: url.password,
                                 database: "postgres", tls: .disable),
            id: 1, logger: logger)
        defer { Task { try? await connection.close() } }
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    /// Clones the template. PostgreSQL refuses a clone while another session is on the template (a clone made at
    /// the same moment, or the migration's connection still closing): that is retried a few times, and anything
    /// else fails with PostgreSQL's own message.
    static func cloneTemplate(_ template: String, as name: String) async throws {
        var attempt = 0
        while true {
            do {
                try await admin("CREATE DATABASE \(name) TEMPLATE \(template)")
                return
            } catch let error as PSQLError {
                attempt += 1
                let state = error.serverInfo?[.sqlState]
                // 55006: object_in_use ("source database is being accessed by other users").
                guard state == "55006", attempt < 20 else {
                    throw CLIRunner.CLIError(message: "CREATE DATABASE \(name) TEMPLATE \(template): \(String(reflecting: error))")
                }
                try await Task.sleep(for: .milliseconds(100 * attempt))
            }
        }
    }

    /// The name of the migrated template, made on first use.
    func templateName() async throws -> String {
        if let template { return try await template.value }
        let task = Task<String, any Error> {
            let name = "talent_template_\(ProcessInfo.processInfo.processIdentifier)"
            try await Self.admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            try await Self.admin("CREATE DATABASE \(name)")
            let database = Database(url: try Self.ownerURL().withDatabase(name), poolSize: 1, logger: Self.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                try await Migrator.fromDefaultLocation().migrate(database)
                group.cancelAll()
            }
            return name
        }
        template = task
        return try await task.value
    }

    /// The database the `.freshDatabase` trait made for the running test, until its first use takes it.
    final class Provided: @unchecked Sendable {
        let database: Database
        private let lock = NSLock()
        private var taken = false

        init(_ database: Database) { self.database = database }

        func take() -> Database? {
            lock.withLock {
                defer { taken = true }
                return taken ? nil : database
            }
        }
    }

    @TaskLocal static var provided: Provided?

    /// The test's database: the one the `.freshDatabase` trait made for it, the first time; a test that asks again
    /// (to import into an empty database, say) gets another fresh one for `body` alone.
    static func withDatabase<T: Sendable>(_ body: @Sendable (Database) async throws -> T) async throws -> T {
        if let database = provided?.take() { return try await body(database) }
        return try await withFreshDatabase(body)
    }

    /// A fresh migrated database, cloned from the run's template; dropped when `body` ends.
    static func withFreshDatabase<T: Sendable>(_ body: @Sendable (Database) async throws -> T) async throws -> T {
        let template = try await shared.templateName()
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await cloneTemplate(template, as: name)
        let database = Database(url: try serverURL().withDatabase(name), poolSize: 4, logger: logger)
        do {
            let result = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                return try await body(database)
            }
            try await admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            return result
        } catch {
            try? await admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    /// `requireCompletePanel: false` turns off the rule that an application leaves evaluation only with a complete
    /// panel, for tests that are about something else.
    static func withServices<T: Sendable>(requireCompletePanel: Bool? = nil,
                                          _ body: @Sendable (TalentServices) async throws -> T) async throws -> T {
        try await withDatabase { try await body(TalentServices(database: $0, requireCompletePanel: requireCompletePanel)) }
    }
}

/// `@Suite(.freshDatabase)`: each test of the suite (each case of a parameterized one) runs with a migrated database
/// of its own, cloned from the run's template and dropped afterwards; `APIHarness.with`, `CLIRunner` and
/// `TestDatabase.withServices` use it. Modelled on SwiftPackageIndex-Server's `DatabasePoolSetupTrait`.
struct FreshDatabaseTrait: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        // The suite's own scope, and a parameterized test's around all its cases, add nothing: the database
        // belongs to one test function or one test case.
        if test.isSuite || (testCase == nil && test.isParameterized) {
            return try await function()
        }
        try await TestDatabase.withFreshDatabase { database in
            try await TestDatabase.$provided.withValue(TestDatabase.Provided(database)) { try await function() }
        }
    }
}

extension Trait where Self == FreshDatabaseTrait {
    static var freshDatabase: Self { FreshDatabaseTrait() }
}

extension Principal {
    static let testAdmin = Principal.cliOperator("Kiểm thử")
}
