import Foundation
import Hummingbird
import TalentDomain
import TalentWire

/// The context of every `/v1` route: the caller is known, so no handler asks whether someone signed in.
struct CallerContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    /// Who the bearer token acts as: a staff user with their role, or a partner institution.
    let caller: Principal
    let language: Language

    init(context: APIContext) throws {
        // The authentication middleware answers 401 first on `/v1`; this only keeps the promise of the type.
        guard let caller = context.caller else { throw ServiceError.unauthenticated }
        self.coreContext = context.coreContext
        self.caller = caller
        self.language = context.language
    }

    var maxUploadSize: Int { APIContext.bodyLimit }
}
