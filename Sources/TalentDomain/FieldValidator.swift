import Foundation

/// Collects field errors while an input is checked, so one answer names every bad field.
public struct FieldValidator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func add(_ field: String, vi: String, en: String) {
        errors.append(FieldError(field, vi: vi, en: en))
    }

    /// A typed field sent empty: a mistake, not "none" (null or leaving the field out says that).
    mutating func blank(_ field: String) {
        add(field, vi: "không được để trống (bỏ trường này hoặc gửi null nếu không có)",
            en: "must not be empty (leave the field out or send null when there is none)")
    }

    /// Throws `ServiceError.invalid` naming every field that failed.
    public func check() throws(ServiceError) {
        if !errors.isEmpty { throw ServiceError.invalid(errors) }
    }

    public mutating func personName(_ field: String, _ raw: String?, required: Bool = true) -> String? {
        guard let raw else {
            if required { add(field, vi: "bắt buộc", en: "is required") }
            return nil
        }
        guard let name = Normalize.personName(raw) else {
            add(field, vi: "phải là họ tên hợp lệ (1–200 ký tự, có chữ cái, không có ký tự điều khiển)",
                en: "must be a name of 1–200 characters with letters and no control characters")
            return nil
        }
        return name
    }

    /// Free text: NFC, trimmed; empty becomes nil. The length counts the Unicode scalars as sent, the way JSON
    /// Schema's `maxLength` does (for NFC Vietnamese text the same as characters).
    public mutating func text(_ field: String, _ raw: String?, required: Bool = false, maxLength: Int = 2000,
                              multiline: Bool = false) -> String? {
        if let raw, raw.unicodeScalars.count > maxLength {
            add(field, vi: "dài tối đa \(maxLength) ký tự", en: "must be at most \(maxLength) characters")
            return nil
        }
        let text = raw.map { VietnameseText.nfc($0).trimmed }
        guard let text, !text.isEmpty else {
            if required { add(field, vi: "bắt buộc", en: "is required") }
            return nil
        }
        if VietnameseText.hasControlCharacters(text, allowLineBreaks: multiline) {
            add(field, vi: "không được chứa ký tự điều khiển", en: "must not contain control characters")
            return nil
        }
        return text
    }

    public mutating func citizenID(_ field: String, _ raw: String?) -> String? {
        normalized(field, raw, Normalize.citizenID,
                   vi: "số căn cước công dân phải gồm đúng 12 chữ số", en: "must be exactly 12 digits")
    }

    public mutating func email(_ field: String, _ raw: String?) -> String? {
        normalized(field, raw, Normalize.email, vi: "không phải địa chỉ e-mail hợp lệ", en: "is not a valid e-mail address")
    }

    public mutating func phone(_ field: String, _ raw: String?) -> String? {
        normalized(field, raw, Normalize.phone,
                   vi: "không phải số điện thoại Việt Nam hợp lệ (ví dụ 0912345678 hoặc +84912345678)",
                   en: "is not a valid Vietnamese phone number (for example 0912345678 or +84912345678)")
    }

    /// A value absent (nil), sent blank (an error: leave it out or send null) or in the form `normalize` accepts.
    private mutating func normalized(_ field: String, _ raw: String?, _ normalize: (String) -> String?,
                                     vi: String, en: String) -> String? {
        guard let raw else { return nil }
        if raw.trimmed.isEmpty {
            blank(field)
            return nil
        }
        guard let value = normalize(raw) else {
            add(field, vi: vi, en: en)
            return nil
        }
        return value
    }

    public mutating func code(_ field: String, _ raw: String?, required: Bool = true) -> String? {
        guard let raw, !raw.isEmpty else {
            if required { add(field, vi: "bắt buộc", en: "is required") } else if raw != nil { blank(field) }
            return nil
        }
        guard let value = Normalize.code(raw) else {
            add(field, vi: "mã chỉ gồm chữ A–Z, số, '-' và '_', tối đa 32 ký tự",
                en: "a code is 1–32 of A–Z, digits, '-' and '_'")
            return nil
        }
        return value
    }

    public mutating func date(_ field: String, _ raw: String?, required: Bool = false,
                              in range: ClosedRange<CalendarDate>? = nil) -> CalendarDate? {
        guard let raw, !raw.isEmpty else {
            if required { add(field, vi: "bắt buộc", en: "is required") } else if raw != nil { blank(field) }
            return nil
        }
        guard let date = CalendarDate(raw) else {
            add(field, vi: "phải là ngày hợp lệ dạng YYYY-MM-DD", en: "must be a real date written YYYY-MM-DD")
            return nil
        }
        if let range, !range.contains(date) {
            add(field, vi: "phải trong khoảng \(range.lowerBound) đến \(range.upperBound)",
                en: "must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return date
    }

    public mutating func oneOf<E: RawRepresentable & CaseIterable>(_ field: String, _ raw: String?, _ type: E.Type,
                                                                     required: Bool = false) -> E? where E.RawValue == String {
        guard let raw, !raw.isEmpty else {
            if required { add(field, vi: "bắt buộc", en: "is required") } else if raw != nil { blank(field) }
            return nil
        }
        guard let value = E(rawValue: raw) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            add(field, vi: "phải là một trong: \(allowed)", en: "must be one of: \(allowed)")
            return nil
        }
        return value
    }

    /// A record id (UUID), written 8-4-4-4-12.
    public mutating func uuid(_ field: String, _ raw: String?, required: Bool = false) -> UUID? {
        guard let raw, !raw.isEmpty else {
            if required { add(field, vi: "bắt buộc", en: "is required") } else if raw != nil { blank(field) }
            return nil
        }
        guard let id = UUID(uuidString: raw) else {
            add(field, vi: "không phải mã định danh (UUID) hợp lệ", en: "is not a valid id (UUID)")
            return nil
        }
        return id
    }

    public mutating func integer(_ field: String, _ value: Int?, in range: ClosedRange<Int>) -> Int? {
        guard let value else { return nil }
        guard range.contains(value) else {
            add(field, vi: "phải từ \(range.lowerBound) đến \(range.upperBound)",
                en: "must be from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }
}
