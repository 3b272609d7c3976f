import Foundation
import TalentDomain

extension ConsentPurpose: JSONWritable {}
extension ConsentChannel: JSONWritable {}
extension ConsentStatus: JSONWritable {}
extension ConsentPurpose: WireReadable {}
extension ConsentChannel: WireReadable {}
extension ConsentStatus: WireReadable {}

/// `status` is derived (withdrawn, superseded, expired by its date, or active): written, not read back.
extension Consent: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        do {
            w.field("id", id.text)
            w.field("candidate_id", candidateID.text)
            w.field("purpose", purpose)
            w.field("status", status())
            w.field("notice_version", noticeVersion)
            w.field("channel", channel)
            w.field("obtained_at", obtainedAt)
            w.field("expires_on", expiresOn)
            w.field("evidence", evidence)
            w.field("nomination_id", nominationID?.text)
            w.field("recorded_by", recordedBy)
            w.field("recorded_at", recordedAt)
            w.field("superseded_at", supersededAt)
            w.field("withdrawn_at", withdrawnAt)
            w.field("withdrawal_reason", withdrawalReason)
            w.field("withdrawn_by", withdrawnBy)
        }
    }
}

extension Consent: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), candidateID: r("candidate_id"), purpose: r("purpose"), noticeVersion: r("notice_version"),
                      channel: r("channel"), obtainedAt: r("obtained_at"), expiresOn: r.optional("expires_on"),
                      evidence: r.optional("evidence"), nominationID: r.optional("nomination_id"),
                      recordedBy: r("recorded_by"), recordedAt: r("recorded_at"), supersededAt: r.optional("superseded_at"),
                      withdrawnAt: r.optional("withdrawn_at"), withdrawalReason: r.optional("withdrawal_reason"),
                      withdrawnBy: r.optional("withdrawn_by"))
    }
}

/// The body of `POST /v1/candidates/{id}/consents`.
extension NewConsent {
    /// Reads and checks the body's fields; an unknown one is refused by `body.finish`.
    public init(reading body: inout JSONFields) throws {
        let purpose = body.string("purpose"), notice = body.string("notice_version"), channel = body.string("channel")
        let obtained = body.string("obtained_at"), expires = body.string("expires_on"), evidence = body.string("evidence")
        self = try body.finish {
            try NewConsent(purpose: purpose, noticeVersion: notice, channel: channel, obtainedAt: obtained,
                           expiresOn: expires, evidence: evidence)
        }
    }
}

/// The body `NewConsent(reading:)` reads back as this consent: the fields given, nil ones left out.
extension NewConsent: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        w.field("purpose", purpose)
        w.field("notice_version", noticeVersion)
        w.field("channel", channel)
        if let obtainedAt { w.field("obtained_at", obtainedAt) }
        if let expiresOn { w.field("expires_on", expiresOn) }
        if let evidence { w.field("evidence", evidence) }
    }
}

/// The consent's fields, and the erasure request a withdrawal of the recruitment consent put on the list.
extension WithdrawnConsent: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        consent.writeFields(to: &w)
        w.field("erasure_request_id", erasureRequestID?.text)
        w.field("erasure_request_opened", erasureRequestOpened)
    }
}

extension WithdrawnConsent: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(consent: Consent(reading: r), erasureRequestID: r.optional("erasure_request_id"),
                      erasureRequestOpened: r("erasure_request_opened"))
    }
}
