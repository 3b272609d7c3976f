import Foundation
import TalentDomain

// The plan beyond recruitment: officials, hiring decisions, trainings and their report, commendations.

extension OfficialKind: JSONWritable {}
extension OfficialKind: WireReadable {}
extension HiringMethod: JSONWritable {}
extension HiringMethod: WireReadable {}
extension TrainingResult: JSONWritable {}
extension TrainingResult: WireReadable {}
extension CommendationSubject: JSONWritable {}
extension CommendationSubject: WireReadable {}
extension CommendationStatus: JSONWritable {}
extension CommendationStatus: WireReadable {}

extension Official: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("full_name", fullName)
            w.field("agency_code", agencyCode)
            w.field("kind", kind)
            w.field("core_force", coreForce)
            w.field("candidate_id", candidateID?.text)
            w.field("decision_id", decisionID?.text)
            w.field("since", since)
            w.field("until", until)
            w.field("in_post", inPost(on: .today()))
            w.field("leave_reason", leaveReason)
            w.field("version", version)
            w.field("created_by", createdBy)
            w.field("created_at", createdAt)
            w.field("updated_at", updatedAt)
        }
    }
}

extension Official: WireObjectReadable {
    /// `in_post` is computed from the dates, which read back as they are.
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), fullName: r("full_name"), agencyCode: r("agency_code"), kind: r("kind"),
                      coreForce: r("core_force"), candidateID: r.optional("candidate_id"),
                      decisionID: r.optional("decision_id"), since: r("since"), until: r.optional("until"),
                      leaveReason: r.optional("leave_reason"), version: r("version"), createdBy: r("created_by"),
                      createdAt: r("created_at"), updatedAt: r("updated_at"))
    }
}

extension OfficialDraft {
    public init(reading body: inout JSONFields) {
        self.init(fullName: body.string("full_name"), agencyCode: body.string("agency_code"), kind: body.string("kind"),
                  coreForce: body.bool("core_force"), candidateID: body.string("candidate_id"), since: body.string("since"))
    }
}

extension OfficialDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let fullName { w.field("full_name", fullName) }
        if let agencyCode { w.field("agency_code", agencyCode) }
        if let kind { w.field("kind", kind) }
        if let coreForce { w.field("core_force", coreForce) }
        if let candidateID { w.field("candidate_id", candidateID) }
        if let since { w.field("since", since) }
    }
}

extension OfficialLeaveDraft {
    public init(reading body: inout JSONFields) {
        self.init(on: body.string("on"), reason: body.string("reason"))
    }
}

extension OfficialLeaveDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let on { w.field("on", on) }
        if let reason { w.field("reason", reason) }
    }
}

extension HiringDecision: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("application_id", applicationID.text)
            w.field("number", number)
            w.field("signed_on", signedOn)
            w.field("signer", signer)
            w.field("effective_on", effectiveOn)
            w.field("method", method)
            w.field("official_id", officialID?.text)
            w.field("recorded_by", recordedBy)
            w.field("recorded_at", recordedAt)
        }
    }
}

extension HiringDecision: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), applicationID: r("application_id"), number: r("number"), signedOn: r("signed_on"),
                      signer: r("signer"), effectiveOn: r("effective_on"), method: r.optional("method"),
                      recordedBy: r("recorded_by"), recordedAt: r("recorded_at"), officialID: r.optional("official_id"))
    }
}

extension HiringDecisionDraft {
    public init(reading body: inout JSONFields) {
        self.init(applicationID: body.string("application_id"), number: body.string("number"),
                  signedOn: body.string("signed_on"), signer: body.string("signer"),
                  effectiveOn: body.string("effective_on"), method: body.string("method"))
    }
}

extension HiringDecisionDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let applicationID { w.field("application_id", applicationID) }
        if let number { w.field("number", number) }
        if let signedOn { w.field("signed_on", signedOn) }
        if let signer { w.field("signer", signer) }
        if let effectiveOn { w.field("effective_on", effectiveOn) }
        if let method { w.field("method", method) }
    }
}

extension Training: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("title", title)
            w.field("starts_on", startsOn)
            w.field("ends_on", endsOn)
            w.field("organizer_code", organizerCode)
            w.field("partner_code", partnerCode)
            w.field("agreement_id", agreementID?.text)
            w.field("hours", hours)
            w.field("attendees", attendees)
            w.field("completed", completed)
            w.field("created_by", createdBy)
            w.field("created_at", createdAt)
        }
    }
}

extension Training: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), title: r("title"), startsOn: r("starts_on"), endsOn: r("ends_on"),
                      organizerCode: r.optional("organizer_code"), partnerCode: r.optional("partner_code"),
                      agreementID: r.optional("agreement_id"), hours: r.optional("hours"), attendees: r("attendees"),
                      completed: r("completed"), createdBy: r("created_by"), createdAt: r("created_at"))
    }
}

extension TrainingDraft {
    public init(reading body: inout JSONFields) {
        self.init(title: body.string("title"), startsOn: body.string("starts_on"), endsOn: body.string("ends_on"),
                  organizerCode: body.string("organizer_code"), partnerCode: body.string("partner_code"),
                  agreementID: body.string("agreement_id"), hours: body.number("hours"))
    }
}

extension TrainingDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let title { w.field("title", title) }
        if let startsOn { w.field("starts_on", startsOn) }
        if let endsOn { w.field("ends_on", endsOn) }
        if let organizerCode { w.field("organizer_code", organizerCode) }
        if let partnerCode { w.field("partner_code", partnerCode) }
        if let agreementID { w.field("agreement_id", agreementID) }
        if let hours { w.field("hours", hours) }
    }
}

extension TrainingAttendance: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("training_id", trainingID.text)
            w.field("official_id", officialID.text)
            w.field("official_name", officialName)
            w.field("agency_code", agencyCode)
            w.field("result", result)
            w.field("recorded_by", recordedBy)
            w.field("recorded_at", recordedAt)
        }
    }
}

extension TrainingAttendance: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(trainingID: r("training_id"), officialID: r("official_id"), officialName: r("official_name"),
                      agencyCode: r("agency_code"), result: r("result"), recordedBy: r("recorded_by"),
                      recordedAt: r("recorded_at"))
    }
}

extension AttendanceDraft {
    public init(reading body: inout JSONFields) {
        self.init(officialID: body.string("official_id"), result: body.string("result"))
    }
}

extension AttendanceDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let officialID { w.field("official_id", officialID) }
        if let result { w.field("result", result) }
    }
}

extension TrainingGoal: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("percent", percent)
            w.field("rule", rule)
            w.field("by", by)
        }
    }
}

extension TrainingGoal: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(percent: r("percent"), rule: r("rule"), by: r("by"))
    }
}

extension UntrainedOfficial: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("full_name", fullName)
            w.field("kind", kind)
            w.field("since", since)
        }
    }
}

extension UntrainedOfficial: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), fullName: r("full_name"), kind: r("kind"), since: r("since"))
    }
}

extension TrainingCoverage: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("agency_code", agencyCode)
            w.field("agency_name", agencyName)
            w.field("officials", officials)
            w.field("trained", trained)
            w.field("share", share)
            w.field("meets_goal", meetsGoal)
            w.field("untrained", untrained)
        }
    }
}

extension TrainingCoverage: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(agencyCode: r("agency_code"), agencyName: r("agency_name"), officials: r("officials"),
                      trained: r("trained"), meetsGoal: r("meets_goal"), untrained: r("untrained"))
    }
}

extension TrainingReport: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("from", from)
            w.field("to", to)
            w.field("agency", agency)
            w.field("goal", goal)
            w.field("officials", officials)
            w.field("trained", trained)
            w.field("share", share)
            w.field("meets_goal", meetsGoal)
            w.field("trainings", trainings)
            w.field("agencies", agencies)
        }
    }
}

extension TrainingReport: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(from: r("from"), to: r("to"), agency: r.optional("agency"), goal: r("goal"),
                      officials: r("officials"), trained: r("trained"), meetsGoal: r("meets_goal"),
                      agencies: r("agencies"), trainings: r("trainings"))
    }
}

extension Commendation: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("subject", subject)
            w.field("official_id", officialID?.text)
            w.field("referral_id", referralID?.text)
            w.field("subject_name", subjectName)
            w.field("agency_code", agencyCode)
            w.field("reason", reason)
            w.field("status", status)
            w.field("decision_number", decisionNumber)
            w.field("decided_on", decidedOn)
            w.field("proposed_by", proposedBy)
            w.field("proposed_at", proposedAt)
            w.field("decided_by", decidedBy)
            w.field("version", version)
        }
    }
}

extension Commendation: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), subject: r("subject"), officialID: r.optional("official_id"),
                      referralID: r.optional("referral_id"), subjectName: r("subject_name"),
                      agencyCode: r.optional("agency_code"), reason: r("reason"), status: r("status"),
                      decisionNumber: r.optional("decision_number"), decidedOn: r.optional("decided_on"),
                      proposedBy: r("proposed_by"), proposedAt: r("proposed_at"), decidedBy: r.optional("decided_by"),
                      version: r("version"))
    }
}

extension CommendationDraft {
    public init(reading body: inout JSONFields) {
        self.init(officialID: body.string("official_id"), referralID: body.string("referral_id"),
                  reason: body.string("reason"))
    }
}

extension CommendationDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let officialID { w.field("official_id", officialID) }
        if let referralID { w.field("referral_id", referralID) }
        if let reason { w.field("reason", reason) }
    }
}

extension CommendationDecisionDraft {
    public init(reading body: inout JSONFields) {
        self.init(number: body.string("number"), on: body.string("on"))
    }
}

extension CommendationDecisionDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let number { w.field("number", number) }
        if let on { w.field("on", on) }
    }
}
