import Foundation

/// The year an annual report covers, from 2024 (plan 483) to next year, with its first and last day.
public struct ReportYear: Sendable, Hashable {
    public let year: Int
    public let first: CalendarDate
    public let last: CalendarDate

    /// Reads the year typed by a person; `today` decides how far ahead a year may be.
    public init(_ year: Int?, today: CalendarDate = .today()) throws(ServiceError) {
        var v = FieldValidator()
        if year == nil { v.add("year", vi: "bắt buộc", en: "is required") }
        let year = v.integer("year", year, in: 2024...(today.year + 1))
        guard v.errors.isEmpty, let year, let first = CalendarDate(year: year, month: 1, day: 1),
              let last = CalendarDate(year: year, month: 12, day: 31)
        else { throw ServiceError.invalid(v.errors) }
        self.year = year
        self.first = first
        self.last = last
    }
}
