import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct RubricCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rubric", abstract: L(vi: "Bộ tiêu chí đánh giá: dự thảo → ban hành (không sửa được) → ngừng sử dụng.",
                                               en: "Evaluation rubrics: draft → published (immutable) → retired."),
            subcommands: [Create.self, List.self, Show.self, Publish.self, Retire.self])
    }

    struct Create: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Tạo bộ tiêu chí dự thảo từ tệp JSON (thành phiên bản mới nếu tên đã có).",
                            en: "Create a draft rubric from a JSON file (the next version when the name exists)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Tệp bộ tiêu chí (xem CONTRACT.md và docs/evaluations.md).",
                        en: "The rubric document (see CONTRACT.md and docs/evaluations.md).")) var file: String

        func run(api: APIClient, printer: Printer) async throws {
            let document = try JSONFile.read(file)
            _ = try RubricDefinition(json: document)
            printer.record(try await api.post("/v1/rubrics", document, as: Rubric.self), Columns.rubric)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các bộ tiêu chí, mọi phiên bản.",
                                             en: "List rubrics, every version."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "draft (dự thảo), published (đã ban hành) hoặc retired (ngừng sử dụng).",
                        en: "draft, published or retired.")) var status: String?
        @OptionGroup var paging: LimitOptions

        func run(api: APIClient, printer: Printer) async throws {
            let printer = printer.limited(try paging.checked())
            let status = try RubricStatus.parse(status, field: "status")
            let page: Page<Rubric> = try await api.get("/v1/rubrics", query: [("status", status?.rawValue)])
            printer.list(page.items, Columns.rubric)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một bộ tiêu chí và các tiêu chí của nó.",
                                             en: "Show a rubric and its criteria."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            let rubric: Rubric = try await api.get("/v1/rubrics/\(UUID.parse(id).text)")
            printer.record(rubric, Columns.rubric)
            if printer.format == .table {
                printer.console.out("")
                printer.list(rubric.definition.criteria, Columns.criterion)
            }
        }
    }

    struct Publish: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Ban hành một bộ tiêu chí dự thảo; phiên bản đã ban hành trước đó cùng tên sẽ ngừng sử dụng.",
                            en: "Publish a draft; the earlier published version of the same name is retired."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            printer.record(try await api.post("/v1/rubrics/\(UUID.parse(id).text)/publish", as: Rubric.self), Columns.rubric)
        }
    }

    struct Retire: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ngừng sử dụng bộ tiêu chí: không hội đồng mới nào được dùng.",
                                             en: "Retire a rubric: no new panel may use it."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            printer.record(try await api.post("/v1/rubrics/\(UUID.parse(id).text)/retire", as: Rubric.self), Columns.rubric)
        }
    }
}

/// A JSON document read from a file named on the command line.
enum JSONFile {
    static func read(_ path: String) throws(ServiceError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServiceError.invalid("file", vi: "không đọc được tệp \(path)", en: "cannot read \(path)")
        }
        do {
            return try JSONValue(parsing: data)
        } catch {
            throw ServiceError.invalid("file", vi: "\(path) không phải JSON hợp lệ", en: "\(path) is not valid JSON")
        }
    }
}

extension Columns {
    static let rubric: [Column<Rubric>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("name", vi: "Tên", en: "Name") { $0.definition.name },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
        Column("scale", vi: "Thang điểm", en: "Scale") { "\($0.definition.scaleMin)–\($0.definition.scaleMax)" },
        Column("pass_threshold", vi: "Ngưỡng đạt", en: "Pass threshold") { score($0.definition.passThreshold) },
        Column("min_evaluators", vi: "Số người chấm tối thiểu", en: "Min evaluators") { String($0.definition.minEvaluators) },
        .code("aggregation", vi: "Cách tổng hợp", en: "Aggregation") { $0.definition.aggregation },
        Column("criteria", vi: "Số tiêu chí", en: "Criteria") { String($0.definition.criteria.count) },
    ]

    static let criterion: [Column<Criterion>] = [
        Column("key", vi: "Khóa", en: "Key") { $0.key },
        Column("label", vi: "Tiêu chí", en: "Criterion") { $0.label },
        Column("weight", vi: "Trọng số", en: "Weight") { score($0.weight) },
        Column("levels", vi: "Các mức", en: "Levels") { c in
            c.levels.sorted { Int($0.key) ?? 0 < Int($1.key) ?? 0 }.map { "\($0.key): \($0.value)" }.joined(separator: " | ")
        },
    ]
}
