import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for leadership.", subcommands: [Referrers.self])

    struct Referrers: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per referrer: referrals, credited, reached evaluation, hired, rejected.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "person, user, agency, partner or self.") var kind: String?

        func run(services: TalentServices, actor: Actor, printer: Printer) async throws {
            printer.list(try await services.reports.referrers(kind: kind, by: actor), Columns.referrerStats)
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

        func run(services: TalentServices, actor: Actor, printer: Printer) async throws {
            let page = try await services.nominations.list(page: PageRequest(limit: limit, cursor: cursor), by: actor)
            printer.list(page.items, Columns.nomination, nextCursor: page.nextCursor)
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show one nomination.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Actor, printer: Printer) async throws {
            printer.record(try await services.nominations.get(id, by: actor), Columns.nomination)
        }
    }
}
