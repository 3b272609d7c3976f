-- Erasure that keeps the statistics (issue 13, item 4; Law 91/2025/QH15 Art. 25.1.c and Art. 14 of Decree 356).
--
-- An erased candidate keeps their row, their applications with stages and dates, their referrals' referrers and
-- their panels' scores, so that counts and reports do not change; every value that identifies them is gone
-- (TalentStore's ErasureTable says which, column by column). `erased_at` says since when.
--
-- The audit trail's entries about the person are redacted: their `changes` are replaced by {"redacted": true}. So
-- that the chain survives this, an entry's hash now covers the SHA-256 of its `changes` (`changes_digest`, kept
-- when the changes are redacted) instead of the changes themselves. The existing chain is checked and re-chained
-- in the new form here, once; an anchor taken before this migration names an old hash: take a new one after it.
-- The runtime role still cannot UPDATE the trail: it calls audit_redact_candidate, which runs as the schema's
-- owner, only for a candidate erased in the same transaction, and the `candidate.erase` entry written after it
-- lists the entries it redacted, so `talent audit verify` tells a recorded redaction from a tampered entry.

ALTER TABLE candidates ADD COLUMN erased_at timestamptz;
COMMENT ON COLUMN candidates.erased_at IS 'not personal: when the person''s data was erased';
CREATE INDEX candidates_erased ON candidates (erased_at) WHERE erased_at IS NOT NULL;

ALTER TABLE audit_log ADD COLUMN changes_digest bytea;
COMMENT ON COLUMN audit_log.changes_digest IS 'not personal: the SHA-256 of an entry''s changes, which the chain covers';

-- What an entry's hash covers, field by field (AuditChain in TalentService writes the same text): seq, id, at
-- (microseconds since 1970), actor, role, channel, action, entity_type, entity_id, the hex SHA-256 of changes
-- (jsonb's text, which is canonical), actor_user_id, token_id.
CREATE OR REPLACE FUNCTION audit_entry_text(e public.audit_log) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT public.audit_field(e.seq::text) || public.audit_field(e.id::text)
        || public.audit_field(((extract(epoch FROM e.at) * 1000000)::bigint)::text)
        || public.audit_field(e.actor) || public.audit_field(e.role) || public.audit_field(e.channel)
        || public.audit_field(e.action) || public.audit_field(e.entity_type) || public.audit_field(e.entity_id)
        || public.audit_field(encode(e.changes_digest, 'hex')) || public.audit_field(e.actor_user_id::text)
        || public.audit_field(e.token_id::text)
$$;

-- The trail as it is, checked in the old form (the text of migration 0013, with the changes themselves) and
-- re-chained in the new one. A broken trail stops the migration: it is not re-chained over.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
DO $$
DECLARE
    entry public.audit_log%ROWTYPE;
    old_previous bytea := public.audit_chain_genesis();
    previous bytea := public.audit_chain_genesis();
BEGIN
    FOR entry IN SELECT * FROM public.audit_log ORDER BY seq LOOP
        IF sha256(old_previous || convert_to(
            public.audit_field(entry.seq::text) || public.audit_field(entry.id::text)
            || public.audit_field(((extract(epoch FROM entry.at) * 1000000)::bigint)::text)
            || public.audit_field(entry.actor) || public.audit_field(entry.role) || public.audit_field(entry.channel)
            || public.audit_field(entry.action) || public.audit_field(entry.entity_type)
            || public.audit_field(entry.entity_id) || public.audit_field(entry.changes::text)
            || public.audit_field(entry.actor_user_id::text) || public.audit_field(entry.token_id::text), 'UTF8'))
            IS DISTINCT FROM entry.hash THEN
            RAISE EXCEPTION 'the audit trail is broken at entry % (seq %): run talent audit verify; it is not re-chained',
                entry.id, entry.seq;
        END IF;
        old_previous := entry.hash;
        entry.changes_digest := sha256(convert_to(entry.changes::text, 'UTF8'));
        previous := sha256(previous || convert_to(public.audit_entry_text(entry), 'UTF8'));
        UPDATE public.audit_log SET changes_digest = entry.changes_digest, hash = previous WHERE id = entry.id;
    END LOOP;
END
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log ALTER COLUMN changes_digest SET NOT NULL;

-- Each new entry's digest, place and hash, whatever the writer put there (see migration 0013 for the lock and the
-- transaction-local state).
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tx text := txid_current()::text;
    state text := current_setting('talent.audit_chain', true);
    last_seq bigint;
    last_hash bytea;
BEGIN
    IF state LIKE tx || '/%' THEN
        last_seq := split_part(state, '/', 2)::bigint;
        last_hash := decode(split_part(state, '/', 3), 'hex');
    ELSE
        PERFORM pg_advisory_xact_lock(7346011);
        SELECT seq, hash INTO last_seq, last_hash FROM public.audit_log ORDER BY seq DESC LIMIT 1;
    END IF;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.changes_digest := sha256(convert_to(NEW.changes::text, 'UTF8'));
    NEW.hash := sha256(coalesce(last_hash, public.audit_chain_genesis()) || convert_to(
        public.audit_field(NEW.seq::text) || public.audit_field(NEW.id::text)
        || public.audit_field(((extract(epoch FROM NEW.at) * 1000000)::bigint)::text)
        || public.audit_field(NEW.actor) || public.audit_field(NEW.role) || public.audit_field(NEW.channel)
        || public.audit_field(NEW.action) || public.audit_field(NEW.entity_type) || public.audit_field(NEW.entity_id)
        || public.audit_field(encode(NEW.changes_digest, 'hex')) || public.audit_field(NEW.actor_user_id::text)
        || public.audit_field(NEW.token_id::text), 'UTF8'));
    PERFORM set_config('talent.audit_chain', tx || '/' || NEW.seq || '/' || encode(NEW.hash, 'hex'), true);
    RETURN NEW;
END
$$;

-- Append-only, but for one change: audit_redact_candidate replacing an entry's changes by the redaction marker,
-- every other column as it was.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('talent.audit_redaction', true) = txid_current()::text
       AND NEW.changes = '{"redacted": true}'::jsonb
       AND (NEW.id, NEW.at, NEW.actor, NEW.role, NEW.channel, NEW.action, NEW.entity_type, NEW.entity_id,
            NEW.actor_user_id, NEW.token_id, NEW.seq, NEW.hash, NEW.changes_digest)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.actor, OLD.role, OLD.channel, OLD.action, OLD.entity_type, OLD.entity_id,
            OLD.actor_user_id, OLD.token_id, OLD.seq, OLD.hash, OLD.changes_digest) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

-- Redacts every entry about the candidate: entries on the candidate and on the records that are theirs
-- (applications, referrals, nominations, consents, panel sheets, conflict declarations, requests), entries whose
-- changes name one of these ids, and entries whose changes hold the person's name, citizen ID, e-mail or phone as
-- a whole JSON string. Only for a candidate whose row this transaction marked erased, and before their values are
-- wiped (it reads them). Returns the places (seq) of the entries redacted, for the `candidate.erase` entry.
CREATE FUNCTION audit_redact_candidate(candidate uuid) RETURNS bigint[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    person public.candidates%ROWTYPE;
    ids text[];
    terms text[];
    redacted bigint[];
BEGIN
    SELECT * INTO person FROM public.candidates c WHERE c.id = candidate;
    IF NOT FOUND OR person.erased_at IS NULL
       OR (SELECT c.xmin::text FROM public.candidates c WHERE c.id = candidate) <> (txid_current() % 4294967296)::text THEN
        RAISE EXCEPTION 'audit entries are redacted only for a candidate erased in the same transaction';
    END IF;
    ids := ARRAY[candidate::text]
        || ARRAY(SELECT id::text FROM public.applications WHERE candidate_id = candidate)
        || ARRAY(SELECT id::text FROM public.referrals WHERE candidate_id = candidate)
        || ARRAY(SELECT id::text FROM public.nominations WHERE candidate_id = candidate)
        || ARRAY(SELECT id::text FROM public.consents WHERE candidate_id = candidate)
        || ARRAY(SELECT id::text FROM public.conflict_declarations WHERE candidate_id = candidate)
        || ARRAY(SELECT id::text FROM public.privacy_requests WHERE candidate_id = candidate)
        || ARRAY(SELECT s.id::text FROM public.evaluation_sheets s JOIN public.applications a ON a.id = s.application_id
                 WHERE a.candidate_id = candidate);
    terms := ARRAY(SELECT to_jsonb(v)::text FROM unnest(ARRAY[person.full_name, person.citizen_id, person.email,
                                                              person.phone]) AS v WHERE v IS NOT NULL)
        || ARRAY(SELECT to_jsonb(value)::text FROM public.candidate_contacts WHERE candidate_id = candidate)
        || ARRAY(SELECT to_jsonb(v)::text FROM unnest(ids) AS v);
    PERFORM set_config('talent.audit_redaction', txid_current()::text, true);
    WITH hit AS (
        UPDATE public.audit_log a SET changes = '{"redacted": true}'::jsonb
        WHERE a.changes <> '{"redacted": true}'::jsonb
          AND (a.entity_id = ANY (ids)
               OR EXISTS (SELECT 1 FROM unnest(terms) AS t WHERE strpos(a.changes::text, t) > 0))
        RETURNING a.seq)
    SELECT coalesce(array_agg(seq ORDER BY seq), '{}') INTO redacted FROM hit;
    PERFORM set_config('talent.audit_redaction', '', true);
    RETURN redacted;
END
$$;
REVOKE ALL ON FUNCTION audit_redact_candidate(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_redact_candidate(uuid) TO talent_app;
