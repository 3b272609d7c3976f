import Foundation
import HTTPTypes
import Testing

/// The validator that holds API responses to openapi.yaml, on a small document of its own.
@Suite("Schema validator")
struct SchemaValidatorTests {
    static let document = try! JSONInstance.parse(Data(#"""
    {"components": {"schemas": {
      "Stage": {"type": "string", "enum": ["screening", "offer"]},
      "Profile": {"type": "object", "properties": {
        "full_name": {"type": "string", "minLength": 1, "maxLength": 10},
        "citizen_id": {"type": ["string", "null"], "pattern": "^[0-9]{12}$"},
        "date_of_birth": {"type": ["string", "null"], "format": "date"},
        "email": {"type": ["string", "null"], "format": "email"}}},
      "Candidate": {"allOf": [{"$ref": "#/components/schemas/Profile"}, {"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid"},
        "version": {"type": "integer", "minimum": 1},
        "created_at": {"type": "string", "format": "date-time"},
        "stage": {"$ref": "#/components/schemas/Stage"},
        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
        "kind": {"const": "person"},
        "score": {"oneOf": [{"type": "integer"}, {"type": "null"}]}}}],
        "required": ["id", "full_name"]},
      "Input": {"allOf": [{"$ref": "#/components/schemas/Profile"}], "unevaluatedProperties": false,
                "required": ["full_name"]},
      "Closed": {"type": "object", "additionalProperties": false, "properties": {"a": {"type": "boolean"}}},
      "Free": {"type": "object"},
      "Referral": {"type": "object", "properties": {"kind": {"enum": ["person", "self"]}, "name": {"type": "string"}},
                   "if": {"properties": {"kind": {"const": "person"}}}, "then": {"required": ["name"]}}
    }}}
    """#.utf8))

    static func failures(_ body: String, _ schema: String, undocumentedFields: Bool = true) throws -> [SchemaValidator.Failure] {
        let validator = SchemaValidator(document: document, undocumentedFields: undocumentedFields)
        return validator.validate(try JSONInstance.parse(Data(body.utf8)),
                                  against: .object(["$ref": .string("#/components/schemas/\(schema)")]))
    }

    @Test("a body that matches passes")
    func passes() throws {
        let body = #"""
        {"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "Nguyễn Thư", "citizen_id": "082301000123",
         "date_of_birth": "2000-02-29", "email": "thu@example.edu.vn", "version": 3, "created_at": "2026-01-02T03:04:05.678Z",
         "stage": "offer", "tags": ["a"], "kind": "person", "score": null}
        """#
        #expect(try Self.failures(body, "Candidate") == [])
        #expect(try Self.failures(#"{"full_name": "A", "email": null}"#, "Input") == [])
        #expect(try Self.failures(#"{"anything": [1, {"goes": true}]}"#, "Free") == [])
        #expect(try Self.failures(#"{"a": false}"#, "Closed") == [])
        #expect(try Self.failures(#"{"kind": "self"}"#, "Referral") == [])
        #expect(try Self.failures(#"{"kind": "person", "name": "An"}"#, "Referral") == [])
    }

    @Test("bodies that do not match fail, naming the field and why", arguments: [
        (#"{"id": "x", "full_name": "A"}"#, "Candidate", "/id", "uuid"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc"}"#, "Candidate", "/full_name", "required"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": 5}"#, "Candidate", "/full_name", "expected string"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "version": 1.5}"#, "Candidate", "/version", "integer"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "version": 0}"#, "Candidate", "/version", "range"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "stage": "hired"}"#, "Candidate", "/stage", "not one of"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "date_of_birth": "2001-02-29"}"#, "Candidate", "/date_of_birth", "date"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "created_at": "2026-01-02 03:04"}"#, "Candidate", "/created_at", "date-time"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "citizen_id": "0823"}"#, "Candidate", "/citizen_id", "match"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "email": "nobody"}"#, "Candidate", "/email", "email"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "Quá dài hơn mười"}"#, "Candidate", "/full_name", "at most 10"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "tags": ["a", 1]}"#, "Candidate", "/tags/1", "expected string"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "tags": ["a", "b", "c"]}"#, "Candidate", "/tags", "at most 2"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "kind": "agency"}"#, "Candidate", "/kind", "expected"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "score": "high"}"#, "Candidate", "/score", "none of oneOf"),
        (#"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "nickname": "B"}"#, "Candidate", "/nickname", "does not describe"),
        (#"{"full_name": "A", "nickname": "B"}"#, "Input", "/nickname", "not allowed"),
        (#"{"a": true, "b": 1}"#, "Closed", "/b", "not allowed"),
        (#"[1]"#, "Closed", "", "expected object"),
        (#"{"kind": "person"}"#, "Referral", "/name", "required"),
    ])
    func fails(body: String, schema: String, pointer: String, reason: String) throws {
        let failures = try Self.failures(body, schema)
        #expect(failures.count == 1, "\(failures)")
        #expect(failures.first?.pointer == pointer, "\(failures)")
        #expect(failures.first?.reason.contains(reason) == true, "\(failures)")
    }

    @Test("fields the document does not describe pass when the check is off")
    func undocumentedFieldsOff() throws {
        let body = #"{"id": "3f2a6c1e-1b2c-4d5e-8f90-123456789abc", "full_name": "A", "nickname": "B"}"#
        #expect(try Self.failures(body, "Candidate", undocumentedFields: false) == [])
    }

    @Test("a keyword or a format the validator does not know is a failure, not a pass")
    func unknownKeywords() throws {
        let validator = SchemaValidator(document: Self.document)
        let instance = JSONInstance.string("x")
        #expect(validator.validate(instance, against: .object(["propertyNames": .object([:])])).count == 1)
        #expect(validator.validate(instance, against: .object(["format": .string("ipv6")])).count == 1)
        #expect(validator.validate(instance, against: .object(["$ref": .string("#/components/schemas/Nope")])).count == 1)
    }

    @Test("a response is held to its operation: status, headers, content type and body")
    func responses() throws {
        let contract = OpenAPIContract(document: try JSONInstance.parse(Data(#"""
        {"paths": {"/v1/things/{id}": {"get": {"responses": {
           "200": {"description": "A thing", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                   "content": {"application/json": {"schema": {"type": "object", "required": ["id"],
                                                               "properties": {"id": {"type": "string"}}}}}},
           "404": {"$ref": "#/components/responses/NotFound"}}}}},
         "components": {"headers": {"ETag": {"required": true, "schema": {"type": "string", "pattern": "^\"[0-9]+\"$"}}},
           "responses": {"NotFound": {"description": "No such thing", "content": {
           "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
           "schemas": {"Problem": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}
        """#.utf8)))
        let json: HTTPFields = [.contentType: "application/json; charset=utf-8", .eTag: "\"3\""]
        func failures(_ status: Int, _ headers: HTTPFields, _ body: String) -> [String] {
            contract.failures(method: .get, uri: "/v1/things/7?x=1", status: status, headers: headers, body: Data(body.utf8))
        }
        #expect(failures(200, json, #"{"id": "7"}"#) == [])
        #expect(failures(404, [.contentType: "application/problem+json"], #"{"status": 404}"#) == [])
        #expect(failures(200, json, #"{"id": 7}"#).count == 1)
        #expect(failures(200, json, #"{"id": "7", "extra": 1}"#).first?.contains("/extra") == true)
        #expect(failures(200, [.contentType: "application/json"], #"{"id": "7"}"#).first?.contains("ETag is missing") == true)
        #expect(failures(200, [.contentType: "application/json", .eTag: "W/3"], #"{"id": "7"}"#).count == 1)
        #expect(failures(200, [.contentType: "text/html", .eTag: "\"3\""], "<p>").first?.contains("text/html") == true)
        #expect(failures(500, json, "{}").first?.contains("not documented") == true)
        #expect(failures(200, json, "not json").first?.contains("not JSON") == true)
    }

    @Test("concrete paths find their templated operation; literal segments win")
    func templates() throws {
        let contract = OpenAPIContract(document: try JSONInstance.parse(Data(#"""
        {"paths": {"/v1/reports/{kind}": {}, "/v1/reports/targets": {}, "/v1/candidates/{id}": {},
                   "/v1/candidates/{id}/merge": {}}}
        """#.utf8)))
        #expect(contract.template(of: "/v1/reports/targets") == "/v1/reports/targets")
        #expect(contract.template(of: "/v1/reports/pipeline") == "/v1/reports/{kind}")
        #expect(contract.template(of: "/v1/candidates/abc/merge") == "/v1/candidates/{id}/merge")
        #expect(contract.template(of: "/v1/candidates") == nil)
    }
}
