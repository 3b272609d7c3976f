import Foundation

/// What a person consents to (Law 91/2025/QH15 Art. 9, 25): recruitment to a position, or keeping their profile in
/// the talent pool to be invited later, for a stated time.
public enum ConsentPurpose: String, Sendable, Codable, CaseIterable {
    case recruitment
    case talentPool = "talent_pool"
}

/// How the consent was given, in a form that can be printed or verified (Decree 356/2025/NĐ-CP Art. 6).
public enum ConsentChannel: String, Sendable, Codable, CaseIterable {
    case paper, email, web, partner
}

/// A consent as people see it: `active`, or why it no longer counts.
public enum ConsentStatus: String, Sendable, Codable, CaseIterable {
    case active, expired, superseded, withdrawn
}

/// One consent record: the purpose, the notice the person saw, how and when they gave it, who recorded it, the
/// proof, and its end (a later consent for the same purpose, a withdrawal, or its expiry).
public struct Consent: Sendable, Hashable {
    public var id: UUID
    public var candidateID: UUID
    public var purpose: ConsentPurpose
    public var noticeVersion: String
    public var channel: ConsentChannel
    public var obtainedAt: Date
    public var expiresOn: CalendarDate?
    public var evidence: String?
    public var nominationID: UUID?
    public var recordedBy: String
    public var recordedAt: Date
    public var supersededAt: Date?
    public var withdrawnAt: Date?
    public var withdrawalReason: String?
    public var withdrawnBy: String?

    public init(id: UUID, candidateID: UUID, purpose: ConsentPurpose, noticeVersion: String, channel: ConsentChannel,
                obtainedAt: Date, expiresOn: CalendarDate?, evidence: String?, nominationID: UUID?, recordedBy: String,
                recordedAt: Date, supersededAt: Date?, withdrawnAt: Date?, withdrawalReason: String?,
                withdrawnBy: String?) {
        self.id = id
        self.candidateID = candidateID
        self.purpose = purpose
        self.noticeVersion = noticeVersion
        self.channel = channel
        self.obtainedAt = obtainedAt
        self.expiresOn = expiresOn
        self.evidence = evidence
        self.nominationID = nominationID
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.supersededAt = supersededAt
        self.withdrawnAt = withdrawnAt
        self.withdrawalReason = withdrawalReason
        self.withdrawnBy = withdrawnBy
    }

    /// Withdrawn and superseded are kept; expiry is read from the date (the last day counts).
    public func status(today: CalendarDate = .today()) -> ConsentStatus {
        if withdrawnAt != nil { return .withdrawn }
        if supersededAt != nil { return .superseded }
        if let expiresOn, expiresOn < today { return .expired }
        return .active
    }
}

/// A consent to record, checked: the purpose and channel are known, the notice version is named, the time it was
/// given is not in the future, and a talent-pool consent has an expiry within five years.
public struct NewConsent: Sendable, Hashable {
    public var purpose: ConsentPurpose
    public var noticeVersion: String
    public var channel: ConsentChannel
    public var obtainedAt: Date?
    public var expiresOn: CalendarDate?
    public var evidence: String?

    /// The longest a talent-pool consent may run.
    public static let talentPoolYears = 5

    public init(purpose: String?, noticeVersion: String?, channel: String?, obtainedAt: String? = nil,
                expiresOn: String? = nil, evidence: String? = nil, now: Date = Date()) throws(ServiceError) {
        var v = FieldValidator()
        let purpose = v.oneOf("purpose", purpose, ConsentPurpose.self, required: true)
        let notice = v.text("notice_version", noticeVersion, required: true, maxLength: 50)
        let channel = v.oneOf("channel", channel, ConsentChannel.self, required: true)
        var obtained: Date?
        if let raw = obtainedAt, !raw.isEmpty {
            obtained = (try? Date(raw, strategy: Date.ISO8601FormatStyle()))
                ?? CalendarDate(raw).flatMap { Self.noon($0) }
            if obtained == nil {
                v.add("obtained_at", vi: "phải là thời điểm ISO 8601 (2026-11-02T09:00:00Z) hoặc ngày YYYY-MM-DD",
                      en: "must be an ISO 8601 time (2026-11-02T09:00:00Z) or a date YYYY-MM-DD")
            } else if let time = obtained, time > now.addingTimeInterval(300) {
                v.add("obtained_at", vi: "không được ở tương lai", en: "must not be in the future")
            }
        }
        let today = CalendarDate(now)
        let latest = CalendarDate(year: today.year + Self.talentPoolYears, month: today.month, day: min(today.day, 28))!
        let expires = v.date("expires_on", expiresOn, in: today...latest)
        if purpose == .talentPool, expiresOn == nil {
            v.add("expires_on", vi: "bắt buộc với talent_pool: sự đồng ý lưu vào nguồn nhân lực có thời hạn (tối đa \(Self.talentPoolYears) năm)",
                  en: "is required for talent_pool: keeping a profile in the pool is consented to for a time (at most \(Self.talentPoolYears) years)")
        }
        let evidence = v.text("evidence", evidence, maxLength: 500)
        try v.check()
        guard let purpose, let notice, let channel else { throw ServiceError.invalid(v.errors) }
        self.purpose = purpose
        self.noticeVersion = notice
        self.channel = channel
        self.obtainedAt = obtained
        self.expiresOn = expires
        self.evidence = evidence
    }

    /// A day given without a time: noon in Vietnam, so it stays that day wherever it is read.
    static func noon(_ day: CalendarDate) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.vietnam
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
    }
}

/// A withdrawal of consent for one purpose, with its reason (in writing or a verifiable electronic form: Law 91 Art. 10).
public struct ConsentWithdrawal: Sendable, Hashable {
    public var purpose: ConsentPurpose
    public var reason: String?

    public init(purpose: String?, reason: String?) throws(ServiceError) {
        var v = FieldValidator()
        let purpose = v.oneOf("purpose", purpose, ConsentPurpose.self, required: true)
        let reason = v.text("reason", reason, maxLength: 2000, multiline: true)
        try v.check()
        guard let purpose else { throw ServiceError.invalid(v.errors) }
        self.purpose = purpose
        self.reason = reason
    }
}

extension ConsentPurpose: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .recruitment: LocalizedText(vi: "tuyển dụng", en: "recruitment")
        case .talentPool: LocalizedText(vi: "nguồn nhân lực tiềm năng", en: "talent pool")
        }
    }
}

extension ConsentChannel: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .paper: LocalizedText(vi: "phiếu giấy", en: "paper")
        case .email: LocalizedText(vi: "thư điện tử", en: "e-mail")
        case .web: LocalizedText(vi: "trên web", en: "web")
        case .partner: LocalizedText(vi: "qua trường đối tác", en: "through a partner")
        }
    }
}

extension ConsentStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .active: LocalizedText(vi: "đang hiệu lực", en: "active")
        case .expired: LocalizedText(vi: "hết hạn", en: "expired")
        case .superseded: LocalizedText(vi: "đã được thay thế", en: "superseded")
        case .withdrawn: LocalizedText(vi: "đã rút lại", en: "withdrawn")
        }
    }
}

/// What a withdrawal did: the consent it ended and, for the recruitment consent, the erasure request on the
/// data-protection officer's list (opened by it, or already open).
public struct WithdrawnConsent: Sendable, Hashable {
    public var consent: Consent
    public var erasureRequestID: UUID?
    /// True when this withdrawal opened the request; false when one was open already.
    public var erasureRequestOpened: Bool

    public init(consent: Consent, erasureRequestID: UUID? = nil, erasureRequestOpened: Bool = false) {
        self.consent = consent
        self.erasureRequestID = erasureRequestID
        self.erasureRequestOpened = erasureRequestOpened
    }
}
