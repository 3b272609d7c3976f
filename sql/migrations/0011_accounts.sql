-- People sign in as themselves (issue 12): a password, a scope, a disabled flag; sessions that expire and can be
-- revoked; failed sign-ins counted per e-mail and per address; who added a candidate (an agency's HR reads those).

ALTER TABLE staff_users
    ADD COLUMN scope         text NOT NULL DEFAULT 'province' CHECK (scope IN ('agency', 'province')),
    -- bcrypt ($2b$, cost in the hash); never the password itself.
    ADD COLUMN password_hash text CHECK (password_hash LIKE '$2%'),
    ADD COLUMN password_set_at timestamptz,
    ADD COLUMN disabled_at   timestamptz,
    ADD CONSTRAINT staff_users_agency_scope CHECK (scope = 'province' OR agency_code IS NOT NULL);

-- Existing HR officers with an agency were meant to work on that agency: they become agency-scoped.
UPDATE staff_users SET scope = 'agency' WHERE role = 'hr' AND agency_code IS NOT NULL;

-- A signed-in session: `api` (a bearer token for /v1, the remote CLI) or `browser` (the dashboard's and the
-- evaluation pages' cookie, which opens no /v1 route). Only the SHA-256 of the secret is kept. It expires after
-- `idle` without use (sliding) and at `absolute_expires_at` whatever happens.
CREATE TABLE sessions (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid NOT NULL REFERENCES staff_users (id),
    kind                text NOT NULL CHECK (kind IN ('api', 'browser')),
    secret_hash         bytea NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
    -- The browser's forms carry this value (CSRF); random, per session.
    form_key            text NOT NULL,
    address             text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    last_seen_at        timestamptz NOT NULL DEFAULT now(),
    expires_at          timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    revoked_at          timestamptz,
    CHECK (expires_at <= absolute_expires_at)
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-ins: one row per e-mail typed (whether or not an account has it, so that the answers cannot tell
-- them apart) and one per client address.
CREATE TABLE sign_in_failures (
    key          text PRIMARY KEY,
    failures     integer NOT NULL CHECK (failures > 0),
    first_at     timestamptz NOT NULL DEFAULT now(),
    last_at      timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz
);

ALTER TABLE candidates ADD COLUMN created_by uuid REFERENCES staff_users (id);
CREATE INDEX candidates_created_by ON candidates (created_by) WHERE created_by IS NOT NULL;
