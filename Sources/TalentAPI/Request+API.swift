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

    /// A boolean query parameter: `true` or `false`; absent is nil, anything else a 422 (bad input is 4xx).
    func flag(_ name: String) throws -> Bool? {
        guard let text = query(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw ServiceError.invalid(name, vi: "phải là true hoặc false", en: "must be true or false")
        }
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
        // RFC 9110: If-Match lists entity tags; ours are a record's version in quotes ("3"). A tag that is no version
        // of ours can never match the current one, so it answers 412 like a stale version, whatever its spelling.
        let versions = header.split(separator: ",").compactMap { tag -> Int? in
            var text = tag.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("W/") { text.removeFirst(2) }
            return Int(text.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
        guard let version = versions.first else {
            throw ServiceError(.preconditionFailed, LocalizedText(
                vi: "If-Match (\(header)) không khớp với phiên bản nào của bản ghi; đọc lại bản ghi để lấy ETag",
                en: "If-Match (\(header)) matches no version of the record; read it again for its ETag"))
        }
        return version
    }

    /// PATCH needs `If-Match` with the version read, so a concurrent change is never overwritten (428 without it).
    func requiredVersion() throws -> Int? {
        guard let header = headers[.ifMatch], !header.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Problem(status: .init(code: 428, reasonPhrase: "Precondition Required"), slug: "version-required",
                          detail: LocalizedText(vi: "Cần tiêu đề If-Match với phiên bản (ETag) của bản ghi",
                                                en: "If-Match with the record's version (ETag) is required"),
                          language: Language.negotiate(headers[.acceptLanguage]))
        }
        return try optionalVersion()
    }
}
