import ArgumentParser
import TalentDomain
import TalentWire

/// `--limit N` and `--cursor C` of a list command, checked as the API checks `?limit=` and `?cursor=`. `Size` is the
/// list's default page size: `StandardPage` for nearly every list.
struct PageOptions<Size: PageSize>: ParsableArguments {
    @Option(help: L(vi: "Số bản ghi tối đa được in (mặc định \(Size.defaultLimit), tối đa \(PageRequest.maximumLimit)).",
                    en: "How many records to print (default \(Size.defaultLimit), at most \(PageRequest.maximumLimit))."))
    var limit: Int = Size.defaultLimit
    @Option(help: L(vi: "Xem tiếp trang sau: giá trị in sau \"Còn nữa: --cursor\".",
                    en: "The next page: the value printed after \"More: --cursor\"."))
    var cursor: String?

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

/// `--limit N` of a list whose service returns every record (agreements, rubrics, targets, score sheets): checked as
/// `?limit=` is, and applied when printing (`Printer.limited`). These lists are short, so there is no cursor.
struct LimitOptions: ParsableArguments {
    @Option(help: L(vi: "Số bản ghi tối đa được in (mặc định \(PageRequest.defaultLimit), tối đa \(PageRequest.maximumLimit)).",
                    en: "How many records to print (default \(PageRequest.defaultLimit), at most \(PageRequest.maximumLimit))."))
    var limit: Int = PageRequest.defaultLimit

    /// The limit, refused as the API refuses it when out of range.
    func checked() throws -> Int {
        try PageRequest(limit: limit, cursor: nil).limit
    }
}
