import Foundation

/// Normalizers for the identifiers people type. Each returns the stored form, or nil when the input is not valid.
public enum Normalize {
    /// A citizen ID (căn cước công dân): exactly 12 ASCII digits, surrounding white space ignored.
    public static func citizenID(_ raw: String) -> String? {
        let text = raw.trimmed
        guard text.utf8.count == 12, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return text
    }

    /// A Vietnamese phone number in E.164 form, `+84` then 9 digits (mobile) or 10 digits (landline, area code 2xx).
    /// Accepts `0912 345 678`, `0912.345.678`, `+84 912 345 678`, `84912345678`, `0084912345678`, `(0273) 3 872 123`.
    public static func phone(_ raw: String) -> String? {
        var digits = ""
        var sawPlus = false
        for (index, ch) in raw.trimmed.enumerated() {
            switch ch {
            case "0"..."9": digits.append(ch)
            case "+" where index == 0: sawPlus = true
            case " ", ".", "-", "(", ")": continue
            default: return nil
            }
        }
        var national: Substring
        if sawPlus {
            guard digits.hasPrefix("84") else { return nil }
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0084") {
            national = digits.dropFirst(4)
        } else if digits.hasPrefix("0") {
            national = digits.dropFirst(1)
        } else if digits.hasPrefix("84"), digits.count == 11 || digits.count == 12 {
            national = digits.dropFirst(2)
        } else {
            return nil
        }
        if national.hasPrefix("0") { national = national.dropFirst() }  // +84 0912… typed with the trunk zero
        guard let first = national.first else { return nil }
        switch (national.count, first) {
        case (9, "3"), (9, "5"), (9, "7"), (9, "8"), (9, "9"): break  // mobile
        case (10, "2"): break  // landline with its 3-digit area code
        default: return nil
        }
        return "+84" + national
    }

    /// An e-mail address, trimmed and lower-cased; nil unless it looks like `local@domain.tld`.
    public static func email(_ raw: String) -> String? {
        let text = raw.trimmed.lowercased()
        if let ascii = asciiEmail(text) { return ascii ? text : nil }
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace || $0.isNewline }),
              !VietnameseText.hasControlCharacters(text)
        else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return nil }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
              labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              labels.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
              let tld = labels.last, tld.count >= 2
        else { return nil }
        return text
    }

    /// The common case, an all-ASCII address, checked byte by byte: true or false, or nil when not ASCII.
    static func asciiEmail(_ text: String) -> Bool? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")),
              bytes.lastIndex(of: UInt8(ascii: "@")) == at, at > 0, at <= 64
        else { return false }
        let local = bytes[..<at]
        guard local.allSatisfy({ $0 > 0x20 && $0 != 0x7F && $0 != UInt8(ascii: ",") }) else { return false }
        let labels = bytes[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.last!.count >= 2 else { return false }
        for label in labels {
            guard let first = label.first, let last = label.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-"),
                  label.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") })
            else { return false }
        }
        return true
    }

    /// A person's name: NFC, surrounding white space trimmed, otherwise exactly as typed; at most 200 Unicode scalars
    /// as sent.
    public static func personName(_ raw: String) -> String? {
        guard raw.unicodeScalars.count <= 200 else { return nil }
        let text = VietnameseText.nfc(raw).trimmed
        guard !text.isEmpty, !VietnameseText.hasControlCharacters(text),
              text.contains(where: \.isLetter)
        else { return nil }
        return text
    }

    /// A short code for an agency or partner: ASCII letters (stored upper-case), digits, `-` and `_`, at most 32.
    public static func code(_ raw: String) -> String? {
        let trimmed = raw.trimmed
        // Only ASCII is upper-cased: `ß` is not the code `SS`.
        guard trimmed.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        let text = trimmed.uppercased()
        guard (1...32).contains(text.count),
              text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }),
              text.first.map({ $0.isLetter || $0.isNumber }) == true
        else { return nil }
        return text
    }
}
