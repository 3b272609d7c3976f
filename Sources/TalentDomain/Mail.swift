import Foundation

/// What an e-mail of the product says: each kind has its template (TalentViews' `MailTemplates`), in Vietnamese
/// and in English.
public enum MailKind: String, Sendable, Codable, CaseIterable {
    /// To the nominator: the province received the nomination.
    case nominationReceived = "nomination.received"
    /// To the candidate: the outcome of an application (hired, not selected), with their consent to recruitment.
    case applicationResult = "application.result"
    /// To an evaluator: a panel to score.
    case evaluationAssigned = "evaluation.assigned"
    /// To an evaluator: sheets still to score.
    case evaluationReminder = "evaluation.reminder"
    /// To HR officers and administrators, weekly: overdue items and targets at risk within their reach.
    case hrDigest = "hr.digest"
}

/// One e-mail waiting in the outbox: who it goes to, which template, and the template's values (names, titles,
/// counts), kept so that it is rendered, in the deployment's language, when it is sent.
public struct MailDraft: Sendable, Hashable {
    public var kind: MailKind
    public var to: String
    public var values: JSONValue
    /// The person it is about, so that an erasure removes it too.
    public var candidateID: UUID?

    public init(kind: MailKind, to: String, values: JSONValue, candidateID: UUID? = nil) {
        self.kind = kind
        self.to = to
        self.values = values
        self.candidateID = candidateID
    }
}

/// An e-mail claimed by the worker.
public struct DueMail: Sendable, Hashable {
    public var id: UUID
    public var kind: MailKind
    public var to: String
    public var values: JSONValue
    public var attempt: Int

    public init(id: UUID, kind: MailKind, to: String, values: JSONValue, attempt: Int) {
        self.id = id
        self.kind = kind
        self.to = to
        self.values = values
        self.attempt = attempt
    }
}

/// An RFC 5322 message with a UTF-8 plain-text body: the display names and the subject as RFC 2047 encoded words
/// (base64), the body base64 in lines of 76, so that Vietnamese arrives intact through any mail server.
public struct MIMEMessage: Sendable, Hashable {
    public var fromName: String
    public var fromAddress: String
    public var to: String
    public var subject: String
    public var body: String
    public var messageID: String
    public var date: Date

    public init(fromName: String, fromAddress: String, to: String, subject: String, body: String, messageID: String,
                date: Date = Date()) {
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }

    /// The message as sendmail reads it (lines ending in CRLF).
    public var text: String {
        var lines = [
            // The address on a line of its own: an encoded name's last word and a long address can pass 78.
            "From: \(Self.encodedWords(fromName))\r\n <\(fromAddress)>",
            "To: \(to)",
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
            "",
        ]
        let encoded = Data(VietnameseText.nfc(body).utf8).base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// ASCII text as it is; anything else as `=?UTF-8?B?…?=` words of at most 75 characters, split between
    /// characters (never inside one), folded onto continuation lines.
    public static func encodedWords(_ text: String) -> String {
        let text = VietnameseText.nfc(text)
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0 != "=" && $0 != "?" }) { return text }
        var words: [String] = []
        var chunk = ""
        // 36 bytes of UTF-8 make 48 of base64: with `=?UTF-8?B?` and `?=` a word of 60, which fits a header line of
        // 78 after `Subject: ` or `From: `.
        for character in text {
            if chunk.utf8.count + String(character).utf8.count > 36 {
                words.append("=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?=")
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    static func rfc5322(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(days[((c.weekday ?? 1) - 1) % 7]), \(c.day ?? 1) \(months[((c.month ?? 1) - 1) % 12]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0700"
    }
}
