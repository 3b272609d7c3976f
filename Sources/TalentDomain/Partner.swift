import Foundation

public enum PartnerKind: String, Sendable, Codable, CaseIterable {
    case university, institute, college
}

/// A university, institute or college that trains and nominates talent under a partnership agreement.
public struct Partner: Sendable, Hashable {
    public var code: String
    public var name: String
    public var kind: PartnerKind
    public var contactName: String?
    public var contactEmail: String?
    public var contactPhone: String?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(code: String, name: String, kind: PartnerKind, contactName: String?, contactEmail: String?,
                contactPhone: String?, version: Int, createdAt: Date, updatedAt: Date) {
        self.code = code
        self.name = name
        self.kind = kind
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A partner institution as typed or sent, before it is checked.
public struct PartnerDraft: Sendable, Hashable {
    public var code: String?
    public var name: String?
    public var kind: String?
    public var contactName: String?
    public var contactEmail: String?
    public var contactPhone: String?

    public init(code: String?, name: String?, kind: String? = nil, contactName: String? = nil,
                contactEmail: String? = nil, contactPhone: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
    }
}

/// A checked partner institution; a university unless another kind is given.
public struct ValidPartner: Sendable, Hashable {
    public var code: String
    public var name: String
    public var kind: PartnerKind
    public var contactName: String?
    public var contactEmail: String?
    public var contactPhone: String?

    public init(_ draft: PartnerDraft) throws(ServiceError) {
        var v = FieldValidator()
        let code = v.code("code", draft.code)
        let name = v.text("name", draft.name, required: true, maxLength: 300)
        let kind = v.oneOf("kind", draft.kind ?? PartnerKind.university.rawValue, PartnerKind.self)
        contactName = v.personName("contact_name", draft.contactName, required: false)
        contactEmail = v.email("contact_email", draft.contactEmail)
        contactPhone = v.phone("contact_phone", draft.contactPhone)
        guard v.errors.isEmpty, let code, let name, let kind else { throw ServiceError.invalid(v.errors) }
        self.code = code
        self.name = name
        self.kind = kind
    }
}

extension PartnerKind: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .university: LocalizedText(vi: "trường đại học", en: "university")
        case .institute: LocalizedText(vi: "học viện, viện", en: "institute")
        case .college: LocalizedText(vi: "trường cao đẳng", en: "college")
        }
    }
}
