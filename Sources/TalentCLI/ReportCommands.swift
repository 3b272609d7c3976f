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
            let report = try await services.reports.pipeline(agency: agency, positionKind: positionKind, from: from, to: to,
                                                             groupBy: groupBy, by: actor)
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
            let report = try await services.reports.annual(year: year, by: actor)
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
            printer.list(try await services.reports.referrers(kind: kind, by: actor), Columns.referrerStats)
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

struct TargetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "The plan's targets per agency and kind of post.", subcommands: [Add.self, List.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add a target (administrators).")
        @OptionGroup var global: GlobalOptions
        @Option var agency: String
        @Option(name: .customLong("position-kind"), help: "legal_affairs_officer, core_drafting_officer, drafting_advisor or other.")
        var positionKind: String
        @Option var count: Int
        @Option(help: "YYYY-MM-DD.") var deadline: String
        @Option(name: .customLong("starts"), help: "Where the projection starts (YYYY-MM-DD; the plan's date unless given).")
        var startsOn: String?
        @Option var note: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.targets.add(agencyCode: agency, positionKind: positionKind, count: count,
                                                          deadline: deadline, startsOn: startsOn, note: note, by: actor),
                           Columns.target)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List targets.")
        @OptionGroup var global: GlobalOptions
        @Option var agency: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.targets.list(agency: agency, by: actor), Columns.target)
        }
    }
}

struct NominationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nomination", abstract: "Nominations partner universities submitted through the API.",
        subcommands: [List.self, Show.self])

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List nominations, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option var limit: Int = PageRequest.defaultLimit
        @Option var cursor: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.nominations.list(page: PageRequest(limit: limit, cursor: cursor), by: actor)
            printer.list(page.items, Columns.nomination, nextCursor: page.nextCursor)
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show one nomination.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.nominations.get(id, by: actor), Columns.nomination)
        }
    }
}
