import Foundation
import Hummingbird
import TalentDomain
import TalentWire

/// A request's query string, read parameter by parameter the way `JSONFields` reads a body: every bad parameter
/// becomes a field error naming it, and `finish()` throws them all as one 422. A parameter given twice is refused
/// (which of two values counts is no guess to make). An empty value counts as absent, whatever the parameter's type:
/// a form's "all" choice sends `?agency=`, and that means no filter.
struct QueryParameters {
    private var values: [String: [String]] = [:]
    private(set) var errors: [FieldError] = []

    init(_ request: Request) {
        for (key, value) in request.uri.queryParameters {
            // Hummingbird decodes the values only; `li%6Dit` is `limit` all the same.
            let name = String(key).removingPercentEncoding ?? String(key)
            values[name, default: []].append(String(value))
        }
    }

    /// Whether the query names the parameter at all.
    func has(_ name: String) -> Bool { values[name] != nil }

    /// The one value of a parameter, as sent; nil when absent. A repeated parameter is an error.
    mutating func raw(_ name: String) -> String? {
        guard let given = values[name] else { return nil }
        guard given.count == 1 else {
            add(name, vi: "chỉ được cho một lần", en: "must be given once")
            return nil
        }
        return given[0]
    }

    /// A typed parameter's value: nil when absent or empty.
    private mutating func typed(_ name: String) -> String? {
        guard let text = raw(name), !text.isEmpty else { return nil }
        return text
    }

    /// Free text: at most `maxLength` characters (Unicode scalars, as JSON Schema counts them), no control
    /// characters; empty counts as absent.
    mutating func text(_ name: String, maxLength: Int = 200) -> String? {
        guard let text = raw(name), !text.isEmpty else { return nil }
        if text.unicodeScalars.count > maxLength {
            add(name, vi: "dài tối đa \(maxLength) ký tự", en: "must be at most \(maxLength) characters")
            return nil
        }
        if VietnameseText.hasControlCharacters(text) {
            add(name, vi: "không được chứa ký tự điều khiển", en: "must not contain control characters")
            return nil
        }
        return text
    }

    /// `true` or `false`, nothing else.
    mutating func bool(_ name: String) -> Bool? {
        let rule = (vi: "phải là true hoặc false", en: "must be true or false")
        guard let text = typed(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            add(name, vi: rule.vi, en: rule.en)
            return nil
        }
    }

    /// A whole number written in decimal digits (an optional leading `-`), within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        let rule = (vi: "phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound)",
                    en: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        guard let text = typed(name) else { return nil }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text),
              range.contains(value)
        else {
            add(name, vi: rule.vi, en: rule.en)
            return nil
        }
        return value
    }

    /// A record id: a UUID written 8-4-4-4-12 in hexadecimal digits.
    mutating func uuid(_ name: String) -> UUID? {
        let rule = (vi: "phải là mã định danh (UUID)", en: "must be an id (UUID)")
        guard let text = typed(name) else { return nil }
        guard let id = UUID(uuidString: text) else {
            add(name, vi: rule.vi, en: rule.en)
            return nil
        }
        return id
    }

    /// A date written `YYYY-MM-DD`.
    mutating func date(_ name: String) -> CalendarDate? {
        let rule = (vi: "phải là ngày hợp lệ dạng YYYY-MM-DD", en: "must be a real date written YYYY-MM-DD")
        guard let text = typed(name) else { return nil }
        guard let date = CalendarDate(text) else {
            add(name, vi: rule.vi, en: rule.en)
            return nil
        }
        return date
    }

    /// One of the domain's cases, spelled exactly.
    mutating func oneOf<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        let rule = (vi: "phải là một trong: \(allowed)", en: "must be one of: \(allowed)")
        guard let text = typed(name) else { return nil }
        guard let value = E(rawValue: text) else {
            add(name, vi: rule.vi, en: rule.en)
            return nil
        }
        return value
    }

    /// An agency's or partner's code: 1–32 ASCII letters, digits, `-` and `_`, starting with a letter or digit; any
    /// case, upper-cased here.
    mutating func code(_ name: String) -> String? {
        let rule = (vi: "mã chỉ gồm chữ A–Z, số, '-' và '_', tối đa 32 ký tự",
                    en: "must be a code of 1–32 of A–Z, digits, '-' and '_'")
        guard let text = typed(name) else { return nil }
        let bytes = Array(text.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        guard bytes.count <= 32, let first = bytes.first, isAlphanumeric(first),
              bytes.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else {
            add(name, vi: rule.vi, en: rule.en)
            return nil
        }
        return text.uppercased()
    }

    /// `?limit=` (1–200, default 50) and `?cursor=` (a `next_cursor` this API returned; empty counts as absent).
    mutating func page() -> PageRequest {
        let limit = integer("limit", in: 1...PageRequest.maximumLimit)
        let cursor = raw("cursor")
        do {
            return try PageRequest(limit: limit, cursor: cursor)
        } catch {
            errors += error.fieldErrors
            return PageRequest(batch: PageRequest.defaultLimit, after: nil)
        }
    }

    mutating func add(_ name: String, vi: String, en: String) {
        errors.append(FieldError(name, vi: vi, en: en))
    }

    /// Throws every bad parameter found, as one validation problem.
    func finish() throws(ServiceError) {
        if !errors.isEmpty { throw ServiceError.invalid(errors) }
    }
}
