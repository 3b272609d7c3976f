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
            subcommands: [Add.self, Update.self, Activate.self, Suspend.self, Terminate.self, List.self, Show.self])
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
        @OptionGroup var transfer: TransferOptions

        func run(api: APIClient, printer: Printer) async throws {
            let draft = AgreementDraft(reference: reference, title: title, signedOn: signed, startsOn: starts, endsOn: ends,
                                       fields: ProfileOptions.list(fields), yearlyQuota: quota, training: training, notes: notes,
                                       transfer: transfer.given ? transfer.draft(over: nil) : nil)
            _ = try ValidAgreement(draft)
            let agreement = try await api.post("/v1/partners/\(APIClient.escape(partner))/agreements", draft,
                                               as: Agreement.self)
            printer.record(agreement, Columns.agreementDetail, trailer: Columns.transferWarning(agreement, printer.language))
        }
    }

    struct Update: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Sửa điều khoản của thỏa thuận ở trạng thái dự thảo (kể cả điều khoản chuyển giao dữ liệu).",
                                             en: "Change a draft agreement's terms (the data transfer terms too)."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Số hiệu văn bản thỏa thuận.", en: "The agreement's reference number.")) var reference: String?
        @Option(help: L(vi: "Tên gọi, chức danh.", en: "The title.")) var title: String?
        @Option(name: .customLong("signed"), help: L(vi: "Ngày ký, dd/mm/yyyy hoặc YYYY-MM-DD.",
                                                     en: "Signing date, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var signed: String?
        @Option(help: L(vi: "Ngày bắt đầu có hiệu lực.", en: "First day it is valid."), transform: DateInput.iso) var starts: String?
        @Option(help: L(vi: "Ngày cuối cùng có hiệu lực.", en: "Last day it is valid."), transform: DateInput.iso) var ends: String?
        @Option(help: L(vi: "Chỉ tiêu đề cử hằng năm.", en: "Yearly nomination quota.")) var quota: Int?
        @Option(help: L(vi: "Các ngành đào tạo, cách nhau bằng dấu phẩy.", en: "Fields of study, comma-separated.")) var fields: String?
        @Option(help: L(vi: "Cam kết đào tạo.", en: "Training commitments.")) var training: String?
        @Option(help: L(vi: "Ghi chú.", en: "Notes.")) var notes: String?
        @OptionGroup var transfer: TransferOptions

        func run(api: APIClient, printer: Printer) async throws {
            let path = "/v1/agreements/\(try UUID.parse(id).text)"
            var names: Set<String> = []
            if reference != nil { names.insert("reference") }
            if title != nil { names.insert("title") }
            if signed != nil { names.insert("signed_on") }
            if starts != nil { names.insert("starts_on") }
            if ends != nil { names.insert("ends_on") }
            if quota != nil { names.insert("yearly_quota") }
            if fields != nil { names.insert("fields") }
            if training != nil { names.insert("training") }
            if notes != nil { names.insert("notes") }
            if transfer.given { names.insert("transfer") }
            guard !names.isEmpty else { throw ServiceError.invalid("fields", vi: "không có gì để sửa", en: "nothing to change") }
            let current: Agreement = try await api.get(path)
            // The terms change whole on the server: the flags given change the terms held, the others keep theirs.
            let draft = AgreementDraft(reference: reference, title: title, signedOn: signed, startsOn: starts, endsOn: ends,
                                       fields: ProfileOptions.list(fields), yearlyQuota: quota, training: training, notes: notes,
                                       transfer: transfer.given ? transfer.draft(over: current.transfer) : nil)
            if let terms = draft.transfer {
                var v = FieldValidator()
                _ = TransferTerms.check(terms, into: &v)
                try v.check()
            }
            let agreement = try await api.patch(path, draft.patchBody(names), version: current.version, as: Agreement.self)
            printer.record(agreement, Columns.agreementDetail, trailer: Columns.transferWarning(agreement, printer.language))
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
            let agreement = try await api.get("/v1/agreements/\(UUID.parse(id).text)", as: Agreement.self)
            printer.record(agreement, Columns.agreementDetail, trailer: Columns.transferWarning(agreement, printer.language))
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
        Column("transfer", vi: "Điều khoản chuyển giao", en: "Transfer terms", value: { $0.transfer == nil ? "missing" : "recorded" },
               cell: { agreement, language in
                   agreement.transfer != nil ? (language == .en ? "recorded" : "có")
                       : (language == .en ? "⚠ MISSING (Decree 356 Art. 7.1)" : "⚠ CHƯA CÓ (NĐ 356 Điều 7.1)")
               }),
    ]

    /// One agreement: its columns and each of its transfer terms.
    static let agreementDetail: [Column<Agreement>] = agreement + [
        Column("transfer_purpose", vi: "Mục đích chuyển giao", en: "Transfer purpose") { $0.transfer?.purpose ?? "" },
        Column("transfer_data_types", vi: "Loại dữ liệu chuyển giao", en: "Data types transferred",
               value: { $0.transfer?.dataTypes.map(\.rawValue).joined(separator: ";") ?? "" },
               cell: { agreement, language in
                   agreement.transfer?.dataTypes.map { $0.label.text(language) }.joined(separator: "; ") ?? ""
               }),
        Column("transfer_retention_days", vi: "Thời hạn xử lý (ngày)", en: "Processing period (days)") {
            $0.transfer.map { String($0.retentionDays) } ?? ""
        },
        .code("transfer_disposal", vi: "Khi hết thời hạn", en: "At the end") { $0.transfer?.disposal },
        Column("transfer_requests_contact", vi: "Đầu mối giải quyết yêu cầu của chủ thể dữ liệu",
               en: "Answers data subjects' requests") { $0.transfer?.requestsContact ?? "" },
    ]

    /// The line under an agreement recorded without its transfer terms.
    static func transferWarning(_ agreement: Agreement, _ language: Language) -> String? {
        guard agreement.transfer == nil else { return nil }
        return language == .en
            ? "Warning: this agreement records no transfer terms (Decree 356/2025/NĐ-CP Art. 7.1); add them with talent agreement update ID --transfer-purpose … (a draft only)"
            : "Cảnh báo: thỏa thuận chưa ghi điều khoản chuyển giao dữ liệu cá nhân (Nghị định 356/2025/NĐ-CP Điều 7.1); bổ sung bằng talent agreement update ID --transfer-purpose … (chỉ khi còn dự thảo)"
    }
}

/// The transfer terms' flags of `agreement add` and `update`.
struct TransferOptions: ParsableArguments {
    @Option(name: .customLong("transfer-purpose"), help: L(vi: "Mục đích chuyển giao dữ liệu cá nhân (Nghị định 356 Điều 7.1).",
                                                           en: "The purpose of the data transfer (Decree 356 Art. 7.1).")) var purpose: String?
    @Option(name: .customLong("data-types"), help: L(
        vi: "Loại dữ liệu được chuyển giao, cách nhau bằng dấu phẩy: identity, contact, profile, education, career, evaluation, referral, consent, free_text.",
        en: "Kinds of data transferred, comma-separated: identity, contact, profile, education, career, evaluation, referral, consent, free_text.")) var dataTypes: String?
    @Option(name: .customLong("retention-days"), help: L(vi: "Thời hạn xử lý, tính bằng ngày kể từ khi nhận.",
                                                         en: "The processing period, in days from receipt.")) var retentionDays: Int?
    @Option(help: L(vi: "Khi hết thời hạn: delete (xóa) hoặc return (trả lại đối tác).",
                    en: "At the end: delete or return (to the partner).")) var disposal: String?
    @Option(name: .customLong("requests-contact"), help: L(vi: "Đầu mối giải quyết yêu cầu của chủ thể dữ liệu (đơn vị, thư điện tử).",
                                                           en: "Who answers the data subjects' requests (office, e-mail).")) var requestsContact: String?

    var given: Bool {
        purpose != nil || dataTypes != nil || retentionDays != nil || disposal != nil || requestsContact != nil
    }

    /// The terms these flags state, the ones not given taken from `held`.
    func draft(over held: TransferTerms?) -> TransferTermsDraft {
        var draft = held.map(TransferTermsDraft.init) ?? TransferTermsDraft()
        if let purpose { draft.purpose = purpose }
        if let dataTypes { draft.dataTypes = ProfileOptions.list(dataTypes).map { $0.lowercased() } }
        if let retentionDays { draft.retentionDays = retentionDays }
        if let disposal { draft.disposal = disposal }
        if let requestsContact { draft.requestsContact = requestsContact }
        return draft
    }
}
