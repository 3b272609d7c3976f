import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentWire
import TalentService

/// `/v1/candidates/{id}/documents` and `/v1/documents/{id}`: the documents of a candidate's file. An upload is
/// `multipart/form-data` with the field `file` and the field `kind`, streamed to a temporary file as it arrives
/// (`DocumentUpload`); a download streams the stored chunks with the type found at upload. A partner's upload to its
/// own nomination (`POST /v1/nominations/{id}/documents`) is routed by `NominationController`, through `receive`.
struct DocumentController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("candidates")
            .get(":id/documents", use: list)
            .post(":id/documents", use: upload)
        group.group("documents")
            .get(":id", use: download)
            .delete(":id", use: remove)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        let items = try await services.documents.list(candidate: context.parameters.require("id"), by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func upload(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return try await Self.receive(request, context: context, to: .candidate(id), services: services)
    }

    /// Reads an upload and stores it: the caller and the target first (before a byte of the body is read), then
    /// the body's parts (415 unless multipart; 413 past the limit, found while it streams; 422 without `file` or
    /// `kind`), then the service's checks of the content.
    static func receive(_ request: Request, context: CallerContext, to target: DocumentService.Target,
                        services: TalentServices) async throws -> Response {
        _ = try await services.documents.authorize(target, by: context.caller)
        guard let type = request.headers[.contentType], var parser = MultipartParser(contentType: type) else {
            throw Problem(status: .unsupportedMediaType, slug: "unsupported-media-type", detail: LocalizedText(
                vi: "Gửi tệp dưới dạng multipart/form-data: trường file (tệp) và trường kind (loại tài liệu)",
                en: "Send the file as multipart/form-data: a field file (the file) and a field kind (its kind)"),
                language: context.language)
        }
        let limit = services.documents.maxBytes
        // A declared length already past the limit (with room for the parts' headers) is refused unread.
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit + 64 * 1024 {
            throw Problem(DocumentService.tooLarge(limit), language: context.language)
        }
        let upload = try DocumentUpload(limit: limit)
        defer { upload.close() }
        var current: String?, filename: String?, files = 0, parts = 0, received = 0
        var kind: [UInt8] = []
        var unknown: [String] = []
        do {
            for try await chunk in request.body {
                // The whole body, not only its file, is held to the limit (with room for the parts' headers).
                received += chunk.readableBytes
                if received > limit + 64 * 1024 { throw DocumentService.tooLarge(limit) }
                for event in try parser.feed(chunk) {
                    switch event {
                    case .part(let name, let file):
                        parts += 1
                        if parts > 16 { throw MultipartParser.Failure.malformed("more than 16 parts") }
                        current = name
                        switch name {
                        case "file":
                            files += 1
                            filename = file
                        case "kind": break
                        default: if !unknown.contains(name) { unknown.append(name) }
                        }
                    case .bytes(let bytes):
                        switch current {
                        case "file" where files == 1: try upload.write(bytes)
                        case "kind" where kind.count + bytes.readableBytes <= 64: kind += bytes.readableBytesView
                        case "kind": kind = Array(repeating: 0x3F, count: 65)
                        default: break
                        }
                    }
                }
            }
        } catch let failure as MultipartParser.Failure {
            guard case .malformed(let why) = failure else { throw failure }
            throw Problem(status: .badRequest, slug: "malformed-body", detail: LocalizedText(
                vi: "Nội dung multipart không đúng: \(why)", en: "The multipart body is malformed: \(why)"), language: context.language)
        }
        guard parser.isComplete else {
            throw Problem(status: .badRequest, slug: "malformed-body", detail: LocalizedText(
                vi: "Nội dung multipart không có ranh giới kết thúc", en: "The multipart body has no closing boundary"),
                language: context.language)
        }
        var v = FieldValidator()
        if files == 0 { v.add("file", vi: "bắt buộc: tệp tài liệu", en: "is required: the document's file") }
        if files > 1 { v.add("file", vi: "chỉ một tệp mỗi lần", en: "one file at a time") }
        for name in unknown { v.add(name, vi: "không phải trường được nhận (file, kind)", en: "is not a field here (file, kind)") }
        try v.check()
        let input = try ValidDocumentRequest(kind: kind.isEmpty ? nil : String(decoding: kind, as: UTF8.self),
                                             filename: filename)
        let document = try await services.documents.add(upload, input, to: target, by: context.caller)
        return Reply.created(document, location: "/v1/documents/\(document.id.text)")
    }

    /// The bytes as uploaded, with their type, streamed from the stored chunks.
    @Sendable func download(_ request: Request, context: CallerContext) async throws -> Response {
        let (document, chunks) = try await services.documents.open(context.parameters.require("id"), by: context.caller)
        var headers: HTTPFields = [
            .contentType: document.contentType.rawValue,
            .contentLength: String(document.size),
            .contentDisposition: Self.disposition(document.filename),
            .eTag: "\"\(document.sha256)\"",
            .cacheControl: "private, no-store",
        ]
        headers[HTTPField.Name("X-Content-SHA256")!] = document.sha256
        return Response(status: .ok, headers: headers, body: ResponseBody(asyncSequence: chunks))
    }

    /// `attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded` (RFC 6266), so that a Vietnamese
    /// name arrives as written.
    static func disposition(_ filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    @Sendable func remove(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.documents.remove(context.parameters.require("id"), by: context.caller))
    }
}
