import Foundation
import Logging
import Metrics
import ServiceLifecycle
import TalentDomain
import TalentService

/// The retention rule, applied by the server once a day (Law 91/2025/QH15 Art. 25.1.c): the first run a minute after
/// start, then every 24 hours, until the server shuts down. A failed run is logged and tried again the next day;
/// `talent privacy retention` applies the same rule by hand. Every instance of the server runs it: two runs at once
/// erase no one twice (each erasure locks the candidate's row and marks it erased once), but the later one then
/// stops at that person with a failure, and the next day's run goes on.
///
/// `GET /metrics`: `talent_job_runs_total`, `talent_job_failures_total`, `talent_job_last_success_timestamp_seconds`
/// (0 until the first success) and `talent_job_duration_seconds`, each with `job="retention"`.
struct RetentionJob: Service {
    let services: TalentServices
    let logger: Logger
    var firstDelay: Duration = .seconds(60)
    var interval: Duration = .seconds(24 * 60 * 60)

    /// Who the audit trail names for the job's erasures.
    static let actor = Principal(name: "Quy tắc lưu trữ (tự động)", role: .admin, channel: .api)

    func run() async throws {
        await JobMetrics.periodically(job: "retention", first: firstDelay, every: interval) {
            do {
                let run = try await services.dataSubjects.retention(dryRun: false, by: Self.actor)
                logger.info("retention rule applied", metadata: [
                    "erased": "\(run.due.count)", "days": "\(run.days)",
                ])
                return true
            } catch {
                logger.error("retention rule failed; tried again tomorrow", metadata: ["error": "\(error)"])
                return false
            }
        }
    }
}

/// What a periodic job of the server did, for `GET /metrics`. Made when the job starts, so every series is there
/// (at zero) before the first run.
struct JobMetrics {
    let runs: Counter
    let failures: Counter
    let lastSuccess: Gauge
    let duration: Metrics.Timer

    init(job: String) {
        let dimensions = [("job", job)]
        runs = Counter(label: "talent_job_runs_total", dimensions: dimensions)
        failures = Counter(label: "talent_job_failures_total", dimensions: dimensions)
        lastSuccess = Gauge(label: "talent_job_last_success_timestamp_seconds", dimensions: dimensions)
        duration = Metrics.Timer(label: "talent_job_duration_seconds", dimensions: dimensions)
    }

    func succeeded(since started: ContinuousClock.Instant) {
        runs.increment()
        duration.record(duration: ContinuousClock.now - started)
        lastSuccess.record(Date().timeIntervalSince1970)
    }

    func failed(since started: ContinuousClock.Instant) {
        runs.increment()
        failures.increment()
        duration.record(duration: ContinuousClock.now - started)
    }

    /// Runs `body` after `first`, then every `every`, until the server shuts down; each run's outcome (true:
    /// succeeded) recorded as `job`'s.
    static func periodically(job: String, first: Duration, every interval: Duration,
                             _ body: () async -> Bool) async {
        let metrics = JobMetrics(job: job)
        var delay = first
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let wait = delay
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            } catch {
                return
            }
            delay = interval
            let started = ContinuousClock.now
            if await body() { metrics.succeeded(since: started) } else { metrics.failed(since: started) }
        }
    }
}
