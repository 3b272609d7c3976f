-- Partners' request budgets on the nomination routes (TALENT_PARTNER_RATE_PER_MINUTE), kept in the database so that
-- every instance of the server behind a balancer draws on one budget per partner (issue 14, item 4). A token bucket:
-- `tokens` requests were left at `refilled_at`; it refills continuously at the configured rate up to one minute's
-- worth. RateLimitTable.take updates it in one statement per request, under the row's lock.
--
-- UNLOGGED: a budget is worth nothing after a crash (the table is emptied then, so every bucket starts full), and it
-- is not replicated to a standby, which never reads it. Writing it costs no WAL and its commits do not wait for a
-- flush to disk, so the limit adds one short statement to a partner's request, not a synchronous commit.
CREATE UNLOGGED TABLE rate_limits (
    partner_code text PRIMARY KEY REFERENCES partners (code) ON DELETE CASCADE,
    tokens       double precision NOT NULL CHECK (tokens >= 0),
    refilled_at  timestamptz NOT NULL
);

COMMENT ON COLUMN rate_limits.partner_code IS 'not personal: a partner''s code';
COMMENT ON COLUMN rate_limits.tokens IS 'not personal: requests left in the partner''s budget at refilled_at';
COMMENT ON COLUMN rate_limits.refilled_at IS 'not personal: when the budget was last counted';

-- The default privileges of migration 0013 grant the same; said here because every request of a partner
-- writes this table.
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO talent_app;
