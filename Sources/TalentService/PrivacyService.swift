import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Personal data under Law 91/2025/QH15 and Decree 356/2025/NĐ-CP: requests from data subjects with their
/// deadlines, breaches with the 72-hour notification deadline, and the inventory read from the schema.
public struct PrivacyService: Sendable {
    let database: Database

    /// Who answers requests and records breaches: the data-protection officer holds the admin role.
    public static let managers: Set<Role> = [.admin]
    /// Who reads requests, breaches and the inventory.
    public static let readers: Set<Role> = [.admin, .leadership]
    /// Who may open a request: hr for a candidate in its reach, as the person hands it in at their agency.
    public static let openers: Set<Role> = [.admin, .hr]

    // MARK: Requests

    /// Opens a request for a candidate the actor reaches, with its two deadlines computed from the day received.
    public func open(_ valid: ValidPrivacyRequest, by actor: Principal) async throws -> PrivacyRequest {
        try actor.require(Self.openers)
        return try await database.transaction { tx in
            try await CandidateService.requireReach(valid.candidateID, by: actor, in: tx)
            guard try await tx.candidates.get(valid.candidateID) != nil else {
                throw ServiceError.invalid("candidate_id", vi: "không có ứng viên mã \(valid.candidateID.text)",
                                           en: "no candidate has the id \(valid.candidateID.text)")
            }
            return try await Self.open(valid, by: actor, in: tx)
        }
    }

    /// Opens a request inside a caller's transaction (a withdrawal of the recruitment consent opens an erasure);
    /// the caller has checked the candidate.
    static func open(_ valid: ValidPrivacyRequest, by actor: Principal, in tx: Tables) async throws -> PrivacyRequest {
        // Two working days never span more than a month, whatever the holidays.
        let holidays = try await tx.privacy.holidays(from: valid.receivedOn, through: valid.receivedOn.adding(days: 40))
        let deadlines = PrivacyDeadlines.deadlines(kind: valid.kind, receivedOn: valid.receivedOn, holidays: holidays)
        let request = try await tx.privacy.insertRequest(valid, acknowledgeBy: deadlines.acknowledgeBy,
                                                         dueOn: deadlines.dueOn, openedBy: actor.name)
        try await tx.audit.record(actor, "privacy_request.open", "privacy_request", request.id.text, after: request)
        return request
    }

    public func request(_ id: UUID, by actor: Principal) async throws -> PrivacyRequest {
        try actor.require(Self.readers)
        guard let request = try await database.read({ try await $0.privacy.request(id) }) else {
            throw Self.requestNotFound(id)
        }
        return request
    }

    /// Requests, the most urgent first; `status` is one of the statuses people see (`overdue` included) or
    /// `pending` (every request not yet done or refused).
    public func requests(status: String? = nil, candidateID: String? = nil, page: PageRequest,
                         by actor: Principal) async throws -> Page<PrivacyRequest> {
        try actor.require(Self.readers)
        var v = FieldValidator()
        if let status, status != "pending" { _ = v.oneOf("status", status, PrivacyRequestStatus.self) }
        let candidate = v.uuid("candidate_id", candidateID)
        try v.check()
        return try await database.read { db in
            try await db.privacy.requests(status: status, candidateID: candidate, today: .today(), page: page)
        }
    }

    /// Acknowledges, completes, refuses or extends a request; with `expectedVersion`, refuses (412) one changed since
    /// it was read. A request is acknowledged from `open` only, extended once, and never changed once done or refused.
    public func change(_ id: UUID, _ action: PrivacyRequestAction, expectedVersion: Int?,
                       by actor: Principal) async throws -> PrivacyRequest {
        try actor.require(Self.managers)
        return try await database.transaction { tx in
            try await Self.apply(action, to: id, expectedVersion: expectedVersion, by: actor, in: tx)
        }
    }

    /// Applies the action in the caller's transaction, audited. Completing an erasure request needs the person
    /// erased first (`privacy erase --request`, which completes it).
    static func apply(_ action: PrivacyRequestAction, to id: UUID, expectedVersion: Int?, by actor: Principal,
                      in tx: Tables) async throws -> PrivacyRequest {
        guard let before = try await tx.privacy.request(id, forUpdate: true) else { throw Self.requestNotFound(id) }
        if let expectedVersion, expectedVersion != before.version { throw CandidateService.stale(before.version) }
        try Self.check(action, on: before)
        if action == .complete, before.kind == .erasure, !(try await tx.erasure.erased(before.candidateID)) {
            throw ServiceError(.conflict, slug: "not-erased", LocalizedText(
                vi: "Yêu cầu xoá chỉ hoàn thành khi dữ liệu đã bị xoá: chạy talent privacy erase \(before.candidateID.text) --request \(id.text)",
                en: "An erasure request is complete once the data is erased: run talent privacy erase \(before.candidateID.text) --request \(id.text)"))
        }
        var newDue: CalendarDate?
        if case .extend(let days, _) = action { newDue = before.dueOn.adding(days: days) }
        guard try await tx.privacy.apply(action, to: id, expectedVersion: before.version, newDueOn: newDue,
                                         by: actor.name),
              let after = try await tx.privacy.request(id)
        else { throw CandidateService.stale(before.version) }
        let verb = switch action {
        case .acknowledge: "acknowledge"
        case .complete: "complete"
        case .refuse: "refuse"
        case .extend: "extend"
        }
        try await tx.audit.record(actor, "privacy_request.\(verb)", "privacy_request", id.text,
                                  before: before, after: after)
        return after
    }

    static func check(_ action: PrivacyRequestAction, on request: PrivacyRequest) throws(ServiceError) {
        if request.storedStatus == .done || request.storedStatus == .refused {
            throw ServiceError(.conflict, slug: "privacy-request-closed", LocalizedText(
                vi: "Yêu cầu đã kết thúc (\(request.storedStatus.label.vi)); không thay đổi được nữa",
                en: "The request is closed (\(request.storedStatus.label.en)); it cannot change any more"))
        }
        switch action {
        case .acknowledge where request.storedStatus != .open:
            throw ServiceError(.conflict, LocalizedText(vi: "Yêu cầu đã được phản hồi tiếp nhận",
                                                        en: "The request has already been acknowledged"))
        case .extend where request.extensionDays != nil:
            throw ServiceError(.conflict, slug: "privacy-request-extended", LocalizedText(
                vi: "Yêu cầu đã được gia hạn một lần (đến \(request.dueOn)); Nghị định 356/2025/NĐ-CP chỉ cho gia hạn một lần",
                en: "The request was already extended once (to \(request.dueOn)); Decree 356/2025/NĐ-CP allows one extension"))
        default:
            break
        }
    }

    /// What the admin's dashboard shows: the requests not yet answered, the overdue ones first.
    public func pendingRequests(limit: Int = 20, by actor: Principal) async throws -> [PrivacyRequest] {
        try actor.require(Self.readers)
        return try await database.read { db in
            try await db.privacy.requests(status: "pending", candidateID: nil, today: .today(),
                                          page: PageRequest(batch: limit, after: nil)).items
        }
    }

    // MARK: Breaches

    public func addBreach(_ valid: ValidBreach, by actor: Principal) async throws -> Breach {
        try actor.require(Self.managers)
        return try await database.transaction { tx in
            let breach = try await tx.privacy.insertBreach(valid, recordedBy: actor.name)
            try await tx.audit.record(actor, "breach.add", "breach", breach.id.text, after: breach)
            return breach
        }
    }

    public func breach(_ id: UUID, by actor: Principal) async throws -> Breach {
        try actor.require(Self.readers)
        guard let breach = try await database.read({ try await $0.privacy.breach(id) }) else {
            throw Self.breachNotFound(id)
        }
        return breach
    }

    public func breaches(page: PageRequest, by actor: Principal) async throws -> Page<Breach> {
        try actor.require(Self.readers)
        return try await database.read { try await $0.privacy.breaches(page: page) }
    }

    /// Records when the regulator was notified, once; not before the breach was discovered.
    public func notify(_ id: UUID, _ notification: BreachNotification, by actor: Principal) async throws -> Breach {
        try actor.require(Self.managers)
        return try await database.transaction { tx in
            guard let before = try await tx.privacy.breach(id, forUpdate: true) else { throw Self.breachNotFound(id) }
            if let at = before.notifiedAt {
                throw ServiceError(.conflict, slug: "breach-notified", LocalizedText(
                    vi: "Đã ghi nhận thông báo cho cơ quan chuyên trách lúc \(JSONWriter.iso8601(at))",
                    en: "The notification was already recorded at \(JSONWriter.iso8601(at))"))
            }
            guard notification.notifiedAt >= before.discoveredAt else {
                throw ServiceError.invalid("notified_at", vi: "không được trước lúc phát hiện (\(JSONWriter.iso8601(before.discoveredAt)))",
                                           en: "must not be before the discovery (\(JSONWriter.iso8601(before.discoveredAt)))")
            }
            guard try await tx.privacy.recordNotification(id, at: notification.notifiedAt, by: actor.name),
                  let after = try await tx.privacy.breach(id)
            else { throw Self.breachNotFound(id) }
            try await tx.audit.record(actor, "breach.notify", "breach", id.text, before: before, after: after)
            return after
        }
    }

    // MARK: The inventory

    /// What personal data is held where, for which purpose and how long: the columns annotated `personal: …`.
    public func inventory(by actor: Principal) async throws -> [DataInventoryItem] {
        try actor.require(Self.readers)
        return try await database.read { db in
            try await db.privacy.columnComments().compactMap { column in
                column.comment.flatMap { DataInventoryItem(table: column.table, column: column.column, comment: $0) }
            }
        }
    }

    /// The columns whose names suggest personal data but that say neither `personal: …` nor `not personal: …`
    /// (`table.column`): a new column holding personal data cannot slip out of the inventory.
    public func unannotatedColumns() async throws -> [String] {
        try await database.read { db in
            try await db.privacy.columnComments().filter { column in
                DataInventoryItem.suggestsPersonalData(column.column)
                    && !(column.comment.map(DataInventoryItem.isAnnotation) ?? false)
            }.map { "\($0.table).\($0.column)" }
        }
    }

    /// The columns whose names suggest sensitive data (Decree 356 Art. 4: ethnicity, religion, health, an image of
    /// the CCCD card…) but that are not annotated `personal: …; sensitive: yes` (`table.column`).
    public func unflaggedSensitiveColumns() async throws -> [String] {
        try await database.read { db in
            try await db.privacy.columnComments().filter { column in
                DataInventoryItem.suggestsSensitiveData(column.column)
                    && !(column.comment.map(DataInventoryItem.isSensitiveAnnotation) ?? false)
            }.map { "\($0.table).\($0.column)" }
        }
    }

    // MARK: Helpers

    static func requestNotFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "yêu cầu của chủ thể dữ liệu", en: "data subject's request"), id.text)
    }

    static func breachNotFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "vụ vi phạm dữ liệu", en: "breach"), id.text)
    }
}
