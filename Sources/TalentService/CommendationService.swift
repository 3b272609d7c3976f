import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Commendations (plan III.6, IV.1.e, IV.2.c): an agency's HR proposes its officials, or the people who found a
/// talent the province hired or who did well (III.3.c, through the referral); Sở Tư pháp (province scope) or an
/// administrator records the decision.
public struct CommendationService: Sendable {
    let database: Database

    public static let proposers: Set<Role> = [.admin, .hr]
    public static let readers: Set<Role> = [.admin, .hr, .leadership]

    public func propose(_ valid: ValidCommendation, by actor: Principal) async throws -> Commendation {
        try actor.require(Self.proposers)
        return try await database.transaction { tx in
            switch valid.target {
            case .official(let id):
                guard let official = try await tx.officials.get(id), OfficialService.reaches(official, actor) else {
                    throw ServiceError.invalid("official_id", vi: "không có công chức \(id.text)", en: "no official \(id.text)")
                }
            case .referral(let id):
                guard let referral = try await tx.referrals.get(id),
                      try await tx.reach.candidate(referral.candidateID, actor.reach) else {
                    throw ServiceError.invalid("referral_id", vi: "không có lượt giới thiệu \(id.text)", en: "no referral \(id.text)")
                }
                if referral.referrerKind == .selfApplication {
                    throw ServiceError(.conflict, slug: "not-commendable", LocalizedText(
                        vi: "Ứng viên tự ứng tuyển: không có người giới thiệu để khen thưởng",
                        en: "The candidate applied on their own: there is no referrer to commend"))
                }
                guard try await tx.referrals.candidateDidWell(referral.candidateID) else {
                    throw ServiceError(.conflict, slug: "not-commendable", LocalizedText(
                        vi: "Người được giới thiệu chưa được tuyển dụng, chưa vào nguồn nhân tài và chưa qua vòng đánh giá",
                        en: "The referred candidate has not been hired, kept in the talent pool or passed the evaluation"))
                }
            }
            let commendation = try await tx.commendations.insert(valid, proposedBy: actor.name)
            try await tx.audit.record(actor, "commendation.propose", "commendation", commendation.id.text,
                                      after: commendation)
            return commendation
        }
    }

    /// Records the commendation decision, once; administrators and staff of province scope (Sở Tư pháp).
    public func decide(_ id: UUID, _ decision: CommendationDecision, by actor: Principal) async throws -> Commendation {
        try actor.require(Self.proposers)
        guard actor.reach.isProvince else {
            throw ServiceError(.forbidden, slug: "province-scope-required", LocalizedText(
                vi: "Chỉ Sở Tư pháp (phạm vi toàn tỉnh) hoặc quản trị hệ thống ghi quyết định khen thưởng",
                en: "Only province-scoped staff (Sở Tư pháp) or administrators record commendation decisions"))
        }
        return try await database.transaction { tx in
            guard let before = try await tx.commendations.get(id, forUpdate: true) else { throw Self.notFound(id) }
            if before.status == .decided {
                throw ServiceError(.conflict, slug: "commendation-decided", LocalizedText(
                    vi: "Đã có quyết định khen thưởng số \(before.decisionNumber ?? "")",
                    en: "Already decided (decision \(before.decisionNumber ?? ""))"))
            }
            if let proposed = Optional(CalendarDate(before.proposedAt)), decision.on < proposed {
                throw ServiceError.invalid("on", vi: "không được trước ngày đề nghị (\(proposed))",
                                           en: "must not be before the proposal (\(proposed))")
            }
            guard try await tx.commendations.decide(id, decision, by: actor.name),
                  let after = try await tx.commendations.get(id) else { throw CandidateService.stale(before.version) }
            try await tx.audit.record(actor, "commendation.decide", "commendation", id.text, before: before, after: after)
            return after
        }
    }

    public func get(_ id: UUID, by actor: Principal) async throws -> Commendation {
        try actor.require(Self.readers)
        guard let found = try await database.read({ try await $0.commendations.get(id) }),
              actor.reach.reaches(agency: found.agencyCode)
        else { throw Self.notFound(id) }
        return found
    }

    public func list(status: String? = nil, agency: String? = nil, page: PageRequest,
                     by actor: Principal) async throws -> Page<Commendation> {
        try actor.require(Self.readers)
        var v = FieldValidator()
        let status = v.oneOf("status", status, CommendationStatus.self)
        let asked = v.code("agency", agency, required: false)
        try v.check()
        let scoped = try ReportService.agency(asked, for: actor)
        return try await database.read { try await $0.commendations.list(agency: scoped, status: status, page: page) }
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "đề nghị khen thưởng", en: "commendation"), id.text)
    }
}
