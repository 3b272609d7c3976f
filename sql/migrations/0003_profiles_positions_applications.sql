-- Full candidate profiles, positions per agency, applications and their stage history.

ALTER TABLE candidates
    ADD COLUMN gender text CHECK (gender IN ('female', 'male', 'other')),
    ADD COLUMN province text,
    ADD COLUMN sector text CHECK (sector IN ('state', 'non_state', 'academic', 'overseas', 'student')),
    ADD COLUMN current_employer text,
    ADD COLUMN current_title text,
    ADD COLUMN legal_experience_years integer CHECK (legal_experience_years BETWEEN 0 AND 70),
    ADD COLUMN skills text[] NOT NULL DEFAULT '{}',
    ADD COLUMN languages text[] NOT NULL DEFAULT '{}',
    ADD COLUMN notes text,
    -- Vietnamese order by given name (see VietnameseText.sortKey); ASCII, compared bytewise.
    ADD COLUMN sort_key text COLLATE "C" NOT NULL DEFAULT '';

CREATE INDEX candidates_sort_key ON candidates (sort_key, id);
CREATE INDEX candidates_sector ON candidates (sector, created_at DESC, id DESC);
-- Likely duplicates: the same folded name and date of birth.
CREATE INDEX candidates_name_dob ON candidates (search_name, date_of_birth);

CREATE TABLE candidate_education (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    candidate_id        uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    ordinal             integer NOT NULL CHECK (ordinal >= 0),
    degree              text NOT NULL CHECK (degree IN ('bachelor', 'master', 'doctor', 'other')),
    field               text,
    institution         text,
    -- The institution folded like names, to match "ĐH Luật TP.HCM" however it is typed.
    institution_folded  text,
    graduation_year     integer CHECK (graduation_year BETWEEN 1950 AND 2100),
    classification      text CHECK (classification IN ('excellent', 'very_good', 'good', 'average')),
    UNIQUE (candidate_id, ordinal)
);
CREATE INDEX candidate_education_degree ON candidate_education (degree, graduation_year);
CREATE INDEX candidate_education_institution ON candidate_education (institution_folded);

CREATE TABLE positions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_code  text NOT NULL REFERENCES agencies (code),
    title        text NOT NULL CHECK (btrim(title) <> '' AND title IS NFC NORMALIZED),
    kind         text NOT NULL CHECK (kind IN ('legal_affairs_officer', 'core_drafting_officer', 'drafting_advisor', 'other')),
    openings     integer NOT NULL DEFAULT 1 CHECK (openings BETWEEN 1 AND 1000),
    target_date  date,
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on_hold', 'filled', 'closed')),
    description  text,
    version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX positions_agency ON positions (agency_code, created_at DESC);

CREATE TABLE applications (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id     uuid NOT NULL REFERENCES candidates (id),
    position_id      uuid NOT NULL REFERENCES positions (id),
    stage            text NOT NULL DEFAULT 'nominated'
                     CHECK (stage IN ('nominated', 'screening', 'evaluation', 'interview', 'offer', 'hired', 'pool',
                                      'rejected', 'withdrawn')),
    stage_entered_at timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
-- One open application per candidate and position; closed ones stay as history.
CREATE UNIQUE INDEX applications_open_candidate_position ON applications (candidate_id, position_id)
    WHERE stage NOT IN ('hired', 'rejected', 'withdrawn');
CREATE INDEX applications_candidate ON applications (candidate_id);
CREATE INDEX applications_position_stage ON applications (position_id, stage);
CREATE INDEX applications_stage ON applications (stage, candidate_id);

CREATE TABLE application_stage_history (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES applications (id),
    from_stage     text,
    to_stage       text NOT NULL,
    actor          text NOT NULL,
    channel        text NOT NULL CHECK (channel IN ('cli', 'api')),
    reason         text,
    at             timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX application_stage_history_application ON application_stage_history (application_id, id);

-- Who acted, beyond the name: the staff user and token behind an API write (two people can share a name).
ALTER TABLE audit_log
    ADD COLUMN actor_user_id uuid,
    ADD COLUMN token_id uuid;
