import Foundation

/// Where one evaluator stands on one application's panel.
public enum PanelMemberStatus: String, Sendable, Codable, CaseIterable {
    case assigned, submitted, recused
}

/// An evaluator assigned to an application.
public struct PanelMember: Sendable, Hashable, Encodable {
    public var applicationID: UUID
    public var evaluatorID: UUID
    public var evaluatorName: String
    public var status: PanelMemberStatus
    public var assignedBy: String
    public var assignedAt: Date
    public var recusedAt: Date?
    public var recusalReason: String?

    public init(applicationID: UUID, evaluatorID: UUID, evaluatorName: String, status: PanelMemberStatus,
                assignedBy: String, assignedAt: Date, recusedAt: Date?, recusalReason: String?) {
        self.applicationID = applicationID
        self.evaluatorID = evaluatorID
        self.evaluatorName = evaluatorName
        self.status = status
        self.assignedBy = assignedBy
        self.assignedAt = assignedAt
        self.recusedAt = recusedAt
        self.recusalReason = recusalReason
    }

    enum CodingKeys: String, CodingKey {
        case applicationID = "application_id", evaluatorID = "evaluator_id", evaluatorName = "evaluator_name", status
        case assignedBy = "assigned_by", assignedAt = "assigned_at", recusedAt = "recused_at"
        case recusalReason = "recusal_reason"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(applicationID.text, forKey: .applicationID)
        try c.encode(evaluatorID.text, forKey: .evaluatorID)
        try c.encode(evaluatorName, forKey: .evaluatorName)
        try c.encode(status, forKey: .status)
        try c.encode(assignedBy, forKey: .assignedBy)
        try c.encode(assignedAt, forKey: .assignedAt)
        try c.encode(recusedAt, forKey: .recusedAt)
        try c.encode(recusalReason, forKey: .recusalReason)
    }
}

extension PanelMemberStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .assigned: LocalizedText(vi: "đã phân công, chưa chấm", en: "assigned")
        case .submitted: LocalizedText(vi: "đã nộp phiếu", en: "submitted")
        case .recused: LocalizedText(vi: "đã rút (xung đột lợi ích)", en: "recused")
        }
    }
}
