-- Partner institutions (universities, institutes, colleges), their partnership agreements, and partner credentials.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE partners (
    code          text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name          text NOT NULL CHECK (btrim(name) <> '' AND name IS NFC NORMALIZED),
    kind          text NOT NULL CHECK (kind IN ('university', 'institute', 'college')),
    contact_name  text,
    contact_email text CHECK (contact_email = lower(contact_email) AND position('@' IN contact_email) > 1),
    contact_phone text CHECK (contact_phone ~ '^\+84[0-9]{9,10}$'),
    version       integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agreements (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_code text NOT NULL REFERENCES partners (code),
    reference    text NOT NULL CHECK (btrim(reference) <> ''),
    title        text,
    signed_on    date,
    starts_on    date NOT NULL,
    ends_on      date NOT NULL,
    -- Stored states; "expired" is derived: an active agreement past its end date.
    status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'suspended', 'terminated')),
    fields       text[] NOT NULL DEFAULT '{}',
    yearly_quota integer CHECK (yearly_quota >= 0),
    training     text,
    notes        text,
    version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on),
    UNIQUE (partner_code, reference),
    -- A partner never has two active agreements covering the same day.
    CONSTRAINT agreements_no_overlapping_active EXCLUDE USING gist
        (partner_code WITH =, daterange(starts_on, ends_on, '[]') WITH &&) WHERE (status = 'active')
);
CREATE INDEX agreements_partner ON agreements (partner_code, starts_on);

-- A token acts as a staff user or as a partner institution (role partner), never both.
ALTER TABLE access_tokens
    ALTER COLUMN user_id DROP NOT NULL,
    ADD COLUMN partner_code text REFERENCES partners (code),
    ADD CONSTRAINT access_tokens_one_holder CHECK ((user_id IS NULL) <> (partner_code IS NULL));
CREATE INDEX access_tokens_partner ON access_tokens (partner_code);
