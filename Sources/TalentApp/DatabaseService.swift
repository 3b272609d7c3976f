import ServiceLifecycle
import TalentService
import TalentStore

/// Runs the database pools under swift-service-lifecycle, beside the HTTP server.
public struct DatabaseService: Service {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await database.run()
        }
    }
}

/// Writes the read log every second while the server runs, and what waits once more on shutdown (added after the
/// database's service, so it stops before the pools close).
public struct ReadLogService: Service {
    let readLog: ReadLog

    public init(readLog: ReadLog) {
        self.readLog = readLog
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await readLog.run()
        }
        await readLog.flush()
    }
}
