import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentWire
import TalentService

/// `/v1/candidates/imports` and `/v1/candidates/export`: candidate profiles in bulk, as `talent candidate import` and
/// `talent candidate export` move them: CSV in, CSV or JSON out.
struct CandidateFileController {
    let services: TalentServices
    /// The largest CSV file an import takes (about 250,000 profiles).
    static let importLimit = 64 * 1024 * 1024

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("candidates")
            .post("imports", use: importCSV)
            .get("export", use: export)
    }

    /// The body is the CSV file itself (`text/csv`). All rows or none, unless `?skip_invalid=true` keeps the valid
    /// ones: 201 with the report when something was written; a refused file is a 422 `import-refused` whose `report`
    /// says what was wrong with each row.
    @Sendable func importCSV(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(CandidateService.writers)
        var query = QueryParameters(request)
        let skipInvalid = query.bool("skip_invalid") ?? false
        let consent = query.text("consent", maxLength: 100), notice = query.text("notice", maxLength: 50)
        let channel = query.text("channel", maxLength: 50), evidence = query.text("evidence", maxLength: 500)
        try query.finish()
        let declared = try ImportConsent(consent: consent, notice: notice, channel: channel, evidence: evidence)
        guard let type = request.headers[.contentType]?.lowercased(), type.hasPrefix("text/csv") else {
            throw Problem(status: .unsupportedMediaType, slug: "unsupported-media-type",
                          detail: LocalizedText(vi: "Nội dung phải là tệp CSV (Content-Type: text/csv)",
                                                en: "The body must be a CSV file (Content-Type: text/csv)"),
                          language: context.language)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.importLimit)
        } catch is NIOTooManyBytesError {
            throw Problem(status: .contentTooLarge, slug: "too-large",
                          detail: LocalizedText(vi: "Tệp vượt quá 64 MiB: chia thành nhiều tệp",
                                                en: "The file is larger than 64 MiB: split it"),
                          language: context.language)
        }
        let chunks = Chunks(Array(buffer.readableBytesView))
        let report = try await services.candidateCSV.importCSV(skipInvalid: skipInvalid, consent: declared, language: context.language,
                                                               by: context.caller, nextChunk: { chunks.next() })
        guard report.committed else {
            throw ServiceError(.invalid, slug: "import-refused", LocalizedText(
                vi: "Không nhập gì: \(report.rejected.count)/\(report.rows) dòng không hợp lệ (skip_invalid=true để nhập các dòng hợp lệ)",
                en: "Nothing imported: \(report.rejected.count) of \(report.rows) rows are invalid (skip_invalid=true imports the valid rows)"),
                extensions: ["report": report.jsonValue])
        }
        return Reply.created(report, location: "/v1/candidates")
    }

    /// Every candidate matching the filters of `GET /v1/candidates`, streamed: `?format=csv` (the default, with a
    /// byte-order mark for Excel) or `json` (an array of candidates).
    @Sendable func export(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let filters = query.candidateQuery()
        let format = query.oneOf("format", ExportFormat.self) ?? .csv
        try query.finish()
        // Checked before the first byte: a refused export is still a 4xx.
        let export = try services.candidateCSV.exporter(filters, json: format == .json, by: context.caller)
        var headers = HTTPFields()
        headers[.contentType] = format == .json ? "application/json" : "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"candidates.\(format.rawValue)\""
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            _ = try await export.run { text in try await writer.write(ByteBuffer(string: text)) }
            try await writer.finish(nil)
        })
    }

    enum ExportFormat: String, CaseIterable {
        case csv, json
    }
}

/// A body handed to the import 1 MiB at a time.
private final class Chunks: @unchecked Sendable {
    private let bytes: [UInt8]
    private var offset = 0
    private let lock = NSLock()

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func next() -> [UInt8]? {
        lock.withLock {
            guard offset < bytes.count else { return nil }
            let end = min(bytes.count, offset + (1 << 20))
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }
}
