import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import TalentAPI
import TalentDomain
import TalentService
import Testing

/// Issue 13, item 8: every authenticated request's log line names its actor by id (`user:UUID`, `partner:CODE`),
/// never by name, on `/v1`, the dashboard and the evaluation pages alike.
@Suite("Personal data: request log lines name the actor by id", .freshDatabase)
struct RequestLogTests {
    /// Keeps every line logged, with its metadata.
    final class CapturedLog: Sendable {
        let lines = Mutex<[(message: String, metadata: Logger.Metadata)]>([])

        struct Handler: LogHandler {
            let log: CapturedLog
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .info

            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }

            func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
                     file: String, function: String, line: UInt) {
                let all = self.metadata.merging(metadata ?? [:]) { $1 }
                log.lines.withLock { $0.append((message.description, all)) }
            }
        }
    }

    @Test("GET /v1 routes, the dashboard and the evaluation pages: actor=user:ID on the line, no name anywhere")
    func actorByID() async throws {
        try await TestDatabase.withServices { s in
            let captured = CapturedLog()
            var logger = Logger(label: "talent.test") { _ in CapturedLog.Handler(log: captured) }
            logger.logLevel = .info
            let app = Application(router: APIServer.buildRouter(s), logger: logger)
            try await app.test(.router) { client in
                let api = APIHarness(services: s, client: client)
                let candidate = try await ReadLogTests.person(s)
                let leader = try await api.user(.leadership, name: "Lãnh Đạo Tỉnh")
                let evaluator = try await api.user(.evaluator, name: "Giám Khảo Một")
                let requests: [(String, String, String)] = [
                    ("/v1/candidates/\(candidate.id.text)", leader.token, leader.id),
                    ("/v1/candidates?q=\(ReadLogTests.citizenID)", leader.token, leader.id),
                    ("/v1/audit", leader.token, leader.id),
                    ("/dashboard", leader.token, leader.id),
                    ("/evaluate", evaluator.token, evaluator.id),
                ]
                for (path, token, _) in requests {
                    _ = try await client.executeRequest(uri: path, method: .get,
                                                        headers: [.authorization: "Bearer \(token)"], body: nil)
                }
                let lines = captured.lines.withLock { $0 }
                for (path, _, id) in requests {
                    let route = String(path.split(separator: "?")[0])
                    let line = lines.first { $0.message.hasPrefix("GET \(route) ") }
                    #expect(line?.metadata["actor"]?.description == "user:\(id)", "\(path): \(String(describing: line))")
                    // The query (a citizen ID) is not on the line either.
                    #expect(line.map { !$0.message.contains("?") } ?? false, "\(path)")
                }
                let text = lines.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
                for name in ["Lãnh Đạo Tỉnh", "Giám Khảo Một", ReadLogTests.citizenID] {
                    #expect(!text.contains(name), "\(name) in the log")
                }
            }
        }
    }
}
