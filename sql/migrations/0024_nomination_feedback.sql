-- Nomination triage and the partner's feedback (issue 17, parts 2 and 3): HR marks a nomination reviewed, declined
-- with a reason or taken forward as an application; the coarse status a partner reads follows the candidate's real
-- progress and is kept on the nomination, so that a change of it is seen (and announced to the partner's webhook,
-- through the outbox below, in the transaction of the change).

ALTER TABLE nominations
    ADD COLUMN triage text NOT NULL DEFAULT 'new' CHECK (triage IN ('new', 'reviewed', 'declined', 'accepted')),
    ADD COLUMN triage_reason text CHECK (length(triage_reason) <= 2000),
    ADD COLUMN triaged_by text,
    ADD COLUMN triaged_at timestamptz,
    ADD COLUMN status text NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'under_review', 'in_pool', 'hired', 'not_selected')),
    ADD COLUMN status_changed_at timestamptz;
CREATE INDEX nominations_triage ON nominations (triage, created_at DESC, id DESC);
COMMENT ON COLUMN nominations.triage IS 'not personal: HR''s triage (new, reviewed, declined, accepted)';
-- A decline's reason is required (the service checks it) but erased with the person, so the column allows none.
COMMENT ON COLUMN nominations.triage_reason IS 'personal: free_text; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN nominations.triaged_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN nominations.triaged_at IS 'not personal: when HR triaged the nomination';
COMMENT ON COLUMN nominations.status IS 'not personal: the coarse status the partner reads';
COMMENT ON COLUMN nominations.status_changed_at IS 'not personal: when that status last changed';

-- The partner's coarse status of one nomination: what became of the person since it was submitted (its own
-- application, and any application of the same candidate opened since), then HR's triage. Progress wins over triage:
-- someone hired through another post reads `hired` even if this nomination was declined.
CREATE FUNCTION nomination_status(nomination uuid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN bool_or(a.stage = 'hired') THEN 'hired'
        WHEN bool_or(a.stage IN ('screening', 'evaluation', 'interview', 'offer')) THEN 'under_review'
        WHEN bool_or(a.stage = 'pool') THEN 'in_pool'
        WHEN n.triage = 'declined' THEN 'not_selected'
        WHEN bool_or(a.stage = 'nominated') OR count(a.id) = 0 THEN
            CASE WHEN n.triage IN ('reviewed', 'accepted') THEN 'under_review' ELSE 'received' END
        ELSE 'not_selected'
    END
    FROM nominations n
    LEFT JOIN applications a ON a.candidate_id = n.candidate_id
                            AND (a.id = n.application_id OR a.created_at >= n.created_at)
    WHERE n.id = nomination
    GROUP BY n.id, n.triage
$$;

UPDATE nominations SET status = nomination_status(id);

-- What is to be sent: webhook deliveries to partners now (and e-mail later), written in the transaction of the change
-- that causes them, so that none is lost and none is sent for a change that rolled back; a worker in the server sends
-- them, retrying with exponential backoff.
CREATE TABLE webhooks (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_code text NOT NULL REFERENCES partners (code),
    url          text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
    -- The HMAC key: the server signs with it, so it is kept as issued (shown to the admin once).
    secret       text NOT NULL CHECK (length(secret) >= 32),
    active       boolean NOT NULL DEFAULT true,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    removed_at   timestamptz
);
CREATE INDEX webhooks_partner ON webhooks (partner_code) WHERE active;
COMMENT ON COLUMN webhooks.partner_code IS 'not personal: the partner';
COMMENT ON COLUMN webhooks.url IS 'not personal: the partner''s endpoint';
COMMENT ON COLUMN webhooks.secret IS 'not personal: a signing key';
COMMENT ON COLUMN webhooks.created_by IS 'personal: staff; purpose: accountability; retention: audit';

CREATE TABLE outbox (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    channel         text NOT NULL CHECK (channel IN ('webhook', 'email')),
    event           text NOT NULL CHECK (btrim(event) <> ''),
    webhook_id      uuid REFERENCES webhooks (id),
    partner_code    text REFERENCES partners (code),
    -- The exact bytes to send (the webhook's JSON body), so that the signature covers what is sent.
    body            text NOT NULL,
    state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    CHECK (channel <> 'webhook' OR (webhook_id IS NOT NULL AND partner_code IS NOT NULL))
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_partner ON outbox (partner_code, created_at DESC, id DESC);
CREATE INDEX outbox_created ON outbox (created_at DESC, id DESC);
COMMENT ON COLUMN outbox.event IS 'not personal: what happened (nomination.status_changed, ...)';
COMMENT ON COLUMN outbox.partner_code IS 'not personal: the partner a webhook goes to';
COMMENT ON COLUMN outbox.body IS 'not personal: ids and coarse statuses only';
COMMENT ON COLUMN outbox.last_error IS 'not personal: why the last attempt failed';

REVOKE ALL ON webhooks, outbox FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON webhooks, outbox TO talent_app;
