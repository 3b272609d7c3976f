import ServiceLifecycle
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
