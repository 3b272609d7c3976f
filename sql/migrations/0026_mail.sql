-- E-mail from the outbox (issue 17, part 4): an acknowledgment to the nominator, the result to the candidate (with
-- their consent to recruitment), assignments and reminders to evaluators, a weekly digest to HR. Queued in the
-- transaction of what causes them, rendered from their templates and sent through the machine's sendmail by the
-- server's worker, retried like webhooks.

ALTER TABLE outbox
    ADD COLUMN recipient text CHECK (length(recipient) <= 254),
    -- The person a message is about (no foreign key: a merge moves it, an erasure removes the message).
    ADD COLUMN candidate_id uuid,
    ADD CONSTRAINT outbox_email_recipient CHECK (channel <> 'email' OR recipient IS NOT NULL);
CREATE INDEX outbox_candidate ON outbox (candidate_id) WHERE candidate_id IS NOT NULL;
CREATE INDEX outbox_channel ON outbox (channel, created_at DESC, id DESC);
COMMENT ON COLUMN outbox.recipient IS 'personal: contact; purpose: recruitment; retention: outbox';
COMMENT ON COLUMN outbox.candidate_id IS 'personal: reference; purpose: recruitment; retention: outbox';
-- An e-mail's body is its template's values: names, titles and counts.
COMMENT ON COLUMN outbox.body IS 'personal: profile; purpose: recruitment; retention: outbox';

-- When an evaluator was last reminded of an assignment's sheet, so that reminders come every few days, not daily.
ALTER TABLE evaluation_assignments ADD COLUMN reminded_at timestamptz;
COMMENT ON COLUMN evaluation_assignments.reminded_at IS 'not personal: when the evaluator was last reminded';

-- One weekly digest per staff user and ISO week, whichever instance of the server sends it.
CREATE TABLE mail_digests (
    user_id uuid NOT NULL REFERENCES staff_users (id),
    week    text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    sent_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, week)
);
COMMENT ON COLUMN mail_digests.user_id IS 'personal: reference; purpose: accountability; retention: account';
COMMENT ON COLUMN mail_digests.week IS 'not personal: the ISO week of the digest';

REVOKE ALL ON mail_digests FROM PUBLIC;
GRANT SELECT, INSERT ON mail_digests TO talent_app;
GRANT DELETE ON outbox TO talent_app;
