import Foundation

/// A newly issued token: the record plus its secret, which exists nowhere else.
public struct IssuedToken: Sendable {
    public var token: String
    public var record: AccessToken

    public init(token: String, record: AccessToken) {
        self.token = token
        self.record = record
    }
}
