import NIOCore

/// PostgreSQL's COPY text format.
enum CopyText {
    static func appendRow(_ values: [String?], to buffer: inout ByteBuffer) {
        for (i, value) in values.enumerated() {
            if i > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.writeString("\\N")
                continue
            }
            if !value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == 0x0A || $0 == 0x0D }) {
                buffer.writeString(value)
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeString("\\t")
                case UInt8(ascii: "\n"): buffer.writeString("\\n")
                case UInt8(ascii: "\r"): buffer.writeString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// An array literal `{"a","b"}` (before the COPY escaping of `appendRow`).
    static func array(_ items: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in item.utf8 {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
