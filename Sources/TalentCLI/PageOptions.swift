import ArgumentParser
import TalentDomain

/// `--limit N` and `--cursor C` of a list command, checked as the API checks `?limit=` and `?cursor=`. `Size` is the
/// list's default page size: `StandardPage` for nearly every list.
struct PageOptions<Size: PageSize>: ParsableArguments {
    @Option var limit: Int = Size.defaultLimit
    @Option var cursor: String?

    /// The page asked for.
    func request() throws -> PageRequest {
        try PageRequest(limit: limit, cursor: cursor)
    }
}

/// A list's default page size.
protocol PageSize {
    static var defaultLimit: Int { get }
}

/// The API's default page: 50 records.
enum StandardPage: PageSize {
    static let defaultLimit = PageRequest.defaultLimit
}

/// A reference list read whole (the agencies): the API's largest page, 200 records.
enum WholeList: PageSize {
    static let defaultLimit = PageRequest.maximumLimit
}
