import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

@Suite("Partners, agreements and partner credentials", .freshDatabase)
struct PartnerTests {
    @Test("partners and agreements through the API: draft, activate, no overlapping active agreements, suspend, terminate")
    func agreementsLifecycle() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let partner = try await api.request(.post, "/v1/partners", token: hr, json: [
                "code": "ulaw", "name": "Trường Đại học Luật TP. Hồ Chí Minh", "kind": "university",
                "contact_email": "Hop.Tac@ULaw.edu.vn", "contact_phone": "028 3940 0989"])
            #expect(partner.status == 201, "\(partner.text)")
            #expect(partner.object["code"] as? String == "ULAW")
            #expect(partner.object["contact_phone"] as? String == "+842839400989")
            #expect(try await api.request(.post, "/v1/partners", token: hr, json: ["code": "ULAW", "name": "X"]).status == 409)
            #expect(try await api.request(.post, "/v1/partners", token: hr, json: ["code": "x y", "name": "X", "kind": "school"]).status == 422)

            let body: [String: Any] = ["reference": "45/2026/HĐHT", "starts_on": "2026-01-01", "ends_on": "2028-12-31",
                                       "yearly_quota": 10, "fields": ["law", "public administration"],
                                       "training": "20 suất bồi dưỡng kỹ năng xây dựng pháp luật mỗi năm"]
            let created = try await api.request(.post, "/v1/partners/ULAW/agreements", token: hr, json: body)
            #expect(created.status == 201, "\(created.text)")
            #expect(created.object["status"] as? String == "draft")
            let id = try #require(created.object["id"] as? String)
            #expect(try await api.request(.post, "/v1/partners/ULAW/agreements", token: hr,
                                          json: ["reference": "X", "starts_on": "2026-05-01", "ends_on": "2026-01-01"]).status == 422)
            #expect(try await api.request(.post, "/v1/partners/NOPE/agreements", token: hr, json: body).status == 422)

            // Terms change while in draft; PATCH needs If-Match.
            #expect(try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["yearly_quota": 12]).status == 428)
            let edited = try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["yearly_quota": 12],
                                               headers: [.ifMatch: "\"1\""])
            #expect(edited.object["yearly_quota"] as? Int == 12)
            let active = try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["status": "active"],
                                               headers: [.ifMatch: "\"2\""])
            #expect(active.status == 200, "\(active.text)")
            #expect(active.object["status"] as? String == "active")
            #expect(try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["yearly_quota": 1],
                                          headers: [.ifMatch: "\"3\""]).status == 409)

            // A second agreement overlapping the active one cannot be activated; one after it can.
            let overlapping = try #require(try await api.request(.post, "/v1/partners/ULAW/agreements", token: hr, json: [
                "reference": "46/2026", "starts_on": "2028-06-01", "ends_on": "2029-12-31"]).object["id"] as? String)
            let refused = try await api.request(.patch, "/v1/agreements/\(overlapping)", token: hr, json: ["status": "active"],
                                                headers: [.ifMatch: "*"])
            #expect(refused.status == 409)
            #expect((refused.object["type"] as? String)?.hasSuffix("/overlapping-agreement") == true)
            let later = try #require(try await api.request(.post, "/v1/partners/ULAW/agreements", token: hr, json: [
                "reference": "47/2029", "starts_on": "2029-01-01", "ends_on": "2030-12-31"]).object["id"] as? String)
            #expect(try await api.request(.patch, "/v1/agreements/\(later)", token: hr, json: ["status": "active"],
                                          headers: [.ifMatch: "*"]).status == 200)

            let suspended = try await api.request(.patch, "/v1/agreements/\(id)", token: hr,
                                                  json: ["status": "suspended", "reason": "Chờ gia hạn"], headers: [.ifMatch: "*"])
            #expect(suspended.object["status"] as? String == "suspended")
            #expect(try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["status": "terminated"],
                                          headers: [.ifMatch: "*"]).object["status"] as? String == "terminated")
            #expect(try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["status": "active"],
                                          headers: [.ifMatch: "*"]).status == 409)
            #expect(try await api.request(.patch, "/v1/agreements/\(id)", token: hr, json: ["status": "expired"],
                                          headers: [.ifMatch: "*"]).status == 422)
            let list = try await api.request(.get, "/v1/partners/ULAW/agreements", token: hr)
            #expect((list.object["items"] as? [Any])?.count == 3)
            let audit = try await api.services.audit.list(entity: AuditEntity(parsing: "agreement:\(id)"), page: PageRequest(), by: .testAdmin).items
            #expect(audit.map(\.action) == ["agreement.terminate", "agreement.suspend", "agreement.activate",
                                            "agreement.update", "agreement.add"])
        }
    }

    @Test("an active agreement past its end date reads as expired, without anyone acting")
    func expiry() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            _ = try await api.services.partners.add(ValidPartner(PartnerDraft(code: "HVTP", name: "Học viện Tư pháp", kind: "institute")), by: .testAdmin)
            let agreement = try await api.services.partners.addAgreement(
                partner: "HVTP", ValidAgreement(AgreementDraft(reference: "1/2020", startsOn: "2020-01-01", endsOn: "2030-12-31")), by: .testAdmin)
            _ = try await api.services.partners.act(AgreementTransition(.activate), on: agreement.id, by: .testAdmin)
            try await api.services.database.withConnection { c in
                try await c.query("UPDATE agreements SET ends_on = DATE '2021-12-31' WHERE id = \(agreement.id)",
                                  logger: TestDatabase.logger)
            }
            let read = try await api.request(.get, "/v1/agreements/\(agreement.id.text)", token: hr)
            #expect(read.object["status"] as? String == "expired")
        }
    }

    @Test("a partner token reaches no staff route: 403")
    func partnerTokens() async throws {
        try await APIHarness.with { api in
            _ = try await api.services.partners.add(ValidPartner(PartnerDraft(code: "CTU", name: "Trường Đại học Cần Thơ", kind: "university")), by: .testAdmin)
            let issued = try await api.services.tokens.issue(try TokenRequest(userID: nil, partnerCode: "ctu", expiresInDays: 30), by: .testAdmin)
            #expect(issued.record.role == .partner)
            #expect(issued.record.partnerCode == "CTU")
            for path in ["/v1/candidates", "/v1/agencies", "/v1/positions", "/v1/partners", "/v1/audit"] {
                #expect(try await api.request(.get, path, token: issued.token).status == 403, "\(path)")
            }
            await #expect(throws: ServiceError.self) {
                try await api.services.tokens.issue(try TokenRequest(userID: nil, partnerCode: "NOPE", expiresInDays: 30), by: .testAdmin)
            }
            await #expect(throws: ServiceError.self) {
                try await api.services.tokens.issue(try TokenRequest(userID: nil, partnerCode: nil, expiresInDays: 30), by: .testAdmin)
            }
        }
    }

    @Test("partners and agreements from the CLI")
    func cli() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(await cli.run("partner", "add", "--code", "ULAW", "--name", "Trường Đại học Luật TP. Hồ Chí Minh").status == 0)
            let agreement = try await cli.json("agreement", "add", "--partner", "ULAW", "--reference", "45/2026",
                                               "--starts", "2026-01-01", "--ends", "2028-12-31", "--quota", "10",
                                               "--fields", "law,public administration", "--training", "20 suất/năm") as? [String: Any]
            let id = try #require(agreement?["id"] as? String)
            #expect(agreement?["fields"] as? [String] == ["law", "public administration"])
            #expect(await cli.run("agreement", "suspend", id).status == 2)  // not active yet
            #expect(await cli.run("agreement", "activate", id).status == 0)
            let shown = await cli.run("partner", "show", "ULAW")
            #expect(shown.stdout.contains("45/2026"))
            #expect(shown.stdout.contains("đang hiệu lực"))  // the label of `active`
            let token = await cli.run("token", "issue", "--partner", "ULAW")
            #expect(token.status == 0)
            #expect(String(token.stdout.split(separator: "\n").last ?? "").hasPrefix("tlt_"))
            #expect(await cli.run("token", "issue", "--partner", "ULAW", "--user", UUID().uuidString).status == 2)
            #expect(await cli.run("agreement", "add", "--partner", "ULAW", "--reference", "x", "--starts", "2026-13-01",
                                  "--ends", "2027-01-01").status == 2)
        }
    }
}
