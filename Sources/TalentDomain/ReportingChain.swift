import Foundation

/// Who issues the province's report and how its administrative form reads (Decree 30/2020/NĐ-CP): configuration,
/// not code (`report_issuer` in config/talent.json).
public struct ReportIssuer: Sendable, Hashable, Codable {
    /// The governing body, the first line on the left (ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP).
    public var parent: String
    /// The issuing body (SỞ TƯ PHÁP).
    public var name: String
    /// The body's abbreviation in the number's symbol: Số: 12/BC-STP.
    public var symbol: String
    /// Where it is issued: "Đồng Tháp, ngày … tháng … năm …".
    public var place: String
    /// The signer's title in the signature block (GIÁM ĐỐC; KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC as two lines).
    public var signerTitle: String
    /// "Nơi nhận".
    public var recipients: [String]

    public init(parent: String, name: String, symbol: String, place: String, signerTitle: String, recipients: [String]) {
        self.parent = parent
        self.name = name
        self.symbol = symbol
        self.place = place
        self.signerTitle = signerTitle
        self.recipients = recipients
    }

    public static let dongThap = ReportIssuer(
        parent: "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", name: "SỞ TƯ PHÁP", symbol: "STP", place: "Đồng Tháp",
        signerTitle: "GIÁM ĐỐC",
        recipients: ["Bộ Tư pháp (để báo cáo)", "UBND tỉnh (để báo cáo)", "Các sở, ban, ngành tỉnh", "Lưu: VT, XDKTVB"])

    enum CodingKeys: String, CodingKey {
        case parent, name, symbol, place, recipients
        case signerTitle = "signer_title"
    }
}

/// An agency's yearly report to Sở Tư pháp: its figures as computed for it when submitted, and its text.
public struct AgencySubmission: Sendable, Hashable {
    public var id: UUID
    public var agencyCode: String
    public var agencyName: String
    public var year: Int
    /// The figures frozen at submission (targets, hires, applications, training coverage), as the API wrote them.
    public var figures: JSONValue
    public var results: String
    public var difficulties: String?
    public var proposals: String?
    public var submittedBy: String
    public var submittedAt: Date

    public init(id: UUID, agencyCode: String, agencyName: String, year: Int, figures: JSONValue, results: String,
                difficulties: String?, proposals: String?, submittedBy: String, submittedAt: Date) {
        self.id = id
        self.agencyCode = agencyCode
        self.agencyName = agencyName
        self.year = year
        self.figures = figures
        self.results = results
        self.difficulties = difficulties
        self.proposals = proposals
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
    }
}

public struct SubmissionDraft: Sendable, Hashable {
    public var year: Int?
    public var agencyCode: String?
    public var results: String?
    public var difficulties: String?
    public var proposals: String?

    public init(year: Int? = nil, agencyCode: String? = nil, results: String? = nil, difficulties: String? = nil,
                proposals: String? = nil) {
        self.year = year
        self.agencyCode = agencyCode
        self.results = results
        self.difficulties = difficulties
        self.proposals = proposals
    }
}

/// A submission checked: a year that has begun, an agency (the submitter's own when agency-scoped), results written.
public struct ValidSubmission: Sendable, Hashable {
    public var year: ReportYear
    public var agencyCode: String?
    public var results: String
    public var difficulties: String?
    public var proposals: String?

    public init(_ draft: SubmissionDraft, today: CalendarDate = .today()) throws(ServiceError) {
        var v = FieldValidator()
        let year = try? ReportYear(draft.year, today: today)
        if year == nil { v.add("year", vi: "phải là năm từ 2024 đến nay", en: "must be a year from 2024 to this one") }
        if let y = draft.year, y > today.year { v.add("year", vi: "năm \(y) chưa bắt đầu", en: "the year \(y) has not begun") }
        let agency = v.code("agency_code", draft.agencyCode, required: false)
        let results = v.text("results", draft.results, required: true, maxLength: 20_000, multiline: true)
        let difficulties = v.text("difficulties", draft.difficulties, maxLength: 20_000, multiline: true)
        let proposals = v.text("proposals", draft.proposals, maxLength: 20_000, multiline: true)
        guard v.errors.isEmpty, let year, let results else { throw ServiceError.invalid(v.errors) }
        self.year = year
        self.agencyCode = agency
        self.results = results
        self.difficulties = difficulties
        self.proposals = proposals
    }
}

/// Who has and has not submitted a year's report.
public struct SubmissionOverview: Sendable, Hashable {
    public struct Missing: Sendable, Hashable {
        public var agencyCode: String
        public var agencyName: String

        public init(agencyCode: String, agencyName: String) {
            self.agencyCode = agencyCode
            self.agencyName = agencyName
        }
    }

    public var year: Int
    /// The latest submission of each agency that submitted.
    public var submitted: [AgencySubmission]
    /// Active agencies without one.
    public var missing: [Missing]

    public init(year: Int, submitted: [AgencySubmission], missing: [Missing]) {
        self.year = year
        self.submitted = submitted
        self.missing = missing
    }
}

/// What a review covers: a year (báo cáo năm), the plan's first years (sơ kết, to the end of 2027) or all of it
/// (tổng kết, to the end of 2030).
public enum ReviewKind: String, Sendable, Codable, CaseIterable, LabeledCode {
    case annual, midterm, final

    public var label: LocalizedText {
        switch self {
        case .annual: LocalizedText(vi: "báo cáo năm", en: "yearly report")
        case .midterm: LocalizedText(vi: "báo cáo sơ kết", en: "mid-term review")
        case .final: LocalizedText(vi: "báo cáo tổng kết", en: "final review")
        }
    }
}

/// The document formats an issued report is frozen in.
public enum IssuedFormat: String, Sendable, CaseIterable {
    case markdown, html, pdf

    public var contentType: String {
        switch self {
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        }
    }

    public var fileName: String {
        switch self {
        case .markdown: "report.md"
        case .html: "report.html"
        case .pdf: "report.pdf"
        }
    }
}

/// An issued report: what it is and the fingerprint of each frozen document (the bytes are read apart).
public struct IssuedReport: Sendable, Hashable {
    public var id: UUID
    public var kind: ReviewKind
    public var year: Int
    public var periodFrom: CalendarDate
    public var periodTo: CalendarDate
    public var number: String
    public var signer: String
    public var signedOn: CalendarDate
    public var markdownSHA256: String
    public var htmlSHA256: String
    public var pdfSHA256: String
    public var pdfBytes: Int
    public var issuedBy: String
    public var issuedAt: Date

    public init(id: UUID, kind: ReviewKind, year: Int, periodFrom: CalendarDate, periodTo: CalendarDate, number: String,
                signer: String, signedOn: CalendarDate, markdownSHA256: String, htmlSHA256: String, pdfSHA256: String,
                pdfBytes: Int, issuedBy: String, issuedAt: Date) {
        self.id = id
        self.kind = kind
        self.year = year
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.number = number
        self.signer = signer
        self.signedOn = signedOn
        self.markdownSHA256 = markdownSHA256
        self.htmlSHA256 = htmlSHA256
        self.pdfSHA256 = pdfSHA256
        self.pdfBytes = pdfBytes
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
    }
}

public struct IssueDraft: Sendable, Hashable {
    public var year: Int?
    public var kind: String?
    public var number: String?
    public var signer: String?
    public var signedOn: String?
    /// The province's own text; where left out, the agencies' submissions are consolidated in its place.
    public var assessment: String?
    public var shortcomings: String?
    public var tasks: String?
    public var proposals: String?

    public init(year: Int? = nil, kind: String? = nil, number: String? = nil, signer: String? = nil,
                signedOn: String? = nil, assessment: String? = nil, shortcomings: String? = nil, tasks: String? = nil,
                proposals: String? = nil) {
        self.year = year
        self.kind = kind
        self.number = number
        self.signer = signer
        self.signedOn = signedOn
        self.assessment = assessment
        self.shortcomings = shortcomings
        self.tasks = tasks
        self.proposals = proposals
    }
}

/// An issue checked. A yearly report covers its year; a mid-term review the plan's date to the end of 2027, a final
/// one to the end of 2030 (their `year` is that last year).
public struct ValidIssue: Sendable, Hashable {
    public var year: ReportYear
    public var kind: ReviewKind
    public var number: String
    public var signer: String
    public var signedOn: CalendarDate
    public var assessment: String?
    public var shortcomings: String?
    public var tasks: String?
    public var proposals: String?

    public init(_ draft: IssueDraft, today: CalendarDate = .today()) throws(ServiceError) {
        var v = FieldValidator()
        let kind = v.oneOf("kind", draft.kind, ReviewKind.self) ?? .annual
        var yearValue = draft.year
        if draft.year == nil, kind != .annual { yearValue = kind == .midterm ? 2027 : 2030 }
        let year = try? ReportYear(yearValue, today: today)
        if year == nil { v.add("year", vi: "phải là năm từ 2024 đến năm sau", en: "must be a year from 2024 to next year") }
        if kind == .midterm, let y = yearValue, y != 2027 { v.add("year", vi: "sơ kết là năm 2027", en: "a mid-term review is of 2027") }
        if kind == .final, let y = yearValue, y != 2030 { v.add("year", vi: "tổng kết là năm 2030", en: "a final review is of 2030") }
        let number = v.text("number", draft.number, required: true, maxLength: 100)
        let signer = v.personName("signer", draft.signer)
        let signed = v.date("signed_on", draft.signedOn, in: CalendarDate(year: 2024, month: 1, day: 1)!...today) ?? today
        let assessment = v.text("assessment", draft.assessment, maxLength: 20_000, multiline: true)
        let shortcomings = v.text("shortcomings", draft.shortcomings, maxLength: 20_000, multiline: true)
        let tasks = v.text("tasks", draft.tasks, maxLength: 20_000, multiline: true)
        let proposals = v.text("proposals", draft.proposals, maxLength: 20_000, multiline: true)
        guard v.errors.isEmpty, let year, let number, let signer else { throw ServiceError.invalid(v.errors) }
        self.year = year
        self.kind = kind
        self.number = number
        self.signer = signer
        self.signedOn = signed
        self.assessment = assessment
        self.shortcomings = shortcomings
        self.tasks = tasks
        self.proposals = proposals
    }

    /// The days the review covers.
    public var period: (from: CalendarDate, to: CalendarDate) {
        switch kind {
        case .annual: (year.first, year.last)
        case .midterm, .final: (Target.planDate, year.last)
        }
    }
}

/// Everything an issued report's documents are rendered from.
public struct IssuedReportContent: Sendable, Hashable {
    public var issuer: ReportIssuer
    public var issue: ValidIssue
    public var annual: AnnualReport
    public var submissions: [AgencySubmission]
    public var missing: [SubmissionOverview.Missing]

    public init(issuer: ReportIssuer, issue: ValidIssue, annual: AnnualReport, submissions: [AgencySubmission],
                missing: [SubmissionOverview.Missing]) {
        self.issuer = issuer
        self.issue = issue
        self.annual = annual
        self.submissions = submissions
        self.missing = missing
    }
}
