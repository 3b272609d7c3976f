import Foundation
import TalentDomain

extension SubmittedNomination: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("partner_code", partnerCode)
            w.field("submitted_at", submittedAt)
            w.field("consent_obtained_at", consentObtainedAt)
            w.field("consent_notice_version", consentNoticeVersion)
            w.field("body", submitted)
        }
    }
}

extension SubmittedNomination: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), partnerCode: r("partner_code"), submittedAt: r("submitted_at"),
                      submitted: r("body"), consentObtainedAt: r("consent_obtained_at"),
                      consentNoticeVersion: r("consent_notice_version"))
    }
}

/// `person` is the candidate's file with every section; score sheets are every revision.
extension PersonalDataExport: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("generated_at", generatedAt)
            w.field("person", file)
            w.field("nominations_as_submitted", submittedNominations)
            w.field("evaluations", evaluations)
            w.field("consents", consents)
            w.field("documents", documents)
            w.field("audit", audit)
        }
    }
}

extension PersonalDataExport: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(generatedAt: r("generated_at"), file: r("person"),
                      submittedNominations: r("nominations_as_submitted"), evaluations: r("evaluations"),
                      consents: r("consents"), documents: r("documents"), audit: r("audit"))
    }
}
