import Foundation
import HTTPTypes
import HummingbirdTesting
import TalentAPI
import Testing

/// openapi.yaml as the tests hold the API to it: every response an API test receives is checked against the
/// operation the document declares for its method and path.
struct OpenAPIContract: Sendable {
    static let shared: OpenAPIContract = {
        do {
            return OpenAPIContract(document: try JSONInstance.parse(OpenAPISpec.json))
        } catch {
            fatalError("openapi.json does not parse: \(error)")
        }
    }()

    let document: JSONInstance
    let validator: SchemaValidator
    /// `GET /v1/candidates/{id}` and the like, as path segments.
    let templates: [[Substring]]

    init(document: JSONInstance) {
        self.document = document
        validator = SchemaValidator(document: document, undocumentedFields: true)
        templates = (document["paths"]?.object.map { Array($0.keys) } ?? []).sorted().map { $0.split(separator: "/") }
    }

    /// The templated path that a concrete one (`/v1/candidates/3f2a…`) is an instance of; literal segments win over
    /// parameters, so `/v1/reports/targets` is never taken for `/v1/reports/{kind}`.
    func template(of path: String) -> String? {
        let segments = path.split(separator: "/")
        let candidates = templates.filter { template in
            template.count == segments.count && zip(template, segments).allSatisfy { t, s in
                t == s || (t.hasPrefix("{") && t.hasSuffix("}"))
            }
        }
        let best = candidates.min { a, b in
            a.filter { $0.hasPrefix("{") }.count < b.filter { $0.hasPrefix("{") }.count
        }
        return best.map { "/" + $0.joined(separator: "/") }
    }

    /// Every way a response breaks the document: an undocumented status, a content type it does not list, a body
    /// that does not match the schema.
    func failures(method: HTTPRequest.Method, uri: String, status: Int, headers: HTTPFields, body: Data) -> [String] {
        let path = String(uri.prefix { $0 != "?" && $0 != "#" })
        let verb = method == .head ? "get" : method.rawValue.lowercased()
        guard let template = template(of: path), let operation = document["paths"]?[template]?[verb] else {
            // No operation: an unknown path (404, or 401 under /v1 without a token) or another method of a known
            // one (405); all answered with a problem.
            guard [401, 404, 405].contains(status) else {
                return ["\(method) \(path) is no operation of the document, yet answered \(status)"]
            }
            return problemFailures(label: "\(method) \(path) \(status)", headers: headers, body: body,
                                   skipBody: method == .head)
        }
        let label = "\(method.rawValue) \(template) \(status)"
        guard let responses = operation["responses"]?.object else { return ["\(label): the operation has no responses"] }
        guard var response = responses[String(status)] ?? responses["\(status / 100)XX"] ?? responses["default"] else {
            return ["\(label): status \(status) is not documented (documented: \(responses.keys.sorted().joined(separator: ", ")))"
                + "; body: \(String(decoding: body.prefix(300), as: UTF8.self))"]
        }
        if let reference = response["$ref"]?.string {
            guard let target = validator.resolve(reference) else { return ["\(label): unresolved \(reference)"] }
            response = target
        }
        return bodyFailures(label: label, response: response, headers: headers, body: body, skipBody: method == .head)
    }

    private func problemFailures(label: String, headers: HTTPFields, body: Data, skipBody: Bool) -> [String] {
        let response: JSONInstance = .object(["content": .object([
            "application/problem+json": .object(["schema": .object(["$ref": .string("#/components/schemas/Problem")])]),
        ])])
        return bodyFailures(label: label, response: response, headers: headers, body: body, skipBody: skipBody)
    }

    private func bodyFailures(label: String, response: JSONInstance, headers: HTTPFields, body: Data,
                              skipBody: Bool) -> [String] {
        var failures: [String] = []
        for (name, declared) in (response["headers"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            let header = declared["$ref"]?.string.flatMap(validator.resolve) ?? declared
            guard let field = HTTPField.Name(name) else { continue }
            guard let value = headers[field] else {
                if header["required"] == .bool(true) { failures.append("\(label): header \(name) is missing") }
                continue
            }
            guard let schema = header["schema"] else { continue }
            // A header is text; an integer one must read as an integer.
            let typed: JSONInstance = schema["type"]?.string == "integer" ? Double(value).map(JSONInstance.number) ?? .string(value)
                : .string(value)
            for failure in SchemaValidator(document: document).validate(typed, against: schema) {
                failures.append("\(label): header \(name): \(failure.reason)")
            }
        }
        let content = response["content"]?.object ?? [:]
        let mediaType = headers[.contentType].map {
            $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
        }
        if content.isEmpty {
            if !body.isEmpty { failures.append("\(label): a body where the document describes none") }
            return failures
        }
        guard let mediaType else { return failures + ["\(label): no Content-Type; documented: \(content.keys.sorted())"] }
        guard let media = content[mediaType] ?? content[mediaType.split(separator: "/")[0] + "/*"] ?? content["*/*"] else {
            return failures + ["\(label): Content-Type \(mediaType) is not documented (documented: \(content.keys.sorted()))"]
        }
        guard !skipBody, mediaType == "application/json" || mediaType.hasSuffix("+json") else { return failures }
        let instance: JSONInstance
        do {
            instance = try JSONInstance.parse(body)
        } catch {
            return failures + ["\(label): the body is not JSON: \(String(decoding: body.prefix(200), as: UTF8.self))"]
        }
        guard let schema = media["schema"] else { return failures }
        for failure in validator.validate(instance, against: schema) {
            failures.append("\(label): \(failure)")
        }
        return failures
    }

    /// The request body held to the operation's request schema, by what the API answered: a body the API accepted
    /// (2xx) that the schema refuses means the document is stricter than the API, a failure. A body the schema
    /// accepts that the API refused with 422 means the schema is looser than the validation, or that a rule no
    /// schema can say refused it (a date before another, a duplicate); with TALENT_CONTRACT_TRACE it is printed.
    func requestFailures(method: HTTPRequest.Method, uri: String, requestBody: Data, status: Int,
                         responseBody: Data = Data()) -> [String] {
        let path = String(uri.prefix { $0 != "?" && $0 != "#" })
        guard let template = template(of: path),
              let schema = document["paths"]?[template]?[method.rawValue.lowercased()]?["requestBody"]?["content"]?[
                  "application/json"]?["schema"],
              let instance = try? JSONInstance.parse(requestBody)
        else { return [] }
        let failures = SchemaValidator(document: document).validate(instance, against: schema)
        let label = "\(method.rawValue) \(template) \(status)"
        if (200..<300).contains(status), !failures.isEmpty {
            return failures.map { "\(label): the API accepted a request body that the schema refuses, \($0)" }
        }
        if status == 422, failures.isEmpty, ProcessInfo.processInfo.environment["TALENT_CONTRACT_TRACE"] != nil {
            let errors = String(decoding: responseBody.prefix(300), as: UTF8.self)
            print("contract-looser \(label): \(String(decoding: requestBody.prefix(400), as: UTF8.self)) → \(errors)")
        }
        return []
    }

    /// Records every failure of a response as a test issue, at the test's line.
    func check(method: HTTPRequest.Method, uri: String, status: Int, headers: HTTPFields, body: Data,
               requestBody: Data? = nil, sourceLocation: SourceLocation) {
        for failure in requestBody.map({ requestFailures(method: method, uri: uri, requestBody: $0, status: status,
                                                                   responseBody: body) }) ?? [] {
            Issue.record("openapi.yaml: \(failure)", sourceLocation: sourceLocation)
        }
        if ProcessInfo.processInfo.environment["TALENT_CONTRACT_TRACE"] != nil {
            print("contract-trace \(method) \(template(of: String(uri.prefix { $0 != "?" })) ?? uri) \(status)")
        }
        for failure in failures(method: method, uri: uri, status: status, headers: headers, body: body) {
            Issue.record("openapi.yaml: \(failure)", sourceLocation: sourceLocation)
        }
    }
}

extension TestResponse {
    /// The response checked against openapi.yaml, for tests that use HummingbirdTesting's client directly.
    @discardableResult
    func conforming(_ method: HTTPRequest.Method, _ uri: String,
                    sourceLocation: SourceLocation = #_sourceLocation) -> TestResponse {
        OpenAPIContract.shared.check(method: method, uri: uri, status: Int(status.code), headers: headers,
                                     body: Data(body.readableBytesView), sourceLocation: sourceLocation)
        return self
    }
}
