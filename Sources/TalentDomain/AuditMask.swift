import Foundation

/// What the audit trail keeps of a person's identifiers (issue 13, item 9): never the full citizen ID, e-mail or
/// phone, which the trail could then never erase, but enough to see that one was set or changed and to tell two
/// apart at a glance: `********0123`, `t***@example.edu.vn`, `+84******678`.
public enum AuditMask {
    public static func citizenID(_ text: String) -> String { text.maskedCitizenID }

    /// The first character of the local part and the domain.
    public static func email(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), at > text.startIndex else { return "***" }
        return String(text[text.startIndex]) + "***" + String(text[at...])
    }

    /// The country prefix and the last three digits.
    public static func phone(_ text: String) -> String {
        let prefix = text.hasPrefix("+84") ? "+84" : ""
        let digits = text.dropFirst(prefix.count)
        guard digits.count > 3 else { return prefix + String(repeating: "*", count: digits.count) }
        return prefix + String(repeating: "*", count: digits.count - 3) + String(digits.suffix(3))
    }

    public static func contact(_ contact: CandidateContact) -> CandidateContact {
        var masked = contact
        masked.value = contact.kind == .email ? email(contact.value) : phone(contact.value)
        return masked
    }
}

extension Candidate {
    /// The profile as the audit trail records it: identifiers masked (`AuditMask`), the rest as the API shows it.
    public var audited: Candidate {
        var copy = self
        copy.citizenID = citizenID.map(AuditMask.citizenID)
        copy.email = email.map(AuditMask.email)
        copy.phone = phone.map(AuditMask.phone)
        copy.otherContacts = otherContacts.map(AuditMask.contact)
        return copy
    }
}
