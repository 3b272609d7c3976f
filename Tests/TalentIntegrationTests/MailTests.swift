import Foundation
import HTTPTypes
import Logging
import TalentApp
import TalentDomain
import TalentService
import TalentStore
import Testing

/// Issue 17, part 4: e-mail from the outbox through the machine's sendmail interface. The tests put a recording
/// sendmail (a shell script that keeps each message and its arguments) where TALENT_SENDMAIL points, and read the
/// messages back as a mail program would: headers, RFC 2047 subjects, base64 UTF-8 bodies.
@Suite("E-mail through sendmail", .freshDatabase)
struct MailTests {
    /// A folder with a `sendmail` that writes each message to a file (and its arguments beside it); `failing` makes it
    /// refuse every message as a real one does when it cannot queue.
    struct Sink {
        let folder: URL
        var sendmail: String { folder.appendingPathComponent("sendmail").path }

        init(failing: Bool = false) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("mail-sink-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let script = failing
                ? "#!/bin/sh\ncat >/dev/null\necho 'sendmail: cannot connect to the mail server' >&2\nexit 75\n"
                : "#!/bin/sh\nn=$(date +%s%N)\nprintf '%s\\n' \"$@\" > \"\(folder.path)/$n.args\"\ncat > \"\(folder.path)/$n.eml\"\n"
            try Data(script.utf8).write(to: URL(fileURLWithPath: sendmail))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)
        }

        /// The messages received, oldest first.
        func messages() throws -> [Message] {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
                .map { name in
                    let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                    let args = try String(contentsOf: folder.appendingPathComponent(name.replacingOccurrences(of: ".eml", with: ".args")),
                                          encoding: .utf8)
                    return Message(raw: raw, arguments: args.split(separator: "\n").map(String.init))
                }
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// A message as a mail program reads it.
    struct Message {
        var raw: String
        var arguments: [String]

        var headerText: String { raw.components(separatedBy: "\r\n\r\n").first ?? "" }

        /// A header's value, folded lines joined, encoded words decoded.
        func header(_ name: String) -> String? {
            let unfolded = headerText.replacingOccurrences(of: "\r\n ", with: " ")
            guard let line = unfolded.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix(name.lowercased() + ":") })
            else { return nil }
            let value = line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
            return Self.decodeWords(value)
        }

        static func decodeWords(_ value: String) -> String {
            // `=?UTF-8?B?...?=` words, separated by folding whitespace that is not part of the text.
            let pattern = /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/
            var bytes: [UInt8] = []
            var rest = Substring(value)
            var plain = ""
            while let match = rest.firstMatch(of: pattern) {
                plain += rest[..<match.range.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty && !bytes.isEmpty
                    ? "" : String(rest[..<match.range.lowerBound])
                bytes += Data(base64Encoded: String(match.1)).map(Array.init) ?? []
                rest = rest[match.range.upperBound...]
            }
            return bytes.isEmpty ? value : plain + String(decoding: bytes, as: UTF8.self) + rest
        }

        var body: String {
            let encoded = raw.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
            return Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    static func settings(_ sink: Sink, language: Language = .vi) -> ServiceSettings {
        var settings = ServiceSettings()
        settings.requireCompletePanel = false
        settings.mail.sendmail = sink.sendmail
        settings.mail.fromAddress = "tuyendung@sotuphap.dongthap.gov.vn"
        settings.mail.language = language
        settings.mail.publicURL = "https://talent.dongthap.gov.vn"
        return settings
    }

    func send(_ api: APIHarness) async throws -> Int {
        try await OutboxWorker.sendMail(services: api.services, logger: Logger(label: "test.mail"))
    }

    @Test("a nomination is acknowledged to its nominator: a Vietnamese subject and body that arrive intact (RFC 2047, base64 UTF-8), to the right address")
    func acknowledgment() async throws {
        let sink = try Sink()
        defer { sink.remove() }
        try await APIHarness.with(settings: Self.settings(sink)) { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let reply = try await api.request(.post, "/v1/nominations", token: ulaw, json: NominationTests.body(),
                                              headers: [HTTPField.Name("Idempotency-Key")!: "m1"])
            #expect(reply.status == 201)
            #expect(try await send(api) == 1)
            let messages = try sink.messages()
            #expect(messages.count == 1)
            let message = try #require(messages.first)
            #expect(message.arguments == ["-i", "--", "an.tran@example.edu.vn"])
            #expect(message.header("To") == "an.tran@example.edu.vn")
            #expect(message.header("Subject") == "Đã tiếp nhận đề cử Nguyễn Thị Minh Thư")
            #expect(message.header("From") == "Hệ thống tuyển chọn nhân tài (KH 483) <tuyendung@sotuphap.dongthap.gov.vn>")
            #expect(message.header("Content-Type") == "text/plain; charset=UTF-8")
            #expect(message.header("Content-Transfer-Encoding") == "base64")
            #expect(message.header("Message-ID")?.hasSuffix("@sotuphap.dongthap.gov.vn>") == true)
            #expect(message.headerText.unicodeScalars.allSatisfy { $0.isASCII })
            #expect(message.headerText.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
            #expect(message.body.hasPrefix("Kính gửi TS. Trần Văn An,"))
            let nomination = try #require(reply.object["id"] as? String)
            #expect(message.body.contains("Trường ULAW") && message.body.contains(nomination))
            let sent = try await api.services.mail.deliveries(state: "delivered", page: PageRequest(limit: 10), by: .testAdmin)
            #expect(sent.items.map(\.recipient) == ["an.tran@example.edu.vn"])
            #expect(try await send(api) == 0)  // sent once
        }
    }

    @Test("the candidate hears the result with their consent to recruitment; without an e-mail or consent, nothing is sent; English when the deployment says so")
    func result() async throws {
        let sink = try Sink()
        defer { sink.remove() }
        try await APIHarness.with(settings: Self.settings(sink, language: .en)) { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let hr = try await api.token(.hr)
            let position = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "STP", "title": "Chuyên viên pháp chế & kiểm tra", "kind": "legal_affairs_officer"]).object["id"] as? String)
            let nominated = try await api.request(.post, "/v1/nominations", token: ulaw, json: NominationTests.body(position: position),
                                                  headers: [HTTPField.Name("Idempotency-Key")!: "r"])
            let nomination = try #require(nominated.object["id"] as? String)
            let application = try UUID.parse(try #require(try await api.request(.get, "/v1/nominations/\(nomination)", token: hr)
                .object["application_id"] as? String))
            for stage in [PipelineStage.screening, .evaluation, .interview, .offer, .hired] {
                _ = try await api.services.applications.move(application, StageMove(to: stage), by: .testAdmin)
            }
            // A candidate HR logged with an e-mail but no consent on record hears nothing.
            let other = try #require(try await api.request(.post, "/v1/candidates", token: hr, json: [
                "full_name": "Lê Văn Tám", "email": "tam@example.vn"]).object["id"] as? String)
            let opened = try await api.request(.post, "/v1/applications", token: hr, json: ["candidate_id": other, "position_id": position])
            if let id = opened.object["id"] as? String {
                _ = try await api.services.applications.move(UUID.parse(id), StageMove(to: .rejected, reason: "Không đạt"), by: .testAdmin)
            }
            #expect(try await send(api) == 2)  // the nominator's acknowledgment and the candidate's result
            let messages = try sink.messages()
            let result = try #require(messages.first { $0.header("To") == "thu.nguyen@example.edu.vn" })
            // Plain text: no HTML escaping of "&".
            #expect(result.header("Subject") == "Outcome of your application for Chuyên viên pháp chế & kiểm tra")
            #expect(result.body.contains("Chuyên viên pháp chế & kiểm tra") && !result.body.contains("&amp;"))
            #expect(result.body.contains("Dear Nguyễn Thị Minh Thư,") && result.body.contains("Congratulations"))
            #expect(result.body.contains("Sở Tư pháp"))
            #expect(!messages.contains { $0.header("To") == "tam@example.vn" })
        }
    }

    @Test("an evaluator is told of an assignment and reminded of a sheet after three days, once per three days; HR gets one weekly digest of what is overdue")
    func evaluatorsAndDigest() async throws {
        let sink = try Sink()
        defer { sink.remove() }
        try await APIHarness.with(settings: Self.settings(sink)) { api in
            let evaluator = try await api.services.users.add(try NewStaffUser(
                name: "Trần Quốc Bảo", role: "evaluator", agencyCode: "STP", email: "bao.tq@stp.dongthap.gov.vn", scope: "province"),
                by: .testAdmin)
            let officer = try await api.services.users.add(try NewStaffUser(
                name: "Lê Thị Hoa", role: "hr", agencyCode: "STP", email: "hoa.lt@stp.dongthap.gov.vn", scope: "province"),
                by: .testAdmin)
            let hr = try await api.token(.hr)
            let position = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "STP", "title": "Chuyên viên soạn thảo", "kind": "core_drafting_officer"]).object["id"] as? String)
            let candidate = try #require(try await api.request(.post, "/v1/candidates", token: hr, json: ["full_name": "Võ Thị Sáu"])
                .object["id"] as? String)
            let application = try #require(try await api.request(.post, "/v1/applications", token: hr, json: [
                "candidate_id": candidate, "position_id": position]).object["id"] as? String)
            for stage in [PipelineStage.screening, .evaluation] {
                _ = try await api.services.applications.move(UUID.parse(application), StageMove(to: stage), by: .testAdmin)
            }
            let assigned = try await api.request(.post, "/v1/applications/\(application)/evaluators", token: hr,
                                                 json: ["evaluator_id": evaluator.id.text])
            #expect(assigned.status == 201, "\(assigned.text)")
            #expect(try await send(api) == 1)
            let assignment = try #require(try sink.messages().last)
            #expect(assignment.header("To") == "bao.tq@stp.dongthap.gov.vn")
            #expect(assignment.header("Subject") == "Phân công đánh giá: Chuyên viên soạn thảo")
            #expect(assignment.body.contains("https://talent.dongthap.gov.vn/evaluate/\(application)"))
            #expect(!assignment.body.contains("Võ Thị Sáu"))

            // Not yet three days: no reminder. Three days on: one, and not again the next day.
            #expect(try await api.services.mail.queueReminders() == 0)
            try await api.services.database.withConnection { c in
                try await c.query("UPDATE evaluation_assignments SET assigned_at = now() - interval '4 days'", logger: TestDatabase.logger)
                try await c.query("UPDATE nominations SET created_at = now() - interval '8 days'", logger: TestDatabase.logger)
            }
            #expect(try await api.services.mail.queueReminders() == 1)
            #expect(try await api.services.mail.queueReminders() == 0)

            // The digest: nothing overdue for HR yet but the sheet (assigned four days ago: not past 7); make it so.
            try await api.services.database.withConnection { c in
                try await c.query("UPDATE evaluation_assignments SET assigned_at = now() - interval '8 days', reminded_at = now()",
                                  logger: TestDatabase.logger)
            }
            let cli = CLIRunner(databaseURL: api.services.database.url, environment: ["TALENT_SENDMAIL": sink.sendmail])
            let queued = await cli.run("mail", "digest")
            #expect(queued.status == 0 && queued.stdout.contains("1"), "\(queued.stdout)\(queued.stderr)")
            #expect(try await api.services.mail.queueDigests() == 0)  // once a week
            #expect(try await send(api) == 2)
            let digest = try #require(try sink.messages().first { $0.header("To") == officer.email })
            #expect(digest.header("Subject")?.hasPrefix("Tổng hợp tuần 20") == true)
            #expect(digest.body.contains("Phiếu đánh giá chưa nộp quá 7 ngày: 1"))
            let reminder = try #require(try sink.messages().first { $0.header("Subject")?.hasPrefix("Nhắc việc") == true })
            #expect(reminder.body.contains("Chuyên viên soạn thảo tại Sở Tư pháp"))

            let listed = await cli.run("mail", "deliveries", "--state", "delivered")
            #expect(listed.status == 0 && listed.stdout.contains("hoa.lt@stp.dongthap.gov.vn"), "\(listed.stderr)")
            let leader = try await api.token(.leadership)
            #expect(try await api.request(.get, "/v1/mail/deliveries", token: leader).status == 403)
            #expect(try await api.request(.post, "/v1/mail/digests", token: hr).status == 403)
        }
    }

    @Test("a sendmail that refuses keeps the message pending with its error and a backoff; an erasure removes the messages about the person")
    func failures() async throws {
        let sink = try Sink(failing: true)
        defer { sink.remove() }
        try await APIHarness.with(settings: Self.settings(sink)) { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let reply = try await api.request(.post, "/v1/nominations", token: ulaw, json: NominationTests.body(),
                                              headers: [HTTPField.Name("Idempotency-Key")!: "f"])
            #expect(try await send(api) == 1)
            let pending = try await api.services.mail.deliveries(state: "pending", page: PageRequest(limit: 10), by: .testAdmin).items
            #expect(pending.count == 1)
            #expect(pending.first?.lastError?.contains("cannot connect to the mail server") == true)
            #expect(pending.first.flatMap(\.nextAttemptAt).map { $0.timeIntervalSinceNow > 20 } == true)
            #expect(try await send(api) == 0)

            let hr = try await api.token(.hr)
            let nomination = try #require(reply.object["id"] as? String)
            let candidate = try #require(try await api.request(.get, "/v1/nominations/\(nomination)", token: hr)
                .object["candidate_id"] as? String)
            _ = try await api.services.dataSubjects.erase(UUID.parse(candidate), by: .testAdmin)
            #expect(try await api.services.mail.deliveries(state: nil, page: PageRequest(limit: 10), by: .testAdmin).items.isEmpty)
        }
    }
}
