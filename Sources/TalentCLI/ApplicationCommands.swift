import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct ApplicationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "application", abstract: "Candidates considered for positions, and their stages.",
        discussion: "Stages: nominated → screening → evaluation → interview → offer → hired; rejected and withdrawn from any open stage; pool from evaluation, interview and offer. A move back, out of the pool, or reopening a closed application needs --reason.",
        subcommands: [Open.self, Move.self, Show.self, List.self, History.self])

    struct Open: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Consider a candidate for a position (starts in nominated).")
        @OptionGroup var global: GlobalOptions
        @Option var candidate: String
        @Option var position: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let input = try NewApplication(ApplicationDraft(candidateID: candidate, positionID: position))
            printer.record(try await services.applications.open(input, by: actor), Columns.application)
        }
    }

    struct Move: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Move an application to another stage.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String
        @Option var to: String
        @Option var reason: String?
        @Option(name: .customLong("if-version")) var ifVersion: Int?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            let input = try StageMove(StageMoveDraft(to: to, reason: reason))
            printer.record(try await services.applications.move(uuid, input, expectedVersion: ifVersion, by: actor),
                           Columns.application)
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show an application and its stage history.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let application = try await services.applications.get(id, by: actor)
            printer.record(application, Columns.application)
            if printer.format == .table {
                printer.console.out("")
                printer.list(try await services.applications.history(id, by: actor), Columns.stageChange)
            }
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List applications, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option var candidate: String?
        @Option var position: String?
        @Option var stage: String?
        @Option var agency: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.applications.list(candidateID: candidate, positionID: position, stage: stage,
                                                            agency: agency, page: paging.request(),
                                                            by: actor)
            printer.list(page.items, Columns.application, nextCursor: page.nextCursor)
        }
    }

    struct History: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Stage changes with actor, reason, time and days in each stage.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.applications.history(id, by: actor), Columns.stageChange)
        }
    }
}

extension Columns {
    static let application: [Column<Application>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("position_title", vi: "Vị trí", en: "Position") { $0.positionTitle },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        Column("stage", vi: "Giai đoạn", en: "Stage") { $0.stage.rawValue },
        Column("stage_entered_at", vi: "Từ", en: "Since") { $0.stageEnteredAt.local },
        Column("candidate_id", vi: "Mã ứng viên", en: "Candidate ID") { $0.candidateID.text },
        Column("position_id", vi: "Mã vị trí", en: "Position ID") { $0.positionID.text },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let stageChange: [Column<StageChange>] = [
        Column("at", vi: "Thời điểm", en: "Time") { $0.at.local },
        Column("from", vi: "Từ", en: "From") { $0.from?.rawValue ?? "" },
        Column("to", vi: "Sang", en: "To") { $0.to.rawValue },
        Column("actor", vi: "Người thực hiện", en: "Actor") { $0.actor },
        Column("reason", vi: "Lý do", en: "Reason") { $0.reason.cell },
        Column("days_in_stage", vi: "Số ngày ở giai đoạn", en: "Days in stage") {
            String(format: "%.1f", $0.secondsInStage / 86_400)
        },
    ]
}
