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
            w.field("first_year", firstYear)
            w.field("as_of", asOf)
            w.field("generated_at", generatedAt)
            w.field("targets", targets)
            w.field("pipeline", pipeline)
            w.field("hires", hires)
            w.field("partners", partners)
            w.field("referrers", referrers)
            w.field("evaluations", evaluations)
            w.field("training", training)
            w.field("commendations", commendations)
        }
    }
}

extension AgencyHires: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(agencyCode: r("agency_code"), agencyName: r("agency_name"), positionKind: r("position_kind"),
                      hired: r("hired"))
    }
}

extension EvaluationSummary: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(applications: r("applications"), sheets: r("sheets"), complete: r("complete"), passed: r("passed"),
                      failed: r("failed"), medianPanelScore: r.optional("median_panel_score"))
    }
}

extension AnnualReport: WireObjectReadable {
    /// Its targets lose what `TargetProgress` does not write (who set each target, and when).
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(year: r("year"), asOf: r("as_of"), generatedAt: r("generated_at"), targets: r("targets"),
                      pipeline: r("pipeline"), hires: r("hires"), partners: r("partners"), referrers: r("referrers"),
                      evaluations: r("evaluations"), training: r.optional("training"),
                      commendations: r.optional("commendations") ?? [], firstYear: r.optional("first_year"))
    }
}
