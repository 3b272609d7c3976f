import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

/// Issue 13, item 6: an agreement records the transfer terms of Decree 356/2025/NĐ-CP Art. 7.1 (purpose, data
/// types, processing period, deletion or return, who answers requests), through the API and the CLI, audited; one
/// without them still takes nominations and is shown as lacking them.
@Suite("Partners' transfer terms", .freshDatabase)
struct TransferTermsTests {
    static var terms: [String: Any] { [
        "purpose": "Đề cử sinh viên tốt nghiệp xuất sắc để tuyển dụng theo Kế hoạch 483/KH-UBND",
        "data_types": ["identity", "contact", "education", "identity"], "retention_days": 365,
        "disposal": "delete", "requests_contact": "Phòng Công tác sinh viên, ctsv@ulaw.edu.vn",
    ] }

    @Test("POST, GET and PATCH carry the terms whole; bad terms are 422 naming each field; a change is audited")
    func throughTheAPI() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            #expect(try await api.request(.post, "/v1/partners", token: hr, json: [
                "code": "ULAW", "name": "Trường Đại học Luật TP. Hồ Chí Minh", "kind": "university"]).status == 201)
            let created = try await api.request(.post, "/v1/partners/ULAW/agreements", token: hr, json: [
                "reference": "45/2026/HĐHT", "starts_on": "2026-01-01", "ends_on": "2028-12-31", "transfer": Self.terms])
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.object["id"] as? String)
            let transfer = try #require(created.object["transfer"] as? [String: Any])
            #expect(transfer["data_types"] as? [String] == ["identity", "contact", "education"], "repeats dropped")
            #expect(transfer["retention_days"] as? Int == 365 && transfer["disposal"] as? String == "delete")
            let read = try await api.request(.get, "/v1/agreements/\(id)", token: hr)
            #expect((read.object["transfer"] as? [String: Any])?["requests_contact"] as? String
                    == "Phòng Công tác sinh viên, ctsv@ulaw.edu.vn")

            // Without terms: accepted, and read back as null.
            let bare = try await api.request(.post, "/v1/partners/ULAW/agreements", token: hr, json: [
                "reference": "1/2020", "starts_on": "2020-01-01", "ends_on": "2020-12-31"])
            #expect(bare.status == 201 && bare.object["transfer"] is NSNull, "\(bare.text)")

            // Every bad or missing term is named.
            let bad = try await api.request(.post, "/v1/partners/ULAW/agreements", token: hr, json: [
                "reference": "2/2026", "starts_on": "2026-01-01", "ends_on": "2026-12-31",
                "transfer": ["purpose": " ", "data_types": ["identity", "ethnicity"], "retention_days": 0,
                             "disposal": "archive", "colour": "red"]])
            #expect(bad.status == 422, "\(bad.text)")
            let fields = Set(((bad.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields.isSuperset(of: ["transfer.purpose", "transfer.data_types[1]", "transfer.retention_days",
                                           "transfer.disposal", "transfer.requests_contact", "transfer.colour"]), "\(fields)")
            let empty = try await api.request(.post, "/v1/partners/ULAW/agreements", token: hr, json: [
                "reference": "3/2026", "starts_on": "2026-01-01", "ends_on": "2026-12-31", "transfer": [String: Any]()])
            #expect(empty.status == 422)
            let notObject = try await api.request(.post, "/v1/partners/ULAW/agreements", token: hr, json: [
                "reference": "4/2026", "starts_on": "2026-01-01", "ends_on": "2026-12-31", "transfer": "yes"])
            #expect(notObject.status == 422)
            let afterBad = try await api.request(.get, "/v1/partners/ULAW/agreements", token: hr)
            #expect((afterBad.object["items"] as? [Any])?.count == 2, "nothing stored by a refused request")

            // PATCH: the terms change whole; null clears them; a bad patch changes nothing.
            var changed = Self.terms
            changed["disposal"] = "return"
            changed["retention_days"] = 730
            let patched = try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["transfer": changed],
                                                headers: [.ifMatch: "\"1\""])
            #expect(patched.status == 200, "\(patched.text)")
            #expect((patched.object["transfer"] as? [String: Any])?["disposal"] as? String == "return")
            let partial = try await api.request(.patch, "/v1/agreements/\(id)", token: hr,
                                                json: ["transfer": ["disposal": "delete"]], headers: [.ifMatch: "\"2\""])
            #expect(partial.status == 422, "a patch states all five terms")
            let quota = try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["yearly_quota": 5],
                                              headers: [.ifMatch: "\"2\""])
            #expect((quota.object["transfer"] as? [String: Any])?["retention_days"] as? Int == 730, "other patches keep them")
            let cleared = try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["transfer": NSNull()],
                                                headers: [.ifMatch: "\"3\""])
            #expect(cleared.status == 200 && cleared.object["transfer"] is NSNull)

            let audit = try await api.services.audit.list(entity: AuditEntity(parsing: "agreement:\(id)"), page: PageRequest(),
                                                          by: .testAdmin).items
            #expect(audit.map(\.action) == ["agreement.update", "agreement.update", "agreement.update", "agreement.add"])
            #expect(String(describing: audit.last?.changes).contains("ctsv@ulaw.edu.vn") == true, "the terms are in the entry")

            // An agreement without terms still takes nominations (earlier scenarios rely on it).
            #expect(try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["status": "active"],
                                          headers: [.ifMatch: "*"]).status == 200)
        }
    }

    @Test("the database keeps the terms whole and from the vocabulary, whatever writes them")
    func constraints() async throws {
        try await TestDatabase.withDatabase { database in
            let services = TalentServices(database: database)
            let agreement = try await services.partners.addAgreement(
                partner: try await services.partners.add(
                    ValidPartner(PartnerDraft(code: "HVTP", name: "Học viện Tư pháp", kind: "institute")), by: .testAdmin).code,
                ValidAgreement(AgreementDraft(reference: "1/2026", startsOn: "2026-01-01", endsOn: "2026-12-31")),
                by: .testAdmin)
            await #expect(throws: (any Error).self) {
                try await AuditChainTests.asOwner(database, "UPDATE agreements SET transfer_purpose = 'x' WHERE id = '\(agreement.id.text)'")
            }
            await #expect(throws: (any Error).self) {
                try await AuditChainTests.asOwner(database, """
                    UPDATE agreements SET transfer_purpose = 'x', transfer_data_types = '{ethnicity}', transfer_retention_days = 1,
                        transfer_disposal = 'delete', transfer_requests_contact = 'y' WHERE id = '\(agreement.id.text)'
                    """)
            }
        }
    }

    @Test("talent agreement add/update take the terms as flags; show prints them with Vietnamese labels, list marks the missing")
    func throughTheCLI() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(await cli.run("partner", "add", "--code", "HVTP", "--name", "Học viện Tư pháp", "--kind", "institute").status == 0)
            let bare = await cli.run("agreement", "add", "--partner", "HVTP", "--reference", "1/2026",
                                     "--starts", "01/01/2026", "--ends", "31/12/2026")
            #expect(bare.status == 0, "\(bare.stderr)")
            #expect(bare.stdout.contains("⚠ CHƯA CÓ") && bare.stdout.contains("Cảnh báo: thỏa thuận chưa ghi điều khoản chuyển giao"))
            let id = try #require(bare.stdout.split(separator: "\n").first { $0.hasPrefix("Mã:") }?
                .split(separator: " ").last.map(String.init))

            let incomplete = await cli.run("agreement", "update", id, "--transfer-purpose", "Đề cử sinh viên")
            #expect(incomplete.status != 0 && incomplete.stderr.split(separator: "\n").count == 1, "\(incomplete.stderr)")
            #expect(incomplete.stderr.contains("data_types (transfer)"))
            let wrongType = await cli.run("agreement", "update", id, "--transfer-purpose", "Đề cử", "--data-types", "identity,religion",
                                          "--retention-days", "365", "--disposal", "delete", "--requests-contact", "Phòng Đào tạo")
            #expect(wrongType.status != 0 && wrongType.stderr.contains("religion") || wrongType.stderr.contains("data_types"))

            let updated = await cli.run("agreement", "update", id, "--transfer-purpose", "Đề cử học viên để tuyển dụng",
                                        "--data-types", "identity, Contact,education", "--retention-days", "365",
                                        "--disposal", "return", "--requests-contact", "Phòng Đào tạo, daotao@hvtp.edu.vn")
            #expect(updated.status == 0, "\(updated.stderr)")
            #expect(updated.stdout.contains("Mục đích chuyển giao:") && updated.stdout.contains("Đề cử học viên để tuyển dụng"))
            #expect(updated.stdout.contains("học vấn") && updated.stdout.contains("trả lại cho đối tác"))
            #expect(updated.stdout.contains("Thời hạn xử lý (ngày):") && updated.stdout.contains("365"))
            #expect(!updated.stdout.contains("Cảnh báo"))
            // One flag changes one term; the others stay.
            let period = try await cli.json("agreement", "update", id, "--retention-days", "180") as? [String: Any]
            let terms = period?["transfer"] as? [String: Any]
            #expect(terms?["retention_days"] as? Int == 180 && terms?["disposal"] as? String == "return")
            #expect(terms?["data_types"] as? [String] == ["identity", "contact", "education"])

            let english = await cli.run("agreement", "show", id, "--lang", "en")
            #expect(english.stdout.contains("Transfer purpose:") && english.stdout.contains("returned to the partner"))
            let listed = await cli.run("agreement", "list")
            #expect(listed.status == 0 && listed.stdout.contains("Điều khoản chuyển giao"))

            let added = await cli.run("agreement", "add", "--partner", "HVTP", "--reference", "2/2027", "--starts", "01/01/2027",
                                      "--ends", "31/12/2027", "--transfer-purpose", "Đề cử", "--data-types", "identity",
                                      "--retention-days", "90", "--disposal", "delete", "--requests-contact", "Phòng Đào tạo")
            #expect(added.status == 0 && !added.stdout.contains("Cảnh báo"), "\(added.stderr)")
            let missing = await cli.run("agreement", "add", "--partner", "HVTP", "--reference", "3/2028", "--starts", "01/01/2028",
                                        "--ends", "31/12/2028", "--disposal", "burn")
            #expect(missing.status != 0 && missing.stderr.split(separator: "\n").count == 1)
            #expect(try await cli.json("agreement", "list") as? [Any] != nil)
        }
    }
}
