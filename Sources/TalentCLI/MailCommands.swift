import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

/// `talent mail`: the e-mail the product sends through sendmail (TALENT_SENDMAIL).
struct MailCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "mail",
            abstract: L(vi: "Thư điện tử gửi qua sendmail của máy (TALENT_SENDMAIL): xem hàng đợi, gửi nhắc việc và bản tổng hợp tuần ngay.",
                        en: "E-mail sent through the machine's sendmail (TALENT_SENDMAIL): the queue, and reminders and digests now."),
            subcommands: [Deliveries.self, Reminders.self, Digest.self])
    }

    struct Deliveries: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thư trong hàng đợi, mới nhất trước: người nhận, trạng thái, số lần thử, lỗi gần nhất.",
                                             en: "E-mail in the outbox, newest first: recipient, state, attempts, last error."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Chỉ ở trạng thái này: pending, delivered, failed.", en: "Only in this state: pending, delivered, failed."))
        var state: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Delivery> = try await api.get("/v1/mail/deliveries",
                                                         query: [("state", state)] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.mail, nextCursor: page.nextCursor)
        }
    }

    struct Reminders: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xếp hàng thư nhắc thành viên hội đồng còn phiếu chưa nộp (máy chủ tự làm mỗi 6 giờ).",
                                             en: "Queue reminders to evaluators with sheets outstanding (the server does it every 6 hours)."))
        }
        @OptionGroup var global: GlobalOptions

        func run(api: APIClient, printer: Printer) async throws {
            let answer: JSONValue = try await api.post("/v1/mail/reminders")
            printer.message(LocalizedText(vi: "Đã xếp hàng \(Self.queued(answer)) thư nhắc", en: "Queued \(Self.queued(answer)) reminders"))
        }

        static func queued(_ answer: JSONValue) -> Int {
            if case .object(let fields) = answer, case .number(let n)? = fields["queued"] { return Int(n) }
            return 0
        }
    }

    struct Digest: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xếp hàng bản tổng hợp tuần cho cán bộ nhân sự chưa nhận tuần này (máy chủ tự làm).",
                                             en: "Queue this week's digest for HR officers who have not had it (the server does it itself)."))
        }
        @OptionGroup var global: GlobalOptions

        func run(api: APIClient, printer: Printer) async throws {
            let answer: JSONValue = try await api.post("/v1/mail/digests")
            let n = Reminders.queued(answer)
            printer.message(LocalizedText(vi: "Đã xếp hàng \(n) bản tổng hợp", en: "Queued \(n) digests"))
        }
    }
}

extension Columns {
    static let mail: [Column<Delivery>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("event", vi: "Loại thư", en: "Kind") { $0.event },
        Column("recipient", vi: "Người nhận", en: "Recipient") { $0.recipient.cell },
        .code("state", vi: "Trạng thái", en: "State") { $0.state },
        Column("attempts", vi: "Số lần thử", en: "Attempts") { String($0.attempts) },
        .time("next_attempt_at", vi: "Thử lại lúc", en: "Next attempt") { $0.nextAttemptAt },
        Column("last_error", vi: "Lỗi gần nhất", en: "Last error") { $0.lastError.cell },
        .time("created_at", vi: "Tạo lúc", en: "Created") { $0.createdAt },
        .time("delivered_at", vi: "Đã gửi lúc", en: "Sent") { $0.deliveredAt },
    ]
}
