import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain

extension Request {
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
            throw ServiceError(.preconditionRequired, LocalizedText(
                vi: "Cần tiêu đề If-Match với phiên bản (ETag) của bản ghi", en: "If-Match with the record's version (ETag) is required"))
        }
        return try optionalVersion()
    }
}
