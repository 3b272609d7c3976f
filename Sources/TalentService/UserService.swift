import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Staff accounts: who may sign in to the API, and with which role.
public struct UserService: Sendable {
    let database: Database
    var sessions = SessionSettings()

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
            if let email = new.email, try await tx.users.email(taken: email) {
                throw ServiceError(.conflict, slug: "email-taken", LocalizedText(
                    vi: "Thư điện tử \(email) đã là của một người dùng khác", en: "The e-mail \(email) belongs to another user"))
            }
            let user = try await tx.users.insert(new)
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
    /// Sets a user's password (stored as a bcrypt hash only). An administrator sets anyone's; a user their own.
    /// Every session the user had is signed out, and the sign-in lock of their e-mail is lifted.
    public func setPassword(_ id: UUID, _ password: String?, by actor: Principal) async throws -> StaffUser {
        guard actor.role == .admin || actor.userID == id else { throw ServiceError.forbidden(actor.role.rawValue) }
        let user = try await get(id)
        guard let email = user.email else {
            throw ServiceError.invalid("email", vi: "người dùng chưa có thư điện tử để đăng nhập (thêm khi tạo: --email)",
                                       en: "the user has no e-mail to sign in with (give one with --email)")
        }
        let password = try NewPassword(password, email: email)
        let hash = await SessionService.hash(password, cost: sessions.bcryptCost)
        return try await database.transaction { tx in
            let after = try await tx.users.setPassword(id, hash: hash)
            let signedOut = try await tx.sessions.revokeAll(user: id)
            try await tx.sessions.clear("email:" + email)
            try await tx.audit.record(actor, "user.password", "user", id.text,
                                      extra: ["sessions_revoked": .number(Double(signedOut))])
            return after
        }
    }

    /// Disables a user: they can no longer sign in, and their sessions and tokens stop working at once.
    public func disable(_ id: UUID, by actor: Principal) async throws -> StaffUser {
        try actor.require([.admin])
        if actor.userID == id {
            throw ServiceError(.conflict, slug: "cannot-disable-self", LocalizedText(
                vi: "Không tự khóa tài khoản của chính mình", en: "You cannot disable your own account"))
        }
        return try await database.transaction { tx in
            guard let before = try await tx.users.get(id, forUpdate: true) else { throw Self.notFound(id) }
            guard before.disabledAt == nil else { return before }
            let after = try await tx.users.disable(id)
            let signedOut = try await tx.sessions.revokeAll(user: id)
            try await tx.audit.record(actor, "user.disable", "user", id.text, before: before, after: after,
                                      extra: ["sessions_revoked": .number(Double(signedOut))])
            return after
        }
    }

    /// Lifts the sign-in lock that repeated failures put on a user's e-mail.
    public func unlock(_ id: UUID, by actor: Principal) async throws -> StaffUser {
        try actor.require([.admin])
        let user = try await get(id)
        try await database.transaction { tx in
            if let email = user.email { try await tx.sessions.clear("email:" + email) }
            try await tx.audit.record(actor, "user.unlock", "user", id.text)
        }
        return user
    }

    /// One user; administrators and HR read any, everyone their own.
    public func get(_ id: UUID, by actor: Principal) async throws -> StaffUser {
        guard [.admin, .hr].contains(actor.role) || actor.userID == id else { throw Self.notFound(id) }
        return try await get(id)
    }

    func get(_ id: UUID) async throws -> StaffUser {
        guard let user = try await database.read({ try await $0.users.get(id) }) else { throw Self.notFound(id) }
        return user
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "người dùng", en: "user"), id.text)
    }

    /// The CLI's acting person. An operator named by a user's id acts as that user, with their role (an evaluator
    /// then sees only what an evaluator may see); any other name acts as an administrator.
    public func operatorActor(_ cliOperator: Principal) async throws -> Principal {
        guard let id = UUID(uuidString: cliOperator.name) else { return cliOperator }
        guard let user = try await database.read({ try await $0.users.get(id) }) else {
            throw ServiceError.invalid("as", vi: "không có người dùng \(id.text)", en: "no user \(id.text)")
        }
        guard !user.isDisabled else {
            throw ServiceError.invalid("as", vi: "người dùng \(id.text) đã bị khóa", en: "the user \(id.text) is disabled")
        }
        return Principal(user: user, channel: cliOperator.channel)
    }
}
