import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct EvaluationCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "evaluation", abstract: L(vi: "Hội đồng đánh giá, phiếu đánh giá và kết quả của hội đồng.",
                                                   en: "Evaluation panels, score sheets and the panel's result."),
            discussion: L(vi: """
                    Dòng lệnh thao tác với quyền quản trị hệ thống. Để thao tác với tư cách một thành viên hội đồng \
                    (và chỉ thấy những gì thành viên đó được xem), truyền mã người dùng của thành viên đó vào --as.
                    """,
                          en: """
                    The CLI acts as an administrator. To act as an evaluator (and see only what they may see), pass the \
                    evaluator's user id to --as.
                    """),
            subcommands: [Assign.self, Assigned.self, Recuse.self, Panel.self, Submit.self, Confirm.self, List.self, Score.self,
                          Rank.self])
    }

    struct Assign: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Phân công thành viên vào hội đồng đánh giá một hồ sơ dự tuyển.",
                                             en: "Put an evaluator on an application's panel."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã hồ sơ dự tuyển.", en: "The application's id.")) var application: String
        @Option(help: L(vi: "Mã người dùng của thành viên hội đồng.",
                        en: "The evaluator's user id.")) var evaluator: String

        func run(api: APIClient, printer: Printer) async throws {
            let input = try PanelAssignment(evaluatorID: evaluator)
            let change: PanelChange<PanelMember> = try await api.post(
                "/v1/applications/\(UUID.parse(application).text)/evaluators",
                JSONValue.object(["evaluator_id": .string(input.evaluatorID.text)]))
            printer.panelChange(change, Columns.panelMember)
        }
    }

    struct Assigned: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Các hội đồng mà một thành viên tham gia: hồ sơ còn phải chấm, phiếu đã nộp, các trường hợp rút khỏi hội đồng.",
                            en: "The panels an evaluator sits on: what is still to score, what was submitted, recusals."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã người dùng của thành viên hội đồng (bỏ trống khi thao tác với tư cách thành viên đó qua --as, hoặc để xem của mọi người).",
                        en: "An evaluator's user id (omit when acting as the evaluator with --as, or for everyone's)."))
        var evaluator: String?
        @Option(help: L(vi: "assigned (đã phân công, chưa chấm), submitted (đã nộp phiếu), awaiting_confirmation (phiếu nhập hộ, chờ xác nhận) hoặc recused (đã rút).",
                        en: "assigned (still to score), submitted, awaiting_confirmation (a sheet typed in for them, to confirm) or recused.")) var status: String?
        @Option(help: L(vi: "Số bản ghi tối đa được in (mặc định 50, tối đa 200).",
                        en: "How many records to print (default 50, at most 200).")) var limit: Int = PageRequest.defaultLimit

        func run(api: APIClient, printer: Printer) async throws {
            let query = try AssignmentQuery(evaluatorID: evaluator, status: status, limit: limit)
            let page: Page<EvaluatorAssignment> = try await api.get("/v1/assignments", query: [
                ("evaluator_id", query.evaluatorID?.text), ("status", query.status?.rawValue), ("limit", String(query.limit)),
            ])
            printer.list(page.items, Columns.assignment)
        }
    }

    struct Recuse: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Ghi nhận việc rút khỏi hội đồng: thành viên khai báo quan hệ với ứng viên và không tham gia chấm.",
                            en: "Record a recusal: the evaluator declares a relationship with the candidate and steps off."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã hồ sơ dự tuyển.", en: "The application's id.")) var application: String
        @Option(help: L(vi: "Mã người dùng của thành viên hội đồng (bỏ trống khi thao tác với tư cách thành viên đó qua --as).",
                        en: "The evaluator's user id (omit when acting as the evaluator with --as).")) var evaluator: String?
        @Option(help: L(vi: "Lý do.", en: "The reason.")) var reason: String
        @Option(help: L(vi: "Quan hệ: none (không có), teacher (giảng viên, thầy cô), colleague (đồng nghiệp), supervisor (cấp trên), relative (người thân) hoặc other (khác).",
                        en: "none, teacher, colleague, supervisor, relative or other.")) var relationship: String?

        func run(api: APIClient, printer: Printer) async throws {
            // Who recuses (the evaluator themselves, or hr naming them) is the server's to check, with the caller.
            let body = JSONValue.object([
                "evaluator_id": evaluator.map(JSONValue.string) ?? .null, "reason": .string(reason),
                "relationship": relationship.map(JSONValue.string) ?? .null,
            ])
            let change: PanelChange<ConflictDeclaration> = try await api.post(
                "/v1/applications/\(UUID.parse(application).text)/recusals", body)
            printer.panelChange(change, Columns.conflict)
        }
    }

    struct Panel: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem hội đồng đánh giá của một hồ sơ dự tuyển và ai đã nộp phiếu.",
                                             en: "Show an application's panel and who has submitted."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã hồ sơ dự tuyển.", en: "The application's id.")) var application: String

        func run(api: APIClient, printer: Printer) async throws {
            let panel: Page<PanelMember> = try await api.get("/v1/applications/\(UUID.parse(application).text)/evaluators")
            printer.list(panel.items, Columns.panelMember)
        }
    }

    struct Submit: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Nộp phiếu đánh giá của một thành viên; nộp lại kèm --reason để sửa phiếu đã nộp.",
                            en: "Submit an evaluator's scores; again, with --reason, to amend a submitted sheet."),
                discussion: L(vi: """
                    Phiếu do cán bộ nhập hộ (không có --as của chính thành viên) ghi tên người nhập và chỉ được tính \
                    khi thành viên xác nhận (talent evaluation confirm).
                    """, en: """
                    A sheet typed in for an evaluator (not acting as them with --as) records who typed it and counts \
                    only once the evaluator confirms it (talent evaluation confirm).
                    """))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã hồ sơ dự tuyển.", en: "The application's id.")) var application: String
        @Option(help: L(vi: "Mã bộ tiêu chí đánh giá.", en: "The rubric's id.")) var rubric: String
        @Option(help: L(vi: "Mã người dùng của thành viên hội đồng (bỏ trống khi thao tác với tư cách thành viên đó qua --as).",
                        en: "The evaluator's user id (omit when acting as the evaluator with --as).")) var evaluator: String?
        @Option(name: .customLong("score"), help: L(vi: "TIÊU_CHÍ=ĐIỂM, mỗi tiêu chí một lần.",
                                                    en: "KEY=N, once per criterion.")) var scores: [String] = []
        @Option(help: L(vi: "Nhận xét của thành viên hội đồng.", en: "The evaluator's comment.")) var comment: String?
        @Option(help: L(vi: "Lý do sửa phiếu đã nộp.", en: "Why a submitted sheet is amended.")) var reason: String?

        func run(api: APIClient, printer: Printer) async throws {
            // Whose sheet it is (the evaluator's own, or typed in by hr) is the server's to check, with the caller.
            let body = JSONValue.object([
                "rubric_id": .string(rubric), "scores": try ScoreArguments.parse(scores).map(JSONValue.object) ?? .null,
                "comment": comment.map(JSONValue.string) ?? .null, "reason": reason.map(JSONValue.string) ?? .null,
                "evaluator_id": evaluator.map(JSONValue.string) ?? .null,
            ])
            let sheet: ScoreSheet = try await api.post("/v1/applications/\(UUID.parse(application).text)/evaluations", body)
            printer.record(sheet, Columns.sheet)
            if sheet.awaitingConfirmation, printer.format == .table {
                printer.console.err(printer.language == .en
                    ? "note: typed in for \(sheet.evaluatorName); it counts once they confirm it (talent evaluation confirm)"
                    : "lưu ý: phiếu nhập hộ cho \(sheet.evaluatorName); chỉ được tính khi người đó xác nhận (talent evaluation confirm)")
            }
        }
    }

    struct Confirm: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Thành viên hội đồng xác nhận phiếu được nhập hộ cho mình; từ đó phiếu mới được tính.",
                            en: "The evaluator confirms a sheet typed in for them; from then on it counts."),
                discussion: L(vi: "Chỉ chính thành viên đó xác nhận (--as MÃ_NGƯỜI_DÙNG trên dòng lệnh).",
                              en: "Only the evaluator confirms (--as THEIR_USER_ID on the CLI)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã hồ sơ dự tuyển.", en: "The application's id.")) var application: String
        @Option(help: L(vi: "Mã phiếu (bỏ trống: phiếu hiện hành của người xác nhận).",
                        en: "The sheet's id (omit for the confirming evaluator's current sheet).")) var sheet: String?

        func run(api: APIClient, printer: Printer) async throws {
            let applicationID = try UUID.parse(application)
            let sheetID = try sheet.map { text throws(ServiceError) in try UUID.parse(text, field: "sheet") }
            let confirmed: ScoreSheet = try await api.post(
                "/v1/applications/\(applicationID.text)/evaluations/\(sheetID?.text ?? "current")/confirmation")
            printer.record(confirmed, Columns.sheet)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các phiếu đánh giá của một hồ sơ dự tuyển.",
                                             en: "List an application's score sheets."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã hồ sơ dự tuyển.", en: "The application's id.")) var application: String
        @Flag(help: L(vi: "Kể cả các bản đã được sửa đổi.", en: "Include amended revisions.")) var history = false
        @OptionGroup var paging: LimitOptions

        func run(api: APIClient, printer: Printer) async throws {
            let printer = printer.limited(try paging.checked())
            let sheets: Page<ScoreSheet> = try await api.get("/v1/applications/\(UUID.parse(application).text)/evaluations",
                                                             query: [("history", history ? "true" : nil)])
            printer.list(sheets.items, Columns.sheet)
        }
    }

    struct Score: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Kết quả đánh giá của hội đồng đối với một hồ sơ dự tuyển.",
                                             en: "The panel's result for an application."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã hồ sơ dự tuyển.", en: "The application's id.")) var application: String

        func run(api: APIClient, printer: Printer) async throws {
            let result: PanelResult = try await api.get("/v1/applications/\(UUID.parse(application).text)/score")
            printer.record(result, Columns.panelResult)
            if result.amendedAfterResult {
                printer.console.err((printer.language == .en
                    ? "warning: a sheet was amended after the result was first read"
                    : "cảnh báo: có phiếu được sửa sau khi kết quả đã được xem lần đầu"))
            }
            if printer.format == .table, !result.evaluators.isEmpty {
                printer.console.out("")
                printer.list(result.evaluators, Columns.evaluatorScore)
                printer.console.out("")
                printer.list(result.criteria, Columns.criterionMean)
            }
        }
    }

    struct Rank: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xếp hạng các hồ sơ dự tuyển của một vị trí theo điểm của hội đồng.",
                                             en: "Rank a position's applications by panel score."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã vị trí tuyển dụng.", en: "The position's id.")) var position: String

        func run(api: APIClient, printer: Printer) async throws {
            let ranking: Page<RankedApplication> = try await api.get(
                "/v1/positions/\(UUID.parse(position, field: "position").text)/ranking")
            printer.list(ranking.items, Columns.ranking)
        }
    }
}

/// `--score KEY=N` options as the scores object of the API.
enum ScoreArguments {
    static func parse(_ arguments: [String]) throws(ServiceError) -> [String: JSONValue]? {
        guard !arguments.isEmpty else { return nil }
        var scores: [String: JSONValue] = [:]
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ServiceError.invalid("score", vi: "phải có dạng KHÓA=ĐIỂM, ví dụ legal_drafting=4",
                                           en: "must be KEY=N, for example legal_drafting=4")
            }
            guard scores[parts[0]] == nil else {
                throw ServiceError.invalid("scores.\(parts[0])", vi: "được chấm hai lần", en: "is scored twice")
            }
            scores[parts[0]] = Double(parts[1]).map(JSONValue.number) ?? .string(parts[1])
        }
        return scores
    }
}

extension Columns {
    static let panelMember: [Column<PanelMember>] = [
        Column("evaluator_id", vi: "Mã người chấm", en: "Evaluator ID") { $0.evaluatorID.text },
        Column("evaluator_name", vi: "Người chấm", en: "Evaluator") { $0.evaluatorName },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
        .time("assigned_at", vi: "Phân công lúc", en: "Assigned") { $0.assignedAt },
        Column("recusal_reason", vi: "Lý do rút", en: "Recusal reason") { $0.recusalReason.cell },
    ]

    static let conflict: [Column<ConflictDeclaration>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("user_id", vi: "Người dùng", en: "User") { $0.userID.text },
        Column("candidate_id", vi: "Ứng viên", en: "Candidate") { $0.candidateID.text },
        .code("relationship", vi: "Quan hệ", en: "Relationship") { $0.relationship },
        Column("reason", vi: "Lý do", en: "Reason") { $0.reason },
        .time("declared_at", vi: "Thời điểm", en: "Time") { $0.declaredAt },
    ]

    static let sheet: [Column<ScoreSheet>] = [
        Column("id", vi: "Mã phiếu", en: "Sheet ID") { $0.id.text },
        Column("evaluator_name", vi: "Người chấm", en: "Evaluator") { $0.evaluatorName },
        Column("revision", vi: "Lần", en: "Revision") { String($0.revision) },
        Column("current", vi: "Hiện hành", en: "Current") { $0.isCurrent ? "✓" : "" },
        Column("scores", vi: "Điểm", en: "Scores") { $0.scores.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") },
        .time("submitted_at", vi: "Nộp lúc", en: "Submitted") { $0.submittedAt },
        Column("reason", vi: "Lý do sửa", en: "Amendment reason") { $0.reason.cell },
        Column("comment", vi: "Nhận xét", en: "Comment") { $0.comment.cell },
        Column("entered_by", vi: "Người nhập hộ", en: "Entered by") { $0.enteredBy.cell },
        Column("confirmed_by", vi: "Xác nhận", en: "Confirmed") { s in
            s.awaitingConfirmation ? "chờ xác nhận / awaiting" : s.confirmedBy.cell
        },
        Column("amended_after_result", vi: "Sửa sau khi xem kết quả", en: "Amended after result") {
            $0.amendedAfterResult ? "⚠" : ""
        },
    ]

    static let panelResult: [Column<PanelResult>] = [
        Column("application_id", vi: "Hồ sơ", en: "Application") { $0.applicationID.text },
        Column("panel_score", vi: "Điểm hội đồng", en: "Panel score") { $0.panelScore.map(score) ?? "" },
        Column("complete", vi: "Đủ hội đồng", en: "Complete") { "\($0.submitted)/\($0.required.cell)" + ($0.complete ? " ✓" : "") },
        Column("passed", vi: "Kết quả", en: "Result") { r in
            r.passed.map { $0 ? "đạt / passed" : "không đạt / failed" } ?? ""
        },
        Column("spread", vi: "Độ chênh", en: "Spread") { $0.spread.map(score) ?? "" },
        Column("disagreement", vi: "Bất đồng", en: "Disagreement") { $0.disagreement ? "⚠" : "" },
        .code("aggregation", vi: "Cách tổng hợp", en: "Aggregation") { $0.aggregation },
        Column("awaiting_confirmation", vi: "Phiếu chờ xác nhận", en: "Awaiting confirmation") {
            $0.awaitingConfirmation == 0 ? "" : String($0.awaitingConfirmation)
        },
        Column("amended_after_result", vi: "Sửa sau khi xem kết quả", en: "Amended after result") {
            $0.amendedAfterResult ? "⚠" : ""
        },
    ]

    static let evaluatorScore: [Column<PanelResult.EvaluatorScore>] = [
        Column("evaluator_name", vi: "Người chấm", en: "Evaluator") { $0.evaluatorName },
        Column("weighted_score", vi: "Điểm có trọng số", en: "Weighted score") { score($0.weightedScore) },
        Column("trimmed", vi: "Bị loại khi tính", en: "Trimmed") { $0.trimmed ? "✓" : "" },
    ]

    static let criterionMean: [Column<PanelResult.CriterionMean>] = [
        Column("key", vi: "Tiêu chí", en: "Criterion") { $0.label },
        Column("weight", vi: "Trọng số", en: "Weight") { score($0.weight) },
        Column("mean", vi: "Điểm trung bình", en: "Mean") { $0.mean.map(score) ?? "" },
    ]

    static let ranking: [Column<RankedApplication>] = [
        Column("rank", vi: "Hạng", en: "Rank") { $0.rank.cell },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("panel_score", vi: "Điểm hội đồng", en: "Panel score") { $0.panelScore.map(score) ?? "" },
        Column("complete", vi: "Đủ hội đồng", en: "Complete") { "\($0.submitted)/\($0.required.cell)" + ($0.complete ? " ✓" : "") },
        Column("passed", vi: "Đạt", en: "Passed") { $0.passed.map { $0 ? "✓" : "✗" } ?? "" },
        .code("stage", vi: "Giai đoạn", en: "Stage") { $0.stage },
        Column("application_id", vi: "Hồ sơ", en: "Application") { $0.applicationID.text },
    ]

    /// A score as people read it: up to two decimals.
    static func score(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text.hasSuffix(".00") ? String(text.dropLast(3)) : text
    }

    static let assignment: [Column<EvaluatorAssignment>] = [
        Column("application_id", vi: "Hồ sơ", en: "Application") { $0.member.applicationID.text },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("position_title", vi: "Vị trí", en: "Position") { $0.positionTitle },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        .code("stage", vi: "Giai đoạn", en: "Stage") { $0.stage },
        .code("status", vi: "Phiếu", en: "Sheet") { $0.member.status },
        Column("evaluator_name", vi: "Người chấm", en: "Evaluator") { $0.member.evaluatorName },
        .time("assigned_at", vi: "Phân công lúc", en: "Assigned") { $0.member.assignedAt },
    ]
}

extension Printer {
    /// A panel change: the record (in JSON with its `warnings`), and each warning as a line on stderr.
    func panelChange<Record: JSONObjectWritable & Sendable>(_ change: PanelChange<Record>, _ columns: [Column<Record>]) {
        if format == .json {
            console.out(change.in(language).jsonString(pretty: true))
        } else {
            record(change.record, columns)
        }
        for warning in change.warnings {
            console.err((language == .en ? "warning: " : "cảnh báo: ") + warning.message.text(language))
        }
    }
}
