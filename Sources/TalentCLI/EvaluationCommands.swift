import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct RubricCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric", abstract: "Evaluation rubrics: draft → published (immutable) → retired.",
        subcommands: [Create.self, List.self, Show.self, Publish.self, Retire.self])

    struct Create: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a draft rubric from a JSON file (the next version when the name exists).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The rubric document (see CONTRACT.md and docs/evaluations.md).") var file: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let document = try JSONFile.read(file)
            printer.record(try await services.evaluations.createRubric(document, by: actor), Columns.rubric)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List rubrics, every version.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "draft, published or retired.") var status: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.evaluations.rubrics(status: status, by: actor), Columns.rubric)
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show a rubric and its criteria.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let rubric = try await services.evaluations.rubric(id, by: actor)
            printer.record(rubric, Columns.rubric)
            if printer.format == .table {
                printer.console.out("")
                printer.list(rubric.definition.criteria, Columns.criterion)
            }
        }
    }

    struct Publish: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a draft; the earlier published version of the same name is retired.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.evaluations.publish(id, by: actor), Columns.rubric)
        }
    }

    struct Retire: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Retire a rubric: no new panel may use it.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.evaluations.retire(id, by: actor), Columns.rubric)
        }
    }
}

struct EvaluationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluation", abstract: "Evaluation panels, score sheets and the panel's result.",
        discussion: """
            The CLI acts as an administrator. To act as an evaluator (and see only what they may see), pass the \
            evaluator's user id to --as.
            """,
        subcommands: [Assign.self, Assigned.self, Recuse.self, Panel.self, Submit.self, List.self, Score.self, Rank.self])

    struct Assign: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Put an evaluator on an application's panel.")
        @OptionGroup var global: GlobalOptions
        @Option var application: String
        @Option(help: "The evaluator's user id.") var evaluator: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.evaluations.assign(application: application, evaluator: evaluator, by: actor),
                           Columns.panelMember)
        }
    }

    struct Assigned: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "The panels an evaluator sits on: what is still to score, what was submitted, recusals.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "An evaluator's user id (omit when acting as the evaluator with --as, or for everyone's).")
        var evaluator: String?
        @Option(help: "assigned (still to score), submitted or recused.") var status: String?
        @Option var limit: Int = PageRequest.defaultLimit

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.evaluations.assignments(evaluator: evaluator, status: status, limit: limit,
                                                                    by: actor), Columns.assignment)
        }
    }

    struct Recuse: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a recusal: the evaluator declares a relationship with the candidate and steps off.")
        @OptionGroup var global: GlobalOptions
        @Option var application: String
        @Option(help: "The evaluator's user id (omit when acting as the evaluator with --as).") var evaluator: String?
        @Option var reason: String
        @Option(help: "none, teacher, colleague, supervisor, relative or other.") var relationship: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.evaluations.recuse(application: application, evaluator: evaluator,
                                                                  reason: reason, relationship: relationship, by: actor),
                           Columns.conflict)
        }
    }

    struct Panel: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show an application's panel and who has submitted.")
        @OptionGroup var global: GlobalOptions
        @Option var application: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.evaluations.panel(application: application, by: actor), Columns.panelMember)
        }
    }

    struct Submit: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit an evaluator's scores; again, with --reason, to amend a submitted sheet.")
        @OptionGroup var global: GlobalOptions
        @Option var application: String
        @Option var rubric: String
        @Option(help: "The evaluator's user id (omit when acting as the evaluator with --as).") var evaluator: String?
        @Option(name: .customLong("score"), help: "KEY=N, once per criterion.") var scores: [String] = []
        @Option var comment: String?
        @Option(help: "Why a submitted sheet is amended.") var reason: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let submission = EvaluationService.Submission(rubricID: rubric, scores: try ScoreArguments.parse(scores),
                                                          comment: comment, reason: reason, evaluatorID: evaluator)
            printer.record(try await services.evaluations.submit(application: application, submission, by: actor),
                           Columns.sheet)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List an application's score sheets.")
        @OptionGroup var global: GlobalOptions
        @Option var application: String
        @Flag(help: "Include amended revisions.") var history = false

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.evaluations.sheets(application: application, history: history, by: actor),
                         Columns.sheet)
        }
    }

    struct Score: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "The panel's result for an application.")
        @OptionGroup var global: GlobalOptions
        @Argument var application: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let result = try await services.evaluations.score(application: application, by: actor)
            printer.record(result, Columns.panelResult)
            if printer.format == .table, !result.evaluators.isEmpty {
                printer.console.out("")
                printer.list(result.evaluators, Columns.evaluatorScore)
                printer.console.out("")
                printer.list(result.criteria, Columns.criterionMean)
            }
        }
    }

    struct Rank: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Rank a position's applications by panel score.")
        @OptionGroup var global: GlobalOptions
        @Option var position: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.evaluations.rank(position: position, by: actor), Columns.ranking)
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
