import Foundation
import HTTPTypes
import PostgresNIO
import TalentDomain
import TalentService
import TalentStore
import Testing

/// Issue 13, items 2 and 10: data subjects' requests with the Decree 356/2025/NĐ-CP clock (working days, the public
/// holidays of migration 0015), breaches with the 72-hour deadline of Law 91/2025/QH15 Art. 23, and the inventory
/// read from the schema's annotations.
@Suite("Personal data: requests, breaches, inventory", .freshDatabase)
struct PrivacyTests {
    static func candidate(_ api: APIHarness, _ name: String = "Nguyễn Thị Minh Thư") async throws -> String {
        try await api.services.candidates.add(try ValidCandidate(CandidateDraft(fullName: name)), by: .testAdmin)
            .candidate.id.text
    }

    static func type(_ reply: APIHarness.Reply) -> String {
        (reply.object["type"] as? String).map { String($0.split(separator: "/").last ?? "") } ?? ""
    }

    /// If-Match on the version the reply shows (a 201 carries no ETag; its body has the version).
    static func etag(_ reply: APIHarness.Reply) -> HTTPFields {
        [.ifMatch: "\"\((reply.object["version"] as? Int) ?? 0)\""]
    }

    @Test("a request's deadlines skip weekends and the holidays in the table; an old one reads overdue and lists so")
    func deadlines() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let id = try await Self.candidate(api)
            // Received Friday 13/2/2026, the eve of Tết Bính Ngọ: 14–22/2 are a weekend, five holidays and a weekend,
            // so the two working days are Monday 23 and Tuesday 24. Erasure: 20 days.
            let tet = try await api.request(.post, "/v1/privacy/requests", token: admin, json: [
                "candidate_id": id, "kind": "erasure", "received_on": "2026-02-13", "note": "Đơn giấy nộp tại Sở",
            ])
            #expect(tet.status == 201)
            #expect(tet.object["acknowledge_by"] as? String == "2026-02-24")
            #expect(tet.object["due_on"] as? String == "2026-03-05")
            #expect(tet.object["status"] as? String == "overdue", "due in March 2026, not answered")
            #expect(tet.headers[.location] == "/v1/privacy/requests/\(tet.object["id"] as? String ?? "")")
            // Wednesday 29/4/2026: 30/4 and 1/5 are holidays, then a weekend. Access: 10 days.
            let may = try await api.request(.post, "/v1/privacy/requests", token: admin, json: [
                "candidate_id": id, "kind": "access", "received_on": "2026-04-29",
            ])
            #expect(may.object["acknowledge_by"] as? String == "2026-05-05")
            #expect(may.object["due_on"] as? String == "2026-05-09")
            // Today, without received_on: open, due in 15 days for an objection.
            let today = CalendarDate.today()
            let fresh = try await api.request(.post, "/v1/privacy/requests", token: admin,
                                              json: ["candidate_id": id, "kind": "objection"])
            #expect(fresh.status == 201 && fresh.object["status"] as? String == "open")
            #expect(fresh.object["received_on"] as? String == today.description)
            #expect(fresh.object["due_on"] as? String == today.adding(days: 15).description)

            let overdue = try await api.request(.get, "/v1/privacy/requests?status=overdue", token: admin)
            let overdueIDs = (overdue.object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(overdueIDs == [tet.object["id"] as? String, may.object["id"] as? String].compactMap { $0 },
                    "the most urgent first")
            let pending = try await api.request(.get, "/v1/privacy/requests?status=pending", token: admin)
            #expect((pending.object["items"] as? [[String: Any]])?.count == 3)
            let open = try await api.request(.get, "/v1/privacy/requests?status=open", token: admin)
            #expect((open.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                    == [fresh.object["id"] as? String].compactMap { $0 }, "an overdue request does not read open")
            #expect(try await api.request(.get, "/v1/privacy/requests?status=late", token: admin).status == 422)
            let paged = try await api.request(.get, "/v1/privacy/requests?limit=1", token: admin)
            let cursor = try #require(paged.object["next_cursor"] as? String)
            let second = try await api.request(.get, "/v1/privacy/requests?limit=1&cursor=\(cursor)", token: admin)
            #expect((second.object["items"] as? [[String: Any]])?.first?["id"] as? String == may.object["id"] as? String)

            // The data-protection officer (an administrator) sees them on the dashboard; leadership does not.
            let page = try await api.request(.get, "/dashboard", token: admin)
            #expect(page.status == 200 && page.text.contains("id=\"privacy-requests\""))
            #expect(page.text.contains("data-request=\"\(tet.object["id"] as? String ?? "?")\""))
            #expect(page.text.contains("(2 quá hạn)"))
            let leader = try await api.token(.leadership)
            let theirs = try await api.request(.get, "/dashboard", token: leader)
            #expect(theirs.status == 200 && !theirs.text.contains("privacy-requests"))
        }
    }

    @Test("acknowledge once, extend once with a reason, refuse only with a legal basis; closed is final; all audited")
    func lifecycle() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let leader = try await api.token(.leadership)
            let id = try await Self.candidate(api)
            let opened = try await api.request(.post, "/v1/privacy/requests", token: admin, json: [
                "candidate_id": id, "kind": "correction", "received_on": CalendarDate.today().description,
            ])
            let requestID = try #require(opened.object["id"] as? String)
            let path = "/v1/privacy/requests/\(requestID)"
            let due = try #require(opened.object["due_on"] as? String).flatMap(CalendarDate.init)

            #expect(try await api.request(.patch, path, token: admin, json: ["status": "acknowledged"]).status == 428)
            #expect(try await api.request(.patch, path, token: admin, json: ["status": "acknowledged"],
                                          headers: [.ifMatch: "\"7\""]).status == 412)
            // A field of the wrong type is bad input whatever the tag (schemathesis found a 412 for it).
            #expect(try await api.request(.patch, path, token: admin, json: ["status": "extended", "days": "mười"],
                                          headers: [.ifMatch: "\"A\", \"\""]).status == 422)
            #expect(try await api.request(.patch, path, token: leader, json: ["status": "acknowledged"],
                                          headers: Self.etag(opened)).status == 403)
            let acknowledged = try await api.request(.patch, path, token: admin, json: ["status": "acknowledged"],
                                                     headers: Self.etag(opened))
            #expect(acknowledged.status == 200 && acknowledged.object["status"] as? String == "acknowledged")
            #expect(acknowledged.object["acknowledged_at"] is String)
            let again = try await api.request(.patch, path, token: admin, json: ["status": "acknowledged"],
                                              headers: Self.etag(acknowledged))
            #expect(again.status == 409)

            // Bad bodies: 422, naming the field.
            for body: [String: Any] in [["status": "extended", "days": 5], ["status": "extended", "reason": "Cần thêm thời gian"],
                                        ["status": "extended", "days": 0, "reason": "x"], ["status": "refused"],
                                        ["status": "done", "basis": "Điều 4"], ["status": "overdue"], [:]] {
                let bad = try await api.request(.patch, path, token: admin, json: body, headers: Self.etag(acknowledged))
                #expect(bad.status == 422, "\(body)")
            }
            let extended = try await api.request(.patch, path, token: admin, json: [
                "status": "extended", "days": 10, "reason": "Phải đối chiếu hồ sơ giấy tại cơ quan cũ",
            ], headers: Self.etag(acknowledged))
            #expect(extended.status == 200 && extended.object["status"] as? String == "extended")
            #expect(extended.object["due_on"] as? String == due?.adding(days: 10).description)
            #expect(extended.object["extension_reason"] as? String == "Phải đối chiếu hồ sơ giấy tại cơ quan cũ")
            let twice = try await api.request(.patch, path, token: admin, json: [
                "status": "extended", "days": 5, "reason": "Lần nữa",
            ], headers: Self.etag(extended))
            #expect(twice.status == 409 && Self.type(twice) == "privacy-request-extended")

            let refused = try await api.request(.patch, path, token: admin, json: [
                "status": "refused", "basis": "Khoản 3 Điều 4 Luật 91/2025/QH15",
            ], headers: Self.etag(extended))
            #expect(refused.status == 200 && refused.object["status"] as? String == "refused")
            #expect(refused.object["refusal_basis"] as? String == "Khoản 3 Điều 4 Luật 91/2025/QH15")
            #expect(refused.object["closed_at"] is String)
            let after = try await api.request(.patch, path, token: admin, json: ["status": "done"],
                                              headers: Self.etag(refused))
            #expect(after.status == 409 && Self.type(after) == "privacy-request-closed")

            let shown = try await api.request(.get, path, token: leader)
            #expect(shown.status == 200 && shown.object["status"] as? String == "refused")
            let actions = try await api.services.audit.list(entity: try AuditEntity(parsing: "privacy_request:\(requestID)"),
                                                            actor: nil, since: nil, page: PageRequest(limit: 20),
                                                            by: .testAdmin).items.map(\.action)
            #expect(actions.sorted() == ["privacy_request.acknowledge", "privacy_request.extend", "privacy_request.open",
                                         "privacy_request.refuse"])
        }
    }

    @Test("roles: hr opens for a candidate in its reach only, leadership reads, others are refused; bad input is 422")
    func roles() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let leader = try await api.token(.leadership)
            let hr = try await api.token(.hr)
            let evaluator = try await api.token(.evaluator)
            let agencyUser = try await s.users.add(try NewStaffUser(name: "Nguyễn Thị Lan", role: "hr", agencyCode: "SNV",
                                                                    email: nil, scope: "agency"), by: .testAdmin)
            let agencyHR = try await s.tokens.issue(try TokenRequest(userID: agencyUser.id.text, expiresInDays: 30),
                                                    by: .testAdmin).token
            let id = try await Self.candidate(api)
            let body: [String: Any] = ["candidate_id": id, "kind": "access"]
            #expect(try await api.request(.post, "/v1/privacy/requests", token: leader, json: body).status == 403)
            #expect(try await api.request(.post, "/v1/privacy/requests", token: evaluator, json: body).status == 403)
            #expect(try await api.request(.post, "/v1/privacy/requests", token: agencyHR, json: body).status == 404,
                    "a candidate outside the agency's reach is not found")
            let opened = try await api.request(.post, "/v1/privacy/requests", token: hr, json: body)
            #expect(opened.status == 201 && opened.object["opened_by"] as? String == "Người dùng kiểm thử")
            let requestID = try #require(opened.object["id"] as? String)
            #expect(try await api.request(.get, "/v1/privacy/requests", token: leader).status == 200)
            #expect(try await api.request(.get, "/v1/privacy/requests/\(requestID)", token: hr).status == 403)
            #expect(try await api.request(.get, "/v1/privacy/requests/\(UUID().uuidString)", token: leader).status == 404)
            #expect(try await api.request(.patch, "/v1/privacy/requests/\(requestID)", token: hr, json: ["status": "done"],
                                          headers: [.ifMatch: "\"1\""]).status == 403)

            let admin = try await api.token(.admin)
            let tomorrow = CalendarDate.today().adding(days: 1).description
            for bad: [String: Any] in [["candidate_id": id, "kind": "delete"], ["candidate_id": id],
                                       ["candidate_id": id, "kind": "access", "received_on": tomorrow],
                                       ["candidate_id": id, "kind": "access", "received_on": "2024-12-31"],
                                       ["candidate_id": UUID().uuidString, "kind": "access"],
                                       ["candidate_id": id, "kind": "access", "status": "done"]] {
                #expect(try await api.request(.post, "/v1/privacy/requests", token: admin, json: bad).status == 422, "\(bad)")
            }
            #expect(try await api.count("privacy_requests") == 1, "a refused request wrote nothing")
        }
    }

    @Test("a merge moves the removed profile's requests to the profile kept")
    func merge() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let keep = try await Self.candidate(api, "Lê Văn An")
            let other = try await Self.candidate(api, "Lê Văn  An")
            let request = try await s.privacy.open(try ValidPrivacyRequest(PrivacyRequestDraft(candidateID: other, kind: "access")),
                                                   by: .testAdmin)
            _ = try await s.candidates.merge(try CandidateMerge(keep: keep, other: other), by: .testAdmin)
            #expect(try await s.privacy.request(request.id, by: .testAdmin).candidateID.text == keep.lowercased())
        }
    }

    @Test("a breach shows its 72-hour deadline; the notification is recorded once, late when past it")
    func breaches() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let leader = try await api.token(.leadership)
            let hr = try await api.token(.hr)
            func iso(_ date: Date) -> String { JSONWriter.iso8601(date) }
            let now = Date()
            let recent = now.addingTimeInterval(-3600)
            let body: [String: Any] = ["discovered_at": iso(recent), "description": "Tệp xuất danh sách ứng viên bị gửi nhầm địa chỉ thư",
                                       "records": 120]
            #expect(try await api.request(.post, "/v1/breaches", token: hr, json: body).status == 403)
            #expect(try await api.request(.post, "/v1/breaches", token: leader, json: body).status == 403)
            let added = try await api.request(.post, "/v1/breaches", token: admin, json: body)
            #expect(added.status == 201 && added.object["status"] as? String == "pending")
            #expect(added.object["notify_by"] as? String == iso(recent.addingTimeInterval(72 * 3600)))
            let id = try #require(added.object["id"] as? String)

            // An offset other than Z is read as the time it names.
            let old = try await api.request(.post, "/v1/breaches", token: admin, json: [
                "discovered_at": "2026-11-20T08:00:00+07:00", "description": "Máy tính xách tay bị mất",
            ])
            #expect(old.status == 201 && old.object["discovered_at"] as? String == "2026-11-20T01:00:00Z")
            #expect(old.object["notify_by"] as? String == "2026-11-23T01:00:00Z")
            #expect(old.object["status"] as? String == "overdue")
            let oldID = try #require(old.object["id"] as? String)

            for bad: [String: Any] in [["description": "x"], ["discovered_at": "hôm qua", "description": "x"],
                                       ["discovered_at": iso(now.addingTimeInterval(86400)), "description": "x"],
                                       ["discovered_at": iso(recent), "description": "  "],
                                       ["discovered_at": iso(recent), "description": "x", "records": -1]] {
                #expect(try await api.request(.post, "/v1/breaches", token: admin, json: bad).status == 422, "\(bad)")
            }

            let early = try await api.request(.post, "/v1/breaches/\(id)/notification", token: admin,
                                              json: ["notified_at": iso(recent.addingTimeInterval(-60))])
            #expect(early.status == 422, "not before the discovery")
            #expect(try await api.request(.post, "/v1/breaches/\(id)/notification", token: leader,
                                          json: ["notified_at": iso(now)]).status == 403)
            let notified = try await api.request(.post, "/v1/breaches/\(id)/notification", token: admin,
                                                 json: ["notified_at": iso(now)])
            #expect(notified.status == 200 && notified.object["status"] as? String == "notified")
            let twice = try await api.request(.post, "/v1/breaches/\(id)/notification", token: admin,
                                              json: ["notified_at": iso(now)])
            #expect(twice.status == 409 && Self.type(twice) == "breach-notified")
            let late = try await api.request(.post, "/v1/breaches/\(oldID)/notification", token: admin,
                                             json: ["notified_at": "2026-11-24T09:30:00+07:00"])
            #expect(late.status == 200 && late.object["status"] as? String == "late")

            let list = try await api.request(.get, "/v1/breaches", token: leader)
            #expect((list.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id, oldID])
            #expect(try await api.request(.get, "/v1/breaches/\(oldID)", token: leader).status == 200)
            #expect(try await api.request(.get, "/v1/breaches", token: hr).status == 403)
            #expect(try await api.request(.get, "/v1/breaches/\(UUID().uuidString)", token: admin).status == 404)
            let actions = try await api.services.audit.list(entity: try AuditEntity(parsing: "breach:\(oldID)"), actor: nil,
                                                            since: nil, page: PageRequest(limit: 20), by: .testAdmin)
                .items.map(\.action)
            #expect(actions.sorted() == ["breach.add", "breach.notify"])
        }
    }

    @Test("the inventory is read from the schema's annotations, and every column named like personal data has one")
    func inventory() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let hr = try await api.token(.hr)
            let reply = try await api.request(.get, "/v1/privacy/inventory", token: admin)
            #expect(reply.status == 200)
            let items = reply.object["items"] as? [[String: Any]] ?? []
            let byColumn = Dictionary(items.map { ("\($0["table"] as? String ?? "").\($0["column"] as? String ?? "")", $0) },
                                      uniquingKeysWith: { a, _ in a })
            #expect(byColumn["candidates.citizen_id"]?["category"] as? String == "identity")
            #expect(byColumn["candidates.citizen_id"]?["purpose"] as? String == "recruitment")
            #expect(byColumn["candidates.citizen_id"]?["retention"] as? String == "candidate")
            #expect(byColumn["staff_users.email"]?["retention"] as? String == "account")
            #expect(byColumn["agencies.name"] == nil, "an annotation that says not personal is not listed")
            // Every code in the annotations has a label.
            for item in items {
                #expect(PersonalDataCategory(rawValue: item["category"] as? String ?? "") != nil, "\(item)")
                #expect(DataPurpose(rawValue: item["purpose"] as? String ?? "") != nil, "\(item)")
                #expect(RetentionRule(rawValue: item["retention"] as? String ?? "") != nil, "\(item)")
            }
            #expect(try await api.request(.get, "/v1/privacy/inventory", token: hr).status == 403)

            // No column slips by: a new one named like personal data is caught until it is annotated.
            let unannotated = try await api.services.privacy.unannotatedColumns()
            #expect(unannotated == [], "annotate them in a migration: COMMENT ON COLUMN … IS 'personal: …' or 'not personal: …'")
            // A migration's change: made as the owner, as `talent migrate` makes it.
            try await AuditChainTests.asOwner(api.services.database, "ALTER TABLE candidates ADD COLUMN home_address text")
            #expect(try await api.services.privacy.unannotatedColumns() == ["candidates.home_address"])
            try await AuditChainTests.asOwner(api.services.database,
                "COMMENT ON COLUMN candidates.home_address IS 'personal: contact; purpose: recruitment; retention: candidate'")
            #expect(try await api.services.privacy.unannotatedColumns() == [])
            let after = try await api.request(.get, "/v1/privacy/inventory", token: admin)
            #expect((after.object["items"] as? [[String: Any]])?.contains { $0["column"] as? String == "home_address" } == true)

            // Sensitive data (Decree 356 Art. 4): only the documents' bytes (a scan of the căn cước card) today; a
            // column named like it needs `sensitive: yes`.
            #expect(try await api.services.privacy.unflaggedSensitiveColumns() == [],
                    "annotate them: COMMENT ON COLUMN … IS 'personal: …; sensitive: yes'")
            let sensitive = (after.object["items"] as? [[String: Any]] ?? []).filter { $0["sensitive"] as? Bool == true }
            #expect(sensitive.map { "\($0["table"] as? String ?? "").\($0["column"] as? String ?? "")" } == ["document_chunks.bytes"])
            try await AuditChainTests.asOwner(api.services.database, "ALTER TABLE candidates ADD COLUMN ethnicity text",
                "COMMENT ON COLUMN candidates.ethnicity IS 'personal: identity; purpose: recruitment; retention: candidate'")
            #expect(try await api.services.privacy.unannotatedColumns() == [])
            #expect(try await api.services.privacy.unflaggedSensitiveColumns() == ["candidates.ethnicity"],
                    "personal but not flagged sensitive")
            try await AuditChainTests.asOwner(api.services.database, "ALTER TABLE candidates ADD COLUMN cccd_card_image bytea")
            let unflagged = try await api.services.privacy.unflaggedSensitiveColumns()
            #expect(Set(unflagged) == ["candidates.cccd_card_image", "candidates.ethnicity"], "\(unflagged)")
            try await AuditChainTests.asOwner(api.services.database,
                "COMMENT ON COLUMN candidates.ethnicity IS 'personal: identity; purpose: recruitment; retention: candidate; sensitive: yes'",
                "COMMENT ON COLUMN candidates.cccd_card_image IS 'personal: identity; purpose: recruitment; retention: candidate; sensitive: yes'")
            #expect(try await api.services.privacy.unflaggedSensitiveColumns() == [])
            let flagged = try await api.request(.get, "/v1/privacy/inventory", token: admin)
            #expect((flagged.object["items"] as? [[String: Any]])?.first { $0["column"] as? String == "ethnicity" }?["sensitive"]
                    as? Bool == true)
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let printed = await cli.run("privacy", "inventory")
            #expect(printed.status == 0 && printed.stdout.contains("NHẠY CẢM"), "\(printed.stderr)")
        }
    }
}
