-- Nominations submitted by partner universities through the API, and the idempotency keys that make retries safe.

CREATE TABLE nominations (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_code    text NOT NULL REFERENCES partners (code),
    agreement_id    uuid NOT NULL REFERENCES agreements (id),
    candidate_id    uuid NOT NULL REFERENCES candidates (id),
    referral_id     uuid NOT NULL REFERENCES referrals (id),
    position_id     uuid REFERENCES positions (id),
    application_id  uuid REFERENCES applications (id),
    -- What the partner sent, as sent (the candidate's profile may differ once merged or corrected).
    submitted       jsonb NOT NULL,
    consent_obtained_at timestamptz NOT NULL,
    consent_notice_version text NOT NULL CHECK (btrim(consent_notice_version) <> ''),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX nominations_partner ON nominations (partner_code, created_at DESC, id DESC);
CREATE INDEX nominations_agreement_year ON nominations (agreement_id, created_at);
CREATE INDEX nominations_candidate ON nominations (candidate_id);
CREATE INDEX nominations_created ON nominations (created_at DESC, id DESC);

-- Per partner: the first response to a key is replayed for the same body; kept at least 24 hours.
CREATE TABLE idempotency_keys (
    partner_code    text NOT NULL REFERENCES partners (code),
    key             text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash    text NOT NULL,
    state           text NOT NULL CHECK (state IN ('in_flight', 'done')),
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partner_code, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
