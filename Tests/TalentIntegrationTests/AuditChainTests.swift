import Foundation
import HTTPTypes
import PostgresNIO
import TalentApp
import TalentDomain
import TalentService
import TalentStore
import Testing

/// The tamper-evident audit trail (issue 13, item 9): the application's role cannot edit it, every entry is hash-chained
/// in its write's transaction, and `verify` names the first entry that breaks the chain.
@Suite("Audit chain", .freshDatabase)
struct AuditChainTests {
    static func connect(_ url: DatabaseURL) async throws -> PostgresConnection {
        try await PostgresConnection.connect(
            configuration: .init(host: url.host, port: url.port, username: url.user, password: url.password,
                                 database: url.database, tls: .disable),
            id: 2, logger: TestDatabase.logger)
    }

    /// Runs SQL on the test's database as the schema's owner, who can do what the application cannot.
    static func asOwner(_ database: Database, _ sql: String...) async throws {
        let connection = try await connect(try TestDatabase.ownerURL().withDatabase(database.url.database))
        do {
            for statement in sql { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger) }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The SQLSTATE a statement fails with as the application's runtime role (the services' own URL); nil when it
    /// succeeds.
    static func sqlState(_ database: Database, _ sql: String) async -> String? {
        do {
            let connection = try await connect(database.url)
            defer { Task { try? await connection.close() } }
            do {
                // A statement's error can come after its first row description: read every row.
                for try await _ in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: TestDatabase.logger) {}
                return nil
            } catch let error as PSQLError {
                return error.serverInfo?[.sqlState] ?? "?"
            }
        } catch {
            return "\(error)"
        }
    }

    static func addCandidates(_ services: TalentServices, _ count: Int, from first: Int = 0) async throws -> [UUID] {
        var ids: [UUID] = []
        for i in first..<(first + count) {
            let valid = try ValidCandidate(CandidateDraft(fullName: "Nguyễn Văn Thử \(Self.letters(i))",
                                                          citizenID: String(format: "0823%08d", i)))
            ids.append(try await services.candidates.add(valid, by: .testAdmin).candidate.id)
        }
        return ids
    }

    /// A name part from a number (names take letters only).
    static func letters(_ n: Int) -> String {
        var n = n, text = ""
        repeat {
            text.append(Character(UnicodeScalar(UInt8(97 + n % 26))))
            n /= 26
        } while n > 0
        return text.capitalized
    }

    static func entry(_ database: Database, seq: Int64) async throws -> Int64 {
        try await database.withConnection { c in
            let rows = try await c.query("SELECT id FROM audit_log WHERE seq = \(seq)", logger: TestDatabase.logger)
            var id: Int64 = 0
            for try await value in rows.decode(Int64.self) { id = value }
            return id
        }
    }

    @Test("the runtime role is no superuser, owns nothing and is refused UPDATE, DELETE, TRUNCATE, ALTER and DISABLE TRIGGER on the audit trail")
    func runtimeRoleIsRefused() async throws {
        try await TestDatabase.withServices { services in
            let database = services.database
            _ = try await Self.addCandidates(services, 1)
            let facts = try await database.withConnection { c in
                let rows = try await c.query("""
                    SELECT r.rolsuper, pg_has_role(current_user, t.tableowner, 'USAGE'),
                           (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user)
                    FROM pg_roles r, pg_tables t WHERE r.rolname = current_user AND t.tablename = 'audit_log'
                    """, logger: TestDatabase.logger)
                var result: (Bool, Bool, Int) = (true, true, -1)
                for try await row in rows.decode((Bool, Bool, Int).self) { result = row }
                return result
            }
            #expect(facts.0 == false, "the runtime role is a superuser")
            #expect(facts.1 == false, "the runtime role can act as the audit table's owner")
            #expect(facts.2 == 0, "the runtime role owns tables")
            for sql in ["UPDATE audit_log SET actor = 'someone else'",
                        "DELETE FROM audit_log",
                        "TRUNCATE audit_log",
                        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                        "ALTER TABLE audit_log DISABLE TRIGGER USER",
                        "ALTER TABLE audit_log ADD COLUMN note text",
                        "DROP TRIGGER audit_log_chain ON audit_log",
                        "CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                        "CREATE TABLE sneaky (id int)"] {
                let state = await Self.sqlState(database, sql)
                #expect(state == "42501", "\(sql): \(state ?? "accepted")")
            }
            // What it may do: read and append to the trail, change the tables it works on.
            #expect(await Self.sqlState(database, "SELECT count(*) FROM audit_log") == nil)
            #expect(await Self.sqlState(database, """
                INSERT INTO audit_log (actor, role, channel, action, entity_type, entity_id)
                VALUES ('x', 'admin', 'cli', 'test.append', 'test', '1')
                """) == nil)
            #expect(await Self.sqlState(database, "UPDATE candidates SET notes = 'ok'") == nil)
            #expect(await Self.sqlState(database, "UPDATE schema_migrations SET checksum = 'x'") == "42501")
        }
    }

    @Test("a table a later migration makes is the application's to use (default privileges), the audit trail still not")
    func laterTablesAreGranted() async throws {
        try await TestDatabase.withServices { services in
            let database = services.database
            try await Self.asOwner(database, "CREATE TABLE later_table (id bigint GENERATED ALWAYS AS IDENTITY, note text)")
            #expect(await Self.sqlState(database, "INSERT INTO later_table (note) VALUES ('a')") == nil)
            #expect(await Self.sqlState(database, "UPDATE later_table SET note = 'b'") == nil)
            #expect(await Self.sqlState(database, "DELETE FROM later_table") == nil)
            #expect(await Self.sqlState(database, "DROP TABLE later_table") == "42501")
            #expect(await Self.sqlState(database, "DELETE FROM audit_log") == "42501")
        }
    }

    @Test("an intact chain verifies; an entry edited by the owner is named, so is one deleted, and an anchor catches a cut tail")
    func tamperingIsDetected() async throws {
        try await TestDatabase.withServices { services in
            let database = services.database
            _ = try await Self.addCandidates(services, 5)
            let intact = try await services.audit.verify(by: .testAdmin)
            #expect(intact.ok)
            #expect(intact.entries >= 5)
            #expect(intact.firstBad == nil)
            let anchor = try #require(intact.anchor)
            #expect(anchor.seq == intact.entries)
            #expect(try await services.audit.verify(anchor: anchor, by: .testAdmin).ok)

            // The owner edits entry 3's content behind the trigger's back: entry 3 is named.
            let third = try await Self.entry(database, seq: 3)
            try await Self.asOwner(database,
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "UPDATE audit_log SET changes = jsonb_set(changes, '{after,full_name}', '\"Người Khác\"') WHERE seq = 3",
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
            let edited = try await services.audit.verify(by: .testAdmin)
            #expect(!edited.ok)
            #expect(edited.firstBad?.seq == 3)
            #expect(edited.firstBad?.id == third)
            #expect(edited.firstBad?.reason == .altered)
            #expect(edited.firstBad?.action == "candidate.add")
            #expect(edited.entries == intact.entries)

            // Recomputing that entry's hash alone does not hide it: its changes no longer match their digest.
            try await Self.asOwner(database,
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                """
                UPDATE audit_log e SET hash = sha256(p.hash || convert_to(audit_entry_text(e), 'UTF8'))
                FROM audit_log p WHERE e.seq = 3 AND p.seq = 2
                """,
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
            let digestless = try await services.audit.verify(by: .testAdmin)
            #expect(digestless.firstBad?.seq == 3 && digestless.firstBad?.reason == .altered)
            // Recomputing its digest and hash as well moves the break to the next entry, which chained the old hash.
            try await Self.asOwner(database,
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "UPDATE audit_log SET changes_digest = sha256(convert_to(changes::text, 'UTF8')) WHERE seq = 3",
                """
                UPDATE audit_log e SET hash = sha256(p.hash || convert_to(audit_entry_text(e), 'UTF8'))
                FROM audit_log p WHERE e.seq = 3 AND p.seq = 2
                """,
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
            let rehashed = try await services.audit.verify(by: .testAdmin)
            #expect(rehashed.firstBad?.seq == 4)
            #expect(rehashed.firstBad?.reason == .altered)

            // A deleted entry: the one after the gap is named.
            try await Self.asOwner(database,
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "DELETE FROM audit_log WHERE seq IN (3, 4)",
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
            let deleted = try await services.audit.verify(by: .testAdmin)
            #expect(deleted.firstBad?.seq == 5)
            #expect(deleted.firstBad?.reason == .missing)
        }
    }

    @Test("a tail cut off is invisible to the chain alone but not to an anchor kept outside")
    func anchorCatchesATruncatedTail() async throws {
        try await TestDatabase.withServices { services in
            let database = services.database
            _ = try await Self.addCandidates(services, 3)
            let anchor = try #require(try await services.audit.verify(by: .testAdmin).anchor)
            try await Self.asOwner(database,
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "DELETE FROM audit_log WHERE seq = \(anchor.seq)",
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
            #expect(try await services.audit.verify(by: .testAdmin).ok)
            let checked = try await services.audit.verify(anchor: anchor, by: .testAdmin)
            #expect(!checked.ok)
            #expect(checked.firstBad?.seq == anchor.seq)
            #expect(checked.firstBad?.reason == .anchor)
            #expect(checked.firstBad?.id == nil)
            // An anchor whose entry is there with another hash.
            let wrong = AuditAnchor(seq: 1, hash: String(repeating: "ab", count: 32))
            #expect(try await services.audit.verify(anchor: wrong, by: .testAdmin).firstBad?.reason == .anchor)
        }
    }

    @Test("even the owner cannot TRUNCATE or UPDATE the trail without first disabling its triggers")
    func ownerNeedsToDisableTriggers() async throws {
        try await TestDatabase.withServices { services in
            _ = try await Self.addCandidates(services, 1)
            await #expect(throws: PSQLError.self) { try await Self.asOwner(services.database, "TRUNCATE audit_log") }
            await #expect(throws: PSQLError.self) {
                try await Self.asOwner(services.database, "UPDATE audit_log SET actor = 'x'")
            }
        }
    }

    @Test("concurrent writers, one entry or many each, keep one unbroken chain")
    func concurrentWriters() async throws {
        try await TestDatabase.withServices { services in
            let before = try await services.audit.verify(by: .testAdmin).entries
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for round in 0..<5 {
                            let n = 1000 + worker * 100 + round
                            _ = try await Self.addCandidates(services, 1, from: n)
                            // A use case writing several entries in one statement.
                            try await services.database.transaction { tx in
                                var batch = AuditBatch()
                                for k in 0..<3 { batch.add("test.batch", "test", "\(n)-\(k)") }
                                try await tx.audit.append(batch, by: .testAdmin)
                                // And another statement in the same transaction, chained after the first.
                                try await tx.audit.record(.testAdmin, "test.second", "test", "\(n)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let after = try await services.audit.verify(by: .testAdmin)
            #expect(after.ok, "\(String(describing: after.firstBad))")
            #expect(after.entries == before + 8 * 5 * 5)
            #expect(after.headSeq == after.entries)
            // Entries of one statement are consecutive in the chain, in their order.
            let runs = try await services.database.withConnection { c in
                let rows = try await c.query("""
                    SELECT count(*)::int FROM (
                        SELECT entity_id, seq - lag(seq) OVER (PARTITION BY split_part(entity_id, '-', 1) ORDER BY seq) AS step
                        FROM audit_log WHERE action = 'test.batch') s
                    WHERE step IS NOT NULL AND step <> 1 AND split_part(entity_id, '-', 2) <> '0'
                    """, logger: TestDatabase.logger)
                var n = -1
                for try await value in rows.decode(Int.self) { n = value }
                return n
            }
            #expect(runs == 0)
        }
    }

    @Test("the trigger and the verifier agree on every entry's hash, whatever the writer put in seq and hash")
    func writerCannotChooseTheHash() async throws {
        try await TestDatabase.withServices { services in
            let database = services.database
            #expect(await Self.sqlState(database, """
                INSERT INTO audit_log (actor, role, channel, action, entity_type, entity_id, changes, seq, hash)
                VALUES ('Kẻ giả mạo', 'admin', 'api', 'forged', 'test', '1', '{"a": [1, 2.50, "ư\\n"]}', 1, '\\x00')
                """) == nil)
            let result = try await services.audit.verify(by: .testAdmin)
            #expect(result.ok)
            #expect(result.headSeq == result.entries)
        }
    }

    @Test("GET /v1/audit/verify: admin and province leadership read it, others are refused; a broken chain is 200 with ok false and first_bad")
    func verifyThroughTheAPI() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let leader = try await api.token(.leadership, name: "Võ Thành Nam")
            let hr = try await api.token(.hr)
            let agencyLeader = try await api.services.users.add(
                try NewStaffUser(name: "Phan Văn Giám", role: "leadership", agencyCode: "SNV", email: nil, scope: "agency"),
                by: .testAdmin)
            let agencyToken = try await api.services.tokens.issue(
                try TokenRequest(userID: agencyLeader.id.text, expiresInDays: 30), by: .testAdmin).token
            _ = try await Self.addCandidates(api.services, 2)

            let ok = try await api.request(.get, "/v1/audit/verify", token: admin)
            #expect(ok.status == 200)
            #expect(ok.object["ok"] as? Bool == true)
            #expect(ok.object["first_bad"] is NSNull)
            let entries = try #require(ok.object["entries"] as? Int)
            #expect(ok.object["head_seq"] as? Int == entries)
            let head = try #require(ok.object["head"] as? String)
            #expect(head.count == 64)
            #expect(try await api.request(.get, "/v1/audit/verify", token: leader).status == 200)
            #expect(try await api.request(.get, "/v1/audit/verify", token: hr).status == 403)
            #expect(try await api.request(.get, "/v1/audit/verify", token: agencyToken).status == 403)
            #expect(try await api.request(.get, "/v1/audit/verify").status == 401)
            #expect(try await api.request(.get, "/v1/audit/verify?anchor=12:abc", token: admin).status == 422)
            let anchored = try await api.request(.get, "/v1/audit/verify?anchor=\(entries):\(head)", token: admin)
            #expect(anchored.object["ok"] as? Bool == true)

            try await Self.asOwner(api.services.database,
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "UPDATE audit_log SET actor = 'Người khác' WHERE seq = 2",
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
            let broken = try await api.request(.get, "/v1/audit/verify", token: admin)
            #expect(broken.status == 200)
            #expect(broken.object["ok"] as? Bool == false)
            let bad = try #require(broken.object["first_bad"] as? [String: Any])
            #expect(bad["seq"] as? Int == 2)
            #expect(bad["reason"] as? String == "altered")
        }
    }

    @Test("talent audit verify exits 0 on an intact trail and 1 naming the first bad entry; audit anchor prints SEQ:HASH")
    func verifyOnTheCLI() async throws {
        try await TestDatabase.withServices { services in
            _ = try await Self.addCandidates(services, 3)
            let cli = CLIRunner(databaseURL: services.database.url)
            let intact = await cli.run("audit", "verify")
            #expect(intact.status == 0, "\(intact.stderr)")
            #expect(intact.stdout.contains("Nguyên vẹn"))
            let anchor = await cli.run("audit", "anchor")
            #expect(anchor.status == 0)
            let line = anchor.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let parsed = try AuditAnchor(parsing: line)
            #expect(await cli.run("audit", "verify", "--anchor", line).status == 0)
            #expect(await cli.run("audit", "verify", "--anchor", "not-an-anchor").status == 2)

            let second = try await Self.entry(services.database, seq: 2)
            try await Self.asOwner(services.database,
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "UPDATE audit_log SET entity_id = 'other' WHERE seq = 2",
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
            let broken = await cli.run("audit", "verify", "--lang", "en")
            #expect(broken.status == 1)
            #expect(broken.stderr.contains("entry no. 2 (id \(second))"), "\(broken.stderr)")
            #expect(broken.stderr.split(separator: "\n").count == 1)
            let json = await cli.run("audit", "verify", "--format", "json")
            #expect(json.status == 1)
            #expect(json.stdout.contains("\"reason\": \"altered\""), "\(json.stdout)")
            // No anchor is printed for a broken chain.
            let refused = await cli.run("audit", "anchor")
            #expect(refused.status == 1)
            #expect(refused.stdout.isEmpty)
            #expect(parsed.seq >= 3)
        }
    }
}

/// Full citizen IDs, e-mails and phones are not copied into the audit trail (issue 13, item 9), so that erasing a
/// person can later work without breaking the chain's history of what happened.
@Suite("Audit entries keep identifiers masked", .freshDatabase)
struct AuditMaskTests {
    /// Every audit entry's changes, as one text.
    static func trail(_ database: Database) async throws -> String {
        try await database.withConnection { c in
            let rows = try await c.query("SELECT coalesce(string_agg(changes::text, ' '), '') FROM audit_log",
                                         logger: TestDatabase.logger)
            var text = ""
            for try await value in rows.decode(String.self) { text = value }
            return text
        }
    }

    @Test("candidate add, update and merge through the API leave masked identifiers in the trail, never full ones")
    func candidateWritesAreMasked() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            let first = try await api.request(.post, "/v1/candidates", token: token, json: [
                "full_name": "Nguyễn Thị Minh Thư", "citizen_id": "082301000123", "email": "thu.nguyen@example.edu.vn",
                "phone": "0912 345 678",
            ])
            #expect(first.status == 201)
            let id = try #require(first.object["id"] as? String)
            let update = try await api.request(.patch, "/v1/candidates/\(id)", token: token, json: [
                "phone": "0987 654 321", "email": "thu.minh@example.vn",
            ], headers: [.ifMatch: "\"1\""])
            #expect(update.status == 200)
            let second = try await api.request(.post, "/v1/candidates", token: token, json: [
                "full_name": "Nguyễn Thị Minh Thư", "citizen_id": "082301999888", "email": "thu.khac@example.org",
                "phone": "0903 111 222",
            ])
            let other = try #require(second.object["id"] as? String)
            let merge = try await api.request(.post, "/v1/candidates/\(id)/merge", token: token, json: ["other_id": other])
            #expect(merge.status == 200)

            let trail = try await Self.trail(api.services.database)
            for secret in ["082301000123", "thu.nguyen@example.edu.vn", "+84912345678", "+84987654321",
                           "thu.minh@example.vn", "082301999888", "thu.khac@example.org", "+84903111222"] {
                #expect(!trail.contains(secret), "the audit trail holds \(secret)")
            }
            #expect(trail.contains("********0123"))
            #expect(trail.contains("t***@example.edu.vn"))
            #expect(trail.contains("+84******678"))
            #expect(trail.contains("+84******321"))
            #expect(trail.contains("********9888"))

            // What leadership reads at /v1/audit for the candidate: the masked profile, before and after.
            let leader = try await api.token(.leadership)
            let history = try await api.request(.get, "/v1/audit?entity=candidate:\(id)", token: leader)
            let items = history.object["items"] as? [[String: Any]] ?? []
            let updated = try #require(items.first { $0["action"] as? String == "candidate.update" })
            let changes = updated["changes"] as? [String: Any]
            #expect((changes?["before"] as? [String: Any])?["phone"] as? String == "+84******678")
            #expect((changes?["after"] as? [String: Any])?["phone"] as? String == "+84******321")
            #expect((changes?["after"] as? [String: Any])?["citizen_id"] as? String == "********0123")
            // The candidate's own record keeps the full values.
            let shown = try await api.request(.get, "/v1/candidates/\(id)", token: token)
            #expect(shown.object["citizen_id"] as? String == "082301000123")
        }
    }

    @Test("masks keep the shape and little else")
    func masks() {
        #expect(AuditMask.citizenID("082301000123") == "********0123")
        #expect(AuditMask.email("thu.nguyen@example.edu.vn") == "t***@example.edu.vn")
        #expect(AuditMask.email("broken") == "***")
        #expect(AuditMask.phone("+84912345678") == "+84******678")
        #expect(AuditMask.phone("+8412") == "+84**")
    }
}

/// Where `talent migrate` connects: the owner's address goes with the runtime one it belongs to.
@Suite("Configuration: the migration role's address")
struct MigrationURLConfigurationTests {
    static func file(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("talent-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("nothing set: the local cluster as talent, migrations as talent_owner")
    func localDefaults() throws {
        let c = try Configuration.resolve(.init(), environment: ["TALENT_CONFIG": "/nonexistent/talent.json"])
        #expect(c.databaseURL.user == "talent")
        #expect(c.migrationURL?.user == "talent_owner")
        #expect(c.migrationURL?.database == c.databaseURL.database)
    }

    @Test("the environment's DATABASE_MIGRATION_URL; a DATABASE_URL alone migrates as itself, never as the file's owner")
    func environmentAndFile() throws {
        let path = try Self.file("""
            {"database_url": "postgres://talent@db.local:5432/talent",
             "database_migration_url": "postgres://talent_owner@db.local:5432/talent"}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try Configuration.resolve(.init(), environment: ["TALENT_CONFIG": path])
        #expect(fromFile.migrationURL?.description == "postgres://talent_owner@db.local:5432/talent")
        let runtimeOnly = try Configuration.resolve(.init(), environment: [
            "TALENT_CONFIG": path, "DATABASE_URL": "postgres://app@other:5432/prod"])
        #expect(runtimeOnly.migrationURL == nil)
        let both = try Configuration.resolve(.init(), environment: [
            "TALENT_CONFIG": path, "DATABASE_URL": "postgres://app@other:5432/prod",
            "DATABASE_MIGRATION_URL": "postgres://owner:secret@other:5432/prod"])
        #expect(both.migrationURL?.description == "postgres://owner:***@other:5432/prod")
        #expect(throws: ServiceError.self) {
            try Configuration.resolve(.init(), environment: ["TALENT_CONFIG": path, "DATABASE_MIGRATION_URL": "nope"])
        }
    }
}
