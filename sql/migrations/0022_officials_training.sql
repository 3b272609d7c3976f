-- The plan beyond recruitment (issue 16): the officials who do legal-drafting work, the hiring decision that makes a
-- hired candidate one of them, their training (plan II.2.d: more than 90 % trained by 2027, 100 % by 2030), and
-- commendations of officials and of the people who found talent (III.6, III.3.c).

-- The hire is dated by its decision (quyết định tuyển dụng / tiếp nhận), not by when someone typed the move: a hire
-- entered late no longer turns a met target into a missed one. `hired_on` is the decision's effective date, or, for a
-- move to `hired` without one, the day of the move in the province's time (set by the trigger below, so every path
-- that writes `stage` keeps it: the service, the demo, the benchmark's bulk loads).
ALTER TABLE applications ADD COLUMN hired_on date;
COMMENT ON COLUMN applications.hired_on IS 'not personal: the day the hire takes effect (the decision''s effective date)';
UPDATE applications SET hired_on = (stage_entered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date WHERE stage = 'hired';
ALTER TABLE applications ADD CONSTRAINT applications_hired_on CHECK ((stage = 'hired') = (hired_on IS NOT NULL));

CREATE FUNCTION applications_date_hire() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.stage <> 'hired' THEN
        NEW.hired_on := NULL;
    ELSIF TG_OP = 'INSERT' OR OLD.stage <> 'hired' THEN
        NEW.hired_on := coalesce(NEW.hired_on, (NEW.stage_entered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER applications_date_hire BEFORE INSERT OR UPDATE OF stage, hired_on ON applications
    FOR EACH ROW EXECUTE FUNCTION applications_date_hire();

-- Targets count hires by a range on the effective date.
DROP INDEX applications_hired;
CREATE INDEX applications_hired ON applications (position_id, hired_on) WHERE stage = 'hired';

-- A hiring decision: one per application, kept as signed. The methods are those of Decree 170/2025/NĐ-CP (thi tuyển,
-- xét tuyển, tiếp nhận) and the special intake of talented people under Decree 179/2024/NĐ-CP (thu hút).
CREATE TABLE hiring_decisions (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    application_id uuid NOT NULL UNIQUE REFERENCES applications (id),
    number         text NOT NULL CHECK (btrim(number) <> '' AND length(number) <= 100),
    signed_on      date NOT NULL,
    signer         text NOT NULL CHECK (btrim(signer) <> '' AND length(signer) <= 200),
    effective_on   date NOT NULL CHECK (effective_on >= signed_on),
    method         text CHECK (method IN ('thi_tuyen', 'xet_tuyen', 'tiep_nhan', 'thu_hut')),
    recorded_by    text NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN hiring_decisions.application_id IS 'not personal: the application decided';
COMMENT ON COLUMN hiring_decisions.number IS 'not personal: the decision''s number and symbol';
COMMENT ON COLUMN hiring_decisions.signed_on IS 'not personal: the signing date';
COMMENT ON COLUMN hiring_decisions.signer IS 'personal: staff; purpose: accountability; retention: audit';
COMMENT ON COLUMN hiring_decisions.effective_on IS 'not personal: the effective date';
COMMENT ON COLUMN hiring_decisions.method IS 'not personal: the hiring method (code)';
COMMENT ON COLUMN hiring_decisions.recorded_by IS 'personal: staff; purpose: accountability; retention: audit';
COMMENT ON COLUMN hiring_decisions.recorded_at IS 'not personal: when it was recorded';

-- Officials in post doing legal-drafting work, whether hired through the tracker (linked to the candidate and the
-- decision) or already in post (developed into the core force, II.2.đ / III.4.b). An official is in post on a day
-- when `since` <= day and (`until` is null or day < `until`): `until` is the first day out of post.
CREATE TABLE officials (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    full_name     text NOT NULL CHECK (btrim(full_name) <> '' AND length(full_name) <= 200),
    search_name   text NOT NULL,
    agency_code   text NOT NULL REFERENCES agencies (code),
    kind          text NOT NULL CHECK (kind IN ('legal_affairs_officer', 'core_drafting_officer', 'drafting_advisor',
                                                'drafting_staff')),
    core_force    boolean NOT NULL DEFAULT false,
    candidate_id  uuid REFERENCES candidates (id),
    decision_id   uuid UNIQUE REFERENCES hiring_decisions (id),
    since         date NOT NULL,
    until         date CHECK (until > since),
    leave_reason  text CHECK (length(leave_reason) <= 2000),
    version       integer NOT NULL DEFAULT 1,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX officials_agency ON officials (agency_code, full_name, id);
CREATE INDEX officials_candidate ON officials (candidate_id) WHERE candidate_id IS NOT NULL;
COMMENT ON COLUMN officials.full_name IS 'personal: identity; purpose: workforce; retention: personnel_file';
COMMENT ON COLUMN officials.search_name IS 'personal: identity; purpose: workforce; retention: personnel_file';
COMMENT ON COLUMN officials.agency_code IS 'not personal: the agency';
COMMENT ON COLUMN officials.kind IS 'not personal: the kind of legal-drafting work (code)';
COMMENT ON COLUMN officials.core_force IS 'not personal: part of the core force of plan II.2.đ';
COMMENT ON COLUMN officials.candidate_id IS 'not personal: the candidate hired, when hired through the tracker';
COMMENT ON COLUMN officials.decision_id IS 'not personal: the hiring decision';
COMMENT ON COLUMN officials.since IS 'personal: career; purpose: workforce; retention: personnel_file';
COMMENT ON COLUMN officials.until IS 'personal: career; purpose: workforce; retention: personnel_file';
COMMENT ON COLUMN officials.leave_reason IS 'personal: free_text; purpose: workforce; retention: personnel_file';
COMMENT ON COLUMN officials.created_by IS 'personal: staff; purpose: accountability; retention: audit';

-- Courses and sessions (bồi dưỡng, tập huấn), organised by an agency (Sở Tư pháp, Sở Nội vụ) or a partner institution,
-- possibly under a partnership agreement (III.3.d).
CREATE TABLE trainings (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title          text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 500),
    starts_on      date NOT NULL,
    ends_on        date NOT NULL CHECK (ends_on >= starts_on),
    organizer_code text REFERENCES agencies (code),
    partner_code   text REFERENCES partners (code),
    agreement_id   uuid REFERENCES agreements (id),
    hours          numeric(6, 1) CHECK (hours > 0),
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trainings_ends ON trainings (ends_on DESC, id DESC);
COMMENT ON COLUMN trainings.title IS 'not personal: the course''s title';
COMMENT ON COLUMN trainings.organizer_code IS 'not personal: the organising agency';
COMMENT ON COLUMN trainings.partner_code IS 'not personal: the partner institution';
COMMENT ON COLUMN trainings.agreement_id IS 'not personal: the agreement it falls under';
COMMENT ON COLUMN trainings.created_by IS 'personal: staff; purpose: accountability; retention: audit';

-- Who attended and how it ended; one row per training and official, changed by recording it again.
CREATE TABLE training_attendance (
    training_id uuid NOT NULL REFERENCES trainings (id),
    official_id uuid NOT NULL REFERENCES officials (id),
    result      text NOT NULL CHECK (result IN ('registered', 'completed', 'absent')),
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (training_id, official_id)
);
CREATE INDEX training_attendance_official ON training_attendance (official_id) WHERE result = 'completed';
COMMENT ON COLUMN training_attendance.official_id IS 'not personal: the official';
COMMENT ON COLUMN training_attendance.result IS 'personal: career; purpose: workforce; retention: personnel_file';
COMMENT ON COLUMN training_attendance.recorded_by IS 'personal: staff; purpose: accountability; retention: audit';

-- Commendations (khen thưởng) proposed for an official (III.6, IV.1.e) or for the person who found a talent (III.3.c,
-- through the referral whose candidate was hired or did well), then decided with a number and a date.
CREATE TABLE commendations (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    official_id     uuid REFERENCES officials (id),
    referral_id     uuid REFERENCES referrals (id),
    reason          text NOT NULL CHECK (btrim(reason) <> '' AND length(reason) <= 4000),
    status          text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'decided')),
    decision_number text CHECK (btrim(decision_number) <> '' AND length(decision_number) <= 100),
    decided_on      date,
    proposed_by     text NOT NULL,
    proposed_at     timestamptz NOT NULL DEFAULT now(),
    decided_by      text,
    version         integer NOT NULL DEFAULT 1,
    CHECK (num_nonnulls(official_id, referral_id) = 1),
    CHECK ((status = 'decided') = (decision_number IS NOT NULL AND decided_on IS NOT NULL AND decided_by IS NOT NULL))
);
CREATE INDEX commendations_proposed ON commendations (proposed_at DESC, id DESC);
COMMENT ON COLUMN commendations.official_id IS 'not personal: the official commended';
COMMENT ON COLUMN commendations.referral_id IS 'not personal: the referral whose referrer is commended';
COMMENT ON COLUMN commendations.reason IS 'personal: free_text; purpose: workforce; retention: personnel_file';
COMMENT ON COLUMN commendations.decision_number IS 'not personal: the commendation decision''s number';
COMMENT ON COLUMN commendations.decided_on IS 'not personal: the commendation decision''s date';
COMMENT ON COLUMN commendations.proposed_by IS 'personal: staff; purpose: accountability; retention: audit';
COMMENT ON COLUMN commendations.decided_by IS 'personal: staff; purpose: accountability; retention: audit';

-- A decision is kept as signed: the application reads and appends it, never changes or removes it (a wrong one is
-- corrected by the schema owner, in the open). The other tables: no deletes either; an official leaves, a result is
-- recorded again.
REVOKE ALL ON hiring_decisions, officials, trainings, training_attendance, commendations FROM PUBLIC, talent_app;
GRANT SELECT, INSERT ON hiring_decisions TO talent_app;
GRANT SELECT, INSERT, UPDATE ON officials, trainings, training_attendance, commendations TO talent_app;
