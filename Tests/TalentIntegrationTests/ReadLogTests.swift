import Foundation
import TalentDomain
import TalentService
import TalentWire
import Testing

/// Issue 13, item 8: reads of personal data are logged. A read of a profile, a search by an identifier and an export
/// are audit entries by whom and through which channel, with no full citizen ID or contact in them; reads are
/// batched (`ReadLog`), exports written at once; the trail's list leaves reads out unless asked for by action.
@Suite("Personal data: reads are logged", .freshDatabase)
struct ReadLogTests {
    static let citizenID = "082301000123"
    static let email = "thu@example.edu.vn"
    static let phone = "0912345678"

    static func person(_ s: TalentServices) async throws -> Candidate {
        try await s.candidates.add(try ValidCandidate(CandidateDraft(
            fullName: "Nguyễn Thị Minh Thư", dateOfBirth: "2001-05-14", citizenID: citizenID, email: email,
            phone: phone)), by: .testAdmin).candidate
    }

    static func reads(_ s: TalentServices, _ action: String) async throws -> [AuditEntry] {
        try await s.audit.list(action: action, page: PageRequest(limit: 100), by: .testAdmin).items
    }

    /// No full identifier anywhere in the entry: entity, changes, actor.
    static func expectNoIdentifier(_ entry: AuditEntry, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = [entry.entityType, entry.entityID, entry.actor, entry.changes.jsonString()].joined(separator: " ")
        for identifier in [citizenID, email, "+84912345678", phone] {
            #expect(!text.contains(identifier), "\(identifier) in \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test("a read by id is one candidate.read entry after a flush, by the reader through the API; the file names its sections")
    func readByID() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let candidate = try await Self.person(s)
            let hr = try await api.user(.hr, name: "Trần Thị Nhân Sự")
            #expect(try await api.request(.get, "/v1/candidates/\(candidate.id.text)", token: hr.token).status == 200)
            // Batched: nothing is written until the buffer is flushed.
            #expect(try await Self.reads(s, "candidate.read").isEmpty)
            #expect(s.readLog.waiting == 1)
            await s.readLog.flush()
            let entries = try await Self.reads(s, "candidate.read")
            #expect(entries.count == 1)
            let entry = try #require(entries.first)
            #expect(entry.entityType == "candidate" && entry.entityID == candidate.id.text)
            #expect(entry.actor == "Trần Thị Nhân Sự" && entry.role == .hr && entry.channel == .api)
            #expect(entry.changes == .object([:]))
            Self.expectNoIdentifier(entry)

            let file = try await api.request(.get, "/v1/candidates/\(candidate.id.text)?include=applications,referrals",
                                             token: hr.token)
            #expect(file.status == 200)
            // A refused or missing read is no read of the person.
            #expect(try await api.request(.get, "/v1/candidates/\(UUID().uuidString.lowercased())", token: hr.token).status == 404)
            await s.readLog.flush()
            let both = try await Self.reads(s, "candidate.read")
            #expect(both.count == 2)
            #expect(both.first?.changes == .object(["include": .array([.string("applications"), .string("referrals")])]))

            // The trail's default list leaves reads out; GET /v1/audit?action= lists them.
            let all = try await s.audit.list(page: PageRequest(limit: 100), by: .testAdmin).items
            #expect(!all.contains { ReadLog.actions.contains($0.action) })
            #expect(all.contains { $0.action == "candidate.add" })
            let admin = try await api.token(.admin, name: "Quản trị")
            let listed = try await api.request(.get, "/v1/audit?action=candidate.read", token: admin)
            #expect(listed.status == 200)
            #expect((listed.object["items"] as? [[String: Any]])?.count == 2)
            let defaults = try await api.request(.get, "/v1/audit?entity=candidate:\(candidate.id.text)", token: admin)
            #expect((defaults.object["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["candidate.add"])
            // The chain holds over the batched rows.
            #expect(try await s.audit.verify(by: .testAdmin).ok)
        }
    }

    @Test("a search by citizen ID, e-mail or phone is a candidate.search entry with the kind and a masked value; a name search is none")
    func searchByIdentifier() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let candidate = try await Self.person(s)
            let hr = try await api.user(.hr, name: "Trần Thị Nhân Sự")
            let found = try await api.request(.get, "/v1/candidates?q=\(Self.citizenID)", token: hr.token)
            #expect((found.object["items"] as? [[String: Any]])?.count == 1)
            #expect(try await api.request(.get, "/v1/candidates?q=Th%C6%B0", token: hr.token).status == 200)
            await s.readLog.flush()
            let entries = try await Self.reads(s, "candidate.search")
            #expect(entries.count == 1)
            let entry = try #require(entries.first)
            #expect(entry.entityType == "search" && entry.entityID == "citizen_id:********0123")
            #expect(entry.actor == "Trần Thị Nhân Sự" && entry.channel == .api)
            #expect(entry.changes == .object(["kind": .string("citizen_id"), "found": .array([.string(candidate.id.text)])]))
            Self.expectNoIdentifier(entry)

            _ = try await api.request(.get, "/v1/candidates?q=\(Self.email)", token: hr.token)
            _ = try await api.request(.get, "/v1/candidates?q=\(Self.phone)", token: hr.token)
            await s.readLog.flush()
            let three = try await Self.reads(s, "candidate.search")
            #expect(three.map(\.entityID) == ["phone:+84******678", "email:t***@example.edu.vn", "citizen_id:********0123"])
            for entry in three { Self.expectNoIdentifier(entry) }
        }
    }

    @Test("an export is one candidate.export entry written at once, with its format, filters (an identifier masked) and row count")
    func export() async throws {
        try await APIHarness.with { api in
            let s = api.services
            _ = try await Self.person(s)
            _ = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Lê Văn Khác")), by: .testAdmin)
            let hr = try await api.user(.hr, name: "Trần Thị Nhân Sự")
            let one = try await api.request(.get, "/v1/candidates/export?q=\(Self.citizenID)&format=json", token: hr.token)
            #expect(one.status == 200)
            #expect((one.json as? [Any])?.count == 1)
            // No flush: exports are written synchronously.
            let entries = try await Self.reads(s, "candidate.export")
            #expect(entries.count == 1)
            let entry = try #require(entries.first)
            #expect(entry.entityType == "export" && UUID(uuidString: entry.entityID) != nil)
            #expect(entry.actor == "Trần Thị Nhân Sự" && entry.role == .hr && entry.channel == .api)
            #expect(entry.changes == .object([
                "format": .string("json"), "filters": .object(["q": .string("citizen_id:********0123")]),
                "rows": .number(1), "complete": .bool(true),
            ]))
            Self.expectNoIdentifier(entry)

            #expect(try await api.request(.get, "/v1/candidates/export?sector=academic", token: hr.token).status == 200)
            let all = try await s.audit.list(page: PageRequest(limit: 100), by: .testAdmin).items
            let exports = all.filter { $0.action == "candidate.export" }
            // Exports stay in the default list: they are rare and each is worth seeing.
            #expect(exports.count == 2)
            #expect(exports.first?.changes == .object([
                "format": .string("csv"), "filters": .object(["sector": .string("academic")]),
                "rows": .number(0), "complete": .bool(true),
            ]))
            // The person's own export (privacy export) audits itself, with counts only.
            #expect(try await s.audit.verify(by: .testAdmin).ok)
        }
    }

    @Test("a nomination read is a nomination.read entry under the candidate it became")
    func nominationRead() async throws {
        try await APIHarness.with { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let submitted = try await NominationTests().nominate(api, ulaw, key: "read-1", NominationTests.body())
            #expect(submitted.status == 201, "\(submitted.text)")
            let id = try #require(submitted.object["id"] as? String)
            let hr = try await api.user(.hr, name: "Trần Thị Nhân Sự")
            let read = try await api.request(.get, "/v1/nominations/\(id)", token: hr.token)
            #expect(read.status == 200)
            let candidate = try #require(read.object["candidate_id"] as? String)
            await api.services.readLog.flush()
            let entries = try await Self.reads(api.services, "nomination.read")
            #expect(entries.count == 1)
            #expect(entries.first?.entityType == "candidate" && entries.first?.entityID == candidate)
            #expect(entries.first?.changes == .object(["nomination_id": .string(id)]))
            #expect(entries.first?.actor == "Trần Thị Nhân Sự")
        }
    }

    @Test("the CLI writes its logged reads before it exits: candidate show is a candidate.read through the cli; audit list --action lists it")
    func cli() async throws {
        try await TestDatabase.withServices { s in
            let candidate = try await Self.person(s)
            let cli = CLIRunner(databaseURL: s.database.url)
            let shown = await cli.run("candidate", "show", candidate.id.text)
            #expect(shown.status == 0, "\(shown.stderr)")
            let searched = await cli.run("candidate", "list", "--q", Self.citizenID)
            #expect(searched.status == 0, "\(searched.stderr)")
            // This process never flushed: the command's own process did.
            #expect(s.readLog.waiting == 0)
            let entries = try await Self.reads(s, "candidate.read")
            #expect(entries.count == 1)
            #expect(entries.first?.entityID == candidate.id.text && entries.first?.channel == .cli)
            #expect(entries.first?.actor == "Nguyễn Thị Lan" && entries.first?.role == .admin)
            #expect(try await Self.reads(s, "candidate.search").map(\.entityID) == ["citizen_id:********0123"])

            let listed = try await cli.json("audit", "list", "--action", "candidate.read") as? [[String: Any]]
            #expect(listed?.count == 1)
            let all = try await cli.json("audit", "list") as? [[String: Any]]
            #expect(all?.contains { ($0["action"] as? String).map(ReadLog.actions.contains) ?? false } == false)
            #expect(all?.contains { $0["action"] as? String == "candidate.add" } == true)

            let exported = await cli.run("candidate", "export", "--out",
                                         FileManager.default.temporaryDirectory.appendingPathComponent("read-log-\(UUID().uuidString).csv").path)
            #expect(exported.status == 0, "\(exported.stderr)")
            let exports = try await Self.reads(s, "candidate.export")
            #expect(exports.count == 1 && exports.first?.channel == .cli)
            guard case .object(let changes)? = exports.first?.changes else { Issue.record("no export entry"); return }
            #expect(changes["rows"] == .number(1) && changes["complete"] == .bool(true))
        }
    }

    @Test("the buffer writes itself when full, entries of several actors in one statement; run() writes every interval and once more when cancelled")
    func batching() async throws {
        try await TestDatabase.withServices { s in
            let candidate = try await Self.person(s)
            let log = ReadLog(database: s.database, limit: 3, interval: .milliseconds(200))
            let hr = Principal(name: "Cán bộ A", role: .hr, channel: .api, userID: UUID())
            let leader = Principal(name: "Lãnh đạo B", role: .leadership, channel: .cli)
            await log.record(hr, "candidate.read", "candidate", candidate.id.text)
            await log.record(leader, "candidate.read", "candidate", candidate.id.text)
            #expect(try await Self.reads(s, "candidate.read").isEmpty)
            await log.record(hr, "candidate.read", "candidate", candidate.id.text)
            #expect(await log.waiting == 0, "the third entry starts a write")
            var written: [AuditEntry] = []
            for _ in 0..<50 {
                written = try await Self.reads(s, "candidate.read")
                if written.count == 3 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(written.map(\.actor) == ["Cán bộ A", "Lãnh đạo B", "Cán bộ A"])
            #expect(written.map(\.role) == [.hr, .leadership, .hr])
            #expect(written.map(\.channel) == [.api, .cli, .api])

            let runner = Task { await log.run() }
            await log.record(leader, "candidate.read", "candidate", candidate.id.text)
            for _ in 0..<50 where try await Self.reads(s, "candidate.read").count < 4 {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try await Self.reads(s, "candidate.read").count == 4, "written within the interval")
            await log.record(leader, "candidate.read", "candidate", candidate.id.text)
            runner.cancel()
            await runner.value
            #expect(try await Self.reads(s, "candidate.read").count == 5, "written on shutdown")
            #expect(try await s.audit.verify(by: .testAdmin).ok)
        }
    }
}
