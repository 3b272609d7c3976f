-- Foundation: agencies, staff users, API tokens, candidates (first form) and the audit trail.
-- The database enforces what it can; the service layer checks the same rules first to give clear errors.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Government bodies are data: admins add, rename, retire and merge them. Codes are stable identifiers.
CREATE TABLE agencies (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name        text NOT NULL CHECK (btrim(name) <> '' AND name IS NFC NORMALIZED),
    kind        text NOT NULL CHECK (kind IN ('department', 'district', 'commune', 'other')),
    status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
    merged_into text REFERENCES agencies (code),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT agencies_merged_into_retired CHECK (merged_into IS NULL OR (status = 'retired' AND merged_into <> code))
);

CREATE TABLE staff_users (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL CHECK (btrim(name) <> '' AND name IS NFC NORMALIZED),
    role        text NOT NULL CHECK (role IN ('admin', 'hr', 'evaluator', 'leadership')),
    agency_code text REFERENCES agencies (code),
    email       text CHECK (email = lower(email) AND position('@' IN email) > 1),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_users_email_key ON staff_users (email);

-- Bearer tokens: only a SHA-256 hash of the secret is kept; the secret is shown once when issued.
CREATE TABLE access_tokens (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid NOT NULL REFERENCES staff_users (id),
    secret_hash  bytea NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
    prefix       text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX access_tokens_user ON access_tokens (user_id);

CREATE TABLE candidates (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Stored NFC, otherwise exactly as typed.
    full_name     text NOT NULL CHECK (full_name = btrim(full_name) AND full_name <> '' AND full_name IS NFC NORMALIZED),
    -- Lower-case, without tone marks or diacritics, đ as d: what accent-insensitive search matches against.
    search_name   text NOT NULL,
    date_of_birth date CHECK (date_of_birth >= DATE '1900-01-01'),
    citizen_id    text CHECK (citizen_id ~ '^[0-9]{12}$'),
    email         text CHECK (email = lower(email) AND position('@' IN email) > 1),
    phone         text CHECK (phone ~ '^\+84[0-9]{9,10}$'),
    version       integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX candidates_citizen_id_key ON candidates (citizen_id);
CREATE UNIQUE INDEX candidates_email_key ON candidates (email);
CREATE UNIQUE INDEX candidates_phone_key ON candidates (phone);
-- Keyset pagination, newest first.
CREATE INDEX candidates_created ON candidates (created_at DESC, id DESC);
-- Substring search on the folded name.
CREATE INDEX candidates_search_name_trgm ON candidates USING gin (search_name gin_trgm_ops);

-- Every write through the service layer, in the same transaction as the write. Rows are never changed.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text NOT NULL,
    role        text NOT NULL,
    channel     text NOT NULL CHECK (channel IN ('cli', 'api')),
    action      text NOT NULL,
    entity_type text NOT NULL,
    entity_id   text NOT NULL,
    changes     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
