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

-- The rule of scope, once, for every query that lists or reads candidates and applications (the service layer
-- passes the actor's reach): with neither an agency nor an evaluator, everything; with an evaluator, the
-- candidates and applications of the panels they sit on (not recused); with an agency, its positions'
-- applications and the candidates who have one there or whom `added_by` added. An empty agency code reaches
-- nothing (no agency has it).
CREATE FUNCTION candidate_in_reach(candidate uuid, agency text, added_by uuid, evaluator uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN agency IS NULL AND evaluator IS NULL THEN true
        WHEN evaluator IS NOT NULL THEN EXISTS (
            SELECT 1 FROM applications a JOIN evaluation_assignments m ON m.application_id = a.id
            WHERE a.candidate_id = candidate AND m.evaluator_id = evaluator AND m.recused_at IS NULL)
        ELSE EXISTS (
            SELECT 1 FROM applications a JOIN positions p ON p.id = a.position_id
            WHERE a.candidate_id = candidate AND p.agency_code = agency)
          OR (added_by IS NOT NULL AND EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate AND c.created_by = added_by))
    END
$$;

CREATE FUNCTION application_in_reach(application uuid, agency text, evaluator uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN agency IS NULL AND evaluator IS NULL THEN true
        WHEN evaluator IS NOT NULL THEN EXISTS (
            SELECT 1 FROM evaluation_assignments m
            WHERE m.application_id = application AND m.evaluator_id = evaluator AND m.recused_at IS NULL)
        ELSE EXISTS (
            SELECT 1 FROM applications a JOIN positions p ON p.id = a.position_id
            WHERE a.id = application AND p.agency_code = agency)
    END
$$;

-- Whether a nomination opened its application, or found one already open (someone else's work): a partner's
-- coarse status follows only what its own nomination led to, so it cannot learn whether a person is considered.
ALTER TABLE nominations ADD COLUMN opened_application boolean NOT NULL DEFAULT true;
