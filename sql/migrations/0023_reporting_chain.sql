-- The reporting chain of plan 483 (IV.5.c → IV.1.a; issue 16, part 5): each agency submits its yearly report to Sở Tư
-- pháp — its figures computed for it and frozen at submission, with the text sections a report has — and Sở Tư pháp
-- issues the province's report, frozen as rendered (Markdown, printable HTML, PDF) with each document's SHA-256, so
-- that a report once sent reads back byte for byte whatever happens to agencies and data afterwards.

-- A submission is kept as sent; a corrected one is a new row (the latest of an agency and year counts).
CREATE TABLE agency_reports (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_code  text NOT NULL REFERENCES agencies (code),
    agency_name  text NOT NULL,
    year         integer NOT NULL CHECK (year BETWEEN 2024 AND 2100),
    figures      jsonb NOT NULL,
    results      text NOT NULL CHECK (btrim(results) <> '' AND length(results) <= 20000),
    difficulties text CHECK (length(difficulties) <= 20000),
    proposals    text CHECK (length(proposals) <= 20000),
    submitted_by text NOT NULL,
    submitted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agency_reports_year ON agency_reports (year, agency_code, submitted_at DESC);
COMMENT ON COLUMN agency_reports.agency_code IS 'not personal: the submitting agency (as it was then)';
COMMENT ON COLUMN agency_reports.agency_name IS 'not personal: the agency''s name as it was then';
COMMENT ON COLUMN agency_reports.figures IS 'not personal: the agency''s figures at submission (counts, targets, training coverage)';
COMMENT ON COLUMN agency_reports.results IS 'personal: free_text; purpose: accountability; retention: audit';
COMMENT ON COLUMN agency_reports.difficulties IS 'personal: free_text; purpose: accountability; retention: audit';
COMMENT ON COLUMN agency_reports.proposals IS 'personal: free_text; purpose: accountability; retention: audit';
COMMENT ON COLUMN agency_reports.submitted_by IS 'personal: staff; purpose: accountability; retention: audit';

-- The province's issued reports: yearly, mid-term (sơ kết 2027) and final (tổng kết 2030) reviews.
CREATE TABLE issued_reports (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind            text NOT NULL CHECK (kind IN ('annual', 'midterm', 'final')),
    year            integer NOT NULL CHECK (year BETWEEN 2024 AND 2100),
    period_from     date NOT NULL,
    period_to       date NOT NULL CHECK (period_to >= period_from),
    number          text NOT NULL UNIQUE CHECK (btrim(number) <> '' AND length(number) <= 100),
    signer          text NOT NULL CHECK (btrim(signer) <> '' AND length(signer) <= 200),
    signed_on       date NOT NULL,
    markdown        bytea NOT NULL,
    html            bytea NOT NULL,
    pdf             bytea NOT NULL,
    markdown_sha256 text NOT NULL,
    html_sha256     text NOT NULL,
    pdf_sha256      text NOT NULL,
    issued_by       text NOT NULL,
    issued_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX issued_reports_issued ON issued_reports (issued_at DESC, id DESC);
COMMENT ON COLUMN issued_reports.number IS 'not personal: the report''s number and symbol';
COMMENT ON COLUMN issued_reports.signer IS 'personal: staff; purpose: accountability; retention: audit';
COMMENT ON COLUMN issued_reports.markdown IS 'personal: free_text; purpose: accountability; retention: audit';
COMMENT ON COLUMN issued_reports.html IS 'personal: free_text; purpose: accountability; retention: audit';
COMMENT ON COLUMN issued_reports.pdf IS 'personal: free_text; purpose: accountability; retention: audit';
COMMENT ON COLUMN issued_reports.issued_by IS 'personal: staff; purpose: accountability; retention: audit';

-- Both are kept as sent: read and appended by the application, never changed or removed.
REVOKE ALL ON agency_reports, issued_reports FROM PUBLIC, talent_app;
GRANT SELECT, INSERT ON agency_reports, issued_reports TO talent_app;
