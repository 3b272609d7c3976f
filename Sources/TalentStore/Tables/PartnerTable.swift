import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for partner institutions (their agreements: `AgreementTable`).
public struct PartnerTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = "code, name, kind, contact_name, contact_email, contact_phone, version, created_at, updated_at"

    static func decode(_ rows: PostgresRowSequence) async throws -> [Partner] {
        var result: [Partner] = []
        for try await (code, name, kind, contactName, email, phone, version, createdAt, updatedAt)
            in rows.decode((String, String, String, String?, String?, String?, Int, Date, Date).self) {
            result.append(Partner(code: code, name: name, kind: PartnerKind(rawValue: kind) ?? .university,
                                  contactName: contactName, contactEmail: email, contactPhone: phone, version: version,
                                  createdAt: createdAt, updatedAt: updatedAt))
        }
        return result
    }

    public func insert(code: String, name: String, kind: PartnerKind, contactName: String?, contactEmail: String?,
                       contactPhone: String?) async throws -> Partner {
        try await Self.decode(connection.query("""
            INSERT INTO partners (code, name, kind, contact_name, contact_email, contact_phone)
            VALUES (\(code), \(name), \(kind.rawValue), \(contactName), \(contactEmail), \(contactPhone))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func get(_ code: String) async throws -> Partner? {
        try await Self.decode(connection.query("SELECT \(unescaped: Self.columns) FROM partners WHERE code = \(code)", logger: logger)).first
    }

    public func list(after: String?, limit: Int) async throws -> [Partner] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM partners WHERE (\(after)::text IS NULL OR code > \(after)) ORDER BY code LIMIT \(limit)
            """, logger: logger))
    }
}
