import Foundation

extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// Parses a filter or option typed by a person or sent in a query; absent or empty is nil, an unknown value a
    /// field error listing the allowed ones.
    public static func parse(_ raw: String?, field: String) throws(ServiceError) -> Self? {
        var v = FieldValidator()
        let value = v.oneOf(field, raw, Self.self)
        try v.check()
        return value
    }
}
