import Foundation
import TalentDomain

extension Application: JSONObjectWritable {
    /// The fields, for a record that adds its own (an application in a candidate's file).
    public func writeFields(to w: inout JSONWriter) {
        w.field("id", id.text)
        w.field("candidate_id", candidateID.text)
        w.field("position_id", positionID.text)
        w.field("stage", stage)
        w.field("stage_entered_at", stageEnteredAt)
        w.field("version", version)
        w.field("created_at", createdAt)
        w.field("updated_at", updatedAt)
        w.field("candidate_name", candidateName)
        w.field("position_title", positionTitle)
        w.field("agency_code", agencyCode)
    }
}

extension Application: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), candidateID: r("candidate_id"), positionID: r("position_id"), stage: r("stage"),
                      stageEnteredAt: r("stage_entered_at"), version: r("version"), createdAt: r("created_at"),
                      updatedAt: r("updated_at"), candidateName: r("candidate_name"), positionTitle: r("position_title"),
                      agencyCode: r("agency_code"))
    }
}
