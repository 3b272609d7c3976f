import Foundation

/// A CSV row that was not imported, with why.
public struct RejectedRow: Sendable, Hashable {
    /// The file line the row starts on (the header is line 1).
    public var line: Int
    public var reason: String
    public var fields: [String]

    public init(line: Int, reason: String, fields: [String]) {
        self.line = line
        self.reason = reason
        self.fields = fields
    }
}

/// What an import did.
public struct ImportReport: Sendable, Hashable {
    public var header: [String]
    public var rows: Int
    public var imported: Int
    public var rejected: [RejectedRow]
    /// False when nothing was written (an all-or-nothing import with invalid rows).
    public var committed: Bool

    public init(header: [String], rows: Int, imported: Int, rejected: [RejectedRow], committed: Bool) {
        self.header = header
        self.rows = rows
        self.imported = imported
        self.rejected = rejected
        self.committed = committed
    }
}
