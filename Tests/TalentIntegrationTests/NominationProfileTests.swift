import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

/// Issue 11, item 4: a nomination of someone who already has a profile fills the profile's empty fields (audited on
/// their own), never what staff entered; `nomination show` prints what the JSON holds.
@Suite("A nomination and the profile that already exists")
struct NominationProfileTests {
    func nominate(_ api: APIHarness, _ token: String, key: String, _ body: [String: Any]) async throws -> APIHarness.Reply {
        var headers: HTTPFields = [:]
        headers[HTTPField.Name("Idempotency-Key")!] = key
        return try await api.request(.post, "/v1/nominations", token: token, json: body, headers: headers)
    }

    /// A nomination of the person staff entered as "Nguyễn Thị Minh Thư", with what the partner knows of her.
    static func body(employer: String = "Trường Đại học Luật TP. Hồ Chí Minh", degree: String = "bachelor",
                     email: String = "thu.nguyen@example.edu.vn") -> [String: Any] {
        var body = NominationTests.body(email: email)
        var candidate = body["candidate"] as! [String: Any]
        candidate["education"] = [["degree": degree, "field": "law", "institution": "Trường Đại học Luật TP. Hồ Chí Minh",
                                   "graduation_year": 2023, "classification": "excellent"]]
        candidate["gender"] = "female"
        candidate["province"] = "Đồng Tháp"
        candidate["current_employer"] = employer
        candidate["current_title"] = "Trợ giảng"
        candidate["skills"] = ["soạn thảo văn bản"]
        candidate["notes"] = "Ghi chú của trường"
        body["candidate"] = candidate
        return body
    }

    @Test("the existing profile's empty fields are filled from the nomination, what staff entered is kept, one audit entry")
    func fillsEmptyFields() async throws {
        try await APIHarness.with { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let hr = try await api.token(.hr)
            // Staff entered the person first: a name, the citizen ID, an employer and their own notes; no education.
            let added = try await api.request(.post, "/v1/candidates", token: hr, json: [
                "full_name": "Nguyễn Thị Minh Thư", "citizen_id": "082301000123", "current_employer": "Sở Tư pháp",
                "notes": "Gặp tại hội thảo"])
            #expect(added.status == 201, "\(added.text)")
            let id = try #require(added.object["id"] as? String)

            let nominated = try await nominate(api, ulaw, key: "fill-1", Self.body())
            #expect(nominated.status == 201, "\(nominated.text)")

            let read = try await api.request(.get, "/v1/candidates/\(id)", token: hr)
            let profile = read.object
            #expect(profile["version"] as? Int == 2)
            #expect(read.headers[.eTag] == "\"2\"")
            let education = profile["education"] as? [[String: Any]]
            #expect(education?.count == 1)
            #expect(education?.first?["degree"] as? String == "bachelor")
            #expect(education?.first?["institution"] as? String == "Trường Đại học Luật TP. Hồ Chí Minh")
            #expect(profile["date_of_birth"] as? String == "2001-05-14")
            #expect(profile["gender"] as? String == "female")
            #expect(profile["email"] as? String == "thu.nguyen@example.edu.vn")
            #expect(profile["phone"] as? String == "+84912345678")
            #expect(profile["province"] as? String == "Đồng Tháp")
            #expect(profile["current_title"] as? String == "Trợ giảng")
            #expect(profile["skills"] as? [String] == ["soạn thảo văn bản"])
            // What staff entered stays, and the notes are staff's own.
            #expect(profile["current_employer"] as? String == "Sở Tư pháp")
            #expect(profile["notes"] as? String == "Gặp tại hội thảo")
            #expect(profile["full_name"] as? String == "Nguyễn Thị Minh Thư")
            #expect(try await api.count("candidates") == 1)

            let leadership = try await api.token(.leadership)
            let audit = try await api.request(.get, "/v1/audit?entity=candidate:\(id)", token: leadership)
            let entries = try #require(audit.object["items"] as? [[String: Any]])
            let fills = entries.filter { $0["action"] as? String == "candidate.filled_from_nomination" }
            #expect(fills.count == 1, "\(entries.map { $0["action"] ?? "" })")
            let changes = try #require(fills.first?["changes"] as? [String: Any])
            #expect((changes["before"] as? [String: Any])?["education"] as? [Any] != nil)
            #expect(((changes["before"] as? [String: Any])?["education"] as? [Any])?.isEmpty == true)
            #expect(((changes["after"] as? [String: Any])?["education"] as? [Any])?.count == 1)
            #expect((changes["after"] as? [String: Any])?["current_employer"] as? String == "Sở Tư pháp")
            #expect(changes["nomination_id"] as? String == nominated.object["id"] as? String)
            #expect(changes["partner_code"] as? String == "ULAW")
            let fields = changes["fields"] as? [String] ?? []
            #expect(fields.contains("education") && fields.contains("current_title") && !fields.contains("current_employer"),
                    "\(fields)")
            #expect(fills.first?["role"] as? String == "partner")

            // Another partner nominates her again with other details: nothing is empty any more, nothing changes.
            let ctu = try await NominationTests.partner(api, code: "CTU")
            let again = try await nominate(api, ctu, key: "fill-2", Self.body(employer: "Đại học Cần Thơ", degree: "master"))
            #expect(again.status == 201, "\(again.text)")
            let reread = try await api.request(.get, "/v1/candidates/\(id)", token: hr).object
            #expect(reread["version"] as? Int == 2)
            #expect((reread["education"] as? [[String: Any]])?.first?["degree"] as? String == "bachelor")
            #expect(reread["current_employer"] as? String == "Sở Tư pháp")
            let after = try await api.request(.get, "/v1/audit?entity=candidate:\(id)", token: leadership)
            #expect((after.object["items"] as? [[String: Any]])?
                .filter { $0["action"] as? String == "candidate.filled_from_nomination" }.count == 1)
        }
    }

    @Test("a contact that belongs to another profile is not copied to the existing one")
    func contactOfAnotherProfile() async throws {
        try await APIHarness.with { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let hr = try await api.token(.hr)
            let thu = try #require(try await api.request(.post, "/v1/candidates", token: hr, json: [
                "full_name": "Nguyễn Thị Minh Thư", "citizen_id": "082301000123"]).object["id"] as? String)
            _ = try await api.request(.post, "/v1/candidates", token: hr, json: [
                "full_name": "Lê Văn An", "email": "thu.nguyen@example.edu.vn"])
            let nominated = try await nominate(api, ulaw, key: "contact-1", Self.body())
            #expect(nominated.status == 201, "\(nominated.text)")
            let profile = try await api.request(.get, "/v1/candidates/\(thu)", token: hr).object
            #expect(profile["email"] is NSNull)
            #expect(profile["phone"] as? String == "+84912345678")
            #expect((profile["education"] as? [Any])?.count == 1)
        }
    }

    @Test("talent nomination show prints relationship, justification, position and application; the CLI shows the fill")
    func cli() async throws {
        try await APIHarness.with { api in
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let hr = try await api.token(.hr)
            let position = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "STP", "title": "Chuyên viên xây dựng pháp luật", "kind": "core_drafting_officer"])
                .object["id"] as? String)
            let added = await cli.run("candidate", "add", "--name", "Nguyễn Thị Minh Thư", "--citizen-id", "082301000123",
                                      "--format", "json")
            #expect(added.status == 0, "\(added.stderr)")
            let candidate = try #require((try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])?["id"]
                as? String)
            var body = Self.body()
            body["position_id"] = position
            let nominated = try await nominate(api, ulaw, key: "cli-1", body)
            #expect(nominated.status == 201, "\(nominated.text)")
            let nomination = try #require(nominated.object["id"] as? String)

            let json = try await cli.json("nomination", "show", nomination) as? [String: Any]
            let application = try #require(json?["application_id"] as? String)
            let table = await cli.run("nomination", "show", nomination)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains("Quan hệ"), "\(table.stdout)")
            #expect(table.stdout.contains("giảng viên, thầy cô"))
            #expect(!table.stdout.contains("teacher"))
            #expect(table.stdout.contains("Thủ khoa đầu ra; hai công trình nghiên cứu về kỹ thuật soạn thảo văn bản."))
            #expect(table.stdout.contains("Chuyên viên xây dựng pháp luật (STP)"))
            #expect(table.stdout.contains(position))
            #expect(table.stdout.contains(application))
            #expect(table.stdout.contains("được đề cử"), "the stage's label: \(table.stdout)")
            let english = await cli.run("nomination", "show", nomination, "--lang", "en")
            #expect(english.stdout.contains("Relationship") && english.stdout.contains("teacher"), "\(english.stdout)")
            #expect(english.stdout.contains("Justification"))

            let profile = try await cli.json("candidate", "show", candidate, "--include", "") as? [String: Any]
            #expect((profile?["education"] as? [[String: Any]])?.first?["degree"] as? String == "bachelor")
            #expect(profile?["current_employer"] as? String == "Trường Đại học Luật TP. Hồ Chí Minh")
            let audit = await cli.run("audit", "list", "--entity", "candidate:\(candidate)")
            #expect(audit.stdout.contains("candidate.filled_from_nomination"), "\(audit.stdout)")
        }
    }
}
