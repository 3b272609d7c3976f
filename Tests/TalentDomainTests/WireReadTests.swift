import Foundation
import TalentDomain
import TalentWire
import Testing

/// Issue 12: the CLI with a server configured reads each API answer back into the domain value it prints. Every
/// mapping in TalentWire is written, parsed and read back here, and must give the value it was written from; the
/// guard at the end fails when a `*+Wire.swift` file has a writer without a reader, a draft without a writer, or a
/// type without a sample here.
@Suite("Wire: answers read back, drafts written")
struct WireReadTests {
    // MARK: Sample values

    static func id(_ n: Int) -> UUID { UUID(uuidString: "6f1d2c3b-4a5e-4f60-8a7b-\(String(format: "%012d", n))")! }
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
    /// Whole seconds: the wire carries times to the second.
    static let t0 = Date(timeIntervalSince1970: 1_764_555_425)  // 2025-12-01T02:17:05Z
    static func t(_ hours: Int) -> Date { t0.addingTimeInterval(TimeInterval(hours * 3600)) }
    static let epoch = Date(timeIntervalSince1970: 0)
    static let zeroID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    static let candidate = Candidate(
        id: id(1), fullName: "Nguyễn Thị Minh Thư", dateOfBirth: day("1996-02-29"), gender: .female,
        citizenID: "082301000123", email: "thu.ntm@example.vn", phone: "+84912345678", province: "Tiền Giang",
        education: [
            EducationRecord(degree: .master, field: "Luật hành chính", institution: "Đại học Luật TP. Hồ Chí Minh",
                            graduationYear: 2021, classification: .veryGood),
            EducationRecord(degree: .bachelor, field: nil, institution: nil, graduationYear: nil, classification: nil),
        ],
        sector: .nonState, currentEmployer: "Công ty Luật Đông Á", currentTitle: "Luật sư tập sự",
        legalExperienceYears: 4, skills: ["soạn thảo văn bản", "tố tụng"], languages: ["tiếng Anh", "tiếng Pháp"],
        notes: "Dòng 1\nDòng 2 — “trích dẫn” \\ gạch",
        otherContacts: [CandidateContact(kind: .email, value: "thu@cu.example.vn", mergedFrom: id(2)),
                        CandidateContact(kind: .phone, value: "+84987654321")],
        version: 3, createdAt: t0, updatedAt: t(5))
    /// Every optional field nil, every list empty.
    static let bareCandidate = Candidate(id: id(2), fullName: "Đặng Văn Đức", version: 1, createdAt: t0, updatedAt: t0)

    static let privacyRequest = PrivacyRequest(
        id: id(90), candidateID: id(1), kind: .erasure, receivedOn: day("2099-02-13"), note: "Đơn giấy — “xóa hồ sơ”",
        storedStatus: .open, acknowledgeBy: day("2099-02-17"), dueOn: day("2099-03-05"), acknowledgedAt: nil,
        extensionDays: nil, extensionReason: nil, extendedAt: nil, refusalBasis: nil, closedAt: nil,
        openedBy: "Lê Thị Hoa", closedBy: nil, version: 1, createdAt: t0, updatedAt: t0)
    static let extendedRequest = PrivacyRequest(
        id: id(91), candidateID: id(1), kind: .access, receivedOn: day("2099-02-13"), note: nil, storedStatus: .extended,
        acknowledgeBy: day("2099-02-17"), dueOn: day("2099-03-05"), acknowledgedAt: t(1), extensionDays: 10,
        extensionReason: "Chờ hồ sơ giấy", extendedAt: t(2), refusalBasis: nil, closedAt: nil, openedBy: "Kiểm thử",
        closedBy: nil, version: 3, createdAt: t0, updatedAt: t(2))
    static let breach = Breach(id: id(95), discoveredAt: t0, description: "Gửi nhầm tệp", records: 120, notifiedAt: nil,
                               recordedBy: "Kiểm thử", notifiedBy: nil, version: 1, createdAt: t(1))
    static let notifiedBreach = Breach(id: id(96), discoveredAt: t0, description: "Mất máy", records: nil,
                                       notifiedAt: t(80), recordedBy: "Kiểm thử", notifiedBy: "Quản Trị", version: 2,
                                       createdAt: t(1))

    static let application = Application(
        id: id(10), candidateID: id(1), positionID: id(20), stage: .evaluation, stageEnteredAt: t(2), version: 2,
        createdAt: t0, updatedAt: t(2), candidateName: "Nguyễn Thị Minh Thư", positionTitle: "Chuyên viên pháp chế",
        agencyCode: "STP")
    static let member = PanelMember(applicationID: id(10), evaluatorID: id(30), evaluatorName: "Trần Quốc Bảo",
                                    status: .recused, assignedBy: "hr:Lê Thị Hoa", assignedAt: t(1), recusedAt: t(3),
                                    recusalReason: "Là thầy hướng dẫn của ứng viên")
    static let assignedMember = PanelMember(applicationID: id(10), evaluatorID: id(31), evaluatorName: "Phạm Thu Hà",
                                            status: .assigned, assignedBy: "hr:Lê Thị Hoa", assignedAt: t(1),
                                            recusedAt: nil, recusalReason: nil)
    static let panelResult = PanelResult(
        applicationID: id(10), rubricID: id(40), rubricVersion: 2, aggregation: .trimmedMean, panelScore: 3.833333333,
        passThreshold: 3.5, complete: true, passed: true, submitted: 3, required: 3,
        evaluators: [
            PanelResult.EvaluatorScore(evaluatorID: id(31), evaluatorName: "Phạm Thu Hà", weightedScore: 4.25, trimmed: false),
            PanelResult.EvaluatorScore(evaluatorID: id(32), evaluatorName: "Võ Minh Khôi", weightedScore: 1.1, trimmed: true),
        ],
        criteria: [PanelResult.CriterionMean(key: "lap_luan", label: "Lập luận pháp lý", weight: 0.4, mean: 3.666666667),
                   PanelResult.CriterionMean(key: "trinh_bay", label: "Trình bày", weight: 1, mean: nil)],
        spread: 3.15, disagreement: true)
    static let emptyPanel = PanelResult(
        applicationID: id(11), rubricID: nil, rubricVersion: nil, aggregation: nil, panelScore: nil, passThreshold: nil,
        complete: false, passed: nil, submitted: 0, required: nil, evaluators: [], criteria: [], spread: nil,
        disagreement: false)
    static let history = [
        StageChange(from: nil, to: .nominated, actor: "api:hr", channel: .api, reason: nil, at: t0, secondsInStage: 3600),
        StageChange(from: .nominated, to: .evaluation, actor: "cli:Lê Thị Hoa", channel: .cli,
                    reason: "Đủ điều kiện sơ tuyển", at: t(1), secondsInStage: 7200, panelScore: 3.75),
    ]
    static let referral = Referral(
        id: id(50), candidateID: id(1), referrerKind: .partner, referrerName: "PGS.TS. Hoàng Văn Nam",
        referrerTitle: "Trưởng khoa Luật", referrerEmail: "nam.hv@hcmulaw.edu.vn", referrerUserID: id(33),
        referrerAgencyCode: "STP", referrerPartnerCode: "HCMULAW", relationship: .teacher,
        justification: "Sinh viên xuất sắc khoá 2018–2022", channel: "api", credited: true, createdBy: "partner:HCMULAW",
        createdAt: t(1))
    static let bareReferral = Referral(
        id: id(51), candidateID: id(2), referrerKind: .selfApplication, referrerName: nil, referrerTitle: nil,
        referrerEmail: nil, referrerUserID: nil, referrerAgencyCode: nil, referrerPartnerCode: nil, relationship: .none,
        justification: "Tự ứng tuyển", channel: "cli", credited: false, createdBy: "cli:hr", createdAt: t0)
    static let nomination = NominationView(
        id: id(60), status: .underReview, submittedAt: t0, partnerCode: "HCMULAW", candidateName: "Nguyễn Thị Minh Thư",
        candidateDateOfBirth: "1996-02-29", candidateCitizenID: "082301000123", candidateEmail: "thu.ntm@example.vn",
        positionID: id(20), nominator: Nominator(name: "TS. Lý Thị Mai", title: "Phó trưởng khoa", email: "mai@example.vn"),
        relationship: "teacher", justification: "Điểm tốt nghiệp cao nhất khoá", consentObtainedAt: t(-24),
        consentNoticeVersion: "2025-01", candidateID: id(1), referralID: id(50), applicationID: id(10), stage: .evaluation,
        triage: .declined, triageReason: "Chưa đủ 2 năm kinh nghiệm", triagedBy: "cli:Lê Thị Hoa", triagedAt: t(1),
        statusChangedAt: t(1))
    static let target = Target(id: id(70), agencyCode: "STP", positionKind: .legalAffairsOfficer, count: 5,
                               deadline: day("2026-12-31"), startsOn: day("2024-12-19"), note: "Theo Kế hoạch 483/KH-UBND",
                               createdBy: "cli:Lê Thị Hoa", createdAt: t0)
    static let progress = TargetProgress(target: target, agencyName: "Sở Tư pháp", hired: 1, inOffer: 1, inInterview: 2,
                                         inEarlierStages: 3, openPositions: 2, expectedByNow: 3, status: .atRisk,
                                         risk: .behindPace)
    /// What the answer of `progress` reads back as: the target's author and time are not written.
    static var progressRead: TargetProgress {
        var read = progress
        read.target.createdBy = ""
        read.target.createdAt = epoch
        return read
    }
    static let stages = [StageFigures(stage: .nominated, count: 4, reached: 10, conversion: 0.6, medianDays: 2.5),
                         StageFigures(stage: .hired, count: 1, reached: 1, conversion: nil, medianDays: nil)]
    static let pipeline = PipelineReport(
        agency: "STP", positionKind: .coreDraftingOfficer, from: day("2025-01-01"), to: day("2025-12-31"),
        groupBy: .agency, stages: stages, groups: [PipelineGroup(key: "STP", label: "Sở Tư pháp", stages: stages)])
    static let partnerStats = PartnerStats(
        partnerCode: "HCMULAW", partnerName: "Trường Đại học Luật TP. Hồ Chí Minh", agreementID: id(80),
        agreementReference: "12/2025/TT-HT", agreementStatus: .active, startsOn: day("2025-01-01"),
        endsOn: day("2027-12-31"), yearlyQuota: 20, nominations: 7, quotaUsed: 7, reachedEvaluation: 3, hired: 1)
    static let referrerStats = ReferrerStats(referrerKind: "partner", referrer: "HCMULAW",
                                             referrerName: "Trường Đại học Luật", referrals: 7, credited: 6,
                                             reachedEvaluation: 3, hired: 1, rejected: 2, medianPanelScore: 3.9)
    static let staffUser = StaffUser(id: id(30), name: "Trần Quốc Bảo", role: .evaluator, agencyCode: "STP",
                                     email: "bao.tq@stp.tiengiang.gov.vn", scope: .agency, hasPassword: true,
                                     disabledAt: t(6), createdAt: t0)
    static let session = Session(id: id(121), userID: id(30), kind: .api, formKey: "", createdAt: t0, lastSeenAt: t(1),
                                 expiresAt: t(2), absoluteExpiresAt: t(12), revokedAt: nil)
    static let accessToken = AccessToken(id: id(90), userID: id(30), partnerCode: nil, holder: "Trần Quốc Bảo",
                                         role: .evaluator, prefix: "tk_7Hx2", createdAt: t0, expiresAt: t(24 * 90),
                                         revokedAt: t(5), lastUsedAt: t(4))
    static let partnerToken = AccessToken(id: id(91), userID: nil, partnerCode: "HCMULAW",
                                          holder: "Trường Đại học Luật", role: .partner, prefix: "tk_Qq9z", createdAt: t0,
                                          expiresAt: nil, revokedAt: nil, lastUsedAt: nil)
    static let rubric = Rubric(
        id: id(40), version: 2, status: .published,
        definition: RubricDefinition(
            name: "Phỏng vấn chuyên viên pháp chế", description: "Dùng cho vòng phỏng vấn", scaleMin: 1, scaleMax: 5,
            passThreshold: 3.5, minEvaluators: 3, aggregation: .trimmedMean, disagreementThreshold: 1.5,
            criteria: [
                Criterion(key: "lap_luan", label: "Lập luận pháp lý", description: "Vận dụng quy phạm", weight: 0.4,
                          levels: ["1": "Yếu", "5": "Xuất sắc"]),
                Criterion(key: "trinh_bay", label: "Trình bày", weight: 0.6),
            ]),
        createdBy: "cli:admin", createdAt: t0, publishedAt: t(1), retiredAt: nil)
    static let change = ReorganizationChange(
        step: "2025-07-01", effective: day("2025-07-01"), action: .retire, code: "UBND-CL", name: "UBND huyện Châu Thành",
        previousName: nil, kind: .district, mergedInto: "UBND-TX", outcome: .changed, positionsMoved: 2, targetsMoved: 1,
        targetsFolded: 1)
    static let renamed = ReorganizationChange(
        step: "2025-07-01", effective: day("2025-07-01"), action: .rename, code: "SNV", name: "Sở Nội vụ",
        previousName: "Sở Lao động – Thương binh và Xã hội", kind: .department, mergedInto: nil, outcome: .unchanged)

    // MARK: Round trips

    /// One type's check: its values written (compact, and pretty as the CLI prints them), parsed and read back.
    struct Sample: Sendable, CustomTestStringConvertible {
        /// The type's name as its wire file spells it (`PanelResult.EvaluatorScore`, `PanelChange`).
        let type: String
        let check: @Sendable () throws -> Void
        var testDescription: String { type }
    }

    /// Each value reads back equal to itself.
    static func sample<T: JSONWritable & WireReadable & Equatable & Sendable>(
        _ type: String, _ values: T..., sourceLocation: SourceLocation = #_sourceLocation
    ) -> Sample {
        Sample(type: type) {
            for value in values { try expectRead(value, as: value, sourceLocation: sourceLocation) }
        }
    }

    /// A value whose answer loses something reads back as `expected`.
    static func lossy<T: JSONWritable & WireReadable & Equatable & Sendable>(
        _ type: String, _ value: T, reads expected: T, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Sample {
        Sample(type: type) { try expectRead(value, as: expected, sourceLocation: sourceLocation) }
    }

    static func expectRead<W: JSONWritable, T: WireReadable & Equatable>(
        _ value: W, as expected: T, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let compact = try T(wireBytes: value.jsonBytes)
        #expect(compact == expected, sourceLocation: sourceLocation)
        let pretty = try T(wireBytes: Array(value.jsonString(pretty: true).utf8))
        #expect(pretty == expected, sourceLocation: sourceLocation)
    }

    /// Every case of a code.
    static func codes<T: JSONWritable & WireReadable & CaseIterable & Equatable & Sendable>(_ type: T.Type) -> Sample {
        // `TalentDomain.ReorganizationChange.Action` → `ReorganizationChange.Action`, as the wire file names it.
        Sample(type: String(reflecting: type).split(separator: ".").dropFirst().joined(separator: ".")) {
            for code in T.allCases { try expectRead(code, as: code) }
        }
    }

    static let submittedNomination = SubmittedNomination(
        id: id(61), partnerCode: "HCMULAW", submittedAt: t(2),
        submitted: .object(["candidate": .object(["full_name": .string("Nguyễn Thị Minh Thư")]),
                            "justification": .string("Thủ khoa ngành Luật")]),
        consentObtainedAt: t0, consentNoticeVersion: "2025-01")

    static let consent = Consent(
        id: id(120), candidateID: id(1), purpose: .recruitment, noticeVersion: "2026-01", channel: .email,
        obtainedAt: t0, expiresOn: nil, evidence: "Thư ngày 02/11/2026", nominationID: id(61), recordedBy: "cli:Lê Thị Hoa",
        recordedAt: t(1), supersededAt: nil, withdrawnAt: t(3), withdrawalReason: "Không còn nhu cầu",
        withdrawnBy: "cli:Lê Thị Hoa")

    static let samples: [Sample] = [
        sample("Agency",
               Agency(code: "STP", name: "Sở Tư pháp", kind: .department, status: .active, mergedInto: nil, createdAt: t0,
                      updatedAt: t(1)),
               Agency(code: "UBND-CL", name: "UBND huyện Châu Thành", kind: .district, status: .retired,
                      mergedInto: "UBND-TX", createdAt: t0, updatedAt: t(2))),
        sample("Agreement",
               Agreement(id: id(80), partnerCode: "HCMULAW", reference: "12/2025/TT-HT", title: "Thoả thuận đào tạo",
                         signedOn: day("2024-12-20"), startsOn: day("2025-01-01"), endsOn: day("2099-12-31"),
                         storedStatus: .active, fields: ["luật hành chính", "luật kinh tế"], yearlyQuota: 20,
                         training: "Bồi dưỡng 40 giờ/năm", notes: "Gia hạn khi hết hạn", version: 2, createdAt: t0,
                         updatedAt: t(1)),
               Agreement(id: id(81), partnerCode: "CTU", reference: "03/2025", title: nil, signedOn: nil,
                         startsOn: day("2025-01-01"), endsOn: day("2099-12-31"), storedStatus: .draft, fields: [],
                         yearlyQuota: nil, training: nil, notes: nil, version: 1, createdAt: t0, updatedAt: t0)),
        // Written as `expired` (derived from the dates), read back as the stored `active`.
        sample("Agreement (expired)",
               Agreement(id: id(82), partnerCode: "CTU", reference: "01/2020", title: nil, signedOn: nil,
                         startsOn: day("2020-01-01"), endsOn: day("2021-12-31"), storedStatus: .active, fields: [],
                         yearlyQuota: 5, training: nil, notes: nil, version: 4, createdAt: t0, updatedAt: t0)),
        sample("AgencyHires", AgencyHires(agencyCode: "STP", agencyName: "Sở Tư pháp", positionKind: .draftingAdvisor, hired: 2)),
        sample("EvaluationSummary",
               EvaluationSummary(applications: 12, sheets: 30, complete: 9, passed: 6, failed: 3, medianPanelScore: 3.72),
               EvaluationSummary(applications: 0, sheets: 0, complete: 0, passed: 0, failed: 0, medianPanelScore: nil)),
        lossy("AnnualReport",
              AnnualReport(year: 2025, asOf: day("2025-12-31"), generatedAt: t(3), targets: [progress], pipeline: pipeline,
                           hires: [AgencyHires(agencyCode: "STP", agencyName: "Sở Tư pháp", positionKind: .legalAffairsOfficer,
                                               hired: 1)],
                           partners: [partnerStats], referrers: [referrerStats],
                           evaluations: EvaluationSummary(applications: 3, sheets: 9, complete: 3, passed: 2, failed: 1,
                                                          medianPanelScore: 3.5)),
              reads: AnnualReport(year: 2025, asOf: day("2025-12-31"), generatedAt: t(3), targets: [progressRead],
                                  pipeline: pipeline,
                                  hires: [AgencyHires(agencyCode: "STP", agencyName: "Sở Tư pháp",
                                                      positionKind: .legalAffairsOfficer, hired: 1)],
                                  partners: [partnerStats], referrers: [referrerStats],
                                  evaluations: EvaluationSummary(applications: 3, sheets: 9, complete: 3, passed: 2,
                                                                 failed: 1, medianPanelScore: 3.5))),
        sample("Application", application),
        sample("AuditEntry",
               AuditEntry(id: 9_007_199_254_740_991, at: t0, actor: "cli:Lê Thị Hoa", role: .hr, channel: .cli,
                          action: "candidate.update", entityType: "candidate", entityID: id(1).text,
                          changes: .object(["before": .object(["full_name": .string("Nguyen Thi Minh Thu")]),
                                            "after": .object(["full_name": .string("Nguyễn Thị Minh Thư"),
                                                              "skills": .array([.string("tố tụng")]),
                                                              "legal_experience_years": .number(4),
                                                              "weight": .number(0.4), "ok": .bool(true),
                                                              "notes": .null])])),
               AuditEntry(id: 1, at: t0, actor: "api:partner", role: .partner, channel: .api, action: "nomination.create",
                          entityType: "nomination", entityID: id(60).text, changes: .null)),
        sample("AuditBreak",
               AuditBreak(seq: 3, id: 17, at: t0, action: "candidate.add", entityType: "candidate", entityID: id(1).text,
                          reason: .altered),
               AuditBreak(seq: 40, id: nil, at: nil, action: nil, entityType: nil, entityID: nil, reason: .anchor)),
        sample("AuditVerification",
               AuditVerification(entries: 12, redacted: 3, firstBad: nil, headSeq: 12, head: String(repeating: "ab", count: 32)),
               AuditVerification(entries: 12, firstBad: AuditBreak(seq: 3, id: 3, at: t0, action: "x", entityType: "y",
                                                                   entityID: "z", reason: .missing),
                                 headSeq: 12, head: String(repeating: "0f", count: 32)),
               AuditVerification(entries: 0, firstBad: nil, headSeq: nil, head: nil)),
        sample("EducationRecord", candidate.education[0], candidate.education[1]),
        sample("Candidate", candidate, bareCandidate),
        Sample(type: "CandidateCreated") {
            let created = CandidateCreated(candidate: candidate, possibleDuplicates: [bareCandidate])
            try expectRead(created, as: CandidateCreated.Answer(
                candidate: candidate, possibleDuplicates: [DuplicateSummary(bareCandidate)]))
            try expectRead(CandidateCreated(candidate: bareCandidate, possibleDuplicates: []),
                           as: CandidateCreated.Answer(candidate: bareCandidate, possibleDuplicates: []))
        },
        // The answer writes the bytes of what it was read from.
        Sample(type: "CandidateCreated.Answer") {
            let created = CandidateCreated(candidate: candidate, possibleDuplicates: [bareCandidate, candidate])
            let answer = try CandidateCreated.Answer(wireBytes: created.jsonBytes)
            #expect(answer.jsonBytes == created.jsonBytes)
            try expectRead(answer, as: answer)
        },
        sample("DuplicateSummary", DuplicateSummary(candidate), DuplicateSummary(bareCandidate)),
        sample("DuplicatePair", DuplicatePair(candidate: DuplicateSummary(candidate), duplicate: DuplicateSummary(bareCandidate))),
        sample("FileApplication", FileApplication(application: application, history: history),
               FileApplication(application: application, history: [])),
        lossy("FilePanel", FilePanel(application: application, evaluators: [member, assignedMember], score: panelResult),
              reads: FilePanel(
                  application: Application(id: id(10), candidateID: zeroID, positionID: zeroID, stage: .nominated,
                                           stageEnteredAt: epoch, version: 0, createdAt: epoch, updatedAt: epoch,
                                           candidateName: "", positionTitle: "Chuyên viên pháp chế", agencyCode: "STP"),
                  evaluators: [member, assignedMember], score: panelResult)),
        sample("CandidateFile",
               CandidateFile(candidate: candidate, sections: Set(CandidateFileSection.allCases),
                             applications: [FileApplication(application: application, history: history)],
                             referrals: [referral, bareReferral], nominations: [nomination],
                             panels: [FilePanel(application: application, evaluators: [member], score: panelResult)]),
               CandidateFile(candidate: bareCandidate, sections: []),
               CandidateFile(candidate: candidate, sections: [.referrals, .nominations])),
        // Panels without the applications section: the panel's application has what the answer gives and the file's
        // candidate.
        lossy("CandidateFile (panels only)",
              CandidateFile(candidate: candidate, sections: [.panels],
                            panels: [FilePanel(application: application, evaluators: [], score: emptyPanel)]),
              reads: CandidateFile(candidate: candidate, sections: [.panels], panels: [FilePanel(
                  application: Application(id: id(10), candidateID: id(1), positionID: zeroID, stage: .nominated,
                                           stageEnteredAt: epoch, version: 0, createdAt: epoch, updatedAt: epoch,
                                           candidateName: "Nguyễn Thị Minh Thư", positionTitle: "Chuyên viên pháp chế",
                                           agencyCode: "STP"),
                  evaluators: [], score: emptyPanel)])),
        sample("CandidateContact", candidate.otherContacts[0], candidate.otherContacts[1]),
        sample("MergeField", MergeField(field: "email", kept: "thu.ntm@example.vn", other: "thu@cu.example.vn",
                                        outcome: .otherContact),
               MergeField(field: "province", kept: nil, other: "Bến Tre", outcome: .filled)),
        Sample(type: "CandidateMergeResult") {
            let other = Candidate(id: id(2), fullName: "Nguyễn Thị Minh Thư", dateOfBirth: day("1996-02-29"),
                                  email: "minhthu.khac@example.vn", province: "Bến Tre", skills: ["tư vấn"],
                                  notes: "Hồ sơ cũ", version: 1, createdAt: t0, updatedAt: t0)
            for dryRun in [true, false] {
                let result = CandidateMergeResult(candidate: candidate, plan: CandidateMergePlan(keep: candidate, other: other),
                                                  dryRun: dryRun)
                #expect(!result.plan.fields.isEmpty && !result.plan.newContacts.isEmpty)
                try expectRead(result, as: CandidateMergeResult.Answer(result))
                #expect(CandidateMergeResult.Answer(result).otherID == id(2))
                // The answer writes the bytes of what it was read from.
                #expect(CandidateMergeResult.Answer(result).jsonBytes == result.jsonBytes)
            }
        },
        sample("ConflictDeclaration",
               ConflictDeclaration(id: id(100), candidateID: id(1), userID: id(30), applicationID: id(10),
                                   relationship: .teacher, reason: "Thầy hướng dẫn luận văn", declaredBy: "cli:Trần Quốc Bảo",
                                   declaredAt: t(2)),
               ConflictDeclaration(id: id(101), candidateID: id(1), userID: id(31), applicationID: nil,
                                   relationship: .relative, reason: "Họ hàng", declaredBy: "api:hr", declaredAt: t0)),
        lossy("EvaluatorAssignment",
              EvaluatorAssignment(member: member, candidateName: "Nguyễn Thị Minh Thư", positionTitle: "Chuyên viên pháp chế",
                                  agencyCode: "STP", stage: .evaluation),
              reads: EvaluatorAssignment(
                  member: PanelMember(applicationID: id(10), evaluatorID: id(30), evaluatorName: "Trần Quốc Bảo",
                                      status: .recused, assignedBy: "", assignedAt: t(1), recusedAt: nil,
                                      recusalReason: nil),
                  candidateName: "Nguyễn Thị Minh Thư", positionTitle: "Chuyên viên pháp chế", agencyCode: "STP",
                  stage: .evaluation)),
        sample("RejectedRow", RejectedRow(line: 7, reason: "date_of_birth: không phải ngày hợp lệ",
                                          fields: ["Lê Văn Tám", "31/02/1990", ""])),
        sample("ImportReport",
               ImportReport(header: ["full_name", "date_of_birth"], rows: 3, imported: 2,
                            rejected: [RejectedRow(line: 3, reason: "trùng", fields: ["Lê Văn Tám"])], committed: true),
               ImportReport(header: [], rows: 0, imported: 0, rejected: [], committed: false)),
        Sample(type: "IssuedToken") {
            let issued = IssuedToken(token: "tk_7Hx2.s3cr3t-Đ", record: accessToken)
            let read = try IssuedToken(wireBytes: issued.jsonBytes)
            #expect(read.token == issued.token && read.record == issued.record)
        },
        sample("MonthlyNominations", MonthlyNominations(partnerCode: "HCMULAW", month: "2025-11", nominations: 4)),
        sample("NominationView", nomination, nomination.forPartner,
               NominationView(id: id(61), status: .received, submittedAt: t0, partnerCode: "CTU",
                              candidateName: "Lê Hoàng Yến", candidateDateOfBirth: nil, candidateCitizenID: nil,
                              candidateEmail: nil, positionID: nil,
                              nominator: Nominator(name: "Ngô Bảo Châu", title: nil, email: nil), relationship: "other",
                              justification: "Giải nhất Olympic", consentObtainedAt: t0, consentNoticeVersion: "2025-01",
                              candidateID: id(3), referralID: nil, applicationID: nil, stage: nil)),
        sample("CandidateDocument",
               CandidateDocument(id: id(130), candidateID: id(1), nominationID: nil, kind: .cv, filename: "Lý lịch – Đào.pdf",
                        contentType: .pdf, size: 48_213, sha256: String(repeating: "ab", count: 32), hasText: true,
                        uploadedBy: "cli:Lê Thị Hoa", uploadedAt: t0),
               CandidateDocument(id: id(131), candidateID: id(2), nominationID: id(60), kind: .idCard, filename: "cccd.png",
                        contentType: .png, size: 1, sha256: String(repeating: "0", count: 64), hasText: false,
                        uploadedBy: "partner:HCMULAW", uploadedAt: t(1))),
        sample("Webhook",
               Webhook(id: id(120), partnerCode: "HCMULAW", url: "https://dhluat.example.edu.vn/talent-hook", active: true,
                       createdBy: "cli:Lê Thị Hoa", createdAt: t0, secret: "whsec_Đx9-abc"),
               Webhook(id: id(121), partnerCode: "CTU", url: "http://127.0.0.1:8099/hook", active: false,
                       createdBy: "api:admin", createdAt: t(1))),
        sample("Delivery",
               Delivery(id: id(122), channel: "webhook", event: "nomination.status_changed", partnerCode: "HCMULAW",
                        webhookID: id(120), url: "https://dhluat.example.edu.vn/talent-hook", state: .pending, attempts: 2,
                        nextAttemptAt: t(2), lastStatus: 503, lastError: "HTTP 503", createdAt: t0, deliveredAt: nil),
               Delivery(id: id(123), channel: "webhook", event: "nomination.status_changed", partnerCode: nil,
                        webhookID: nil, url: nil, state: .delivered, attempts: 1, nextAttemptAt: nil, lastStatus: 200,
                        lastError: nil, createdAt: t0, deliveredAt: t(1))),
        sample("Nominator", Nominator(name: "TS. Lý Thị Mai", title: "Phó trưởng khoa", email: "mai@example.vn"),
               Nominator(name: "Ngô Bảo Châu", title: nil, email: nil)),
        sample("PanelMember", member, assignedMember),
        sample("PanelResult.EvaluatorScore", panelResult.evaluators[0], panelResult.evaluators[1]),
        sample("PanelResult", panelResult, emptyPanel),
        sample("PanelResult.CriterionMean", panelResult.criteria[0], panelResult.criteria[1]),
        Sample(type: "PanelChange") {
            let warning = PanelWarning(eligibleEvaluators: 1, required: 3, rubricName: "Phỏng vấn")
            for language in Language.allCases {
                let change = PanelChange(record: assignedMember, warnings: [warning]).in(language)
                let read = try PanelChange<PanelMember>(wireBytes: change.jsonBytes)
                let text = warning.message.text(language)
                #expect(read.record == assignedMember)
                #expect(read.warnings == [PanelWarning(code: "panel-cannot-complete", message: LocalizedText(vi: text, en: text),
                                                       eligibleEvaluators: 1, required: 3)])
            }
            let quiet = try PanelChange<PanelMember>(wireBytes: PanelChange(record: member, warnings: []).jsonBytes)
            #expect(quiet.record == member && quiet.warnings.isEmpty)
        },
        sample("Partner",
               Partner(code: "HCMULAW", name: "Trường Đại học Luật TP. Hồ Chí Minh", kind: .university,
                       contactName: "Phòng Công tác sinh viên", contactEmail: "ctsv@hcmulaw.edu.vn",
                       contactPhone: "+842839400989", version: 2, createdAt: t0, updatedAt: t(1)),
               Partner(code: "CTU", name: "Trường Đại học Cần Thơ", kind: .university, contactName: nil, contactEmail: nil,
                       contactPhone: nil, version: 1, createdAt: t0, updatedAt: t0)),
        sample("PartnerStats", partnerStats,
               PartnerStats(partnerCode: "CTU", partnerName: "Trường Đại học Cần Thơ", agreementID: nil,
                            agreementReference: nil, agreementStatus: nil, startsOn: nil, endsOn: nil, yearlyQuota: nil,
                            nominations: 0, quotaUsed: 0, reachedEvaluation: 0, hired: 0)),
        sample("StageFigures", stages[0], stages[1]),
        sample("PipelineGroup", pipeline.groups![0]),
        sample("PipelineReport", pipeline,
               PipelineReport(agency: nil, positionKind: nil, from: nil, to: nil, groupBy: nil,
                              stages: StageFigures.complete(stages), groups: nil)),
        sample("Position",
               Position(id: id(20), agencyCode: "STP", title: "Chuyên viên pháp chế", kind: .legalAffairsOfficer,
                        openings: 2, targetDate: day("2026-06-30"), status: .open,
                        description: "Thẩm định dự thảo văn bản quy phạm pháp luật", hired: 1, version: 3, createdAt: t0,
                        updatedAt: t(1)),
               Position(id: id(21), agencyCode: "UBND-TX", title: "Cán bộ tư pháp – hộ tịch", kind: .draftingAdvisor,
                        openings: 1, targetDate: nil, status: .onHold, description: nil, hired: 0, version: 1,
                        createdAt: t0, updatedAt: t0)),
        sample("RankedApplication",
               RankedApplication(rank: 1, applicationID: id(10), candidateID: id(1), candidateName: "Nguyễn Thị Minh Thư",
                                 stage: .evaluation, panelScore: 3.833333333, complete: true, passed: true, submitted: 3,
                                 required: 3, disagreement: false),
               RankedApplication(rank: nil, applicationID: id(11), candidateID: id(2), candidateName: "Đặng Văn Đức",
                                 stage: .screening, panelScore: nil, complete: false, passed: nil, submitted: 0,
                                 required: nil, disagreement: false)),
        sample("Referral", referral, bareReferral),
        sample("ReferrerStats", referrerStats,
               ReferrerStats(referrerKind: "self", referrer: "self", referrerName: nil, referrals: 2, credited: 0,
                             reachedEvaluation: 0, hired: 0, rejected: 1, medianPanelScore: nil)),
        sample("ReorganizationChange", change, renamed),
        sample("ReorganizationResult",
               ReorganizationResult(id: "nq-1687", name: "Nghị quyết 1687/NQ-UBTVQH15", dryRun: true, changes: [change, renamed]),
               ReorganizationResult(id: "rong", name: "Không có gì", dryRun: false, changes: [])),
        sample("Rubric", rubric,
               Rubric(id: id(41), version: 1, status: .draft,
                      definition: RubricDefinition(name: "Sơ tuyển", scaleMin: 0, scaleMax: 10, passThreshold: 5,
                                                   minEvaluators: 1, aggregation: .mean,
                                                   criteria: [Criterion(key: "ho_so", label: "Hồ sơ", weight: 1)]),
                      createdBy: "api:admin", createdAt: t0, publishedAt: nil, retiredAt: nil)),
        sample("Criterion", rubric.definition.criteria[0], rubric.definition.criteria[1]),
        sample("SubmittedNomination", submittedNomination),
        sample("PersonalDataExport",
               PersonalDataExport(
                   generatedAt: t(5),
                   file: CandidateFile(candidate: candidate, sections: Set(CandidateFileSection.allCases),
                                       applications: [FileApplication(application: application, history: history)],
                                       referrals: [referral], nominations: [nomination]),
                   submittedNominations: [submittedNomination],
                   evaluations: [ScoreSheet(id: id(112), applicationID: id(10), evaluatorID: id(31),
                                            evaluatorName: "Phạm Thu Hà", rubricID: id(40), revision: 1,
                                            scores: ["lap_luan": 4], comment: nil, reason: nil,
                                            recordedBy: "api:evaluator", submittedAt: t(3), supersededAt: nil)],
                   consents: [consent],
                   audit: [AuditEntry(id: 7, at: t0, actor: "cli:Lê Thị Hoa", role: .hr, channel: .cli,
                                      action: "candidate.add", entityType: "candidate", entityID: id(1).text,
                                      changes: .object(["full_name": .string("Nguyễn Thị Minh Thư")]))]),
               PersonalDataExport(generatedAt: t(5), file: CandidateFile(candidate: bareCandidate,
                                                                         sections: Set(CandidateFileSection.allCases)),
                                  submittedNominations: [], evaluations: [], consents: [], audit: [])),
        sample("TransferTerms",
               TransferTerms(purpose: "Đề cử sinh viên", dataTypes: [.identity, .contact, .freeText], retentionDays: 365,
                             disposal: .return, requestsContact: "Phòng Công tác sinh viên, ctsv@example.edu.vn")),
        sample("TransferDisposal", TransferDisposal.delete, TransferDisposal.return),
        sample("WithdrawnConsent", WithdrawnConsent(consent: consent, erasureRequestID: id(130), erasureRequestOpened: true),
               WithdrawnConsent(consent: consent)),
        sample("Consent", consent,
               Consent(id: id(121), candidateID: id(1), purpose: .talentPool, noticeVersion: "2026-01", channel: .paper,
                       obtainedAt: t0, expiresOn: day("2099-12-31"), evidence: nil, nominationID: nil,
                       recordedBy: "cli:Lê Thị Hoa", recordedAt: t(1), supersededAt: t(2), withdrawnAt: nil,
                       withdrawalReason: nil, withdrawnBy: nil)),
        sample("ScoreSheet",
               ScoreSheet(id: id(110), applicationID: id(10), evaluatorID: id(31), evaluatorName: "Phạm Thu Hà",
                          rubricID: id(40), revision: 2, scores: ["lap_luan": 4, "trinh_bay": 5],
                          comment: "Lập luận chặt chẽ", reason: "Sửa điểm nhập nhầm", recordedBy: "cli:Phạm Thu Hà",
                          submittedAt: t(3), supersededAt: t(4)),
               ScoreSheet(id: id(111), applicationID: id(10), evaluatorID: id(32), evaluatorName: "Võ Minh Khôi",
                          rubricID: id(40), revision: 1, scores: [:], comment: nil, reason: nil,
                          recordedBy: "api:evaluator", submittedAt: t(3), supersededAt: nil)),
        sample("StageChange", history[0], history[1]),
        sample("Target", target,
               Target(id: id(71), agencyCode: "UBND-TX", positionKind: .coreDraftingOfficer, count: 1,
                      deadline: day("2030-12-31"), startsOn: day("2024-12-19"), note: nil, createdBy: "api:admin",
                      createdAt: t0)),
        lossy("TargetProgress", progress, reads: progressRead),
        sample("StaffUser", staffUser,
               StaffUser(id: id(34), name: "Quản trị", role: .admin, agencyCode: nil, email: nil, createdAt: t0)),
        lossy("Session",
              Session(id: id(120), userID: id(30), kind: .browser, formKey: "fk_bí-mật", createdAt: t0, lastSeenAt: t(1),
                      expiresAt: t(2), absoluteExpiresAt: t(12), revokedAt: t(3)),
              reads: Session(id: id(120), userID: id(30), kind: .browser, formKey: "", createdAt: t0, lastSeenAt: epoch,
                             expiresAt: t(2), absoluteExpiresAt: t(12), revokedAt: t(3))),
        lossy("SignedIn", SignedIn(token: "tss_Đăng-nhập-1234567890", session: session, user: staffUser),
              reads: SignedIn(token: "tss_Đăng-nhập-1234567890",
                              session: Session(id: id(121), userID: id(30), kind: .api, formKey: "", createdAt: epoch,
                                               lastSeenAt: epoch, expiresAt: t(2), absoluteExpiresAt: t(12),
                                               revokedAt: nil),
                              user: staffUser)),
        Sample(type: "Me") {
            let staff = Me(user: staffUser, principal: Principal(user: staffUser, channel: .api), session: session)
            try expectRead(staff, as: Me.Answer(name: "Trần Quốc Bảo", role: .evaluator, scope: .agency,
                                                agencyCode: "STP", partnerCode: nil, user: staffUser,
                                                sessionExpiresAt: t(2)))
            let partner = Me(user: nil, principal: Principal(name: "Trường Đại học Luật", role: .partner, channel: .api,
                                                             partnerCode: "HCMULAW"), session: nil)
            try expectRead(partner, as: Me.Answer(partner))
            #expect(Me.Answer(partner).sessionExpiresAt == nil && Me.Answer(partner).user == nil)
        },
        // The answer writes the bytes of what it was read from.
        Sample(type: "Me.Answer") {
            let me = Me(user: staffUser, principal: Principal(user: staffUser, channel: .api), session: session)
            #expect(Me.Answer(me).jsonBytes == me.jsonBytes)
            try expectRead(Me.Answer(me), as: Me.Answer(me))
        },
        sample("AccessToken", accessToken, partnerToken),
        sample("PrivacyRequest", privacyRequest, extendedRequest),
        sample("Erasure",
               Erasure(candidateID: id(1), erasedAt: t0, basis: .request, requestID: id(2), withdrawnApplications: [id(3)],
                       redactedEntries: 7),
               Erasure(candidateID: id(1), erasedAt: t0, basis: .retention, requestID: nil, withdrawnApplications: [],
                       redactedEntries: 0)),
        sample("RetentionDue", RetentionDue(candidateID: id(4), lastClosedAt: t0, dueOn: CalendarDate(year: 2026, month: 12, day: 1)!)),
        sample("RetentionRun",
               RetentionRun(ranAt: t0, days: 30, dryRun: true,
                            due: [RetentionDue(candidateID: id(4), lastClosedAt: t0, dueOn: CalendarDate(year: 2026, month: 12, day: 1)!)]),
               RetentionRun(ranAt: t0, days: 45, dryRun: false, due: [])),
        // Overdue is read from the due date: it reads back as the stored status the record's times tell.
        Sample(type: "PrivacyRequest (overdue)") {
            for stored in [PrivacyRequestStatus.open, .acknowledged] {
                var old = privacyRequest
                old.storedStatus = stored
                old.dueOn = day("2025-01-10")
                old.acknowledgedAt = stored == .acknowledged ? t(1) : nil
                try expectRead(old, as: old)
            }
            var old = extendedRequest
            old.dueOn = day("2025-01-20")
            try expectRead(old, as: old)
        },
        sample("Breach", breach, notifiedBreach),
        sample("DataInventoryItem", DataInventoryItem(table: "candidates", column: "citizen_id", category: "identity",
                                                      purpose: "recruitment", retention: "candidate")),
        codes(PrivacyRequestKind.self), codes(PrivacyRequestStatus.self), codes(BreachStatus.self),
        codes(ErasureBasis.self),
        Sample(type: "Page") {
            let page = Page(items: [candidate, bareCandidate], nextCursor: "eyJrIjoiTmd1eeG7hW4ifQ")
            let read = try Page<Candidate>(wireBytes: page.jsonBytes)
            #expect(read.items == page.items && read.nextCursor == page.nextCursor)
            let last = try Page<Position>(wireBytes: Page<Position>(items: [], nextCursor: nil).jsonBytes)
            #expect(last.items.isEmpty && last.nextCursor == nil)
        },
        codes(AgencyKind.self), codes(AgencyStatus.self), codes(AgreementStatus.self), codes(AgreementAction.self),
        codes(Gender.self), codes(Degree.self), codes(Classification.self), codes(Sector.self),
        codes(NominationStatus.self), codes(NominationTriage.self), codes(DeliveryState.self), codes(DocumentKind.self),
        codes(DocumentType.self), codes(PanelMemberStatus.self), codes(PartnerKind.self),
        codes(PipelineGrouping.self), codes(PipelineStage.self), codes(PositionKind.self), codes(PositionStatus.self),
        codes(Role.self), codes(Channel.self), codes(ReferrerKind.self), codes(Relationship.self),
        codes(ConsentPurpose.self), codes(ConsentChannel.self), codes(ConsentStatus.self),
        codes(RubricStatus.self), codes(Aggregation.self), codes(TargetStatus.self), codes(TargetRisk.self),
        codes(ContactKind.self), codes(MergeOutcome.self), codes(ReorganizationChange.Action.self),
        codes(ReorganizationChange.Outcome.self), codes(Session.Kind.self), codes(Scope.self),
        codes(AuditBreakReason.self),
        sample("Official",
               Official(id: id(130), fullName: "Trần Thị Bích Ngọc", agencyCode: "STP", kind: .coreDraftingOfficer,
                        coreForce: true, candidateID: id(1), decisionID: id(131), since: day("2026-01-15"), until: nil,
                        leaveReason: nil, version: 1, createdBy: "Lê Thị Hoa", createdAt: t0, updatedAt: t0),
               Official(id: id(132), fullName: "Đặng Văn Đức", agencyCode: "SXD", kind: .draftingStaff, coreForce: false,
                        candidateID: nil, decisionID: nil, since: day("2019-03-01"), until: day("2026-06-30"),
                        leaveReason: "Nghỉ hưu — “đúng tuổi”", version: 2, createdBy: "Kiểm thử", createdAt: t0,
                        updatedAt: t(3))),
        sample("HiringDecision",
               HiringDecision(id: id(131), applicationID: id(10), number: "15/QĐ-STP", signedOn: day("2026-11-20"),
                              signer: "Nguyễn Văn Hùng", effectiveOn: day("2026-12-01"), method: .thuHut,
                              recordedBy: "Lê Thị Hoa", recordedAt: t0, officialID: id(130)),
               HiringDecision(id: id(133), applicationID: id(11), number: "7/QĐ-UBND", signedOn: day("2025-01-02"),
                              signer: "Phạm Văn Minh", effectiveOn: day("2025-01-02"), method: nil, recordedBy: "x",
                              recordedAt: t(1), officialID: nil)),
        sample("Training",
               Training(id: id(140), title: "Kỹ năng soạn thảo văn bản quy phạm pháp luật", startsOn: day("2026-10-01"),
                        endsOn: day("2026-10-03"), organizerCode: "STP", partnerCode: "HCMULAW", agreementID: id(141),
                        hours: 24.5, attendees: 3, completed: 2, createdBy: "Lê Thị Hoa", createdAt: t0),
               Training(id: id(142), title: "Tập huấn", startsOn: day("2026-10-01"), endsOn: day("2026-10-01"),
                        organizerCode: "SNV", partnerCode: nil, agreementID: nil, hours: nil, attendees: 0, completed: 0,
                        createdBy: "x", createdAt: t0)),
        sample("TrainingAttendance",
               TrainingAttendance(trainingID: id(140), officialID: id(130), officialName: "Trần Thị Bích Ngọc",
                                  agencyCode: "STP", result: .completed, recordedBy: "Lê Thị Hoa", recordedAt: t(2))),
        sample("TrainingGoal", TrainingGoal.by2027, TrainingGoal.by2030),
        sample("UntrainedOfficial", UntrainedOfficial(id: id(132), fullName: "Đặng Văn Đức", kind: .draftingAdvisor,
                                                      since: day("2019-03-01"))),
        sample("TrainingCoverage",
               TrainingCoverage(agencyCode: "STP", agencyName: "Sở Tư pháp", officials: 3, trained: 2, meetsGoal: false,
                                untrained: [UntrainedOfficial(id: id(132), fullName: "Đặng Văn Đức", kind: .draftingStaff,
                                                              since: day("2019-03-01"))]),
               TrainingCoverage(agencyCode: "SXD", agencyName: "Sở Xây dựng", officials: 0, trained: 0, meetsGoal: false,
                                untrained: [])),
        sample("TrainingReport",
               TrainingReport(from: day("2024-12-19"), to: day("2026-12-03"), agency: nil, goal: .by2027, officials: 3,
                              trained: 2, meetsGoal: false,
                              agencies: [TrainingCoverage(agencyCode: "STP", agencyName: "Sở Tư pháp", officials: 3,
                                                          trained: 2, meetsGoal: false, untrained: [])],
                              trainings: 4),
               TrainingReport(from: day("2031-01-01"), to: day("2031-12-31"), agency: "STP", goal: .by2030, officials: 0,
                              trained: 0, meetsGoal: false, agencies: [], trainings: 0)),
        sample("Commendation",
               Commendation(id: id(150), subject: .official, officialID: id(130), referralID: nil,
                            subjectName: "Trần Thị Bích Ngọc", agencyCode: "STP", reason: "Hoàn thành xuất sắc — “2026”",
                            status: .decided, decisionNumber: "99/QĐ-UBND", decidedOn: day("2026-12-01"),
                            proposedBy: "Lê Thị Hoa", proposedAt: t0, decidedBy: "Quản Trị", version: 2),
               Commendation(id: id(151), subject: .referral, officialID: nil, referralID: id(152),
                            subjectName: "TS. Trần Văn An", agencyCode: nil, reason: "Giới thiệu người tài",
                            status: .proposed, decisionNumber: nil, decidedOn: nil, proposedBy: "x", proposedAt: t(1),
                            decidedBy: nil, version: 1)),
        sample("AgencySubmission",
               AgencySubmission(id: id(160), agencyCode: "SNV", agencyName: "Sở Nội vụ", year: 2026,
                                figures: .object(["hired": .number(1), "targets": .array([])]),
                                results: "Đã cử 03 công chức — “tập huấn”", difficulties: "Thiếu biên chế", proposals: nil,
                                submittedBy: "Lê Thị Hoa", submittedAt: t0)),
        sample("SubmissionOverview.Missing", SubmissionOverview.Missing(agencyCode: "STP", agencyName: "Sở Tư pháp")),
        sample("SubmissionOverview",
               SubmissionOverview(year: 2026, submitted: [AgencySubmission(
                   id: id(161), agencyCode: "STP", agencyName: "Sở Tư pháp", year: 2026, figures: .object([:]),
                   results: "x", difficulties: nil, proposals: "y", submittedBy: "z", submittedAt: t(1))],
                   missing: [SubmissionOverview.Missing(agencyCode: "SXD", agencyName: "Sở Xây dựng")]),
               SubmissionOverview(year: 2025, submitted: [], missing: [])),
        sample("IssuedReport",
               IssuedReport(id: id(170), kind: .midterm, year: 2027, periodFrom: day("2024-12-19"),
                            periodTo: day("2027-12-31"), number: "5/BC-STP", signer: "Nguyễn Văn Hùng",
                            signedOn: day("2026-12-03"), markdownSHA256: String(repeating: "a", count: 64),
                            htmlSHA256: String(repeating: "b", count: 64), pdfSHA256: String(repeating: "c", count: 64),
                            pdfBytes: 100_320, issuedBy: "Quản Trị", issuedAt: t0)),
        codes(ReviewKind.self),
        codes(OfficialKind.self), codes(HiringMethod.self), codes(TrainingResult.self), codes(CommendationSubject.self),
        codes(CommendationStatus.self),
        sample("BaseBackup",
               BaseBackup(id: "20251201T021705Z", label: "trước đợt tuyển “B”", startedAt: t0, finishedAt: t(1),
                          sizeBytes: 5_368_709_120, timeline: 2, startLSN: "0/2000028", endLSN: "1/A0000100",
                          startWAL: "000000020000000000000002", endWAL: "0000000200000001000000A0")),
        sample("RestoredBackup",
               RestoredBackup(target: "/srv/khôi phục", backupID: "20251201T021705Z",
                              recoveryTargetTime: "2025-12-01 03:00:00.250000+00",
                              restoreCommand: "cp \"/srv/backup/wal/%f\" \"%p\"", serverAddress: "127.0.0.1:55462",
                              startCommand: "pg_ctl -D '/srv/khôi phục' start"),
               RestoredBackup(target: "/srv/r", backupID: "x", recoveryTargetTime: nil, restoreCommand: "cp",
                              serverAddress: nil, startCommand: "pg_ctl")),
    ]

    @Test("every answer reads back as the value it was written from", arguments: samples)
    func roundTrip(_ sample: Sample) throws {
        try sample.check()
    }

    // MARK: Drafts

    static let candidateDraft = CandidateDraft(
        fullName: "Nguyễn Thị Minh Thư", dateOfBirth: "29/02/1996", gender: "female", citizenID: "082301000123",
        email: "Thu.NTM@Example.vn", phone: "0912 345 678", province: "Tiền Giang",
        education: [EducationDraft(degree: "master", field: "Luật hành chính", institution: "Đại học Luật",
                                   graduationYear: 2021, classification: "very_good"),
                    EducationDraft(degree: "bachelor")],
        sector: "non_state", currentEmployer: "Công ty Luật Đông Á", currentTitle: "Luật sư tập sự",
        legalExperienceYears: 4, skills: ["soạn thảo", "tố tụng"], languages: ["tiếng Anh"], notes: "Ghi chú\ndòng 2")
    static let positionDraft = PositionDraft(agencyCode: "STP", title: "Chuyên viên pháp chế", kind: "legal_affairs_officer",
                                             openings: 2, targetDate: "2026-06-30", status: "open",
                                             description: "Thẩm định văn bản")
    static let agreementDraft = AgreementDraft(reference: "12/2025/TT-HT", title: "Thoả thuận đào tạo",
                                               signedOn: "2024-12-20", startsOn: "2025-01-01", endsOn: "2027-12-31",
                                               fields: ["luật hành chính"], yearlyQuota: 20, training: "40 giờ/năm",
                                               notes: "Gia hạn",
                                               transfer: TransferTermsDraft(purpose: "Đề cử", dataTypes: ["identity"],
                                                                            retentionDays: 365, disposal: "delete",
                                                                            requestsContact: "Phòng Đào tạo"))

    /// What the API's body reader makes of a body: the draft, and the names the body gives (a patch's fields).
    static func readBody<T>(_ bytes: [UInt8], _ read: (inout JSONFields) -> T) throws -> (T, Set<String>) {
        var body = JSONFields(value: try JSONValue(parsing: bytes))
        let draft = read(&body)
        try body.finish()
        return (draft, Set(body.keys))
    }

    @Test("a draft's body reads back, through the API's own body reader, as the draft; nothing given, nothing sent")
    func draftsRoundTrip() throws {
        for draft in [Self.candidateDraft, CandidateDraft(fullName: "Đặng Văn Đức"), CandidateDraft()] {
            let (read, names) = try Self.readBody(draft.jsonBytes) { CandidateDraft(reading: &$0) }
            #expect(read == draft)
            #expect(names.count == [15, 1, 0][[Self.candidateDraft, CandidateDraft(fullName: "Đặng Văn Đức")].firstIndex(of: draft) ?? 2])
        }
        for draft in [Self.positionDraft, PositionDraft(title: "Chuyên viên")] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { PositionDraft(reading: &$0) }
            #expect(read == draft)
        }
        for draft in [Self.agreementDraft, AgreementDraft(reference: "01/2026")] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { AgreementDraft(reading: &$0) }
            #expect(read == draft)
        }
        for draft in [PartnerDraft(code: "DHL", name: "Trường Đại học Luật", kind: "university", contactName: "Lê Thị Hoà",
                                   contactEmail: "hoa@dhl.edu.vn", contactPhone: "+84901234567"),
                      PartnerDraft(code: "HVTP", name: nil)] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { PartnerDraft(reading: &$0) }
            #expect(read == draft)
        }
        for transition in [try AgreementTransition(.suspend, reason: "Tạm dừng để rà soát"),
                           try AgreementTransition(.activate)] {
            var body = JSONFields(value: try JSONValue(parsing: transition.jsonBytes))
            #expect(try AgreementTransition(reading: &body) == transition)
        }
        for consent in [try NewConsent(purpose: "talent_pool", noticeVersion: "2026-01", channel: "paper",
                                       obtainedAt: "2026-11-02T09:00:00Z", expiresOn: "2028-12-31",
                                       evidence: "Phiếu số 12/2026", now: Date(timeIntervalSince1970: 1_796_000_000)),
                        try NewConsent(purpose: "recruitment", noticeVersion: "2026-01", channel: "email")] {
            var body = JSONFields(value: try JSONValue(parsing: consent.jsonBytes))
            #expect(try NewConsent(reading: &body) == consent)
        }
        // The plan beyond recruitment's bodies.
        for draft in [OfficialDraft(fullName: "Trần Thị Bích", agencyCode: "STP", kind: "core_drafting_officer",
                                    coreForce: true, candidateID: Self.id(1).text, since: "2026-01-15"), OfficialDraft()] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { OfficialDraft(reading: &$0) }
            #expect(read == draft)
        }
        for draft in [OfficialLeaveDraft(on: "2026-06-30", reason: "Nghỉ hưu"), OfficialLeaveDraft()] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { OfficialLeaveDraft(reading: &$0) }
            #expect(read == draft)
        }
        for draft in [HiringDecisionDraft(applicationID: Self.id(10).text, number: "15/QĐ-STP", signedOn: "2026-11-20",
                                          signer: "Nguyễn Văn Hùng", effectiveOn: "2026-12-01", method: "thi_tuyen"),
                      HiringDecisionDraft()] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { HiringDecisionDraft(reading: &$0) }
            #expect(read == draft)
        }
        for draft in [TrainingDraft(title: "Tập huấn", startsOn: "2026-10-01", endsOn: "2026-10-03", organizerCode: "STP",
                                    partnerCode: "HCMULAW", agreementID: Self.id(141).text, hours: 24.5), TrainingDraft()] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { TrainingDraft(reading: &$0) }
            #expect(read == draft)
        }
        for draft in [AttendanceDraft(officialID: Self.id(130).text, result: "absent"), AttendanceDraft()] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { AttendanceDraft(reading: &$0) }
            #expect(read == draft)
        }
        for draft in [CommendationDraft(officialID: Self.id(130).text, reason: "Xuất sắc"),
                      CommendationDraft(referralID: Self.id(152).text, reason: "Giới thiệu")] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { CommendationDraft(reading: &$0) }
            #expect(read == draft)
        }
        for draft in [CommendationDecisionDraft(number: "99/QĐ-UBND", on: "2026-12-01"), CommendationDecisionDraft()] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { CommendationDecisionDraft(reading: &$0) }
            #expect(read == draft)
        }

        for draft in [SubmissionDraft(year: 2026, agencyCode: "SNV", results: "Kết quả", difficulties: "Khó khăn",
                                      proposals: "Kiến nghị"), SubmissionDraft()] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { SubmissionDraft(reading: &$0) }
            #expect(read == draft)
        }
        for draft in [IssueDraft(year: 2027, kind: "midterm", number: "5", signer: "Nguyễn Văn Hùng", signedOn: "2026-12-03",
                                 assessment: "a", shortcomings: "b", tasks: "c", proposals: "d"), IssueDraft()] {
            let (read, _) = try Self.readBody(draft.jsonBytes) { IssueDraft(reading: &$0) }
            #expect(read == draft)
        }

        // The sign-in body, through its reader.
        let signIn = try SignInRequest(email: "bao.tq@stp.tiengiang.gov.vn", password: "Mật khẩu \"dài\" 2025!",
                                       address: "203.0.113.7")
        var signInBody = JSONFields(value: try JSONValue(parsing: signIn.jsonBytes))
        #expect(try SignInRequest(reading: &signInBody, address: "203.0.113.7") == signIn)

        // A nomination's candidate is a candidate body.
        var nomination = JSONWriter()
        nomination.object { w in w.field("candidate", Self.candidateDraft) }
        var body = JSONFields(value: try JSONValue(parsing: nomination.bytes))
        let candidate = body.object("candidate") { CandidateDraft(reading: &$0) }
        try body.finish()
        #expect(candidate == Self.candidateDraft)
    }

    @Test("a patch body names exactly the fields it changes, a cleared one as null")
    func patchBodies() throws {
        var change = Self.candidateDraft
        change.phone = nil
        let (candidate, named) = try Self.readBody(change.patchBody([.fullName, .phone, .skills])) {
            CandidateDraft(reading: &$0)
        }
        #expect(named == ["full_name", "phone", "skills"])
        #expect(candidate == CandidateDraft(fullName: change.fullName, skills: change.skills))
        #expect(String(decoding: change.patchBody([.phone]), as: UTF8.self) == #"{"phone":null}"#)

        let (position, positionNames) = try Self.readBody(PositionDraft(description: nil).patchBody([.description, .openings])) {
            PositionDraft(reading: &$0)
        }
        #expect(positionNames == ["description", "openings"] && position == PositionDraft())

        let (agreement, agreementNames) = try Self.readBody(Self.agreementDraft.patchBody(["notes", "fields"])) {
            AgreementDraft(reading: &$0)
        }
        #expect(agreementNames == ["notes", "fields"])
        #expect(agreement == AgreementDraft(fields: Self.agreementDraft.fields, notes: Self.agreementDraft.notes))
        let (_, every) = try Self.readBody(Self.agreementDraft.jsonBytes) { AgreementDraft(reading: &$0) }
        #expect(Set(AgreementDraft.fieldNames) == every)
    }

    // MARK: What cannot be read

    static func failure<T: WireReadable>(_ type: T.Type, _ json: String) -> ServiceError? {
        do {
            _ = try T(wireBytes: Array(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    static var positionJSON: [String: JSONValue] {
        guard case .object(let fields) = Position(
            id: id(20), agencyCode: "STP", title: "Chuyên viên", kind: .legalAffairsOfficer, openings: 1, targetDate: nil,
            status: .open, description: nil, hired: 0, version: 1, createdAt: t0, updatedAt: t0).jsonValue
        else { return [:] }
        return fields
    }

    static func edited(_ edit: (inout [String: JSONValue]) -> Void) -> String {
        var fields = positionJSON
        edit(&fields)
        return JSONValue.object(fields).jsonString()
    }

    @Test("a missing, null or mistyped field, a bad time, date, id or code is an error naming the field", arguments: [
        (edited { $0["title"] = nil }, "title", "is missing"),
        (edited { $0["title"] = .null }, "title", "must not be null"),
        (edited { $0["openings"] = .string("2") }, "openings", "must be integer, not string"),
        (edited { $0["openings"] = .number(1.5) }, "openings", "must be integer, not number"),
        (edited { $0["kind"] = .string("judge") }, "kind", "is judge, not one of: legal_affairs_officer"),
        (edited { $0["id"] = .string("42") }, "id", "is not an id (UUID): 42"),
        (edited { $0["target_date"] = .string("30/06/2026") }, "target_date", "is not a YYYY-MM-DD date"),
        (edited { $0["target_date"] = .string("2026-02-29") }, "target_date", "is not a YYYY-MM-DD date"),
        (edited { $0["created_at"] = .string("2025-12-01T02:17:05.5Z") }, "created_at", "is not an ISO 8601 time"),
        (edited { $0["created_at"] = .string("2025-12-01T09:17:05+07:00") }, "created_at", "is not an ISO 8601 time"),
        (edited { $0["created_at"] = .string("2025-12-01T24:00:00Z") }, "created_at", "is not an ISO 8601 time"),
        (edited { $0["created_at"] = .number(1_764_555_425) }, "created_at", "must be string, not number"),
        ("[]", "body", "must be object, not array"),
        ("{\"title\": ", "body", "is not JSON"),
    ])
    func unreadable(json: String, field: String, message: String) throws {
        let error = try #require(Self.failure(Position.self, json))
        #expect(error.kind == .internalFailure)
        #expect(error.fieldErrors.map(\.field) == [field])
        #expect(error.message.en.hasPrefix("The server's answer cannot be read: \(field) \(message)"), "\(error.message.en)")
        #expect(error.message.vi.hasPrefix("Không đọc được câu trả lời của máy chủ: \(field) "))
    }

    @Test("an error inside a list or a nested object names the path to it")
    func nestedPaths() throws {
        var page = Page(items: [Self.candidate, Self.bareCandidate], nextCursor: nil).jsonString()
        page = page.replacingOccurrences(of: #""full_name":"Đặng Văn Đức""#, with: #""full_name":7"#)
        #expect(Self.failure(Page<Candidate>.self, page)?.fieldErrors.map(\.field) == ["items[1].full_name"])

        let file = CandidateFile(candidate: Self.candidate, sections: [.applications],
                                 applications: [FileApplication(application: Self.application, history: Self.history)])
        let bad = file.jsonString().replacingOccurrences(of: #""to":"evaluation""#, with: #""to":"somewhere""#)
        #expect(Self.failure(CandidateFile.self, bad)?.fieldErrors.map(\.field) == ["applications[0].history[1].to"])

        let nomination = Self.nomination.jsonString().replacingOccurrences(of: #""notice_version":"2025-01""#, with: "\"x\":1")
        #expect(Self.failure(NominationView.self, nomination)?.fieldErrors.map(\.field) == ["consent.notice_version"])

        let scores = ScoreSheet(id: Self.id(1), applicationID: Self.id(2), evaluatorID: Self.id(3), evaluatorName: "Hà",
                                rubricID: Self.id(4), revision: 1, scores: ["lap_luan": 4], comment: nil, reason: nil,
                                recordedBy: "cli", submittedAt: Self.t0, supersededAt: nil)
            .jsonString().replacingOccurrences(of: #""lap_luan":4"#, with: #""lap_luan":"4""#)
        #expect(Self.failure(ScoreSheet.self, scores)?.fieldErrors.map(\.field) == ["scores.lap_luan"])
    }

    @Test("fields the reader does not know are ignored: a newer server may add some (a user's scope, disabled_at)")
    func newerServer() throws {
        guard case .object(var fields) = Self.accessToken.jsonValue else { Issue.record("not an object"); return }
        fields["scope"] = .array([.string("candidates:read")])
        fields["disabled_at"] = .string("2026-01-01T00:00:00Z")
        #expect(try AccessToken(wire: .object(fields)) == Self.accessToken)
        // A rubric's definition is checked as a rubric file is; a field of the answer beside it is still ignored.
        guard case .object(var rubric) = Self.rubric.jsonValue else { Issue.record("not an object"); return }
        rubric["name_en"] = .string("Interview")
        #expect(try Rubric(wire: .object(rubric)) == Self.rubric)
    }

    @Test("times read back exactly as the writer writes them, to the second, before 1970 and on leap days", arguments: [
        -2_208_988_800, -1, 0, 951_782_400, 1_709_164_799, 1_764_555_425, 253_402_300_799,
    ])
    func times(seconds: Int) throws {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        #expect(WireReader.time(JSONWriter.iso8601(date)) == date)
        // A fraction of a second is not written, so it does not come back.
        #expect(WireReader.time(JSONWriter.iso8601(date.addingTimeInterval(0.75))) == date)
    }

    @Test("a number the writer wrote as null (NaN, infinity) reads as NaN where a number is always written")
    func nonFinite() throws {
        let score = PanelResult.EvaluatorScore(evaluatorID: Self.id(1), evaluatorName: "Hà", weightedScore: .infinity,
                                               trimmed: false)
        #expect(try PanelResult.EvaluatorScore(wireBytes: score.jsonBytes).weightedScore.isNaN)
        #expect(Self.failure(PanelResult.EvaluatorScore.self, #"{"evaluator_id":"\#(Self.id(1).text)","evaluator_name":"Hà","trimmed":false}"#)?
            .fieldErrors.map(\.field) == ["weighted_score"])
    }

    // MARK: Error answers

    /// A problem document as `Problem` (TalentAPI) writes a service error in `language`.
    static func problem(_ error: ServiceError, status: Int, _ language: Language) -> [UInt8] {
        var document = error.extensions
        document["type"] = .string("https://talent.example.vn/problems/\(error.slug)")
        document["title"] = .string("Title")
        document["status"] = .number(Double(status))
        document["detail"] = .string(error.message.text(language))
        document["instance"] = .string("/v1/candidates")
        if !error.fieldErrors.isEmpty {
            document["errors"] = .array(error.fieldErrors.map {
                .object(["field": .string($0.field), "message": .string($0.message.text(language))])
            })
        }
        return JSONValue.object(document).jsonBytes
    }

    @Test("a problem document reads back as the service error: kind, slug, message, field errors, extensions")
    func problems() throws {
        let invalid = ServiceError.invalid([FieldError("full_name", vi: "bắt buộc", en: "is required"),
                                            FieldError("education[0].degree", vi: "không hợp lệ", en: "is not valid")])
        for language in Language.allCases {
            let read = ServiceError(problem: Self.problem(invalid, status: 422, language), status: 422)
            #expect(read.kind == .invalid && read.slug == "validation")
            #expect(read.fieldErrors.map(\.field) == ["full_name", "education[0].degree"])
            #expect(read.fieldErrors.map { $0.message.text(language) } == invalid.fieldErrors.map { $0.message.text(language) })
            // The usual message, as the CLI recognizes it to print each field under its label.
            #expect(read.message == ServiceError.invalid(read.fieldErrors).message)
            #expect(read.message.text(language) == invalid.message.text(language))
        }
        let duplicate = ServiceError(.conflict, slug: "duplicate-candidate",
                                     LocalizedText(vi: "Đã có hồ sơ Nguyễn Thị Minh Thư", en: "A profile exists"),
                                     extensions: ["existing_id": .string(Self.id(1).text)])
        let read = ServiceError(problem: Self.problem(duplicate, status: 409, .vi), status: 409)
        #expect(read.kind == .conflict && read.slug == "duplicate-candidate" && read.fieldErrors.isEmpty)
        #expect(read.message.vi == "Đã có hồ sơ Nguyễn Thị Minh Thư" && read.extensions == duplicate.extensions)

        let proxy = ServiceError(problem: Array("<html>Bad Gateway</html>".utf8), status: 502)
        #expect(proxy.kind == .unavailable && proxy.message.en == "HTTP 502" && proxy.slug == "unavailable")
        for (status, kind) in [(400, ServiceError.Kind.invalid), (401, .unauthenticated), (403, .forbidden),
                               (404, .notFound), (409, .conflict), (412, .preconditionFailed),
                               (428, .preconditionFailed), (429, .unavailable), (500, .internalFailure),
                               (503, .unavailable)] {
            #expect(ServiceError.kind(status: status) == kind, "\(status)")
        }
    }

    // MARK: The golden files

    /// Each golden file of the CLI's `--format json` (Tests/TalentIntegrationTests/Golden) and the reader of what it
    /// prints: a list is an array of the records.
    static let goldenReaders: [String: @Sendable (JSONValue) throws -> JSONValue] = {
        func one<T: WireReadable & JSONWritable>(_: T.Type) -> @Sendable (JSONValue) throws -> JSONValue {
            { try T(wire: $0).jsonValue }
        }
        func list<T: WireReadable & JSONWritable>(_: T.Type) -> @Sendable (JSONValue) throws -> JSONValue {
            { try [T](wire: $0).jsonValue }
        }
        var readers: [String: @Sendable (JSONValue) throws -> JSONValue] = [:]
        for name in ["agency-add", "agency-retire", "agency-update"] { readers[name] = one(Agency.self) }
        readers["agency-list"] = list(Agency.self)
        readers["agency-reorganize-dry-run"] = one(ReorganizationResult.self)
        for name in ["agreement-activate", "agreement-add", "agreement-show", "agreement-terminate"] {
            readers[name] = one(Agreement.self)
        }
        readers["agreement-list"] = list(Agreement.self)
        for name in ["application-history", "application-history-back"] { readers[name] = list(StageChange.self) }
        readers["application-list"] = list(Application.self)
        for name in ["application-move", "application-move-back", "application-move-rejected", "application-open",
                     "application-show"] { readers[name] = one(Application.self) }
        for name in ["audit-list", "audit-list-application", "audit-list-entity"] { readers[name] = list(AuditEntry.self) }
        for name in ["candidate-add", "candidate-add-duplicate", "candidate-add-minimal"] {
            readers[name] = one(CandidateCreated.Answer.self)
        }
        readers["candidate-duplicate-pairs"] = list(DuplicatePair.self)
        for name in ["candidate-duplicates", "candidate-export", "candidate-list", "candidate-list-after-merge",
                     "candidate-search", "candidate-search-imported"] { readers[name] = list(Candidate.self) }
        readers["candidate-import"] = one(ImportReport.self)
        readers["candidate-merge"] = one(CandidateMergeResult.Answer.self)
        readers["candidate-show"] = one(CandidateFile.self)
        readers["candidate-update"] = one(Candidate.self)
        readers["evaluation-assign"] = one(PanelChange<PanelMember>.self)
        for name in ["evaluation-assigned", "evaluation-assigned-before"] { readers[name] = list(EvaluatorAssignment.self) }
        readers["evaluation-list"] = list(ScoreSheet.self)
        readers["evaluation-rank"] = list(RankedApplication.self)
        readers["evaluation-score"] = one(PanelResult.self)
        readers["evaluation-submit"] = one(ScoreSheet.self)
        readers["evaluation-confirm"] = one(ScoreSheet.self)
        readers["nomination-list"] = list(NominationView.self)
        readers["nomination-show"] = one(NominationView.self)
        for name in ["partner-add", "partner-show"] { readers[name] = one(Partner.self) }
        readers["partner-list"] = list(Partner.self)
        for name in ["position-add", "position-show"] { readers[name] = one(Position.self) }
        readers["position-list"] = list(Position.self)
        for name in ["referral-add", "referral-add-supporting"] { readers[name] = one(Referral.self) }
        for name in ["referral-list", "referral-list-partner"] { readers[name] = list(Referral.self) }
        readers["report-partners"] = list(PartnerStats.self)
        for name in ["report-pipeline", "report-pipeline-by-agency"] { readers[name] = one(PipelineReport.self) }
        readers["report-referrers"] = list(ReferrerStats.self)
        readers["report-targets"] = list(TargetProgress.self)
        for name in ["rubric-create", "rubric-publish", "rubric-show"] { readers[name] = one(Rubric.self) }
        readers["rubric-list"] = list(Rubric.self)
        readers["target-add"] = one(Target.self)
        readers["target-list"] = list(Target.self)
        for name in ["token-issue", "token-issue-expiring", "token-issue-partner"] { readers[name] = one(IssuedToken.self) }
        readers["token-list"] = list(AccessToken.self)
        readers["token-revoke"] = one(AccessToken.self)
        for name in ["user-add", "user-add-minimal"] { readers[name] = one(StaffUser.self) }
        readers["user-list"] = list(StaffUser.self)
        return readers
    }()

    /// Golden files that are not a TalentWire mapping: the nomination receipt is written by `NominationReceipt.json`
    /// (stored with the idempotency key and replayed byte for byte), for partners, not for the CLI.
    static let goldenNotRead: Set<String> = ["nomination-submit-api"]

    /// The golden document with its placeholders (`GoldenNormalizer`) replaced by values of the right type.
    static func unplaceholdered(_ value: JSONValue, key: String? = nil) -> JSONValue {
        switch value {
        case .object(let fields):
            return .object(Dictionary(uniqueKeysWithValues: fields.map { ($0.key, unplaceholdered($0.value, key: $0.key)) }))
        case .array(let items):
            return .array(items.map { unplaceholdered($0, key: key) })
        case .string(let s) where s.hasPrefix("<timestamp"):
            return .string("2025-12-01T02:17:05Z")
        case .string(let s) where s.hasPrefix("<uuid:") && s.hasSuffix(">"):
            return .string(id(Int(s.dropFirst(6).dropLast()) ?? 0).text)
        case .string("<duration>"):
            return .number(86_400)
        case .string("<today>"):
            return .string("2025-12-01")
        case .string("<depends-on-today>"):
            switch key {
            case "status": return .string("on_track")
            case "risk": return .null
            default: return .number(0)
            }
        default:
            return value
        }
    }

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../TalentIntegrationTests/Golden").standardizedFileURL

    @Test("every golden --format json output reads back and writes again as the same document")
    func goldenFilesReadBack() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.goldenFolder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names.count >= 60)
        for name in names where !Self.goldenNotRead.contains(name) {
            guard let read = Self.goldenReaders[name] else {
                Issue.record("Golden/\(name).json has no reader in WireReadTests.goldenReaders")
                continue
            }
            let bytes = try Data(contentsOf: Self.goldenFolder.appendingPathComponent("\(name).json"))
            let document = Self.unplaceholdered(try JSONValue(parsing: bytes))
            do {
                // A field the writer adds and the reader does not know would be missing here.
                let again = try read(document)
                #expect(Self.difference(document, again) == nil, "Golden/\(name).json")
            } catch {
                Issue.record("Golden/\(name).json: \(error)")
            }
        }
    }

    /// The first place two documents differ, for the failure message.
    static func difference(_ a: JSONValue, _ b: JSONValue, at path: String = "$") -> String? {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys).sorted() {
                guard let u = x[key], let v = y[key] else { return "\(path).\(key): only in one of them" }
                if let d = difference(u, v, at: "\(path).\(key)") { return d }
            }
            return nil
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) items, then \(y.count)" }
            for (i, (u, v)) in zip(x, y).enumerated() {
                if let d = difference(u, v, at: "\(path)[\(i)]") { return d }
            }
            return nil
        default:
            return a == b ? nil : "\(path): \(a.jsonString()) then \(b.jsonString())"
        }
    }

    // MARK: The guard

    /// The `*+Wire.swift` files, with their text.
    static func wireFiles() throws -> [(name: String, text: String)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/TalentWire").standardizedFileURL
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("+Wire.swift") }
            .sorted().map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// `extension Name: P, Q where …` → (Name, "P, Q where …").
    static func extensions(_ text: String) throws -> [(type: String, conformances: String)] {
        let pattern = try NSRegularExpression(pattern: #"^extension\s+([A-Za-z_.]+)\s*(?::\s*([^{]*))?\{"#,
                                              options: .anchorsMatchLines)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            let type = String(text[Range(match.range(at: 1), in: text)!])
            let conformances = Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? ""
            return (type, conformances)
        }
    }

    @Test("every mapping in a *+Wire.swift file has its inverse there, and a round trip here")
    func everyWriterHasAReader() throws {
        let files = try Self.wireFiles()
        #expect(files.count >= 30)
        let sampled = Set(Self.samples.map(\.type))
        var writers = 0
        var allDrafts: Set<String> = []
        for (name, text) in files {
            let found = try Self.extensions(text)
            func conforming(_ protocols: [String]) -> Set<String> {
                Set(found.filter { e in protocols.contains { e.conformances.range(of: "\\b\($0)\\b", options: .regularExpression) != nil } }
                    .map(\.type))
            }
            let written = conforming(["JSONWritable", "JSONObjectWritable"])
            let read = conforming(["WireReadable", "WireObjectReadable"])
            // A request body's reader: `init(reading body: inout JSONFields…` inside `extension X {`.
            let bodyPattern = try NSRegularExpression(pattern: #"^extension\s+([A-Za-z_.]+)[^\n]*\{(?:(?!\nextension\s)[\s\S])*?init\(reading body: inout JSONFields[,)]"#,
                                                      options: .anchorsMatchLines)
            let drafts = Set(bodyPattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .map { String(text[Range($0.range(at: 1), in: text)!]) })
            allDrafts.formUnion(drafts)
            for draft in drafts {
                #expect(written.contains(draft), "\(name): \(draft) reads a request body but has no writer for it")
            }
            for type in written.subtracting(drafts).subtracting(["EducationDraft", "CandidateMergeResult.Answer"]).sorted() {
                writers += 1
                // An answer that cannot read back as its type reads as `Type.Answer`, next to it.
                #expect(read.contains(type) || read.contains("\(type).Answer"),
                        "\(name): \(type) is written but has no reader (extension \(type): WireObjectReadable)")
                #expect(sampled.contains(type), "\(type) has no round trip in WireReadTests.samples")
            }
        }
        #expect(writers >= 75)
        #expect(allDrafts == ["AgreementDraft", "CandidateDraft", "PositionDraft", "SignInRequest"] || allDrafts.count > 4,
                "\(allDrafts.sorted())")
    }
}
