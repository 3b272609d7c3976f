import ArgumentParser
import Foundation
import TalentDomain
import TalentService

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
            printer.record(try await services.partners.addAgreement(partner: partner, ValidAgreement(draft), by: actor),
                           Columns.agreement)
        }
    }

    struct Activate: AgreementActionCommand {
        static let configuration = CommandConfiguration(abstract: "Activate an agreement.")
        static let action = AgreementAction.activate
        @OptionGroup var global: GlobalOptions
        @Argument var id: String
        @Option var reason: String?
    }

    struct Suspend: AgreementActionCommand {
        static let configuration = CommandConfiguration(abstract: "Suspend an active agreement.")
        static let action = AgreementAction.suspend
        @OptionGroup var global: GlobalOptions
        @Argument var id: String
        @Option var reason: String?
    }

    struct Terminate: AgreementActionCommand {
        static let configuration = CommandConfiguration(abstract: "Terminate an agreement (final).")
        static let action = AgreementAction.terminate
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
    static var action: AgreementAction { get }
    var id: String { get }
    var reason: String? { get }
}

extension AgreementActionCommand {
    func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
        let input = try AgreementTransition(Self.action, reason: reason)
        printer.record(try await services.partners.act(input, on: UUID.parse(id), by: actor), Columns.agreement)
    }
}

extension Columns {
    static let agreement: [Column<Agreement>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("reference", vi: "Số hiệu", en: "Reference") { $0.reference },
        Column("starts_on", vi: "Từ ngày", en: "Starts") { $0.startsOn.description },
        Column("ends_on", vi: "Đến ngày", en: "Ends") { $0.endsOn.description },
        Column("status", vi: "Trạng thái", en: "Status") { $0.status().rawValue },
        Column("yearly_quota", vi: "Chỉ tiêu/năm", en: "Yearly quota") { $0.yearlyQuota.cell },
        Column("fields", vi: "Ngành", en: "Fields") { $0.fields.joined(separator: ", ") },
        Column("training", vi: "Cam kết đào tạo", en: "Training") { $0.training.cell },
    ]
}
