import Foundation
import TalentDomain

#if canImport(Glibc)
import Glibc
#endif

/// Where a command's output goes and what it knows of its surroundings. A task-local, so tests run commands in
/// parallel, each with its own buffers and environment.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private var outBuffer: String?
    private var errBuffer: String?
    public let environment: [String: String]
    public let isTerminal: Bool

    /// Writes to the process's standard output and error.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        self.isTerminal = isatty(STDOUT_FILENO) == 1
    }

    /// Collects output in memory, for tests.
    public init(capturingWith environment: [String: String]) {
        self.environment = environment
        self.isTerminal = false
        self.outBuffer = ""
        self.errBuffer = ""
    }

    @TaskLocal public static var current = Console()

    public var capturedOutput: String { lock.withLock { outBuffer ?? "" } }
    public var capturedErrors: String { lock.withLock { errBuffer ?? "" } }

    func out(_ text: String) {
        lock.withLock {
            if outBuffer != nil { outBuffer! += text + "\n" } else { try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8)) }
        }
    }

    /// True when output is collected in memory (tests).
    var isCapturing: Bool { lock.withLock { outBuffer != nil } }

    /// Writes text as it is, without adding a line break.
    func write(_ text: String) {
        lock.withLock {
            if outBuffer != nil { outBuffer! += text } else { try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) }
        }
    }

    func err(_ text: String) {
        lock.withLock {
            if errBuffer != nil { errBuffer! += text + "\n" } else { try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8)) }
        }
    }

    /// The language of human-facing output: `--lang`, else `TALENT_LANG`, else Vietnamese.
    func language(_ flag: Language?) -> Language {
        flag ?? environment["TALENT_LANG"].flatMap(Language.init(rawValue:)) ?? .vi
    }
}

/// How records are printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv
}

/// One column of a printed record: the API field name (json, csv) and the people's heading (table).
struct Column<Record>: @unchecked Sendable {
    var field: String
    var heading: LocalizedText
    var value: (Record) -> String

    init(_ field: String, vi: String, en: String, _ value: @escaping (Record) -> String) {
        self.field = field
        self.heading = LocalizedText(vi: vi, en: en)
        self.value = value
    }
}

/// How each kind of record is printed: each command file adds the columns of its resource (`Columns.agency` in
/// `AgencyCommands.swift`).
enum Columns {}

/// Renders records as a table, JSON (the API's shapes) or CSV.
struct Printer {
    var format: OutputFormat
    var language: Language
    var console: Console

    func list<Record: Encodable>(_ records: [Record], _ columns: [Column<Record>], nextCursor: String? = nil) {
        switch format {
        case .json:
            console.out(JSONFormat.string(records, pretty: true))
        case .csv:
            console.out(csvLine(columns.map(\.field)))
            for record in records { console.out(csvLine(columns.map { $0.value(record) })) }
        case .table:
            if records.isEmpty {
                console.out(language == .en ? "(none)" : "(không có)")
                return
            }
            let rows = records.map { record in columns.map { $0.value(record) } }
            table(header: columns.map { $0.heading.text(language) }, rows: rows)
            if let nextCursor {
                console.out(language == .en ? "More: --cursor \(nextCursor)" : "Còn nữa: --cursor \(nextCursor)")
            }
        }
    }

    /// One record: JSON as the API returns it, CSV with a header, or `heading: value` lines.
    func record<Record: Encodable>(_ record: Record, _ columns: [Column<Record>], trailer: String? = nil) {
        switch format {
        case .json:
            console.out(JSONFormat.string(record, pretty: true))
        case .csv:
            console.out(csvLine(columns.map(\.field)))
            console.out(csvLine(columns.map { $0.value(record) }))
        case .table:
            let headings = columns.map { $0.heading.text(language) }
            let width = headings.map(\.count).max() ?? 0
            for (heading, column) in zip(headings, columns) {
                console.out(heading + ":" + String(repeating: " ", count: width - heading.count + 1) + column.value(record))
            }
        }
        if let trailer, format == .table { console.out(trailer) }
    }

    func message(_ text: LocalizedText) {
        if format == .table { console.out(text.text(language)) }
    }

    private func table(header: [String], rows: [[String]]) {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        console.out(line(header))
        console.out(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { console.out(line(row)) }
    }

    private func csvLine(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",")
    }
}

extension Optional where Wrapped: CustomStringConvertible {
    /// A cell's text: the value, or empty.
    var cell: String { map(\.description) ?? "" }
}

extension Date {
    /// A time as people in the province read it: local date and time.
    var local: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = CalendarDate.vietnam
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: self)
    }
}
