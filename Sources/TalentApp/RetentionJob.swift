import Logging
import ServiceLifecycle
import TalentDomain
import TalentService

/// The retention rule, applied by the server once a day (Law 91/2025/QH15 Art. 25.1.c): the first run a minute after
/// start, then every 24 hours, until the server shuts down. A failed run is logged and tried again the next day;
/// `talent privacy retention` applies the same rule by hand.
struct RetentionJob: Service {
    let services: TalentServices
    let logger: Logger
    var firstDelay: Duration = .seconds(60)
    var interval: Duration = .seconds(24 * 60 * 60)

    /// Who the audit trail names for the job's erasures.
    static let actor = Principal(name: "Quy tắc lưu trữ (tự động)", role: .admin, channel: .api)

    func run() async throws {
        var delay = firstDelay
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let wait = delay
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            } catch {
                return
            }
            delay = interval
            do {
                let run = try await services.dataSubjects.retention(dryRun: false, by: Self.actor)
                logger.info("retention rule applied", metadata: [
                    "erased": "\(run.due.count)", "days": "\(run.days)",
                ])
            } catch {
                logger.error("retention rule failed; tried again tomorrow", metadata: ["error": "\(error)"])
            }
        }
    }
}
