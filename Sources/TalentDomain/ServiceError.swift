/// A problem with one field of the input.
public struct FieldError: Sendable, Hashable {
    public var field: String
    public var message: LocalizedText

    public init(_ field: String, vi: String, en: String) {
        self.field = field
        self.message = LocalizedText(vi: vi, en: en)
    }
}

/// The one error type the service layer throws. Each edge maps it once: the API to a problem+json response,
/// the CLI to a message and an exit code. What only a protocol can get wrong (a missing header, a body too large,
/// a missing If-Match) is the edge's own error, not a kind here.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case invalid
        case unauthenticated
        case forbidden
        case notFound
        /// The record was there and is gone for good (an erased person).
        case gone
        case conflict
        case preconditionFailed
        /// Too many attempts (failed sign-ins): wait `retryAfter` seconds.
        case tooManyRequests
        case unavailable
        case internalFailure
    }

    public var kind: Kind
    /// The last segment of the problem type URI, such as `validation` or `no-active-agreement`.
    public var slug: String
    public var message: LocalizedText
    public var fieldErrors: [FieldError]
    /// Extra members of the problem document, such as the id of the record a duplicate collides with.
    public var extensions: [String: JSONValue]
    /// When to try again, in seconds (the API's `Retry-After`): after too many attempts, or while the same request runs.
    public var retryAfter: Int?

    public init(_ kind: Kind, slug: String? = nil, _ message: LocalizedText, fieldErrors: [FieldError] = [],
                extensions: [String: JSONValue] = [:]) {
        self.kind = kind
        self.slug = slug ?? Self.defaultSlug(kind)
        self.message = message
        self.fieldErrors = fieldErrors
        self.extensions = extensions
    }

    public var description: String { "\(kind): \(message.en)" }

    static func defaultSlug(_ kind: Kind) -> String {
        switch kind {
        case .invalid: "validation"
        case .unauthenticated: "unauthenticated"
        case .forbidden: "forbidden"
        case .notFound: "not-found"
        case .gone: "gone"
        case .conflict: "conflict"
        case .preconditionFailed: "stale-version"
        case .tooManyRequests: "too-many-requests"
        case .unavailable: "unavailable"
        case .internalFailure: "internal"
        }
    }

    // MARK: Common errors

    /// At most this many field errors are named in one answer; the rest are counted (`errors_omitted`), so that a
    /// body of thousands of unknown fields gets a short answer.
    public static let maxFieldErrors = 25

    /// `alsoOmitted`: bad fields an earlier answer left out, when its errors are combined with more.
    public static func invalid(_ all: [FieldError], alsoOmitted: Int = 0) -> ServiceError {
        let errors = Array(all.prefix(maxFieldErrors))
        let omitted = all.count - errors.count + alsoOmitted
        let fields = errors.map(\.field).joined(separator: ", ") + (omitted > 0 ? ", …" : "")
        let first = errors.first.map { "\($0.field): \($0.message.vi)" } ?? ""
        let firstEn = errors.first.map { "\($0.field): \($0.message.en)" } ?? ""
        let more = all.count + alsoOmitted > 1
        return ServiceError(
            .invalid,
            LocalizedText(
                vi: more ? "Dữ liệu không hợp lệ (\(fields)); \(first)" : "Dữ liệu không hợp lệ: \(first)",
                en: more ? "Invalid input (\(fields)); \(firstEn)" : "Invalid input: \(firstEn)"
            ),
            fieldErrors: errors,
            extensions: omitted > 0 ? ["errors_omitted": .number(Double(omitted))] : [:]
        )
    }

    public static func invalid(_ field: String, vi: String, en: String) -> ServiceError {
        invalid([FieldError(field, vi: vi, en: en)])
    }

    public static func notFound(_ what: LocalizedText, _ id: String) -> ServiceError {
        ServiceError(.notFound, LocalizedText(vi: "Không tìm thấy \(what.vi) \(id)", en: "\(what.en) \(id) not found"))
    }

    public static let unauthenticated = ServiceError(
        .unauthenticated,
        LocalizedText(
            vi: "Cần mã truy cập hợp lệ (Authorization: Bearer <token>)",
            en: "A valid access token is required (Authorization: Bearer <token>)"
        )
    )

    public static func forbidden(_ role: String) -> ServiceError {
        ServiceError(
            .forbidden,
            LocalizedText(
                vi: "Vai trò \(role) không được phép thực hiện thao tác này",
                en: "The role \(role) may not do this"
            )
        )
    }

    public static let unavailable: ServiceError = {
        var error = ServiceError(.unavailable, LocalizedText(vi: "Không kết nối được cơ sở dữ liệu",
                                                             en: "The database cannot be reached"))
        error.retryAfter = 5
        return error
    }()

    /// No database connection was free in time, or a statement ran or waited on a lock too long: try again shortly.
    public static let busy: ServiceError = {
        var error = ServiceError(.unavailable, slug: "busy", LocalizedText(
            vi: "Máy chủ đang bận; thử lại sau giây lát", en: "The server is busy; retry shortly"))
        error.retryAfter = 1
        return error
    }()
}
