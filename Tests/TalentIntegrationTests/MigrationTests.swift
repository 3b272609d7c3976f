import Foundation
import TalentDomain
import TalentService
import TalentStore
import Testing

@Suite("Migrations")
struct MigrationTests {
    /// An empty database (not cloned from the migrated template).
    func withEmptyDatabase(_ body: @Sendable (Database) async throws -> Void) async throws {
        let name = "m_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await TestDatabase.admin("CREATE DATABASE \(name)")
        let database = Database(url: try TestDatabase.ownerURL().withDatabase(name), poolSize: 2, logger: TestDatabase.logger)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                try await body(database)
            }
        } catch {
            try? await TestDatabase.admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
        try await TestDatabase.admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    let first = Migration(version: 1, name: "first", sql: "CREATE TABLE a (id int PRIMARY KEY); INSERT INTO a VALUES (1);")
    let second = Migration(version: 2, name: "second", sql: "CREATE TABLE b (id int);")
    let third = Migration(version: 3, name: "third", sql: "CREATE TABLE c (id int);")

    @Test("applies in order once, then has nothing to do")
    func appliesOnce() async throws {
        try await withEmptyDatabase { database in
            let migrator = Migrator(migrations: [first, second])
            let applied = try await migrator.migrate(database)
            #expect(applied.map(\.version) == [1, 2])
            let again = try await migrator.migrate(database)
            #expect(again.isEmpty)
            let status = try await Migrator(migrations: [first, second, third]).status(database)
            #expect(status.pending.map(\.version) == [3])
        }
    }

    @Test("refuses an applied migration that was edited, renamed, lost or reordered")
    func refusesRewrittenHistory() async throws {
        try await withEmptyDatabase { database in
            try await Migrator(migrations: [first, third]).migrate(database)
            var edited = first
            edited.sql += " -- changed"
            var renamed = first
            renamed.name = "renamed"
            for migrations in [[edited, third], [renamed, third], [third], [first, second, third]] {
                await #expect(throws: ServiceError.self) { try await Migrator(migrations: migrations).migrate(database) }
            }
        }
    }

    @Test("a failing migration changes nothing")
    func failingMigrationIsAtomic() async throws {
        try await withEmptyDatabase { database in
            let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE ok (id int); SELECT * FROM missing_table;")
            await #expect(throws: ServiceError.self) { try await Migrator(migrations: [first, broken]).migrate(database) }
            let status = try await Migrator(migrations: [first, broken]).status(database)
            #expect(status.applied.map(\.version) == [1])
            let exists = try await database.withConnection { c in
                let rows = try await c.query("SELECT to_regclass('ok') IS NOT NULL", logger: TestDatabase.logger)
                var found = true
                for try await value in rows.decode(Bool.self) { found = value }
                return found
            }
            #expect(!exists)
        }
    }

    @Test("the project's migrations apply to an empty database and seed the plan's agencies")
    func projectMigrations() async throws {
        try await withEmptyDatabase { database in
            let applied = try await Migrator.fromDefaultLocation().migrate(database)
            #expect(applied.count >= 2)
            let stp = try await database.read { try await $0.agencies.get("STP") }
            #expect(stp?.name == "Sở Tư pháp")
        }
    }

    @Test("migration 0013 chains the entries written before it, in the order they were written")
    func existingEntriesAreChained() async throws {
        try await withEmptyDatabase { database in
            let all = try Migrator.fromDefaultLocation().migrations
            try await Migrator(migrations: all.filter { $0.version < 13 }).migrate(database)
            try await database.withConnection { c in
                try await c.query("""
                    INSERT INTO audit_log (actor, role, channel, action, entity_type, entity_id, changes)
                    SELECT 'Người cũ ' || n, 'admin', 'cli', 'old.write', 'test', n::text, jsonb_build_object('n', n)
                    FROM generate_series(1, 25) n
                    """, logger: TestDatabase.logger)
            }
            try await Migrator(migrations: all).migrate(database)
            let services = TalentServices(database: database)
            let result = try await services.audit.verify(by: .testAdmin)
            #expect(result.ok)
            #expect(result.entries == 25)
            let inOrder = try await database.withConnection { c in
                let rows = try await c.query("SELECT bool_and(seq = n) FROM (SELECT seq, row_number() OVER (ORDER BY id) AS n FROM audit_log) s",
                                             logger: TestDatabase.logger)
                var same = false
                for try await value in rows.decode(Bool.self) { same = value }
                return same
            }
            #expect(inOrder)
        }
    }
}

@Suite("SQL script splitting")
struct SQLScriptTests {
    @Test("statements split at semicolons outside quotes, comments and dollar-quoted bodies")
    func splitting() {
        let script = """
            -- a comment; with a semicolon
            CREATE TABLE t (a text DEFAULT 'x;y', "b;c" int);
            /* block; comment /* nested; */ */
            INSERT INTO t VALUES ('it''s; fine', 1);
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$;
            DO $$ BEGIN PERFORM 1; END $$;
            SELECT $1;
            """
        let statements = SQLScript.statements(script)
        #expect(statements.count == 5)
        #expect(statements[0].hasSuffix("\"b;c\" int)"))
        #expect(statements[1].hasSuffix("('it''s; fine', 1)"))
        #expect(statements[2].contains("RETURN 1; END; $body$"))
        #expect(statements[3] == "DO $$ BEGIN PERFORM 1; END $$")
        #expect(statements[4] == "SELECT $1")
    }
}
