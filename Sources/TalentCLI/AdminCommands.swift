import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the SQL files of sql/migrations that are not applied yet.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only say what is applied and what is pending.") var status = false

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
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")
    static let version = "0.1.0"

    func run() throws {
        Console.current.out("talent \(Self.version)")
    }
}

/// The commands of `talent` that this edge holds; the composition root adds `serve` and makes the root command.
public enum TalentCommands {
    public static let all: [any ParsableCommand.Type] = [
        MigrateCommand.self, VersionCommand.self, AgencyCommand.self, UserCommand.self,
        TokenCommand.self, CandidateCommand.self, PositionCommand.self, ApplicationCommand.self, ReferralCommand.self,
        PartnerCommand.self, AgreementCommand.self, NominationCommand.self, RubricCommand.self, EvaluationCommand.self,
        TargetCommand.self, ReportCommand.self, AuditCommand.self,
        DemoCommand.self,
    ]
    public static let version = VersionCommand.version
}

/// The `talent` program: parses the arguments, runs the command, and maps every error once to a one-line message
/// and an exit code (2 for bad input, 1 otherwise).
public enum TalentCLI {
    /// Parses `arguments` as `root`'s, runs the command, and returns the exit code.
    public static func run(_ arguments: [String], root: any ParsableCommand.Type) async -> Int32 {
        let console = Console.current
        let language = console.language(arguments.firstIndex(of: "--lang").flatMap {
            $0 + 1 < arguments.count ? Language(rawValue: arguments[$0 + 1]) : nil
        })
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
            var line = error.message.text(language)
            let shown = error.fieldErrors.dropFirst().map { "\($0.field): \($0.message.text(language))" }
            if !shown.isEmpty { line += "; " + shown.joined(separator: "; ") }
            console.err((language == .en ? "talent: error: " : "talent: lỗi: ")
                        + line.replacingOccurrences(of: "\n", with: " "))
            switch error.kind {
            case .invalid, .notFound, .conflict, .preconditionFailed: return 2
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
}
