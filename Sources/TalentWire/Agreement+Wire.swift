import Foundation
import TalentDomain

extension Agreement: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("partner_code", partnerCode)
            w.field("reference", reference)
            w.field("title", title)
            w.field("signed_on", signedOn)
            w.field("starts_on", startsOn)
            w.field("ends_on", endsOn)
            w.field("status", status())
            w.field("fields", fields)
            w.field("yearly_quota", yearlyQuota)
            w.field("training", training)
            w.field("notes", notes)
            w.field("version", version)
            w.field("created_at", createdAt)
            w.field("updated_at", updatedAt)
        }
    }
}

/// An agreement's JSON body as the service's draft.
extension AgreementDraft {
    /// The request body's fields, read one by one: a bad one is a field error in `body`, an unknown one is refused
    /// by `body.finish`.
    public init(reading body: inout JSONFields) {
        self.init(reference: body.string("reference"), title: body.string("title"), signedOn: body.string("signed_on"),
                  startsOn: body.string("starts_on"), endsOn: body.string("ends_on"), fields: body.strings("fields"),
                  yearlyQuota: body.int("yearly_quota"), training: body.string("training"), notes: body.string("notes"))
    }
}
