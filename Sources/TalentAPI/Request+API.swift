import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentWire

extension Request {
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
