import Foundation
import TalentApp
import TalentCLI
import TalentStore

/// Runs `talent` commands in-process against a test database and captures what they print.
struct CLIRunner: Sendable {
    let databaseURL: DatabaseURL
    var environment: [String: String] = [:]

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: String...) async -> Result {
        await run(arguments)
    }

    func run(_ arguments: [String]) async -> Result {
        var env = environment
        env["DATABASE_URL"] = databaseURL.urlString
        // Migrations connect as the schema's owner, as `make test` and the README set it up.
        if env["DATABASE_MIGRATION_URL"] == nil, let owner = try? TestDatabase.ownerURL() {
            env["DATABASE_MIGRATION_URL"] = owner.withDatabase(databaseURL.database).urlString
        }
        env["TALENT_CONFIG"] = "/nonexistent/talent.json"
        if env["TALENT_BCRYPT_COST"] == nil { env["TALENT_BCRYPT_COST"] = "4" }
        if env["TALENT_OPERATOR"] == nil { env["TALENT_OPERATOR"] = "Nguyễn Thị Lan" }
        let console = Console(capturingWith: env)
        let status = await Console.$current.withValue(console) {
            await TalentApp.run(arguments)
        }
        return Result(status: status, stdout: console.capturedOutput, stderr: console.capturedErrors)
    }

    /// Runs a command with `--format json` and decodes its output.
    func json(_ arguments: String...) async throws -> Any {
        let result = await run(arguments + ["--format", "json"])
        guard result.status == 0 else {
            throw CLIError(message: "talent \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    struct CLIError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
