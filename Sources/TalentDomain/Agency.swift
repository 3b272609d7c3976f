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
public struct Agency: Sendable, Encodable, Hashable {
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

    enum CodingKeys: String, CodingKey {
        case code, name, kind, status, mergedInto = "merged_into", createdAt = "created_at", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(status, forKey: .status)
        try c.encode(mergedInto, forKey: .mergedInto)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
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
