-- A tamper-evident audit trail (issue 13, item 9).
--
-- Migrations run as the schema's owner (`talent_owner` on the local cluster, DATABASE_MIGRATION_URL). The application
-- connects as a role that owns nothing and is a member of `talent_app` (`talent` locally, DATABASE_URL): it reads
-- and changes the tables it works on, and may only read and append to the audit trail. Without ownership it can
-- neither UPDATE, DELETE nor TRUNCATE an entry, nor ALTER the table or DISABLE its triggers.
--
-- Every entry is chained: `seq` is its place in the chain and `hash` = SHA-256(previous entry's hash || the entry's
-- canonical text, audit_entry_text), computed by a trigger in the transaction of the write; concurrent writers take
-- turns on a transaction-level advisory lock, so the chain has no fork. `talent audit verify` recomputes it.

-- The application's privileges go to a group role, whatever the login role of a deployment is called.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'talent_app') THEN
        CREATE ROLE talent_app NOLOGIN;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'the role talent_app does not exist and % may not create it: run CREATE ROLE talent_app NOLOGIN as a superuser first (README, "Database roles")', current_user;
END
$$;

GRANT USAGE ON SCHEMA public TO talent_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO talent_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO talent_app;
-- Tables and sequences that later migrations make get the same privileges; a migration that wants
-- narrower ones revokes them, as this one does for the audit trail.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO talent_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO talent_app;

-- The audit trail: read and append, nothing else. The migrations' history: read (talent serve checks it).
REVOKE ALL ON audit_log FROM PUBLIC, talent_app;
GRANT SELECT, INSERT ON audit_log TO talent_app;
REVOKE ALL ON schema_migrations FROM PUBLIC, talent_app;
GRANT SELECT ON schema_migrations TO talent_app;

-- Refused even to the owner, unless it first disables the trigger (which the runtime role cannot).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

ALTER TABLE audit_log
    ADD COLUMN seq bigint,
    ADD COLUMN hash bytea;

-- One field of the canonical text: its length in bytes, a colon, the text, a semicolon; '-;' for a null.
CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN '-;' ELSE octet_length(value)::text || ':' || value || ';' END
$$;

-- What an entry's hash covers, field by field, in this order (AuditChain in TalentService writes the same text):
-- seq, id, at (microseconds since 1970), actor, role, channel, action, entity_type, entity_id, changes (jsonb's
-- text, which is canonical), actor_user_id, token_id.
CREATE FUNCTION audit_entry_text(e public.audit_log) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT public.audit_field(e.seq::text) || public.audit_field(e.id::text)
        || public.audit_field(((extract(epoch FROM e.at) * 1000000)::bigint)::text)
        || public.audit_field(e.actor) || public.audit_field(e.role) || public.audit_field(e.channel)
        || public.audit_field(e.action) || public.audit_field(e.entity_type) || public.audit_field(e.entity_id)
        || public.audit_field(e.changes::text) || public.audit_field(e.actor_user_id::text)
        || public.audit_field(e.token_id::text)
$$;

-- The hash before the first entry.
CREATE FUNCTION audit_chain_genesis() RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT decode(repeat('00', 32), 'hex')
$$;

-- The entries there are, chained in the order they were written.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
DO $$
DECLARE
    entry public.audit_log%ROWTYPE;
    previous bytea := public.audit_chain_genesis();
    n bigint := 0;
BEGIN
    FOR entry IN SELECT * FROM public.audit_log ORDER BY id LOOP
        n := n + 1;
        entry.seq := n;
        previous := sha256(previous || convert_to(public.audit_entry_text(entry), 'UTF8'));
        UPDATE public.audit_log SET seq = n, hash = previous WHERE id = entry.id;
    END LOOP;
END
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;

ALTER TABLE audit_log
    ALTER COLUMN seq SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);

-- Each new entry's place and hash, whatever the writer put there. Writers take turns on the advisory lock, held to
-- the end of their transaction, so the last entry read is the last committed one. The transaction's own last place
-- and hash are then kept in a transaction-local setting, so the next rows of a large INSERT (an import's) need no
-- lookup; a setting the writer forged can only break the chain where verify will see it. The canonical text is
-- audit_entry_text's, written out here (four times faster in a trigger than calling it). Tables are named with
-- their schema so that a temporary table of the same name cannot stand in.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
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
    NEW.hash := sha256(coalesce(last_hash, public.audit_chain_genesis()) || convert_to(
        public.audit_field(NEW.seq::text) || public.audit_field(NEW.id::text)
        || public.audit_field(((extract(epoch FROM NEW.at) * 1000000)::bigint)::text)
        || public.audit_field(NEW.actor) || public.audit_field(NEW.role) || public.audit_field(NEW.channel)
        || public.audit_field(NEW.action) || public.audit_field(NEW.entity_type) || public.audit_field(NEW.entity_id)
        || public.audit_field(NEW.changes::text) || public.audit_field(NEW.actor_user_id::text)
        || public.audit_field(NEW.token_id::text), 'UTF8'));
    PERFORM set_config('talent.audit_chain', tx || '/' || NEW.seq || '/' || encode(NEW.hash, 'hex'), true);
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
