// The OpenAPI 3.1 document served at GET /openapi.json. Edit it with the routes: the OpenAPI test checks that
// every route of APIServer.routes is documented here and nothing else is.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Talent recruitment and referral tracker",
    "version": "0.1.0",
    "description": "API of the tracker that runs plan 483/KH-UBND (Tiền Giang, now Đồng Tháp): candidates, referrals, partner nominations, evaluations and reports. Every /v1 route takes `Authorization: Bearer <token>` (from `talent token issue`). Errors are RFC 9457 problem+json. Lists take `?limit=` (default 50, max 200) and `?cursor=`. Human-readable text is Vietnamese unless `Accept-Language: en` is sent. Request bodies are limited to 1 MiB (413 above)."
  },
  "servers": [{"url": "http://127.0.0.1:8080"}],
  "security": [{"bearer": []}],
  "paths": {
    "/health": {
      "get": {
        "summary": "Database reachability",
        "security": [],
        "responses": {
          "200": {"description": "Up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
          "503": {"description": "The database cannot be reached", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "security": [],
        "responses": {"200": {"description": "The OpenAPI 3.1 document", "content": {"application/json": {}}}}
      }
    },
    "/v1/agencies": {
      "get": {
        "summary": "Reference list of agencies (staff)",
        "parameters": [
          {"name": "include_retired", "in": "query", "schema": {"type": "boolean"}},
          {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["department", "district", "commune", "other"]}}
        ],
        "responses": {
          "200": {"description": "Agencies", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Agency"}}, "next_cursor": {"type": ["string", "null"]}}}}}},
          "401": {"$ref": "#/components/responses/Problem"},
          "403": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/candidates": {
      "get": {
        "summary": "List or search candidates (staff)",
        "description": "`q` matches names without regard to accents or case (đ matches d), and citizen IDs, e-mails and phones exactly.",
        "parameters": [
          {"name": "q", "in": "query", "schema": {"type": "string"}},
          {"$ref": "#/components/parameters/limit"},
          {"$ref": "#/components/parameters/cursor"}
        ],
        "responses": {
          "200": {"description": "A page of candidates", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CandidatePage"}}}},
          "401": {"$ref": "#/components/responses/Problem"},
          "403": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      },
      "post": {
        "summary": "Add a candidate (hr, admin)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CandidateInput"}}}},
        "responses": {
          "201": {"description": "Created", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Candidate"}}}},
          "400": {"$ref": "#/components/responses/Problem"},
          "401": {"$ref": "#/components/responses/Problem"},
          "403": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"},
          "413": {"$ref": "#/components/responses/Problem"},
          "415": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/candidates/{id}": {
      "get": {
        "summary": "One candidate (staff); the ETag is the record's version",
        "parameters": [{"$ref": "#/components/parameters/id"}],
        "responses": {
          "200": {"description": "The candidate", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Candidate"}}}},
          "401": {"$ref": "#/components/responses/Problem"},
          "403": {"$ref": "#/components/responses/Problem"},
          "404": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/audit": {
      "get": {
        "summary": "The audit trail, newest first (admin, leadership)",
        "parameters": [
          {"name": "entity", "in": "query", "description": "TYPE or TYPE:ID, for example candidate:3f2a…", "schema": {"type": "string"}},
          {"name": "actor", "in": "query", "schema": {"type": "string"}},
          {"name": "since", "in": "query", "schema": {"type": "string", "format": "date"}},
          {"$ref": "#/components/parameters/limit"},
          {"$ref": "#/components/parameters/cursor"}
        ],
        "responses": {
          "200": {"description": "Audit entries", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}, "next_cursor": {"type": ["string", "null"]}}}}}},
          "401": {"$ref": "#/components/responses/Problem"},
          "403": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "parameters": {
      "id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
      "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
      "cursor": {"name": "cursor", "in": "query", "description": "The next_cursor of the previous page", "schema": {"type": "string"}}
    },
    "responses": {
      "Problem": {"description": "An RFC 9457 problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    },
    "schemas": {
      "Health": {"type": "object", "properties": {"status": {"type": "string", "enum": ["ok", "unavailable"]}, "database": {"type": "string", "enum": ["ok", "unavailable"]}}},
      "Problem": {
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
          "type": {"type": "string", "format": "uri"},
          "title": {"type": "string"},
          "status": {"type": "integer"},
          "detail": {"type": "string"},
          "instance": {"type": "string"},
          "errors": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}},
          "existing_id": {"type": "string", "format": "uuid", "description": "On a duplicate candidate: the profile it collides with"}
        }
      },
      "Agency": {
        "type": "object",
        "properties": {
          "code": {"type": "string"},
          "name": {"type": "string"},
          "kind": {"type": "string", "enum": ["department", "district", "commune", "other"]},
          "status": {"type": "string", "enum": ["active", "retired"]},
          "merged_into": {"type": ["string", "null"]},
          "created_at": {"type": "string", "format": "date-time"},
          "updated_at": {"type": "string", "format": "date-time"}
        }
      },
      "CandidateInput": {
        "type": "object",
        "additionalProperties": false,
        "required": ["full_name"],
        "properties": {
          "full_name": {"type": "string", "description": "Stored NFC, otherwise exactly as sent"},
          "date_of_birth": {"type": ["string", "null"], "format": "date"},
          "citizen_id": {"type": ["string", "null"], "pattern": "^[0-9]{12}$"},
          "email": {"type": ["string", "null"], "format": "email"},
          "phone": {"type": ["string", "null"], "description": "Vietnamese number, stored as +84…"}
        }
      },
      "Candidate": {
        "type": "object",
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "full_name": {"type": "string"},
          "date_of_birth": {"type": ["string", "null"], "format": "date"},
          "citizen_id": {"type": ["string", "null"]},
          "email": {"type": ["string", "null"]},
          "phone": {"type": ["string", "null"]},
          "version": {"type": "integer"},
          "created_at": {"type": "string", "format": "date-time"},
          "updated_at": {"type": "string", "format": "date-time"}
        }
      },
      "CandidatePage": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Candidate"}}, "next_cursor": {"type": ["string", "null"]}}},
      "AuditEntry": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "at": {"type": "string", "format": "date-time"},
          "actor": {"type": "string"},
          "role": {"type": "string"},
          "channel": {"type": "string", "enum": ["cli", "api"]},
          "action": {"type": "string"},
          "entity_type": {"type": "string"},
          "entity_id": {"type": "string"},
          "changes": {"type": "object"}
        }
      }
    }
  }
}
"""#
}
