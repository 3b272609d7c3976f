import Foundation

/// Dates as officers type them. Every date flag of the CLI takes `YYYY-MM-DD` and also `dd/mm/yyyy` or `d/m/yyyy`
/// (`14/05/2001`, `4/5/2001`), converted here, at the edge, to the ISO 8601 text the services take; the API keeps
/// ISO 8601 only. Anything else is passed on as typed, for the service to refuse with its usual message.
enum DateInput {
    /// `14/05/2001` as `2001-05-14`; `2001-05-14` and anything else unchanged.
    static func iso(_ text: String) -> String {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return text }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}
