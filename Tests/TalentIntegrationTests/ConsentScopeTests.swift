import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

/// Issue 13, item 1: a person who withdrew their recruitment consent, and holds none in force, is processed for
/// nothing until a new consent is recorded (409 `no-consent`); one who never had a consent record is processed on
/// the legal basis of state recruitment; withdrawing recruitment opens an erasure request.
@Suite("No processing without consent after a withdrawal", .freshDatabase)
struct ConsentScopeTests {

    @Test("after a withdrawal: no new application, no move, no referral, no evaluation (409 no-consent); a new consent lifts it; never-consented people are not blocked")
    func blocked() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let hr = try await api.token(.hr)
            let person = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Phạm Thị Thu")),
                                                    by: .testAdmin).candidate
            let never = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Lê Văn Chưa Ký")),
                                                   by: .testAdmin).candidate
            let position = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "STP", "title": "Chuyên viên pháp chế", "kind": "legal_affairs_officer"]).object["id"] as? String)
            let other = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "STP", "title": "Chuyên viên xây dựng pháp luật", "kind": "core_drafting_officer"])
                .object["id"] as? String)
            let consents = "/v1/candidates/\(person.id.text)/consents"
            let consent: [String: Any] = ["purpose": "recruitment", "notice_version": "2026-01", "channel": "paper",
                                          "evidence": "Phiếu số 1/2026"]
            #expect(try await api.request(.post, consents, token: hr, json: consent).status == 201)
            let application = try #require(try await api.request(.post, "/v1/applications", token: hr, json: [
                "candidate_id": person.id.text, "position_id": position]).object["id"] as? String)
            #expect(try await api.request(.post, "/v1/candidates/\(person.id.text)/consents/recruitment/withdrawal",
                                          token: hr, json: ["reason": "Đơn ngày 05/11/2026"]).status == 200)

            let opened = try await api.request(.post, "/v1/applications", token: hr, json: [
                "candidate_id": person.id.text, "position_id": other])
            #expect(opened.status == 409, "\(opened.text)")
            #expect((opened.object["type"] as? String)?.hasSuffix("/no-consent") == true)
            #expect((opened.object["detail"] as? String)?.contains("sự đồng ý mới") == true, "\(opened.text)")
            let english = try await api.request(.post, "/v1/applications", token: hr, json: [
                "candidate_id": person.id.text, "position_id": other], headers: [.acceptLanguage: "en"])
            #expect((english.object["detail"] as? String)?.contains("record a new consent first") == true, "\(english.text)")
            let reopened = try await api.request(.post, "/v1/applications/\(application)/transitions", token: hr,
                                                 json: ["to": "screening", "reason": "mở lại"])
            #expect(reopened.status == 409 && (reopened.object["type"] as? String)?.hasSuffix("/no-consent") == true,
                    "\(reopened.text)")
            let referral = try await api.request(.post, "/v1/referrals", token: hr, json: [
                "candidate_id": person.id.text, "referrer_kind": "person", "referrer_name": "Ông Lê Văn Tám",
                "relationship": "supervisor", "justification": "Cán bộ trẻ có năng lực."])
            #expect(referral.status == 409 && (referral.object["type"] as? String)?.hasSuffix("/no-consent") == true,
                    "\(referral.text)")
            // An evaluation of an application left open (a state the withdrawal never leaves, made here by the owner).
            try await AuditChainTests.asOwner(s.database, "UPDATE applications SET stage = 'screening' WHERE id = '\(application)'")
            await #expect(throws: ServiceError.self) {
                do {
                    _ = try await s.evaluations.submit(application: try UUID.parse(application), Submission(
                        rubricID: UUID(), scores: [:], evaluatorID: UUID()), by: .testAdmin)
                } catch let error as ServiceError {
                    #expect(error.slug == "no-consent", "\(error)")
                    throw error
                }
            }
            try await AuditChainTests.asOwner(s.database, "UPDATE applications SET stage = 'withdrawn' WHERE id = '\(application)'")

            // Nothing was written by the refused commands.
            let applications = try await s.applications.list(candidateID: person.id.text, page: PageRequest(), by: .testAdmin)
            #expect(applications.items.count == 1 && applications.items.first?.stage == .withdrawn)

            // A person who never had a consent record: state recruitment's legal basis, not blocked.
            #expect(try await api.request(.post, "/v1/applications", token: hr, json: [
                "candidate_id": never.id.text, "position_id": position]).status == 201)

            // A new consent lifts the block.
            #expect(try await api.request(.post, consents, token: hr, json: consent).status == 201)
            #expect(try await api.request(.post, "/v1/applications", token: hr, json: [
                "candidate_id": person.id.text, "position_id": other]).status == 201)
        }
    }

    @Test("withdrawing recruitment opens an erasure request (once), in the same transaction; talent_pool does not")
    func erasureOpened() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let hr = try await api.token(.hr)
            let person = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Trần Thị Rút")),
                                                    by: .testAdmin).candidate
            let consents = "/v1/candidates/\(person.id.text)/consents"
            let consent: [String: Any] = ["purpose": "recruitment", "notice_version": "2026-01", "channel": "email"]
            #expect(try await api.request(.post, consents, token: hr, json: consent).status == 201)
            #expect(try await api.request(.post, consents, token: hr, json: [
                "purpose": "talent_pool", "notice_version": "2026-01", "channel": "web", "expires_on": "2028-12-31"]).status == 201)

            let pool = try await api.request(.post, "\(consents)/talent_pool/withdrawal", token: hr, json: [:])
            #expect(pool.status == 200 && pool.object["erasure_request_id"] is NSNull, "\(pool.text)")
            #expect(pool.object["erasure_request_opened"] as? Bool == false)

            let withdrawn = try await api.request(.post, "\(consents)/recruitment/withdrawal", token: hr,
                                                  json: ["reason": "Không muốn tham gia nữa"])
            #expect(withdrawn.status == 200, "\(withdrawn.text)")
            let requestID = try #require(withdrawn.object["erasure_request_id"] as? String)
            #expect(withdrawn.object["erasure_request_opened"] as? Bool == true)
            let request = try await s.privacy.request(try UUID.parse(requestID), by: .testAdmin)
            #expect(request.kind == .erasure && request.candidateID == person.id)
            #expect(request.note?.contains("rút lại sự đồng ý tuyển dụng") == true && request.note?.contains("Không muốn") == true)
            let trail = try await s.audit.list(entity: AuditEntity(type: "privacy_request", id: requestID), page: PageRequest(),
                                               by: .testAdmin).items.map(\.action)
            #expect(trail == ["privacy_request.open"])

            // A new consent, withdrawn again: the open request is named, no second one.
            #expect(try await api.request(.post, consents, token: hr, json: consent).status == 201)
            let again = try await api.request(.post, "\(consents)/recruitment/withdrawal", token: hr, json: [:])
            #expect(again.object["erasure_request_id"] as? String == requestID)
            #expect(again.object["erasure_request_opened"] as? Bool == false)
            let requests = try await s.privacy.requests(candidateID: person.id.text, page: PageRequest(), by: .testAdmin)
            #expect(requests.items.count == 1)

            // The CLI says which request it opened, and refuses processing in one line.
            let cli = CLIRunner(databaseURL: s.database.url)
            let cliPerson = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Võ Văn Dòng Lệnh")),
                                                       by: .testAdmin).candidate
            #expect(await cli.run("consent", "record", "--candidate", cliPerson.id.text, "--purpose", "recruitment",
                                  "--notice", "2026-01", "--channel", "paper").status == 0)
            let out = await cli.run("consent", "withdraw", "--candidate", cliPerson.id.text, "--purpose", "recruitment")
            #expect(out.status == 0 && out.stdout.contains("Đã mở yêu cầu xóa dữ liệu:"), "\(out.stdout)\(out.stderr)")
            let position = try await s.positions.add(try ValidPosition(PositionDraft(
                agencyCode: "STP", title: "Chuyên viên", kind: "legal_affairs_officer")), by: .testAdmin)
            let refused = await cli.run("application", "open", "--candidate", cliPerson.id.text, "--position", position.id.text)
            #expect(refused.status != 0 && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
            #expect(refused.stderr.contains("ghi nhận sự đồng ý mới trước"))
        }
    }
}
