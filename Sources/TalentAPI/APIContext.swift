import Foundation
import Synchronization
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

    /// Who the request turned out to act as, for the request's log line: written once authentication knows it.
    public let actor = RequestActor()

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies larger than this are refused with 413 before they are parsed.
    public var maxUploadSize: Int { APIContext.bodyLimit }
    public static let bodyLimit = 1024 * 1024
}

/// The caller of one request as its log line names it: by id (`user:UUID`, `partner:CODE`, `operator`), never by
/// personal data. Shared by the middlewares of one request, which see copies of its context.
public final class RequestActor: Sendable {
    private let value = Mutex<String?>(nil)

    public func set(_ principal: Principal) {
        let id = principal.userID.map { "user:\($0.text)" } ?? principal.partnerCode.map { "partner:\($0)" } ?? "operator"
        value.withLock { $0 = id }
    }

    public var id: String? { value.withLock { $0 } }
}
