import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

@Suite("Profiles, positions and the pipeline through the API", .freshDatabase)
struct PipelineAPITests {
    static var profile: [String: Any] { [
        "full_name": "Nguyễn Thị Minh Thư", "date_of_birth": "2001-05-14", "gender": "female",
        "citizen_id": "082301000123", "email": "thu.nguyen@example.edu.vn", "phone": "0912345678",
        "province": "Đồng Tháp", "sector": "student", "legal_experience_years": 0,
        "skills": ["soạn thảo văn bản", "nghiên cứu chính sách"], "languages": ["tiếng Anh"],
        "notes": "Thủ khoa đầu ra",
        "education": [["degree": "bachelor", "field": "law", "institution": "Trường Đại học Luật TP. Hồ Chí Minh",
                       "graduation_year": 2023, "classification": "excellent"]],
    ] }

    @Test("a full profile round-trips, every field")
    func fullProfile() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            let created = try await api.request(.post, "/v1/candidates", token: token, json: Self.profile)
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.object["id"] as? String)
            let read = try await api.request(.get, "/v1/candidates/\(id)", token: token).object
            #expect(read["gender"] as? String == "female")
            #expect(read["sector"] as? String == "student")
            #expect(read["province"] as? String == "Đồng Tháp")
            #expect(read["skills"] as? [String] == ["soạn thảo văn bản", "nghiên cứu chính sách"])
            #expect(read["languages"] as? [String] == ["tiếng Anh"])
            let education = read["education"] as? [[String: Any]]
            #expect(education?.first?["institution"] as? String == "Trường Đại học Luật TP. Hồ Chí Minh")
            #expect(education?.first?["graduation_year"] as? Int == 2023)
            #expect(education?.first?["classification"] as? String == "excellent")
        }
    }

    @Test("bad profile fields are named, nested ones too")
    func badProfile() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            let reply = try await api.request(.post, "/v1/candidates", token: token, json: [
                "full_name": "An", "gender": "x", "sector": "private", "legal_experience_years": -1, "skills": "law",
                "education": [["degree": "phd", "graduation_year": "2020", "school": "X"]],
            ])
            #expect(reply.status == 422)
            let fields = Set((reply.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields.isSuperset(of: ["gender", "sector", "legal_experience_years", "skills",
                                           "education[0].graduation_year", "education[0].school"]))
            #expect(try await api.count("candidates") == 0)
        }
    }

    @Test("PATCH needs If-Match: 428 without, 412 when stale, and the audit keeps before and after")
    func optimisticUpdates() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            let id = try #require(try await api.request(.post, "/v1/candidates", token: token, json: Self.profile).object["id"] as? String)
            let path = "/v1/candidates/\(id)"
            #expect(try await api.request(.patch, path, token: token, json: ["phone": "0987654321"]).status == 428)
            let updated = try await api.request(.patch, path, token: token, json: ["phone": "0987654321", "notes": nil as Any? as Any],
                                                headers: [.ifMatch: "\"1\""])
            #expect(updated.status == 200, "\(updated.text)")
            #expect(updated.headers[.eTag] == "\"2\"")
            #expect(updated.object["phone"] as? String == "+84987654321")
            #expect(updated.object["notes"] is NSNull)
            #expect(updated.object["email"] as? String == "thu.nguyen@example.edu.vn")
            let stale = try await api.request(.patch, path, token: token, json: ["phone": "0911111111"], headers: [.ifMatch: "\"1\""])
            #expect(stale.status == 412)
            #expect(stale.object["current_version"] as? Int == 2)
            // A tag that is no version of the record never matches: 412 whatever its spelling (RFC 9110), not 422.
            for tag in ["\"abc\"", "abc", "W/\"x\"", "\"\""] {
                let unmatched = try await api.request(.patch, path, token: token, json: ["phone": "0911111111"],
                                                      headers: [.ifMatch: tag])
                #expect(unmatched.status == 412, "If-Match \(tag): \(unmatched.text)")
            }
            #expect(try await api.request(.patch, path, token: token, json: ["nickname": "x"], headers: [.ifMatch: "2"]).status == 422)
            #expect(try await api.request(.patch, path, token: token, json: ["full_name": nil as Any? as Any], headers: [.ifMatch: "2"]).status == 422)
            let read = try await api.request(.get, path, token: token)
            #expect(read.object["phone"] as? String == "+84987654321")
            #expect(read.object["version"] as? Int == 2)

            let audit = try await api.services.audit.list(entity: AuditEntity(parsing: "candidate:\(id)"), page: PageRequest(), by: .testAdmin).items
            #expect(audit.map(\.action) == ["candidate.update", "candidate.add"])
            guard case .object(let changes) = audit[0].changes,
                  case .object(let before)? = changes["before"], case .object(let after)? = changes["after"]
            else { Issue.record("no before/after"); return }
            // The trail keeps the phone masked (issue 13, item 9): that it changed, not the numbers.
            #expect(before["phone"] == .string("+84******678"))
            #expect(after["phone"] == .string("+84******321"))
        }
    }

    @Test("positions: add, list by agency, PATCH with If-Match; roles enforced")
    func positions() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let evaluator = try await api.token(.evaluator)
            let body: [String: Any] = ["agency_code": "STP", "title": "Chuyên viên nòng cốt xây dựng pháp luật",
                                       "kind": "core_drafting_officer", "openings": 2, "target_date": "2027-12-31"]
            #expect(try await api.request(.post, "/v1/positions", token: evaluator, json: body).status == 403)
            let created = try await api.request(.post, "/v1/positions", token: hr, json: body)
            #expect(created.status == 201)
            let id = try #require(created.object["id"] as? String)
            #expect(created.object["status"] as? String == "open")
            #expect(try await api.request(.post, "/v1/positions", token: hr, json: ["agency_code": "NOPE", "title": "X", "kind": "other"]).status == 422)
            #expect(try await api.request(.post, "/v1/positions", token: hr, json: ["agency_code": "STP", "title": "X", "kind": "boss"]).status == 422)
            let list = try await api.request(.get, "/v1/positions?agency=STP", token: evaluator)
            #expect((list.object["items"] as? [Any])?.count == 1)
            #expect(((try await api.request(.get, "/v1/positions?agency=SNV", token: hr)).object["items"] as? [Any])?.count == 0)
            let patched = try await api.request(.patch, "/v1/positions/\(id)", token: hr, json: ["openings": 3], headers: [.ifMatch: "\"1\""])
            #expect(patched.object["openings"] as? Int == 3)
            #expect(try await api.request(.patch, "/v1/positions/\(id)", token: hr, json: ["openings": 4], headers: [.ifMatch: "\"1\""]).status == 412)
        }
    }

    @Test("applications move one stage at a time; refused moves change nothing; history has actor, reason, time")
    func pipeline() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr, name: "Trần Minh Đức")
            let candidate = try #require(try await api.request(.post, "/v1/candidates", token: hr, json: ["full_name": "Lê Văn An"]).object["id"] as? String)
            let position = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "SNV", "title": "Công chức pháp chế chuyên trách", "kind": "legal_affairs_officer"]).object["id"] as? String)
            let opened = try await api.request(.post, "/v1/applications", token: hr, json: ["candidate_id": candidate, "position_id": position])
            #expect(opened.status == 201)
            #expect(opened.object["stage"] as? String == "nominated")
            let id = try #require(opened.object["id"] as? String)
            let again = try await api.request(.post, "/v1/applications", token: hr, json: ["candidate_id": candidate, "position_id": position])
            #expect(again.status == 409)

            func move(_ to: String, _ reason: String? = nil) async throws -> APIHarness.Reply {
                var body: [String: Any] = ["to": to]
                if let reason { body["reason"] = reason }
                return try await api.request(.post, "/v1/applications/\(id)/transitions", token: hr, json: body)
            }
            #expect(try await move("interview").status == 409)  // skipping
            #expect(try await move("screening").status == 200)
            #expect(try await move("evaluation").status == 200)
            let back = try await move("screening")
            #expect(back.status == 422)  // a move back needs a reason
            #expect((back.object["type"] as? String)?.hasSuffix("/reason-required") == true)
            #expect(try await move("screening", "Thiếu bằng cấp").status == 200)
            #expect(try await move("promoted").status == 422)
            #expect(try await move("pool").status == 409)  // not from screening
            #expect(try await move("rejected").status == 200)
            #expect(try await move("screening").status == 422)  // reopening needs a reason
            #expect(try await move("hired").status == 409)
            let current = try await api.request(.get, "/v1/applications/\(id)", token: hr)
            #expect(current.object["stage"] as? String == "rejected")

            let history = try await api.request(.get, "/v1/applications/\(id)/history", token: hr)
            let items = history.object["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["to"] as? String } == ["nominated", "screening", "evaluation", "screening", "rejected"])
            #expect(items[3]["reason"] as? String == "Thiếu bằng cấp")
            #expect(items[3]["from"] as? String == "evaluation")
            #expect(items.allSatisfy { $0["actor"] as? String == "Trần Minh Đức" && $0["at"] is String && $0["seconds_in_stage"] != nil })

            let byStage = try await api.request(.get, "/v1/candidates?stage=rejected", token: hr)
            #expect((byStage.object["items"] as? [[String: Any]])?.first?["id"] as? String == candidate)
            let byAgency = try await api.request(.get, "/v1/candidates?agency=STP", token: hr)
            #expect((byAgency.object["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("likely duplicates are shown on add and on request, and a merge moves applications and removes the other")
    func duplicatesAndMerge() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let first = try await api.request(.post, "/v1/candidates", token: hr, json: [
                "full_name": "Nguyễn Văn Bình", "date_of_birth": "1995-03-02", "email": "binh@example.vn", "skills": ["thẩm định"]])
            let keep = try #require(first.object["id"] as? String)
            let second = try await api.request(.post, "/v1/candidates", token: hr, json: [
                "full_name": "NGUYEN VAN BINH", "date_of_birth": "1995-03-02", "phone": "0912000111", "skills": ["soạn thảo"]])
            #expect(second.status == 201)
            let other = try #require(second.object["id"] as? String)
            #expect((second.object["possible_duplicates"] as? [[String: Any]])?.first?["id"] as? String == keep)
            let listed = try await api.request(.get, "/v1/candidates/\(keep)/duplicates", token: hr)
            #expect((listed.object["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [other])

            let position = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "STP", "title": "Chuyên viên", "kind": "drafting_advisor"]).object["id"] as? String)
            let application = try #require(try await api.request(.post, "/v1/applications", token: hr,
                                                                 json: ["candidate_id": other, "position_id": position]).object["id"] as? String)
            #expect(try await api.request(.post, "/v1/candidates/\(keep)/merge", token: hr, json: ["other_id": keep]).status == 422)
            let merged = try await api.request(.post, "/v1/candidates/\(keep)/merge", token: hr, json: ["other_id": other])
            #expect(merged.status == 200, "\(merged.text)")
            #expect(merged.object["phone"] as? String == "+84912000111")
            #expect(merged.object["email"] as? String == "binh@example.vn")
            #expect(Set(merged.object["skills"] as? [String] ?? []) == ["thẩm định", "soạn thảo"])
            #expect(try await api.request(.get, "/v1/candidates/\(other)", token: hr).status == 404)
            let moved = try await api.request(.get, "/v1/applications/\(application)", token: hr)
            #expect(moved.object["candidate_id"] as? String == keep)
            let history = try await api.request(.get, "/v1/applications/\(application)/history", token: hr)
            #expect((history.object["items"] as? [Any])?.count == 1)
            let audit = try await api.services.audit.list(entity: AuditEntity(parsing: "candidate:\(other)"), page: PageRequest(), by: .testAdmin).items
            #expect(audit.first?.action == "candidate.merged_into")
        }
    }

    @Test("filters and sorting: sector, degree, graduation year, by given name the Vietnamese way")
    func filtersAndSort() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            for (name, sector, degree, year) in [("Trần Văn Bình", "state", "master", 2015), ("Lê Thị An", "non_state", "bachelor", 2020),
                                                 ("Phạm Văn Ánh", "student", "bachelor", 2024), ("Võ Thị Anh", "state", "bachelor", 2020)] {
                let reply = try await api.request(.post, "/v1/candidates", token: hr, json: [
                    "full_name": name, "sector": sector, "education": [["degree": degree, "graduation_year": year]]])
                #expect(reply.status == 201)
            }
            func names(_ query: String) async throws -> [String] {
                let reply = try await api.request(.get, "/v1/candidates?\(query)", token: hr)
                #expect(reply.status == 200, "\(query): \(reply.text)")
                return (reply.object["items"] as? [[String: Any]] ?? []).compactMap { $0["full_name"] as? String }
            }
            #expect(try await names("sort=name") == ["Lê Thị An", "Võ Thị Anh", "Phạm Văn Ánh", "Trần Văn Bình"])
            #expect(try await names("sector=state&sort=name") == ["Võ Thị Anh", "Trần Văn Bình"])
            #expect(try await names("degree=master") == ["Trần Văn Bình"])
            #expect(try await names("graduation_year=2020&sort=name") == ["Lê Thị An", "Võ Thị Anh"])
            #expect(try await names("sort=created_at").first == "Trần Văn Bình")
            #expect(try await names("sort=-created_at").first == "Võ Thị Anh")
            #expect(try await names("created_from=2000-01-01&created_to=2000-12-31").isEmpty)
            #expect(try await names("q=van%20binh") == ["Trần Văn Bình"])
            // Pages of one, in name order, with the cursor.
            var seen: [String] = []
            var cursor: String?
            repeat {
                let reply = try await api.request(.get, "/v1/candidates?sort=name&limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""), token: hr)
                seen += (reply.object["items"] as? [[String: Any]] ?? []).compactMap { $0["full_name"] as? String }
                cursor = reply.object["next_cursor"] as? String
            } while cursor != nil
            #expect(seen == ["Lê Thị An", "Võ Thị Anh", "Phạm Văn Ánh", "Trần Văn Bình"])
            for bad in ["sector=private", "degree=phd", "sort=age", "graduation_year=abc", "stage=done", "created_from=2020-13-01"] {
                #expect(try await api.request(.get, "/v1/candidates?\(bad)", token: hr).status == 422, "\(bad)")
            }
        }
    }

    @Test("retiring an agency into another moves its positions")
    func agencyMergeMovesPositions() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let position = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "MYTHO", "title": "Công chức tư pháp", "kind": "other"]).object["id"] as? String)
            _ = try await api.services.agencies.retire("MYTHO", try AgencyRetirement(mergedInto: "STP"), by: .testAdmin)
            let read = try await api.request(.get, "/v1/positions/\(position)", token: hr)
            #expect(read.object["agency_code"] as? String == "STP")
        }
    }
}
