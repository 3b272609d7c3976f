import TalentDomain
import Testing

@Suite("Field names and code labels for people")
struct FieldNameTests {
    @Test("field paths read as officers name them", arguments: [
        ("citizen_id", Language.vi, "số CCCD"),
        ("citizen_id", .en, "citizen ID"),
        ("education[0].graduation_year", .vi, "năm tốt nghiệp (học vấn 1)"),
        ("education[1].degree", .en, "degree (education record 2)"),
        ("candidate.citizen_id", .vi, "số CCCD (ứng viên)"),
        ("scores.legal_drafting", .vi, "legal_drafting (điểm)"),
        ("no_such_field", .vi, "no_such_field"),
    ])
    func fieldPaths(path: String, language: Language, expected: String) {
        #expect(FieldName.label(path, language) == expected)
    }

    @Test("every code people read has a label in both languages, none of them the bare code in Vietnamese")
    func labels() {
        func check<Code: LabeledCode & CaseIterable>(_: Code.Type) {
            for code in Code.allCases {
                #expect(!code.label.vi.isEmpty && !code.label.en.isEmpty, "\(code.rawValue)")
                #expect(code.label.vi != code.rawValue, "\(Code.self).\(code.rawValue)")
            }
        }
        check(Sector.self); check(PipelineStage.self); check(AgreementStatus.self); check(RubricStatus.self)
        check(PositionStatus.self); check(NominationStatus.self); check(Relationship.self); check(Role.self)
        check(AgencyKind.self); check(PartnerKind.self); check(ReferrerKind.self); check(PositionKind.self)
        check(Degree.self); check(Classification.self); check(Gender.self); check(TargetStatus.self)
        check(PanelMemberStatus.self); check(AgencyStatus.self); check(Aggregation.self)
        #expect(Sector.label(of: "non_state", .vi) == "ngoài khu vực nhà nước")
        #expect(Sector.label(of: "unknown", .vi) == "unknown")
    }
}
