import Foundation

/// Normalizers for the identifiers people type. Each returns the stored form, or nil when the input is not valid.
public enum Normalize {
    /// A citizen ID (căn cước công dân): exactly 12 ASCII digits, surrounding white space ignored.
    public static func citizenID(_ raw: String) -> String? {
        let text = raw.trimmed
        guard text.utf8.count == 12, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return text
    }

    /// A Vietnamese phone number in E.164 form, `+84` then 9 digits (mobile) or 10 digits (landline, area code 2xx).
    /// Accepts `0912 345 678`, `0912.345.678`, `+84 912 345 678`, `84912345678`, `0084912345678`, `(0273) 3 872 123`.
    public static func phone(_ raw: String) -> String? {
        var digits = ""
        var sawPlus = false
        for (index, ch) in raw.trimmed.enumerated() {
            switch ch {
            case "0"..."9": digits.append(ch)
            case "+" where index == 0: sawPlus = true
            case " ", ".", "-", "(", ")": continue
            default: return nil
            }
        }
        var national: Substring
        if sawPlus {
            guard digits.hasPrefix("84") else { return nil }
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0084") {
            national = digits.dropFirst(4)
        } else if digits.hasPrefix("0") {
            national = digits.dropFirst(1)
        } else if digits.hasPrefix("84"), digits.count == 11 || digits.count == 12 {
            national = digits.dropFirst(2)
        } else {
            return nil
        }
        if national.hasPrefix("0") { national = national.dropFirst() }  // +84 0912… typed with the trunk zero
        guard let first = national.first else { return nil }
        switch (national.count, first) {
        case (9, "3"), (9, "5"), (9, "7"), (9, "8"), (9, "9"): break  // mobile
        case (10, "2"): break  // landline with its 3-digit area code
        default: return nil
        }
        return "+84" + national
    }

    /// An e-mail address, trimmed and lower-cased; nil unless it looks like `local@domain.tld`.
    public static func email(_ raw: String) -> String? {
        let text = raw.trimmed.lowercased()
        if let ascii = asciiEmail(text) { return ascii ? text : nil }
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace || $0.isNewline }),
              !VietnameseText.hasControlCharacters(text)
        else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return nil }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
              labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              labels.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
              let tld = labels.last, tld.count >= 2
        else { return nil }
        return text
    }

    /// The common case, an all-ASCII address, checked byte by byte: true or false, or nil when not ASCII.
    static func asciiEmail(_ text: String) -> Bool? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")),
              bytes.lastIndex(of: UInt8(ascii: "@")) == at, at > 0, at <= 64
        else { return false }
        let local = bytes[..<at]
        guard local.allSatisfy({ $0 > 0x20 && $0 != 0x7F && $0 != UInt8(ascii: ",") }) else { return false }
        let labels = bytes[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.last!.count >= 2 else { return false }
        for label in labels {
            guard let first = label.first, let last = label.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-"),
                  label.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") })
            else { return false }
        }
        return true
    }

    /// A person's name: NFC, surrounding white space trimmed, otherwise exactly as typed.
    public static func personName(_ raw: String) -> String? {
        let text = VietnameseText.nfc(raw).trimmed
        guard !text.isEmpty, text.count <= 200, !VietnameseText.hasControlCharacters(text),
              text.contains(where: \.isLetter)
        else { return nil }
        return text
    }

    /// A short code for an agency or partner: upper-case ASCII letters, digits, `-` and `_`, at most 32.
    public static func code(_ raw: String) -> String? {
        let text = raw.trimmed.uppercased()
        guard (1...32).contains(text.count),
              text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }),
              text.first.map({ $0.isLetter || $0.isNumber }) == true
        else { return nil }
        return text
    }
}

/// Collects field errors while an input is checked, so one answer names every bad field.
public struct FieldValidator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func add(_ field: String, vi: String, en: String) {
        errors.append(FieldError(field, vi: vi, en: en))
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

    /// Free text: NFC, trimmed; empty becomes nil.
    public mutating func text(_ field: String, _ raw: String?, required: Bool = false, maxLength: Int = 2000,
                              multiline: Bool = false) -> String? {
        let text = raw.map { VietnameseText.nfc($0).trimmed }
        guard let text, !text.isEmpty else {
            if required { add(field, vi: "bắt buộc", en: "is required") }
            return nil
        }
        if VietnameseText.hasControlCharacters(text, allowLineBreaks: multiline) {
            add(field, vi: "không được chứa ký tự điều khiển", en: "must not contain control characters")
            return nil
        }
        if text.count > maxLength {
            add(field, vi: "dài tối đa \(maxLength) ký tự", en: "must be at most \(maxLength) characters")
            return nil
        }
        return text
    }

    public mutating func citizenID(_ field: String, _ raw: String?) -> String? {
        guard let raw, !raw.trimmed.isEmpty else { return nil }
        guard let value = Normalize.citizenID(raw) else {
            add(field, vi: "số căn cước công dân phải gồm đúng 12 chữ số", en: "must be exactly 12 digits")
            return nil
        }
        return value
    }

    public mutating func email(_ field: String, _ raw: String?) -> String? {
        guard let raw, !raw.trimmed.isEmpty else { return nil }
        guard let value = Normalize.email(raw) else {
            add(field, vi: "không phải địa chỉ e-mail hợp lệ", en: "is not a valid e-mail address")
            return nil
        }
        return value
    }

    public mutating func phone(_ field: String, _ raw: String?) -> String? {
        guard let raw, !raw.trimmed.isEmpty else { return nil }
        guard let value = Normalize.phone(raw) else {
            add(field, vi: "không phải số điện thoại Việt Nam hợp lệ (ví dụ 0912345678 hoặc +84912345678)",
                en: "is not a valid Vietnamese phone number (for example 0912345678 or +84912345678)")
            return nil
        }
        return value
    }

    public mutating func code(_ field: String, _ raw: String?, required: Bool = true) -> String? {
        guard let raw, !raw.isEmpty else {
            if required { add(field, vi: "bắt buộc", en: "is required") }
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
            if required { add(field, vi: "bắt buộc", en: "is required") }
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
            if required { add(field, vi: "bắt buộc", en: "is required") }
            return nil
        }
        guard let value = E(rawValue: raw) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            add(field, vi: "phải là một trong: \(allowed)", en: "must be one of: \(allowed)")
            return nil
        }
        return value
    }

    /// A record id (UUID); empty counts as absent.
    public mutating func uuid(_ field: String, _ raw: String?, required: Bool = false) -> UUID? {
        guard let raw, !raw.trimmed.isEmpty else {
            if required { add(field, vi: "bắt buộc", en: "is required") }
            return nil
        }
        guard let id = UUID(uuidString: raw.trimmed) else {
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
