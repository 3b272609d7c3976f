import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

private let idHelp: ArgumentHelp = L(vi: "Mã định danh của bản ghi.", en: "The record's id.")
private let dateHelp: ArgumentHelp = L(vi: "dd/mm/yyyy hoặc YYYY-MM-DD.", en: "YYYY-MM-DD or dd/mm/yyyy.")

/// `talent official`: the officials in post doing legal-drafting work (plan 483, II.2).
struct OfficialCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "official",
            abstract: L(vi: "Cán bộ, công chức đang làm công tác xây dựng pháp luật ở mỗi cơ quan.",
                        en: "The officials doing legal-drafting work at each agency."),
            subcommands: [Add.self, List.self, Show.self, Update.self, Leave.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi nhận một công chức đang làm công tác xây dựng pháp luật (người được tuyển qua hệ thống được ghi tự động khi có quyết định tuyển dụng).",
                                             en: "Record an official doing legal-drafting work (a hire through the tracker is recorded by their decision)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Họ và tên.", en: "Full name.")) var name: String
        @Option(help: L(vi: "Mã cơ quan, ví dụ STP.", en: "The agency's code, such as STP.")) var agency: String
        @Option(help: L(vi: "legal_affairs_officer (pháp chế chuyên trách), core_drafting_officer (nòng cốt), drafting_advisor (chuyên viên tham mưu) hoặc drafting_staff.",
                        en: "legal_affairs_officer, core_drafting_officer, drafting_advisor or drafting_staff."))
        var kind: String
        @Option(help: L(vi: "Ứng viên tương ứng (nếu có).", en: "The candidate they were (if any).")) var candidate: String?
        @Option(help: L(vi: "Làm công tác này từ ngày (mặc định hôm nay).", en: "In post since (today unless given)."),
                transform: DateInput.iso) var since: String?
        @Flag(name: .customLong("core-force"), help: L(vi: "Thuộc lực lượng nòng cốt (mục II.2.đ).", en: "Part of the core force (II.2.đ)."))
        var coreForce = false

        func run(api: APIClient, printer: Printer) async throws {
            let draft = OfficialDraft(fullName: name, agencyCode: agency, kind: kind, coreForce: coreForce ? true : nil,
                                      candidateID: candidate, since: since)
            _ = try ValidOfficial(draft)
            printer.record(try await api.post("/v1/officials", draft, as: Official.self), Columns.official)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê công chức theo cơ quan và tên.", en: "List officials by agency and name."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã cơ quan.", en: "The agency's code.")) var agency: String?
        @Option(help: L(vi: "Loại công việc.", en: "The kind of work.")) var kind: String?
        @Option(help: L(vi: "Tìm theo tên (không phân biệt dấu, hoa thường).", en: "Search names (accents and case ignored).")) var q: String?
        @Flag(name: .customLong("in-post"), help: L(vi: "Chỉ người đang làm công tác này.", en: "Only those in post today."))
        var inPost = false
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Official> = try await api.get("/v1/officials", query: [
                ("agency", agency), ("kind", kind), ("q", q), ("in_post", inPost ? "true" : nil),
            ] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.official, nextCursor: page.nextCursor)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một công chức.", en: "Show one official."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: idHelp) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            printer.record(try await api.get("/v1/officials/\(UUID.parse(id).text)", as: Official.self), Columns.official)
        }
    }

    struct Update: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Đổi loại công việc hoặc đánh dấu thuộc lực lượng nòng cốt.",
                                             en: "Change the kind of work or the core-force mark."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: idHelp) var id: String
        @Option(help: L(vi: "Loại công việc mới.", en: "The new kind of work.")) var kind: String?
        @Option(name: .customLong("core-force"), help: L(vi: "true hoặc false.", en: "true or false.")) var coreForce: Bool?

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            _ = try OfficialChange(kind: kind, coreForce: coreForce)
            let version = try await api.get("/v1/officials/\(uuid.text)", as: Official.self).version
            var w = JSONWriter()
            w.object { w in
                if let kind { w.field("kind", kind) }
                if let coreForce { w.field("core_force", coreForce) }
            }
            let official: Official = try await api.patch("/v1/officials/\(uuid.text)", w.bytes, version: version)
            printer.record(official, Columns.official)
        }
    }

    struct Leave: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi nhận công chức thôi làm công tác này (nghỉ hưu, chuyển công tác...) từ ngày --on.",
                                             en: "Record that the official left post (retired, moved...) from --on."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: idHelp) var id: String
        @Option(help: L(vi: "Ngày đầu tiên không còn làm công tác này (dd/mm/yyyy hoặc YYYY-MM-DD).",
                        en: "The first day out of post (YYYY-MM-DD or dd/mm/yyyy)."), transform: DateInput.iso) var on: String
        @Option(help: L(vi: "Lý do.", en: "Why.")) var reason: String?

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            let draft = OfficialLeaveDraft(on: on, reason: reason)
            _ = try OfficialLeave(draft)
            printer.record(try await api.post("/v1/officials/\(uuid.text)/leave", draft, as: Official.self), Columns.official)
        }
    }
}

/// `talent training`: courses and their attendance (plan II.2.d, III.4.c).
struct TrainingCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "training",
            abstract: L(vi: "Các lớp bồi dưỡng, tập huấn và kết quả tham dự của công chức.",
                        en: "Training courses and the officials' attendance."),
            subcommands: [Add.self, Attend.self, List.self, Show.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm một lớp bồi dưỡng, tập huấn.", en: "Add a training course."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Tên lớp.", en: "The title.")) var title: String
        @Option(help: dateHelp, transform: DateInput.iso) var starts: String
        @Option(help: dateHelp, transform: DateInput.iso) var ends: String
        @Option(help: L(vi: "Mã cơ quan tổ chức, ví dụ STP hoặc SNV.", en: "The organising agency's code, such as STP or SNV."))
        var organizer: String?
        @Option(help: L(vi: "Mã trường đối tác cùng tổ chức.", en: "The partner institution's code.")) var partner: String?
        @Option(help: L(vi: "Thỏa thuận hợp tác mà lớp thuộc về.", en: "The partnership agreement it falls under.")) var agreement: String?
        @Option(help: L(vi: "Số giờ.", en: "Hours.")) var hours: Double?

        func run(api: APIClient, printer: Printer) async throws {
            let draft = TrainingDraft(title: title, startsOn: starts, endsOn: ends, organizerCode: organizer,
                                      partnerCode: partner, agreementID: agreement, hours: hours)
            _ = try ValidTraining(draft)
            printer.record(try await api.post("/v1/trainings", draft, as: Training.self), Columns.training)
        }
    }

    struct Attend: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi kết quả tham dự của một công chức (ghi lại để sửa).",
                                             en: "Record an official's attendance (record again to change it)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã lớp.", en: "The training's id.")) var training: String
        @Option(help: L(vi: "Mã công chức.", en: "The official's id.")) var official: String
        @Option(help: L(vi: "completed (hoàn thành), absent (vắng) hoặc registered (đã đăng ký); mặc định completed nếu lớp đã kết thúc.",
                        en: "completed, absent or registered; completed by default once the course has ended."))
        var result: String?

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(training, field: "training")
            let draft = AttendanceDraft(officialID: official, result: result)
            _ = try ValidAttendance(draft)
            printer.record(try await api.post("/v1/trainings/\(uuid.text)/attendance", draft, as: TrainingAttendance.self),
                           Columns.attendance)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các lớp, mới kết thúc trước.", en: "List courses, latest first."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Training> = try await api.get("/v1/trainings", query: APIClient.page(paging.request()))
            printer.list(page.items, Columns.training, nextCursor: page.nextCursor)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một lớp và danh sách tham dự.", en: "Show a course and who attended."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: idHelp) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            let training = try await api.get("/v1/trainings/\(uuid.text)", as: Training.self)
            let attendance = try await api.get("/v1/trainings/\(uuid.text)/attendance", as: Page<TrainingAttendance>.self)
            guard printer.format == .table else {
                printer.record(training, Columns.training)
                return
            }
            printer.record(training, Columns.training)
            printer.console.out("")
            printer.list(attendance.items, Columns.attendance)
        }
    }
}

/// `talent decision`: hiring decisions (quyết định tuyển dụng / tiếp nhận).
struct DecisionCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "decision",
            abstract: L(vi: "Quyết định tuyển dụng: chuyển hồ sơ sang hired, tính ngày tuyển theo ngày hiệu lực.",
                        en: "Hiring decisions: move the application to hired, dated by the effective date."),
            subcommands: [Record.self, List.self, Show.self])
    }

    struct Record: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi quyết định tuyển dụng của một hồ sơ (đang ở offer, hoặc đã hired mà chưa có quyết định).",
                                             en: "Record an application's hiring decision (from offer, or hired without one)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã hồ sơ ứng tuyển.", en: "The application's id.")) var application: String
        @Option(help: L(vi: "Số, ký hiệu quyết định, ví dụ 123/QĐ-STP.", en: "The decision's number, such as 123/QĐ-STP.")) var number: String
        @Option(name: .customLong("signed-on"), help: dateHelp, transform: DateInput.iso) var signedOn: String
        @Option(help: L(vi: "Người ký.", en: "Who signed.")) var signer: String
        @Option(help: L(vi: "Ngày có hiệu lực (chỉ tiêu tính từ ngày này).", en: "The effective date (targets count from it)."),
                transform: DateInput.iso) var effective: String
        @Option(help: L(vi: "thi_tuyen, xet_tuyen, tiep_nhan hoặc thu_hut (Nghị định 179/2024/NĐ-CP).",
                        en: "thi_tuyen, xet_tuyen, tiep_nhan or thu_hut (Decree 179/2024/NĐ-CP).")) var method: String?

        func run(api: APIClient, printer: Printer) async throws {
            let draft = HiringDecisionDraft(applicationID: application, number: number, signedOn: signedOn, signer: signer,
                                            effectiveOn: effective, method: method)
            _ = try ValidHiringDecision(draft)
            printer.record(try await api.post("/v1/decisions", draft, as: HiringDecision.self), Columns.decision)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê quyết định, mới ký trước.", en: "List decisions, latest first."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã cơ quan.", en: "The agency's code.")) var agency: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<HiringDecision> = try await api.get("/v1/decisions",
                                                               query: [("agency", agency)] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.decision, nextCursor: page.nextCursor)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một quyết định.", en: "Show one decision."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: idHelp) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            printer.record(try await api.get("/v1/decisions/\(UUID.parse(id).text)", as: HiringDecision.self), Columns.decision)
        }
    }
}

/// `talent commendation`: proposals and decisions to commend officials and referrers.
struct CommendationCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "commendation",
            abstract: L(vi: "Khen thưởng công chức tiêu biểu và người phát hiện, giới thiệu người có tài năng.",
                        en: "Commend exemplary officials and the people who found talent."),
            subcommands: [Propose.self, Decide.self, List.self, Show.self])
    }

    struct Propose: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Đề nghị khen thưởng một công chức (--official) hoặc người giới thiệu (--referral).",
                                             en: "Propose to commend an official (--official) or a referrer (--referral)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã công chức.", en: "The official's id.")) var official: String?
        @Option(help: L(vi: "Mã lượt giới thiệu có ứng viên được tuyển hoặc đạt kết quả tốt.",
                        en: "The referral whose candidate was hired or did well.")) var referral: String?
        @Option(help: L(vi: "Thành tích, lý do.", en: "Why.")) var reason: String

        func run(api: APIClient, printer: Printer) async throws {
            let draft = CommendationDraft(officialID: official, referralID: referral, reason: reason)
            _ = try ValidCommendation(draft)
            printer.record(try await api.post("/v1/commendations", draft, as: Commendation.self), Columns.commendation)
        }
    }

    struct Decide: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi quyết định khen thưởng (Sở Tư pháp hoặc quản trị).",
                                             en: "Record the commendation decision (Sở Tư pháp or administrators)."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: idHelp) var id: String
        @Option(help: L(vi: "Số quyết định khen thưởng.", en: "The decision's number.")) var number: String
        @Option(help: dateHelp, transform: DateInput.iso) var on: String

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            let draft = CommendationDecisionDraft(number: number, on: on)
            _ = try CommendationDecision(draft)
            printer.record(try await api.post("/v1/commendations/\(uuid.text)/decision", draft, as: Commendation.self),
                           Columns.commendation)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê đề nghị khen thưởng, mới trước.", en: "List commendations, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "proposed hoặc decided.", en: "proposed or decided.")) var status: String?
        @Option(help: L(vi: "Mã cơ quan.", en: "The agency's code.")) var agency: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Commendation> = try await api.get("/v1/commendations", query: [
                ("status", status), ("agency", agency),
            ] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.commendation, nextCursor: page.nextCursor)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một đề nghị khen thưởng.", en: "Show one commendation."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: idHelp) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            printer.record(try await api.get("/v1/commendations/\(UUID.parse(id).text)", as: Commendation.self),
                           Columns.commendation)
        }
    }
}

extension Columns {
    static let official: [Column<Official>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("full_name", vi: "Họ và tên", en: "Name") { $0.fullName },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        .code("kind", vi: "Công việc", en: "Kind") { $0.kind },
        Column("core_force", vi: "Nòng cốt", en: "Core force", value: { $0.coreForce ? "true" : "false" },
               cell: { record, language in record.coreForce ? (language == .en ? "yes" : "có") : "" }),
        .date("since", vi: "Từ ngày", en: "Since") { $0.since },
        .date("until", vi: "Đến ngày", en: "Until") { $0.until },
        Column("candidate_id", vi: "Ứng viên", en: "Candidate") { $0.candidateID?.text ?? "" },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let training: [Column<Training>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("title", vi: "Tên lớp", en: "Title") { $0.title },
        .date("starts_on", vi: "Từ ngày", en: "Starts") { $0.startsOn },
        .date("ends_on", vi: "Đến ngày", en: "Ends") { $0.endsOn },
        Column("organizer_code", vi: "Cơ quan tổ chức", en: "Organiser") { $0.organizerCode ?? "" },
        Column("partner_code", vi: "Trường đối tác", en: "Partner") { $0.partnerCode ?? "" },
        Column("hours", vi: "Số giờ", en: "Hours") { $0.hours.map { String(format: "%.1f", $0) } ?? "" },
        Column("attendees", vi: "Tham dự", en: "Attendees") { String($0.attendees) },
        Column("completed", vi: "Hoàn thành", en: "Completed") { String($0.completed) },
    ]

    static let attendance: [Column<TrainingAttendance>] = [
        Column("official_id", vi: "Mã công chức", en: "Official") { $0.officialID.text },
        Column("official_name", vi: "Họ và tên", en: "Name") { $0.officialName },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        .code("result", vi: "Kết quả", en: "Result") { $0.result },
        .time("recorded_at", vi: "Ghi lúc", en: "Recorded") { $0.recordedAt },
    ]

    static let decision: [Column<HiringDecision>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("application_id", vi: "Hồ sơ", en: "Application") { $0.applicationID.text },
        Column("number", vi: "Số quyết định", en: "Number") { $0.number },
        .date("signed_on", vi: "Ngày ký", en: "Signed") { $0.signedOn },
        Column("signer", vi: "Người ký", en: "Signer") { $0.signer },
        .date("effective_on", vi: "Ngày hiệu lực", en: "Effective") { $0.effectiveOn },
        .code("method", vi: "Hình thức", en: "Method") { $0.method },
        Column("official_id", vi: "Công chức", en: "Official") { $0.officialID?.text ?? "" },
    ]

    static let commendation: [Column<Commendation>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        .code("subject", vi: "Đối tượng", en: "For") { $0.subject },
        Column("subject_name", vi: "Họ tên / đơn vị", en: "Name") { $0.subjectName },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode ?? "" },
        Column("reason", vi: "Thành tích", en: "Reason") { $0.reason },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
        Column("decision_number", vi: "Số quyết định", en: "Decision") { $0.decisionNumber ?? "" },
        .date("decided_on", vi: "Ngày quyết định", en: "Decided") { $0.decidedOn },
    ]

    static let trainingCoverage: [Column<TrainingCoverage>] = [
        Column("agency_code", vi: "Mã", en: "Code") { $0.agencyCode },
        Column("agency_name", vi: "Cơ quan", en: "Agency") { $0.agencyName },
        Column("officials", vi: "Công chức", en: "Officials") { String($0.officials) },
        Column("trained", vi: "Đã bồi dưỡng", en: "Trained") { String($0.trained) },
        Column("share", vi: "Tỷ lệ", en: "Share", value: { $0.share.map { String(format: "%.4f", $0) } ?? "" },
               cell: { record, _ in record.share.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }),
        Column("meets_goal", vi: "Đạt mục tiêu", en: "Meets goal", value: { $0.meetsGoal ? "true" : "false" },
               cell: { record, language in record.meetsGoal ? (language == .en ? "yes" : "đạt") : (language == .en ? "no" : "chưa đạt") }),
    ]
}
