import Crypto
import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Nominations from partner universities: idempotent per partner and key, gated by an active agreement and its
/// yearly quota, with the candidate's consent stored; the same person (citizen ID, else e-mail) is one candidate with
/// one more referral, however many partners nominate them at once.
public struct NominationService: Sendable {
    let database: Database
    let referrals: ReferralService
    let readLog: ReadLog

    /// Submits a nomination. `submitted` is the body as sent (stored, and hashed to recognize a retry); `key` is the
    /// partner's `Idempotency-Key`, which the edge has checked (1–255 printable ASCII characters).
    public func submit(_ valid: ValidNomination, submitted: JSONValue, idempotencyKey key: String,
                       by actor: Principal) async throws -> NominationReceipt {
        try actor.require(Self.writers)
        guard let partner = actor.partnerCode else { throw ServiceError.forbidden(actor.role.rawValue) }
        // Written once: hashed to recognize a retry, and stored as sent.
        let submittedText = submitted.jsonString()
        let hash = SHA256.hash(data: Data(submittedText.utf8)).hexString

        // The key's lock, the check for an earlier answer, the work and the answer are one transaction: a request
        // that dies (a crashed server, a lost connection) leaves nothing behind, and its retry goes ahead at once.
        return try await database.transaction { tx in
            if Int.random(in: 0..<100) == 0 { try await tx.idempotency.prune() }
            switch try await tx.idempotency.claim(partnerCode: partner, key: key, requestHash: hash) {
            case .replay(_, let body):
                guard let receipt = NominationReceipt(replaying: body) else {
                    throw ServiceError(.internalFailure, LocalizedText(
                        vi: "Không đọc được câu trả lời đã lưu của Idempotency-Key này",
                        en: "The stored answer of this Idempotency-Key cannot be read"))
                }
                return receipt
            case .inFlight:
                var error = ServiceError(.conflict, slug: "idempotency-in-flight", LocalizedText(
                    vi: "Một yêu cầu với cùng Idempotency-Key đang được xử lý; thử lại sau giây lát",
                    en: "A request with this Idempotency-Key is still being processed; retry shortly"))
                error.retryAfter = 1
                throw error
            case .mismatch:
                throw ServiceError(.invalid, slug: "idempotency-mismatch", LocalizedText(
                    vi: "Idempotency-Key này đã được dùng cho một nội dung khác", en: "This Idempotency-Key was used with another body"),
                    fieldErrors: [FieldError("Idempotency-Key", vi: "đã dùng cho nội dung khác", en: "was used with another body")])
            case .claimed:
                let (id, at) = try await Self.record(valid, submitted: submittedText, partner: partner,
                                                     creditMonths: referrals.creditMonths, by: actor, in: tx)
                let receipt = NominationReceipt(id: id, status: .received, submittedAt: at)
                try await tx.idempotency.store(partnerCode: partner, key: key, requestHash: hash, status: 201,
                                               body: receipt.json)
                return receipt
            }
        }
    }

    static func record(_ n: ValidNomination, submitted: String, partner: String, creditMonths: Int, by actor: Principal,
                       in tx: Tables) async throws -> (UUID, Date) {
        let today = CalendarDate.today()
        let agreements = try await tx.agreements.list(partnerCode: partner)
        guard let agreement = agreements.first(where: { $0.covers(today) }) else {
            throw ServiceError(.forbidden, slug: "no-active-agreement", LocalizedText(
                vi: "Không có thỏa thuận hợp tác đang hiệu lực hôm nay; liên hệ Sở Tư pháp",
                en: "No partnership agreement is active today; contact the Department of Justice"))
        }
        if let quota = agreement.yearlyQuota {
            // The agreement's row lock makes concurrent nominations count one after another.
            _ = try await tx.agreements.get(agreement.id, forUpdate: true)
            let used = try await tx.nominations.countThisYear(agreementID: agreement.id, year: today.year)
            guard used < quota else {
                throw ServiceError(.conflict, slug: "quota-exceeded", LocalizedText(
                    vi: "Đã dùng hết chỉ tiêu đề cử năm \(today.year) của thỏa thuận (\(quota))",
                    en: "The agreement's nomination quota for \(today.year) (\(quota)) is used up"))
            }
        }
        // One person, one candidate: nominations of the same person wait for each other here.
        try await tx.nominations.lockPerson(n.personKey)
        var audit = AuditBatch()
        // One query finds the person (citizen ID, else e-mail) and any profile that already holds their contacts.
        let matches = try await tx.candidates.exactMatches(citizenID: n.candidate.citizenID, email: n.candidate.email,
                                                           phone: n.candidate.phone)
        let existing = n.candidate.citizenID != nil
            ? matches.first { $0.citizenID == n.candidate.citizenID }
            : matches.first { $0.email == n.candidate.email }
        // A contact detail that already belongs to another profile is not copied (the submission keeps it).
        var profile = n.candidate
        if matches.contains(where: { $0.id != existing?.id && $0.email != nil && $0.email == profile.email }) {
            profile.email = nil
        }
        if matches.contains(where: { $0.id != existing?.id && $0.phone != nil && $0.phone == profile.phone }) {
            profile.phone = nil
        }
        let candidate: Candidate
        var filledFromNomination: (before: Candidate, after: Candidate, fields: [CandidateDraft.Field])?
        if let existing {
            // Held like a staff referral holds it, so the credit goes to one referral only; read again under the lock.
            guard let locked = try await tx.candidates.get(existing.id, forUpdate: true) else {
                throw CandidateService.notFound(existing.id)
            }
            // The profile's empty fields are filled from the nomination; what staff entered is never overwritten.
            let (filled, fields) = ValidCandidate(locked).fillingEmptyFields(from: profile)
            if !fields.isEmpty {
                guard try await tx.candidates.update(locked.id, expectedVersion: locked.version, to: filled),
                      let after = try await tx.candidates.get(locked.id)
                else { throw CandidateService.stale(locked.version) }
                filledFromNomination = (locked, after, fields)
                candidate = after
            } else {
                candidate = locked
            }
        } else {
            candidate = try await tx.candidates.insert(profile)
            audit.add("candidate.add", "candidate", candidate.id.text, after: candidate.audited)
        }
        let referral = try await ReferralService.add(
            ValidReferral(nominationBy: partner, nominator: n.nominator, of: candidate.id, relationship: n.relationship,
                          justification: n.justification),
            channel: "nomination", creditMonths: creditMonths, by: actor, in: tx, audit: &audit, checked: true)
        var applicationID: UUID?
        var opened = false
        if let positionID = n.positionID {
            if let open = try await tx.applications.open(candidateID: candidate.id, positionID: positionID) {
                applicationID = open.id
            } else {
                opened = true
                applicationID = try await ApplicationService.open(candidate: candidate.id, position: positionID, stage: .nominated,
                                                                  reason: nil, by: actor, in: tx).id
            }
        }
        let (id, at) = try await tx.nominations.insert(
            partnerCode: partner, agreementID: agreement.id, candidateID: candidate.id, referralID: referral.id,
            positionID: n.positionID, applicationID: applicationID, openedApplication: opened, submitted: submitted,
            consentObtainedAt: n.consentObtainedAt, consentNoticeVersion: n.consentNoticeVersion)
        // A nomination that found the person already under review, in the pool or hired reads so from the start.
        try await NominationService.follow([candidate.id], in: tx)
        try await MailService.nominationReceived(id, nominator: n.nominator, candidateName: n.candidate.fullName,
                                                 partner: partner, candidateID: candidate.id, in: tx)
        // The consent the partner obtained, per purpose, with the nomination as its proof.
        for purpose in n.consentPurposes {
            let expires = purpose == .talentPool
                ? CalendarDate(n.consentObtainedAt.addingTimeInterval(Double(ValidNomination.talentPoolYears) * 365.25 * 86_400))
                : nil
            // A talent-pool consent given so long ago that it has run out is not recorded as one in force.
            if let expires, expires < CalendarDate.today() { continue }
            let consent = try NewConsent(purpose: purpose.rawValue, noticeVersion: n.consentNoticeVersion,
                                         channel: ConsentChannel.partner.rawValue,
                                         expiresOn: expires?.description, evidence: "nomination:\(id.text)")
            let (recorded, _) = try await tx.consents.record(candidate: candidate.id, consent,
                                                             obtainedAt: n.consentObtainedAt, nomination: id,
                                                             by: actor.name)
            audit.add("consent.record", "candidate", candidate.id.text, after: recorded)
        }
        if let fill = filledFromNomination {
            audit.add("candidate.filled_from_nomination", "candidate", candidate.id.text, before: fill.before.audited,
                      after: fill.after.audited,
                      extra: ["nomination_id": .string(id.text), "partner_code": .string(partner),
                              "fields": .array(fill.fields.map { .string($0.rawValue) })])
        }
        audit.add("nomination.submit", "nomination", id.text,
                  extra: ["candidate_id": .string(candidate.id.text), "referral_id": .string(referral.id.text),
                          "agreement_id": .string(agreement.id.text)])
        try await tx.audit.append(audit, by: actor)
        return (id, at)
    }

    /// Who submits nominations: partner institutions.
    public static let writers: Set<Role> = [.partner]

    /// Staff who may read nominations unmasked, within their reach (of a candidate within reach, and not for an
    /// application out of it; a candidate's file follows the same rule): not
    /// evaluators, who judge a candidate without knowing who recommended them.
    static let staffReaders: Set<Role> = [.admin, .hr, .leadership]

    /// A partner's own nominations (masked, coarse), or every nomination for staff; of one coarse status, or (staff's
    /// inbox) of one triage state.
    public func list(status: String? = nil, triage: String? = nil, page: PageRequest,
                     by actor: Principal) async throws -> Page<NominationView> {
        try actor.require(Self.staffReaders.union([.partner]))
        var v = FieldValidator()
        let status = v.oneOf("status", status, NominationStatus.self)
        let triage = v.oneOf("triage", triage, NominationTriage.self)
        try v.check()
        let partner = actor.role == .partner ? actor.partnerCode : nil
        if actor.role == .partner, partner == nil { throw ServiceError.forbidden(actor.role.rawValue) }
        let page = try await database.read { db in
            try await db.nominations.list(partnerCode: partner, reach: actor.role == .partner ? .province : actor.reach,
                                          status: status, triage: triage, page: page)
        }
        return actor.role == .partner ? Page(items: page.items.map(\.forPartner), nextCursor: page.nextCursor) : page
    }

    /// One nomination; another partner's is "not found".
    public func get(_ id: String, by actor: Principal) async throws -> NominationView {
        try actor.require(Self.staffReaders.union([.partner]))
        let uuid = try UUID.parse(id)
        let partner = actor.role == .partner ? actor.partnerCode : nil
        if actor.role == .partner, partner == nil { throw ServiceError.forbidden(actor.role.rawValue) }
        let reach = actor.role == .partner ? Reach.province : actor.reach
        guard let view = try await database.read({ try await $0.nominations.get(uuid, partnerCode: partner, reach: reach) })
        else {
            throw ServiceError.notFound(LocalizedText(vi: "đề cử", en: "nomination"), uuid.text)
        }
        // The nomination shows the person as submitted: a read of their data, logged under the candidate it became.
        readLog.record(actor, "nomination.read", view.candidateID.map { _ in "candidate" } ?? "nomination",
                             view.candidateID?.text ?? uuid.text, extra: ["nomination_id": .string(uuid.text)])
        return actor.role == .partner ? view.forPartner : view
    }

    /// Who triages nominations: HR, within their reach, and admins.
    public static let triagers: Set<Role> = [.admin, .hr]

    /// HR's triage of one nomination. `reviewed` says it is being looked at; `declined` closes it with the reason the
    /// partner reads (rejecting the application it opened, if that is still at `nominated`); `accepted` takes it
    /// forward: its own application moves to `screening`, or one is opened there for the position. Declined and
    /// accepted are final. The partner's status follows, and its webhook is told, in the same transaction.
    public func triage(_ id: String, _ valid: ValidTriage, by actor: Principal) async throws -> NominationView {
        try actor.require(Self.triagers)
        let uuid = try UUID.parse(id)
        return try await database.transaction { tx in
            try await tx.nominations.lock(uuid)
            guard let before = try await tx.nominations.get(uuid, partnerCode: nil, reach: actor.reach) else {
                throw ServiceError.notFound(LocalizedText(vi: "đề cử", en: "nomination"), uuid.text)
            }
            guard before.triage == .new || before.triage == .reviewed else {
                throw ServiceError(.conflict, slug: "nomination-triaged", LocalizedText(
                    vi: "Đề cử đã được xử lý (\(before.triage.label.vi)) ngày \(CalendarDate(before.triagedAt ?? Date())): không đổi được nữa",
                    en: "The nomination was already \(before.triage.rawValue) on \(CalendarDate(before.triagedAt ?? Date())) and cannot change"))
            }
            // An erased person's candidate reads as absent.
            guard let candidateID = before.candidateID, try await tx.candidates.get(candidateID) != nil else {
                throw ServiceError(.conflict, slug: "candidate-erased", LocalizedText(
                    vi: "Dữ liệu của người được đề cử đã bị xóa", en: "The nominated person's data was erased"))
            }
            let own = try await before.applicationID.asyncMap { try await tx.applications.get($0, forUpdate: true) } ?? nil
            var linked: UUID?
            switch valid.triage {
            case .new, .reviewed:
                break
            case .declined:
                // An application the nomination found open is someone else's work: the decline leaves it alone.
                if let own, own.stage.isOpen, before.openedApplication {
                    if own.stage != .nominated {
                        throw ServiceError(.conflict, slug: "application-under-way", LocalizedText(
                            vi: "Hồ sơ dự tuyển của đề cử đang ở giai đoạn “\(own.stage.label.vi)”: từ chối hồ sơ (talent application move --to rejected) thay vì đề cử",
                            en: "The nomination's application is at \(own.stage.rawValue): reject the application (talent application move --to rejected) instead"))
                    }
                    try await Self.moveOwn(own, to: .rejected, reason: valid.reason, by: actor, in: tx)
                }
            case .accepted:
                try await ConsentService.requireRecruitmentConsent(candidateID, in: tx)
                if let own, own.stage.isOpen {
                    if let asked = valid.positionID, asked != own.positionID {
                        throw ServiceError.invalid("position_id", vi: "đề cử đã có hồ sơ đang xét cho vị trí khác (\(own.id.text))",
                                                   en: "the nomination already has an open application for another position (\(own.id.text))")
                    }
                    if own.stage == .nominated {
                        try await Self.moveOwn(own, to: .screening, reason: valid.reason, by: actor, in: tx)
                    }
                } else {
                    guard let positionID = valid.positionID ?? before.positionID else {
                        throw ServiceError.invalid("position_id", vi: "bắt buộc: đề cử không nêu vị trí, hãy chọn vị trí tuyển dụng",
                                                   en: "is required: the nomination names no position, choose one")
                    }
                    guard let position = try await tx.positions.get(positionID),
                          actor.reach.agency.map({ $0 == position.agencyCode }) ?? true else {
                        throw ServiceError.invalid("position_id", vi: "không có vị trí \(positionID.text)",
                                                   en: "no position \(positionID.text)")
                    }
                    if let open = try await tx.applications.open(candidateID: candidateID, positionID: positionID) {
                        linked = open.id
                    } else {
                        linked = try await ApplicationService.open(candidate: candidateID, position: positionID,
                                                                   stage: .screening, reason: valid.reason, by: actor,
                                                                   in: tx).id
                    }
                }
            }
            try await tx.nominations.triage(uuid, to: valid.triage, reason: valid.reason, applicationID: linked,
                                            by: actor.name)
            try await Self.follow([candidateID], in: tx)
            guard let after = try await tx.nominations.get(uuid, partnerCode: nil) else {
                throw ServiceError.notFound(LocalizedText(vi: "đề cử", en: "nomination"), uuid.text)
            }
            try await tx.audit.record(actor, "nomination.triage", "nomination", uuid.text,
                                      extra: ["triage": .string(valid.triage.rawValue),
                                              "reason": valid.reason.map(JSONValue.string) ?? .null,
                                              "candidate_id": .string(candidateID.text),
                                              "application_id": after.applicationID.map { .string($0.text) } ?? .null,
                                              "status": .string(after.status.rawValue)])
            return after
        }
    }

    /// The nomination's own application moved by its triage, audited like any move.
    private static func moveOwn(_ application: Application, to stage: PipelineStage, reason: String?, by actor: Principal,
                                in tx: Tables) async throws {
        try StageMachine.check(from: application.stage, to: stage, reason: reason)
        let after = try await tx.applications.move(application.id, from: application.stage, to: stage, actor: actor,
                                                   reason: reason, panelScore: nil)
        try await tx.audit.record(actor, "application.move", "application", application.id.text, before: application,
                                  after: after, extra: ["reason": reason.map(JSONValue.string) ?? .null])
        try await MailService.applicationResult(after, in: tx)
    }

    /// Brings the partner's status of these candidates' nominations up to date with their progress, in the
    /// transaction that changed it, and queues a webhook delivery for every nomination whose status moved. Called by
    /// every write that opens, moves or reassigns an application, and by triage.
    static func follow(_ candidates: [UUID], in tx: Tables) async throws {
        for change in try await tx.nominations.follow(candidates: candidates) {
            _ = try await tx.webhooks.enqueue(partnerCode: change.partnerCode, event: NominationStatusEvent.name) { id in
                NominationStatusEvent(deliveryID: id, change: change).jsonString()
            }
        }
    }
}
