import Foundation
import TalentDomain

// The reporting chain: agencies' submissions, who has not submitted, the province's issued reports.

extension ReviewKind: JSONWritable {}
extension ReviewKind: WireReadable {}

extension AgencySubmission: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("agency_code", agencyCode)
            w.field("agency_name", agencyName)
            w.field("year", year)
            w.field("figures", figures)
            w.field("results", results)
            w.field("difficulties", difficulties)
            w.field("proposals", proposals)
            w.field("submitted_by", submittedBy)
            w.field("submitted_at", submittedAt)
        }
    }
}

extension AgencySubmission: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), agencyCode: r("agency_code"), agencyName: r("agency_name"), year: r("year"),
                      figures: r("figures"), results: r("results"), difficulties: r.optional("difficulties"),
                      proposals: r.optional("proposals"), submittedBy: r("submitted_by"), submittedAt: r("submitted_at"))
    }
}

extension SubmissionDraft {
    public init(reading body: inout JSONFields) {
        self.init(year: body.int("year"), agencyCode: body.string("agency_code"), results: body.string("results"),
                  difficulties: body.string("difficulties"), proposals: body.string("proposals"))
    }
}

extension SubmissionDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let year { w.field("year", year) }
        if let agencyCode { w.field("agency_code", agencyCode) }
        if let results { w.field("results", results) }
        if let difficulties { w.field("difficulties", difficulties) }
        if let proposals { w.field("proposals", proposals) }
    }
}

extension SubmissionOverview.Missing: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("agency_code", agencyCode)
            w.field("agency_name", agencyName)
        }
    }
}

extension SubmissionOverview.Missing: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(agencyCode: r("agency_code"), agencyName: r("agency_name"))
    }
}

extension SubmissionOverview: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("year", year)
            w.field("submitted", submitted)
            w.field("missing", missing)
        }
    }
}

extension SubmissionOverview: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(year: r("year"), submitted: r("submitted"), missing: r("missing"))
    }
}

extension IssuedReport: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("kind", kind)
            w.field("year", year)
            w.field("period_from", periodFrom)
            w.field("period_to", periodTo)
            w.field("number", number)
            w.field("signer", signer)
            w.field("signed_on", signedOn)
            w.field("markdown_sha256", markdownSHA256)
            w.field("html_sha256", htmlSHA256)
            w.field("pdf_sha256", pdfSHA256)
            w.field("pdf_bytes", pdfBytes)
            w.field("issued_by", issuedBy)
            w.field("issued_at", issuedAt)
        }
    }
}

extension IssuedReport: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), kind: r("kind"), year: r("year"), periodFrom: r("period_from"),
                      periodTo: r("period_to"), number: r("number"), signer: r("signer"), signedOn: r("signed_on"),
                      markdownSHA256: r("markdown_sha256"), htmlSHA256: r("html_sha256"), pdfSHA256: r("pdf_sha256"),
                      pdfBytes: r("pdf_bytes"), issuedBy: r("issued_by"), issuedAt: r("issued_at"))
    }
}

extension IssueDraft {
    public init(reading body: inout JSONFields) {
        self.init(year: body.int("year"), kind: body.string("kind"), number: body.string("number"),
                  signer: body.string("signer"), signedOn: body.string("signed_on"), assessment: body.string("assessment"),
                  shortcomings: body.string("shortcomings"), tasks: body.string("tasks"),
                  proposals: body.string("proposals"))
    }
}

extension IssueDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let year { w.field("year", year) }
        if let kind { w.field("kind", kind) }
        if let number { w.field("number", number) }
        if let signer { w.field("signer", signer) }
        if let signedOn { w.field("signed_on", signedOn) }
        if let assessment { w.field("assessment", assessment) }
        if let shortcomings { w.field("shortcomings", shortcomings) }
        if let tasks { w.field("tasks", tasks) }
        if let proposals { w.field("proposals", proposals) }
    }
}
