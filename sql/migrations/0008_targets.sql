-- The plan's targets as data: how many officers of a kind an agency must have hired by a deadline. A target follows
-- its agency through a merger (`talent agency retire CODE --merged-into OTHER`).

CREATE TABLE targets (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_code   text NOT NULL REFERENCES agencies (code),
    position_kind text NOT NULL
                  CHECK (position_kind IN ('legal_affairs_officer', 'core_drafting_officer', 'drafting_advisor', 'other')),
    count         integer NOT NULL CHECK (count BETWEEN 1 AND 10000),
    deadline      date NOT NULL,
    -- Where the straight line of the projection starts: the plan's date unless given.
    starts_on     date NOT NULL DEFAULT DATE '2024-12-19' CHECK (starts_on < deadline),
    note          text,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (agency_code, position_kind, deadline)
);

-- Hires are counted from applications in `hired` at positions of the agency and kind.
CREATE INDEX applications_hired ON applications (position_id, stage_entered_at) WHERE stage = 'hired';
CREATE INDEX positions_agency_kind ON positions (agency_code, kind);

-- Plan 483/KH-UBND, II.2.đ: the Department of Justice's core drafting force, 2 officers by 2027 and 3 by 2030.
INSERT INTO targets (agency_code, position_kind, count, deadline, note, created_by) VALUES
    ('STP', 'core_drafting_officer', 2, DATE '2027-12-31', 'KH 483/KH-UBND, mục II.2.đ', 'Kế hoạch 483/KH-UBND'),
    ('STP', 'core_drafting_officer', 3, DATE '2030-12-31', 'KH 483/KH-UBND, mục II.2.đ', 'Kế hoạch 483/KH-UBND');
-- II.2.e: at least one dedicated legal-affairs officer in every provincial department, by 2030.
INSERT INTO targets (agency_code, position_kind, count, deadline, note, created_by)
SELECT code, 'legal_affairs_officer', 1, DATE '2030-12-31', 'KH 483/KH-UBND, mục II.2.e', 'Kế hoạch 483/KH-UBND'
FROM agencies WHERE kind = 'department' AND status = 'active';
