import Foundation

extension UUID {
    /// The lower-case form (RFC 9562) used everywhere the product writes an id.
    public var text: String { uuidString.lowercased() }
}
