import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct NominationCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "nomination", abstract: L(vi: "Đề cử do các trường đối tác gửi qua API.",
                                                   en: "Nominations partner universities submitted through the API."),
            subcommands: [List.self, Show.self])
    }

    struct List: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các đề cử, mới nhất trước.",
                                             en: "List nominations, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.nominations.list(page: paging.request(), by: actor)
            printer.list(page.items, Columns.nomination, nextCursor: page.nextCursor)
        }
    }

    struct Show: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một đề cử.", en: "Show one nomination."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.nominations.get(id, by: actor), Columns.nomination)
        }
    }
}

extension Columns {
    static let nomination: [Column<NominationView>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("nominator", vi: "Người đề cử", en: "Nominator") { $0.nominator.name },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
        .time("submitted_at", vi: "Thời điểm", en: "Submitted") { $0.submittedAt },
        Column("candidate_id", vi: "Mã ứng viên", en: "Candidate ID") { $0.candidateID?.text ?? "" },
    ]
}
