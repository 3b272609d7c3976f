import Foundation

/// Text rules for Vietnamese: storage in NFC exactly as typed, and a folded form for matching that ignores
/// tone marks, other diacritics and case (`đ` matches `d`).
public enum VietnameseText {
    /// Unicode NFC, the form every name is stored in.
    public static func nfc(_ text: String) -> String {
        // Fast path: text made only of ASCII and precomposed Vietnamese letters has no combining marks, so it is
        // already NFC (Foundation's normalization is slow on Linux, and imports call this for every field).
        if text.unicodeScalars.allSatisfy({ $0.isASCII || precomposed.contains($0) }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Every precomposed letter of Vietnamese, lower and upper case.
    static let vietnameseLetters: String = {
        let lower = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
        return lower + lower.uppercased()
    }()
    static let precomposed: Set<Unicode.Scalar> = Set(vietnameseLetters.unicodeScalars)

    /// The folded form of each Vietnamese letter ("ễ" → "e", "Đ" → "d"), computed once by the slow path.
    static let foldedLetters: [Character: Character] = {
        var table: [Character: Character] = [:]
        for letter in vietnameseLetters { table[letter] = slowFold(String(letter)).first }
        return table
    }()

    /// Lower-case, diacritic-free form used for search: "Nguyễn Thị Đào" → "nguyen thi dao".
    public static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            let folded: Character
            if let ascii = character.asciiValue {
                // ASCII without Unicode's property tables (`isWhitespace`, `lowercased()`): most of an import's time
                // once went to them. White space is what `isWhitespace` says for ASCII: tab to carriage return, space.
                if ascii == 0x20 || (0x09...0x0D).contains(ascii) {
                    pendingSpace = !result.isEmpty
                    continue
                }
                folded = (0x41...0x5A).contains(ascii) ? Character(Unicode.Scalar(ascii + 0x20)) : character
            } else if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            } else if let mapped = foldedLetters[character] {
                folded = mapped
            } else {
                return slowFold(text)
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(folded)
        }
        return result
    }

    static func slowFold(_ text: String) -> String {
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

    /// Each Vietnamese letter's rank and tone, computed once by the slow path.
    static let letterParts: [Character: (rank: Character, tone: Character)] = {
        var table: [Character: (rank: Character, tone: Character)] = [:]
        for letter in vietnameseLetters.lowercased() + "abcdefghijklmnopqrstuvwxyz" {
            if let parts = slowParts(letter) { table[letter] = parts }
        }
        return table
    }()

    static func slowParts(_ character: Character) -> (rank: Character, tone: Character)? {
        let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        var tone: Character = "0"
        var base = String.UnicodeScalarView()
        for scalar in scalars {
            if let rank = toneRank[scalar] { tone = rank } else { base.append(scalar) }
        }
        let letter = Character(String(String(base).precomposedStringWithCanonicalMapping))
        guard let rank = letterRank[letter] else { return nil }
        return (rank, tone)
    }

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
                if let parts = letterParts[character] ?? slowParts(character) {
                    letters.append(parts.rank)
                    tones.append(parts.tone)
                } else if character.isASCII, character.isNumber {
                    letters.append(character)
                    tones.append("0")
                }
            }
            // Within a word, letters first and tones only to break ties; \u{1} ends a word, below everything else.
            return letters + "\u{2}" + tones
        }.joined(separator: "\u{1}")
    }
}

extension StringProtocol {
    /// The text without white space or line breaks at either end (pure Swift: Foundation's trimming bridges through
    /// NSString, which is slow on Linux in per-row work such as imports).
    public var trimmed: String {
        let scalars = unicodeScalars
        // Nearly every value is already trimmed: check the two ends before building anything.
        if let head = scalars.first, let tail = scalars.last, !head.properties.isWhitespace, !tail.properties.isWhitespace {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }
}
