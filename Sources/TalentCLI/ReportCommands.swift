import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService
import TalentViews

struct ReportCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report", abstract: L(vi: "Báo cáo cho lãnh đạo.", en: "Reports for leadership."),
            subcommands: [Pipeline.self, Targets.self, Referrers.self, Partners.self, Annual.self, Training.self,
                          Submit.self, Submissions.self, Issued.self])
    }

    struct Pipeline: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Theo giai đoạn: số hồ sơ đang ở giai đoạn, số hồ sơ đã từng đến, tỷ lệ chuyển tiếp và số ngày trung vị.",
                            en: "Per stage: applications now in it, those that ever reached it, conversion and median days."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã cơ quan.", en: "An agency's code.")) var agency: String?
        @Option(name: .customLong("position-kind"), help: L(vi: "Loại vị trí: legal_affairs_officer, core_drafting_officer, drafting_advisor hoặc other.",
                                                            en: "Position kind: legal_affairs_officer, core_drafting_officer, drafting_advisor or other.")) var positionKind: String?
        @Option(help: L(vi: "Hồ sơ dự tuyển mở từ ngày này (dd/mm/yyyy hoặc YYYY-MM-DD).",
                        en: "Applications opened from this day (YYYY-MM-DD or dd/mm/yyyy)."), transform: DateInput.iso) var from: String?
        @Option(help: L(vi: "Hồ sơ dự tuyển mở đến ngày này (dd/mm/yyyy hoặc YYYY-MM-DD).",
                        en: "Applications opened up to this day (YYYY-MM-DD or dd/mm/yyyy)."), transform: DateInput.iso) var to: String?
        @Option(name: .customLong("group-by"), help: L(vi: "Nhóm theo: agency (cơ quan), position_kind (loại vị trí), source (nguồn) hoặc partner (đối tác).",
                                                       en: "agency, position_kind, source or partner.")) var groupBy: String?

        func run(api: APIClient, printer: Printer) async throws {
            let query = try PipelineQuery.parse(agency: agency, positionKind: positionKind, from: from, to: to,
                                                groupBy: groupBy)
            let report: PipelineReport = try await api.get("/v1/reports/pipeline", query: [
                ("agency", query.agency), ("position_kind", query.positionKind?.rawValue),
                ("from", query.from?.description), ("to", query.to?.description), ("group_by", query.groupBy?.rawValue),
            ])
            switch printer.format {
            case .json:
                printer.console.out(report.jsonString(pretty: true))
            case .csv:
                let rows = report.stages.map { ("", "", $0) }
                    + (report.groups ?? []).flatMap { group in group.stages.map { (group.key, group.label, $0) } }
                printer.list(rows.map(GroupedStage.init), Columns.groupedStage)
            case .table:
                printer.list(report.stages, Columns.stage)
                for group in report.groups ?? [] {
                    printer.console.out("")
                    printer.console.out("\(group.label) (\(group.key)): \(group.applications)")
                    printer.list(group.stages, Columns.stage)
                }
            }
        }
    }

    struct Targets: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Chỉ tiêu của kế hoạch: số đã tuyển so với từng chỉ tiêu, và tình trạng đã đạt, đúng tiến độ, có nguy cơ không đạt hoặc không đạt.",
                            en: "The plan's targets: hired against each, and met, on track, at risk or missed."))
        }
        @OptionGroup var global: GlobalOptions

        func run(api: APIClient, printer: Printer) async throws {
            printer.list(try await api.get("/v1/reports/targets", as: Page<TargetProgress>.self).items, Columns.targetProgress)
        }
    }

    struct Annual: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Báo cáo năm bằng tiếng Việt: in Markdown ra màn hình; với --out, ghi report.md và report.html vào THƯ_MỤC.",
                            en: "The yearly report in Vietnamese: Markdown on stdout; with --out, report.md and report.html in DIR."),
                discussion: L(vi: "report.html dùng để in (hoặc lưu thành PDF từ trình duyệt), có đủ bảng và biểu đồ.",
                              en: "report.html is meant for printing (or saving as PDF from a browser), with its tables and charts."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Năm báo cáo, YYYY.", en: "The year, YYYY.")) var year: Int
        @Option(help: L(vi: "Thư mục để ghi report.md và report.html (tạo mới nếu chưa có).",
                        en: "A folder to write report.md and report.html to (created if missing).")) var out: String?
        @Flag(help: L(vi: "Ban hành báo cáo của tỉnh: đóng băng bản Markdown, HTML và PDF (cần --number và --signer).",
                      en: "Issue the province's report: freeze its Markdown, HTML and PDF (needs --number and --signer)."))
        var issue = false
        @Option(help: L(vi: "Số báo cáo, ví dụ 12 (thành 12/BC-STP) hoặc 12/BC-STP.", en: "The number, such as 12 (12/BC-STP).")) var number: String?
        @Option(help: L(vi: "Người ký.", en: "Who signs.")) var signer: String?
        @Option(name: .customLong("signed-on"), help: L(vi: "Ngày ký (mặc định hôm nay).", en: "The signing date (today unless given)."),
                transform: DateInput.iso) var signedOn: String?
        @Option(help: L(vi: "annual (báo cáo năm), midterm (sơ kết 2027) hoặc final (tổng kết 2030).",
                        en: "annual, midterm (2027) or final (2030).")) var kind: String?
        @Option(help: L(vi: "Đánh giá chung (mặc định: tổng hợp từ báo cáo của các cơ quan).",
                        en: "The general assessment (default: the agencies' reports consolidated).")) var assessment: String?
        @Option(help: L(vi: "Tồn tại, hạn chế và nguyên nhân.", en: "Shortcomings and causes.")) var shortcomings: String?
        @Option(help: L(vi: "Nhiệm vụ năm tới.", en: "Next year's tasks.")) var tasks: String?
        @Option(help: L(vi: "Đề xuất, kiến nghị.", en: "Proposals.")) var proposals: String?

        func run(api: APIClient, printer: Printer) async throws {
            if issue {
                let draft = IssueDraft(year: year, kind: kind, number: number, signer: signer, signedOn: signedOn,
                                       assessment: assessment, shortcomings: shortcomings, tasks: tasks,
                                       proposals: proposals)
                _ = try ValidIssue(draft)
                let issued = try await api.post("/v1/reports/issued", draft, as: IssuedReport.self)
                if let out { try await Issued.write(issued, to: out, api: api, printer: printer) }
                printer.record(issued, Columns.issuedReport)
                return
            }
            _ = try ReportYear(year)
            let report: AnnualReport = try await api.get("/v1/reports/annual", query: [("year", String(year))])
            if printer.format == .json {
                printer.console.out(report.jsonString(pretty: true))
                return
            }
            let markdown = AnnualReportView.markdown(report)
            guard let out else {
                printer.console.write(markdown)
                return
            }
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try PrivateFile.write(Data(markdown.utf8), to: folder.appendingPathComponent("report.md").path)
                try PrivateFile.write(Data(AnnualReportView.html(report).utf8), to: folder.appendingPathComponent("report.html").path)
            } catch {
                throw ServiceError.invalid("out", vi: "không ghi được vào \(out): \(error.localizedDescription)",
                                           en: "cannot write to \(out): \(error.localizedDescription)")
            }
            printer.message(LocalizedText(
                vi: "Đã ghi \(folder.appendingPathComponent("report.md").path) và \(folder.appendingPathComponent("report.html").path)",
                en: "Wrote \(folder.appendingPathComponent("report.md").path) and \(folder.appendingPathComponent("report.html").path)"))
        }
    }

    struct Training: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Tỷ lệ công chức làm công tác xây dựng pháp luật đã được bồi dưỡng, theo cơ quan và toàn tỉnh, so với mục tiêu II.2.d (hơn 90% năm 2027, 100% năm 2030); kèm danh sách người chưa được bồi dưỡng.",
                            en: "The share of legal-drafting officials trained, per agency and for the province, against plan II.2.d (over 90 % by 2027, 100 % by 2030), with the officials still to train."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Năm (mặc định: từ ngày ban hành kế hoạch đến hôm nay).",
                        en: "The year (default: from the plan's date to today).")) var year: Int?
        @Option(help: L(vi: "Mã cơ quan.", en: "The agency's code.")) var agency: String?

        func run(api: APIClient, printer: Printer) async throws {
            if let year { _ = try ReportYear(year) }
            let report: TrainingReport = try await api.get("/v1/reports/training", query: [
                ("year", year.map(String.init)), ("agency", agency),
            ])
            switch printer.format {
            case .json:
                printer.console.out(report.jsonString(pretty: true))
            case .csv:
                printer.list(report.agencies, Columns.trainingCoverage)
            case .table:
                let en = printer.language == .en
                let share = report.share.map { String(format: "%.0f%%", $0 * 100) } ?? "–"
                let goal = report.goal.label.text(printer.language)
                printer.console.out(en
                    ? "Training from \(report.from.dayMonthYear) to \(report.to.dayMonthYear) (plan II.2.d: \(goal))"
                    : "Bồi dưỡng từ \(report.from.dayMonthYear) đến \(report.to.dayMonthYear) (mục II.2.d: \(goal))")
                printer.list(report.agencies, Columns.trainingCoverage)
                printer.console.out(en
                    ? "Province: \(report.trained) of \(report.officials) officials trained (\(share)): \(report.meetsGoal ? "meets the goal" : "below the goal")"
                    : "Toàn tỉnh: \(report.trained)/\(report.officials) công chức đã được bồi dưỡng (\(share)): \(report.meetsGoal ? "đạt mục tiêu" : "chưa đạt mục tiêu")")
                let waiting = report.agencies.filter { !$0.untrained.isEmpty }
                if !waiting.isEmpty {
                    printer.console.out(en ? "Still to train:" : "Chưa được bồi dưỡng:")
                    for agency in waiting {
                        for official in agency.untrained {
                            printer.console.out("  \(agency.agencyCode)  \(official.fullName)  (\(official.kind.label.text(printer.language)))  \(official.id.text)")
                        }
                    }
                }
            }
        }
    }

    struct Submit: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Gửi báo cáo năm của cơ quan tới Sở Tư pháp: số liệu được tính và lưu lại, kèm phần kết quả, khó khăn, kiến nghị.",
                                             en: "Submit the agency's yearly report to Sở Tư pháp: its figures computed and kept, with results, difficulties and proposals."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Năm báo cáo.", en: "The year.")) var year: Int
        @Option(help: L(vi: "Mã cơ quan (tài khoản phạm vi cơ quan: cơ quan mình).", en: "The agency (your own when agency-scoped).")) var agency: String?
        @Option(help: L(vi: "Kết quả thực hiện.", en: "Results.")) var results: String
        @Option(help: L(vi: "Khó khăn, vướng mắc.", en: "Difficulties.")) var difficulties: String?
        @Option(help: L(vi: "Đề xuất, kiến nghị.", en: "Proposals.")) var proposals: String?

        func run(api: APIClient, printer: Printer) async throws {
            let draft = SubmissionDraft(year: year, agencyCode: agency, results: results, difficulties: difficulties,
                                        proposals: proposals)
            _ = try ValidSubmission(draft)
            printer.record(try await api.post("/v1/reports/submissions", draft, as: AgencySubmission.self), Columns.submission)
        }
    }

    struct Submissions: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Các cơ quan đã và chưa gửi báo cáo năm.", en: "Which agencies have and have not submitted the year's report."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Năm báo cáo.", en: "The year.")) var year: Int

        func run(api: APIClient, printer: Printer) async throws {
            _ = try ReportYear(year)
            let overview: SubmissionOverview = try await api.get("/v1/reports/submissions", query: [("year", String(year))])
            guard printer.format == .table else {
                if printer.format == .json { printer.console.out(overview.jsonString(pretty: true)) } else {
                    printer.list(overview.submitted, Columns.submission)
                }
                return
            }
            printer.list(overview.submitted, Columns.submission)
            let en = printer.language == .en
            printer.console.out(overview.missing.isEmpty ? (en ? "Every agency has submitted." : "Mọi cơ quan đã gửi báo cáo.")
                : (en ? "Not submitted: " : "Chưa gửi: ") + overview.missing.map { "\($0.agencyCode) (\($0.agencyName))" }.joined(separator: ", "))
        }
    }

    struct Issued: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "issued",
                                 abstract: L(vi: "Các báo cáo đã ban hành: giữ nguyên từng byte.", en: "Issued reports, kept byte for byte."),
                                 subcommands: [List.self, Show.self])
        }

        struct List: APICommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(abstract: L(vi: "Liệt kê báo cáo đã ban hành, mới trước.", en: "List issued reports, newest first."))
            }
            @OptionGroup var global: GlobalOptions
            @OptionGroup var paging: PageOptions<StandardPage>

            func run(api: APIClient, printer: Printer) async throws {
                let page: Page<IssuedReport> = try await api.get("/v1/reports/issued", query: APIClient.page(paging.request()))
                printer.list(page.items, Columns.issuedReport, nextCursor: page.nextCursor)
            }
        }

        struct Show: APICommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(abstract: L(vi: "In bản Markdown đã ban hành; với --out, ghi report.md, report.html và report.pdf đúng như khi ban hành.",
                                                 en: "Print the issued Markdown; with --out, write report.md, report.html and report.pdf exactly as issued."))
            }
            @OptionGroup var global: GlobalOptions
            @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
            @Option(help: L(vi: "Thư mục để ghi các tệp.", en: "A folder to write the files to.")) var out: String?

            func run(api: APIClient, printer: Printer) async throws {
                let uuid = try UUID.parse(id)
                let issued = try await api.get("/v1/reports/issued/\(uuid.text)", as: IssuedReport.self)
                if let out {
                    try await Issued.write(issued, to: out, api: api, printer: printer)
                    return
                }
                if printer.format == .json {
                    printer.console.out(issued.jsonString(pretty: true))
                    return
                }
                let markdown = try await api.download("/v1/reports/issued/\(uuid.text)/markdown")
                printer.console.write(String(decoding: markdown, as: UTF8.self))
            }
        }

        /// Writes the three frozen documents to `folder`, as issued.
        static func write(_ issued: IssuedReport, to out: String, api: APIClient, printer: Printer) async throws {
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            var written: [String] = []
            for format in IssuedFormat.allCases {
                let bytes = try await api.download("/v1/reports/issued/\(issued.id.text)/\(format.rawValue)")
                let path = folder.appendingPathComponent(format.fileName).path
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try PrivateFile.write(Data(bytes), to: path)
                } catch {
                    throw ServiceError.invalid("out", vi: "không ghi được vào \(out): \(error.localizedDescription)",
                                               en: "cannot write to \(out): \(error.localizedDescription)")
                }
                written.append(path)
            }
            printer.message(LocalizedText(vi: "Đã ghi " + written.joined(separator: ", "),
                                          en: "Wrote " + written.joined(separator: ", ")))
        }
    }

    struct Partners: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Theo đối tác và thỏa thuận: số đề cử, chỉ tiêu đã dùng trong năm, số vào vòng đánh giá, số được tuyển.",
                            en: "Per partner and agreement: nominations, quota used this year, reached evaluation, hired."))
        }
        @OptionGroup var global: GlobalOptions

        func run(api: APIClient, printer: Printer) async throws {
            printer.list(try await api.get("/v1/reports/partners", as: Page<PartnerStats>.self).items, Columns.partnerStats)
        }
    }

    struct Referrers: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Theo người giới thiệu: số lượt giới thiệu, được ghi nhận, vào vòng đánh giá, được tuyển, không được chọn.",
                            en: "Per referrer: referrals, credited, reached evaluation, hired, rejected."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "person (cá nhân), user (cán bộ), agency (cơ quan), partner (đối tác) hoặc self (tự ứng tuyển).",
                        en: "person, user, agency, partner or self.")) var kind: String?

        func run(api: APIClient, printer: Printer) async throws {
            let kind = try ReferrerKind.parse(kind, field: "referrer_kind")
            let stats: Page<ReferrerStats> = try await api.get("/v1/reports/referrers", query: [("referrer_kind", kind?.rawValue)])
            printer.list(stats.items, Columns.referrerStats)
        }
    }
}

/// A stage's figures with the group they belong to, for CSV.
struct GroupedStage: JSONWritable {
    var group: String
    var label: String
    var figures: StageFigures

    init(_ row: (String, String, StageFigures)) {
        (group, label, figures) = row
    }

    func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("group", group)
            w.field("label", label)
            w.field("figures", figures)
        }
    }
}

extension Columns {
    static let referrerStats: [Column<ReferrerStats>] = [
        Column("referrer_kind", vi: "Loại", en: "Kind", value: { $0.referrerKind },
               cell: { stats, language in ReferrerKind.label(of: stats.referrerKind, language) }),
        Column("referrer", vi: "Người giới thiệu", en: "Referrer") { $0.referrerName ?? $0.referrer },
        Column("referrals", vi: "Số giới thiệu", en: "Referrals") { String($0.referrals) },
        Column("credited", vi: "Được ghi nhận", en: "Credited") { String($0.credited) },
        Column("reached_evaluation", vi: "Vào đánh giá", en: "Reached evaluation") { String($0.reachedEvaluation) },
        Column("hired", vi: "Được tuyển", en: "Hired") { String($0.hired) },
        Column("rejected", vi: "Không được chọn", en: "Rejected") { String($0.rejected) },
        Column("median_panel_score", vi: "Điểm hội đồng (trung vị)", en: "Median panel score") {
            $0.medianPanelScore.map { String(format: "%.2f", $0) } ?? ""
        },
    ]

    static let stage: [Column<StageFigures>] = [
        .code("stage", vi: "Giai đoạn", en: "Stage") { $0.stage },
        Column("count", vi: "Hiện có", en: "Now") { String($0.count) },
        Column("reached", vi: "Đã từng vào", en: "Reached") { String($0.reached) },
        Column("conversion", vi: "Tỷ lệ chuyển tiếp", en: "Conversion") { f in
            f.conversion.map { String(format: "%.0f%%", $0 * 100) } ?? ""
        },
        Column("median_days", vi: "Số ngày (trung vị)", en: "Median days") { f in f.medianDays.map { String(format: "%.1f", $0) } ?? "" },
    ]

    static let groupedStage: [Column<GroupedStage>] = [
        Column("group", vi: "Nhóm", en: "Group") { $0.group },
        Column("label", vi: "Tên nhóm", en: "Label") { $0.label },
    ] + stage.map { $0.of { (grouped: GroupedStage) in grouped.figures } }

    static let targetProgress: [Column<TargetProgress>] = [
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.target.agencyCode },
        Column("agency_name", vi: "Tên cơ quan", en: "Agency name") { $0.agencyName },
        .code("position_kind", vi: "Loại vị trí", en: "Position kind") { $0.target.positionKind },
        Column("count", vi: "Chỉ tiêu", en: "Count") { String($0.target.count) },
        .date("deadline", vi: "Hạn", en: "Deadline") { $0.target.deadline },
        Column("hired", vi: "Đã tuyển", en: "Hired") { String($0.hired) },
        Column("developed", vi: "Công chức hiện có", en: "Officials in post") { String($0.developed) },
        .code("status", vi: "Tình trạng", en: "Status") { $0.status },
        .code("risk", vi: "Lý do có nguy cơ", en: "Why at risk") { $0.risk },
        Column("id", vi: "Mã", en: "ID") { $0.target.id.text },
    ]

    static let submission: [Column<AgencySubmission>] = [
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        Column("agency_name", vi: "Tên cơ quan", en: "Agency name") { $0.agencyName },
        Column("year", vi: "Năm", en: "Year") { String($0.year) },
        .time("submitted_at", vi: "Gửi lúc", en: "Submitted") { $0.submittedAt },
        Column("submitted_by", vi: "Người gửi", en: "By") { $0.submittedBy },
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
    ]

    static let issuedReport: [Column<IssuedReport>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        .code("kind", vi: "Loại", en: "Kind") { $0.kind },
        Column("year", vi: "Năm", en: "Year") { String($0.year) },
        Column("number", vi: "Số", en: "Number") { $0.number },
        Column("signer", vi: "Người ký", en: "Signer") { $0.signer },
        .date("signed_on", vi: "Ngày ký", en: "Signed") { $0.signedOn },
        Column("pdf_sha256", vi: "SHA-256 (PDF)", en: "SHA-256 (PDF)") { $0.pdfSHA256 },
        Column("markdown_sha256", vi: "SHA-256 (Markdown)", en: "SHA-256 (Markdown)") { $0.markdownSHA256 },
    ]

    static let partnerStats: [Column<PartnerStats>] = [
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("agreement_reference", vi: "Thỏa thuận", en: "Agreement") { $0.agreementReference.cell },
        .code("agreement_status", vi: "Trạng thái", en: "Status") { $0.agreementStatus },
        Column("nominations", vi: "Đề cử", en: "Nominations") { String($0.nominations) },
        Column("quota_used", vi: "Đã dùng chỉ tiêu năm nay", en: "Quota used this year") { s in
            "\(s.quotaUsed)" + (s.yearlyQuota.map { "/\($0)" } ?? "")
        },
        Column("reached_evaluation", vi: "Vào đánh giá", en: "Reached evaluation") { String($0.reachedEvaluation) },
        Column("hired", vi: "Được tuyển", en: "Hired") { String($0.hired) },
    ]
}
