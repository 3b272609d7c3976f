import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct AgreementCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "agreement", abstract: L(vi: "Thỏa thuận hợp tác: dự thảo → đang hiệu lực → tạm dừng hoặc chấm dứt.",
                                                  en: "Partnership agreements: draft → active → suspended or terminated."),
            subcommands: [Add.self, Activate.self, Suspend.self, Terminate.self, List.self, Show.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm thỏa thuận hợp tác (ở trạng thái dự thảo cho đến khi kích hoạt).",
                                             en: "Add an agreement (in draft until activated)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã đối tác.", en: "The partner's code.")) var partner: String
        @Option(help: L(vi: "Số hiệu văn bản thỏa thuận.",
                        en: "The agreement's reference number.")) var reference: String
        @Option(help: L(vi: "Tên gọi, chức danh.", en: "The title.")) var title: String?
        @Option(name: .customLong("signed"), help: L(vi: "Ngày ký, dd/mm/yyyy hoặc YYYY-MM-DD.",
                                                     en: "Signing date, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var signed: String?
        @Option(help: L(vi: "Ngày bắt đầu có hiệu lực, dd/mm/yyyy hoặc YYYY-MM-DD.",
                        en: "First day it is valid, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var starts: String
        @Option(help: L(vi: "Ngày cuối cùng có hiệu lực, dd/mm/yyyy hoặc YYYY-MM-DD.",
                        en: "Last day it is valid, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var ends: String
        @Option(help: L(vi: "Chỉ tiêu đề cử hằng năm.", en: "Yearly nomination quota.")) var quota: Int?
        @Option(help: L(vi: "Các ngành đào tạo thuộc phạm vi thỏa thuận, cách nhau bằng dấu phẩy.",
                        en: "Fields of study covered, comma-separated.")) var fields: String?
        @Option(help: L(vi: "Cam kết đào tạo (số suất hoặc số khóa mỗi năm).",
                        en: "Training commitments (places or courses a year).")) var training: String?
        @Option(help: L(vi: "Ghi chú.", en: "Notes.")) var notes: String?

        func run(api: APIClient, printer: Printer) async throws {
            let draft = AgreementDraft(reference: reference, title: title, signedOn: signed, startsOn: starts, endsOn: ends,
                                       fields: ProfileOptions.list(fields), yearlyQuota: quota, training: training, notes: notes)
            _ = try ValidAgreement(draft)
            printer.record(try await api.post("/v1/partners/\(APIClient.escape(partner))/agreements", draft,
                                              as: Agreement.self), Columns.agreement)
        }
    }

    struct Activate: AgreementActionCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Kích hoạt thỏa thuận hợp tác.", en: "Activate an agreement."))
        }
        static let action = AgreementAction.activate
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Lý do.", en: "The reason.")) var reason: String?
    }

    struct Suspend: AgreementActionCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Tạm dừng thỏa thuận đang hiệu lực.",
                                             en: "Suspend an active agreement."))
        }
        static let action = AgreementAction.suspend
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Lý do.", en: "The reason.")) var reason: String?
    }

    struct Terminate: AgreementActionCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Chấm dứt thỏa thuận (không thể khôi phục).",
                                             en: "Terminate an agreement (final)."))
        }
        static let action = AgreementAction.terminate
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Lý do.", en: "The reason.")) var reason: String?
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các thỏa thuận hợp tác.", en: "List agreements."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã đối tác.", en: "The partner's code.")) var partner: String?
        @OptionGroup var paging: LimitOptions

        func run(api: APIClient, printer: Printer) async throws {
            let printer = printer.limited(try paging.checked())
            let page: Page<Agreement> = try await api.get("/v1/agreements", query: [("partner", partner)])
            printer.list(page.items, Columns.agreement)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một thỏa thuận hợp tác.", en: "Show one agreement."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            printer.record(try await api.get("/v1/agreements/\(UUID.parse(id).text)", as: Agreement.self), Columns.agreement)
        }
    }
}

/// `agreement activate|suspend|terminate ID [--reason TEXT]`: one body for the three.
protocol AgreementActionCommand: APICommand {
    static var action: AgreementAction { get }
    var id: String { get }
    var reason: String? { get }
}

extension AgreementActionCommand {
    /// The change is made against the version read just before, as `PATCH /v1/agreements/{id}` asks.
    func run(api: APIClient, printer: Printer) async throws {
        let input = try AgreementTransition(Self.action, reason: reason)
        let path = "/v1/agreements/\(try UUID.parse(id).text)"
        let current: Agreement = try await api.get(path)
        printer.record(try await api.patch(path, input.jsonBytes, version: current.version, as: Agreement.self),
                       Columns.agreement)
    }
}

extension Columns {
    static let agreement: [Column<Agreement>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("reference", vi: "Số hiệu", en: "Reference") { $0.reference },
        .date("starts_on", vi: "Từ ngày", en: "Starts") { $0.startsOn },
        .date("ends_on", vi: "Đến ngày", en: "Ends") { $0.endsOn },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status() },
        Column("yearly_quota", vi: "Chỉ tiêu/năm", en: "Yearly quota") { $0.yearlyQuota.cell },
        Column("fields", vi: "Ngành", en: "Fields") { $0.fields.joined(separator: ", ") },
        Column("training", vi: "Cam kết đào tạo", en: "Training") { $0.training.cell },
    ]
}
