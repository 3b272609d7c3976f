-- Each stage change knows when the application left that stage and whether it was the first time the application
-- entered it, so the pipeline report counts and times stays without a window over the whole history.

ALTER TABLE application_stage_history
    ADD COLUMN left_at timestamptz,
    ADD COLUMN first_entry boolean NOT NULL DEFAULT true;

UPDATE application_stage_history h
SET left_at = n.next_at, first_entry = (n.k = 1)
FROM (
    SELECT id, lead(at) OVER (PARTITION BY application_id ORDER BY id) AS next_at,
           row_number() OVER (PARTITION BY application_id, to_stage ORDER BY id) AS k
    FROM application_stage_history
) n
WHERE n.id = h.id AND (n.next_at IS NOT NULL OR n.k > 1);
