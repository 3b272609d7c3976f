import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct ApplicationCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "application", abstract: L(vi: "Hồ sơ dự tuyển: ứng viên được xem xét cho vị trí tuyển dụng, và giai đoạn xử lý.",
                                                    en: "Candidates considered for positions, and their stages."),
            discussion: L(vi: "Các giai đoạn: nominated (được đề cử) → screening (sàng lọc hồ sơ) → evaluation (đánh giá) → interview (phỏng vấn) → offer (đề nghị tuyển dụng) → hired (đã tuyển dụng); rejected (không được chọn) và withdrawn (rút hồ sơ) từ bất kỳ giai đoạn nào đang mở; pool (nguồn dự trữ) từ đánh giá, phỏng vấn và đề nghị tuyển dụng. Chuyển lùi, đưa ra khỏi nguồn dự trữ hoặc mở lại hồ sơ đã đóng phải nêu --reason.",
                          en: "Stages: nominated → screening → evaluation → interview → offer → hired; rejected and withdrawn from any open stage; pool from evaluation, interview and offer. A move back, out of the pool, or reopening a closed application needs --reason."),
            subcommands: [Open.self, Move.self, Show.self, List.self, History.self])
    }

    struct Open: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Mở hồ sơ dự tuyển của ứng viên vào một vị trí (bắt đầu ở giai đoạn được đề cử).",
                                             en: "Consider a candidate for a position (starts in nominated)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã ứng viên.", en: "The candidate's id.")) var candidate: String
        @Option(help: L(vi: "Mã vị trí tuyển dụng.", en: "The position's id.")) var position: String

        func run(api: APIClient, printer: Printer) async throws {
            let input = try NewApplication(ApplicationDraft(candidateID: candidate, positionID: position))
            let body = JSONValue.object(["candidate_id": .string(input.candidateID.text),
                                         "position_id": .string(input.positionID.text)])
            printer.record(try await api.post("/v1/applications", body, as: Application.self), Columns.application)
        }
    }

    struct Move: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Chuyển hồ sơ dự tuyển sang giai đoạn khác.",
                                             en: "Move an application to another stage."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Giai đoạn chuyển đến: nominated, screening, evaluation, interview, offer, hired, pool, rejected hoặc withdrawn.",
                        en: "The stage to move to: nominated, screening, evaluation, interview, offer, hired, pool, rejected or withdrawn.")) var to: String
        @Option(help: L(vi: "Lý do.", en: "The reason.")) var reason: String?
        @Option(name: .customLong("if-version"), help: L(vi: "Chỉ thực hiện nếu bản ghi vẫn ở phiên bản này.",
                                                         en: "Only if the record is still at this version.")) var ifVersion: Int?

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            let input = try StageMove(StageMoveDraft(to: to, reason: reason))
            let body = JSONValue.object(["to": .string(input.to.rawValue), "reason": input.reason.map(JSONValue.string) ?? .null])
            let moved: Application = try await api.post("/v1/applications/\(uuid.text)/transitions", body,
                                                        headers: ifVersion.map { [("If-Match", "\"\($0)\"")] } ?? [])
            printer.record(moved, Columns.application)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem hồ sơ dự tuyển và lịch sử các giai đoạn.",
                                             en: "Show an application and its stage history."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            let application: Application = try await api.get("/v1/applications/\(uuid.text)")
            printer.record(application, Columns.application)
            if printer.format == .table {
                printer.console.out("")
                let history: Page<StageChange> = try await api.get("/v1/applications/\(uuid.text)/history")
                printer.list(history.items, Columns.stageChange)
            }
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê hồ sơ dự tuyển, mới nhất trước.",
                                             en: "List applications, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã ứng viên.", en: "The candidate's id.")) var candidate: String?
        @Option(help: L(vi: "Mã vị trí tuyển dụng.", en: "The position's id.")) var position: String?
        @Option(help: L(vi: "Giai đoạn: nominated, screening, evaluation, interview, offer, hired, pool, rejected hoặc withdrawn.",
                        en: "Stage: nominated, screening, evaluation, interview, offer, hired, pool, rejected or withdrawn.")) var stage: String?
        @Option(help: L(vi: "Mã cơ quan, ví dụ STP.", en: "The agency's code, such as STP.")) var agency: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Application> = try await api.get("/v1/applications", query: [
                ("candidate_id", candidate), ("position_id", position), ("stage", stage), ("agency", agency),
            ] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.application, nextCursor: page.nextCursor)
        }
    }

    struct History: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Các lần chuyển giai đoạn: người thực hiện, lý do, thời điểm và số ngày ở mỗi giai đoạn.",
                                             en: "Stage changes with actor, reason, time and days in each stage."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            let history: Page<StageChange> = try await api.get("/v1/applications/\(uuid.text)/history")
            printer.list(history.items, Columns.stageChange)
        }
    }
}

extension Columns {
    static let application: [Column<Application>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("position_title", vi: "Vị trí", en: "Position") { $0.positionTitle },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        .code("stage", vi: "Giai đoạn", en: "Stage") { $0.stage },
        .time("stage_entered_at", vi: "Từ", en: "Since") { $0.stageEnteredAt },
        Column("candidate_id", vi: "Mã ứng viên", en: "Candidate ID") { $0.candidateID.text },
        Column("position_id", vi: "Mã vị trí", en: "Position ID") { $0.positionID.text },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let stageChange: [Column<StageChange>] = [
        .time("at", vi: "Thời điểm", en: "Time") { $0.at },
        .code("from", vi: "Từ", en: "From") { $0.from },
        .code("to", vi: "Sang", en: "To") { $0.to },
        Column("actor", vi: "Người thực hiện", en: "Actor") { $0.actor },
        Column("reason", vi: "Lý do", en: "Reason") { $0.reason.cell },
        Column("days_in_stage", vi: "Số ngày ở giai đoạn", en: "Days in stage") {
            String(format: "%.1f", $0.secondsInStage / 86_400)
        },
    ]
}
