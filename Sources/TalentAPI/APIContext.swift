import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentWire

/// Per-request state before a route is chosen: the language the caller reads and, on `/v1`, who the bearer token
/// acts as. The `/v1` routes see it as a `CallerContext`, whose caller is not optional.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by the authentication middleware on `/v1` paths (which answers 401 without a valid token).
    public var caller: Principal?
    public var language: Language = .vi
    /// The client's IP address as the socket sees it (behind a proxy, the proxy's), for the sign-in limit.
    public let clientAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies larger than this are refused with 413 before they are parsed.
    public var maxUploadSize: Int { APIContext.bodyLimit }
    public static let bodyLimit = 1024 * 1024
}
