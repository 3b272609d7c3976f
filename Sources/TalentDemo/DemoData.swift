import Foundation
import TalentDomain
import TalentService
import TalentWire
import TalentStore

/// Realistic sample data for a first look, written through the same service methods as real work (and so audited).
public struct DemoData: Sendable {
    let services: TalentServices

    public init(services: TalentServices) {
        self.services = services
    }

    public struct Summary: Sendable, JSONWritable {
        public var users: [StaffUser]
        public var positions: Int
        public var candidates: Int
        public var applications: Int
        public var alreadyLoaded: Bool

        public func write(to w: inout JSONWriter) {
            w.object { w in
                w.field("users", users)
                w.field("positions", positions)
                w.field("candidates", candidates)
                w.field("applications", applications)
                w.field("already_loaded", alreadyLoaded)
            }
        }
    }

    /// Every demo account's password, for a first look (`make run` prints it); never use the demo data in production.
    public static let password = "demo-483-talent"

    /// Added last, so its presence means the whole sample is in.
    static let marker = "quantri@demo.talent.vn"

    /// Loads the sample once; a run that finds the marker adds nothing, and a run that was interrupted is completed
    /// (what already exists is skipped).
    public func load(by actor: Principal) async throws -> Summary {
        try actor.require([.admin])
        let existing = try await services.users.list(page: PageRequest(limit: 200), by: actor).items
        let demoUsers = existing.filter { $0.email?.hasSuffix("@demo.talent.vn") == true }
        if existing.contains(where: { $0.email == Self.marker }) {
            return Summary(users: demoUsers, positions: 0, candidates: 0, applications: 0, alreadyLoaded: true)
        }
        var users = demoUsers
        // The demo's people are made up: the e-mail their records cause is discarded, not sent.
        let started = Date()
        // Sở Nội vụ's HR officer works on her agency only; Sở Tư pháp's consolidates for the province.
        let staff: [(String, Role, String, Scope, String)] = [
            ("Nguyễn Thị Lan", .hr, "SNV", .agency, "lan.nguyen@demo.talent.vn"),
            ("Trần Minh Đức", .hr, "STP", .province, "duc.tran@demo.talent.vn"),
            ("Lê Văn Hải", .evaluator, "STP", .province, "hai.le@demo.talent.vn"),
            ("Phạm Thị Thu Hà", .evaluator, "SNV", .province, "ha.pham@demo.talent.vn"),
            ("Huỳnh Quốc Bảo", .evaluator, "STP", .province, "bao.huynh@demo.talent.vn"),
            ("Võ Thành Nam", .leadership, "VPUBND", .province, "nam.vo@demo.talent.vn"),
        ]
        for (name, role, agency, scope, email) in staff where !users.contains(where: { $0.email == email }) {
            let input = try NewStaffUser(name: name, role: role.rawValue, agencyCode: agency, email: email,
                                         scope: scope.rawValue)
            let user = try await services.users.add(input, by: actor)
            users.append(try await services.users.setPassword(user.id, Self.password, by: actor))
        }

        // Positions: the Department of Justice's core drafting force and a legal-affairs officer in departments.
        var positions: [Position] = try await services.positions.list(page: PageRequest(limit: 200), by: actor).items
        if positions.isEmpty {
            let plan: [(String, String, PositionKind, Int, String)] = [
                ("STP", "Chuyên viên nòng cốt xây dựng pháp luật", .coreDraftingOfficer, 3, "2027-12-31"),
                ("STP", "Chuyên viên thẩm định văn bản quy phạm pháp luật", .draftingAdvisor, 2, "2026-12-31"),
                ("SNV", "Công chức pháp chế chuyên trách", .legalAffairsOfficer, 1, "2026-06-30"),
                ("STC", "Công chức pháp chế chuyên trách", .legalAffairsOfficer, 1, "2026-09-30"),
                ("SCT", "Công chức pháp chế chuyên trách", .legalAffairsOfficer, 1, "2027-03-31"),
                ("SXD", "Công chức pháp chế chuyên trách", .legalAffairsOfficer, 1, "2027-06-30"),
                ("SYT", "Công chức pháp chế chuyên trách", .legalAffairsOfficer, 1, "2027-06-30"),
                ("SGDDT", "Công chức pháp chế chuyên trách", .legalAffairsOfficer, 1, "2027-12-31"),
                ("SKHCN", "Công chức pháp chế chuyên trách", .legalAffairsOfficer, 1, "2028-06-30"),
                ("VPUBND", "Chuyên viên tham mưu xây dựng pháp luật", .draftingAdvisor, 1, "2026-12-31"),
            ]
            for (agency, title, kind, openings, date) in plan {
                positions.append(try await services.positions.add(try ValidPosition(
                    PositionDraft(agencyCode: agency, title: title, kind: kind.rawValue, openings: openings, targetDate: date)),
                    by: actor))
            }
        }

        let evaluators = users.filter { $0.role == .evaluator }
        var generator = SeededGenerator(seed: 483)
        var candidates = 0
        var applications = 0
        let stageMix: [[PipelineStage]] = [
            [], [.screening], [.screening, .evaluation], [.screening, .evaluation, .interview],
            [.screening, .evaluation, .interview, .offer], [.screening, .evaluation, .interview, .offer, .hired],
            [.screening, .rejected], [.screening, .evaluation, .pool], [.withdrawn],
        ]
        for index in 0..<300 {
            let draft = Self.candidate(index, using: &generator)
            let created: CandidateCreated
            do {
                created = try await services.candidates.add(try ValidCandidate(draft), by: actor)
            } catch let error as ServiceError where error.kind == .conflict {
                continue  // already there from an interrupted run, or a generated identifier collided
            }
            candidates += 1
            guard index % 3 != 0 else { continue }  // a third wait in the talent pool without an application
            let position = positions[Int(generator.next() % UInt64(positions.count))]
            guard let application = try? await services.applications.open(
                NewApplication(candidateID: created.candidate.id, positionID: position.id), by: actor)
            else { continue }
            applications += 1
            let stages = stageMix[Int(generator.next() % UInt64(stageMix.count))]
            for (step, stage) in stages.enumerated() {
                _ = try await services.applications.move(application.id, StageMove(to: stage), by: actor)
                if stage == .evaluation {
                    // A panel of the three evaluators; those who moved on have all scored, others are part-way.
                    let movesOn = step + 1 < stages.count && [.interview, .pool].contains(stages[step + 1])
                    try await panel(application.id, evaluators: evaluators, sheets: movesOn ? 3 : Int(generator.next() % 3),
                                    using: &generator, by: actor)
                }
            }
        }
        try await partnerNominations(positions: positions, using: &generator, by: actor)
        try await workforce(by: actor)
        let admin = try await services.users.add(try NewStaffUser(name: "Quản trị viên Hệ thống", role: Role.admin.rawValue,
                                                                  agencyCode: "STP", email: Self.marker), by: actor)
        users.append(try await services.users.setPassword(admin.id, Self.password, by: actor))
        try await services.mail.discard(queuedSince: started, by: actor)
        return Summary(users: users, positions: positions.count, candidates: candidates, applications: applications,
                       alreadyLoaded: false)
    }

    /// Officials already in post (plan II.2), two trainings with their attendance, a hiring decision for one offer, and a
    /// commendation proposed: enough for `report training`, the core target's developed officials and the annual report.
    func workforce(by actor: Principal) async throws {
        guard try await services.officials.list(page: PageRequest(limit: 1), by: actor).items.isEmpty else { return }
        let today = CalendarDate.today()
        let people: [(String, String, OfficialKind, Bool, String)] = [
            ("Nguyễn Thị Kim Oanh", "STP", .draftingAdvisor, true, "2018-09-01"),
            ("Phan Minh Trí", "STP", .draftingAdvisor, false, "2021-03-15"),
            ("Trương Thị Mỹ Dung", "SNV", .legalAffairsOfficer, false, "2019-07-01"),
            ("Lâm Văn Hậu", "STC", .legalAffairsOfficer, false, "2020-02-10"),
            ("Đoàn Thị Ngọc Hân", "SCT", .legalAffairsOfficer, false, "2022-05-04"),
            ("Cao Văn Thịnh", "SYT", .draftingStaff, false, "2023-01-03"),
        ]
        var officials: [Official] = []
        for (name, agency, kind, core, since) in people {
            officials.append(try await services.officials.add(
                ValidOfficial(fullName: name, agencyCode: agency, kind: kind, coreForce: core, candidateID: nil,
                              since: CalendarDate(since)!), by: actor))
        }
        let held = try await services.trainings.add(try ValidTraining(TrainingDraft(
            title: "Kỹ năng soạn thảo, thẩm định văn bản quy phạm pháp luật", startsOn: "2025-10-14", endsOn: "2025-10-16",
            organizerCode: "STP", hours: 24)), by: actor)
        for (index, official) in officials.enumerated() {
            _ = try await services.trainings.attend(held.id, try ValidAttendance(AttendanceDraft(
                officialID: official.id.text, result: index == 3 ? "absent" : "completed")), by: actor)
        }
        if today.year <= 2099 {
            let next = CalendarDate(year: today.year + 1, month: 3, day: 10)!
            let coming = try await services.trainings.add(try ValidTraining(TrainingDraft(
                title: "Tập huấn đánh giá tác động chính sách", startsOn: next.description,
                endsOn: CalendarDate(year: next.year, month: 3, day: 11)!.description, organizerCode: "SNV", hours: 12)),
                by: actor)
            _ = try await services.trainings.attend(coming.id, try ValidAttendance(AttendanceDraft(
                officialID: officials[3].id.text)), by: actor)
        }
        // One offer becomes a hire by its decision, signed a week ago, in force from yesterday.
        let offers = try await services.applications.list(stage: PipelineStage.offer.rawValue, page: PageRequest(limit: 1),
                                                          by: actor).items
        if let offer = offers.first {
            let signed = CalendarDate(Date().addingTimeInterval(-7 * 86_400))
            let effective = CalendarDate(Date().addingTimeInterval(-86_400))
            _ = try await services.decisions.record(try ValidHiringDecision(HiringDecisionDraft(
                applicationID: offer.id.text, number: "25/QĐ-STP", signedOn: signed.description, signer: "Lê Thanh Tùng",
                effectiveOn: effective.description, method: HiringMethod.xetTuyen.rawValue)), by: actor)
        }
        // Sở Tư pháp's own yearly report is in; the other agencies' are still awaited.
        _ = try await services.reportChain.submit(try ValidSubmission(SubmissionDraft(
            year: today.year, agencyCode: "STP",
            results: "Tổ chức 01 lớp bồi dưỡng kỹ năng soạn thảo, thẩm định văn bản; 05/06 công chức tham dự hoàn thành.",
            difficulties: "Chưa tuyển đủ công chức nòng cốt theo chỉ tiêu năm 2027.",
            proposals: "Đề nghị UBND tỉnh bổ sung biên chế cho lực lượng nòng cốt.")), by: actor)
        _ = try await services.commendations.propose(try ValidCommendation(CommendationDraft(
            officialID: officials[0].id.text,
            reason: "Chủ trì thẩm định 14 dự thảo nghị quyết, quyết định quy phạm pháp luật năm 2025")), by: actor)
    }

    /// Three partner universities with active agreements, and nominations they submitted through the same service
    /// the API calls (each with its idempotency key, so an interrupted load replays rather than duplicates). Their
    /// codes leave ULAW free for the walk-through of docs/partners.md.
    func partnerNominations(positions: [Position], using g: inout SeededGenerator, by actor: Principal) async throws {
        let today = CalendarDate.today()
        let partners = [("HLU", "Trường Đại học Luật Hà Nội", 20), ("CTU", "Trường Đại học Cần Thơ", 10),
                        ("HVTP", "Học viện Tư pháp", 10)]
        for (code, name, quota) in partners {
            do {
                _ = try await services.partners.add(ValidPartner(PartnerDraft(
                    code: code, name: name, kind: code == "HVTP" ? "institute" : "university")), by: actor)
            } catch let error as ServiceError where error.kind == .conflict {
                continue  // there from an interrupted run, with its agreement
            }
            let agreement = try await services.partners.addAgreement(partner: code, ValidAgreement(AgreementDraft(
                reference: "\(code)/HĐHT-\(today.year - 1)", title: "Thỏa thuận hợp tác phát triển nguồn nhân lực pháp luật",
                signedOn: "\(today.year - 1)-03-15", startsOn: "\(today.year - 1)-04-01", endsOn: "\(today.year + 3)-12-31",
                fields: ["luật", "hành chính công"], yearlyQuota: quota,
                training: "10 suất bồi dưỡng kỹ năng xây dựng pháp luật mỗi năm")), by: actor)
            _ = try await services.partners.act(AgreementTransition(.activate), on: agreement.id, by: actor)
        }
        for i in 0..<15 {
            let (code, name, _) = partners[i % partners.count]
            let partner = Principal(name: name, role: .partner, channel: .api, partnerCode: code)
            let person = Self.candidate(300 + i, using: &g)
            let position = i % 3 == 0 ? positions[i % positions.count].id.text : nil
            let draft = NominationDraft(
                candidate: person, positionID: position, nominatorName: "TS. \(Self.familyNames[i % 20]) Văn Hướng",
                nominatorTitle: "Trưởng khoa Luật", relationship: "teacher",
                justification: "Sinh viên tốt nghiệp loại giỏi, có nghiên cứu về kỹ thuật soạn thảo văn bản.",
                consentObtainedAt: "\(today.year)-01-10T08:00:00Z", consentNoticeVersion: "\(today.year)-01")
            let submitted = JSONValue.object(["candidate": .object(["full_name": .string(person.fullName ?? "")]),
                                              "position_id": position.map(JSONValue.string) ?? .null])
            _ = try await services.nominations.submit(ValidNomination(draft), submitted: submitted, idempotencyKey: "demo-\(i)", by: partner)
        }
    }

    /// Assigns the evaluators and has the first `sheets` of them score against the default rubric, around a level
    /// that is the candidate's own.
    /// Each evaluator submits their own sheet (a sheet typed in for them would wait for their confirmation).
    func panel(_ application: UUID, evaluators: [StaffUser], sheets: Int, using g: inout SeededGenerator,
               by actor: Principal) async throws {
        let rubric = try await services.evaluations.rubric(UUID.parse(Self.defaultRubric), by: actor)
        let level = 2 + Int(g.next() % 4)
        for (i, evaluator) in evaluators.enumerated() {
            _ = try await services.evaluations.assign(application: application, PanelAssignment(evaluatorID: evaluator.id),
                                                      by: actor)
            guard i < sheets else { continue }
            var scores: [String: JSONValue] = [:]
            for criterion in rubric.definition.criteria {
                let score = min(rubric.definition.scaleMax, max(rubric.definition.scaleMin, level + Int(g.next() % 3) - 1))
                scores[criterion.key] = .number(Double(score))
            }
            let own = Principal(name: evaluator.name, role: .evaluator, channel: actor.channel, userID: evaluator.id)
            _ = try await services.evaluations.submit(application: application, Submission(
                rubricID: rubric.id, scores: scores), by: own)
        }
    }

    /// The rubric migration 0007 ships, built from plan 483's criteria.
    static let defaultRubric = "00000000-0000-4000-8000-000000000483"

    static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Bùi", "Đặng",
                              "Đỗ", "Ngô", "Hồ", "Dương", "Đinh", "Lâm", "Châu", "Tô", "Lương"]
    static let middleNames = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng", "Quốc", "Thu", "Bảo", "Gia", "Hữu",
                              "Đức", "Kim", "Phương", "Anh", "Trọng"]
    static let givenNames = ["An", "Bình", "Châu", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hùng",
                             "Khánh", "Khoa", "Linh", "Long", "Mai", "Minh", "Nam", "Ngân", "Nhung", "Phúc", "Phượng",
                             "Quân", "Quyên", "Sơn", "Tâm", "Thảo", "Thư", "Trang", "Trí", "Tú", "Tuấn", "Uyên",
                             "Vy", "Xuân", "Yến", "Đào", "Ánh", "Ổn", "Ưng"]
    static let institutions = ["Trường Đại học Luật TP. Hồ Chí Minh", "Trường Đại học Luật Hà Nội", "Trường Đại học Cần Thơ",
                               "Học viện Tư pháp", "Trường Đại học Kinh tế - Luật, ĐHQG TP.HCM", "Trường Đại học Tiền Giang",
                               "Học viện Hành chính Quốc gia", "Trường Đại học Đồng Tháp"]
    static let employers = ["UBND xã Tân Hương", "Công ty Luật TNHH Minh Tâm", "Văn phòng công chứng Mỹ Tho",
                            "Trường Đại học Tiền Giang", "Sở Tư pháp", "Ngân hàng TMCP Công thương chi nhánh Tiền Giang"]
    static let skills = ["soạn thảo văn bản quy phạm pháp luật", "thẩm định văn bản", "rà soát, hệ thống hóa văn bản",
                         "pháp luật hành chính", "pháp luật đất đai", "tiếng Anh pháp lý", "nghiên cứu chính sách"]

    static func candidate(_ index: Int, using g: inout SeededGenerator) -> CandidateDraft {
        func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
        let family = pick(familyNames)
        let middle = pick(middleNames)
        let given = pick(givenNames)
        let year = 1975 + Int(g.next() % 28)
        let month = 1 + Int(g.next() % 12)
        let day = 1 + Int(g.next() % 28)
        let female = middle == "Thị" || g.next() % 2 == 0
        // CCCD: province code 082 (Tiền Giang), century-and-sex digit, two-digit birth year, six digits.
        let centurySex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0)
        let citizenID = String(format: "082%d%02d%06d", centurySex, year % 100, 100_000 + index)
        let phonePrefixes = ["090", "091", "093", "094", "097", "098", "032", "035", "070", "077", "083", "085"]
        let phone = pick(phonePrefixes) + String(format: "%07d", 1_000_000 + index * 37)
        let slug = VietnameseText.fold("\(given) \(family)").replacingOccurrences(of: " ", with: ".")
        let graduation = min(2025, year + 22 + Int(g.next() % 4))
        let sector = pick(Sector.allCases)
        let degree: Degree = g.next() % 5 == 0 ? .master : (g.next() % 25 == 0 ? .doctor : .bachelor)
        return CandidateDraft(
            fullName: "\(family) \(middle) \(given)", dateOfBirth: String(format: "%04d-%02d-%02d", year, month, day),
            gender: female ? "female" : "male", citizenID: g.next() % 10 == 0 ? nil : citizenID,
            email: "\(slug).\(index)@example.vn", phone: g.next() % 8 == 0 ? nil : phone,
            province: g.next() % 4 == 0 ? "Thành phố Hồ Chí Minh" : "Đồng Tháp",
            education: [EducationDraft(degree: degree.rawValue, field: g.next() % 6 == 0 ? "Hành chính công" : "Luật",
                                       institution: pick(institutions), graduationYear: graduation,
                                       classification: pick(Classification.allCases).rawValue)],
            sector: sector.rawValue, currentEmployer: sector == .student ? nil : pick(employers),
            currentTitle: sector == .student ? nil : "Chuyên viên",
            legalExperienceYears: sector == .student ? 0 : Int(g.next() % 15),
            skills: [pick(skills), pick(skills)], languages: g.next() % 2 == 0 ? ["tiếng Anh"] : [])
    }
}

/// A small deterministic generator (SplitMix64), so the demo data (and the tests' data) is the same on every machine.
public struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
