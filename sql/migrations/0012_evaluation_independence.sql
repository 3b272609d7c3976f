-- Evaluations stay independent (issue 12, part 5).
--
-- A sheet that hr or an administrator types in for an evaluator (a paper sheet) records who typed it, and counts
-- toward the panel's result only once the evaluator confirms it. A sheet the evaluator submits themselves has no
-- entered_by and counts at once. Sheets stored before this migration have no entered_by: they keep counting.
ALTER TABLE evaluation_sheets
    ADD COLUMN entered_by text CHECK (entered_by IS NULL OR btrim(entered_by) <> ''),
    ADD COLUMN confirmed_by text CHECK (confirmed_by IS NULL OR btrim(confirmed_by) <> ''),
    ADD COLUMN confirmed_at timestamptz,
    -- An amendment that began to count after someone had read the panel's result.
    ADD COLUMN amended_after_result boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT evaluation_sheets_confirmation
        CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL) AND (confirmed_at IS NULL OR entered_by IS NOT NULL)),
    ADD CONSTRAINT evaluation_sheets_amended_after_result CHECK (NOT amended_after_result OR revision > 1);

-- When an application's panel result (its scores beyond one evaluator's own sheet) was first read, and by whom.
-- Written once; amendments that count after it are flagged.
CREATE TABLE evaluation_result_reads (
    application_id uuid PRIMARY KEY REFERENCES applications (id),
    first_read_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    first_read_by  text NOT NULL CHECK (btrim(first_read_by) <> '')
);
