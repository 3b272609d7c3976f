/// The languages human-facing output is written in. Vietnamese is the default.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi
    case en

    /// Picks a language from an `Accept-Language` header or a `LANG`-style value; Vietnamese unless English is asked for first.
    public static func negotiate(_ header: String?) -> Language {
        guard let header, !header.isEmpty else { return .vi }
        for part in header.lowercased().split(separator: ",") {
            let tag = part.split(separator: ";")[0].trimmed
            if tag.hasPrefix("vi") { return .vi }
            if tag.hasPrefix("en") { return .en }
        }
        return .vi
    }
}

/// A message for people, in both languages the product speaks.
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .en ? en : vi
    }

    public var description: String { vi }
}
