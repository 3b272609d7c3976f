import Foundation
import NIOCore

/// A `multipart/form-data` body (RFC 7578) read as it streams in: each chunk fed gives the parts' headers and their
/// bytes as they come, holding back only what could be the start of the next boundary, so that a large file part
/// passes through without being held whole.
struct MultipartParser {
    enum Event {
        /// A part begins: its field name, its file name if any, and its declared content type (never trusted).
        case part(name: String, filename: String?)
        case bytes(ByteBuffer)
    }

    enum Failure: Error {
        case malformed(String)
    }

    private enum State {
        case preamble, headers, body, epilogue
    }

    private let delimiter: [UInt8]
    private var pending: [UInt8]
    private var state = State.preamble
    /// The most header bytes a part may have.
    static let headerLimit = 16 * 1024

    /// The parser for a request's `Content-Type`; nil unless it is `multipart/form-data` with a boundary.
    init?(contentType: String) {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        var boundary: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                boundary = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                    ? String(pair[1].dropFirst().dropLast()) : pair[1]
            }
        }
        guard let boundary, (1...70).contains(boundary.utf8.count) else { return nil }
        delimiter = Array("\r\n--\(boundary)".utf8)
        // The body's first boundary has no line break before it: start as if one had come.
        pending = [0x0D, 0x0A]
    }

    var isComplete: Bool { state == .epilogue }

    mutating func feed(_ buffer: ByteBuffer) throws -> [Event] {
        if state == .epilogue { return [] }
        pending.append(contentsOf: buffer.readableBytesView)
        var events: [Event] = []
        while true {
            switch state {
            case .preamble, .body:
                guard let found = pending.firstRange(of: delimiter) else {
                    // All but what could begin a delimiter is the part's (or the preamble's, dropped).
                    let keep = min(pending.count, delimiter.count + 1)
                    let flush = pending.count - keep
                    if state == .body, flush > 0 { events.append(.bytes(ByteBuffer(bytes: pending[..<flush]))) }
                    pending.removeFirst(flush)
                    return events
                }
                // After the delimiter: `--` (the end) or a line break (another part); wait for two more bytes.
                guard pending.count >= found.upperBound + 2 else {
                    if state == .body, found.lowerBound > 0 {
                        events.append(.bytes(ByteBuffer(bytes: pending[..<found.lowerBound])))
                        pending.removeFirst(found.lowerBound)
                    }
                    return events
                }
                if state == .body, found.lowerBound > 0 { events.append(.bytes(ByteBuffer(bytes: pending[..<found.lowerBound]))) }
                let after = Array(pending[found.upperBound..<(found.upperBound + 2)])
                pending.removeFirst(found.upperBound + 2)
                if after == [0x2D, 0x2D] {
                    state = .epilogue
                    pending = []
                    return events
                }
                guard after == [0x0D, 0x0A] else { throw Failure.malformed("a boundary is not followed by a line break") }
                state = .headers
            case .headers:
                guard let end = pending.firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A]) else {
                    if pending.count > Self.headerLimit { throw Failure.malformed("a part's headers are too long") }
                    return events
                }
                let text = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
                pending.removeFirst(end.upperBound)
                events.append(try Self.partEvent(text))
                state = .body
            case .epilogue:
                return events
            }
        }
    }

    /// The part's name and file name from its `Content-Disposition: form-data; name="…"; filename="…"`.
    static func partEvent(_ headers: String) throws -> Event {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition"
            else { continue }
            var name: String?, filename: String?, extended: String?
            for parameter in Self.parameters(String(pair[1])) {
                switch parameter.key {
                case "name": name = parameter.value
                case "filename": filename = parameter.value
                // RFC 5987: `filename*=UTF-8''%E1%BA%A1...`, preferred when present.
                case "filename*":
                    let value = parameter.value
                    if let quote = value.range(of: "''") {
                        extended = String(value[quote.upperBound...]).removingPercentEncoding
                    }
                default: break
                }
            }
            guard let name else { break }
            return .part(name: name, filename: extended ?? filename)
        }
        throw Failure.malformed("a part has no Content-Disposition with a name")
    }

    /// `form-data; name="file"; filename="Lý lịch.pdf"` → name, filename.
    static func parameters(_ value: String) -> [(key: String, value: String)] {
        var result: [(String, String)] = []
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...]
            let trimmed = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard let equals = trimmed.firstIndex(of: "=") else { break }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var cursor = trimmed.index(after: equals)
            var parsed = ""
            if cursor < trimmed.endIndex, trimmed[cursor] == "\"" {
                cursor = trimmed.index(after: cursor)
                // As browsers write it (HTML's form encoding): no backslash escapes, a quote sent as %22, so a
                // Windows path's backslashes arrive as they are.
                while cursor < trimmed.endIndex, trimmed[cursor] != "\"" {
                    parsed.append(trimmed[cursor])
                    cursor = trimmed.index(after: cursor)
                }
                if cursor < trimmed.endIndex { cursor = trimmed.index(after: cursor) }
            } else {
                let end = trimmed[cursor...].firstIndex(of: ";") ?? trimmed.endIndex
                parsed = trimmed[cursor..<end].trimmingCharacters(in: .whitespaces)
                cursor = end
            }
            result.append((key, parsed))
            rest = trimmed[cursor...]
        }
        return result
    }
}
