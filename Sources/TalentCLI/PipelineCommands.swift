import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct PositionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "position", abstract: "Openings per agency.", subcommands: [Add.self, List.self, Show.self, Update.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add a position.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The agency's code, such as STP.") var agency: String
        @Option var title: String
        @Option(help: "legal_affairs_officer, core_drafting_officer, drafting_advisor or other.") var kind: String
        @Option var openings: Int?
        @Option(name: .customLong("target-date"), help: "YYYY-MM-DD.") var targetDate: String?
        @Option var description: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let position = try await services.positions.add(
                PositionDraft(agencyCode: agency, title: title, kind: kind, openings: openings, targetDate: targetDate,
                              description: description), by: actor)
            printer.record(position, Columns.position)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List positions, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option var agency: String?
        @Option var kind: String?
        @Option(help: "open, on_hold, filled or closed.") var status: String?
        @Option var limit: Int = PageRequest.defaultLimit
        @Option var cursor: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.positions.list(agency: agency, kind: kind, status: status,
                                                         page: PageRequest(limit: limit, cursor: cursor), by: actor)
            printer.list(page.items, Columns.position, nextCursor: page.nextCursor)
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show one position.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.positions.get(id, by: actor), Columns.position)
        }
    }

    struct Update: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Change a position's fields.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String
        @Option var agency: String?
        @Option var title: String?
        @Option var kind: String?
        @Option var openings: Int?
        @Option(name: .customLong("target-date")) var targetDate: String?
        @Option(help: "open, on_hold, filled or closed.") var status: String?
        @Option var description: String?
        @Option(name: .customLong("if-version")) var ifVersion: Int?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            var fields: Set<PositionService.Field> = []
            if agency != nil { fields.insert(.agencyCode) }
            if title != nil { fields.insert(.title) }
            if kind != nil { fields.insert(.kind) }
            if openings != nil { fields.insert(.openings) }
            if targetDate != nil { fields.insert(.targetDate) }
            if status != nil { fields.insert(.status) }
            if description != nil { fields.insert(.description) }
            guard !fields.isEmpty else { throw ServiceError.invalid("fields", vi: "không có gì để sửa", en: "nothing to change") }
            let position = try await services.positions.update(
                id, patch: PositionDraft(agencyCode: agency, title: title, kind: kind, openings: openings,
                                         targetDate: targetDate, status: status, description: description),
                fields: fields, expectedVersion: ifVersion, by: actor)
            printer.record(position, Columns.position)
        }
    }
}

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
            printer.record(try await services.applications.open(candidateID: candidate, positionID: position, by: actor),
                           Columns.application)
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
            printer.record(try await services.applications.move(id, to: to, reason: reason, expectedVersion: ifVersion,
                                                                by: actor), Columns.application)
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
        @Option var limit: Int = PageRequest.defaultLimit
        @Option var cursor: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.applications.list(candidateID: candidate, positionID: position, stage: stage,
                                                            agency: agency, page: PageRequest(limit: limit, cursor: cursor),
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
