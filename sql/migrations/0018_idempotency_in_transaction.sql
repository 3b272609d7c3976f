-- An idempotency key is held by the request's own transaction (an advisory lock) and its answer is stored in that
-- transaction, so no row says "in flight" any more: a claim committed on its own before the work outlived a crashed
-- request and locked its retries out for five minutes. Claims left by the old code are dropped; every stored key is
-- an answer.
DELETE FROM idempotency_keys WHERE state <> 'done' OR response_status IS NULL OR response_body IS NULL;
ALTER TABLE idempotency_keys
    DROP CONSTRAINT idempotency_keys_state_check,
    ADD CONSTRAINT idempotency_keys_state_check CHECK (state = 'done'),
    ALTER COLUMN response_status SET NOT NULL,
    ALTER COLUMN response_body SET NOT NULL;
