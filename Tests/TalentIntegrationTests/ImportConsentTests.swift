import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

/// Issue 13, item 1, for imports: a file-wide consent declaration or a `consent` column gives each imported person
/// their consent records, in bulk and in the import's transaction; a file without either still imports, and the
/// report counts the people with no consent recorded.
@Suite("Consents given with an import", .freshDatabase)
struct ImportConsentTests {
    static let csvType: HTTPFields = [.contentType: "text/csv; charset=utf-8"]

    static func consents(_ s: TalentServices, _ name: String) async throws -> [Consent] {
        let found = try await s.candidates.list(CandidateQuery(text: name), page: PageRequest(limit: 5), by: .testAdmin).items
        guard let candidate = found.first else { return [] }
        return try await s.consents.list(candidate: candidate.id, by: .testAdmin)
    }

    @Test("a file-wide declaration: every person gets each purpose, talent_pool with a two-year expiry; bad declarations are 422 and write nothing")
    func declared() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let csv = Data("""
                full_name,citizen_id
                Nguyễn Thị Minh Thư,082301000123
                Lê Văn An,082090000001

                """.utf8)
            for bad in ["consent=marketing&notice=2026-01&channel=paper", "consent=recruitment&channel=paper",
                        "consent=recruitment&notice=2026-01&channel=partner", "consent=recruitment&notice=1999&channel=paper",
                        "notice=2026-01&channel=paper"] {
                let refused = try await api.request(.post, "/v1/candidates/imports?\(bad)", token: hr, raw: csv, headers: Self.csvType)
                #expect(refused.status == 422, "\(bad): \(refused.text)")
            }
            #expect(try await api.services.candidates.list(CandidateQuery(), page: PageRequest(limit: 10), by: .testAdmin)
                .items.isEmpty, "a refused declaration wrote nothing")

            let done = try await api.request(
                .post, "/v1/candidates/imports?consent=recruitment,talent_pool&notice=2026-01&channel=paper&evidence=H%E1%BB%93%20s%C6%A1%2012",
                token: hr, raw: csv, headers: Self.csvType)
            #expect(done.status == 201, "\(done.text)")
            #expect(done.object["consents_recorded"] as? Int == 4 && done.object["without_consent"] as? Int == 0)
            let thu = try await Self.consents(api.services, "Nguyễn Thị Minh Thư")
            #expect(Set(thu.map(\.purpose)) == [.recruitment, .talentPool])
            #expect(thu.allSatisfy { $0.noticeVersion == "2026-01" && $0.channel == .paper && $0.evidence == "Hồ sơ 12" })
            let today = CalendarDate.today()
            #expect(thu.first { $0.purpose == .talentPool }?.expiresOn?.year == today.year + 2)
            #expect(thu.first { $0.purpose == .recruitment }?.expiresOn == nil)
        }
    }

    @Test("a consent column, row by row: bad rows are rejected with the column named; empty cells are counted without consent")
    func column() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let s = TalentServices(database: database)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("talent-consent-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("a.csv").path
            try """
                Họ và tên,Số CCCD,consent,consent_notice,consent_channel,consent_evidence
                Nguyễn Thị Minh Thư,082301000123,recruitment;talent_pool,,,Phiếu 1
                Lê Văn An,082090000001,,,,
                Trần Thị Bình,082192000002,recruitment,2026-01,email,Thư ngày 02/11
                Phạm Văn Sai,082192000003,marketing,,,
                Võ Thị Cũ,082192000004,recruitment,1999,,
                Đỗ Văn Kênh,082192000005,recruitment,,partner,

                """.write(toFile: path, atomically: true, encoding: .utf8)
            let refused = await cli.run("candidate", "import", path, "--notice", "2026-01", "--channel", "paper")
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("dòng 5: consent:"), "\(refused.stderr)")
            #expect(refused.stderr.contains("dòng 6: consent_notice:") && refused.stderr.contains("1999"))
            #expect(refused.stderr.contains("dòng 7: consent_channel:"))
            #expect(try await s.candidates.list(CandidateQuery(), page: PageRequest(limit: 10), by: .testAdmin).items.isEmpty)

            let both = await cli.run("candidate", "import", path, "--consent", "recruitment", "--notice", "2026-01",
                                     "--channel", "paper")
            #expect(both.status != 0 && both.stderr.contains("--consent"), "\(both.stderr)")

            let rejects = dir.appendingPathComponent("rejects.csv").path
            let done = await cli.run("candidate", "import", path, "--notice", "2026-01", "--channel", "paper",
                                     "--skip-invalid", rejects)
            #expect(done.status == 0, "\(done.stderr)")
            #expect(done.stdout.contains("Đã ghi nhận 3 sự đồng ý; 1 người chưa có sự đồng ý nào được ghi nhận"), "\(done.stdout)")
            let thu = try await Self.consents(s, "Nguyễn Thị Minh Thư")
            #expect(thu.count == 2 && thu.allSatisfy { $0.channel == .paper && $0.evidence == "Phiếu 1" })
            let binh = try await Self.consents(s, "Trần Thị Bình")
            #expect(binh.count == 1 && binh.first?.channel == .email && binh.first?.evidence == "Thư ngày 02/11")
            #expect(try await Self.consents(s, "Lê Văn An").isEmpty)
            // The people's audit entries say which consents came with them.
            let imported = try await s.candidates.list(CandidateQuery(text: "Trần Thị Bình"), page: PageRequest(limit: 1),
                                                       by: .testAdmin).items[0]
            let entry = try await s.audit.list(entity: AuditEntity(type: "candidate", id: imported.id.text), page: PageRequest(),
                                               by: .testAdmin).items.first { $0.action == "candidate.import" }
            #expect(entry.map { String(describing: $0.changes) }?.contains("recruitment") == true)

            // Without either, as before: imported, and counted.
            let plain = dir.appendingPathComponent("b.csv").path
            try "full_name\nHoàng Văn Mới\n".write(toFile: plain, atomically: true, encoding: .utf8)
            let json = try await cli.json("candidate", "import", plain) as? [String: Any]
            #expect(json?["imported"] as? Int == 1 && json?["without_consent"] as? Int == 1 && json?["consents_recorded"] as? Int == 0)
        }
    }
}
