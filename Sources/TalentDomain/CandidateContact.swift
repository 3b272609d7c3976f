import Foundation

/// The kind of a secondary contact.
public enum ContactKind: String, Sendable, CaseIterable, LabeledCode {
    case email, phone

    public var label: LocalizedText {
        switch self {
        case .email: LocalizedText(vi: "thư điện tử", en: "e-mail")
        case .phone: LocalizedText(vi: "điện thoại", en: "phone")
        }
    }
}

/// An e-mail or phone kept on a profile besides its own: the one a merge would otherwise have dropped.
public struct CandidateContact: Sendable, Hashable {
    public var kind: ContactKind
    /// Normalized as the profile's own (`+84…`, lower-case e-mail).
    public var value: String
    /// The profile that was merged into this one and had it, when it came from a merge.
    public var mergedFrom: UUID?

    public init(kind: ContactKind, value: String, mergedFrom: UUID? = nil) {
        self.kind = kind
        self.value = value
        self.mergedFrom = mergedFrom
    }
}
