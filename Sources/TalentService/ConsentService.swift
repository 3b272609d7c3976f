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
            try await CandidateService.requireReach(candidate, by: actor, in: tx)
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
    /// application of the person, with the reason, in the same transaction.
    public func withdraw(candidate: UUID, _ withdrawal: ConsentWithdrawal, by actor: Principal) async throws -> Consent {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            try await CandidateService.requireReach(candidate, by: actor, in: tx)
            guard let withdrawn = try await tx.consents.withdraw(candidate: candidate, purpose: withdrawal.purpose,
                                                                 reason: withdrawal.reason, by: actor.name) else {
                throw ServiceError(.conflict, slug: "no-consent", LocalizedText(
                    vi: "Ứng viên không có sự đồng ý \(withdrawal.purpose.rawValue) đang hiệu lực",
                    en: "The candidate has no \(withdrawal.purpose.rawValue) consent in force"))
            }
            var closed: [JSONValue] = []
            if withdrawal.purpose == .recruitment {
                let reason = "Ứng viên rút lại sự đồng ý xử lý dữ liệu cá nhân" + (withdrawal.reason.map { ": \($0)" } ?? "")
                for application in try await tx.applications.all(candidateID: candidate) where application.stage.isOpen {
                    let after = try await tx.applications.move(application.id, from: application.stage, to: .withdrawn,
                                                               actor: actor, reason: reason, panelScore: nil)
                    try await tx.audit.record(actor, "application.move", "application", application.id.text,
                                              before: application, after: after, extra: ["reason": .string(reason)])
                    closed.append(.string(application.id.text))
                }
            }
            try await tx.audit.record(actor, "consent.withdraw", "candidate", candidate.text, after: withdrawn,
                                      extra: ["applications_withdrawn": .array(closed)])
            return withdrawn
        }
    }

    /// Every consent of the person, newest first (superseded and withdrawn ones included: they are the proof).
    public func list(candidate: UUID, by actor: Principal) async throws -> [Consent] {
        try actor.require(Self.writers)
        return try await database.read { db in
            try await CandidateService.requireReach(candidate, by: actor, in: db)
            // A province-wide reach is no proof the candidate exists: an unknown id is 404, not an empty list.
            guard try await db.candidates.get(candidate) != nil else { throw CandidateService.notFound(candidate) }
            return try await db.consents.all(candidate: candidate)
        }
    }
}
