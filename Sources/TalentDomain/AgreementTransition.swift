import Foundation

/// A change of an agreement's state, with its reason: the action, or the status `PATCH /v1/agreements/{id}` asks
/// for with `{"status": ...}`, which names the action that reaches it.
public struct AgreementTransition: Sendable, Hashable {
    public var action: AgreementAction
    public var reason: String?

    public init(_ action: AgreementAction, reason: String? = nil) throws(ServiceError) {
        var v = FieldValidator()
        let reason = v.text("reason", reason, maxLength: 2000, multiline: true)
        guard v.errors.isEmpty else { throw ServiceError.invalid(v.errors) }
        self.action = action
        self.reason = reason
    }

    /// `status` is `active`, `suspended` or `terminated`; no action leads back to `draft` or to `expired`, which
    /// only the dates reach.
    public init(reaching status: String?, reason: String?) throws(ServiceError) {
        var v = FieldValidator()
        let action = status.flatMap(AgreementStatus.init(rawValue:)).flatMap(AgreementAction.init(reaching:))
        if action == nil {
            v.add("status", vi: "phải là active, suspended hoặc terminated", en: "must be active, suspended or terminated")
        }
        let reason = v.text("reason", reason, maxLength: 2000, multiline: true)
        guard v.errors.isEmpty, let action else { throw ServiceError.invalid(v.errors) }
        self.action = action
        self.reason = reason
    }
}
