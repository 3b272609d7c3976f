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
  "servers": [
    {
      "url": "http://127.0.0.1:8080"
    }
  ],
  "security": [
    {
      "bearer": []
    }
  ],
  "paths": {
    "/health": {
      "get": {
        "summary": "Database reachability",
        "security": [],
        "responses": {
          "200": {
            "description": "Up",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "503": {
            "description": "The database cannot be reached",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "security": [],
        "responses": {
          "200": {
            "description": "The OpenAPI 3.1 document",
            "content": {
              "application/json": {}
            }
          }
        }
      }
    },
    "/v1/agencies": {
      "get": {
        "summary": "Reference list of agencies (staff)",
        "parameters": [
          {
            "name": "include_retired",
            "in": "query",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "kind",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "department",
                "district",
                "commune",
                "other"
              ]
            }
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "Agencies",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Agency"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/candidates": {
      "get": {
        "summary": "List or search candidates (staff)",
        "description": "`q` matches names without regard to accents or case (đ matches d), and citizen IDs, e-mails and phones exactly.",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "description": "Name (accents and case ignored; every word must match), citizen ID, e-mail or phone",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "stage",
            "in": "query",
            "description": "Candidates with an application in this stage",
            "schema": {
              "type": "string",
              "enum": [
                "nominated",
                "screening",
                "evaluation",
                "interview",
                "offer",
                "hired",
                "pool",
                "rejected",
                "withdrawn"
              ]
            }
          },
          {
            "name": "agency",
            "in": "query",
            "description": "Candidates with an application at this agency",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "position_id",
            "in": "query",
            "description": "Candidates with an application for this position",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "sector",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "state",
                "non_state",
                "academic",
                "overseas",
                "student"
              ]
            }
          },
          {
            "name": "degree",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "bachelor",
                "master",
                "doctor",
                "other"
              ]
            }
          },
          {
            "name": "graduation_year",
            "in": "query",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "created_from",
            "in": "query",
            "description": "Added on or after (YYYY-MM-DD)",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "created_to",
            "in": "query",
            "description": "Added on or before (YYYY-MM-DD)",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "sort",
            "in": "query",
            "description": "-created_at (default, newest first), created_at, or name (by given name, Vietnamese order)",
            "schema": {
              "type": "string",
              "enum": [
                "-created_at",
                "created_at",
                "name"
              ]
            }
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of candidates",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CandidatePage"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Add a candidate (hr, admin); likely duplicates come back in possible_duplicates",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CandidateInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CandidateCreated"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "413": {
            "$ref": "#/components/responses/Problem"
          },
          "415": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/candidates/{id}": {
      "get": {
        "summary": "One candidate (staff); the ETag is the record's version",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "The candidate",
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Candidate"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "patch": {
        "summary": "Change the fields sent (hr, admin); null clears an optional field",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          },
          {
            "name": "If-Match",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "The version (ETag) read; 412 when stale, 428 when missing"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CandidatePatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The changed candidate",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Candidate"
                }
              }
            },
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                },
                "description": "The record's version, quoted"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "412": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          },
          "428": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/audit": {
      "get": {
        "summary": "The audit trail, newest first (admin, leadership)",
        "parameters": [
          {
            "name": "entity",
            "in": "query",
            "description": "TYPE or TYPE:ID, for example candidate:3f2a…",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "actor",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "since",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date"
            }
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "Audit entries",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/AuditEntry"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/candidates/{id}/duplicates": {
      "get": {
        "summary": "Likely duplicates of a candidate (hr, admin)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "Likely duplicates",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Candidate"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/candidates/{id}/merge": {
      "post": {
        "summary": "Merge other_id into this candidate (hr, admin): applications and history move here, the other is removed",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "other_id"
                ],
                "properties": {
                  "other_id": {
                    "type": "string",
                    "format": "uuid"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The kept, merged candidate",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Candidate"
                }
              }
            },
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                },
                "description": "The record's version, quoted"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/positions": {
      "get": {
        "summary": "Positions, newest first (staff)",
        "parameters": [
          {
            "name": "agency",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "kind",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "legal_affairs_officer",
                "core_drafting_officer",
                "drafting_advisor",
                "other"
              ]
            }
          },
          {
            "name": "status",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "open",
                "on_hold",
                "filled",
                "closed"
              ]
            }
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of positions",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Position"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Add a position (hr, admin)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PositionInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Position"
                }
              }
            },
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "413": {
            "$ref": "#/components/responses/Problem"
          },
          "415": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/positions/{id}": {
      "get": {
        "summary": "One position (staff)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "The position",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Position"
                }
              }
            },
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                },
                "description": "The record's version, quoted"
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "patch": {
        "summary": "Change the fields sent (hr, admin)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          },
          {
            "name": "If-Match",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "The version (ETag) read; 412 when stale, 428 when missing"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PositionInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The changed position",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Position"
                }
              }
            },
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                },
                "description": "The record's version, quoted"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "412": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          },
          "428": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/applications": {
      "get": {
        "summary": "Applications, newest first (staff)",
        "parameters": [
          {
            "name": "candidate_id",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "position_id",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "stage",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "nominated",
                "screening",
                "evaluation",
                "interview",
                "offer",
                "hired",
                "pool",
                "rejected",
                "withdrawn"
              ]
            }
          },
          {
            "name": "agency",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of applications",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Application"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Consider a candidate for a position (hr, admin); starts in nominated",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "candidate_id",
                  "position_id"
                ],
                "properties": {
                  "candidate_id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "position_id": {
                    "type": "string",
                    "format": "uuid"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Application"
                }
              }
            },
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/applications/{id}": {
      "get": {
        "summary": "One application (staff)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "The application",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Application"
                }
              }
            },
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                },
                "description": "The record's version, quoted"
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/applications/{id}/transitions": {
      "post": {
        "summary": "Move to another stage (hr, admin). Forward one stage at a time; rejected and withdrawn from any open stage; pool from evaluation, interview, offer; a move back, out of the pool or a reopening needs a reason. A refused move is 409 (invalid-transition) or 422 (reason-required) and changes nothing. Moving on from evaluation (to interview or pool) needs a complete panel: 409 panel-incomplete (TALENT_REQUIRE_COMPLETE_PANEL=false turns this off); the move records the panel score.",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          },
          {
            "name": "If-Match",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "to"
                ],
                "properties": {
                  "to": {
                    "type": "string",
                    "enum": [
                      "nominated",
                      "screening",
                      "evaluation",
                      "interview",
                      "offer",
                      "hired",
                      "pool",
                      "rejected",
                      "withdrawn"
                    ]
                  },
                  "reason": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The moved application",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Application"
                }
              }
            },
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                },
                "description": "The record's version, quoted"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "412": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/applications/{id}/history": {
      "get": {
        "summary": "Stage changes with actor, reason, time and seconds spent in each stage (staff)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "The history, oldest first",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/StageChange"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/partners": {
      "get": {
        "summary": "Partner institutions (admin, hr, leadership)",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of partners",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Partner"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Add a partner (admin, hr)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PartnerInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Partner"
                }
              }
            },
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/partners/{code}": {
      "get": {
        "summary": "One partner (admin, hr, leadership)",
        "parameters": [
          {
            "name": "code",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The partner",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Partner"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/partners/{code}/agreements": {
      "get": {
        "summary": "A partner's agreements (admin, hr, leadership)",
        "parameters": [
          {
            "name": "code",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Agreements",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Agreement"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Add an agreement, in draft (admin, hr)",
        "parameters": [
          {
            "name": "code",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AgreementInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Agreement"
                }
              }
            },
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/agreements/{id}": {
      "get": {
        "summary": "One agreement (admin, hr, leadership)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "The agreement",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Agreement"
                }
              }
            },
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "patch": {
        "summary": "Change a draft's terms, or its state with {\"status\": \"active\"|\"suspended\"|\"terminated\", \"reason\"} (admin, hr). Activation is refused (409) past the end date or when another active agreement of the partner overlaps (overlapping-agreement).",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          },
          {
            "name": "If-Match",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "The version (ETag) read; 412 when stale, 428 when missing"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/AgreementInput"
                  },
                  {
                    "type": "object",
                    "additionalProperties": false,
                    "required": [
                      "status"
                    ],
                    "properties": {
                      "status": {
                        "type": "string",
                        "enum": [
                          "active",
                          "suspended",
                          "terminated"
                        ]
                      },
                      "reason": {
                        "type": [
                          "string",
                          "null"
                        ]
                      }
                    }
                  }
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The agreement",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Agreement"
                }
              }
            },
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "412": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          },
          "428": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/referrals": {
      "get": {
        "summary": "Referrals, newest first (admin, hr, leadership)",
        "parameters": [
          {
            "name": "candidate_id",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "referrer_kind",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "person",
                "user",
                "agency",
                "partner",
                "self"
              ]
            }
          },
          {
            "name": "referrer",
            "in": "query",
            "description": "A person's name, a staff user's id, an agency's or a partner's code",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "credited",
            "in": "query",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of referrals",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Referral"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Record a referral (admin, hr). The first referral of a candidate within the credit window (12 months unless TALENT_REFERRAL_CREDIT_MONTHS) is credited; later ones are supporting.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReferralInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Referral"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/nominations": {
      "post": {
        "summary": "Submit a nomination (partner tokens only)",
        "description": "Idempotency-Key is required (400 without it) and per partner: the same key and body again returns the first response (with Idempotent-Replayed: true); another body with the key is 422 (idempotency-mismatch); while the first is still running, 409 (idempotency-in-flight). Keys are kept at least 24 hours. No agreement active today: 403 (no-active-agreement); the agreement's yearly quota used up: 409 (quota-exceeded). The same person (citizen ID, else e-mail) becomes one candidate with one more referral, whoever nominates them. With position_id an application is opened. Partners are limited to TALENT_PARTNER_RATE_PER_MINUTE requests a minute (default 120): 429 with Retry-After.",
        "parameters": [
          {
            "name": "Idempotency-Key",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NominationInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Received",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/NominationReceipt"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "413": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          },
          "429": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "get": {
        "summary": "Nominations: a partner's own (citizen IDs masked, coarse status), or all for staff",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of nominations",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Nomination"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          },
          "429": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/nominations/{id}": {
      "get": {
        "summary": "One nomination; another partner's is 404",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "The nomination",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Nomination"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          },
          "429": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/reports/referrers": {
      "get": {
        "summary": "Per referrer: referrals, credited, reached evaluation, hired, rejected, median panel score (leadership, hr, admin)",
        "parameters": [
          {
            "name": "referrer_kind",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "person",
                "user",
                "agency",
                "partner",
                "self"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The report",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReferrerStats"
                      }
                    },
                    "next_cursor": {
                      "type": "null"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/rubrics": {
      "get": {
        "summary": "Rubrics, every version (staff; evaluators read them too)",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "draft",
                "published",
                "retired"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Rubrics",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Rubric"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Create a draft rubric (admin, hr); a name that exists gets its next version. Shipped: the plan's own rubric, id 00000000-0000-4000-8000-000000000483.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RubricInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created, in draft",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Rubric"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "413": {
            "$ref": "#/components/responses/Problem"
          },
          "415": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/rubrics/{id}": {
      "get": {
        "summary": "One rubric (staff)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Rubric"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/rubrics/{id}/publish": {
      "post": {
        "summary": "Publish a draft (admin, hr): it becomes immutable, and the published version of the same name is retired",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Rubric"
                }
              }
            }
          },
          "409": {
            "$ref": "#/components/responses/Problem",
            "description": "Not a draft (invalid-rubric-transition)"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/rubrics/{id}/retire": {
      "post": {
        "summary": "Retire a rubric (admin, hr): no new panel may use it; sheets scored against it keep it",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Rubric"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/applications/{id}/evaluators": {
      "get": {
        "summary": "The application's panel and where each member stands (admin, hr, leadership)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "The panel",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/PanelMember"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Assign an evaluator (admin, hr). Refused with 409 conflict-of-interest for a user who referred the candidate or declared a relationship with them; 409 already-assigned; 422 for a user without the evaluator role.",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "evaluator_id"
                ],
                "additionalProperties": false,
                "properties": {
                  "evaluator_id": {
                    "type": "string",
                    "format": "uuid"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Assigned",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PanelMember"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/applications/{id}/recusals": {
      "post": {
        "summary": "Record a recusal (an evaluator for themselves; hr, admin for anyone): a declared relationship with the candidate. The evaluator leaves the panel (their sheet no longer counts) and cannot be assigned to the candidate's applications.",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RecusalInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Recorded",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ConflictDeclaration"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/applications/{id}/evaluations": {
      "get": {
        "summary": "Score sheets. hr, admin and leadership see all; an evaluator on the panel sees only their own until they have submitted, then the panel's; others get 403 not-assigned.",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          },
          {
            "name": "history",
            "in": "query",
            "description": "true: amended revisions too",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Sheets",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Evaluation"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Submit a score sheet (an evaluator on the panel, or hr/admin naming one). Submitting again amends it: reason required (422 reason-required), earlier revision kept. 409 conflict-of-interest, rubric-mismatch, rubric-not-published or application-closed; 403 not-assigned.",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EvaluationInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Submitted",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Evaluation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/applications/{id}/score": {
      "get": {
        "summary": "The panel's result, computed from the current sheets (hr, admin, leadership)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PanelResult"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/positions/{id}/ranking": {
      "get": {
        "summary": "A position's applications ranked by panel score (hr, admin, leadership)",
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "Ranking",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/RankedApplication"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "404": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/targets": {
      "get": {
        "summary": "The plan's targets (admin, leadership, hr). Shipped: Sở Tư pháp core_drafting_officer 2 by 2027-12-31 and 3 by 2030-12-31; one legal_affairs_officer by 2030-12-31 in every provincial department.",
        "parameters": [
          {
            "name": "agency",
            "in": "query",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Targets",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Target"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "summary": "Add a target (admin). 409 for a second target of the same agency, kind and deadline.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TargetInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Target"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Problem"
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "409": {
            "$ref": "#/components/responses/Problem"
          },
          "413": {
            "$ref": "#/components/responses/Problem"
          },
          "415": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/reports/pipeline": {
      "get": {
        "summary": "The pipeline per stage over open and closed applications (leadership, hr, admin), narrowed by agency, position kind and the period the applications were opened in; grouped rows under groups with group_by (source: the kind of the candidate's credited referral, or none; partner: the partner of a credited partner referral).",
        "parameters": [
          {
            "name": "agency",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "position_kind",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "legal_affairs_officer",
                "core_drafting_officer",
                "drafting_advisor",
                "other"
              ]
            }
          },
          {
            "name": "from",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date"
            }
          },
          {
            "name": "to",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date"
            }
          },
          {
            "name": "group_by",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "agency",
                "position_kind",
                "source",
                "partner"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PipelineReport"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/reports/targets": {
      "get": {
        "summary": "Hired against each target, with its status (leadership, hr, admin)",
        "responses": {
          "200": {
            "description": "Targets and their progress",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/TargetProgress"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v1/reports/partners": {
      "get": {
        "summary": "Per partner and agreement: nominations, quota used this year, reached evaluation, hired (leadership, hr, admin)",
        "responses": {
          "200": {
            "description": "Partners and agreements",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/PartnerStats"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/dashboard": {
      "get": {
        "summary": "The leadership dashboard (leadership, hr, admin): server-rendered HTML in Vietnamese with inline SVG charts — the funnel, hires against targets per agency, nominations per partner over twelve months. Signed in by the cookie of POST /dashboard/login, or a bearer header.",
        "security": [
          {
            "bearer": []
          },
          {
            "cookie": []
          }
        ],
        "responses": {
          "200": {
            "description": "HTML",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "303": {
            "description": "Not signed in: to /dashboard/login",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "403": {
            "description": "A role that may not see it (HTML)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "503": {
            "description": "The database cannot be reached (HTML)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/dashboard/login": {
      "get": {
        "summary": "The sign-in form (field token)",
        "security": [],
        "responses": {
          "200": {
            "description": "HTML",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "post": {
        "summary": "Sign in with an access token: sets an HttpOnly, SameSite=Strict cookie (Secure behind HTTPS) for eight hours and redirects to /dashboard; the token is checked again on every request, so revocation signs out at once.",
        "security": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "type": "object",
                "required": [
                  "token"
                ],
                "properties": {
                  "token": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "303": {
            "description": "Signed in: to /dashboard, with Set-Cookie",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "HTML",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "description": "HTML",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "403": {
            "description": "HTML",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/dashboard/logout": {
      "post": {
        "summary": "Sign out: clears the cookie and redirects to the form",
        "security": [],
        "responses": {
          "303": {
            "description": "To /dashboard/login",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/v1/assignments": {
      "get": {
        "summary": "The panels an evaluator sits on (an evaluator: their own; admin, hr, leadership: anyone's with evaluator_id, or everyone's), open applications first",
        "parameters": [
          {
            "name": "evaluator_id",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          },
          {
            "name": "status",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "assigned",
                "submitted",
                "recused"
              ]
            }
          },
          {
            "$ref": "#/components/parameters/limit"
          }
        ],
        "responses": {
          "200": {
            "description": "Assignments",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/EvaluatorAssignment"
                      }
                    },
                    "next_cursor": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Problem"
          },
          "403": {
            "$ref": "#/components/responses/Problem"
          },
          "422": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer"
      },
      "cookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "talent_dashboard"
      }
    },
    "parameters": {
      "id": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "format": "uuid"
        }
      },
      "limit": {
        "name": "limit",
        "in": "query",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 200,
          "default": 50
        }
      },
      "cursor": {
        "name": "cursor",
        "in": "query",
        "description": "The next_cursor of the previous page",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "Problem": {
        "description": "An RFC 9457 problem",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      }
    },
    "schemas": {
      "Health": {
        "type": "object",
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok",
              "unavailable"
            ]
          },
          "database": {
            "type": "string",
            "enum": [
              "ok",
              "unavailable"
            ]
          }
        }
      },
      "Problem": {
        "type": "object",
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string",
            "format": "uri"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer"
          },
          "detail": {
            "type": "string"
          },
          "instance": {
            "type": "string"
          },
          "errors": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "field": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          },
          "existing_id": {
            "type": "string",
            "format": "uuid",
            "description": "On a duplicate candidate: the profile it collides with"
          },
          "current_version": {
            "type": "integer",
            "description": "On 412: the record's current version"
          }
        }
      },
      "Agency": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "department",
              "district",
              "commune",
              "other"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "retired"
            ]
          },
          "merged_into": {
            "type": [
              "string",
              "null"
            ]
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "CandidateInput": {
        "allOf": [
          {
            "$ref": "#/components/schemas/CandidateProfile"
          }
        ],
        "required": [
          "full_name"
        ],
        "unevaluatedProperties": false
      },
      "Candidate": {
        "allOf": [
          {
            "$ref": "#/components/schemas/CandidateProfile"
          },
          {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "version": {
                "type": "integer"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          }
        ]
      },
      "CandidatePage": {
        "type": "object",
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Candidate"
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "AuditEntry": {
        "type": "object",
        "properties": {
          "id": {
            "type": "integer"
          },
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "actor": {
            "type": "string"
          },
          "role": {
            "type": "string"
          },
          "channel": {
            "type": "string",
            "enum": [
              "cli",
              "api"
            ]
          },
          "action": {
            "type": "string"
          },
          "entity_type": {
            "type": "string"
          },
          "entity_id": {
            "type": "string"
          },
          "changes": {
            "type": "object"
          }
        }
      },
      "Education": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "degree"
        ],
        "properties": {
          "degree": {
            "type": "string",
            "enum": [
              "bachelor",
              "master",
              "doctor",
              "other"
            ]
          },
          "field": {
            "type": [
              "string",
              "null"
            ]
          },
          "institution": {
            "type": [
              "string",
              "null"
            ]
          },
          "graduation_year": {
            "type": [
              "integer",
              "null"
            ]
          },
          "classification": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "excellent",
              "very_good",
              "good",
              "average",
              null
            ]
          }
        }
      },
      "CandidatePatch": {
        "allOf": [
          {
            "$ref": "#/components/schemas/CandidateProfile"
          }
        ],
        "unevaluatedProperties": false,
        "description": "The fields to change; null clears an optional one."
      },
      "CandidateCreated": {
        "allOf": [
          {
            "$ref": "#/components/schemas/Candidate"
          },
          {
            "type": "object",
            "properties": {
              "possible_duplicates": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "full_name": {
                      "type": "string"
                    },
                    "date_of_birth": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          }
        ]
      },
      "PositionInput": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "agency_code": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "legal_affairs_officer",
              "core_drafting_officer",
              "drafting_advisor",
              "other"
            ]
          },
          "openings": {
            "type": "integer",
            "minimum": 1
          },
          "target_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "status": {
            "type": "string",
            "enum": [
              "open",
              "on_hold",
              "filled",
              "closed"
            ]
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "Position": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "agency_code": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "legal_affairs_officer",
              "core_drafting_officer",
              "drafting_advisor",
              "other"
            ]
          },
          "openings": {
            "type": "integer"
          },
          "target_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "status": {
            "type": "string"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "hired": {
            "type": "integer"
          },
          "version": {
            "type": "integer"
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Application": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "candidate_id": {
            "type": "string",
            "format": "uuid"
          },
          "position_id": {
            "type": "string",
            "format": "uuid"
          },
          "stage": {
            "type": "string",
            "enum": [
              "nominated",
              "screening",
              "evaluation",
              "interview",
              "offer",
              "hired",
              "pool",
              "rejected",
              "withdrawn"
            ]
          },
          "stage_entered_at": {
            "type": "string",
            "format": "date-time"
          },
          "version": {
            "type": "integer"
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          },
          "candidate_name": {
            "type": "string"
          },
          "position_title": {
            "type": "string"
          },
          "agency_code": {
            "type": "string"
          }
        }
      },
      "StageChange": {
        "type": "object",
        "properties": {
          "from": {
            "type": [
              "string",
              "null"
            ]
          },
          "to": {
            "type": "string"
          },
          "actor": {
            "type": "string"
          },
          "channel": {
            "type": "string",
            "enum": [
              "cli",
              "api"
            ]
          },
          "reason": {
            "type": [
              "string",
              "null"
            ]
          },
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "seconds_in_stage": {
            "type": "number"
          },
          "panel_score": {
            "type": [
              "number",
              "null"
            ],
            "description": "The panel score when the application left evaluation"
          }
        }
      },
      "CandidateProfile": {
        "type": "object",
        "description": "The fields of a profile that people write.",
        "properties": {
          "full_name": {
            "type": "string",
            "description": "Stored NFC, otherwise exactly as sent"
          },
          "date_of_birth": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "gender": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "female",
              "male",
              "other",
              null
            ]
          },
          "citizen_id": {
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[0-9]{12}$"
          },
          "email": {
            "type": [
              "string",
              "null"
            ],
            "format": "email"
          },
          "phone": {
            "type": [
              "string",
              "null"
            ],
            "description": "Vietnamese number, stored as +84…"
          },
          "province": {
            "type": [
              "string",
              "null"
            ]
          },
          "education": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Education"
            }
          },
          "sector": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "state",
              "non_state",
              "academic",
              "overseas",
              "student",
              null
            ]
          },
          "current_employer": {
            "type": [
              "string",
              "null"
            ]
          },
          "current_title": {
            "type": [
              "string",
              "null"
            ]
          },
          "legal_experience_years": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 70
          },
          "skills": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "languages": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "notes": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "PartnerInput": {
        "allOf": [
          {
            "$ref": "#/components/schemas/PartnerFields"
          }
        ],
        "unevaluatedProperties": false,
        "required": [
          "code",
          "name"
        ]
      },
      "Partner": {
        "allOf": [
          {
            "$ref": "#/components/schemas/PartnerFields"
          },
          {
            "type": "object",
            "properties": {
              "version": {
                "type": "integer"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          }
        ]
      },
      "AgreementInput": {
        "allOf": [
          {
            "$ref": "#/components/schemas/AgreementFields"
          }
        ],
        "unevaluatedProperties": false,
        "required": [
          "reference",
          "starts_on",
          "ends_on"
        ]
      },
      "Agreement": {
        "allOf": [
          {
            "$ref": "#/components/schemas/AgreementFields"
          },
          {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "partner_code": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "draft",
                  "active",
                  "suspended",
                  "terminated",
                  "expired"
                ],
                "description": "expired: active but past ends_on"
              },
              "version": {
                "type": "integer"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          }
        ]
      },
      "ReferralInput": {
        "allOf": [
          {
            "$ref": "#/components/schemas/ReferralFields"
          }
        ],
        "unevaluatedProperties": false,
        "required": [
          "candidate_id",
          "referrer_kind",
          "justification"
        ]
      },
      "Referral": {
        "allOf": [
          {
            "$ref": "#/components/schemas/ReferralFields"
          },
          {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "channel": {
                "type": "string",
                "enum": [
                  "cli",
                  "api",
                  "nomination"
                ]
              },
              "credited": {
                "type": "boolean"
              },
              "created_by": {
                "type": "string"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          }
        ]
      },
      "NominationInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "candidate",
          "nominator",
          "justification",
          "consent"
        ],
        "properties": {
          "candidate": {
            "$ref": "#/components/schemas/CandidateInput"
          },
          "position_id": {
            "type": [
              "string",
              "null"
            ],
            "format": "uuid"
          },
          "nominator": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "title": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "email": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "relationship": {
            "type": "string",
            "enum": [
              "none",
              "teacher",
              "colleague",
              "supervisor",
              "relative",
              "other"
            ]
          },
          "justification": {
            "type": "string"
          },
          "consent": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "obtained_at",
              "notice_version"
            ],
            "properties": {
              "obtained_at": {
                "type": "string",
                "format": "date-time"
              },
              "notice_version": {
                "type": "string"
              }
            }
          }
        }
      },
      "NominationReceipt": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "status": {
            "type": "string",
            "enum": [
              "received"
            ]
          },
          "submitted_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Nomination": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "status": {
            "type": "string",
            "enum": [
              "received",
              "under_review",
              "in_pool",
              "hired",
              "not_selected"
            ]
          },
          "submitted_at": {
            "type": "string",
            "format": "date-time"
          },
          "partner_code": {
            "type": "string"
          },
          "candidate": {
            "type": "object",
            "properties": {
              "full_name": {
                "type": "string"
              },
              "date_of_birth": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "citizen_id": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "masked for partners"
              },
              "email": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "position_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "nominator": {
            "type": "object"
          },
          "relationship": {
            "type": "string"
          },
          "justification": {
            "type": "string"
          },
          "consent": {
            "type": "object",
            "properties": {
              "obtained_at": {
                "type": "string",
                "format": "date-time"
              },
              "notice_version": {
                "type": "string"
              }
            }
          },
          "candidate_id": {
            "type": "string",
            "description": "staff only"
          },
          "referral_id": {
            "type": "string",
            "description": "staff only"
          },
          "application_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "staff only"
          },
          "stage": {
            "type": "string",
            "description": "staff only"
          }
        }
      },
      "ReferrerStats": {
        "type": "object",
        "properties": {
          "referrer_kind": {
            "type": "string"
          },
          "referrer": {
            "type": "string",
            "description": "partner or agency code, user id, lower-cased person name, or self"
          },
          "referrer_name": {
            "type": [
              "string",
              "null"
            ]
          },
          "referrals": {
            "type": "integer"
          },
          "credited": {
            "type": "integer"
          },
          "reached_evaluation": {
            "type": "integer"
          },
          "hired": {
            "type": "integer"
          },
          "rejected": {
            "type": "integer"
          },
          "median_panel_score": {
            "type": [
              "number",
              "null"
            ]
          }
        }
      },
      "PartnerFields": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "university",
              "institute",
              "college"
            ]
          },
          "contact_name": {
            "type": [
              "string",
              "null"
            ]
          },
          "contact_email": {
            "type": [
              "string",
              "null"
            ]
          },
          "contact_phone": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "AgreementFields": {
        "type": "object",
        "properties": {
          "reference": {
            "type": "string"
          },
          "title": {
            "type": [
              "string",
              "null"
            ]
          },
          "signed_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "starts_on": {
            "type": "string",
            "format": "date"
          },
          "ends_on": {
            "type": "string",
            "format": "date"
          },
          "fields": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "yearly_quota": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "training": {
            "type": [
              "string",
              "null"
            ],
            "description": "Training commitments: places or courses a year"
          },
          "notes": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "ReferralFields": {
        "type": "object",
        "properties": {
          "candidate_id": {
            "type": "string",
            "format": "uuid"
          },
          "referrer_kind": {
            "type": "string",
            "enum": [
              "person",
              "user",
              "agency",
              "partner",
              "self"
            ]
          },
          "referrer_name": {
            "type": [
              "string",
              "null"
            ],
            "description": "required for person"
          },
          "referrer_title": {
            "type": [
              "string",
              "null"
            ]
          },
          "referrer_email": {
            "type": [
              "string",
              "null"
            ]
          },
          "referrer_user_id": {
            "type": [
              "string",
              "null"
            ],
            "format": "uuid",
            "description": "required for user"
          },
          "referrer_agency_code": {
            "type": [
              "string",
              "null"
            ],
            "description": "required for agency"
          },
          "referrer_partner_code": {
            "type": [
              "string",
              "null"
            ],
            "description": "required for partner"
          },
          "relationship": {
            "type": "string",
            "enum": [
              "none",
              "teacher",
              "colleague",
              "supervisor",
              "relative",
              "other"
            ],
            "default": "none"
          },
          "justification": {
            "type": "string"
          }
        }
      },
      "Criterion": {
        "type": "object",
        "required": [
          "key",
          "label"
        ],
        "properties": {
          "key": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]{0,49}$"
          },
          "label": {
            "type": "string"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "weight": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1000,
            "default": 1
          },
          "levels": {
            "type": "object",
            "description": "Level descriptions keyed by the score on the scale they describe",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "RubricFields": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "description": "A rubric of an existing name becomes its next version"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "scale": {
            "type": "object",
            "required": [
              "min",
              "max"
            ],
            "properties": {
              "min": {
                "type": "integer",
                "minimum": 0
              },
              "max": {
                "type": "integer",
                "maximum": 100
              }
            }
          },
          "pass_threshold": {
            "type": "number",
            "description": "On the scale; a complete panel at or above it passes"
          },
          "min_evaluators": {
            "type": "integer",
            "minimum": 1,
            "maximum": 50,
            "default": 1,
            "description": "The panel is complete once this many have submitted"
          },
          "aggregation": {
            "type": "string",
            "enum": [
              "mean",
              "trimmed_mean"
            ],
            "default": "mean",
            "description": "trimmed_mean drops one highest and one lowest evaluator when at least five have submitted"
          },
          "disagreement_threshold": {
            "type": "number",
            "description": "Evaluators' weighted scores further apart than this flag a disagreement (default: a quarter of the scale's width)"
          },
          "criteria": {
            "type": "array",
            "minItems": 1,
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/Criterion"
            }
          }
        }
      },
      "RubricInput": {
        "allOf": [
          {
            "$ref": "#/components/schemas/RubricFields"
          },
          {
            "type": "object",
            "required": [
              "name",
              "scale",
              "pass_threshold",
              "criteria"
            ]
          }
        ],
        "unevaluatedProperties": false
      },
      "Rubric": {
        "allOf": [
          {
            "$ref": "#/components/schemas/RubricFields"
          },
          {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "version": {
                "type": "integer"
              },
              "status": {
                "type": "string",
                "enum": [
                  "draft",
                  "published",
                  "retired"
                ]
              },
              "created_by": {
                "type": "string"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "published_at": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time"
              },
              "retired_at": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time"
              }
            }
          }
        ]
      },
      "EvaluationInput": {
        "type": "object",
        "required": [
          "rubric_id",
          "scores"
        ],
        "additionalProperties": false,
        "properties": {
          "rubric_id": {
            "type": "string",
            "format": "uuid",
            "description": "A published rubric; every sheet of an application uses the same one"
          },
          "scores": {
            "type": "object",
            "description": "A whole number on the rubric's scale for every criterion key",
            "additionalProperties": {
              "type": "integer"
            }
          },
          "comment": {
            "type": [
              "string",
              "null"
            ]
          },
          "reason": {
            "type": [
              "string",
              "null"
            ],
            "description": "Required to amend a sheet already submitted"
          },
          "evaluator_id": {
            "type": [
              "string",
              "null"
            ],
            "format": "uuid",
            "description": "Whose sheet: hr and admin name the evaluator; an evaluator submits their own"
          }
        }
      },
      "Evaluation": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "application_id": {
            "type": "string",
            "format": "uuid"
          },
          "evaluator_id": {
            "type": "string",
            "format": "uuid"
          },
          "evaluator_name": {
            "type": "string"
          },
          "rubric_id": {
            "type": "string",
            "format": "uuid"
          },
          "revision": {
            "type": "integer",
            "description": "1, then one more per amendment"
          },
          "scores": {
            "type": "object",
            "additionalProperties": {
              "type": "integer"
            }
          },
          "comment": {
            "type": [
              "string",
              "null"
            ]
          },
          "reason": {
            "type": [
              "string",
              "null"
            ]
          },
          "recorded_by": {
            "type": "string"
          },
          "submitted_at": {
            "type": "string",
            "format": "date-time"
          },
          "superseded_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "current": {
            "type": "boolean"
          }
        }
      },
      "PanelMember": {
        "type": "object",
        "properties": {
          "application_id": {
            "type": "string",
            "format": "uuid"
          },
          "evaluator_id": {
            "type": "string",
            "format": "uuid"
          },
          "evaluator_name": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "assigned",
              "submitted",
              "recused"
            ]
          },
          "assigned_by": {
            "type": "string"
          },
          "assigned_at": {
            "type": "string",
            "format": "date-time"
          },
          "recused_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "recusal_reason": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "RecusalInput": {
        "type": "object",
        "required": [
          "reason"
        ],
        "additionalProperties": false,
        "properties": {
          "evaluator_id": {
            "type": [
              "string",
              "null"
            ],
            "format": "uuid",
            "description": "hr and admin name the evaluator; an evaluator recuses themselves"
          },
          "reason": {
            "type": "string"
          },
          "relationship": {
            "type": "string",
            "enum": [
              "none",
              "teacher",
              "colleague",
              "supervisor",
              "relative",
              "other"
            ],
            "default": "other"
          }
        }
      },
      "ConflictDeclaration": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "candidate_id": {
            "type": "string",
            "format": "uuid"
          },
          "user_id": {
            "type": "string",
            "format": "uuid"
          },
          "application_id": {
            "type": [
              "string",
              "null"
            ],
            "format": "uuid"
          },
          "relationship": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "declared_by": {
            "type": "string"
          },
          "declared_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "PanelResult": {
        "type": "object",
        "properties": {
          "application_id": {
            "type": "string",
            "format": "uuid"
          },
          "rubric_id": {
            "type": [
              "string",
              "null"
            ],
            "format": "uuid"
          },
          "rubric_version": {
            "type": [
              "integer",
              "null"
            ]
          },
          "aggregation": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "mean",
              "trimmed_mean",
              null
            ]
          },
          "panel_score": {
            "type": [
              "number",
              "null"
            ],
            "description": "By the rubric's aggregation over the evaluators' weighted scores; null until someone has submitted"
          },
          "pass_threshold": {
            "type": [
              "number",
              "null"
            ]
          },
          "complete": {
            "type": "boolean",
            "description": "At least the rubric's min_evaluators have submitted"
          },
          "passed": {
            "type": [
              "boolean",
              "null"
            ],
            "description": "null while the panel is incomplete"
          },
          "submitted": {
            "type": "integer"
          },
          "required": {
            "type": [
              "integer",
              "null"
            ]
          },
          "evaluators": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "evaluator_id": {
                  "type": "string",
                  "format": "uuid"
                },
                "evaluator_name": {
                  "type": "string"
                },
                "weighted_score": {
                  "type": "number",
                  "description": "sum(weight × score) / sum(weight)"
                },
                "trimmed": {
                  "type": "boolean",
                  "description": "Left out by trimmed_mean"
                }
              }
            }
          },
          "criteria": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "key": {
                  "type": "string"
                },
                "label": {
                  "type": "string"
                },
                "weight": {
                  "type": "number"
                },
                "mean": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          },
          "spread": {
            "type": [
              "number",
              "null"
            ],
            "description": "Highest minus lowest weighted score"
          },
          "disagreement": {
            "type": "boolean",
            "description": "spread above the rubric's disagreement_threshold"
          }
        }
      },
      "RankedApplication": {
        "type": "object",
        "properties": {
          "rank": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Complete panels first, then by panel score; equal scores share a rank"
          },
          "application_id": {
            "type": "string",
            "format": "uuid"
          },
          "candidate_id": {
            "type": "string",
            "format": "uuid"
          },
          "candidate_name": {
            "type": "string"
          },
          "stage": {
            "type": "string"
          },
          "panel_score": {
            "type": [
              "number",
              "null"
            ]
          },
          "complete": {
            "type": "boolean"
          },
          "passed": {
            "type": [
              "boolean",
              "null"
            ]
          },
          "submitted": {
            "type": "integer"
          },
          "required": {
            "type": [
              "integer",
              "null"
            ]
          },
          "disagreement": {
            "type": "boolean"
          }
        }
      },
      "TargetInput": {
        "type": "object",
        "required": [
          "agency_code",
          "position_kind",
          "count",
          "deadline"
        ],
        "additionalProperties": false,
        "properties": {
          "agency_code": {
            "type": "string"
          },
          "position_kind": {
            "type": "string",
            "enum": [
              "legal_affairs_officer",
              "core_drafting_officer",
              "drafting_advisor",
              "other"
            ]
          },
          "count": {
            "type": "integer",
            "minimum": 1,
            "maximum": 10000
          },
          "deadline": {
            "type": "string",
            "format": "date"
          },
          "starts_on": {
            "type": "string",
            "format": "date",
            "description": "Where the projection's straight line starts; the plan's date (2024-12-19) unless given"
          },
          "note": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "Target": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "agency_code": {
            "type": "string"
          },
          "position_kind": {
            "type": "string",
            "enum": [
              "legal_affairs_officer",
              "core_drafting_officer",
              "drafting_advisor",
              "other"
            ]
          },
          "count": {
            "type": "integer"
          },
          "deadline": {
            "type": "string",
            "format": "date"
          },
          "starts_on": {
            "type": "string",
            "format": "date"
          },
          "note": {
            "type": [
              "string",
              "null"
            ]
          },
          "created_by": {
            "type": "string"
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "TargetProgress": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "agency_code": {
            "type": "string"
          },
          "agency_name": {
            "type": "string"
          },
          "position_kind": {
            "type": "string",
            "enum": [
              "legal_affairs_officer",
              "core_drafting_officer",
              "drafting_advisor",
              "other"
            ]
          },
          "count": {
            "type": "integer"
          },
          "deadline": {
            "type": "string",
            "format": "date"
          },
          "starts_on": {
            "type": "string",
            "format": "date"
          },
          "note": {
            "type": [
              "string",
              "null"
            ]
          },
          "hired": {
            "type": "integer",
            "description": "Applications in hired at positions of the agency and kind, hired on or before the deadline"
          },
          "in_offer": {
            "type": "integer"
          },
          "in_interview": {
            "type": "integer"
          },
          "expected_by_now": {
            "type": "integer",
            "description": "round(count × elapsed ÷ window) on a straight line from starts_on to the deadline"
          },
          "status": {
            "type": "string",
            "enum": [
              "met",
              "on_track",
              "at_risk",
              "missed"
            ],
            "description": "met once hired ≥ count; missed past the deadline without that; otherwise on_track when hired + in_offer ≥ expected_by_now and, in the last 180 days, hired + in_offer + in_interview ≥ count; else at_risk"
          }
        }
      },
      "StageFigures": {
        "type": "object",
        "properties": {
          "stage": {
            "type": "string",
            "enum": [
              "nominated",
              "screening",
              "evaluation",
              "interview",
              "offer",
              "hired",
              "pool",
              "rejected",
              "withdrawn"
            ]
          },
          "count": {
            "type": "integer",
            "description": "Applications now in the stage"
          },
          "reached": {
            "type": "integer",
            "description": "Applications that ever entered it"
          },
          "conversion": {
            "type": [
              "number",
              "null"
            ],
            "description": "reached(next stage of the forward path) ÷ reached(this); null off the path or when none reached it"
          },
          "median_days": {
            "type": [
              "number",
              "null"
            ],
            "description": "Median length of the completed stays in the stage"
          }
        }
      },
      "PipelineGroup": {
        "type": "object",
        "properties": {
          "key": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "applications": {
            "type": "integer"
          },
          "stages": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StageFigures"
            }
          },
          "group": {
            "type": "string",
            "description": "The same as key"
          }
        }
      },
      "PipelineReport": {
        "type": "object",
        "properties": {
          "agency": {
            "type": [
              "string",
              "null"
            ]
          },
          "position_kind": {
            "type": [
              "string",
              "null"
            ]
          },
          "from": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "to": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "group_by": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "agency",
              "position_kind",
              "source",
              "partner",
              null
            ]
          },
          "applications": {
            "type": "integer"
          },
          "stages": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StageFigures"
            }
          },
          "groups": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PipelineGroup"
            },
            "description": "Present with group_by"
          }
        }
      },
      "PartnerStats": {
        "type": "object",
        "properties": {
          "partner_code": {
            "type": "string"
          },
          "partner_name": {
            "type": "string"
          },
          "agreement_id": {
            "type": [
              "string",
              "null"
            ],
            "format": "uuid"
          },
          "agreement_reference": {
            "type": [
              "string",
              "null"
            ]
          },
          "agreement_status": {
            "type": [
              "string",
              "null"
            ]
          },
          "starts_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "ends_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "yearly_quota": {
            "type": [
              "integer",
              "null"
            ]
          },
          "nominations": {
            "type": "integer"
          },
          "quota_used": {
            "type": "integer",
            "description": "Nominations this calendar year"
          },
          "reached_evaluation": {
            "type": "integer"
          },
          "hired": {
            "type": "integer"
          }
        }
      },
      "EvaluatorAssignment": {
        "type": "object",
        "properties": {
          "application_id": {
            "type": "string",
            "format": "uuid"
          },
          "evaluator_id": {
            "type": "string",
            "format": "uuid"
          },
          "evaluator_name": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "assigned",
              "submitted",
              "recused"
            ]
          },
          "assigned_at": {
            "type": "string",
            "format": "date-time"
          },
          "candidate_name": {
            "type": "string"
          },
          "position_title": {
            "type": "string"
          },
          "agency_code": {
            "type": "string"
          },
          "stage": {
            "type": "string"
          }
        }
      }
    }
  }
}
"""#
}
