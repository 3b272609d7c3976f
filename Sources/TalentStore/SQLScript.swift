/// Splits a SQL file into statements. PostgresNIO speaks the extended protocol, which takes one statement at a
/// time, so a migration file is cut at each `;` outside quotes, dollar-quoted bodies and comments.
public enum SQLScript {
    public static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        let chars = Array(script.unicodeScalars)
        var i = 0
        var dollarTag: String?

        func flush() {
            let text = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty, !isOnlyComments(text) { statements.append(text) }
            current = ""
        }

        while i < chars.count {
            let c = chars[i]
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            if let tag = dollarTag {
                if c == "$", matches(chars, at: i, tag) {
                    current += tag
                    i += tag.unicodeScalars.count
                    dollarTag = nil
                } else {
                    current.unicodeScalars.append(c)
                    i += 1
                }
                continue
            }
            switch c {
            case "'", "\"":
                // A quoted literal or identifier; a doubled quote inside is an escaped quote.
                current.unicodeScalars.append(c)
                i += 1
                while i < chars.count {
                    current.unicodeScalars.append(chars[i])
                    if chars[i] == c {
                        if i + 1 < chars.count, chars[i + 1] == c {
                            current.unicodeScalars.append(chars[i + 1])
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    i += 1
                }
            case "-" where next == "-":
                while i < chars.count, chars[i] != "\n" {
                    current.unicodeScalars.append(chars[i])
                    i += 1
                }
            case "/" where next == "*":
                var depth = 0
                repeat {
                    if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                        depth += 1
                        current += "/*"
                        i += 2
                    } else if chars[i] == "*", i + 1 < chars.count, chars[i + 1] == "/" {
                        depth -= 1
                        current += "*/"
                        i += 2
                    } else {
                        current.unicodeScalars.append(chars[i])
                        i += 1
                    }
                } while depth > 0 && i < chars.count
            case "$":
                if let tag = dollarQuoteTag(chars, at: i) {
                    dollarTag = tag
                    current += tag
                    i += tag.unicodeScalars.count
                } else {
                    current.unicodeScalars.append(c)
                    i += 1
                }
            case ";":
                flush()
                i += 1
            default:
                current.unicodeScalars.append(c)
                i += 1
            }
        }
        flush()
        return statements
    }

    /// `$$` or `$name$` starting at `i`, or nil when the `$` is something else (a parameter such as `$1`).
    static func dollarQuoteTag(_ chars: [Unicode.Scalar], at i: Int) -> String? {
        var j = i + 1
        var tag = "$"
        while j < chars.count {
            let c = chars[j]
            if c == "$" { return tag + "$" }
            let isIdentifier = c.properties.isAlphabetic || c == "_" || (j > i + 1 && ("0"..."9").contains(c))
            guard isIdentifier else { return nil }
            tag.unicodeScalars.append(c)
            j += 1
        }
        return nil
    }

    static func matches(_ chars: [Unicode.Scalar], at i: Int, _ tag: String) -> Bool {
        let t = Array(tag.unicodeScalars)
        guard i + t.count <= chars.count else { return false }
        return Array(chars[i..<(i + t.count)]) == t
    }

    static func isOnlyComments(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
    }
}
