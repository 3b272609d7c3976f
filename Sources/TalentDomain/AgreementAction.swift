import Foundation

/// The moves of an agreement's life: draft → active → suspended or terminated; suspended → active again.
public enum AgreementAction: String, Sendable, CaseIterable {
    case activate, suspend, terminate

    /// The action that brings an agreement to `status`, as `PATCH /v1/agreements/{id}` asks for it with
    /// `{"status": ...}`; none leads back to `draft` or to `expired`, which only the dates reach.
    public init?(reaching status: AgreementStatus) {
        guard let action = Self.allCases.first(where: { $0.target == status }) else { return nil }
        self = action
    }

    public var target: AgreementStatus {
        switch self {
        case .activate: .active
        case .suspend: .suspended
        case .terminate: .terminated
        }
    }

    /// Throws a clear error unless the action is allowed from the stored status.
    public func check(from status: AgreementStatus) throws(ServiceError) {
        let allowed: Set<AgreementStatus> = switch self {
        case .activate: [.draft, .suspended]
        case .suspend: [.active]
        case .terminate: [.draft, .active, .suspended]
        }
        guard allowed.contains(status) else {
            throw ServiceError(.conflict, slug: "invalid-agreement-transition", LocalizedText(
                vi: "Không thể \(label.vi) thỏa thuận đang ở trạng thái “\(status.label.vi)”",
                en: "Cannot \(rawValue) an agreement that is \(status.rawValue)"))
        }
    }
}

extension AgreementAction: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .activate: LocalizedText(vi: "kích hoạt", en: "activate")
        case .suspend: LocalizedText(vi: "tạm dừng", en: "suspend")
        case .terminate: LocalizedText(vi: "chấm dứt", en: "terminate")
        }
    }
}
