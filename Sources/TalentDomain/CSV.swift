import Foundation

/// An RFC 4180 CSV reader that takes bytes as they arrive and hands back whole records: quoted fields with commas,
/// doubled quotes and line breaks, CRLF or LF line ends, and a UTF-8 byte-order mark at the start.
public struct CSVReader: Sendable {
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

    /// A finished record and the file line it started on.
    public struct Record: Sendable {
        public var fields: [String]
        public var line: Int
    }

    /// Feeds bytes; returns the records completed by them.
    public mutating func feed(_ bytes: [UInt8]) -> [Record] {
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
            case 0x2C:
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
        record.append(String(decoding: field, as: UTF8.self))
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
