import Foundation

/// What a person or partner may do is decided by their role.
public enum Role: String, Sendable, Codable, CaseIterable {
    case admin
    case hr
    case evaluator
    case leadership
    case partner

    /// Every role of the province's own staff (everyone but partner universities).
    public static let staff: Set<Role> = [.admin, .hr, .evaluator, .leadership]
    /// Roles a staff user account can hold; partner tokens belong to partner institutions, not users.
    public static let userRoles: [Role] = [.admin, .hr, .evaluator, .leadership]
}

/// How much of the province a user works on: their own agency, or every agency (Sở Tư pháp consolidates).
public enum Scope: String, Sendable, CaseIterable {
    case agency
    case province
}

extension Scope: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .agency: LocalizedText(vi: "cơ quan mình", en: "own agency")
        case .province: LocalizedText(vi: "toàn tỉnh", en: "whole province")
        }
    }
}

/// The front end a write came through, recorded in the audit trail.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case cli
    case api
}

/// Who is acting (not named Actor, which is the standard library's protocol): the signed-in user or partner behind an API token, or the operator of the admin CLI.
public struct Principal: Sendable, Hashable {
    public var name: String
    public var role: Role
    public var channel: Channel
    public var userID: UUID?
    public var partnerCode: String?
    public var tokenID: UUID?
    /// `agency`: reads and changes only what belongs to `agencyCode` (see `Reach`).
    public var scope: Scope
    public var agencyCode: String?
    /// The signed-in session the request came with (nil for an issued token and for the CLI on the database).
    public var sessionID: UUID?

    public init(name: String, role: Role, channel: Channel, userID: UUID? = nil, partnerCode: String? = nil,
                tokenID: UUID? = nil, scope: Scope = .province, agencyCode: String? = nil) {
        self.name = name
        self.role = role
        self.channel = channel
        self.userID = userID
        self.partnerCode = partnerCode
        self.tokenID = tokenID
        self.scope = scope
        self.agencyCode = agencyCode
    }

    /// The staff user acting, with their role, scope and agency.
    public init(user: StaffUser, channel: Channel, tokenID: UUID? = nil) {
        self.init(name: user.name, role: user.role, channel: channel, userID: user.id, tokenID: tokenID,
                  scope: user.scope, agencyCode: user.agencyCode)
    }

    /// The operator of the admin CLI: whoever holds the database credentials acts as an administrator.
    public static func cliOperator(_ name: String) -> Principal {
        Principal(name: name, role: .admin, channel: .cli)
    }

    /// Throws `forbidden` unless the actor holds one of the roles.
    public func require(_ roles: Set<Role>) throws(ServiceError) {
        guard roles.contains(role) else { throw ServiceError.forbidden(role.rawValue) }
    }
}

extension Role: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .admin: LocalizedText(vi: "quản trị hệ thống", en: "administrator")
        case .hr: LocalizedText(vi: "cán bộ tổ chức, nhân sự", en: "HR officer")
        case .evaluator: LocalizedText(vi: "thành viên hội đồng đánh giá", en: "evaluator")
        case .leadership: LocalizedText(vi: "lãnh đạo", en: "leadership")
        case .partner: LocalizedText(vi: "trường đối tác", en: "partner")
        }
    }
}
