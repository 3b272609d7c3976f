import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct PartnerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner", abstract: "Partner universities, institutes and colleges.",
        subcommands: [Add.self, List.self, Show.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add a partner institution.")
        @OptionGroup var global: GlobalOptions
        @Option var code: String
        @Option var name: String
        @Option(help: "university, institute or college.") var kind: String = "university"
        @Option(name: .customLong("contact-name")) var contactName: String?
        @Option(name: .customLong("contact-email")) var contactEmail: String?
        @Option(name: .customLong("contact-phone")) var contactPhone: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.partners.add(code: code, name: name, kind: kind, contactName: contactName,
                                                           contactEmail: contactEmail, contactPhone: contactPhone, by: actor),
                           Columns.partner)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List partners.")
        @OptionGroup var global: GlobalOptions
        @Option var limit: Int = PageRequest.defaultLimit
        @Option var cursor: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.partners.list(page: PageRequest(limit: limit, cursor: cursor), by: actor)
            printer.list(page.items, Columns.partner, nextCursor: page.nextCursor)
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show a partner and its agreements.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.partners.get(code, by: actor), Columns.partner)
            if printer.format == .table {
                printer.console.out("")
                printer.list(try await services.partners.agreements(partner: code, by: actor), Columns.agreement)
            }
        }
    }
}

struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement", abstract: "Partnership agreements: draft → active → suspended or terminated.",
        subcommands: [Add.self, Activate.self, Suspend.self, Terminate.self, List.self, Show.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add an agreement (in draft until activated).")
        @OptionGroup var global: GlobalOptions
        @Option var partner: String
        @Option(help: "The agreement's reference number.") var reference: String
        @Option var title: String?
        @Option(name: .customLong("signed"), help: "Signing date, YYYY-MM-DD.") var signed: String?
        @Option(help: "First day it is valid, YYYY-MM-DD.") var starts: String
        @Option(help: "Last day it is valid, YYYY-MM-DD.") var ends: String
        @Option(help: "Yearly nomination quota.") var quota: Int?
        @Option(help: "Fields of study covered, comma-separated.") var fields: String?
        @Option(help: "Training commitments (places or courses a year).") var training: String?
        @Option var notes: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let draft = AgreementDraft(reference: reference, title: title, signedOn: signed, startsOn: starts, endsOn: ends,
                                       fields: ProfileOptions.list(fields), yearlyQuota: quota, training: training, notes: notes)
            printer.record(try await services.partners.addAgreement(partner: partner, draft, by: actor), Columns.agreement)
        }
    }

    struct Activate: AgreementActionCommand {
        static let configuration = CommandConfiguration(abstract: "Activate an agreement.")
        static let action = "activate"
        @OptionGroup var global: GlobalOptions
        @Argument var id: String
        @Option var reason: String?
    }

    struct Suspend: AgreementActionCommand {
        static let configuration = CommandConfiguration(abstract: "Suspend an active agreement.")
        static let action = "suspend"
        @OptionGroup var global: GlobalOptions
        @Argument var id: String
        @Option var reason: String?
    }

    struct Terminate: AgreementActionCommand {
        static let configuration = CommandConfiguration(abstract: "Terminate an agreement (final).")
        static let action = "terminate"
        @OptionGroup var global: GlobalOptions
        @Argument var id: String
        @Option var reason: String?
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List agreements.")
        @OptionGroup var global: GlobalOptions
        @Option var partner: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.partners.agreements(partner: partner, by: actor), Columns.agreement)
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show one agreement.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.partners.agreement(id, by: actor), Columns.agreement)
        }
    }
}

/// `agreement activate|suspend|terminate ID [--reason TEXT]`: one body for the three.
protocol AgreementActionCommand: ServiceCommand {
    static var action: String { get }
    var id: String { get }
    var reason: String? { get }
}

extension AgreementActionCommand {
    func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
        printer.record(try await services.partners.act(Self.action, on: id, reason: reason, by: actor), Columns.agreement)
    }
}
