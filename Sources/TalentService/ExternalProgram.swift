import Foundation

/// A program of the PostgreSQL client tools (or tar, chown), run to its end with its output collected.
struct ExternalProgram: Sendable {
    struct Result: Sendable {
        var status: Int32
        var output: String
        var errors: String

        /// The last line the program wrote to standard error, for a one-line message.
        var lastError: String {
            errors.split(whereSeparator: \.isNewline).last.map(String.init) ?? "exit status \(status)"
        }
    }

    let executable: String

    /// Runs the program with `arguments`, with `environment` added to this process's; output goes to temporary
    /// files, so a chatty program never blocks on a full pipe.
    /// A program still running after `timeout` is stopped (SIGTERM), and its result is its exit status then.
    func run(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil,
             timeout: Duration? = nil) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let folder = FileManager.default.temporaryDirectory
        let outURL = folder.appendingPathComponent("talent-\(UUID().uuidString).out")
        let errURL = folder.appendingPathComponent("talent-\(UUID().uuidString).err")
        // Private: what a program writes may be personal data (the text of a CV).
        FileManager.default.createFile(atPath: outURL.path, contents: nil, attributes: [.posixPermissions: 0o600])
        FileManager.default.createFile(atPath: errURL.path, contents: nil, attributes: [.posixPermissions: 0o600])
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        // What the program reads (a message for sendmail) comes from a private temporary file too.
        var inputHandle: FileHandle?
        let inURL = folder.appendingPathComponent("talent-\(UUID().uuidString).in")
        if let input {
            guard FileManager.default.createFile(atPath: inURL.path, contents: input, attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown) }
            inputHandle = try FileHandle(forReadingFrom: inURL)
        }
        defer {
            try? inputHandle?.close()
            if input != nil { try? FileManager.default.removeItem(at: inURL) }
        }
        process.standardInput = inputHandle ?? FileHandle.nullDevice
        let watchdog = timeout.map { limit in
            Task { [process] in
                try await Task.sleep(for: limit)
                if process.isRunning { process.terminate() }
            }
        }
        defer { watchdog?.cancel() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try? out.close()
        try? err.close()
        return Result(status: status, output: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      errors: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// The PostgreSQL client program `name` (`pg_basebackup`): in `directory` when one is configured, else in the
    /// newest /usr/lib/postgresql/N/bin (Debian's layout), else on the PATH; nil when none is found.
    static func postgres(_ name: String, in directory: URL?) -> ExternalProgram? {
        var folders: [String] = []
        if let directory { folders = [directory.path] } else {
            let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
            folders = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
            folders += (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        }
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
            .map(ExternalProgram.init(executable:))
    }

    /// A system program (`tar`) on the PATH or in /usr/bin, /bin.
    static func system(_ name: String) -> ExternalProgram {
        let path = ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/bin"]).map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        return ExternalProgram(executable: path ?? "/usr/bin/" + name)
    }
}
