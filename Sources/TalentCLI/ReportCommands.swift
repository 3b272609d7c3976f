import ArgumentParser
import Foundation
import TalentDomain
import TalentService
import TalentViews

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for leadership.",
        subcommands: [Pipeline.self, Targets.self, Referrers.self, Partners.self, Annual.self])

    struct Pipeline: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per stage: applications now in it, those that ever reached it, conversion and median days.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "An agency's code.") var agency: String?
        @Option(name: .customLong("position-kind")) var positionKind: String?
        @Option(help: "Applications opened from this day (YYYY-MM-DD).") var from: String?
        @Option(help: "Applications opened up to this day (YYYY-MM-DD).") var to: String?
        @Option(name: .customLong("group-by"), help: "agency, position_kind, source or partner.") var groupBy: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let query = try PipelineQuery.parse(agency: agency, positionKind: positionKind, from: from, to: to,
                                                groupBy: groupBy)
            let report = try await services.reports.pipeline(query, by: actor)
            switch printer.format {
            case .json:
                printer.console.out(JSONFormat.string(report, pretty: true))
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

    struct Targets: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "The plan's targets: hired against each, and met, on track, at risk or missed.")
        @OptionGroup var global: GlobalOptions

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.reports.targets(by: actor), Columns.targetProgress)
        }
    }

    struct Annual: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "The yearly report in Vietnamese: Markdown on stdout; with --out, report.md and report.html in DIR.",
            discussion: "report.html is meant for printing (or saving as PDF from a browser), with its tables and charts.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The year, YYYY.") var year: Int
        @Option(help: "A folder to write report.md and report.html to (created if missing).") var out: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let report = try await services.reports.annual(ReportYear(year), by: actor)
            if printer.format == .json {
                printer.console.out(JSONFormat.string(report, pretty: true))
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
                try Data(markdown.utf8).write(to: folder.appendingPathComponent("report.md"), options: .atomic)
                try Data(AnnualReportView.html(report).utf8).write(to: folder.appendingPathComponent("report.html"), options: .atomic)
            } catch {
                throw ServiceError.invalid("out", vi: "không ghi được vào \(out): \(error.localizedDescription)",
                                           en: "cannot write to \(out): \(error.localizedDescription)")
            }
            printer.message(LocalizedText(
                vi: "Đã ghi \(folder.appendingPathComponent("report.md").path) và \(folder.appendingPathComponent("report.html").path)",
                en: "Wrote \(folder.appendingPathComponent("report.md").path) and \(folder.appendingPathComponent("report.html").path)"))
        }
    }

    struct Partners: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per partner and agreement: nominations, quota used this year, reached evaluation, hired.")
        @OptionGroup var global: GlobalOptions

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.reports.partners(by: actor), Columns.partnerStats)
        }
    }

    struct Referrers: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per referrer: referrals, credited, reached evaluation, hired, rejected.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "person, user, agency, partner or self.") var kind: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.reports.referrers(kind: ReferrerKind.parse(kind, field: "referrer_kind"), by: actor), Columns.referrerStats)
        }
    }
}

/// A stage's figures with the group they belong to, for CSV.
struct GroupedStage: Encodable {
    var group: String
    var label: String
    var figures: StageFigures

    init(_ row: (String, String, StageFigures)) {
        (group, label, figures) = row
    }
}

extension Columns {
    static let referrerStats: [Column<ReferrerStats>] = [
        Column("referrer_kind", vi: "Loại", en: "Kind") { $0.referrerKind },
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
        Column("stage", vi: "Giai đoạn", en: "Stage") { $0.stage.rawValue },
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
    ] + stage.map { column in Column(column.field, vi: column.heading.vi, en: column.heading.en) { column.value($0.figures) } }

    static let targetProgress: [Column<TargetProgress>] = [
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.target.agencyCode },
        Column("agency_name", vi: "Tên cơ quan", en: "Agency name") { $0.agencyName },
        Column("position_kind", vi: "Loại vị trí", en: "Position kind") { $0.target.positionKind.rawValue },
        Column("count", vi: "Chỉ tiêu", en: "Count") { String($0.target.count) },
        Column("deadline", vi: "Hạn", en: "Deadline") { $0.target.deadline.description },
        Column("hired", vi: "Đã tuyển", en: "Hired") { String($0.hired) },
        Column("status", vi: "Tình trạng", en: "Status") { $0.status.rawValue },
        Column("risk", vi: "Lý do có nguy cơ", en: "Why at risk") { $0.risk?.rawValue ?? "" },
        Column("id", vi: "Mã", en: "ID") { $0.target.id.text },
    ]

    static let partnerStats: [Column<PartnerStats>] = [
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("agreement_reference", vi: "Thỏa thuận", en: "Agreement") { $0.agreementReference.cell },
        Column("agreement_status", vi: "Trạng thái", en: "Status") { $0.agreementStatus?.rawValue ?? "" },
        Column("nominations", vi: "Đề cử", en: "Nominations") { String($0.nominations) },
        Column("quota_used", vi: "Đã dùng chỉ tiêu năm nay", en: "Quota used this year") { s in
            "\(s.quotaUsed)" + (s.yearlyQuota.map { "/\($0)" } ?? "")
        },
        Column("reached_evaluation", vi: "Vào đánh giá", en: "Reached evaluation") { String($0.reachedEvaluation) },
        Column("hired", vi: "Được tuyển", en: "Hired") { String($0.hired) },
    ]
}
