-- A tamper-evident audit trail (issue 13, item 9).
--
-- Migrations run as the schema's owner (`talent_owner` on the local cluster, DATABASE_MIGRATION_URL). The application
-- connects as a role that owns nothing and is a member of `talent_app` (`talent` locally, DATABASE_URL): it reads
-- and changes the tables it works on, and may only read and append to the audit trail. Without ownership it can
-- neither UPDATE, DELETE nor TRUNCATE an entry, nor ALTER the table or DISABLE its triggers.

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
