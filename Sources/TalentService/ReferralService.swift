import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Referrals by people, staff users, agencies, partner universities, or the candidates themselves. The first referral
/// of a candidate within the credit window (`ServiceSettings.referralCreditMonths`) is credited; later ones are
/// kept as supporting. A credit never moves by itself.
public struct ReferralService: Sendable {
    let database: Database

    /// Who may change these records; the API checks it before it reads a request body.
    public static let writers: Set<Role> = [.admin, .hr]
    public let creditMonths: Int

    public init(database: Database, creditMonths: Int) {
        self.database = database
        self.creditMonths = max(1, creditMonths)
    }

    /// Records a referral; the first within the credit window is credited.
    public func add(_ valid: ValidReferral, by actor: Principal) async throws -> Referral {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            guard try await tx.reach.candidate(valid.candidateID, actor.reach) else {
                throw ServiceError.invalid("candidate_id", vi: "không có ứng viên \(valid.candidateID.text)",
                                           en: "no candidate \(valid.candidateID.text)")
            }
            try await ConsentService.requireRecruitmentConsent(valid.candidateID, in: tx)
            var audit = AuditBatch()
            let referral = try await Self.add(valid, channel: actor.channel.rawValue, creditMonths: creditMonths, by: actor,
                                              in: tx, audit: &audit)
            try await tx.audit.append(audit, by: actor)
            return referral
        }
    }

    /// Adds a referral inside a caller's transaction (a nomination adds one too).
    /// Adds a referral and its audit entry to `audit`, which the caller writes. `checked`: the caller already holds
    /// the person's lock and knows the candidate and referrer exist (a nomination).
    static func add(_ valid: ValidReferral, channel: String, creditMonths: Int, by actor: Principal, in tx: Tables,
                    audit: inout AuditBatch, checked: Bool = false) async throws -> Referral {
        if !checked {
            try await Self.checkReferrer(valid, in: tx)
        }
        var name = valid.name
        if valid.kind == .user, let userID = valid.userID { name = try await tx.users.get(userID)?.name }
        let referral = try await tx.referrals.insert(valid, referrerName: name, channel: channel, createdBy: actor.name,
                                                     creditMonths: creditMonths)
        audit.add("referral.add", "referral", referral.id.text, after: referral,
                  extra: ["candidate_id": .string(referral.candidateID.text)])
        return referral
    }

    /// The candidate exists (and is locked, so that two referrals at once cannot both take the credit) and so does
    /// the referrer.
    static func checkReferrer(_ valid: ValidReferral, in tx: Tables) async throws {
        guard try await tx.candidates.get(valid.candidateID, forUpdate: true) != nil else {
            throw ServiceError.invalid("candidate_id", vi: "không có ứng viên \(valid.candidateID.text)",
                                       en: "no candidate \(valid.candidateID.text)")
        }
        switch valid.kind {
        case .user:
            guard let userID = valid.userID, try await tx.users.get(userID) != nil else {
                throw ServiceError.invalid("referrer_user_id", vi: "không có người dùng này", en: "no such user")
            }
        case .agency:
            guard let code = valid.agencyCode, try await tx.agencies.get(code) != nil else {
                throw ServiceError.invalid("referrer_agency_code", vi: "không có cơ quan mã này", en: "no agency has this code")
            }
        case .partner:
            guard let code = valid.partnerCode, try await tx.partners.get(code) != nil else {
                throw ServiceError.invalid("referrer_partner_code", vi: "không có đối tác mã này", en: "no partner has this code")
            }
        case .person, .selfApplication:
            break
        }
    }

    /// Who may read referrals (a candidate's file follows the same rule): not evaluators, who must judge the
    /// candidate without knowing who recommended them.
    static let readers: Set<Role> = [.admin, .hr, .leadership]

    public func list(candidateID: String? = nil, kind: String? = nil, referrer: String? = nil, credited: Bool? = nil,
                     page: PageRequest, by actor: Principal) async throws -> Page<Referral> {
        try actor.require(Self.readers)
        var v = FieldValidator()
        let kind = v.oneOf("referrer_kind", kind, ReferrerKind.self)
        let referrer = v.text("referrer", referrer, maxLength: 200)
        try v.check()
        let candidate = try candidateID.map { text throws(ServiceError) in try UUID.parse(text, field: "candidate_id") }
        return try await database.read { db in
            try await db.referrals.list(candidateID: candidate, kind: kind, referrer: referrer, credited: credited,
                                        reach: actor.reach, page: page)
        }
    }
}
