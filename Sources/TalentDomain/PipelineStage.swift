/// The stages of an application, in the contract's order:
/// `nominated → screening → evaluation → interview → offer → hired`, with `rejected` and `withdrawn` reachable from
/// any open stage and `pool` (kept in the talent pool) from `evaluation`, `interview` and `offer`.
public enum PipelineStage: String, Sendable, Codable, CaseIterable, Comparable {
    case nominated
    case screening
    case evaluation
    case interview
    case offer
    case hired
    case pool
    case rejected
    case withdrawn

    /// The forward path, one stage at a time.
    public static let path: [PipelineStage] = [.nominated, .screening, .evaluation, .interview, .offer, .hired]

    /// `hired`, `rejected` and `withdrawn` end an application; reopening one needs a reason.
    public var isClosed: Bool { self == .hired || self == .rejected || self == .withdrawn }
    public var isOpen: Bool { !isClosed }

    /// Position on the forward path (nil for pool, rejected, withdrawn).
    public var step: Int? { Self.path.firstIndex(of: self) }

    public static func < (a: PipelineStage, b: PipelineStage) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    public var label: LocalizedText {
        switch self {
        case .nominated: LocalizedText(vi: "được đề cử", en: "nominated")
        case .screening: LocalizedText(vi: "sàng lọc hồ sơ", en: "screening")
        case .evaluation: LocalizedText(vi: "đánh giá", en: "evaluation")
        case .interview: LocalizedText(vi: "phỏng vấn", en: "interview")
        case .offer: LocalizedText(vi: "đề nghị tuyển dụng", en: "offer")
        case .hired: LocalizedText(vi: "đã tuyển dụng", en: "hired")
        case .pool: LocalizedText(vi: "nguồn dự trữ", en: "talent pool")
        case .rejected: LocalizedText(vi: "không được chọn", en: "rejected")
        case .withdrawn: LocalizedText(vi: "rút hồ sơ", en: "withdrawn")
        }
    }
}

/// The rules of moving an application from one stage to another. Pure, so every allowed and refused move is tested.
public enum StageMachine {
    public enum Verdict: Sendable, Equatable {
        /// Allowed as it is.
        case allowed
        /// Allowed only with a reason (a move back, a return from the pool, a reopening).
        case needsReason
        /// Never allowed.
        case refused
    }

    public static func verdict(from: PipelineStage, to: PipelineStage) -> Verdict {
        if from == to { return .refused }
        if from.isClosed {
            // Reopening: back to any open stage, with a reason. One closed state never turns into another.
            return to.isClosed ? .refused : .needsReason
        }
        switch to {
        case .rejected, .withdrawn:
            return .allowed
        case .pool:
            return [.evaluation, .interview, .offer].contains(from) ? .allowed : .refused
        case .hired:
            return from == .offer ? .allowed : .refused
        default:
            guard let target = to.step else { return .refused }
            if from == .pool { return .needsReason }  // back out of the pool to an earlier or the same open stage
            guard let current = from.step else { return .refused }
            if target == current + 1 { return .allowed }
            if target < current { return .needsReason }
            return .refused  // skipping stages
        }
    }

    /// Throws a clear error unless the move is allowed (with the reason, when one is needed).
    public static func check(from: PipelineStage, to: PipelineStage, reason: String?) throws(ServiceError) {
        switch verdict(from: from, to: to) {
        case .allowed:
            return
        case .needsReason:
            if let reason, !reason.trimmed.isEmpty { return }
            throw ServiceError(
                .invalid, slug: "reason-required",
                LocalizedText(vi: "Chuyển từ “\(from.label.vi)” sang “\(to.label.vi)” cần nêu lý do (--reason)",
                              en: "Moving from \(from.rawValue) to \(to.rawValue) needs a reason (--reason)"),
                fieldErrors: [FieldError("reason", vi: "bắt buộc cho bước chuyển này", en: "is required for this move")])
        case .refused:
            let allowedStages = PipelineStage.allCases.filter { verdict(from: from, to: $0) != .refused }
            let allowed = allowedStages.map(\.rawValue)
            // People read the labels; the code in parentheses is what `--to` takes.
            let allowedVi = allowedStages.map { "\($0.label.vi) (\($0.rawValue))" }
            throw ServiceError(
                .conflict, slug: "invalid-transition",
                LocalizedText(vi: "Không thể chuyển từ “\(from.label.vi)” sang “\(to.label.vi)”; có thể chuyển sang: \(allowedVi.joined(separator: ", "))",
                              en: "Cannot move from \(from.rawValue) to \(to.rawValue); allowed: \(allowed.joined(separator: ", "))"),
                fieldErrors: [FieldError("to", vi: "không được phép từ “\(from.label.vi)”", en: "is not allowed from \(from.rawValue)")])
        }
    }
}

extension PipelineStage: LabeledCode {}
