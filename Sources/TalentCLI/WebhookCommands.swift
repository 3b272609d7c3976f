import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

/// `talent webhook`: partners' endpoints told when a nomination's status changes, and the deliveries' log.
struct WebhookCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "webhook",
            abstract: L(vi: "Webhook của trường đối tác: báo khi trạng thái một đề cử thay đổi (POST có chữ ký HMAC-SHA256).",
                        en: "Partners' webhooks: told when a nomination's status changes (a POST signed with HMAC-SHA256)."),
            subcommands: [Add.self, List.self, Remove.self, Deliveries.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(
                vi: "Thêm webhook cho một đối tác; khóa ký (secret) chỉ in ra một lần (dòng cuối ở định dạng bảng): gửi cho đối tác qua kênh an toàn.",
                en: "Add a partner's webhook; its signing secret is printed once (the last line in table format): give it to the partner safely."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã đối tác.", en: "The partner's code.")) var partner: String
        @Option(help: L(vi: "Địa chỉ https:// nhận thông báo.", en: "The https:// URL to notify.")) var url: String

        func run(api: APIClient, printer: Printer) async throws {
            let input = try ValidWebhook(partnerCode: partner, url: url)
            let body = JSONValue.object(["partner_code": .string(input.partnerCode), "url": .string(input.url)])
            let webhook: Webhook = try await api.post("/v1/webhooks", body)
            var columns = Columns.webhook
            if printer.format == .csv { columns.append(Column("secret", vi: "Khóa ký", en: "Secret") { $0.secret ?? "" }) }
            printer.record(webhook, columns, trailer: webhook.secret)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các webhook (không bao giờ in khóa ký).",
                                             en: "List webhooks (never their secrets)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Chỉ của đối tác này.", en: "Only this partner's.")) var partner: String?

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Webhook> = try await api.get("/v1/webhooks", query: [("partner", partner)])
            printer.list(page.items, Columns.webhook, nextCursor: nil)
        }
    }

    struct Remove: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ngừng một webhook; các lần gửi đang chờ bị hủy.",
                                             en: "Stop a webhook; deliveries still waiting are given up."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của webhook.", en: "The webhook's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            let webhook: Webhook = try await api.delete("/v1/webhooks/\(UUID.parse(id).text)")
            printer.record(webhook, Columns.webhook)
        }
    }

    struct Deliveries: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Các lần gửi webhook, mới nhất trước: trạng thái, số lần thử, lần thử tiếp theo, lỗi gần nhất.",
                                             en: "Webhook deliveries, newest first: state, attempts, next attempt, last error."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Chỉ của đối tác này.", en: "Only this partner's.")) var partner: String?
        @Option(help: L(vi: "Chỉ ở trạng thái này: pending, delivered, failed.", en: "Only in this state: pending, delivered, failed."))
        var state: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Delivery> = try await api.get(
                "/v1/webhooks/deliveries", query: [("partner", partner), ("state", state)] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.delivery, nextCursor: page.nextCursor)
        }
    }
}

extension Columns {
    static let webhook: [Column<Webhook>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("url", vi: "Địa chỉ", en: "URL") { $0.url },
        Column("active", vi: "Đang dùng", en: "Active", value: { $0.active ? "true" : "false" },
               cell: { webhook, language in webhook.active ? (language == .vi ? "có" : "yes") : (language == .vi ? "không" : "no") }),
        Column("created_by", vi: "Người thêm", en: "Added by") { $0.createdBy },
        .time("created_at", vi: "Thêm lúc", en: "Added") { $0.createdAt },
    ]

    static let delivery: [Column<Delivery>] = [
        Column("id", vi: "Mã lần gửi", en: "Delivery ID") { $0.id.text },
        Column("event", vi: "Sự kiện", en: "Event") { $0.event },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode.cell },
        .code("state", vi: "Trạng thái", en: "State") { $0.state },
        Column("attempts", vi: "Số lần thử", en: "Attempts") { String($0.attempts) },
        .time("next_attempt_at", vi: "Thử lại lúc", en: "Next attempt") { $0.nextAttemptAt },
        Column("last_status", vi: "Mã trả lời", en: "Last status") { $0.lastStatus.map(String.init) ?? "" },
        Column("last_error", vi: "Lỗi gần nhất", en: "Last error") { $0.lastError.cell },
        .time("created_at", vi: "Tạo lúc", en: "Created") { $0.createdAt },
        .time("delivered_at", vi: "Đã gửi lúc", en: "Delivered") { $0.deliveredAt },
    ]
}
