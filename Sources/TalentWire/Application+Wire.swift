import Foundation
import TalentDomain

extension Application: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
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
}
