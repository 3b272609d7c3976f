import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct AgencyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "agency", abstract: L(vi: "Cơ quan, đơn vị: nơi đăng vị trí tuyển dụng và được giao chỉ tiêu.",
                                               en: "Agencies: the bodies that post positions and carry targets."),
            subcommands: [List.self, Add.self, Update.self, Retire.self, Reorganize.self])
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các cơ quan, đơn vị.", en: "List agencies."))
        }
        @OptionGroup var global: GlobalOptions
        @Flag(help: L(vi: "Kể cả cơ quan đã giải thể, sáp nhập.", en: "Include retired agencies.")) var all = false
        @Option(help: L(vi: "Chỉ loại này: department (sở, ban, ngành), district (cấp huyện), commune (cấp xã), other (khác).",
                        en: "Only this kind: department, district, commune, other.")) var kind: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Agency> = try await api.get("/v1/agencies", query: [
                ("include_retired", all ? "true" : nil), ("kind", kind),
            ] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.agency, nextCursor: page.nextCursor)
        }
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm cơ quan, đơn vị.", en: "Add an agency."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã (chữ in hoa, không dấu), ví dụ STP.",
                        en: "The code (capital letters), such as STP.")) var code: String
        @Option(help: L(vi: "Tên (họ tên với người, tên đầy đủ với cơ quan, đối tác).",
                        en: "The name (a person's full name, an agency's or partner's full name).")) var name: String
        @Option(help: L(vi: "department (sở, ban, ngành), district (cấp huyện), commune (cấp xã) hoặc other (khác).",
                        en: "department, district, commune or other.")) var kind: String = "department"

        func run(api: APIClient, printer: Printer) async throws {
            _ = try NewAgency(code: code, name: name, kind: kind)
            let body = JSONValue.object(["code": .string(code), "name": .string(name), "kind": .string(kind)])
            printer.record(try await api.post("/v1/agencies", body, as: Agency.self), Columns.agency)
        }
    }

    struct Update: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Đổi tên cơ quan; mã và lịch sử được giữ nguyên.",
                                             en: "Rename an agency; its code and history stay."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã (chữ in hoa, không dấu), ví dụ STP.",
                          en: "The code (capital letters), such as STP.")) var code: String
        @Option(help: L(vi: "Tên (họ tên với người, tên đầy đủ với cơ quan, đối tác).",
                        en: "The name (a person's full name, an agency's or partner's full name).")) var name: String

        func run(api: APIClient, printer: Printer) async throws {
            _ = try AgencyRename(name: name)
            let body = JSONValue.object(["name": .string(name)])
            printer.record(try await api.put("/v1/agencies/\(APIClient.escape(code))/name", body, as: Agency.self),
                           Columns.agency)
        }
    }

    struct Retire: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi nhận cơ quan giải thể, hoặc sáp nhập vào cơ quan khác.",
                                             en: "Retire an agency, optionally merged into another."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã (chữ in hoa, không dấu), ví dụ STP.",
                          en: "The code (capital letters), such as STP.")) var code: String
        @Option(name: .customLong("merged-into"), help: L(vi: "Mã cơ quan tiếp nhận khi sáp nhập.",
                                                          en: "The code of the agency it is merged into.")) var mergedInto: String?

        func run(api: APIClient, printer: Printer) async throws {
            _ = try AgencyRetirement(mergedInto: mergedInto)
            let body = JSONValue.object(mergedInto.map { ["merged_into": .string($0)] } ?? [:])
            printer.record(try await api.post("/v1/agencies/\(APIClient.escape(code))/retirement", body, as: Agency.self),
                           Columns.agency)
        }
    }

    struct Reorganize: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Áp dụng một lần sắp xếp cơ quan từ tệp JSON (thành lập, đổi tên, giải thể, sáp nhập).",
                            en: "Apply a reorganization of agencies from a JSON file (create, rename, retire, merge)."),
                discussion: L(vi: "Ví dụ: talent agency reorganize --file deploy/reorganizations/2025-dong-thap.json --dry-run. "
                                + "Cả tệp được áp dụng trong một giao dịch, hoặc không gì cả; áp dụng lại không thay đổi gì.",
                              en: "For example: talent agency reorganize --file deploy/reorganizations/2025-dong-thap.json --dry-run. "
                                + "The whole file applies in one transaction, or nothing does; applying it again changes nothing."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Tệp sắp xếp (xem deploy/reorganizations/ và README).",
                        en: "The reorganization file (see deploy/reorganizations/ and the README).")) var file: String
        @Flag(name: .customLong("dry-run"), help: L(vi: "Chỉ cho biết sẽ thay đổi gì, không ghi gì.",
                                                    en: "Say what would change; write nothing.")) var dryRun = false

        func run(api: APIClient, printer: Printer) async throws {
            let document = try JSONFile.read(file)
            _ = try Reorganization(json: document)
            let result: ReorganizationResult = try await api.post("/v1/agencies/reorganizations", document,
                                                                  query: [("dry_run", dryRun ? "true" : nil)])
            if printer.format == .json {
                printer.console.out(result.jsonString(pretty: true))
                return
            }
            printer.list(result.changes, Columns.reorganization)
            printer.message(result.message)
        }
    }
}

extension Columns {
    static let reorganization: [Column<ReorganizationChange>] = [
        Column("step", vi: "Bước", en: "Step") { $0.step },
        .date("effective", vi: "Hiệu lực", en: "Effective") { $0.effective },
        Column("action", vi: "Thao tác", en: "Action", value: { $0.action.rawValue }, cell: { change, language in
            switch (change.action, change.mergedInto) {
            case (.retire, .some): language == .en ? "merge" : "sáp nhập"
            case (.retire, nil): language == .en ? "retire" : "giải thể"
            default: change.action.label.text(language)
            }
        }),
        Column("code", vi: "Mã", en: "Code") { $0.code },
        Column("name", vi: "Tên", en: "Name") { $0.name },
        Column("merged_into", vi: "Sáp nhập vào", en: "Merged into") { $0.mergedInto.cell },
        Column("positions_moved", vi: "Vị trí chuyển", en: "Positions moved") { String($0.positionsMoved) },
        Column("targets_moved", vi: "Chỉ tiêu chuyển", en: "Targets moved") { String($0.targetsMoved + $0.targetsFolded) },
        .code("outcome", vi: "Kết quả", en: "Outcome") { $0.outcome },
    ]

    static let agency: [Column<Agency>] = [
        Column("code", vi: "Mã", en: "Code") { $0.code },
        Column("name", vi: "Tên", en: "Name") { $0.name },
        .code("kind", vi: "Loại", en: "Kind") { $0.kind },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
        Column("merged_into", vi: "Sáp nhập vào", en: "Merged into") { $0.mergedInto.cell },
    ]
}
