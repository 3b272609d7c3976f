-- Candidate search bounded at a million candidates (issue 15): a search ranked by relevance sorted every match by
-- rank, so a common word (`an`, `nguyen`) or two common words that never occur together (`nguyen le`) read most of
-- the table (up to 1.1 s). The search now reads its best ranks first (CandidateTable+Search.swift): the newest rows
-- through `candidates_created`, and older rows of a rank through the whole-word indexes below.
--
-- A name's words as an array, for `&&` and `@>`: the folded words (a word matched without regard to accents) and the
-- words as written (a word spelled as typed).
CREATE INDEX candidates_search_words ON candidates USING gin (string_to_array(search_name, ' '));
CREATE INDEX candidates_name_words ON candidates USING gin (string_to_array(full_name, ' '));

-- The window of the newest candidates from the index alone (an index-only scan: no visit to the table for rows the
-- visibility map knows), with what the ranking and the filters on the candidate itself read.
CREATE INDEX candidates_created_names ON candidates (created_at DESC, id DESC) INCLUDE (full_name, search_name, sector)
    WHERE erased_at IS NULL;

-- Every folded word any candidate's name has held, so that "a word of the name contains `an` but is not `an`" is an
-- index condition too: the name's words overlap the longer words that contain it. Only ever grows (a word no name
-- holds any more only widens that set; each row is still checked against the search itself).
CREATE TABLE candidate_name_words (
    word text COLLATE "C" PRIMARY KEY
);
COMMENT ON TABLE candidate_name_words IS 'The folded words that occur in candidates'' names, linked to no one';
COMMENT ON COLUMN candidate_name_words.word IS 'not personal: a folded word that occurs in some name, with no link to any candidate';

INSERT INTO candidate_name_words (word)
SELECT DISTINCT w FROM candidates, unnest(string_to_array(search_name, ' ')) w WHERE w <> ''
ON CONFLICT DO NOTHING;

-- Statement-level, with the statement's rows as a transition table: one INSERT per statement, COPY included.
CREATE FUNCTION candidate_name_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO candidate_name_words (word)
    SELECT DISTINCT w FROM new_rows n, unnest(string_to_array(n.search_name, ' ')) w WHERE w <> ''
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER candidates_name_words_insert AFTER INSERT ON candidates
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_name_words_add();
CREATE TRIGGER candidates_name_words_update AFTER UPDATE ON candidates
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_name_words_add();

GRANT SELECT, INSERT ON candidate_name_words TO talent_app;
