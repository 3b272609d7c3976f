import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Consents to the processing of a person's data, per purpose, with the proof (Law 91/2025/QH15 Art. 9-11; Decree
/// 356/2025/NĐ-CP Art. 6): recorded by hr or an administrator within their reach, never by default; a withdrawal
/// ends it and does not undo earlier processing, and withdrawing the recruitment consent withdraws the person's
/// open applications.
public struct ConsentService: Sendable {
    let database: Database
    public static let writers: Set<Role> = [.admin, .hr]

    /// Records a consent; the one in force for the same purpose, if any, is superseded. The tracker's own notice
    /// must exist in `privacy_notices` (a partner's notice is the partner's, named as it declared it).
    public func record(candidate: UUID, _ consent: NewConsent, by actor: Principal) async throws -> Consent {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            try await Self.requireCandidate(candidate, by: actor, in: tx)
            if consent.channel != .partner, !(try await tx.consents.noticeExists(consent.noticeVersion)) {
                throw ServiceError.invalid("notice_version", vi: "không có thông báo phiên bản \(consent.noticeVersion)",
                                           en: "there is no notice of version \(consent.noticeVersion)")
            }
            let (recorded, superseded) = try await tx.consents.record(
                candidate: candidate, consent, obtainedAt: consent.obtainedAt ?? Date(), nomination: nil, by: actor.name)
            try await tx.audit.record(actor, "consent.record", "candidate", candidate.text, after: recorded, extra: [
                "superseded": superseded.map { .string($0.id.text) } ?? .null,
            ])
            return recorded
        }
    }

    /// Ends the consent in force for the purpose. Withdrawing the recruitment consent withdraws every open
    /// application of the person, with the reason, and opens a request of kind `erasure` for the person (unless one
    /// is open already), in the same transaction.
    public func withdraw(candidate: UUID, _ withdrawal: ConsentWithdrawal, by actor: Principal) async throws -> WithdrawnConsent {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            try await Self.requireCandidate(candidate, by: actor, in: tx)
            guard let withdrawn = try await tx.consents.withdraw(candidate: candidate, purpose: withdrawal.purpose,
                                                                 reason: withdrawal.reason, by: actor.name) else {
                throw ServiceError(.conflict, slug: "no-consent", LocalizedText(
                    vi: "Ứng viên không có sự đồng ý \(withdrawal.purpose.rawValue) đang hiệu lực",
                    en: "The candidate has no \(withdrawal.purpose.rawValue) consent in force"))
            }
            var closed: [UUID] = []
            var result = WithdrawnConsent(consent: withdrawn)
            if withdrawal.purpose == .recruitment {
                let reason = "Ứng viên rút lại sự đồng ý xử lý dữ liệu cá nhân" + (withdrawal.reason.map { ": \($0)" } ?? "")
                closed = try await ApplicationService.withdrawOpen(
                    try await tx.applications.all(candidateID: candidate), reason: reason, by: actor, in: tx)
                // Law 91 Art. 25.1 and issue 13 item 1: a person who may no longer be processed for recruitment is to
                // be erased; the request puts that on the data-protection officer's list with its Decree 356 deadline.
                let pending = try await tx.privacy.requests(status: "pending", candidateID: candidate, today: .today(),
                                                            page: PageRequest(batch: 100, after: nil)).items
                if let open = pending.first(where: { $0.kind == .erasure }) {
                    result.erasureRequestID = open.id
                } else {
                    let note = "Mở khi ứng viên rút lại sự đồng ý tuyển dụng (sự đồng ý \(withdrawn.id.text))"
                        + (withdrawal.reason.map { ": \($0)" } ?? "")
                    let request = try await PrivacyService.open(
                        ValidPrivacyRequest(PrivacyRequestDraft(candidateID: candidate.text,
                                                                kind: PrivacyRequestKind.erasure.rawValue,
                                                                note: String(note.prefix(4000)))),
                        by: actor, in: tx)
                    result.erasureRequestID = request.id
                    result.erasureRequestOpened = true
                }
            }
            try await tx.audit.record(actor, "consent.withdraw", "candidate", candidate.text, after: withdrawn,
                                      extra: ["applications_withdrawn": .array(closed.map { .string($0.text) }),
                                              "erasure_request": result.erasureRequestID.map { .string($0.text) } ?? .null])
            return result
        }
    }

    /// Refuses (409 `no-consent`) to process a person for recruitment once they withdrew their recruitment consent
    /// and none is in force. A person who never had a consent record is processed on the documented legal basis of
    /// state recruitment (README, data protection).
    static func requireRecruitmentConsent(_ candidate: UUID, in db: Tables) async throws {
        guard try await db.consents.recruitmentWithdrawn(candidate: candidate, today: .today()) else { return }
        throw ServiceError(.conflict, slug: "no-consent", LocalizedText(
            vi: "Ứng viên đã rút lại sự đồng ý tuyển dụng và chưa có sự đồng ý mới đang hiệu lực; hãy ghi nhận sự đồng ý mới trước (talent consent record --candidate \(candidate.text) --purpose recruitment …)",
            en: "The candidate withdrew their recruitment consent and none is in force; record a new consent first (talent consent record --candidate \(candidate.text) --purpose recruitment …)"))
    }

    /// Every consent of the person, newest first (superseded and withdrawn ones included: they are the proof). A
    /// consent obtained through a nomination out of the reader's reach (one that led to another agency's
    /// application) does not name it.
    public func list(candidate: UUID, by actor: Principal) async throws -> [Consent] {
        try actor.require(Self.writers)
        return try await database.read { db in
            try await Self.requireCandidate(candidate, by: actor, in: db)
            let visible = Set(try await db.nominations.all(candidateID: candidate, reach: actor.reach).map(\.id))
            return try await db.consents.all(candidate: candidate).map { consent in
                guard let nomination = consent.nominationID, !visible.contains(nomination) else { return consent }
                var hidden = consent
                hidden.nominationID = nil
                hidden.evidence = nil
                return hidden
            }
        }
    }

    /// The candidate exists and is within the actor's reach (404 otherwise).
    static func requireCandidate(_ id: UUID, by actor: Principal, in db: Tables) async throws {
        try await CandidateService.requireReach(id, by: actor, in: db)
        guard try await db.candidates.get(id) != nil else { throw try await CandidateService.missing(id, in: db) }
    }
}
