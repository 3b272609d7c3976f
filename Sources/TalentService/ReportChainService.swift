import Crypto
import Foundation
import TalentDomain
import TalentStore
import TalentViews
import TalentWire

/// The reporting chain of plan 483 (IV.5.c → IV.1.a): every agency submits its yearly report to Sở Tư pháp, which sees
/// who has not, consolidates, and issues the province's report frozen as rendered — Markdown, printable HTML and a PDF
/// with their SHA-256 — so that it reads back byte for byte whatever happens to agencies and data afterwards.
public struct ReportChainService: Sendable {
    let database: Database
    let issuer: ReportIssuer
    let pdf: PDFRenderer

    public static let submitters: Set<Role> = [.admin, .hr]
    public static let readers: Set<Role> = [.admin, .hr, .leadership]

    /// An agency's yearly report: its figures computed for it now and frozen with its text. An agency-scoped officer
    /// submits for their own agency; Sở Tư pháp (province scope) or an administrator names the agency.
    public func submit(_ valid: ValidSubmission, by actor: Principal) async throws -> AgencySubmission {
        try actor.require(Self.submitters)
        let held = actor.reach.agency
        if let held, let asked = valid.agencyCode, asked != held {
            throw ServiceError(.forbidden, slug: "other-agency", LocalizedText(
                vi: "Bạn gửi báo cáo của cơ quan mình (\(held)), không phải của \(asked)",
                en: "You submit your own agency's report (\(held)), not \(asked)'s"))
        }
        guard let code = held ?? valid.agencyCode else {
            throw ServiceError.invalid("agency_code", vi: "bắt buộc với tài khoản phạm vi toàn tỉnh",
                                       en: "is required for a province-scoped account")
        }
        let year = valid.year.year
        guard let agency = try await database.read({ try await $0.agencies.get(code) }), agency.status == .active else {
            throw ServiceError.invalid("agency_code", vi: "không có cơ quan đang hoạt động mã \(code)",
                                       en: "no active agency has the code \(code)")
        }
        let figures = try await Self.figures(agency: code, year: valid.year, database: database, by: actor)
        return try await database.transaction { tx in
            let submission = try await tx.reportChain.insertSubmission(agency: agency, year: year,
                                                                       figures: figures.jsonString(), valid,
                                                                       by: actor.name)
            try await tx.audit.record(actor, "report.submit", "agency_report", submission.id.text, after: submission)
            return submission
        }
    }

    /// An agency's figures for a year, as its report carries them: its targets, the applications opened and the hires
    /// made in the year at its positions, and its training coverage.
    static func figures(agency: String, year: ReportYear, database: Database, by actor: Principal) async throws -> JSONValue {
        let today = CalendarDate.today()
        let asOf = year.last < today ? year.last : today
        let reports = ReportService(database: database)
        let targets = try await reports.targets(asOf: asOf, by: actor).filter { $0.target.agencyCode == agency }
        let pipeline = try await reports.pipeline(PipelineQuery(agency: agency, from: year.first, to: year.last), by: actor)
        let hired = try await database.report { db in
            try await db.reports.hires(year: year.year).filter { $0.agencyCode == agency }.reduce(0) { $0 + $1.hired }
        }
        let training = try await TrainingService(database: database).report(year: year.year, agency: agency, today: today,
                                                                            by: actor)
        var w = JSONWriter()
        w.object { w in
            w.field("as_of", asOf)
            w.field("targets", targets)
            w.field("applications", pipeline.applications)
            w.field("hired", hired)
            w.field("training", training.agencies.first)
        }
        return (try? JSONValue(parsing: w.bytes)) ?? .null
    }

    /// Who has submitted the year's report (the latest of each) and which active agencies have not. Agency-scoped
    /// readers see their own agency only.
    public func overview(year: Int?, by actor: Principal) async throws -> SubmissionOverview {
        try actor.require(Self.readers)
        let period = try ReportYear(year)
        let held = actor.reach.agency
        return try await database.read { db in
            let submitted = try await db.reportChain.latestSubmissions(year: period.year, agency: held)
            let agencies = try await db.agencies.list(includeRetired: false, kind: nil, after: nil, limit: 10_000)
                .filter { [.department, .other].contains($0.kind) && (held == nil || $0.code == held) }
            let done = Set(submitted.map(\.agencyCode))
            let missing = agencies.filter { !done.contains($0.code) }
                .map { SubmissionOverview.Missing(agencyCode: $0.code, agencyName: $0.name) }
            return SubmissionOverview(year: period.year, submitted: submitted, missing: missing)
        }
    }

    /// Issues the province's report: the yearly report's figures, the agencies' submissions consolidated (or the
    /// province's own text), rendered and frozen. Sở Tư pháp (province-scoped hr) or an administrator.
    public func issue(_ input: ValidIssue, by actor: Principal) async throws -> IssuedReport {
        try actor.require(Self.submitters)
        // A bare number takes the issuer's symbol: 12 → 12/BC-STP (Decree 30/2020/NĐ-CP).
        var numbered = input
        if !numbered.number.contains("/") { numbered.number += "/BC-\(issuer.symbol)" }
        if numbered.number.count > 100 {
            throw ServiceError.invalid("number", vi: "dài tối đa 100 ký tự (kể cả /BC-\(issuer.symbol))",
                                       en: "must be at most 100 characters (with /BC-\(issuer.symbol))")
        }
        let valid = numbered
        guard actor.reach.isProvince else {
            throw ServiceError(.forbidden, slug: "province-scope-required", LocalizedText(
                vi: "Báo cáo của tỉnh do Sở Tư pháp (phạm vi toàn tỉnh) ban hành",
                en: "The province's report is issued by province-scoped staff (Sở Tư pháp)"))
        }
        if try await database.read({ try await $0.reportChain.numberTaken(valid.number) }) {
            throw Self.numberTaken(valid.number)
        }
        // A mid-term or final review is the same report over the plan's years so far (from its date, 19/12/2024).
        let annual = try await ReportService(database: database).annual(
            valid.year, fromYear: valid.kind == .annual ? nil : Target.planDate.year, by: actor)
        let overview = try await overview(year: valid.year.year, by: actor)
        let content = IssuedReportContent(issuer: issuer, issue: valid, annual: annual, submissions: overview.submitted,
                                          missing: overview.missing)
        let markdown = Array(IssuedReportView.markdown(content).utf8)
        let html = Array(IssuedReportView.html(content).utf8)
        let pdf = try await self.pdf.render(html: html)
        func sha256(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }
        let hashes = (sha256(markdown), sha256(html), sha256(pdf))
        return try await database.transaction { tx in
            // Two issues with one number at once: the unique index refuses the second.
            if try await tx.reportChain.numberTaken(valid.number) { throw Self.numberTaken(valid.number) }
            let issued = try await tx.reportChain.insertIssued(valid, markdown: markdown, html: html, pdf: pdf,
                                                               hashes: hashes, by: actor.name)
            try await tx.audit.record(actor, "report.issue", "issued_report", issued.id.text, after: issued)
            return issued
        }
    }

    public func issued(page: PageRequest, by actor: Principal) async throws -> Page<IssuedReport> {
        try actor.require(Self.readers)
        return try await database.read { try await $0.reportChain.issuedList(page: page) }
    }

    public func issued(_ id: UUID, by actor: Principal) async throws -> IssuedReport {
        try actor.require(Self.readers)
        guard let found = try await database.read({ try await $0.reportChain.issued(id) }) else { throw Self.notFound(id) }
        return found
    }

    /// One frozen document's bytes, exactly as issued, and their SHA-256.
    public func document(_ id: UUID, _ format: IssuedFormat,
                         by actor: Principal) async throws -> (bytes: [UInt8], sha256: String) {
        try actor.require(Self.readers)
        guard let document = try await database.read({ try await $0.reportChain.document(id, format) }) else {
            throw Self.notFound(id)
        }
        return document
    }

    static func numberTaken(_ number: String) -> ServiceError {
        ServiceError(.conflict, slug: "report-number-taken", LocalizedText(
            vi: "Đã có báo cáo ban hành với số \(number)", en: "A report was already issued with number \(number)"))
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "báo cáo đã ban hành", en: "issued report"), id.text)
    }
}

/// Turns the printable HTML into a PDF with WeasyPrint (Debian's `weasyprint`, `TALENT_WEASYPRINT`), which lays out
/// the page's CSS (A4, margins, Times New Roman or its metric twin Liberation Serif) and embeds the fonts.
public struct PDFRenderer: Sendable {
    /// The program; nil: found on the PATH when needed.
    public var executable: String?

    public init(executable: String? = nil) {
        self.executable = executable
    }

    func render(html: [UInt8]) async throws -> [UInt8] {
        let path = executable ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/weasyprint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path, FileManager.default.isExecutableFile(atPath: path) else {
            throw ServiceError(.unavailable, slug: "pdf-renderer-missing", LocalizedText(
                vi: "Không có chương trình tạo PDF (weasyprint): cài gói Debian weasyprint hoặc đặt TALENT_WEASYPRINT",
                en: "The PDF renderer (weasyprint) is missing: install Debian's weasyprint or set TALENT_WEASYPRINT"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talent-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html"), output = folder.appendingPathComponent("report.pdf")
        try Data(html).write(to: input)
        let result = try await ExternalProgram(executable: path).run(["--quiet", input.path, output.path])
        guard result.status == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Array("%PDF".utf8)) else {
            throw ServiceError(.internalFailure, LocalizedText(
                vi: "Không tạo được PDF: \(result.lastError)", en: "The PDF could not be made: \(result.lastError)"))
        }
        return Array(pdf)
    }
}
