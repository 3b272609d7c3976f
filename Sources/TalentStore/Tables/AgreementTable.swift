import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for partnership agreements.
public struct AgreementTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        id, partner_code, reference, title, signed_on::text, starts_on::text, ends_on::text, status, fields, yearly_quota,
        training, notes, version, created_at, updated_at, transfer_purpose, transfer_data_types, transfer_retention_days,
        transfer_disposal, transfer_requests_contact
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [Agreement] {
        var result: [Agreement] = []
        for try await (id, partner, reference, title, signed, starts, ends, status, fields, quota, training, notes, version,
                       createdAt, updatedAt, purpose, types, days, disposal, contact)
            in rows.decode((UUID, String, String, String?, String?, String, String, String, [String], Int?, String?, String?,
                            Int, Date, Date, String?, [String]?, Int?, String?, String?).self) {
            var transfer: TransferTerms?
            if let purpose, let types, let days, let disposal = disposal.flatMap(TransferDisposal.init), let contact {
                transfer = TransferTerms(purpose: purpose, dataTypes: types.compactMap(PersonalDataCategory.init),
                                         retentionDays: days, disposal: disposal, requestsContact: contact)
            }
            result.append(Agreement(id: id, partnerCode: partner, reference: reference, title: title,
                                    signedOn: signed.flatMap(CalendarDate.init), startsOn: CalendarDate(starts)!,
                                    endsOn: CalendarDate(ends)!, storedStatus: AgreementStatus(rawValue: status) ?? .draft,
                                    fields: fields, yearlyQuota: quota, training: training, notes: notes, transfer: transfer, version: version,
                                    createdAt: createdAt, updatedAt: updatedAt))
        }
        return result
    }

    public func insert(partnerCode: String, _ a: ValidAgreement) async throws -> Agreement {
        try await Self.decode(connection.query("""
            INSERT INTO agreements (partner_code, reference, title, signed_on, starts_on, ends_on, fields, yearly_quota,
                                    training, notes, transfer_purpose, transfer_data_types, transfer_retention_days,
                                    transfer_disposal, transfer_requests_contact)
            VALUES (\(partnerCode), \(a.reference), \(a.title), \(a.signedOn?.description)::date, \(a.startsOn.description)::date,
                    \(a.endsOn.description)::date, \(a.fields), \(a.yearlyQuota), \(a.training), \(a.notes),
                    \(a.transfer?.purpose), \(a.transfer?.dataTypes.map(\.rawValue))::text[], \(a.transfer?.retentionDays),
                    \(a.transfer?.disposal.rawValue), \(a.transfer?.requestsContact))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func update(_ id: UUID, to a: ValidAgreement) async throws -> Agreement {
        try await Self.decode(connection.query("""
            UPDATE agreements SET reference = \(a.reference), title = \(a.title), signed_on = \(a.signedOn?.description)::date,
                starts_on = \(a.startsOn.description)::date, ends_on = \(a.endsOn.description)::date, fields = \(a.fields),
                yearly_quota = \(a.yearlyQuota), training = \(a.training), notes = \(a.notes),
                transfer_purpose = \(a.transfer?.purpose), transfer_data_types = \(a.transfer?.dataTypes.map(\.rawValue))::text[],
                transfer_retention_days = \(a.transfer?.retentionDays), transfer_disposal = \(a.transfer?.disposal.rawValue),
                transfer_requests_contact = \(a.transfer?.requestsContact), version = version + 1,
                updated_at = now()
            WHERE id = \(id) RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func setStatus(_ id: UUID, _ status: AgreementStatus) async throws -> Agreement {
        try await Self.decode(connection.query("""
            UPDATE agreements SET status = \(status.rawValue), version = version + 1, updated_at = now()
            WHERE id = \(id) RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func get(_ id: UUID, forUpdate: Bool = false) async throws -> Agreement? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM agreements WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)).first
    }

    public func list(partnerCode: String?) async throws -> [Agreement] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM agreements WHERE (\(partnerCode)::text IS NULL OR partner_code = \(partnerCode))
            ORDER BY partner_code, starts_on, reference LIMIT 1000
            """, logger: logger))
    }
}
