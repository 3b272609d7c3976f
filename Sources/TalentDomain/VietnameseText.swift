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

    /// The letters in Vietnamese dictionary order (a ă â b c d đ e ê …), with f j w z placed as in Latin.
    static let alphabet: [Character] = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
                                        "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
    static let letterRank: [Character: Character] = {
        var ranks: [Character: Character] = [:]
        for (i, letter) in alphabet.enumerated() { ranks[letter] = Character(Unicode.Scalar(UInt8(65 + i))) }
        return ranks
    }()

    /// Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
    static let toneRank: [Unicode.Scalar: Character] = ["\u{0300}": "1", "\u{0309}": "2", "\u{0303}": "3", "\u{0301}": "4", "\u{0323}": "5"]

    /// A key that sorts names the Vietnamese way: by given name (the last word), then family and middle names;
    /// each word by its letters in Vietnamese alphabet order, then by its tones. "Nguyễn Văn An" sorts under A, and
    /// An < Anh < Ánh < Ân. ASCII only, so it orders correctly under the C collation.
    public static func sortKey(_ name: String) -> String {
        let words = nfc(name).lowercased().split(whereSeparator: \.isWhitespace)
        guard let given = words.last else { return "" }
        return ([given] + words.dropLast()).map { word in
            var letters = ""
            var tones = ""
            for character in word {
                let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
                var tone: Character = "0"
                var base = String.UnicodeScalarView()
                for scalar in scalars {
                    if let rank = toneRank[scalar] { tone = rank } else { base.append(scalar) }
                }
                let letter = Character(String(String(base).precomposedStringWithCanonicalMapping))
                if let rank = letterRank[letter] {
                    letters.append(rank)
                    tones.append(tone)
                } else if letter.isASCII, letter.isNumber {
                    letters.append(letter)
                    tones.append("0")
                }
            }
            // Within a word, letters first and tones only to break ties; \u{1} ends a word, below everything else.
            return letters + "\u{2}" + tones
        }.joined(separator: "\u{1}")
    }
}
