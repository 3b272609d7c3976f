import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// Reads `Authorization: Bearer <token>` (an issued token or a signed-in session's) on `/v1` paths and asks the service layer who it acts as; the `/v1` routes
/// then run with a `CallerContext`. It sits on the router rather than on the `/v1` group so that an unknown path
/// under `/v1` also answers 401 to a caller without a valid token. Permissions are checked by the service methods.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let sessions: SessionService

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/v1/") || request.uri.path == "/v1" else {
            return try await next(request, context)
        }
        // The CLI on the server host runs the router in its own process, as its operator (`TalentApp`'s local API):
        // the caller is already known. A request from the network always reaches here without one.
        if context.caller != nil { return try await next(request, context) }
        // Signing in is how a person gets a token.
        if request.method == .post, request.uri.path == SessionController.signInPath {
            return try await next(request, context)
        }
        guard let header = request.headers[.authorization],
              header.count > 7, header.prefix(7).lowercased() == "bearer "
        else { throw ServiceError.unauthenticated }
        var context = context
        let secret = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        let caller = try await sessions.authenticate(bearer: secret)
        context.caller = caller
        context.actor.set(caller)
        context.logger[metadataKey: "actor"] = .string(context.actor.id ?? "")
        return try await next(request, context)
    }
}
