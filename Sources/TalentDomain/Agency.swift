import Foundation

/// The kind of a government body; district-level bodies were abolished on 1 July 2025 and stay as history.
public enum AgencyKind: String, Sendable, Codable, CaseIterable {
    case department
    case district
    case commune
    case other
}

public enum AgencyStatus: String, Sendable, Codable, CaseIterable {
    case active
    case retired
}

/// A provincial department, a People's Committee or another body that posts positions and is given targets.
public struct Agency: Sendable, Hashable {
    public var code: String
    public var name: String
    public var kind: AgencyKind
    public var status: AgencyStatus
    public var mergedInto: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(code: String, name: String, kind: AgencyKind, status: AgencyStatus, mergedInto: String?,
                createdAt: Date, updatedAt: Date) {
        self.code = code
        self.name = name
        self.kind = kind
        self.status = status
        self.mergedInto = mergedInto
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A new agency, checked: its code, its name and its kind (`department` unless given).
public struct NewAgency: Sendable, Hashable {
    public var code: String
    public var name: String
    public var kind: AgencyKind

    public init(code: String?, name: String?, kind: String?) throws(ServiceError) {
        var v = FieldValidator()
        let code = v.code("code", code)
        let name = v.text("name", name, required: true, maxLength: 200)
        let kind = v.oneOf("kind", kind ?? AgencyKind.department.rawValue, AgencyKind.self)
        guard v.errors.isEmpty, let code, let name, let kind else { throw ServiceError.invalid(v.errors) }
        self.code = code
        self.name = name
        self.kind = kind
    }
}

/// An agency's new name, checked.
public struct AgencyRename: Sendable, Hashable {
    public var name: String

    public init(name: String?) throws(ServiceError) {
        var v = FieldValidator()
        let name = v.text("name", name, required: true, maxLength: 200)
        guard v.errors.isEmpty, let name else { throw ServiceError.invalid(v.errors) }
        self.name = name
    }
}

/// An agency's retirement, optionally into the agency that took over its work (`merged_into`, a code).
public struct AgencyRetirement: Sendable, Hashable {
    public var mergedInto: String?

    public init(mergedInto: String?) throws(ServiceError) {
        var v = FieldValidator()
        let target = v.code("merged_into", mergedInto, required: false)
        try v.check()
        self.mergedInto = target
    }
}

extension AgencyKind: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .department: LocalizedText(vi: "sở, ban, ngành", en: "department")
        case .district: LocalizedText(vi: "UBND cấp huyện (trước 01/7/2025)", en: "district")
        case .commune: LocalizedText(vi: "UBND cấp xã", en: "commune")
        case .other: LocalizedText(vi: "cơ quan khác", en: "other")
        }
    }
}

extension AgencyStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .active: LocalizedText(vi: "đang hoạt động", en: "active")
        case .retired: LocalizedText(vi: "đã giải thể, sáp nhập", en: "retired")
        }
    }
}
