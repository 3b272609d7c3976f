import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

/// Issue 12, item 3: every operation the CLI has, the API has too. The routes the remote CLI needed last: agencies
/// one by one, CSV import and export, the annual report, agreements of every partner.
@Suite("Admin routes the CLI goes through", .freshDatabase)
struct AdminRouteTests {
    @Test("agencies: an admin adds, reads, renames and retires one (a merger moves its positions); others are refused")
    func agencies() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let hr = try await api.token(.hr)
            let body: [String: Any] = ["code": "sxd-dt", "name": "Sở Xây dựng Đồng Tháp"]
            #expect(try await api.request(.post, "/v1/agencies", token: hr, json: body).status == 403)
            // The role is checked before the body: a bad body from hr is still 403.
            #expect(try await api.request(.post, "/v1/agencies", token: hr, json: ["code": 1]).status == 403)
            let added = try await api.request(.post, "/v1/agencies", token: admin, json: body)
            #expect(added.status == 201)
            #expect(added.object["code"] as? String == "SXD-DT" && added.object["kind"] as? String == "department")
            #expect(added.headers[.location] == "/v1/agencies/SXD-DT")
            #expect(try await api.request(.post, "/v1/agencies", token: admin, json: body).status == 409)
            #expect(try await api.request(.post, "/v1/agencies", token: admin, json: ["name": "Không mã"]).status == 422)
            #expect(try await api.request(.get, "/v1/agencies/sxd-dt", token: hr).status == 200)
            #expect(try await api.request(.get, "/v1/agencies/NOPE", token: hr).status == 404)

            let renamed = try await api.request(.put, "/v1/agencies/SXD-DT/name", token: admin,
                                                json: ["name": "Sở Xây dựng tỉnh Đồng Tháp"])
            #expect(renamed.status == 200 && renamed.object["name"] as? String == "Sở Xây dựng tỉnh Đồng Tháp")
            #expect(try await api.request(.put, "/v1/agencies/SXD-DT/name", token: admin, json: [:]).status == 422)
            #expect(try await api.request(.put, "/v1/agencies/SXD-DT/name", token: hr, json: ["name": "X"]).status == 403)

            let position = try await api.services.positions.add(try ValidPosition(PositionDraft(
                agencyCode: "SXD-DT", title: "Công chức pháp chế", kind: "legal_affairs_officer")), by: .testAdmin)
            #expect(try await api.request(.post, "/v1/agencies/SXD-DT/retirement", token: admin,
                                          json: ["merged_into": "NOPE"]).status == 422)
            let retired = try await api.request(.post, "/v1/agencies/SXD-DT/retirement", token: admin,
                                                json: ["merged_into": "STP"])
            #expect(retired.status == 200 && retired.object["status"] as? String == "retired")
            #expect(retired.object["merged_into"] as? String == "STP")
            #expect(try await api.services.positions.get(position.id, by: .testAdmin).agencyCode == "STP")
            // Retired is final: neither renamed nor retired again.
            #expect(try await api.request(.post, "/v1/agencies/SXD-DT/retirement", token: admin, json: [:]).status == 409)
            #expect(try await api.request(.put, "/v1/agencies/SXD-DT/name", token: admin,
                                          json: ["name": "Lại"]).status == 409)
        }
    }

    @Test("a CSV import: all rows or none (422 with the report), valid rows with skip_invalid; only text/csv; hr and admin")
    func importCSV() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let leader = try await api.token(.leadership)
            let csv = Data("""
                full_name,date_of_birth,citizen_id
                Trần Văn Bảy,15/08/1990,082090000007
                ,1995-02-01,
                Phạm Thị Thu,1995-02-01,082195000008

                """.utf8)
            let csvType: HTTPFields = [.contentType: "text/csv; charset=utf-8"]
            #expect(try await api.request(.post, "/v1/candidates/imports", token: leader, raw: csv,
                                          headers: csvType).status == 403)
            #expect(try await api.request(.post, "/v1/candidates/imports", token: hr, raw: csv).status == 415)
            let refused = try await api.request(.post, "/v1/candidates/imports", token: hr, raw: csv, headers: csvType)
            #expect(refused.status == 422 && (refused.object["type"] as? String)?.hasSuffix("/problems/import-refused") == true)
            let report = try #require(refused.object["report"] as? [String: Any])
            #expect(report["committed"] as? Bool == false && report["rows"] as? Int == 3)
            #expect((report["rejected"] as? [[String: Any]])?.map { $0["line"] as? Int } == [3])
            #expect(try await api.services.candidates.list(CandidateQuery(), page: PageRequest(limit: 10), by: .testAdmin)
                .items.isEmpty, "a refused import wrote nothing")

            let kept = try await api.request(.post, "/v1/candidates/imports?skip_invalid=true", token: hr, raw: csv,
                                             headers: csvType)
            #expect(kept.status == 201)
            #expect(kept.object["imported"] as? Int == 2 && kept.object["committed"] as? Bool == true)
            let names = try await api.services.candidates.list(CandidateQuery(), page: PageRequest(limit: 10), by: .testAdmin)
                .items.map(\.fullName)
            #expect(Set(names) == ["Trần Văn Bảy", "Phạm Thị Thu"])
        }
    }

    @Test("agreements of every partner, or of one; an unknown partner is 404")
    func agreements() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            for code in ["DHL", "HVTP"] {
                _ = try await api.services.partners.add(try ValidPartner(PartnerDraft(code: code, name: "Trường \(code)")),
                                                        by: .testAdmin)
                _ = try await api.services.partners.addAgreement(partner: code, try ValidAgreement(AgreementDraft(
                    reference: "\(code)/2026", startsOn: "2026-01-01", endsOn: "2028-12-31")), by: .testAdmin)
            }
            let all = try await api.request(.get, "/v1/agreements", token: hr)
            #expect(Set((all.object["items"] as? [[String: Any]] ?? []).compactMap { $0["partner_code"] as? String })
                        == ["DHL", "HVTP"])
            let one = try await api.request(.get, "/v1/agreements?partner=dhl", token: hr)
            #expect((one.object["items"] as? [[String: Any]] ?? []).compactMap { $0["reference"] as? String } == ["DHL/2026"])
            #expect(try await api.request(.get, "/v1/agreements?partner=NOPE", token: hr).status == 404)
            #expect(try await api.request(.get, "/v1/agreements?partner=a%20b", token: hr).status == 422)
        }
    }
}
