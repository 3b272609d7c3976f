-- The pipeline report without reading the whole history (issue 15): at a million applications the grouped report
-- took 5.7 s, counting three million stage changes and sorting the completed stays of every group for its median.
--
-- 1. `pipeline_counts` keeps, per position and stage, the applications now in the stage (`present`), the first
--    entries to it (`reached`) and the completed stays in it (`stays`), kept exact by the triggers below in the
--    transaction of every change to applications and their history (including deletes and TRUNCATE). Keyed by
--    position, so a position moved to another agency (a merger) takes its figures with it.
-- 2. Each stage change carries its position and that position's agency, and two indexes order the completed stays
--    by length, per stage and per agency and stage: a median is then read at its rank (the count above says where)
--    instead of sorting the group.
ALTER TABLE application_stage_history
    ADD COLUMN position_id uuid,
    ADD COLUMN agency_code text;

UPDATE application_stage_history h SET position_id = a.position_id, agency_code = p.agency_code
FROM applications a JOIN positions p ON p.id = a.position_id
WHERE a.id = h.application_id;

ALTER TABLE application_stage_history ALTER COLUMN position_id SET NOT NULL, ALTER COLUMN agency_code SET NOT NULL;

COMMENT ON COLUMN application_stage_history.position_id IS 'not personal: the application''s position, kept for the pipeline figures';
COMMENT ON COLUMN application_stage_history.agency_code IS 'not personal: the position''s agency, kept for the pipeline figures';

-- The length of a completed stay in days, kept in the row so that the indexes hold it and a median is read from the
-- index alone (an index on the expression would send every step of the walk to the table for left_at and at).
ALTER TABLE application_stage_history
    ADD COLUMN stay_days double precision GENERATED ALWAYS AS ((extract(epoch FROM left_at - at) / 86400)::double precision) STORED;
COMMENT ON COLUMN application_stage_history.stay_days IS 'not personal: how many days the completed stay lasted';
CREATE INDEX application_stage_history_stays ON application_stage_history (to_stage, stay_days) WHERE stay_days IS NOT NULL;
CREATE INDEX application_stage_history_agency_stays ON application_stage_history (agency_code, to_stage, stay_days)
    WHERE stay_days IS NOT NULL;
-- A position moving to another agency rewrites its history's agency through this.
CREATE INDEX application_stage_history_position ON application_stage_history (position_id);

CREATE TABLE pipeline_counts (
    position_id uuid NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
    stage       text NOT NULL,
    present     integer NOT NULL DEFAULT 0 CHECK (present >= 0),
    reached     integer NOT NULL DEFAULT 0 CHECK (reached >= 0),
    stays       integer NOT NULL DEFAULT 0 CHECK (stays >= 0),
    PRIMARY KEY (position_id, stage)
);

COMMENT ON COLUMN pipeline_counts.position_id IS 'not personal: a position';
COMMENT ON COLUMN pipeline_counts.stage IS 'not personal: a pipeline stage';
COMMENT ON COLUMN pipeline_counts.present IS 'not personal: applications now in the stage';
COMMENT ON COLUMN pipeline_counts.reached IS 'not personal: applications that ever entered the stage';
COMMENT ON COLUMN pipeline_counts.stays IS 'not personal: completed stays in the stage';

-- Counts every figure again from the applications and their history: here, and after a bulk load that ran with the
-- triggers below disabled (bench/reports.sh).
CREATE FUNCTION pipeline_counts_recount() RETURNS void LANGUAGE sql AS $$
    DELETE FROM pipeline_counts;
    INSERT INTO pipeline_counts (position_id, stage, present, reached, stays)
    SELECT position_id, stage, sum(present), sum(reached), sum(stays)
    FROM (
        SELECT position_id, stage, 1 AS present, 0 AS reached, 0 AS stays FROM applications
        UNION ALL
        SELECT position_id, to_stage, 0, first_entry::int, (left_at IS NOT NULL)::int FROM application_stage_history
    ) f
    GROUP BY position_id, stage;
$$;
SELECT pipeline_counts_recount();

-- Adds to one position's figures for one stage, creating the row on first use (the row proposed for the insert
-- is checked before the conflict is found, so it holds no negative count; a decrease always finds its row).
CREATE FUNCTION pipeline_count(p_position uuid, p_stage text, d_present integer, d_reached integer, d_stays integer)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO pipeline_counts AS c (position_id, stage, present, reached, stays)
    VALUES (p_position, p_stage, greatest(d_present, 0), greatest(d_reached, 0), greatest(d_stays, 0))
    ON CONFLICT (position_id, stage) DO UPDATE
    SET present = c.present + d_present, reached = c.reached + d_reached, stays = c.stays + d_stays
$$;

CREATE FUNCTION pipeline_count_applications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR OLD.stage <> NEW.stage OR OLD.position_id <> NEW.position_id) THEN
        -- Two moves between the same two stages lock their rows in the same order (by stage), so never deadlock.
        PERFORM 1 FROM pipeline_counts
        WHERE (position_id = OLD.position_id AND stage = OLD.stage)
           OR (TG_OP = 'UPDATE' AND position_id = NEW.position_id AND stage = NEW.stage)
        ORDER BY position_id, stage FOR UPDATE;
        PERFORM pipeline_count(OLD.position_id, OLD.stage, -1, 0, 0);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.stage <> NEW.stage OR OLD.position_id <> NEW.position_id)) THEN
        PERFORM pipeline_count(NEW.position_id, NEW.stage, 1, 0, 0);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER applications_pipeline_counts AFTER INSERT OR UPDATE OF stage, position_id OR DELETE ON applications
    FOR EACH ROW EXECUTE FUNCTION pipeline_count_applications();

-- A stage change takes its application's position and that position's agency.
CREATE FUNCTION pipeline_history_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.position_id, p.agency_code INTO NEW.position_id, NEW.agency_code
    FROM applications a JOIN positions p ON p.id = a.position_id WHERE a.id = NEW.application_id;
    RETURN NEW;
END $$;

CREATE TRIGGER application_stage_history_position BEFORE INSERT ON application_stage_history
    FOR EACH ROW EXECUTE FUNCTION pipeline_history_position();

CREATE FUNCTION pipeline_count_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pipeline_count(OLD.position_id, OLD.to_stage, 0, -(OLD.first_entry::int), -((OLD.left_at IS NOT NULL)::int));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pipeline_count(NEW.position_id, NEW.to_stage, 0, NEW.first_entry::int, (NEW.left_at IS NOT NULL)::int);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER application_stage_history_counts AFTER INSERT OR UPDATE OF first_entry, left_at, to_stage OR DELETE
    ON application_stage_history FOR EACH ROW EXECUTE FUNCTION pipeline_count_history();

CREATE FUNCTION pipeline_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'applications' THEN
        UPDATE pipeline_counts SET present = 0 WHERE present <> 0;
    ELSE
        UPDATE pipeline_counts SET reached = 0, stays = 0 WHERE reached <> 0 OR stays <> 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER applications_pipeline_truncated AFTER TRUNCATE ON applications
    FOR EACH STATEMENT EXECUTE FUNCTION pipeline_count_truncated();
CREATE TRIGGER application_stage_history_truncated AFTER TRUNCATE ON application_stage_history
    FOR EACH STATEMENT EXECUTE FUNCTION pipeline_count_truncated();

-- A position that moves to another agency (a merger, or an edit) takes its history with it.
CREATE FUNCTION pipeline_position_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE application_stage_history SET agency_code = NEW.agency_code WHERE position_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER positions_pipeline_agency AFTER UPDATE OF agency_code ON positions
    FOR EACH ROW WHEN (OLD.agency_code IS DISTINCT FROM NEW.agency_code) EXECUTE FUNCTION pipeline_position_moved();

GRANT SELECT, INSERT, UPDATE, DELETE ON pipeline_counts TO talent_app;
