import Foundation
import NIOCore
@testable import TalentAPI
import Testing

/// The streaming multipart reader: the same parts and bytes however the body is cut into chunks, a boundary split
/// across two chunks included, and what holds back stays small.
@Suite("multipart/form-data, read as it streams")
struct MultipartParserTests {
    static let boundary = "XyZ-boundary-123"

    static func body(_ file: [UInt8]) -> [UInt8] {
        Array("preamble to ignore\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ncv\r\n".utf8)
            + Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\hồ sơ\\Lý lịch.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
            + file + Array("\r\n--\(boundary)--\r\nepilogue".utf8)
    }

    static func parse(_ body: [UInt8], chunk: Int) throws -> (parts: [(String, String?)], bytes: [String: [UInt8]], complete: Bool) {
        var parser = try #require(MultipartParser(contentType: "multipart/form-data; boundary=\"\(boundary)\""))
        var parts: [(String, String?)] = []
        var bytes: [String: [UInt8]] = [:]
        var current = ""
        var offset = 0
        while offset < body.count {
            let piece = Array(body[offset..<min(offset + chunk, body.count)])
            offset += chunk
            for event in try parser.feed(ByteBuffer(bytes: piece)) {
                switch event {
                case .part(let name, let filename):
                    parts.append((name, filename))
                    current = name
                case .bytes(let buffer):
                    bytes[current, default: []] += buffer.readableBytesView
                }
            }
        }
        return (parts, bytes, parser.isComplete)
    }

    @Test("every way of cutting the body gives the same parts and bytes", arguments: [1, 2, 3, 7, 16, 17, 64, 4096, 1 << 20])
    func chunks(size: Int) throws {
        // A file holding what looks like boundaries but is not one.
        let file = Array("%PDF-1.7\r\n--XyZ-boundary-12\r\n\r\n--XyZ-boundar".utf8) + (0..<3000).map { UInt8($0 % 256) }
        let (parts, bytes, complete) = try Self.parse(Self.body(file), chunk: size)
        #expect(complete)
        #expect(parts.map(\.0) == ["kind", "file"])
        #expect(parts.last?.1 == "C:\\hồ sơ\\Lý lịch.pdf")
        #expect(bytes["kind"] == Array("cv".utf8))
        #expect(bytes["file"] == file)
    }

    @Test("a body without its closing boundary is incomplete; not multipart or no boundary is no parser; a part without a name is malformed")
    func refusals() throws {
        var body = Self.body(Array("%PDF".utf8))
        body.removeLast(20)
        #expect(try !Self.parse(body, chunk: 5).complete)
        #expect(MultipartParser(contentType: "application/json") == nil)
        #expect(MultipartParser(contentType: "multipart/form-data") == nil)
        var parser = try #require(MultipartParser(contentType: "multipart/form-data; boundary=b"))
        #expect(throws: MultipartParser.Failure.self) {
            _ = try parser.feed(ByteBuffer(string: "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--"))
        }
    }
}
