import Foundation

/// The opaque `next_cursor` of a list: a position in a keyset (a sort key and a record id), base64url-encoded.
public struct Cursor: Sendable, Hashable {
    public var key: String
    public var id: String

    public init(key: String, id: String) {
        self.key = key
        self.id = id
    }

    public var encoded: String {
        Data("\(key)|\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a cursor that this product handed out; anything else is a `cursor` field error.
    public init(decoding text: String) throws(ServiceError) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard text.count <= 512, let data = Data(base64Encoded: base64), let raw = String(data: data, encoding: .utf8),
              let bar = raw.firstIndex(of: "|")
        else {
            throw ServiceError.invalid("cursor", vi: "con trỏ trang không hợp lệ", en: "is not a cursor this API returned")
        }
        self.key = String(raw[..<bar])
        self.id = String(raw[raw.index(after: bar)...])
    }
}
