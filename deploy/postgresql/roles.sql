-- Run once on the primary as a superuser (sudo -u postgres psql -d postgres -f deploy/postgresql/roles.sql), after
-- README.md's "Database roles" made talent_owner, talent_app and talent. Run in the postgres database, not in talent:
-- nothing here belongs to the application's schema (the privacy inventory reads that schema whole). Settings of a role apply to every new session that
-- logs in as it, from any program, and reach the standby through replication.

-- The runtime role: no statement, lock wait or idle transaction lasts long, whoever opened the session (the server,
-- a `talent` command on a host, someone with psql). The server sets its own tighter limits on its connections;
-- these are the ceiling for everything else. 64 MiB imports and the annual report finish well inside them.
ALTER ROLE talent SET statement_timeout = '60s';
ALTER ROLE talent SET lock_timeout = '10s';
ALTER ROLE talent SET idle_in_transaction_session_timeout = '60s';
-- 2 instances x 2 pools x 20, and a few commands.
ALTER ROLE talent CONNECTION LIMIT 90;

-- The schema's owner runs the migrations: a statement may take long (an index on a big table), but a migration
-- never waits long for a lock, because every query on that table would queue behind it; it fails instead, changes
-- nothing (each migration is one transaction) and is run again (docs/operations.md, "Upgrade").
ALTER ROLE talent_owner SET lock_timeout = '3s';
ALTER ROLE talent_owner SET statement_timeout = 0;
ALTER ROLE talent_owner SET idle_in_transaction_session_timeout = '10min';

-- Streaming replication to the standby, and base backups (`talent backup run`): REPLICATION and nothing else.
CREATE ROLE talent_replication LOGIN REPLICATION PASSWORD 'CHANGE-ME';
CREATE ROLE talent_backup LOGIN REPLICATION PASSWORD 'CHANGE-ME';
ALTER ROLE talent_replication CONNECTION LIMIT 3;
ALTER ROLE talent_backup CONNECTION LIMIT 3;

-- The standby's slot: the primary keeps the WAL the standby has not received yet (bounded by max_slot_wal_keep_size).
SELECT pg_create_physical_replication_slot('standby1');

-- Slow SQL, for the operators (pg_stat_statements is preloaded by primary.conf).
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
