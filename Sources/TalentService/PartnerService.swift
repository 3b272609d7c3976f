import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Partner institutions and their partnership agreements.
public struct PartnerService: Sendable {
    let database: Database

    /// Who may change these records; the API checks it before it reads a request body.
    public static let writers: Set<Role> = [.admin, .hr]

    /// Adds a partner institution; its code is unique.
    public func add(_ valid: ValidPartner, by actor: Principal) async throws -> Partner {
        try actor.require(Self.writers)
        let code = valid.code
        return try await database.transaction { tx in
            if try await tx.partners.get(code) != nil {
                throw ServiceError(.conflict, slug: "duplicate",
                                   LocalizedText(vi: "Đã có đối tác mã \(code)", en: "A partner with code \(code) exists"),
                                   fieldErrors: [FieldError("code", vi: "đã được dùng", en: "is already taken")])
            }
            let partner = try await tx.partners.insert(code: code, name: valid.name, kind: valid.kind,
                                                       contactName: valid.contactName, contactEmail: valid.contactEmail,
                                                       contactPhone: valid.contactPhone)
            try await tx.audit.record(actor, "partner.add", "partner", partner.code, after: partner)
            return partner
        }
    }

    public func get(_ code: String, by actor: Principal) async throws -> Partner {
        try actor.require([.admin, .hr, .leadership])
        guard let partner = try await database.read({ try await $0.partners.get(code.uppercased()) }) else {
            throw Self.notFound(code)
        }
        return partner
    }

    public func list(page: PageRequest, by actor: Principal) async throws -> Page<Partner> {
        try actor.require([.admin, .hr, .leadership])
        let rows = try await database.read { db in
            try await db.partners.list(after: page.cursor?.id, limit: page.limit + 1)
        }
        let items = Array(rows.prefix(page.limit))
        return Page(items: items, nextCursor: rows.count > page.limit ? items.last.map { Cursor(key: "", id: $0.code).encoded } : nil)
    }

    /// Adds an agreement in `draft`; it counts only once activated.
    public func addAgreement(partner code: String, _ valid: ValidAgreement, by actor: Principal) async throws -> Agreement {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            guard let partner = try await tx.partners.get(code.uppercased()) else {
                throw ServiceError.invalid("partner", vi: "không có đối tác mã \(code)", en: "no partner has the code \(code)")
            }
            let agreement = try await tx.agreements.insert(partnerCode: partner.code, valid)
            try await tx.audit.record(actor, "agreement.add", "agreement", agreement.id.text, after: agreement)
            return agreement
        }
    }

    public func agreement(_ id: String, by actor: Principal) async throws -> Agreement {
        try actor.require([.admin, .hr, .leadership])
        let uuid = try UUID.parse(id)
        guard let agreement = try await database.read({ try await $0.agreements.get(uuid) }) else {
            throw Self.agreementNotFound(uuid)
        }
        return agreement
    }

    public func agreements(partner code: String? = nil, by actor: Principal) async throws -> [Agreement] {
        try actor.require([.admin, .hr, .leadership])
        if let code { _ = try await get(code, by: actor) }
        return try await database.read { db in
            try await db.agreements.list(partnerCode: code?.uppercased())
        }
    }

    /// Changes the terms of a draft agreement (an active one is changed by a new agreement).
    /// `fields` names the terms `draft` changes; the others keep their values, and the result is checked whole.
    public func updateAgreement(_ uuid: UUID, _ draft: AgreementDraft, fields: Set<String>, expectedVersion: Int?,
                                by actor: Principal) async throws -> Agreement {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            guard let before = try await tx.agreements.get(uuid, forUpdate: true) else {
                throw Self.agreementNotFound(uuid)
            }
            var merged = AgreementDraft(
                reference: before.reference, title: before.title, signedOn: before.signedOn?.description,
                startsOn: before.startsOn.description, endsOn: before.endsOn.description, fields: before.fields,
                yearlyQuota: before.yearlyQuota, training: before.training, notes: before.notes,
                transfer: before.transfer.map(TransferTermsDraft.init))
            if fields.contains("reference") { merged.reference = draft.reference }
            if fields.contains("title") { merged.title = draft.title }
            if fields.contains("signed_on") { merged.signedOn = draft.signedOn }
            if fields.contains("starts_on") { merged.startsOn = draft.startsOn }
            if fields.contains("ends_on") { merged.endsOn = draft.endsOn }
            if fields.contains("fields") { merged.fields = draft.fields }
            if fields.contains("yearly_quota") { merged.yearlyQuota = draft.yearlyQuota }
            if fields.contains("training") { merged.training = draft.training }
            if fields.contains("notes") { merged.notes = draft.notes }
            // The terms change whole: a patch naming `transfer` states all five (or null, none).
            if fields.contains("transfer") { merged.transfer = draft.transfer }
            // Bad terms are named first (422), whatever the version sent; then the version and the status.
            let valid = try ValidAgreement(merged)
            if let expectedVersion, expectedVersion != before.version { throw CandidateService.stale(before.version) }
            guard before.storedStatus == .draft else {
                throw ServiceError(.conflict, slug: "agreement-not-draft", LocalizedText(
                    vi: "Chỉ sửa được điều khoản của thỏa thuận ở trạng thái draft", en: "Only a draft agreement's terms can change"))
            }
            let after = try await tx.agreements.update(uuid, to: valid)
            try await tx.audit.record(actor, "agreement.update", "agreement", uuid.text, before: before, after: after)
            return after
        }
    }

    /// Activates, suspends or terminates an agreement. Activation is refused for one already past its end date and
    /// when the partner has another active agreement overlapping its dates (the database's exclusion rule).
    public func act(_ transition: AgreementTransition, on uuid: UUID, expectedVersion: Int? = nil,
                    by actor: Principal) async throws -> Agreement {
        try actor.require(Self.writers)
        let action = transition.action, reason = transition.reason
        return try await database.transaction { tx in
            guard let before = try await tx.agreements.get(uuid, forUpdate: true) else {
                throw Self.agreementNotFound(uuid)
            }
            if let expectedVersion, expectedVersion != before.version { throw CandidateService.stale(before.version) }
            try action.check(from: before.storedStatus)
            if action == .activate, before.endsOn < CalendarDate.today() {
                throw ServiceError(.conflict, slug: "agreement-expired", LocalizedText(
                    vi: "Thỏa thuận đã hết hạn ngày \(before.endsOn)", en: "The agreement ended on \(before.endsOn)"))
            }
            let after = try await tx.agreements.setStatus(uuid, action.target)
            try await tx.audit.record(actor, "agreement.\(action.rawValue)", "agreement", uuid.text, before: before, after: after,
                                      extra: ["reason": reason.map(JSONValue.string) ?? .null])
            return after
        }
    }

    static func notFound(_ code: String) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "đối tác", en: "partner"), code)
    }

    static func agreementNotFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "thỏa thuận", en: "agreement"), id.text)
    }
}
