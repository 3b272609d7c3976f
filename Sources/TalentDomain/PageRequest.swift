import Foundation

/// How many records a list returns: `limit` defaults to 50 and may not exceed 200.
public struct PageRequest: Sendable, Hashable {
    public static let defaultLimit = 50
    public static let maximumLimit = 200

    public var limit: Int
    public var cursor: Cursor?

    /// A large internal batch (exports), beyond the API's page-size cap.
    public init(batch limit: Int, after cursor: Cursor?) {
        self.limit = limit
        self.cursor = cursor
    }

    public init(limit: Int? = nil, cursor: String? = nil) throws(ServiceError) {
        var v = FieldValidator()
        let limit = v.integer("limit", limit ?? Self.defaultLimit, in: 1...Self.maximumLimit)
        try v.check()
        self.limit = limit!
        self.cursor = try cursor.flatMap { text throws(ServiceError) in text.isEmpty ? nil : try Cursor(decoding: text) }
    }
}
