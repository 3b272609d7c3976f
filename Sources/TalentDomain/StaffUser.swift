import Foundation

/// A member of staff who signs in to the API: HR officers, evaluators, leaders and administrators.
public struct StaffUser: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var role: Role
    public var agencyCode: String?
    public var email: String?
    public var createdAt: Date

    public init(id: UUID, name: String, role: Role, agencyCode: String?, email: String?, createdAt: Date) {
        self.id = id
        self.name = name
        self.role = role
        self.agencyCode = agencyCode
        self.email = email
        self.createdAt = createdAt
    }
}

/// A new staff user, checked: a person's name, a staff role, and optionally an agency code and an e-mail.
public struct NewStaffUser: Sendable, Hashable {
    public var name: String
    public var role: Role
    public var agencyCode: String?
    public var email: String?

    public init(name: String?, role: String?, agencyCode: String?, email: String?) throws(ServiceError) {
        var v = FieldValidator()
        let name = v.personName("name", name)
        let role = v.oneOf("role", role, StaffRole.self, required: true)
        let agency = v.code("agency", agencyCode, required: false)
        let email = v.email("email", email)
        guard v.errors.isEmpty, let name, let role else { throw ServiceError.invalid(v.errors) }
        self.name = name
        self.role = role.role
        self.agencyCode = agency
        self.email = email
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
