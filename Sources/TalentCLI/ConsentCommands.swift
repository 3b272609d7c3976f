import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct ConsentCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "consent",
            abstract: L(vi: "Sự đồng ý xử lý dữ liệu cá nhân của ứng viên, theo từng mục đích, kèm bằng chứng.",
                        en: "A candidate's consent to the processing of their data, per purpose, with the proof."),
            subcommands: [Record.self, Withdraw.self, List.self])
    }

    struct Record: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Ghi nhận sự đồng ý (thay thế sự đồng ý cùng mục đích đang hiệu lực, nếu có).",
                            en: "Record a consent (it supersedes the one in force for the same purpose, if any)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã định danh của ứng viên.", en: "The candidate's id.")) var candidate: String
        @Option(help: L(vi: "recruitment (tuyển dụng) hoặc talent_pool (lưu vào nguồn nhân lực, cần --expires).",
                        en: "recruitment, or talent_pool (needs --expires).")) var purpose: String
        @Option(help: L(vi: "Phiên bản thông báo mà người đó đã đọc, ví dụ 2026-01.",
                        en: "The version of the notice the person saw, such as 2026-01.")) var notice: String
        @Option(help: L(vi: "paper (phiếu giấy), email, web hoặc partner (qua trường đối tác).",
                        en: "paper, email, web or partner.")) var channel: String
        @Option(help: L(vi: "Hết hạn sau ngày này (dd/mm/yyyy hoặc YYYY-MM-DD).",
                        en: "Ends after this day (YYYY-MM-DD or dd/mm/yyyy)."), transform: DateInput.iso) var expires: String?
        @Option(help: L(vi: "Thời điểm người đó đồng ý (mặc định: bây giờ), ISO 8601 hoặc YYYY-MM-DD.",
                        en: "When the person consented (default: now), ISO 8601 or YYYY-MM-DD.")) var obtained: String?
        @Option(help: L(vi: "Nơi lưu bằng chứng, ví dụ số phiếu đồng ý trong hồ sơ giấy.",
                        en: "Where the proof is kept, such as the signed form's number.")) var evidence: String?

        func run(api: APIClient, printer: Printer) async throws {
            let consent = try NewConsent(purpose: purpose, noticeVersion: notice, channel: channel, obtainedAt: obtained,
                                         expiresOn: expires, evidence: evidence)
            let path = "/v1/candidates/\(try UUID.parse(candidate, field: "candidate").text)/consents"
            printer.record(try await api.post(path, consent, as: Consent.self), Columns.consent)
        }
    }

    struct Withdraw: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Ghi nhận việc rút lại sự đồng ý; rút sự đồng ý tuyển dụng thì các hồ sơ dự tuyển đang mở được rút theo.",
                            en: "Record a withdrawal; withdrawing the recruitment consent withdraws the open applications too."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã định danh của ứng viên.", en: "The candidate's id.")) var candidate: String
        @Option(help: L(vi: "recruitment hoặc talent_pool.", en: "recruitment or talent_pool.")) var purpose: String
        @Option(help: L(vi: "Lý do.", en: "The reason.")) var reason: String?

        func run(api: APIClient, printer: Printer) async throws {
            let withdrawal = try ConsentWithdrawal(purpose: purpose, reason: reason)
            let path = "/v1/candidates/\(try UUID.parse(candidate, field: "candidate").text)/consents/"
                + "\(withdrawal.purpose.rawValue)/withdrawal"
            let body = JSONValue.object(reason.map { ["reason": .string($0)] } ?? [:])
            let result = try await api.post(path, body, as: WithdrawnConsent.self)
            let trailer = result.erasureRequestID.map { id in
                printer.language == .en
                    ? (result.erasureRequestOpened ? "Erasure request opened: \(id.text) (talent privacy request show \(id.text))"
                       : "An erasure request was already open: \(id.text)")
                    : (result.erasureRequestOpened ? "Đã mở yêu cầu xóa dữ liệu: \(id.text) (talent privacy request show \(id.text))"
                       : "Đã có yêu cầu xóa dữ liệu đang mở: \(id.text)")
            }
            printer.record(result, Columns.consent.map { $0.of { (r: WithdrawnConsent) in r.consent } }, trailer: trailer)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Các lần đồng ý và rút lại của một ứng viên, mới nhất trước.",
                                             en: "A candidate's consents and withdrawals, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã định danh của ứng viên.", en: "The candidate's id.")) var candidate: String

        func run(api: APIClient, printer: Printer) async throws {
            let path = "/v1/candidates/\(try UUID.parse(candidate, field: "candidate").text)/consents"
            printer.list(try await api.get(path, as: Page<Consent>.self).items, Columns.consent)
        }
    }
}

extension Columns {
    static let consent: [Column<Consent>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        .code("purpose", vi: "Mục đích", en: "Purpose") { $0.purpose },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status() },
        Column("notice_version", vi: "Thông báo", en: "Notice") { $0.noticeVersion },
        .code("channel", vi: "Hình thức", en: "Channel") { $0.channel },
        .time("obtained_at", vi: "Thời điểm đồng ý", en: "Obtained") { $0.obtainedAt },
        .date("expires_on", vi: "Hết hạn", en: "Expires") { $0.expiresOn },
        Column("evidence", vi: "Bằng chứng", en: "Evidence") { $0.evidence.cell },
        Column("recorded_by", vi: "Người ghi nhận", en: "Recorded by") { $0.recordedBy },
        .time("withdrawn_at", vi: "Rút lại lúc", en: "Withdrawn") { $0.withdrawnAt },
    ]
}
