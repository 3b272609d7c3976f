import Foundation
import TalentDomain
import TalentWire
import TalentStore
import TalentViews

/// How e-mail leaves: the machine's sendmail interface (msmtp or Postfix on real machines), who it is from, in which
/// language, and the server's public address for links.
public struct MailSettings: Sendable, Equatable {
    /// `TALENT_SENDMAIL`.
    public var sendmail = "/usr/sbin/sendmail"
    /// `TALENT_MAIL_FROM`.
    public var fromAddress = "no-reply@localhost"
    public var fromName = "Hệ thống tuyển chọn nhân tài (KH 483)"
    /// `TALENT_MAIL_LANGUAGE`: vi (the default) or en.
    public var language = Language.vi
    /// `TALENT_PUBLIC_URL`: links in messages (the evaluation form); none when unset.
    public var publicURL: String?

    public init() {}
}

/// E-mail: queued in the outbox in the transaction of what causes it (the static functions, called by the services
/// that make those changes), rendered from `MailTemplates` and piped to sendmail by the server's worker, retried with
/// the webhooks' backoff. Reminders to evaluators and the weekly digest are queued by the server's mail job, every six
/// hours (or by hand, `talent mail reminders|digest`).
public struct MailService: Sendable {
    let database: Database
    public let settings: MailSettings
    public let retry: RetryPolicy

    /// An evaluator is reminded of a sheet this many days after the assignment, and again after as many more.
    public static let reminderDays = 3
    /// What the digest counts as overdue.
    public static let triageDays = 7, staleDays = 30, sheetDays = 7

    public init(database: Database, settings: MailSettings = MailSettings(), retry: RetryPolicy = RetryPolicy()) {
        self.database = database
        self.settings = settings
        self.retry = retry
    }

    // MARK: Queued by the services, in their transactions

    /// To the nominator, if the nomination gave their e-mail.
    static func nominationReceived(_ id: UUID, nominator: Nominator, candidateName: String, partner: String,
                                   candidateID: UUID, in tx: Tables) async throws {
        guard let email = nominator.email else { return }
        let partnerName = try await tx.partners.get(partner)?.name ?? partner
        try await tx.outbox.enqueue(MailDraft(kind: .nominationReceived, to: email, values: .object([
            "nominator_name": .string(nominator.name), "candidate_name": .string(candidateName),
            "partner_name": .string(partnerName), "nomination_id": .string(id.text),
            "submitted_on": .string(CalendarDate.today().dayMonthYear),
        ]), candidateID: candidateID))
    }

    /// To the candidate when an application closes with a result (hired, rejected), if they gave an e-mail and their
    /// consent to recruitment is in force.
    static func applicationResult(_ application: Application, in tx: Tables) async throws {
        guard application.stage == .hired || application.stage == .rejected,
              let candidate = try await tx.candidates.get(application.candidateID), let email = candidate.email
        else { return }
        // The person's consents in force, read once: recruitment to be told at all, the pool to be told of it.
        let active = Set(try await tx.consents.all(candidate: candidate.id).filter { $0.status() == .active }.map(\.purpose))
        guard active.contains(.recruitment), let position = try await tx.positions.get(application.positionID) else { return }
        let agency = try await tx.agencies.get(position.agencyCode)?.name ?? position.agencyCode
        let inPool = active.contains(.talentPool)
        try await tx.outbox.enqueue(MailDraft(kind: .applicationResult, to: email, values: .object([
            "candidate_name": .string(candidate.fullName), "position_title": .string(position.title),
            "agency_name": .string(agency), "hired": .bool(application.stage == .hired), "in_pool": .bool(inPool),
        ]), candidateID: candidate.id))
    }

    /// To an evaluator newly on a panel (no candidate's name: the form shows it to them).
    static func evaluationAssigned(_ member: PanelMember, application: Application, in tx: Tables) async throws {
        guard let user = try await tx.users.get(member.evaluatorID), let email = user.email,
              let position = try await tx.positions.get(application.positionID) else { return }
        let agency = try await tx.agencies.get(position.agencyCode)?.name ?? position.agencyCode
        try await tx.outbox.enqueue(MailDraft(kind: .evaluationAssigned, to: email, values: .object([
            "evaluator_name": .string(user.name), "position_title": .string(position.title),
            "agency_name": .string(agency), "application_id": .string(application.id.text),
            "assigned_on": .string(CalendarDate(member.assignedAt).dayMonthYear),
        ])))
    }

    // MARK: Queued by the mail job

    /// Queues one reminder per evaluator with sheets still to submit on applications in evaluation, assigned (or
    /// last reminded) `reminderDays` days ago or more; returns how many were queued.
    public func queueReminders() async throws -> Int {
        try await database.transaction { tx in
            let due = try await tx.mail.dueReminders(days: Self.reminderDays)
            for (evaluator, items) in Dictionary(grouping: due, by: \.evaluatorID) {
                guard let first = items.first, let email = first.email else { continue }
                try await tx.outbox.enqueue(MailDraft(kind: .evaluationReminder, to: email, values: .object([
                    "evaluator_name": .string(first.evaluatorName), "count": .number(Double(items.count)),
                    "items": .array(items.map { item in .object([
                        "position_title": .string(item.positionTitle), "agency_name": .string(item.agencyName),
                        "assigned_on": .string(CalendarDate(item.assignedAt).dayMonthYear),
                    ]) }),
                ])))
                try await tx.mail.markReminded(evaluator: evaluator, applications: items.map(\.applicationID))
            }
            return Set(due.map(\.evaluatorID)).count
        }
    }

    /// Queues this ISO week's digest to every active HR officer with an e-mail who has something in it, once per
    /// week whichever instance runs it; returns how many were queued.
    public func queueDigests(now: Date = Date()) async throws -> Int {
        let week = Self.isoWeek(now)
        let users = try await database.read { try await $0.mail.digestRecipients(week: week) }
        var queued = 0
        for user in users {
            guard let email = user.email else { continue }
            let principal = Principal(name: user.name, role: user.role, channel: .api, userID: user.id,
                                      scope: user.scope, agencyCode: user.agencyCode)
            let targets = try await ReportService(database: database).targets(by: principal)
                .filter { $0.status == .atRisk || $0.status == .missed }
            let sent = try await database.transaction { tx -> Bool in
                let counts = try await tx.mail.digestCounts(reach: principal.reach, triageDays: Self.triageDays,
                                                            staleDays: Self.staleDays, sheetDays: Self.sheetDays)
                guard counts.total > 0 || !targets.isEmpty else { return false }
                guard try await tx.mail.claimDigest(user: user.id, week: week) else { return false }
                try await tx.outbox.enqueue(MailDraft(kind: .hrDigest, to: email, values: .object([
                    "name": .string(user.name), "week": .string(week),
                    "triage_days": .number(Double(Self.triageDays)), "stale_days": .number(Double(Self.staleDays)),
                    "sheet_days": .number(Double(Self.sheetDays)),
                    "untriaged": .number(Double(counts.untriaged)), "stale": .number(Double(counts.stale)),
                    "pending_sheets": .number(Double(counts.pendingSheets)),
                    "overdue_requests": .number(Double(counts.overdueRequests)),
                    "has_targets": .bool(!targets.isEmpty),
                    "targets": .array(targets.map { progress in .object([
                        "agency_name": .string(progress.agencyName), "count": .number(Double(progress.target.count)),
                        "kind": Self.localized(progress.target.positionKind.label),
                        "deadline": .string(progress.target.deadline.dayMonthYear),
                        "status": Self.localized(progress.status.label), "hired": .number(Double(progress.hired)),
                    ]) }),
                ])))
                return true
            }
            if sent { queued += 1 }
        }
        return queued
    }

    static func localized(_ text: LocalizedText) -> JSONValue { .object(["vi": .string(text.vi), "en": .string(text.en)]) }

    /// `2026-W49`: the ISO 8601 week of `date` in Vietnam's time.
    static func isoWeek(_ date: Date) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .gmt
        let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return String(format: "%04d-W%02d", c.yearForWeekOfYear ?? 1970, c.weekOfYear ?? 1)
    }

    // MARK: The worker's side

    public func claimDue(limit: Int = 20, lease: Duration = .seconds(600)) async throws -> [DueMail] {
        try await database.transaction { try await $0.outbox.claimDueMail(limit: limit, lease: lease) }
    }

    /// The message of a claimed e-mail, rendered in the deployment's language.
    public func message(_ due: DueMail) -> MIMEMessage {
        let rendered = MailTemplates.render(due.kind, values: due.values, language: settings.language,
                                            link: settings.publicURL)
        let domain = settings.fromAddress.split(separator: "@").last.map(String.init) ?? "localhost"
        return MIMEMessage(fromName: settings.fromName, fromAddress: settings.fromAddress, to: due.to,
                           subject: rendered.subject, body: rendered.body, messageID: "\(due.id.text)@\(domain)")
    }

    /// Pipes one e-mail to sendmail and records the outcome (exit 0: delivered to the mail system; else retried).
    public func send(_ due: DueMail) async throws {
        let text = message(due).text
        var failure: String?
        do {
            let result = try await ExternalProgram(executable: settings.sendmail)
                .run(["-i", "--", due.to], input: Data(text.utf8), timeout: .seconds(60))
            if result.status != 0 { failure = "sendmail: " + result.lastError }
        } catch {
            failure = "sendmail \(settings.sendmail): \(error.localizedDescription)"
        }
        let delivered = failure == nil
        let retryAfter = delivered ? nil : retry.delay(after: due.attempt)
        try await database.transaction { [failure] tx in
            try await tx.outbox.record(due.id, attempt: due.attempt, delivered: delivered, status: nil, error: failure, retryAfter: retryAfter)
        }
    }

    /// E-mail sent or given up more than this many days ago is removed (retention `outbox`).
    public static let keptDays = 90

    public func prune() async throws {
        try await database.transaction { try await $0.outbox.prune(olderThanDays: Self.keptDays) }
    }

    /// `talent mail reminders`: what the daily job would queue now (administrators).
    public func remindNow(by actor: Principal) async throws -> Int {
        try actor.require([.admin])
        return try await queueReminders()
    }

    /// `talent mail digest`: this week's digests not queued yet (administrators).
    public func digestNow(by actor: Principal) async throws -> Int {
        try actor.require([.admin])
        return try await queueDigests()
    }

    /// Removes the e-mail queued since `time` and not sent yet (the demo data's: its people are made up).
    public func discard(queuedSince time: Date, by actor: Principal) async throws {
        try actor.require([.admin])
        try await database.transaction { try await $0.outbox.discardMail(since: time) }
    }

    // MARK: Reading

    /// E-mail in the outbox, newest first (administrators).
    public func deliveries(state: String?, page: PageRequest, by actor: Principal) async throws -> Page<Delivery> {
        try actor.require([.admin])
        var v = FieldValidator()
        let state = v.oneOf("state", state, DeliveryState.self)
        try v.check()
        return try await database.read {
            try await $0.outbox.deliveries(channel: "email", partnerCode: nil, state: state, page: page)
        }
    }
}
