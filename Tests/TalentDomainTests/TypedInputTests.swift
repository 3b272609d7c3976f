import Foundation
import TalentDomain
import Testing

@Suite("Typed inputs of candidates, positions, agencies, users and tokens")
struct TypedInputTests {
    static let stored = Candidate(id: UUID(), fullName: "Nguyễn Văn An", dateOfBirth: CalendarDate("1995-01-01"),
                                  email: "an@example.vn", skills: ["Soạn thảo"], version: 1, createdAt: Date(),
                                  updatedAt: Date())

    @Test("a patch checks only the fields it names and changes only those")
    func patchChangesNamedFields() throws {
        let patch = try CandidatePatch(CandidateDraft(email: " AN.NGUYEN@Example.vn "), fields: [.email])
        let valid = patch.applied(to: Self.stored)
        #expect(valid.email == "an.nguyen@example.vn")
        #expect(valid.fullName == "Nguyễn Văn An")
        #expect(valid.dateOfBirth == CalendarDate("1995-01-01"))
        #expect(valid.skills == ["Soạn thảo"])
    }

    @Test("a patch names every bad field it names, and a named null full name is required")
    func patchCollectsErrors() {
        #expect {
            try CandidatePatch(CandidateDraft(email: "nope", phone: "12"), fields: [.fullName, .email, .phone])
        } throws: { error in
            (error as? ServiceError)?.fieldErrors.map(\.field) == ["full_name", "email", "phone"]
        }
    }

    @Test("a patch that clears a field clears it")
    func patchClears() throws {
        let valid = try CandidatePatch(CandidateDraft(), fields: [.email, .skills]).applied(to: Self.stored)
        #expect(valid.email == nil)
        #expect(valid.skills.isEmpty)
    }

    @Test("a merge needs two different valid ids", arguments: [
        (nil, nil, ["keep_id", "other_id"]),
        ("x", "00000000-0000-0000-0000-000000000001", ["keep_id"]),
        ("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000001", ["other_id"]),
    ] as [(String?, String?, [String])])
    func mergeIDs(keep: String?, other: String?, fields: [String]) {
        #expect {
            try CandidateMerge(keep: keep, other: other)
        } throws: { error in
            (error as? ServiceError)?.fieldErrors.map(\.field) == fields
        }
    }

    @Test("a position patch keeps the stored required fields")
    func positionPatch() throws {
        let position = Position(id: UUID(), agencyCode: "STP", title: "Chuyên viên", kind: .draftingAdvisor, openings: 2,
                                targetDate: nil, status: .open, description: nil, hired: 0, version: 1,
                                createdAt: Date(), updatedAt: Date())
        let valid = try PositionPatch(PositionDraft(openings: 5), fields: [.openings]).applied(to: position)
        #expect(valid.agencyCode == "STP" && valid.title == "Chuyên viên" && valid.kind == .draftingAdvisor)
        #expect(valid.openings == 5)
        #expect(throws: ServiceError.self) { try PositionPatch(PositionDraft(title: nil), fields: [.title]) }
    }

    @Test("a token has exactly one holder and a lifetime in range")
    func tokenRequest() throws {
        let id = UUID()
        #expect(try TokenRequest(userID: id.uuidString, expiresInDays: nil)
                == TokenRequest(userID: id.uuidString, expiresInDays: TokenRequest.defaultLifetimeDays))
        #expect(try TokenRequest(userID: nil, partnerCode: "ctu", expiresInDays: 1).holder == .partner("CTU"))
        #expect {
            try TokenRequest(userID: "bad", partnerCode: "CTU", expiresInDays: 0)
        } throws: { error in
            (error as? ServiceError)?.fieldErrors.map(\.field) == ["user", "expires_in", "user"]
        }
    }

    @Test("a staff user has a staff role; an agency has a name")
    func usersAndAgencies() throws {
        #expect(try NewStaffUser(name: "Lê Văn Hải", role: "hr", agencyCode: "stp", email: nil).role == .hr)
        #expect(throws: ServiceError.self) { try NewStaffUser(name: "Lê Văn Hải", role: "partner", agencyCode: nil, email: nil) }
        #expect(try NewAgency(code: "stp", name: "Sở Tư pháp", kind: nil).kind == .department)
        #expect(throws: ServiceError.self) { try AgencyRename(name: "  ") }
    }
}
