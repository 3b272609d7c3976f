import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentWire

/// An RFC 9457 problem document, the body of every error response.
struct Problem: Error, HTTPResponseError {
    /// Where the problem pages are when a request names no host (the province's public address).
    static let typeBase = "https://talent.dongthap.gov.vn/problems/"

    /// The problem pages of the server that answered: `type` is a URI a developer can open (`GET /problems/{slug}`
    /// explains it), on the host the request was sent to (its authority; behind a proxy, `X-Forwarded-Proto` says the scheme).
    static func typeBase(for request: Request) -> String {
        guard let host = request.head.authority, !host.isEmpty,
              host.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "/" && $0 != "\\" && $0 != "@" })
        else { return typeBase }
        let forwarded = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased()
        let scheme = forwarded == "https" || request.head.scheme == "https" ? "https" : "http"
        return "\(scheme)://\(host)/problems/"
    }

    var status: HTTPResponse.Status
    var slug: String
    var title: String
    var detail: String
    var errors: [[String: String]] = []
    var extensions: [String: JSONValue] = [:]
    var headers: HTTPFields = [:]

    /// The single table from service errors to HTTP statuses.
    init(_ error: ServiceError, language: Language) {
        switch error.kind {
        case .invalid: status = .unprocessableContent
        case .unauthenticated: status = .unauthorized
        case .forbidden: status = .forbidden
        case .notFound: status = .notFound
        case .gone: status = .gone
        case .conflict: status = .conflict
        case .preconditionFailed: status = .preconditionFailed
        case .tooManyRequests: status = .tooManyRequests
        case .unavailable: status = .serviceUnavailable
        case .internalFailure: status = .internalServerError
        }
        // A body refused for its size or its type is 413 or 415, whichever layer found it.
        if error.kind == .invalid, ["too-large", "unsupported-media-type"].contains(error.slug),
           let type = ProblemType.named(error.slug) {
            status = HTTPResponse.Status(code: type.status)
        }
        slug = error.slug
        title = Self.title(status, language)
        detail = error.message.text(language)
        errors = error.fieldErrors.map { ["field": $0.field, "message": $0.message.text(language)] }
        extensions = error.extensions
        if error.kind == .unauthenticated { headers[.wwwAuthenticate] = "Bearer" }
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
    }

    init(status: HTTPResponse.Status, slug: String, detail: LocalizedText, language: Language) {
        self.status = status
        self.slug = slug
        self.title = Self.title(status, language)
        self.detail = detail.text(language)
    }

    static func title(_ status: HTTPResponse.Status, _ language: Language) -> String {
        let vi: String
        switch status.code {
        case 400: vi = "Yêu cầu không hợp lệ"
        case 401: vi = "Chưa xác thực"
        case 403: vi = "Không có quyền"
        case 404: vi = "Không tìm thấy"
        case 405: vi = "Phương thức không được hỗ trợ"
        case 409: vi = "Xung đột dữ liệu"
        case 410: vi = "Đã bị xoá vĩnh viễn"
        case 412: vi = "Phiên bản đã cũ"
        case 413: vi = "Nội dung quá lớn"
        case 415: vi = "Kiểu nội dung không được hỗ trợ"
        case 422: vi = "Dữ liệu không hợp lệ"
        case 428: vi = "Thiếu điều kiện phiên bản"
        case 429: vi = "Quá nhiều yêu cầu"
        case 503: vi = "Dịch vụ tạm thời không khả dụng"
        default: vi = "Lỗi máy chủ"
        }
        return language == .en ? status.reasonPhrase : vi
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var document: [String: JSONValue] = extensions
        document["type"] = .string(Self.typeBase(for: request) + slug)
        document["title"] = .string(title)
        document["status"] = .number(Double(status.code))
        document["detail"] = .string(detail)
        document["instance"] = .string(request.uri.path)
        if !errors.isEmpty {
            document["errors"] = .array(errors.map { .object($0.mapValues(JSONValue.string)) })
        }
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: JSONValue.object(document).jsonBytes)))
    }
}
