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
    /// Consent records written (one per person and purpose).
    public var consentsRecorded: Int
    /// Imported people with no consent recorded (processed on the legal basis of state recruitment until one is).
    public var withoutConsent: Int

    public init(header: [String], rows: Int, imported: Int, rejected: [RejectedRow], committed: Bool,
                consentsRecorded: Int = 0, withoutConsent: Int = 0) {
        self.header = header
        self.rows = rows
        self.imported = imported
        self.rejected = rejected
        self.committed = committed
        self.consentsRecorded = consentsRecorded
        self.withoutConsent = withoutConsent
    }
}

/// The consent an import records for its people (Law 91/2025/QH15 Art. 9; Decree 356/2025/NĐ-CP Art. 6): declared
/// for the whole file (`--consent recruitment,talent_pool --notice VERSION --channel paper|email|web [--evidence
/// TEXT]`), or given row by row in a `consent` column, whose `consent_notice`, `consent_channel` and
/// `consent_evidence` columns fall back to the declared notice, channel and evidence.
public struct ImportConsent: Sendable, Hashable {
    /// Empty when the file's `consent` column says, row by row.
    public var purposes: [ConsentPurpose]
    public var noticeVersion: String?
    public var channel: ConsentChannel?
    public var evidence: String?

    /// The channels an import takes: a partner's consent comes with its nomination, never in a file.
    public static let channels: [ConsentChannel] = [.paper, .email, .web]

    /// nil when nothing is declared. Purposes are separated by `,` or `;`.
    public init?(consent: String?, notice: String?, channel: String?, evidence: String?) throws(ServiceError) {
        if consent == nil, notice == nil, channel == nil, evidence == nil { return nil }
        var v = FieldValidator()
        var purposes: [ConsentPurpose] = []
        if let consent {
            let codes = Self.split(consent)
            if codes.isEmpty { v.add("consent", vi: "không được để trống", en: "must not be empty") }
            for code in codes {
                guard let purpose = ConsentPurpose(rawValue: code) else {
                    v.add("consent", vi: "phải là recruitment, talent_pool hoặc cả hai (recruitment,talent_pool)",
                          en: "must be recruitment, talent_pool or both (recruitment,talent_pool)")
                    break
                }
                if !purposes.contains(purpose) { purposes.append(purpose) }
            }
            if notice == nil { v.add("notice", vi: "bắt buộc khi khai báo sự đồng ý cho cả tệp", en: "is required with a file-wide consent") }
            if channel == nil { v.add("channel", vi: "bắt buộc khi khai báo sự đồng ý cho cả tệp", en: "is required with a file-wide consent") }
        }
        let notice = v.text("notice", notice, maxLength: 50)
        var parsedChannel: ConsentChannel?
        if let channel {
            parsedChannel = ConsentChannel(rawValue: channel)
            if parsedChannel.map({ !Self.channels.contains($0) }) ?? true {
                v.add("channel", vi: "phải là paper, email hoặc web", en: "must be paper, email or web")
            }
        }
        let evidence = v.text("evidence", evidence, maxLength: 500)
        try v.check()
        self.purposes = purposes
        self.noticeVersion = notice
        self.channel = parsedChannel
        self.evidence = evidence
    }

    /// The purposes a cell names: codes separated by `,` or `;`, blanks dropped.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
    }
}
