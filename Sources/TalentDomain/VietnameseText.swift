import Foundation

/// Text rules for Vietnamese: storage in NFC exactly as typed, and a folded form for matching that ignores
/// tone marks, other diacritics and case (`đ` matches `d`).
public enum VietnameseText {
    /// Unicode NFC, the form every name is stored in.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// Lower-case, diacritic-free form used for search: "Nguyễn Thị Đào" → "nguyen thi dao".
    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            switch scalar {
            case "đ", "Đ", "\u{0111}", "\u{0110}": result.append("d")
            default: result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        // Collapse runs of white space so "Nguyễn  Văn" still matches "nguyen van".
        return String(result).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// True when the text holds a control character (NUL included) other than tab and line breaks.
    public static func hasControlCharacters(_ text: String, allowLineBreaks: Bool = false) -> Bool {
        text.unicodeScalars.contains { scalar in
            if allowLineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
            return scalar.properties.generalCategory == .control
        }
    }
}
