import Foundation
import TalentDomain
import Testing

/// Issue 11, items 4 and 13: the rules behind a nomination's fill of an existing profile and the file's sections.
@Suite("Filling a profile from a nomination; the sections of a candidate's file")
struct CandidateFileRulesTests {
    static let staff = try! ValidCandidate(CandidateDraft(
        fullName: "Nguyễn Thị Minh Thư", citizenID: "082301000123", currentEmployer: "Sở Tư pháp", skills: ["thẩm định"],
        notes: "Gặp tại hội thảo"))
    static let nominated = try! ValidCandidate(CandidateDraft(
        fullName: "Nguyen Thi Minh Thu", dateOfBirth: "2001-05-14", gender: "female", citizenID: "082301000123",
        email: "thu@example.edu.vn", province: "Đồng Tháp",
        education: [EducationDraft(degree: "bachelor", field: "law", institution: "Trường Đại học Luật")],
        sector: "student", currentEmployer: "Trường Đại học Luật", currentTitle: "Trợ giảng", legalExperienceYears: 1,
        skills: ["soạn thảo"], languages: ["Tiếng Anh"], notes: "Ghi chú của trường"))

    @Test("only the empty fields are taken; the name, the notes and what staff entered stay")
    func fillsOnlyEmptyFields() {
        let (filled, fields) = Self.staff.fillingEmptyFields(from: Self.nominated)
        #expect(fields == [.dateOfBirth, .gender, .email, .province, .education, .sector, .currentTitle,
                           .legalExperienceYears, .languages])
        #expect(filled.fullName == "Nguyễn Thị Minh Thư")
        #expect(filled.searchName == Self.staff.searchName)
        #expect(filled.currentEmployer == "Sở Tư pháp")
        #expect(filled.skills == ["thẩm định"])
        #expect(filled.notes == "Gặp tại hội thảo")
        #expect(filled.education == Self.nominated.education)
        #expect(filled.dateOfBirth == CalendarDate("2001-05-14"))
        #expect(filled.languages == ["Tiếng Anh"])
    }

    @Test("a full profile takes nothing, and filling twice changes nothing more")
    func idempotent() {
        let (once, _) = Self.staff.fillingEmptyFields(from: Self.nominated)
        let (twice, fields) = once.fillingEmptyFields(from: Self.nominated)
        #expect(fields.isEmpty)
        #expect(twice == once)
        let empty = try! ValidCandidate(CandidateDraft(fullName: "Lê Văn An"))
        #expect(Self.staff.fillingEmptyFields(from: empty).1.isEmpty)
    }

    @Test("include lists: known sections in any order, repeats once; anything else names the field")
    func sections() throws {
        let cases: [(String, Set<CandidateFileSection>?)] = [
            ("applications", [.applications]),
            ("panels,applications", [.applications, .panels]),
            ("referrals,referrals", [.referrals]),
            ("applications,referrals,nominations,panels", Set(CandidateFileSection.allCases)),
            ("history", nil), ("applications,", nil), (",panels", nil), ("Applications", nil), ("applications, panels", nil),
            ("", nil),
        ]
        for (text, expected) in cases {
            if let expected {
                #expect(try CandidateFileSection.parseList(text) == expected, "\(text)")
            } else {
                #expect(throws: ServiceError.self, "\(text)") { try CandidateFileSection.parseList(text) }
                do {
                    _ = try CandidateFileSection.parseList(text)
                } catch {
                    #expect(error.fieldErrors.map(\.field) == ["include"])
                }
            }
        }
    }
}
