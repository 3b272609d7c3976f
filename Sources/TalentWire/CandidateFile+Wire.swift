import Foundation
import TalentDomain

/// An application of the file: the application's fields and its stage history.
extension FileApplication: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            application.writeFields(to: &w)
            w.field("history", history)
        }
    }
}

extension FilePanel: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("application_id", application.id.text)
            w.field("position_title", application.positionTitle)
            w.field("agency_code", application.agencyCode)
            w.field("evaluators", evaluators)
            w.field("score", score)
        }
    }
}

/// The candidate's fields, then each section asked for (a section not asked for is absent).
extension CandidateFile: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            candidate.writeFields(to: &w)
            for section in sections.sorted() {
                switch section {
                case .applications: w.field("applications", applications)
                case .referrals: w.field("referrals", referrals)
                case .nominations: w.field("nominations", nominations)
                case .panels: w.field("panels", panels)
                }
            }
        }
    }
}
