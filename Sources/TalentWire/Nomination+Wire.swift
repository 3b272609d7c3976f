import Foundation
import TalentDomain

extension NominationView: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("status", status)
            w.field("status_changed_at", statusChangedAt)
            w.field("submitted_at", submittedAt)
            w.field("partner_code", partnerCode)
            w.key("candidate")
            w.object { w in
                w.field("full_name", candidateName)
                w.field("date_of_birth", candidateDateOfBirth)
                w.field("citizen_id", candidateCitizenID)
                w.field("email", candidateEmail)
            }
            w.field("position_id", positionID?.text)
            w.field("nominator", nominator)
            w.field("relationship", relationship)
            w.field("justification", justification)
            w.key("consent")
            w.object { w in
                w.field("obtained_at", consentObtainedAt)
                w.field("notice_version", consentNoticeVersion)
            }
            // HR's triage; the reason of a decline is the feedback the partner reads, who triaged it is staff's.
            w.field("triage", triage)
            w.field("triage_reason", triageReason)
            w.field("triaged_at", triagedAt)
            if let triagedBy { w.field("triaged_by", triagedBy) }
            // What the partner learns of the outcome: ids once the nomination is linked, the stage once it applies.
            if let candidateID { w.field("candidate_id", candidateID.text) }
            if let referralID { w.field("referral_id", referralID.text) }
            if applicationID != nil || candidateID != nil { w.field("application_id", applicationID?.text) }
            if let stage { w.field("stage", stage) }
        }
    }
}

/// Title and e-mail only when the partner gave them.
extension Nominator: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("name", name)
            if let title { w.field("title", title) }
            if let email { w.field("email", email) }
        }
    }
}

extension NominationView: WireObjectReadable {
    /// The links (`candidate_id`, `referral_id`, `application_id`, `stage`) are nil when the answer leaves them out, as
    /// it does for a partner (`forPartner`) and before the nomination is linked.
    public init(reading r: WireReader) throws(ServiceError) {
        let candidate = try r.object("candidate")
        let consent = try r.object("consent")
        try self.init(
            id: r("id"), status: r("status"), submittedAt: r("submitted_at"), partnerCode: r("partner_code"),
            candidateName: candidate("full_name"), candidateDateOfBirth: candidate.optional("date_of_birth"),
            candidateCitizenID: candidate.optional("citizen_id"), candidateEmail: candidate.optional("email"),
            positionID: r.optional("position_id"), nominator: r("nominator"), relationship: r("relationship"),
            justification: r("justification"), consentObtainedAt: consent("obtained_at"),
            consentNoticeVersion: consent("notice_version"), candidateID: r.optional("candidate_id"),
            referralID: r.optional("referral_id"), applicationID: r.optional("application_id"),
            stage: r.optional("stage"), triage: r("triage"), triageReason: r.optional("triage_reason"),
            triagedBy: r.optional("triaged_by"), triagedAt: r.optional("triaged_at"),
            statusChangedAt: r.optional("status_changed_at"))
    }
}

extension Nominator: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(name: r("name"), title: r.optional("title"), email: r.optional("email"))
    }
}
