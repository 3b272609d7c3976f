import Foundation
import PostgresNIO
import TalentDomain
import TalentService
import TalentStore
import TalentWire
import Testing

/// Issue 13, items 4 and 5: erasure that keeps the statistics, and the retention rule.
@Suite("Personal data: erasure and retention", .freshDatabase)
struct ErasureTests {
    /// A person with something in every table that holds personal data.
    struct Person {
        var candidate: Candidate
        var application: Application
        var closed: Application
        var request: PrivacyRequest
    }

    static let name = "Quách Thị Diễm Xuyến"
    static let citizenID = "079302004455"
    static let email = "xuyen.quach@example.edu.vn"
    static let phone = "+84912345670"
    static let otherPhone = "+84987654321"

    static func person(_ s: TalentServices) async throws -> Person {
        let candidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(
            fullName: name, dateOfBirth: "2001-03-09", gender: "female", citizenID: citizenID, email: email,
            phone: phone, province: "Đồng Tháp",
            education: [EducationDraft(degree: "bachelor", field: "Luật", institution: "Trường ĐH Luật TP.HCM",
                                       graduationYear: 2024)],
            sector: "student", currentEmployer: "Công ty Luật Xuyến Quách",
            notes: "Chị \(name) muốn về Sở Tư pháp")), by: .testAdmin).candidate
        try await s.database.transaction { tx in
            try await tx.candidates.addContacts(candidate.id, [CandidateContact(kind: .phone, value: otherPhone)])
        }
        let position = try await s.positions.add(try ValidPosition(PositionDraft(
            agencyCode: "STP", title: "Chuyên viên xây dựng pháp luật", kind: "core_drafting_officer")), by: .testAdmin)
        let other = try await s.positions.add(try ValidPosition(PositionDraft(
            agencyCode: "SNV", title: "Chuyên viên pháp chế", kind: "legal_affairs_officer")), by: .testAdmin)
        let application = try await s.applications.open(NewApplication(candidateID: candidate.id, positionID: position.id),
                                                        by: .testAdmin)
        _ = try await s.applications.move(application.id, StageMove(to: .screening, reason: "Hồ sơ của \(name) đủ"),
                                          by: .testAdmin)
        var closed = try await s.applications.open(NewApplication(candidateID: candidate.id, positionID: other.id),
                                                   by: .testAdmin)
        closed = try await s.applications.move(closed.id, StageMove(to: .rejected, reason: "Chưa đạt"), by: .testAdmin)
        _ = try await s.referrals.add(ValidReferral(ReferralDraft(
            candidateID: candidate.id.text, referrerKind: "person", referrerName: "Trần Văn Giới Thiệu",
            relationship: "teacher", justification: "\(name) là sinh viên xuất sắc")), by: .testAdmin)
        _ = try await s.consents.record(candidate: candidate.id, try NewConsent(
            purpose: "recruitment", noticeVersion: "2026-01", channel: "email", obtainedAt: nil, expiresOn: nil,
            evidence: "Thư của \(email)"), by: .testAdmin)
        let request = try await s.privacy.open(try ValidPrivacyRequest(PrivacyRequestDraft(
            candidateID: candidate.id.text, kind: "erasure", receivedOn: nil,
            note: "Chị \(name) yêu cầu xoá qua \(phone)")), by: .testAdmin)
        return Person(candidate: candidate, application: application, closed: closed, request: request)
    }

    /// The database as `pg_dump` writes it, as the schema's owner.
    static func dump(_ database: Database) async throws -> String {
        let url = try TestDatabase.ownerURL()
        let binaries = ["/usr/lib/postgresql/15/bin/pg_dump", "/usr/bin/pg_dump"]
        let tool = try #require(binaries.first { FileManager.default.isExecutableFile(atPath: $0) })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-h", url.host, "-p", String(url.port), "-U", url.user, "--no-owner", database.url.database]
        var environment = ProcessInfo.processInfo.environment
        if let password = url.password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// Every form the person's identifiers could take in the dump.
    static var traces: [String] {
        var forms = [name, name.decomposedStringWithCanonicalMapping, VietnameseText.fold(name), citizenID, email, phone,
                     otherPhone, "Xuyến Quách", "xuyen quach"]
        forms += forms.map { $0.lowercased() }
        return Array(Set(forms))
    }

    @Test("an erasure wipes the person from every table, the audit entries and a dump of the database; reports do not change; the candidate reads 410")
    func erasure() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let person = try await Self.person(s)
            let id = person.candidate.id
            // The person withdraws first (an erasure withdraws what is still open, which the reports would show).
            _ = try await s.applications.move(person.application.id, StageMove(to: .withdrawn, reason: "Rút hồ sơ"),
                                              by: .testAdmin)
            let pipelineBefore = try await s.reports.pipeline(by: .testAdmin).jsonBytes
            let referrersBefore = try await s.reports.referrers(by: .testAdmin).jsonBytes
            // The annual report's figures, without the time it was made.
            func annual() async throws -> [UInt8] {
                var report = try await s.reports.annual(try ReportYear(2026), by: .testAdmin)
                report.generatedAt = Date(timeIntervalSince1970: 0)
                return report.jsonBytes
            }
            let annualBefore = try await annual()
            let dumped = try await Self.dump(s.database)
            #expect(Self.traces.contains { dumped.contains($0) }, "the dump holds the person before the erasure")

            let officer = try await api.token(.admin, name: "Cán bộ bảo vệ dữ liệu")
            let path = "/v1/candidates/\(id.text)/erasure"
            for role in [Role.hr, .leadership, .evaluator] {
                #expect(try await api.request(.post, path, token: try await api.token(role), json: [:]).status == 403)
            }
            #expect(try await api.request(.post, "/v1/candidates/\(UUID().uuidString.lowercased())/erasure",
                                          token: officer, json: [:]).status == 404)
            #expect(try await api.request(.post, path, token: officer, json: ["request_id": "nope"]).status == 422)
            #expect(try await api.request(.post, path, token: officer, json: ["reason": "x"]).status == 422)
            // Completing the erasure request without erasing is refused: the request says what to run.
            let early = try await api.request(.patch, "/v1/privacy/requests/\(person.request.id.text)", token: officer,
                                              json: ["status": "done"], headers: [.ifMatch: "\"\(person.request.version)\""])
            #expect(early.status == 409, "\(early.text)")
            #expect(try await api.request(.get, "/v1/candidates/\(id.text)", token: officer).status == 200,
                    "nothing changed by the refusals")

            let reply = try await api.request(.post, path, token: officer, json: ["request_id": person.request.id.text])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.object["basis"] as? String == "request")
            #expect(reply.object["withdrawn_applications"] as? [String] == [])
            #expect((reply.object["redacted_audit_entries"] as? Int ?? 0) >= 5)

            // The candidate is gone from every read, list and search; the request is done.
            let gone = try await api.request(.get, "/v1/candidates/\(id.text)", token: officer)
            #expect(gone.status == 410 && gone.contentType.hasPrefix("application/problem+json"))
            #expect(try await api.request(.get, "/v1/candidates/\(id.text)/export", token: officer).status == 410)
            #expect(try await api.request(.post, path, token: officer, json: [:]).status == 410)
            for list in ["/v1/candidates?q=Xuyen", "/v1/candidates?q=\(Self.citizenID)", "/v1/candidates",
                         "/v1/applications", "/v1/referrals", "/v1/candidates/export?format=json"] {
                let listed = try await api.request(.get, list, token: officer)
                #expect(listed.status == 200 && !listed.text.contains(id.text), "\(list) lists the erased person")
            }
            let request = try await s.privacy.request(person.request.id, by: .testAdmin)
            #expect(request.storedStatus == .done && request.note == nil)

            // Reports count the person still.
            #expect(try await s.reports.pipeline(by: .testAdmin).jsonBytes == pipelineBefore)
            #expect(try await s.reports.referrers(by: .testAdmin).jsonBytes == referrersBefore)
            #expect(try await annual() == annualBefore)

            // No trace in a dump of the database, in any form; the trail still verifies, the redactions recorded.
            let after = try await Self.dump(s.database)
            for trace in Self.traces {
                #expect(!after.contains(trace), "the dump still holds \(trace)")
            }
            let verification = try await s.audit.verify(by: .testAdmin)
            #expect(verification.ok && verification.redacted >= 5, "\(verification)")
            let trail = try await s.audit.list(entity: AuditEntity(type: "candidate", id: id.text),
                                               page: PageRequest(limit: 50), by: .testAdmin).items
            #expect(trail.first?.action == "candidate.erase", "\(trail.map(\.action))")

            // The CLI: another person, erased by the officer; reading them is a one-line error with a non-zero exit.
            let cli = CLIRunner(databaseURL: s.database.url)
            let second = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Lò Văn Hai")),
                                                    by: .testAdmin).candidate
            let open = try await s.applications.open(NewApplication(candidateID: second.id,
                                                                    positionID: person.application.positionID), by: .testAdmin)
            let erased = await cli.run("privacy", "erase", second.id.text)
            #expect(erased.status == 0 && erased.stdout.contains("theo quyết định") && erased.stdout.contains(open.id.text),
                    "\(erased.stderr)")
            #expect(try await s.applications.get(open.id.text, by: .testAdmin).stage == .withdrawn,
                    "an erasure withdraws what is still open")
            let shown = await cli.run("candidate", "show", second.id.text)
            #expect(shown.status == 2 && shown.stderr.contains("đã bị xoá"), "\(shown.stderr)")
        }
    }

    @Test("an erasure is refused for a recruited person, for a request that is not this person's erasure, and leaves everything as it was")
    func refusals() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let s = api.services
            let hired = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Đinh Thị Tuyển")),
                                                   by: .testAdmin).candidate
            let position = try await s.positions.add(try ValidPosition(PositionDraft(
                agencyCode: "STP", title: "Chuyên viên", kind: "core_drafting_officer")), by: .testAdmin)
            var application = try await s.applications.open(NewApplication(candidateID: hired.id, positionID: position.id),
                                                            by: .testAdmin)
            for stage in [PipelineStage.screening, .evaluation, .interview, .offer, .hired] {
                application = try await s.applications.move(application.id, StageMove(to: stage, reason: "đạt"),
                                                            by: .testAdmin)
            }
            let officer = try await api.token(.admin)
            let refused = try await api.request(.post, "/v1/candidates/\(hired.id.text)/erasure", token: officer, json: [:])
            #expect(refused.status == 409 && (refused.object["type"] as? String)?.hasSuffix("/erasure-refused") == true,
                    "\(refused.text)")
            let access = try await s.privacy.open(try ValidPrivacyRequest(PrivacyRequestDraft(
                candidateID: hired.id.text, kind: "access", receivedOn: nil, note: nil)), by: .testAdmin)
            let other = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Mai Văn Khác")),
                                                   by: .testAdmin).candidate
            let wrongKind = try await api.request(.post, "/v1/candidates/\(hired.id.text)/erasure", token: officer,
                                                  json: ["request_id": access.id.text])
            #expect(wrongKind.status == 422)
            let erasureOfOther = try await s.privacy.open(try ValidPrivacyRequest(PrivacyRequestDraft(
                candidateID: other.id.text, kind: "erasure", receivedOn: nil, note: nil)), by: .testAdmin)
            #expect(try await api.request(.post, "/v1/candidates/\(hired.id.text)/erasure", token: officer,
                                          json: ["request_id": erasureOfOther.id.text]).status == 422)
            #expect(try await s.candidates.get(hired.id, by: .testAdmin).fullName == "Đinh Thị Tuyển")
            #expect(try await s.applications.get(application.id.text, by: .testAdmin).stage == .hired)
        }
    }

    @Test("the runtime role cannot redact entries of a person it did not erase, and a redaction by hand is caught by verify")
    func redactionGuard() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let candidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Kha Văn Giữ")),
                                                       by: .testAdmin).candidate
            #expect(await AuditChainTests.sqlState(s.database, "SELECT audit_redact_candidate('\(candidate.id.text)')") != nil)
            #expect(await AuditChainTests.sqlState(
                s.database, #"UPDATE audit_log SET changes = '{"redacted": true}'"#) == "42501")
            #expect(try await s.audit.verify(by: .testAdmin).ok)
            // The owner, with the trigger off, makes an entry look redacted: no erasure lists it.
            try await AuditChainTests.asOwner(s.database,
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                #"UPDATE audit_log SET changes = '{"redacted": true}' WHERE entity_id = '\#(candidate.id.text)'"#,
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
            let verification = try await s.audit.verify(by: .testAdmin)
            #expect(!verification.ok && verification.firstBad?.reason == .unrecorded
                    && verification.firstBad?.entityID == candidate.id.text, "\(verification)")
        }
    }

    @Test("retention: a person not recruited is erased the set days after their last application closed, unless a talent-pool consent is in force; dry run changes nothing")
    func retention() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let position = try await s.positions.add(try ValidPosition(PositionDraft(
                agencyCode: "STP", title: "Chuyên viên", kind: "core_drafting_officer")), by: .testAdmin)
            func applicant(_ name: String, _ stages: [PipelineStage]) async throws -> (Candidate, Application) {
                let candidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: name)),
                                                           by: .testAdmin).candidate
                var application = try await s.applications.open(
                    NewApplication(candidateID: candidate.id, positionID: position.id), by: .testAdmin)
                for stage in stages {
                    application = try await s.applications.move(application.id, StageMove(to: stage, reason: "xong"),
                                                                by: .testAdmin)
                }
                return (candidate, application)
            }
            let (due, _) = try await applicant("Hết Hạn Một", [.rejected])
            let (recent, _) = try await applicant("Mới Đóng Hai", [.withdrawn])
            let (pooled, _) = try await applicant("Dự Trữ Ba", [.rejected])
            let (open, _) = try await applicant("Đang Xét Bốn", [.screening])
            _ = try await s.consents.record(candidate: pooled.id, try NewConsent(
                purpose: "talent_pool", noticeVersion: "2026-01", channel: "paper", obtainedAt: nil,
                expiresOn: CalendarDate.today().adding(days: 365).description, evidence: "Phiếu số 1"), by: .testAdmin)
            // Their applications closed 31 days ago (the recent one 29), as the schema's owner would have seen it.
            for (candidate, days) in [(due, 31), (pooled, 31), (open, 31), (recent, 29)] {
                try await AuditChainTests.asOwner(s.database, """
                    UPDATE applications SET stage_entered_at = now() - interval '\(days) days'
                    WHERE candidate_id = '\(candidate.id.text)'
                    """)
            }
            let leader = try await api.token(.leadership)
            let officer = try await api.token(.admin)
            #expect(try await api.request(.get, "/v1/privacy/retention", token: try await api.token(.hr)).status == 403)
            #expect(try await api.request(.post, "/v1/privacy/retention", token: leader, json: [:]).status == 403)
            let dry = try await api.request(.get, "/v1/privacy/retention", token: leader)
            #expect(dry.status == 200 && dry.object["dry_run"] as? Bool == true && dry.object["days"] as? Int == 30)
            let listed = (dry.object["due"] as? [[String: Any]] ?? []).compactMap { $0["candidate_id"] as? String }
            #expect(listed == [due.id.text], "\(listed)")
            #expect(try await s.candidates.get(due.id, by: .testAdmin).fullName == "Hết Hạn Một", "a dry run erased")

            // Leadership sees what is due on the dashboard.
            let dashboard = try await api.request(.get, "/dashboard", token: leader)
            #expect(dashboard.status == 200 && dashboard.text.contains("<strong>1</strong> người không trúng tuyển đến hạn xoá"),
                    "\(dashboard.text.prefix(200))")

            let cli = CLIRunner(databaseURL: s.database.url)
            let dryCLI = await cli.run("privacy", "retention", "--dry-run")
            #expect(dryCLI.status == 0 && dryCLI.stdout.contains(due.id.text) && dryCLI.stdout.contains("chưa xoá ai"),
                    "\(dryCLI.stdout)\(dryCLI.stderr)")
            let run = await cli.run("privacy", "retention")
            #expect(run.status == 0 && run.stdout.contains(due.id.text), "\(run.stderr)")
            #expect(try await api.request(.get, "/v1/candidates/\(due.id.text)", token: officer).status == 410)
            for kept in [recent, pooled, open] {
                #expect(try await api.request(.get, "/v1/candidates/\(kept.id.text)", token: officer).status == 200)
            }
            let trail = try await s.audit.list(entity: AuditEntity(type: "candidate", id: due.id.text),
                                               page: PageRequest(limit: 5), by: .testAdmin).items
            #expect(trail.first?.action == "candidate.erase")
            let again = try await api.request(.post, "/v1/privacy/retention", token: officer)
            #expect(again.status == 200 && (again.object["due"] as? [Any])?.isEmpty == true)
        }
    }
}
