import Foundation
import TalentDomain

extension NominationView: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("status", status)
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
