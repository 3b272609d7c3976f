import Foundation

/// Where one evaluator stands on one application's panel.
public enum PanelMemberStatus: String, Sendable, Codable, CaseIterable {
    case assigned, submitted, recused
    /// A sheet was typed in for the evaluator and waits for their confirmation; it does not count yet.
    case awaitingConfirmation = "awaiting_confirmation"
}

/// An evaluator assigned to an application.
public struct PanelMember: Sendable, Hashable {
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
}

extension PanelMemberStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .assigned: LocalizedText(vi: "đã phân công, chưa chấm", en: "assigned")
        case .submitted: LocalizedText(vi: "đã nộp phiếu", en: "submitted")
        case .recused: LocalizedText(vi: "đã rút (xung đột lợi ích)", en: "recused")
        case .awaitingConfirmation: LocalizedText(vi: "phiếu nhập hộ, chờ xác nhận", en: "awaiting confirmation")
        }
    }
}
