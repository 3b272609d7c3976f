import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentWire

/// A request's JSON object, read field by field (`JSONFields`): bad input is always a 4xx answer.
typealias JSONBody = JSONFields

extension JSONFields {
    /// Reads at most 1 MiB and parses it as a JSON object; with `allowEmpty`, no body at all reads as `{}` (a route
    /// whose fields are all optional).
    static func read(_ request: Request, context: CallerContext, allowEmpty: Bool = false) async throws -> JSONBody {
        try await read(request, language: context.language, allowEmpty: allowEmpty)
    }

    /// The same, for the routes that run before anyone is signed in.
    static func read(_ request: Request, language: Language, allowEmpty: Bool = false) async throws -> JSONBody {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json"),
           !type.lowercased().contains("+json") {
            throw Problem(status: .unsupportedMediaType, slug: "unsupported-media-type",
                          detail: LocalizedText(vi: "Nội dung phải là JSON (Content-Type: application/json)",
                                                en: "The body must be JSON (Content-Type: application/json)"),
                          language: language)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: APIContext.bodyLimit)
        } catch is NIOTooManyBytesError {
            throw Problem(status: .contentTooLarge, slug: "too-large",
                          detail: LocalizedText(vi: "Nội dung vượt quá 1 MiB", en: "The body is larger than 1 MiB"),
                          language: language)
        }
        let malformed = { (why: String) in
            Problem(status: .badRequest, slug: "malformed-json",
                    detail: LocalizedText(vi: "Nội dung không phải JSON hợp lệ: \(why)", en: "The body is not valid JSON: \(why)"),
                    language: language)
        }
        if allowEmpty, buffer.readableBytes == 0 { return JSONFields(object: [:]) }
        guard buffer.readableBytes > 0 else { throw malformed("empty body") }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: buffer.readableBytesView, limits: .request)
        } catch {
            throw malformed(error.description)
        }
        guard case .object(let object) = value else { throw malformed("expected an object, got \(value.typeName)") }
        return JSONFields(object: object)
    }

}
