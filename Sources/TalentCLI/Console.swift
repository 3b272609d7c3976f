import Foundation
import TalentDomain
import TalentWire

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

/// One column of a printed record: the API field name (json, csv) and the people's heading (table). `value` is the
/// raw value that CSV writes; `cell` is what a table shows, which for a code is its label in the chosen language and
/// for a date is dd/mm/yyyy in Vietnamese tables.
struct Column<Record>: @unchecked Sendable {
    var field: String
    var heading: LocalizedText
    var value: (Record) -> String
    var cell: (Record, Language) -> String

    init(_ field: String, vi: String, en: String, _ value: @escaping (Record) -> String) {
        self.field = field
        self.heading = LocalizedText(vi: vi, en: en)
        self.value = value
        self.cell = { record, _ in value(record) }
    }

    init(_ field: String, vi: String, en: String, value: @escaping (Record) -> String,
         cell: @escaping (Record, Language) -> String) {
        self.field = field
        self.heading = LocalizedText(vi: vi, en: en)
        self.value = value
        self.cell = cell
    }

    /// A code: CSV writes its raw value (`non_state`), a table its label ("ngoài khu vực nhà nước").
    static func code<Code: LabeledCode>(_ field: String, vi: String, en: String, _ code: @escaping (Record) -> Code?)
        -> Column {
        Column(field, vi: vi, en: en, value: { code($0)?.rawValue ?? "" },
               cell: { record, language in code(record)?.label.text(language) ?? "" })
    }

    /// A time: CSV writes the local `yyyy-MM-dd HH:mm` it always wrote, a table `dd/MM/yyyy HH:mm`.
    static func time(_ field: String, vi: String, en: String, _ time: @escaping (Record) -> Date?) -> Column {
        Column(field, vi: vi, en: en, value: { time($0)?.local ?? "" }, cell: { record, _ in time(record)?.dayMonthYearTime ?? "" })
    }

    /// This column of a record found inside another (`TargetProgress.target`), with its table cell.
    func of<Outer>(_ inner: @escaping (Outer) -> Record) -> Column<Outer> {
        let value = self.value, cell = self.cell
        return Column<Outer>(field, vi: heading.vi, en: heading.en, value: { value(inner($0)) },
                             cell: { outer, language in cell(inner(outer), language) })
    }

    /// A date: CSV writes ISO 8601 (`2001-05-14`), a table dd/mm/yyyy (`14/05/2001`) in both languages.
    static func date(_ field: String, vi: String, en: String, _ date: @escaping (Record) -> CalendarDate?) -> Column {
        Column(field, vi: vi, en: en, value: { date($0)?.description ?? "" },
               cell: { record, _ in date(record)?.dayMonthYear ?? "" })
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
    /// At most this many records of a list are printed (`--limit` of a list read whole).
    var limit: Int?

    /// This printer, printing at most `limit` records of a list.
    func limited(_ limit: Int) -> Printer {
        var printer = self
        printer.limit = limit
        return printer
    }

    func list<Record: JSONWritable>(_ all: [Record], _ columns: [Column<Record>], nextCursor: String? = nil) {
        let records = limit.map { Array(all.prefix($0)) } ?? all
        let more = all.count - records.count
        switch format {
        case .json:
            console.out(records.jsonString(pretty: true))
        case .csv:
            console.out(csvLine(columns.map(\.field)))
            for record in records { console.out(csvLine(columns.map { $0.value(record) })) }
        case .table:
            if records.isEmpty {
                console.out(language == .en ? "(none)" : "(không có)")
                return
            }
            let rows = records.map { record in columns.map { $0.cell(record, language) } }
            table(header: columns.map { $0.heading.text(language) }, rows: rows)
            if let nextCursor {
                console.out(language == .en ? "More: --cursor \(nextCursor)" : "Còn nữa: --cursor \(nextCursor)")
            }
            if more > 0 {
                console.out(language == .en ? "\(more) more: raise --limit to see them"
                            : "Còn \(more) bản ghi nữa: tăng --limit để xem")
            }
        }
    }

    /// One record: JSON as the API returns it, CSV with a header, or `heading: value` lines.
    func record<Record: JSONWritable>(_ record: Record, _ columns: [Column<Record>], trailer: String? = nil) {
        switch format {
        case .json:
            console.out(record.jsonString(pretty: true))
        case .csv:
            console.out(csvLine(columns.map(\.field)))
            console.out(csvLine(columns.map { $0.value(record) }))
        case .table:
            let headings = columns.map { $0.heading.text(language) }
            let width = headings.map(\.count).max() ?? 0
            for (heading, column) in zip(headings, columns) {
                console.out(heading + ":" + String(repeating: " ", count: width - heading.count + 1)
                            + column.cell(record, language))
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
    /// A time in the province's clock, as CSV has always written it: `2026-11-02 16:00`.
    var local: String { formatted("yyyy-MM-dd HH:mm") }

    /// A time as officers write it, for tables: `02/11/2026 16:00`.
    var dayMonthYearTime: String { formatted("dd/MM/yyyy HH:mm") }

    private func formatted(_ format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = CalendarDate.vietnam
        formatter.dateFormat = format
        return formatter.string(from: self)
    }
}
