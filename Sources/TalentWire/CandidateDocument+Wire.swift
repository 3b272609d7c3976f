import Foundation
import TalentDomain

extension DocumentKind: JSONWritable {}
extension DocumentKind: WireReadable {}
extension DocumentType: JSONWritable {}
extension DocumentType: WireReadable {}

extension CandidateDocument: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            if let candidateID { w.field("candidate_id", candidateID.text) }
            w.field("nomination_id", nominationID?.text)
            w.field("kind", kind)
            w.field("filename", filename)
            w.field("content_type", contentType)
            w.field("size", size)
            w.field("sha256", sha256)
            w.field("has_text", hasText)
            w.field("uploaded_by", uploadedBy)
            w.field("uploaded_at", uploadedAt)
        }
    }
}

extension CandidateDocument: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), candidateID: r.optional("candidate_id"), nominationID: r.optional("nomination_id"),
                      kind: r("kind"), filename: r("filename"), contentType: r("content_type"), size: r("size"),
                      sha256: r("sha256"), hasText: r("has_text"), uploadedBy: r("uploaded_by"),
                      uploadedAt: r("uploaded_at"))
    }
}
