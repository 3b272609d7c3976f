import Foundation

/// A newly issued token: the record plus its secret, which exists nowhere else.
public struct IssuedToken: Sendable, Encodable {
    public var token: String
    public var record: AccessToken

    public init(token: String, record: AccessToken) {
        self.token = token
        self.record = record
    }

    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(token, forKey: .token)
    }

    enum CodingKeys: String, CodingKey { case token }
}
