import Foundation

/// A member of staff who signs in to the API: HR officers, evaluators, leaders and administrators.
public struct StaffUser: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var role: Role
    public var agencyCode: String?
    public var email: String?
    public var scope: Scope
    /// Whether a password is set (the hash itself never leaves the store).
    public var hasPassword: Bool
    public var disabledAt: Date?
    public var createdAt: Date

    public init(id: UUID, name: String, role: Role, agencyCode: String?, email: String?, scope: Scope = .province,
                hasPassword: Bool = false, disabledAt: Date? = nil, createdAt: Date) {
        self.id = id
        self.name = name
        self.role = role
        self.agencyCode = agencyCode
        self.email = email
        self.scope = scope
        self.hasPassword = hasPassword
        self.disabledAt = disabledAt
        self.createdAt = createdAt
    }

    public var isDisabled: Bool { disabledAt != nil }
}

/// A new staff user, checked: a person's name, a staff role, and optionally an agency code and an e-mail.
public struct NewStaffUser: Sendable, Hashable {
    public var name: String
    public var role: Role
    public var agencyCode: String?
    public var email: String?
    public var scope: Scope

    /// The scope defaults to `agency` for an HR officer of an agency, else `province`. An agency scope needs an
    /// agency; an administrator always works on the whole province.
    public init(name: String?, role: String?, agencyCode: String?, email: String?,
                scope: String? = nil) throws(ServiceError) {
        var v = FieldValidator()
        let name = v.personName("name", name)
        let role = v.oneOf("role", role, StaffRole.self, required: true)
        let agency = v.code("agency", agencyCode, required: false)
        let email = v.email("email", email)
        let scope = v.oneOf("scope", scope, Scope.self)
        guard v.errors.isEmpty, let name, let role else { throw ServiceError.invalid(v.errors) }
        let resolved = scope ?? (role == .hr && agency != nil ? .agency : .province)
        if resolved == .agency, agency == nil {
            throw ServiceError.invalid("scope", vi: "phạm vi agency cần --agency CODE", en: "scope agency needs --agency CODE")
        }
        if resolved == .agency, role == .admin {
            throw ServiceError.invalid("scope", vi: "quản trị hệ thống làm việc trên toàn tỉnh (phạm vi province)",
                                       en: "an administrator works on the whole province (scope province)")
        }
        self.name = name
        self.role = role.role
        self.agencyCode = agency
        self.email = email
        self.scope = resolved
    }
}

/// The roles a staff account can hold (partner credentials belong to partner institutions).
enum StaffRole: String, CaseIterable {
    case admin, hr, evaluator, leadership

    var role: Role {
        switch self {
        case .admin: .admin
        case .hr: .hr
        case .evaluator: .evaluator
        case .leadership: .leadership
        }
    }
}
