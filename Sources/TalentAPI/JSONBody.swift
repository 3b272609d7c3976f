import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain

/// A request's JSON object, read field by field: a wrong type, an unknown field or a NUL character becomes a field
/// error naming the field, so bad input is always a 4xx answer.
struct JSONBody {
    private let object: [String: JSONValue]
    private(set) var errors: [FieldError] = []
    private var read: Set<String> = []

    init(object: [String: JSONValue]) {
        self.object = object
    }

    /// Reads at most 1 MiB and parses it as a JSON object.
    static func read(_ request: Request, context: APIContext) async throws -> JSONBody {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json"),
           !type.lowercased().contains("+json") {
            throw Problem(status: .unsupportedMediaType, slug: "unsupported-media-type",
                          detail: LocalizedText(vi: "Nội dung phải là JSON (Content-Type: application/json)",
                                                en: "The body must be JSON (Content-Type: application/json)"),
                          language: context.language)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: APIContext.bodyLimit)
        } catch is NIOTooManyBytesError {
            throw Problem(status: .contentTooLarge, slug: "too-large",
                          detail: LocalizedText(vi: "Nội dung vượt quá 1 MiB", en: "The body is larger than 1 MiB"),
                          language: context.language)
        }
        let malformed = { (why: String) in
            Problem(status: .badRequest, slug: "malformed-json",
                    detail: LocalizedText(vi: "Nội dung không phải JSON hợp lệ: \(why)", en: "The body is not valid JSON: \(why)"),
                    language: context.language)
        }
        guard buffer.readableBytes > 0 else { throw malformed("empty body") }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: buffer.readableBytesView)
        } catch {
            throw malformed("syntax error")
        }
        guard case .object(let object) = value else { throw malformed("expected an object, got \(value.typeName)") }
        return JSONBody(object: object)
    }

    mutating func string(_ key: String) -> String? {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return nil
        case .string(let s)?:
            if s.unicodeScalars.contains("\u{0}") {
                errors.append(FieldError(key, vi: "không được chứa ký tự NUL", en: "must not contain NUL characters"))
                return nil
            }
            return s
        case let other?:
            errors.append(FieldError(key, vi: "phải là chuỗi, không phải \(other.typeName)", en: "must be a string, not \(other.typeName)"))
            return nil
        }
    }

    mutating func int(_ key: String) -> Int? {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return nil
        case .number(let n)? where n.rounded() == n && abs(n) < 1e15: return Int(n)
        case let other?:
            errors.append(FieldError(key, vi: "phải là số nguyên, không phải \(other.typeName)", en: "must be an integer, not \(other.typeName)"))
            return nil
        }
    }

    /// The whole body as it came, for storing and for recognizing a retry.
    var value: JSONValue { .object(object) }

    /// A nested object read with `body`; nil when absent or null. Errors are named `key.field`.
    mutating func object<T>(_ key: String, _ body: (inout JSONBody) -> T) -> T? {
        read.insert(key)
        switch object[key] {
        case nil, .null?:
            return nil
        case .object(let fields)?:
            var nested = JSONBody(object: fields)
            let result = body(&nested)
            errors += nested.errors.map { FieldError("\(key).\($0.field)", vi: $0.message.vi, en: $0.message.en) }
            errors += fields.keys.filter { !nested.read.contains($0) }.sorted()
                .map { FieldError("\(key).\($0)", vi: "trường không được hỗ trợ", en: "is not a known field") }
            return result
        case let other?:
            errors.append(FieldError(key, vi: "phải là đối tượng, không phải \(other.typeName)", en: "must be an object, not \(other.typeName)"))
            return nil
        }
    }

    /// A nested object's members as sent, for the domain to check (scores keyed by criterion).
    mutating func members(_ key: String) -> [String: JSONValue]? {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return nil
        case .object(let fields)?: return fields
        case let other?:
            errors.append(FieldError(key, vi: "phải là đối tượng, không phải \(other.typeName)", en: "must be an object, not \(other.typeName)"))
            return nil
        }
    }

    /// Whether the body names the field at all (a PATCH changes only the fields it names; null clears one).
    func has(_ key: String) -> Bool { object[key] != nil }

    /// The keys the body names.
    var keys: Dictionary<String, JSONValue>.Keys { object.keys }

    mutating func strings(_ key: String) -> [String] {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var result: [String] = []
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item, !s.unicodeScalars.contains("\u{0}") else {
                    errors.append(FieldError("\(key)[\(i)]", vi: "phải là chuỗi", en: "must be a string"))
                    continue
                }
                result.append(s)
            }
            return result
        case let other?:
            errors.append(FieldError(key, vi: "phải là mảng chuỗi, không phải \(other.typeName)",
                                     en: "must be an array of strings, not \(other.typeName)"))
            return []
        }
    }

    /// An array of objects, each read with `body`; errors are named `key[i].field`.
    mutating func objects<T>(_ key: String, _ body: (inout JSONBody) -> T) -> [T] {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var result: [T] = []
            for (i, item) in items.enumerated() {
                guard case .object(let fields) = item else {
                    errors.append(FieldError("\(key)[\(i)]", vi: "phải là đối tượng", en: "must be an object"))
                    continue
                }
                var nested = JSONBody(object: fields)
                result.append(body(&nested))
                let unknown = fields.keys.filter { !nested.read.contains($0) }.sorted()
                errors += nested.errors.map { FieldError("\(key)[\(i)].\($0.field)", vi: $0.message.vi, en: $0.message.en) }
                errors += unknown.map { FieldError("\(key)[\(i)].\($0)", vi: "trường không được hỗ trợ", en: "is not a known field") }
            }
            return result
        case let other?:
            errors.append(FieldError(key, vi: "phải là mảng, không phải \(other.typeName)", en: "must be an array, not \(other.typeName)"))
            return []
        }
    }

    /// Throws every field error found, including fields the route does not know, together with the errors the
    /// domain's own check finds in what could be read, so one answer names every bad field.
    func finish(checking check: () throws -> Void) throws {
        do {
            try finish()
        } catch let error as ServiceError where error.kind == .invalid {
            var all = error.fieldErrors
            do {
                try check()
            } catch let more as ServiceError where more.kind == .invalid {
                let named = Set(all.map(\.field))
                all += more.fieldErrors.filter { error in
                    !named.contains(error.field) && !named.contains { error.field.hasPrefix($0 + "[") }
                }
            }
            throw ServiceError.invalid(all)
        }
    }

    /// Throws every field error found, including fields the route does not know.
    func finish() throws {
        var errors = self.errors
        for key in object.keys.sorted() where !read.contains(key) {
            errors.append(FieldError(key, vi: "trường không được hỗ trợ", en: "is not a known field"))
        }
        if !errors.isEmpty { throw ServiceError.invalid(errors) }
    }
}
