import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for agencies' yearly submissions and the province's issued reports (both kept as sent: inserted, never
/// changed).
public struct ReportChainTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let submissionColumns = """
        s.id, s.agency_code, s.agency_name, s.year, s.figures::text, s.results, s.difficulties, s.proposals,
        s.submitted_by, s.submitted_at
        """

    static func decodeSubmissions(_ rows: PostgresRowSequence) async throws -> [AgencySubmission] {
        var result: [AgencySubmission] = []
        for try await (id, code, name, year, figures, results, difficulties, proposals, by, at)
            in rows.decode((UUID, String, String, Int, String, String, String?, String?, String, Date).self) {
            result.append(AgencySubmission(id: id, agencyCode: code, agencyName: name, year: year,
                                           figures: (try? JSONValue(parsing: figures)) ?? .null, results: results,
                                           difficulties: difficulties, proposals: proposals, submittedBy: by,
                                           submittedAt: at))
        }
        return result
    }

    /// `figures` is the JSON text of the agency's figures.
    public func insertSubmission(agency: Agency, year: Int, figures: String, _ s: ValidSubmission,
                                 by actor: String) async throws -> AgencySubmission {
        try await Self.decodeSubmissions(connection.query("""
            INSERT INTO agency_reports AS s (agency_code, agency_name, year, figures, results, difficulties, proposals,
                                             submitted_by)
            VALUES (\(agency.code), \(agency.name), \(year), \(figures)::jsonb, \(s.results), \(s.difficulties),
                    \(s.proposals), \(actor))
            RETURNING \(unescaped: Self.submissionColumns)
            """, logger: logger))[0]
    }

    /// The latest submission of each agency for the year, by agency code; `agency` keeps one agency's.
    public func latestSubmissions(year: Int, agency: String? = nil) async throws -> [AgencySubmission] {
        try await Self.decodeSubmissions(connection.query("""
            SELECT DISTINCT ON (s.agency_code) \(unescaped: Self.submissionColumns) FROM agency_reports s
            WHERE s.year = \(year) AND (\(agency)::text IS NULL OR s.agency_code = \(agency))
            ORDER BY s.agency_code, s.submitted_at DESC, s.id DESC
            """, logger: logger))
    }

    /// Every submission of an agency and year, the latest first (a correction is a new one).
    public func submissions(year: Int, agency: String) async throws -> [AgencySubmission] {
        try await Self.decodeSubmissions(connection.query("""
            SELECT \(unescaped: Self.submissionColumns) FROM agency_reports s
            WHERE s.year = \(year) AND s.agency_code = \(agency) ORDER BY s.submitted_at DESC, s.id DESC
            """, logger: logger))
    }

    static let issuedColumns = """
        r.id, r.kind, r.year, r.period_from::text, r.period_to::text, r.number, r.signer, r.signed_on::text,
        r.markdown_sha256, r.html_sha256, r.pdf_sha256, octet_length(r.pdf), r.issued_by, r.issued_at
        """

    static func decodeIssued(_ rows: PostgresRowSequence) async throws -> [IssuedReport] {
        var result: [IssuedReport] = []
        for try await row in rows {
            let c = try row.decode((UUID, String, Int, String, String, String, String, String, String, String, String,
                                    Int, String, Date).self)
            result.append(IssuedReport(id: c.0, kind: ReviewKind(rawValue: c.1) ?? .annual, year: c.2,
                                       periodFrom: CalendarDate(c.3)!, periodTo: CalendarDate(c.4)!, number: c.5,
                                       signer: c.6, signedOn: CalendarDate(c.7)!, markdownSHA256: c.8, htmlSHA256: c.9,
                                       pdfSHA256: c.10, pdfBytes: c.11, issuedBy: c.12, issuedAt: c.13))
        }
        return result
    }

    public func numberTaken(_ number: String) async throws -> Bool {
        try await connection.query("SELECT 1 FROM issued_reports WHERE number = \(number)", logger: logger).hasRows()
    }

    public func insertIssued(_ issue: ValidIssue, markdown: [UInt8], html: [UInt8], pdf: [UInt8],
                             hashes: (markdown: String, html: String, pdf: String), by actor: String) async throws -> IssuedReport {
        let period = issue.period
        return try await Self.decodeIssued(connection.query("""
            INSERT INTO issued_reports AS r (kind, year, period_from, period_to, number, signer, signed_on, markdown, html,
                                             pdf, markdown_sha256, html_sha256, pdf_sha256, issued_by)
            VALUES (\(issue.kind.rawValue), \(issue.year.year), \(period.from.description)::date,
                    \(period.to.description)::date, \(issue.number), \(issue.signer), \(issue.signedOn.description)::date,
                    \(ByteBuffer(bytes: markdown)), \(ByteBuffer(bytes: html)), \(ByteBuffer(bytes: pdf)),
                    \(hashes.markdown), \(hashes.html), \(hashes.pdf), \(actor))
            RETURNING \(unescaped: Self.issuedColumns)
            """, logger: logger))[0]
    }

    public func issued(_ id: UUID) async throws -> IssuedReport? {
        try await Self.decodeIssued(connection.query("""
            SELECT \(unescaped: Self.issuedColumns) FROM issued_reports r WHERE r.id = \(id)
            """, logger: logger)).first
    }

    /// Newest first.
    public func issuedList(page: PageRequest) async throws -> Page<IssuedReport> {
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let afterID = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let items = try await Self.decodeIssued(connection.query("""
            SELECT \(unescaped: Self.issuedColumns) FROM issued_reports r
            WHERE \(afterMicros)::bigint IS NULL
               OR (r.issued_at, r.id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(afterID))
            ORDER BY r.issued_at DESC, r.id DESC LIMIT \(page.limit + 1)
            """, logger: logger))
        let next = items.count > page.limit ? items[page.limit - 1] : nil
        return Page(items: Array(items.prefix(page.limit)), nextCursor: next.map {
            Cursor(key: String(Int64(($0.issuedAt.timeIntervalSince1970 * 1_000_000).rounded())), id: $0.id.text).encoded
        })
    }

    /// One frozen document's bytes, as stored, with their SHA-256.
    public func document(_ id: UUID, _ format: IssuedFormat) async throws -> (bytes: [UInt8], sha256: String)? {
        let column = switch format {
        case .markdown: "markdown"
        case .html: "html"
        case .pdf: "pdf"
        }
        let rows = try await connection.query("""
            SELECT \(unescaped: column), \(unescaped: column)_sha256 FROM issued_reports WHERE id = \(id)
            """, logger: logger)
        for try await (buffer, sha) in rows.decode((ByteBuffer, String).self) {
            return (Array(buffer.readableBytesView), sha)
        }
        return nil
    }
}
