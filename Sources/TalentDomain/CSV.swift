import Foundation

/// An RFC 4180 CSV reader that takes bytes as they arrive and hands back whole records: quoted fields with commas,
/// doubled quotes and line breaks, CRLF or LF line ends, and a UTF-8 byte-order mark at the start. The separator is
/// `,` or, as Excel writes CSV with Vietnamese regional settings, `;`: whichever the first line (the header) has more
/// of outside quotes. Text that is not UTF-8 (a file Excel saved as Windows-1258) is never turned into replacement
/// characters silently: `invalidEncodingLine` names the first line that has it.
public struct CSVReader: Sendable {
    /// `,` or `;`; nil until the first line is seen.
    public private(set) var separator: UInt8?
    /// Bytes of the first line, held until its separator is known.
    private var firstLine: [UInt8] = []
    /// The first line whose bytes are not UTF-8.
    public private(set) var invalidEncodingLine: Int?
    private var field: [UInt8] = []
    private var record: [String] = []
    private var inQuotes = false
    private var quoteSeen = false
    private var atStart = true
    private var sawAnyByte = false
    /// Physical line of the file where the record being read began (1-based), for row-numbered errors.
    public private(set) var line = 1
    private var recordLine = 1
    private var pendingCR = false

    public init() {}

    /// A reader with its separator given, not detected.
    public init(separator: UInt8) {
        self.separator = separator
    }

    /// The separator a first line uses: `;` when it has more semicolons than commas outside quotes, else `,`.
    static func detectSeparator(_ line: [UInt8]) -> UInt8 {
        var quoted = false, commas = 0, semicolons = 0
        for byte in line {
            switch byte {
            case 0x22: quoted.toggle()
            case 0x2C where !quoted: commas += 1
            case 0x3B where !quoted: semicolons += 1
            default: break
            }
        }
        return semicolons > commas ? 0x3B : 0x2C
    }

    /// A finished record and the file line it started on.
    public struct Record: Sendable {
        public var fields: [String]
        public var line: Int
    }

    /// Feeds bytes; returns the records completed by them.
    public mutating func feed(_ bytes: [UInt8]) -> [Record] {
        guard separator != nil else {
            firstLine.append(contentsOf: bytes)
            guard let end = firstLine.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return [] }
            separator = Self.detectSeparator(Array(firstLine[..<end]))
            let held = firstLine
            firstLine = []
            return feed(held)
        }
        let separator = self.separator ?? 0x2C
        var out: [Record] = []
        for byte in bytes {
            if atStart {
                atStart = false
                if byte == 0xEF { bomProgress = 1; continue }
            }
            if bomProgress > 0 && bomProgress < 3 {
                let expected: [UInt8] = [0xEF, 0xBB, 0xBF]
                if byte == expected[bomProgress] {
                    bomProgress += 1
                    continue
                }
                // Not a BOM after all: keep the bytes taken so far.
                field.append(contentsOf: expected[0..<bomProgress])
                bomProgress = 3
            }
            sawAnyByte = true
            if pendingCR {
                pendingCR = false
                if byte == 0x0A { continue }
            }
            if inQuotes {
                if byte == 0x22 {
                    inQuotes = false
                    quoteSeen = true
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22:
                if quoteSeen { field.append(0x22) }  // a doubled quote inside a quoted field
                inQuotes = true
                quoteSeen = false
            case separator:
                endField()
            case 0x0D, 0x0A:
                if byte == 0x0D { pendingCR = true }
                endField()
                out.append(Record(fields: record, line: recordLine))
                record = []
                line += 1
                recordLine = line
            default:
                quoteSeen = false
                field.append(byte)
            }
        }
        return out
    }

    private var bomProgress = 0

    /// Ends the input: the last record if the file did not end with a line break.
    public mutating func finish() -> Record? {
        if separator == nil {
            // A file of one line and no line break.
            separator = Self.detectSeparator(firstLine)
            let held = firstLine
            firstLine = []
            if let record = feed(held).first { return record }
        }
        if bomProgress > 0 && bomProgress < 3 {
            field.append(contentsOf: [UInt8]([0xEF, 0xBB, 0xBF])[0..<bomProgress])
            bomProgress = 3
        }
        guard !field.isEmpty || !record.isEmpty || quoteSeen else { return nil }
        endField()
        defer { record = [] }
        return Record(fields: record, line: recordLine)
    }

    /// True when the input ended inside a quoted field.
    public var unterminatedQuote: Bool { inQuotes }

    private mutating func endField() {
        // One pass over the bytes when they are UTF-8 (every row of a good file); the line is noted when not.
        if let text = String(validating: field, as: UTF8.self) {
            record.append(text)
        } else {
            if invalidEncodingLine == nil { invalidEncodingLine = recordLine }
            record.append(String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
        quoteSeen = false
    }
}

/// Writes CSV fields, quoting those that need it.
public enum CSVWriter {
    /// The UTF-8 byte-order mark that makes Excel read the file as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    public static func line(_ fields: [String]) -> String {
        fields.map { raw in
            let field = neutralized(raw)
            return field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }

    /// A cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return) gets a leading `'`, so that Excel shows it as text (OWASP's advice against CSV injection). Numbers
    /// such as `+84912345678` or `-3.5` are left as they are: they are not formulas.
    public static func neutralized(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return field
        }
        var digits = field.unicodeScalars.dropFirst()
        if first == "+" || first == "-" {
            while digits.first == " " { digits = digits.dropFirst() }
            if !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == " " }),
               digits.contains(where: { ("0"..."9").contains($0) }) {
                return field
            }
        }
        return "'" + field
    }
}
