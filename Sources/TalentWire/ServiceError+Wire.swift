import Foundation
import TalentDomain

/// An error answer read back: the API writes a `ServiceError` as a problem document (RFC 9457,
/// `application/problem+json`, `Problem` in TalentAPI), and a client of the API turns it back into the error the CLI
/// prints and exits with.
extension ServiceError {
    /// The error a problem document and its HTTP status stand for. Never fails: a body that is not a problem document
    /// (a proxy's HTML page) gives an error from the status alone.
    ///
    /// What comes back: the kind from the status (the inverse of the API's table; the edge's own statuses as the
    /// nearest kind: 400, 413 and 415 `invalid`, 405 `notFound`, 428 `preconditionFailed`, 429 `unavailable`), the
    /// slug from `type`, the message and the field errors in the one language the answer was written in (as both of
    /// their texts; the usual "invalid input" message is made again in both), and the document's other members as
    /// `extensions`. The `title` and `instance` are not kept.
    public init(problem bytes: some Collection<UInt8>, status: Int) {
        let document: [String: JSONValue]
        if case .object(let fields)? = try? JSONValue(parsing: bytes) { document = fields } else { document = [:] }
        func text(_ key: String) -> String? {
            if case .string(let s)? = document[key] { s } else { nil }
        }
        let kind = Self.kind(status: status)
        var slug: String?
        if let type = text("type"), let range = type.range(of: "/problems/", options: .backwards) {
            let last = type[range.upperBound...]
            if !last.isEmpty { slug = String(last) }
        }
        let detail = text("detail") ?? text("title") ?? "HTTP \(status)"
        var fieldErrors: [FieldError] = []
        if case .array(let items)? = document["errors"] {
            for case .object(let item) in items {
                guard case .string(let field)? = item["field"] else { continue }
                let message = if case .string(let m)? = item["message"] { m } else { "" }
                fieldErrors.append(FieldError(field, vi: message, en: message))
            }
        }
        // The usual "invalid input" message is made again from the field errors, in both languages, as the service
        // made it: the CLI recognizes it and prints each field under its own label.
        var message = LocalizedText(vi: detail, en: detail)
        if !fieldErrors.isEmpty {
            let usual = ServiceError.invalid(fieldErrors).message
            if usual.vi == detail || usual.en == detail { message = usual }
        }
        let standard: Set<String> = ["type", "title", "status", "detail", "instance", "errors"]
        self.init(kind, slug: slug, message, fieldErrors: fieldErrors,
                  extensions: document.filter { !standard.contains($0.key) })
    }

    /// The kind an HTTP status stands for.
    public static func kind(status: Int) -> Kind {
        switch status {
        case 400, 413, 415, 422: .invalid
        case 401: .unauthenticated
        case 403: .forbidden
        case 404, 405: .notFound
        case 410: .gone
        case 409: .conflict
        case 412, 428: .preconditionFailed
        case 429, 502, 503, 504: .unavailable
        default: .internalFailure
        }
    }
}
