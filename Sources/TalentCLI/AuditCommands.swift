import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct AuditCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "audit", abstract: L(vi: "Nhật ký kiểm tra mọi thao tác ghi dữ liệu.",
                                              en: "The audit trail of every write."), subcommands: [List.self])
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê nhật ký, mới nhất trước.",
                                             en: "List audit entries, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "LOẠI hoặc LOẠI:MÃ, ví dụ candidate:3f2a….",
                        en: "TYPE or TYPE:ID, for example candidate:3f2a….")) var entity: String?
        @Option(name: .customLong("actor"), help: L(vi: "Người thực hiện.", en: "Who acted.")) var actorName: String?
        @Option(help: L(vi: "Từ ngày này, dd/mm/yyyy hoặc YYYY-MM-DD.",
                        en: "From this date, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var since: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let query = try AuditQuery(entity: entity, actor: actorName, since: since)
            let entity = query.entity.map { entity in entity.id.map { "\(entity.type):\($0)" } ?? entity.type }
            let page: Page<AuditEntry> = try await api.get("/v1/audit", query: [
                ("entity", entity), ("actor", query.actor), ("since", query.since?.description),
            ] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.audit, nextCursor: page.nextCursor)
        }
    }
}

extension Columns {
    static let audit: [Column<AuditEntry>] = [
        .time("at", vi: "Thời điểm", en: "Time") { $0.at },
        Column("actor", vi: "Người thực hiện", en: "Actor") { $0.actor },
        Column("channel", vi: "Kênh", en: "Channel") { $0.channel.rawValue },
        Column("action", vi: "Thao tác", en: "Action") { $0.action },
        Column("entity_type", vi: "Đối tượng", en: "Entity") { $0.entityType },
        Column("entity_id", vi: "Mã đối tượng", en: "Entity ID") { $0.entityID.lowercased() },
    ]
}
