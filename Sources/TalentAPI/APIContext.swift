import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain

/// Per-request state: who is calling (once the bearer token is checked) and the language they read.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by the authentication middleware on `/v1` routes.
    public var actor: Principal?
    public var language: Language = .vi

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// Bodies larger than this are refused with 413 before they are parsed.
    public var maxUploadSize: Int { APIContext.bodyLimit }
    public static let bodyLimit = 1024 * 1024

    /// The authenticated caller; routes under `/v1` always have one.
    func requireActor() throws -> Principal {
        guard let actor else { throw ServiceError.unauthenticated }
        return actor
    }
}
