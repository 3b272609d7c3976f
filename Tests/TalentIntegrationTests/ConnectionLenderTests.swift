import Foundation
import PostgresNIO
import Testing
import TalentDomain
import TalentStore

/// The pool as requests see it (`ConnectionLender` behind `Database`): a wait bounded by `poolWait` without a timer
/// per request, the connection handed to the next in line, a closed connection replaced.
@Suite(.freshDatabase)
struct ConnectionLenderTests {
    static func number(_ n: Int, on database: Database) async throws -> Int {
        try await database.withConnection { connection -> Int in
            for try await value in try await connection.query("SELECT \(n)::int", logger: TestDatabase.logger).decode(Int.self) {
                return value
            }
            return 0
        }
    }

    /// `body` with a pool of one connection of the test's database, waiting at most `wait` for it.
    static func withPoolOfOne(_ url: DatabaseURL, wait: Duration, _ body: @Sendable (Database) async throws -> Void) async throws {
        let database = Database(url: url, poolSize: 1, limits: DatabaseLimits(poolWait: wait), logger: TestDatabase.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            #expect(await database.isReachable(timeout: .seconds(20)))
            try await body(database)
        }
    }

    @Test("a pool of one held by a slow statement: the next request fails busy at its deadline, not at the statement's end")
    func deadline() async throws {
        try await TestDatabase.withDatabase { test in
            try await Self.withPoolOfOne(test.url, wait: .milliseconds(300)) { database in
                let holder = Task {
                    try await database.withConnection { try await $0.query("SELECT pg_sleep(2)", logger: TestDatabase.logger) }
                }
                try await Task.sleep(for: .milliseconds(200))
                let started = ContinuousClock.now
                await #expect {
                    _ = try await Self.number(1, on: database)
                } throws: { ($0 as? ServiceError)?.slug == "busy" }
                let waited = ContinuousClock.now - started
                #expect(waited >= .milliseconds(250) && waited < .milliseconds(1500), "waited \(waited)")
                _ = try await holder.value
                #expect(try await Self.number(2, on: database) == 2, "free again once the holder is done")
            }
        }
    }

    @Test("requests waiting within their deadline get the connection as it is given back, one after the other; a connection closed by its user is replaced")
    func handedOn() async throws {
        try await TestDatabase.withDatabase { test in
            try await Self.withPoolOfOne(test.url, wait: .seconds(20)) { database in
                let holder = Task {
                    try await database.withConnection { try await $0.query("SELECT pg_sleep(0.3)", logger: TestDatabase.logger) }
                }
                try await Task.sleep(for: .milliseconds(50))
                let waiting = (3...6).map { n in Task { try await Self.number(n, on: database) } }
                _ = try await holder.value
                var answers: [Int] = []
                for task in waiting { answers.append(try await task.value) }
                #expect(answers == [3, 4, 5, 6])
                try await database.withConnection { try await $0.close() }
                #expect(try await Self.number(8, on: database) == 8)
            }
        }
    }
}
