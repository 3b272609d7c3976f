import Foundation
import TalentDomain

extension AgencyHires: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("agency_code", agencyCode)
            w.field("agency_name", agencyName)
            w.field("position_kind", positionKind)
            w.field("hired", hired)
        }
    }
}

extension EvaluationSummary: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("applications", applications)
            w.field("sheets", sheets)
            w.field("complete", complete)
            w.field("passed", passed)
            w.field("failed", failed)
            w.field("median_panel_score", medianPanelScore)
        }
    }
}

extension AnnualReport: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("year", year)
            w.field("as_of", asOf)
            w.field("generated_at", generatedAt)
            w.field("targets", targets)
            w.field("pipeline", pipeline)
            w.field("hires", hires)
            w.field("partners", partners)
            w.field("referrers", referrers)
            w.field("evaluations", evaluations)
        }
    }
}
