import Foundation
import Logging
import ServiceLifecycle
import TalentService

/// Queues what the calendar causes: evaluators' reminders (a sheet outstanding three days, then every three days)
/// and HR's weekly digest (once per ISO week and person, whichever instance gets there first), and removes e-mail
/// sent more than 90 days ago. Two minutes after start, then every six hours, until the server shuts down; the
/// outbox's worker sends what it queues. `talent mail reminders` and `talent mail digest` do the same by hand.
///
/// `GET /metrics`: `talent_job_*` with `job="mail"`.
struct MailJob: Service {
    let services: TalentServices
    let logger: Logger
    var firstDelay: Duration = .seconds(120)
    var interval: Duration = .seconds(6 * 60 * 60)

    func run() async throws {
        await JobMetrics.periodically(job: "mail", first: firstDelay, every: interval) {
            do {
                let reminders = try await services.mail.queueReminders()
                let digests = try await services.mail.queueDigests()
                try await services.mail.prune()
                logger.info("mail queued", metadata: ["reminders": "\(reminders)", "digests": "\(digests)"])
                return true
            } catch {
                logger.error("mail job failed; tried again in six hours", metadata: ["error": "\(error)"])
                return false
            }
        }
    }
}
