import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct MigrateCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "migrate", abstract: L(vi: "Áp dụng các tệp SQL trong sql/migrations chưa được áp dụng.",
                                                en: "Apply the SQL files of sql/migrations that are not applied yet."))
    }
    @OptionGroup var global: GlobalOptions
    @Flag(help: L(vi: "Chỉ cho biết tệp nào đã áp dụng, tệp nào còn chờ.",
                  en: "Only say what is applied and what is pending.")) var status = false

    func run() async throws {
        let printer = global.printer
        try await global.withServices { services in
            if status {
                let state = try await services.schema.status()
                for m in state.applied { printer.console.out("applied  \(m.fileName)") }
                for m in state.pending { printer.console.out("pending  \(m.fileName)") }
                return
            }
            let applied = try await services.schema.migrate()
            if applied.isEmpty {
                printer.console.out(printer.language == .en ? "Nothing to apply: the database is up to date."
                                    : "Không có gì để áp dụng: cơ sở dữ liệu đã cập nhật.")
            }
            for m in applied {
                printer.console.out((printer.language == .en ? "applied " : "đã áp dụng ") + m.fileName)
            }
        }
    }
}

struct VersionCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "version", abstract: L(vi: "In phiên bản chương trình.",
                                                                 en: "Print the version."))
    }
    static let version = "0.1.0"

    func run() throws {
        Console.current.out("talent \(Self.version)")
    }
}

/// The commands of `talent` that this edge holds; the composition root adds `serve` and makes the root command.
public enum TalentCommands {
    public static let all: [any ParsableCommand.Type] = [
        MigrateCommand.self, VersionCommand.self, LoginCommand.self, LogoutCommand.self, WhoAmICommand.self,
        AgencyCommand.self, UserCommand.self,
        TokenCommand.self, CandidateCommand.self, PositionCommand.self, ApplicationCommand.self, ReferralCommand.self,
        PartnerCommand.self, AgreementCommand.self, NominationCommand.self, WebhookCommand.self, DocumentCommand.self, MailCommand.self, RubricCommand.self, EvaluationCommand.self,
        TargetCommand.self, OfficialCommand.self, TrainingCommand.self, DecisionCommand.self, CommendationCommand.self,
        ReportCommand.self, AuditCommand.self, ConsentCommand.self, PrivacyCommand.self,
        BreachCommand.self, BackupCommand.self,
        DemoCommand.self,
    ]
    public static let version = VersionCommand.version
}

/// The `talent` program: parses the arguments, runs the command, and maps every error once to a one-line message
/// and an exit code (2 for bad input, 1 otherwise).
public enum TalentCLI {
    /// Parses `arguments` as `root`'s, runs the command, and returns the exit code.
    public static func run(_ arguments: [String], root: any ParsableCommand.Type) async -> Int32 {
        let language = HelpLanguage.scan(arguments, environment: Console.current.environment)
        return await HelpLanguage.$current.withValue(language) {
            await run(arguments, root: root, language: language)
        }
    }

    private static func run(_ arguments: [String], root: any ParsableCommand.Type, language: Language) async -> Int32 {
        let console = Console.current
        var command: any ParsableCommand
        do {
            command = try root.parseAsRoot(arguments)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                console.out(root.fullMessage(for: error))
                return 0
            }
            let message = root.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            console.err("talent: " + message)
            return 2
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as ServiceError {
            console.err((language == .en ? "talent: error: " : "talent: lỗi: ")
                        + message(error, language).replacingOccurrences(of: "\n", with: " "))
            switch error.kind {
            case .invalid, .notFound, .gone, .conflict, .preconditionFailed: return 2
            default: return 1
            }
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {  // --help, --version
                console.out(root.fullMessage(for: error))
                return 0
            }
            let message = root.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            console.err("talent: " + message)
            return code == .validationFailure ? 2 : 1
        }
    }

    /// A service error as one line for people: fields named as officers name them ("số CCCD", not `citizen_id`).
    static func message(_ error: ServiceError, _ language: Language) -> String {
        func named(_ e: FieldError) -> String { FieldName.label(e.field, language) + ": " + e.message.text(language) }
        guard !error.fieldErrors.isEmpty else { return error.message.text(language) }
        if error.message == ServiceError.invalid(error.fieldErrors).message {
            let all = error.fieldErrors.map(named).joined(separator: "; ")
            return language == .en ? "Invalid input: " + all : "Dữ liệu không hợp lệ: " + all
        }
        let shown = error.fieldErrors.dropFirst().map(named)
        return ([error.message.text(language)] + shown).joined(separator: "; ")
    }
}
