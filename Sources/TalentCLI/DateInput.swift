import Foundation
import TalentDomain

/// Dates as officers type them. Every date flag of the CLI takes `YYYY-MM-DD` and also `dd/mm/yyyy` or `d/m/yyyy`
/// (`14/05/2001`, `4/5/2001`), converted here, at the edge, to the ISO 8601 text the services take; the API keeps
/// ISO 8601 only. Anything else is passed on as typed, for the service to refuse with its usual message.
enum DateInput {
    /// `14/05/2001` as `2001-05-14`; `2001-05-14` and anything else unchanged.
    static func iso(_ text: String) -> String { CalendarDate.isoText(text) }

}
