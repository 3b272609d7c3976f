import Foundation
import TalentDomain
import TalentService
import Testing

/// Issue 11, item 16: a merge says what it keeps and drops before anything is written (`--dry-run`, `"dry_run": true`),
/// and the other profile's e-mail and phone stay on the kept profile as secondary contacts.
@Suite("Merges that keep every contact")
struct MergeContactsTests {
    @Test("API: a dry run says what happens and writes nothing; the merge keeps the other e-mail and phone")
    func api() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let keep = try #require(try await api.request(.post, "/v1/candidates", token: hr, json: [
                "full_name": "Nguyễn Văn Bình", "date_of_birth": "1995-03-02", "email": "binh@example.vn",
                "phone": "0912000111"]).object["id"] as? String)
            let other = try #require(try await api.request(.post, "/v1/candidates", token: hr, json: [
                "full_name": "NGUYEN VAN BINH", "date_of_birth": "1995-03-02", "email": "binh.nguyen@example.edu.vn",
                "phone": "0987000222", "province": "Đồng Tháp", "skills": ["thẩm định"]]).object["id"] as? String)
            let auditBefore = try await api.count("audit_log")

            let dry = try await api.request(.post, "/v1/candidates/\(keep)/merge", token: hr,
                                            json: ["other_id": other, "dry_run": true])
            #expect(dry.status == 200, "\(dry.text)")
            #expect(dry.headers[.eTag] == "\"1\"")  // the stored version: nothing changed
            let plan = try #require(dry.object["merge"] as? [String: Any], "\(dry.text)")
            #expect(plan["dry_run"] as? Bool == true)
            let fields = plan["fields"] as? [[String: Any]] ?? []
            func outcome(_ field: String) -> String? { fields.first { $0["field"] as? String == field }?["outcome"] as? String }
            #expect(outcome("email") == "other_contact")
            #expect(outcome("phone") == "other_contact")
            #expect(outcome("province") == "filled")
            #expect(outcome("skills") == "united")
            #expect(outcome("full_name") == "dropped")
            #expect(fields.first { $0["field"] as? String == "email" }?["other"] as? String == "binh.nguyen@example.edu.vn")
            #expect(dry.object["province"] as? String == "Đồng Tháp")
            #expect((dry.object["other_contacts"] as? [[String: Any]])?.compactMap { $0["value"] as? String }
                    == ["binh.nguyen@example.edu.vn", "+84987000222"])
            // Nothing was written.
            #expect(try await api.request(.get, "/v1/candidates/\(other)", token: hr).status == 200)
            let unchanged = try await api.request(.get, "/v1/candidates/\(keep)", token: hr)
            #expect(unchanged.object["version"] as? Int == 1)
            #expect((unchanged.object["other_contacts"] as? [Any])?.isEmpty == true)
            #expect(try await api.count("audit_log") == auditBefore)
            #expect(try await api.request(.post, "/v1/candidates/\(keep)/merge", token: hr,
                                          json: ["other_id": other, "dry_run": "yes"]).status == 422)

            let merged = try await api.request(.post, "/v1/candidates/\(keep)/merge", token: hr, json: ["other_id": other])
            #expect(merged.status == 200, "\(merged.text)")
            #expect(merged.object["email"] as? String == "binh@example.vn")
            #expect((merged.object["merge"] as? [String: Any])?["dry_run"] as? Bool == false)
            let contacts = merged.object["other_contacts"] as? [[String: Any]] ?? []
            #expect(contacts.map { $0["kind"] as? String } == ["email", "phone"])
            #expect(contacts.map { $0["value"] as? String } == ["binh.nguyen@example.edu.vn", "+84987000222"])
            #expect(contacts.allSatisfy { $0["merged_from"] as? String == other })
            #expect(try await api.request(.get, "/v1/candidates/\(other)", token: hr).status == 404)
            let shown = try await api.request(.get, "/v1/candidates/\(keep)", token: hr)
            #expect((shown.object["other_contacts"] as? [Any])?.count == 2)

            // The secondary contacts find the person, and belong to them alone.
            for q in ["binh.nguyen@example.edu.vn", "0987000222"] {
                let found = try await api.request(.get, "/v1/candidates?q=\(q)", token: hr)
                #expect((found.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [keep], "\(q)")
            }
            let again = try await api.request(.post, "/v1/candidates", token: hr, json: [
                "full_name": "Bình Nguyễn", "email": "binh.nguyen@example.edu.vn"])
            #expect(again.status == 409, "\(again.text)")
            #expect(again.object["existing_id"] as? String == keep)
            // Audited as before: the removed profile whole, on both sides.
            let audit = try await api.services.audit.list(entity: AuditEntity(parsing: "candidate:\(other)"), page: PageRequest(),
                                                          by: .testAdmin).items
            #expect(audit.first?.action == "candidate.merged_into")
        }
    }

    @Test("CLI: candidate merge --dry-run lists kept and dropped and writes nothing; show lists the other contacts")
    func cli() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            func id(_ value: Any) throws -> String { try #require((value as? [String: Any])?["id"] as? String) }
            let keep = try id(try await cli.json("candidate", "add", "--name", "Trần Thị Mai", "--email", "mai@example.vn",
                                                 "--dob", "1990-01-02"))
            let other = try id(try await cli.json("candidate", "add", "--name", "Tran Thi Mai", "--email", "mai.tran@example.vn",
                                                  "--phone", "0912345678", "--dob", "1990-02-01"))
            let dry = await cli.run("candidate", "merge", keep, other, "--dry-run")
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.contains("mai.tran@example.vn"), "\(dry.stdout)")
            #expect(dry.stdout.contains("giữ làm liên hệ phụ"), "\(dry.stdout)")
            #expect(dry.stdout.contains("bỏ (chỉ còn trong nhật ký)"), "\(dry.stdout)")  // the other date of birth
            #expect(dry.stdout.contains("+84912345678"), "\(dry.stdout)")
            #expect(dry.stdout.contains("Chạy thử: chưa ghi gì"), "\(dry.stdout)")
            #expect(await cli.run("candidate", "show", other).status == 0)  // still there
            let json = try await cli.json("candidate", "merge", keep, other, "--dry-run") as? [String: Any]
            #expect((json?["merge"] as? [String: Any])?["dry_run"] as? Bool == true)

            let merged = await cli.run("candidate", "merge", keep, other)
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(merged.stderr.contains("mai.tran@example.vn"), "\(merged.stderr)")
            #expect(await cli.run("candidate", "show", other).status == 2)
            let shown = await cli.run("candidate", "show", keep)
            #expect(shown.stdout.contains("Liên hệ khác"), "\(shown.stdout)")
            #expect(shown.stdout.contains("thư điện tử mai.tran@example.vn"), "\(shown.stdout)")
            #expect(shown.stdout.contains("+84912345678"), "\(shown.stdout)")  // the kept profile had no phone: taken
            let found = try await cli.json("candidate", "search", "mai.tran@example.vn") as? [[String: Any]] ?? []
            #expect(found.compactMap { $0["id"] as? String } == [keep])
        }
    }
}
