import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct AuditCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "audit", abstract: L(vi: "Nhật ký kiểm tra mọi thao tác ghi dữ liệu.",
                                              en: "The audit trail of every write."),
            subcommands: [List.self, Verify.self, Anchor.self])
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
        @Option(help: L(vi: "Một thao tác, ví dụ candidate.update; các lượt đọc dữ liệu cá nhân (candidate.read, candidate.search, nomination.read) chỉ hiện khi chọn đúng thao tác đó.",
                        en: "One action, for example candidate.update; reads of personal data (candidate.read, candidate.search, nomination.read) are listed only when asked for by name."))
        var action: String?
        @Option(help: L(vi: "Từ ngày này, dd/mm/yyyy hoặc YYYY-MM-DD.",
                        en: "From this date, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var since: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let query = try AuditQuery(entity: entity, actor: actorName, action: action, since: since)
            let entity = query.entity.map { entity in entity.id.map { "\(entity.type):\($0)" } ?? entity.type }
            let page: Page<AuditEntry> = try await api.get("/v1/audit", query: [
                ("entity", entity), ("actor", query.actor), ("action", query.action),
                ("since", query.since?.description),
            ] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.audit, nextCursor: page.nextCursor)
        }
    }

    /// `talent audit verify [--anchor SEQ:HASH]`: exit 0 when the chain is intact, else 1, naming the first bad entry.
    struct Verify: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Kiểm tra chuỗi mã băm của nhật ký: thoát 0 nếu còn nguyên vẹn, 1 nếu không (nêu mục hỏng đầu tiên).",
                            en: "Check the audit trail's hash chain: exit 0 when intact, else 1, naming the first bad entry."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mốc đã lưu bằng `talent audit anchor` (SỐ:MÃ_BĂM): mục đó phải còn nguyên.",
                        en: "An anchor kept from `talent audit anchor` (SEQ:HASH): its entry must be unchanged."))
        var anchor: String?

        func run(api: APIClient, printer: Printer) async throws {
            let result = try await AuditCommand.verify(api: api, anchor: anchor)
            printer.record(result, Columns.auditVerification)
            try AuditCommand.refuseBroken(result, printer: printer)
        }
    }

    /// `talent audit anchor`: checks the chain and prints its head, `SEQ:HASH`, to keep outside the database.
    struct Anchor: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "In mốc của nhật ký (SỐ:MÃ_BĂM của mục cuối) để lưu ngoài cơ sở dữ liệu, sau khi kiểm tra chuỗi.",
                            en: "Print the audit trail's head (SEQ:HASH of the last entry) to keep outside the database, after checking the chain."))
        }
        @OptionGroup var global: GlobalOptions

        func run(api: APIClient, printer: Printer) async throws {
            let result = try await AuditCommand.verify(api: api, anchor: nil)
            try AuditCommand.refuseBroken(result, printer: printer)
            switch printer.format {
            case .table, .csv: printer.console.out(result.anchor?.description ?? "")
            case .json: printer.record(result, Columns.auditVerification)
            }
        }
    }

    static func verify(api: APIClient, anchor: String?) async throws -> AuditVerification {
        let anchor = try anchor.map { try AuditAnchor(parsing: $0) }
        return try await api.get("/v1/audit/verify", query: [("anchor", anchor?.description)])
    }

    /// A broken chain is one line on stderr naming the first bad entry, and exit status 1.
    static func refuseBroken(_ result: AuditVerification, printer: Printer) throws {
        guard let bad = result.firstBad else { return }
        let en = printer.language == .en
        var entry = en ? "entry no. \(bad.seq)" : "mục số \(bad.seq)"
        if let id = bad.id { entry += " (id \(id))" }
        if let action = bad.action { entry += " \(action)" }
        if let type = bad.entityType, let id = bad.entityID { entry += " \(type):\(id.lowercased())" }
        if let at = bad.at { entry += " \(at.dayMonthYearTime)" }
        printer.console.err((en ? "talent: error: the audit trail is broken at " : "talent: lỗi: nhật ký bị phá vỡ tại ")
                            + entry + ": " + bad.reason.label.text(printer.language))
        throw ExitCode(1)
    }
}

extension Columns {
    static let auditVerification: [Column<AuditVerification>] = [
        Column("ok", vi: "Nguyên vẹn", en: "Intact", value: { $0.ok ? "true" : "false" },
               cell: { result, language in result.ok ? (language == .en ? "yes" : "có") : (language == .en ? "NO" : "KHÔNG") }),
        Column("entries", vi: "Số mục", en: "Entries") { String($0.entries) },
        Column("redacted", vi: "Số mục đã xoá nội dung (khi xoá dữ liệu cá nhân)", en: "Entries redacted by erasures") { String($0.redacted) },
        Column("first_bad", vi: "Mục hỏng đầu tiên", en: "First bad entry") { $0.firstBad.map { String($0.seq) } ?? "" },
        .code("reason", vi: "Lý do", en: "Reason") { $0.firstBad?.reason },
        Column("head_seq", vi: "Mục cuối", en: "Head entry") { $0.headSeq.map(String.init) ?? "" },
        Column("head", vi: "Mã băm mục cuối", en: "Head hash") { $0.head ?? "" },
    ]

    static let audit: [Column<AuditEntry>] = [
        .time("at", vi: "Thời điểm", en: "Time") { $0.at },
        Column("actor", vi: "Người thực hiện", en: "Actor") { $0.actor },
        Column("channel", vi: "Kênh", en: "Channel") { $0.channel.rawValue },
        Column("action", vi: "Thao tác", en: "Action") { $0.action },
        Column("entity_type", vi: "Đối tượng", en: "Entity") { $0.entityType },
        Column("entity_id", vi: "Mã đối tượng", en: "Entity ID") { $0.entityID.lowercased() },
    ]
}
