import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

/// Who sees and changes what (issue 12): every role and scope against every operation, on a record within their
/// reach and one out of it, through the API. Out of reach reads as absent (404), in lists as missing.
@Suite("Scope: role × scope × operation", .freshDatabase)
struct ScopeTests {
    /// The province in small: Sở Tư pháp's position with an application on a panel, Sở Nội vụ's with one, and a
    /// candidate in the pool with no application.
    struct World {
        var stpCandidate: UUID, snvCandidate: UUID, poolCandidate: UUID
        var stpApplication: UUID, snvApplication: UUID
        var stpPosition: UUID, snvPosition: UUID
        var tokens: [Actor: String] = [:]
    }

    enum Actor: String, CaseIterable, CustomStringConvertible {
        case admin, hrProvince, hrAgency, leaderProvince, leaderAgency, evaluatorOnPanel, evaluatorElsewhere
        var description: String { rawValue }
    }

    /// Which of the world's records an actor reaches.
    enum Target: String, CaseIterable { case stp, snv, pool }

    static func reaches(_ actor: Actor, _ target: Target) -> Bool {
        switch actor {
        case .admin, .hrProvince, .leaderProvince: true
        case .hrAgency, .leaderAgency: target == .snv
        case .evaluatorOnPanel: target == .stp
        case .evaluatorElsewhere: false
        }
    }

    static func writes(_ actor: Actor) -> Bool { [.admin, .hrProvince, .hrAgency].contains(actor) }

    static func world(_ api: APIHarness) async throws -> World {
        let s = api.services
        func user(_ name: String, _ role: Role, _ agency: String, _ scope: Scope) async throws -> StaffUser {
            try await s.users.add(try NewStaffUser(name: name, role: role.rawValue, agencyCode: agency, email: nil,
                                                   scope: scope.rawValue), by: .testAdmin)
        }
        let users: [Actor: StaffUser] = [
            .admin: try await user("Quản Trị", .admin, "STP", .province),
            .hrProvince: try await user("Trần Minh Đức", .hr, "STP", .province),
            .hrAgency: try await user("Nguyễn Thị Lan", .hr, "SNV", .agency),
            .leaderProvince: try await user("Võ Thành Nam", .leadership, "VPUBND", .province),
            .leaderAgency: try await user("Phan Văn Giám Đốc", .leadership, "SNV", .agency),
            .evaluatorOnPanel: try await user("Lê Văn Hải", .evaluator, "STP", .province),
            .evaluatorElsewhere: try await user("Huỳnh Quốc Bảo", .evaluator, "STP", .province),
        ]
        let province = Principal(user: users[.hrProvince]!, channel: .api)
        let lan = Principal(user: users[.hrAgency]!, channel: .api)
        let stpPosition = try await s.positions.add(try ValidPosition(PositionDraft(
            agencyCode: "STP", title: "Chuyên viên xây dựng pháp luật", kind: "core_drafting_officer", openings: 2)), by: province)
        let snvPosition = try await s.positions.add(try ValidPosition(PositionDraft(
            agencyCode: "SNV", title: "Công chức pháp chế", kind: "legal_affairs_officer", openings: 1)), by: lan)
        let stpCandidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(
            fullName: "Đặng Thị Hồng Nhung", citizenID: "082301000111")), by: province).candidate
        let snvCandidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(
            fullName: "Đỗ Văn Phúc", citizenID: "082301000222")), by: lan).candidate
        let poolCandidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(
            fullName: "Đinh Thị Mai", citizenID: "082301000333")), by: .testAdmin).candidate
        let stpApplication = try await s.applications.open(NewApplication(candidateID: stpCandidate.id,
                                                                          positionID: stpPosition.id), by: province)
        let snvApplication = try await s.applications.open(NewApplication(candidateID: snvCandidate.id,
                                                                          positionID: snvPosition.id), by: lan)
        _ = try await s.evaluations.assign(application: stpApplication.id,
                                           PanelAssignment(evaluatorID: users[.evaluatorOnPanel]!.id), by: .testAdmin)
        var world = World(stpCandidate: stpCandidate.id, snvCandidate: snvCandidate.id, poolCandidate: poolCandidate.id,
                          stpApplication: stpApplication.id, snvApplication: snvApplication.id,
                          stpPosition: stpPosition.id, snvPosition: snvPosition.id)
        for (actor, user) in users {
            world.tokens[actor] = try await s.tokens.issue(try TokenRequest(userID: user.id.text, expiresInDays: 1),
                                                           by: .testAdmin).token
        }
        return world
    }

    @Test("reads: a record in reach is 200, out of reach 404; lists hold exactly what is in reach")
    func reads() async throws {
        try await APIHarness.with { api in
            let w = try await Self.world(api)
            let candidates: [Target: UUID] = [.stp: w.stpCandidate, .snv: w.snvCandidate, .pool: w.poolCandidate]
            let applications: [Target: UUID] = [.stp: w.stpApplication, .snv: w.snvApplication]
            let positions: [Target: UUID] = [.stp: w.stpPosition, .snv: w.snvPosition]
            for actor in Actor.allCases {
                let token = w.tokens[actor]!
                for (target, id) in candidates {
                    let reply = try await api.request(.get, "/v1/candidates/\(id.text)", token: token)
                    #expect(reply.status == (Self.reaches(actor, target) ? 200 : 404), "\(actor) candidate \(target)")
                    if reply.status == 200, actor.rawValue.hasPrefix("evaluator") {
                        #expect((reply.object["citizen_id"] as? String)?.hasPrefix("********") == true,
                                "an evaluator never reads a full citizen ID")
                    }
                    let file = try await api.request(.get, "/v1/candidates/\(id.text)?include=applications", token: token)
                    #expect(file.status == (Self.reaches(actor, target) ? 200 : 404), "\(actor) file \(target)")
                    let history = try await api.request(.get, "/v1/audit?entity=candidate:\(id.text)", token: token)
                    let readsAudit = actor == .admin || actor == .leaderProvince || actor == .leaderAgency
                    let expected = !readsAudit ? 403 : (Self.reaches(actor, target) ? 200 : 404)
                    #expect(history.status == expected, "\(actor) audit of candidate \(target)")
                }
                for (target, id) in applications {
                    let reply = try await api.request(.get, "/v1/applications/\(id.text)", token: token)
                    #expect(reply.status == (Self.reaches(actor, target) ? 200 : 404), "\(actor) application \(target)")
                    let history = try await api.request(.get, "/v1/applications/\(id.text)/history", token: token)
                    #expect(history.status == (Self.reaches(actor, target) ? 200 : 404), "\(actor) history \(target)")
                }
                for (target, id) in positions {
                    let reply = try await api.request(.get, "/v1/positions/\(id.text)", token: token)
                    // Positions are openings, not personal data: evaluators read them all.
                    let reached = actor.rawValue.hasPrefix("evaluator") || Self.reaches(actor, target)
                    #expect(reply.status == (reached ? 200 : 404), "\(actor) position \(target)")
                }

                let listed = Set(try await Self.ids(api, "/v1/candidates?limit=200", token))
                let expected = Set(candidates.filter { Self.reaches(actor, $0.key) }.map(\.value.text))
                #expect(listed == expected, "\(actor) candidate list")
                // A search finds the same people: by name, and by an exact citizen ID only within reach.
                let searched = Set(try await Self.ids(api, "/v1/candidates?q=d", token))
                #expect(searched == expected, "\(actor) candidate search")
                let byID = try await Self.ids(api, "/v1/candidates?q=082301000111", token)
                let findsByID = Self.reaches(actor, .stp) && !actor.rawValue.hasPrefix("evaluator")
                #expect(byID == (findsByID ? [w.stpCandidate.text] : []), "\(actor) search by citizen ID")

                let applicationList = Set(try await Self.ids(api, "/v1/applications", token))
                #expect(applicationList == Set(applications.filter { Self.reaches(actor, $0.key) }.map(\.value.text)),
                        "\(actor) application list")
                let positionList = Set(try await Self.ids(api, "/v1/positions", token))
                let positionsExpected = Set(positions.filter {
                    actor.rawValue.hasPrefix("evaluator") || Self.reaches(actor, $0.key)
                }.map(\.value.text))
                #expect(positionList == positionsExpected, "\(actor) position list")

                let nominations = try await api.request(.get, "/v1/nominations", token: token)
                #expect(nominations.status == (actor.rawValue.hasPrefix("evaluator") ? 403 : 200), "\(actor) nominations")

                let pipeline = try await api.request(.get, "/v1/reports/pipeline?agency=STP", token: token)
                let readsReports = !actor.rawValue.hasPrefix("evaluator")
                let agencyScoped = actor == .hrAgency || actor == .leaderAgency
                #expect(pipeline.status == (!readsReports ? 403 : agencyScoped ? 403 : 200), "\(actor) pipeline of STP")
                if agencyScoped {
                    // Their own agency's report counts their own applications only.
                    let own = try await api.request(.get, "/v1/reports/pipeline", token: token)
                    #expect(own.status == 200)
                    let stages = own.object["stages"] as? [[String: Any]] ?? []
                    let total = stages.first { $0["stage"] as? String == "nominated" }?["count"] as? Int
                    #expect(total == 1, "\(actor) sees one nominated application in their agency")
                    let annual = try await api.request(.get, "/v1/reports/annual?year=2026", token: token)
                    #expect(annual.status != 200)
                }
            }
        }
    }

    @Test("writes: an actor changes only what is in reach (404 otherwise); leaders and evaluators change nothing (403)")
    func writes() async throws {
        try await APIHarness.with { api in
            let w = try await Self.world(api)
            for actor in Actor.allCases {
                let token = w.tokens[actor]!
                for (target, id) in [(Target.stp, w.stpCandidate), (.snv, w.snvCandidate), (.pool, w.poolCandidate)] {
                    let read = try await api.services.candidates.get(id, by: .testAdmin)
                    let reply = try await api.request(.patch, "/v1/candidates/\(id.text)", token: token,
                                                      json: ["notes": "ghi chú của \(actor)"],
                                                      headers: [.ifMatch: "\"\(read.version)\""])
                    let expected = !Self.writes(actor) ? 403 : (Self.reaches(actor, target) ? 200 : 404)
                    #expect(reply.status == expected, "\(actor) updates candidate \(target)")
                }
                for (target, id) in [(Target.stp, w.stpApplication), (.snv, w.snvApplication)] {
                    let reply = try await api.request(.post, "/v1/applications/\(id.text)/transitions", token: token,
                                                      json: ["to": "withdrawn", "reason": "kiểm thử phạm vi"])
                    if !Self.writes(actor) {
                        #expect(reply.status == 403, "\(actor) moves application \(target)")
                    } else if !Self.reaches(actor, target) {
                        #expect(reply.status == 404, "\(actor) moves application \(target)")
                    } else {
                        #expect(![403, 404].contains(reply.status), "\(actor) moves application \(target)")
                        // Reopen it for the next actor.
                        _ = try await api.services.applications.move(id, StageMove(to: .nominated, reason: "mở lại"),
                                                                     by: .testAdmin)
                    }
                }
                // A position at another agency is refused to an agency-scoped officer.
                let other = try await api.request(.post, "/v1/positions", token: token, json: [
                    "agency_code": "STP", "title": "Chuyên viên", "kind": "other",
                ])
                let expected = !Self.writes(actor) ? 403 : (actor == .hrAgency ? 403 : 201)
                #expect(other.status == expected, "\(actor) adds a position at STP")
            }
        }
    }

    @Test("Sở Nội vụ's officer adds a candidate and opens an application at her agency; Sở Tư pháp's is not found to her and both are to Sở Tư pháp")
    func doneWhen() async throws {
        try await APIHarness.with { api in
            let w = try await Self.world(api)
            let lan = w.tokens[.hrAgency]!
            let added = try await api.request(.post, "/v1/candidates", token: lan, json: ["full_name": "Bùi Thị Thanh Hương"])
            #expect(added.status == 201)
            let candidate = try #require(added.object["id"] as? String)
            #expect(try await api.request(.get, "/v1/candidates/\(candidate)", token: lan).status == 200)
            let opened = try await api.request(.post, "/v1/applications", token: lan, json: [
                "candidate_id": candidate, "position_id": w.snvPosition.text,
            ])
            #expect(opened.status == 201)
            let application = try #require(opened.object["id"] as? String)
            // Not at Sở Tư pháp's position, nor for a candidate out of her reach.
            #expect(try await api.request(.post, "/v1/applications", token: lan, json: [
                "candidate_id": candidate, "position_id": w.stpPosition.text,
            ]).status == 422)
            #expect(try await api.request(.post, "/v1/applications", token: lan, json: [
                "candidate_id": w.poolCandidate.text, "position_id": w.snvPosition.text,
            ]).status == 422)
            #expect(try await api.request(.get, "/v1/applications/\(w.stpApplication.text)", token: lan).status == 404)
            let duc = w.tokens[.hrProvince]!
            #expect(try await api.request(.get, "/v1/applications/\(application)", token: duc).status == 200)
            #expect(try await api.request(.get, "/v1/applications/\(w.stpApplication.text)", token: duc).status == 200)
            // A duplicate of someone out of her reach is refused without naming them.
            let duplicate = try await api.request(.post, "/v1/candidates", token: lan, json: [
                "full_name": "Người Trùng", "citizen_id": "082301000111",
            ])
            #expect(duplicate.status == 409)
            #expect(!duplicate.text.contains(w.stpCandidate.text))
            #expect(!duplicate.text.contains("Nhung"))
        }
    }

    @Test("a candidate of Sở Nội vụ who also applied at Sở Tư pháp: Sở Nội vụ's readers see and find her through their own application only")
    func sharedCandidate() async throws {
        try await APIHarness.with { api in
            let w = try await Self.world(api)
            let elsewhere = try await api.services.applications.open(NewApplication(
                candidateID: w.snvCandidate, positionID: w.stpPosition), by: .testAdmin)
            _ = try await api.services.applications.move(elsewhere.id, StageMove(to: .screening), by: .testAdmin)
            for actor in [Actor.hrAgency, .leaderAgency, .hrProvince, .admin] {
                let token = w.tokens[actor]!
                let province = !(actor == .hrAgency || actor == .leaderAgency)
                let file = try await api.request(.get, "/v1/candidates/\(w.snvCandidate.text)?include=applications,panels",
                                                 token: token)
                #expect(file.status == 200, "\(actor) file")
                let applications = (file.object["applications"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                #expect(applications == (province ? [w.snvApplication.text, elsewhere.id.text] : [w.snvApplication.text]),
                        "\(actor) reads the applications of the file within reach")
                #expect(province || !file.text.contains(elsewhere.id.text) && !file.text.contains(w.stpPosition.text),
                        "\(actor): nothing of the application elsewhere")
                // The filters on applications match only applications within reach.
                for query in ["agency=STP", "position_id=\(w.stpPosition.text)", "stage=screening"] {
                    let found = try await Self.ids(api, "/v1/candidates?\(query)", token)
                    #expect(found.contains(w.snvCandidate.text) == province, "\(actor) candidates?\(query)")
                }
                #expect(try await Self.ids(api, "/v1/candidates?agency=SNV", token).contains(w.snvCandidate.text),
                        "\(actor) finds her through the application in reach")
            }
        }
    }

    @Test("a nomination to Sở Tư pháp's position of someone who then applied at Sở Nội vụ: Sở Nội vụ's readers do not see it")
    func nominationElsewhere() async throws {
        try await APIHarness.with { api in
            let w = try await Self.world(api)
            let s = api.services
            _ = try await NominationTests.partner(api, code: "ULAW", quota: 10)
            let partner = Principal(name: "Trường ULAW", role: .partner, channel: .api, partnerCode: "ULAW")
            let receipt = try await s.nominations.submit(ValidNomination(NominationDraft(
                candidate: CandidateDraft(fullName: "Võ Minh Chi", citizenID: "082301000444"), positionID: w.stpPosition.text,
                nominatorName: "TS. Trần Văn An", relationship: "teacher", justification: "Sinh viên xuất sắc",
                consentObtainedAt: "2026-11-02T09:00:00Z", consentNoticeVersion: "2026-01")),
                submitted: .object(["n": .string("chi")]), idempotencyKey: "chi", by: partner)
            let nomination = try await s.nominations.get(receipt.id.text, by: .testAdmin)
            let candidate = try #require(nomination.candidateID)
            _ = try await s.applications.open(NewApplication(candidateID: candidate, positionID: w.snvPosition), by: .testAdmin)
            for actor in [Actor.hrAgency, .leaderAgency, .hrProvince] {
                let token = w.tokens[actor]!
                let seen = actor == .hrProvince
                #expect(try await api.request(.get, "/v1/candidates/\(candidate.text)", token: token).status == 200)
                let listed = try await Self.ids(api, "/v1/nominations?limit=200", token)
                #expect(listed.contains(receipt.id.text) == seen, "\(actor) nomination list")
                let one = try await api.request(.get, "/v1/nominations/\(receipt.id.text)", token: token)
                #expect(one.status == (seen ? 200 : 404), "\(actor) nomination")
                let file = try await api.request(.get, "/v1/candidates/\(candidate.text)?include=nominations", token: token)
                let inFile = (file.object["nominations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                #expect(inFile == (seen ? [receipt.id.text] : []), "\(actor) nominations of the file")
            }
        }
    }

    @Test("targets: an agency-scoped reader reads her agency's only, and naming another is refused as in the reports")
    func targets() async throws {
        try await APIHarness.with { api in
            let w = try await Self.world(api)
            for actor in [Actor.hrAgency, .leaderAgency, .hrProvince] {
                let token = w.tokens[actor]!
                let all = try await api.request(.get, "/v1/targets", token: token)
                #expect(all.status == 200)
                let agencies = Set((all.object["items"] as? [[String: Any]] ?? []).compactMap { $0["agency_code"] as? String })
                let agencyScoped = actor != .hrProvince
                #expect(agencyScoped ? agencies == ["SNV"] : agencies.isSuperset(of: ["SNV", "STP"]), "\(actor) targets")
                let stp = try await api.request(.get, "/v1/targets?agency=STP", token: token)
                #expect(stp.status == (agencyScoped ? 403 : 200), "\(actor) targets of STP")
                let own = try await api.request(.get, "/v1/targets?agency=snv", token: token)
                #expect(own.status == 200, "\(actor) targets of SNV")
            }
        }
    }

    @Test("an agency merged into another: its agency-scoped officer moves with its positions and keeps reaching her work")
    func mergedAgency() async throws {
        try await APIHarness.with { api in
            let s = api.services
            _ = try await s.agencies.add(try NewAgency(code: "SKHDTX", name: "Sở Kế hoạch thử", kind: "department"), by: .testAdmin)
            let officer = try await s.users.add(try NewStaffUser(name: "Mai Thị Kế", role: "hr", agencyCode: "SKHDTX",
                                                                 email: nil), by: .testAdmin)
            let actor = Principal(user: officer, channel: .api)
            let position = try await s.positions.add(try ValidPosition(PositionDraft(
                agencyCode: "SKHDTX", title: "Công chức pháp chế", kind: "legal_affairs_officer", openings: 1)), by: actor)
            _ = try await s.agencies.retire("SKHDTX", try AgencyRetirement(mergedInto: "STC"), by: .testAdmin)
            let moved = try await s.users.get(officer.id, by: .testAdmin)
            #expect(moved.agencyCode == "STC" && moved.scope == .agency)
            #expect(try await s.positions.get(position.id, by: Principal(user: moved, channel: .api)).agencyCode == "STC")
        }
    }

    @Test("bulk reads keep to reach: the export, duplicate pairs and the province's annual report")
    func bulkReads() async throws {
        try await APIHarness.with { api in
            let w = try await Self.world(api)
            // Two look-alikes in the pool, added by the province: a duplicate pair only the province sees.
            for email in ["tam.tv@example.vn", "tam.truong@example.vn"] {
                _ = try await api.services.candidates.add(try ValidCandidate(CandidateDraft(
                    fullName: "Trương Văn Tâm", dateOfBirth: "1990-05-01", email: email)), by: .testAdmin)
            }
            let candidates: [Target: UUID] = [.stp: w.stpCandidate, .snv: w.snvCandidate, .pool: w.poolCandidate]
            for actor in Actor.allCases {
                let token = w.tokens[actor]!
                let evaluator = actor.rawValue.hasPrefix("evaluator")
                let json = try await api.request(.get, "/v1/candidates/export?format=json", token: token)
                #expect(json.status == (evaluator ? 403 : 200), "\(actor) export")
                if json.status == 200 {
                    let exported = Set((json.json as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
                    let expected = Set(candidates.filter { Self.reaches(actor, $0.key) }.map(\.value.text))
                    // The province also reaches the two look-alikes.
                    #expect(exported.isSuperset(of: expected) && exported.count == expected.count
                                + (Self.reaches(actor, .pool) ? 2 : 0), "\(actor) export holds \(exported)")
                    let csv = try await api.request(.get, "/v1/candidates/export", token: token)
                    #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
                    #expect(csv.body.starts(with: [0xEF, 0xBB, 0xBF]), "the CSV starts with a byte-order mark")
                    #expect(csv.text.contains(w.snvCandidate.text) == Self.reaches(actor, .snv))
                    #expect(csv.text.contains(w.stpCandidate.text) == Self.reaches(actor, .stp))
                }
                let pairs = try await api.request(.get, "/v1/candidates/duplicates", token: token)
                #expect(pairs.status == (Self.writes(actor) ? 200 : 403), "\(actor) duplicate pairs")
                if pairs.status == 200 {
                    let found = (pairs.object["items"] as? [[String: Any]] ?? []).count
                    #expect(found == (actor == .hrAgency ? 0 : 1), "\(actor) sees \(found) duplicate pairs")
                }
                let annual = try await api.request(.get, "/v1/reports/annual?year=2026", token: token)
                let province = [.admin, .hrProvince, .leaderProvince].contains(actor)
                #expect(annual.status == (province ? 200 : 403), "\(actor) annual report")
            }
        }
    }

    static func ids(_ api: APIHarness, _ path: String, _ token: String) async throws -> [String] {
        let reply = try await api.request(.get, path, token: token)
        guard reply.status == 200 else { return [] }
        return (reply.object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
}
