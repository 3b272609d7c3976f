import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TalentAPI
import TalentDomain
import TalentService
import TalentStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the SQL files of sql/migrations that are not applied yet.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only say what is applied and what is pending.") var status = false

    func run() async throws {
        let migrator = try Migrator.fromDefaultLocation()
        let printer = global.printer
        try await global.withServices { services in
            if status {
                let state = try await migrator.status(services.database)
                for m in state.applied { printer.console.out("applied  \(m.fileName)") }
                for m in state.pending { printer.console.out("pending  \(m.fileName)") }
                return
            }
            let applied = try await migrator.migrate(services.database)
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

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the JSON API.")
    @OptionGroup var global: GlobalOptions
    @Option var host: String?
    @Option var port: Int?
    @Flag(help: "Apply pending migrations first instead of refusing to start.") var migrate = false
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error.") var logLevel: String = "info"

    func run() async throws {
        let settings = try global.settings()
        let migrator = try Migrator.fromDefaultLocation()
        let migrate = self.migrate
        let pending = try await global.withServices { services in
            if migrate { try await migrator.migrate(services.database) }
            return try await migrator.status(services.database).pending
        }
        if !pending.isEmpty {
            throw ServiceError(.unavailable, slug: "pending-migrations", LocalizedText(
                vi: "Còn \(pending.count) migration chưa áp dụng (\(pending.map(\.fileName).joined(separator: ", "))): chạy `talent migrate` hoặc thêm --migrate",
                en: "\(pending.count) pending migration(s) (\(pending.map(\.fileName).joined(separator: ", "))): run `talent migrate` or pass --migrate"))
        }
        var logger = Logger(label: "talent")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let database = Database(url: settings.databaseURL, readURL: settings.readURL, poolSize: settings.poolSize,
                                logger: logger)
        let app = APIServer.buildApplication(TalentServices(database: database, settings: settings.services),
                                             host: host ?? settings.host, port: port ?? settings.port,
                                             partnerRatePerMinute: settings.partnerRatePerMinute, logger: logger)
        try await app.runService()
    }
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")
    static let version = "0.1.0"

    func run() throws {
        Console.current.out("talent \(Self.version)")
    }
}

/// The root of `talent`.
struct TalentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talent",
        abstract: "Talent recruitment and referral tracker (plan 483/KH-UBND).",
        discussion: "Every command reads the database from --database-url, DATABASE_URL, config/talent.json or the local cluster of `make db`.",
        version: VersionCommand.version,
        subcommands: [
            MigrateCommand.self, ServeCommand.self, VersionCommand.self, AgencyCommand.self, UserCommand.self,
            TokenCommand.self, CandidateCommand.self, PositionCommand.self, ApplicationCommand.self, ReferralCommand.self,
            PartnerCommand.self, AgreementCommand.self, NominationCommand.self, RubricCommand.self, EvaluationCommand.self,
            TargetCommand.self, ReportCommand.self, AuditCommand.self,
            DemoCommand.self,
        ])
}

/// The `talent` program: parses the arguments, runs the command, and maps every error once to a one-line message
/// and an exit code (2 for bad input, 1 otherwise).
public enum TalentCLI {
    public static func run(_ arguments: [String]) async -> Int32 {
        let console = Console.current
        let language = console.language(arguments.firstIndex(of: "--lang").flatMap {
            $0 + 1 < arguments.count ? Language(rawValue: arguments[$0 + 1]) : nil
        })
        var command: any ParsableCommand
        do {
            command = try TalentCommand.parseAsRoot(arguments)
        } catch {
            let code = TalentCommand.exitCode(for: error)
            if code == .success {
                console.out(TalentCommand.fullMessage(for: error))
                return 0
            }
            let message = TalentCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
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
            case .invalid, .badRequest, .notFound, .conflict, .preconditionFailed, .preconditionRequired, .tooLarge: return 2
            default: return 1
            }
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            let code = TalentCommand.exitCode(for: error)
            if code == .success {  // --help, --version
                console.out(TalentCommand.fullMessage(for: error))
                return 0
            }
            let message = TalentCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            console.err("talent: " + message)
            return code == .validationFailure ? 2 : 1
        }
    }
}
