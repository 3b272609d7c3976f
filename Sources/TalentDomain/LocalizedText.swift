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

/// A code stored and sent as its raw value (`non_state`) that people read as a label ("ngoài khu vực nhà nước").
/// JSON and CSV keep the raw value; tables and messages show the label.
public protocol LabeledCode: RawRepresentable where RawValue == String {
    var label: LocalizedText { get }
}

extension LabeledCode {
    /// The label of `raw` when it is a known code, else `raw` as it is.
    public static func label(of raw: String, _ language: Language) -> String {
        Self(rawValue: raw)?.label.text(language) ?? raw
    }
}
