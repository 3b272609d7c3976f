import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Staff accounts: who may sign in to the API, and with which role.
public struct UserService: Sendable {
    let database: Database

    /// Adds a staff user; only administrators may.
    public func add(_ new: NewStaffUser, by actor: Principal) async throws -> StaffUser {
        try actor.require([.admin])
        let agency = new.agencyCode
        return try await database.transaction { tx in
            if let agency {
                guard let found = try await tx.agencies.get(agency), found.status == .active else {
                    throw ServiceError.invalid("agency", vi: "không có cơ quan đang hoạt động mã \(agency)",
                                               en: "no active agency has the code \(agency)")
                }
            }
            let user = try await tx.users.insert(name: new.name, role: new.role, agencyCode: agency, email: new.email)
            try await tx.audit.record(actor, "user.add", "user", user.id.text, after: user)
            return user
        }
    }

    /// Lists staff users; administrators and HR may.
    public func list(role: String? = nil, page: PageRequest, by actor: Principal) async throws -> Page<StaffUser> {
        try actor.require([.admin, .hr])
        var v = FieldValidator()
        let role = v.oneOf("role", role, Role.self)
        try v.check()
        let rows = try await database.read { db in
            try await db.users.list(role: role, page: page)
        }
        let items = Array(rows.prefix(page.limit))
        return Page(items: items, nextCursor: rows.count > page.limit ? items.last.map { Cursor(key: "", id: $0.id.text).encoded } : nil)
    }
}

extension UserService {
    /// The CLI's acting person. An operator named by a user's id acts as that user, with their role (an evaluator
    /// then sees only what an evaluator may see); any other name acts as an administrator.
    public func operatorActor(_ cliOperator: Principal) async throws -> Principal {
        guard let id = UUID(uuidString: cliOperator.name) else { return cliOperator }
        guard let user = try await database.read({ try await $0.users.get(id) }) else {
            throw ServiceError.invalid("as", vi: "không có người dùng \(id.text)", en: "no user \(id.text)")
        }
        return Principal(name: user.name, role: user.role, channel: cliOperator.channel, userID: user.id)
    }
}
