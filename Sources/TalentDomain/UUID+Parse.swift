import Foundation

extension UUID {
    /// Parses an id typed by a person or sent in a path; a malformed one is a field error, never a crash.
    public static func parse(_ text: String, field: String = "id") throws(ServiceError) -> UUID {
        guard let id = UUID(uuidString: text.trimmed) else {
            throw ServiceError.invalid(field, vi: "không phải mã định danh (UUID) hợp lệ", en: "is not a valid id (UUID)")
        }
        return id
    }
}
