import AsyncHTTPClient
import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import TalentDomain
import TalentCLI
import TalentService

/// Sends the outbox's e-mail (through sendmail) and webhook deliveries: every `interval` it claims what is due (leased, so that several instances
/// of the server share the work and a delivery whose sender died comes back), POSTs each body, signed, to its
/// partner's URL, and records the answer (`WebhookService.record` decides on the retry). A delivery is at least once:
/// a partner recognizes a repeat by `X-Talent-Delivery`.
///
/// `GET /metrics`: `talent_job_*` with `job="outbox"`.
public struct OutboxWorker: Service {
    let services: TalentServices
    let logger: Logger
    var interval: Duration = .seconds(2)
    /// How long a partner's endpoint has to answer.
    var timeout: Duration = .seconds(10)

    public func run() async throws {
        let metrics = JobMetrics(job: "outbox")
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(redirectConfiguration: .disallow,
                                                     timeout: .init(connect: .seconds(5), read: .seconds(10))))
        await loop(client: client, metrics: metrics)
        try? await client.shutdown()
    }

    private func loop(client: HTTPClient, metrics: JobMetrics) async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let started = ContinuousClock.now
            do {
                let sent = try await Self.deliverDue(services: services, client: client, timeout: timeout, logger: logger)
                if sent > 0 { metrics.succeeded(since: started) }
                // A full batch: more may be due; go on at once.
                if sent >= Self.batch { continue }
            } catch {
                metrics.failed(since: started)
                logger.error("outbox: claiming deliveries failed; tried again shortly", metadata: ["error": "\(error)"])
            }
            do {
                let wait = interval
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            } catch {
                return
            }
        }
    }

    /// One pass: claims the e-mail and the webhook deliveries that are due and sends them; returns how many were
    /// tried.
    public static func deliverDue(services: TalentServices, client: HTTPClient, timeout: Duration = .seconds(10),
                                  logger: Logger) async throws -> Int {
        try await sendMail(services: services, logger: logger)
            + sendWebhooks(services: services, client: client, timeout: timeout, logger: logger)
    }

    /// Posts the due webhook deliveries, at once; returns how many were tried.
    public static func sendWebhooks(services: TalentServices, client: HTTPClient, timeout: Duration = .seconds(10),
                                    logger: Logger) async throws -> Int {
        let due = try await services.webhooks.claimDue(limit: batch)
        await withTaskGroup(of: Void.self) { group in
            for delivery in due {
                group.addTask {
                    let (status, error) = await send(delivery, client: client, timeout: timeout)
                    do {
                        try await services.webhooks.record(delivery, status: status, error: error)
                    } catch {
                        // The lease runs out and the delivery is tried again: at least once.
                        logger.error("outbox: the answer of a delivery was not recorded",
                                     metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
                    }
                }
            }
        }
        return due.count
    }

    /// How many of each channel one pass claims.
    static let batch = 20

    /// Pipes the due e-mail to sendmail, four at a time (sendmail queues them itself).
    public static func sendMail(services: TalentServices, logger: Logger) async throws -> Int {
        let due = try await services.mail.claimDue(limit: batch)
        await withTaskGroup(of: Void.self) { group in
            for (index, mail) in due.enumerated() {
                if index >= 4 { await group.next() }
                group.addTask {
                    do {
                        try await services.mail.send(mail)
                    } catch {
                        // The lease runs out and the message is tried again: at least once.
                        logger.error("outbox: the outcome of an e-mail was not recorded",
                                     metadata: ["delivery": "\(mail.id)", "error": "\(error)"])
                    }
                }
            }
        }
        return due.count
    }

    public static func send(_ delivery: DueWebhook, client: HTTPClient, timeout: Duration) async -> (Int?, String?) {
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "talent-webhooks/\(TalentCommands.version)")
        request.headers.add(name: "X-Talent-Event", value: delivery.event)
        request.headers.add(name: "X-Talent-Delivery", value: delivery.id.text)
        request.headers.add(name: "X-Talent-Attempt", value: String(delivery.attempt))
        request.headers.add(name: "X-Talent-Signature",
                            value: WebhookService.signature(body: Array(delivery.body.utf8), secret: delivery.secret))
        request.body = .bytes(ByteBuffer(string: delivery.body))
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout.seconds * 1000)))
            // The answer's body is not needed: read at most a little of it, so the connection can be reused.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return (Int(response.status.code), nil)
        } catch {
            return (nil, String(describing: error))
        }
    }
}
