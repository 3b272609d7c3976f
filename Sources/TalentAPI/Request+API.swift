import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain

extension Request {
    /// A query parameter; an empty one counts as absent.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// `?limit=` and `?cursor=`, checked.
    func pageRequest() throws -> PageRequest {
        var limit: Int?
        if let text = query("limit") {
            guard let value = Int(text) else {
                throw ServiceError.invalid("limit", vi: "phải là số nguyên từ 1 đến 200", en: "must be an integer from 1 to 200")
            }
            limit = value
        }
        return try PageRequest(limit: limit, cursor: query("cursor"))
    }

    /// The version in `If-Match` (`"3"`, `W/"3"` or `3`); `*` means any.
    func optionalVersion() throws -> Int? {
        guard let header = headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), !header.isEmpty, header != "*" else {
            return nil
        }
        let digits = header.replacingOccurrences(of: "W/", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(digits) else {
            throw ServiceError.invalid("If-Match", vi: "phải là phiên bản của bản ghi, ví dụ \"3\"",
                                       en: "must be the record's version, for example \"3\"")
        }
        return version
    }

    /// PATCH needs `If-Match` with the version read, so a concurrent change is never overwritten (428 without it).
    func requiredVersion() throws -> Int? {
        guard headers[.ifMatch] != nil else {
            throw Problem(status: .init(code: 428, reasonPhrase: "Precondition Required"), slug: "version-required",
                          detail: LocalizedText(vi: "Cần tiêu đề If-Match với phiên bản (ETag) của bản ghi",
                                                en: "If-Match with the record's version (ETag) is required"),
                          language: Language.negotiate(headers[.acceptLanguage]))
        }
        return try optionalVersion()
    }
}
