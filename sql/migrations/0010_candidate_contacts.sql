-- Secondary contacts: the e-mail and phone of a profile merged into another, where the kept profile has its own
-- (issue 11, item 16). Before this, a merge kept one e-mail and one phone and dropped the other's without a word.
CREATE TABLE candidate_contacts (
    candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('email', 'phone')),
    -- Normalized as the profile's own: a lower-case e-mail, a phone as +84….
    value        text NOT NULL CHECK (btrim(value) <> ''
                                      AND (kind <> 'email' OR (value = lower(value) AND position('@' IN value) > 1))
                                      AND (kind <> 'phone' OR value ~ '^\+84[0-9]{9,10}$')),
    -- The removed profile that held it (it no longer exists; the audit trail keeps it whole).
    merged_from  uuid,
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (candidate_id, value)
);
-- A search by e-mail or phone, and the check that a contact belongs to one person, find secondary ones too.
CREATE INDEX candidate_contacts_value ON candidate_contacts (value);
