-- Referrals: who recommended a candidate, how they know them, why, and whether the referral is credited.

CREATE TABLE referrals (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id          uuid NOT NULL REFERENCES candidates (id),
    referrer_kind         text NOT NULL CHECK (referrer_kind IN ('person', 'user', 'agency', 'partner', 'self')),
    referrer_name         text,
    referrer_title        text,
    referrer_email        text,
    referrer_user_id      uuid REFERENCES staff_users (id),
    referrer_agency_code  text REFERENCES agencies (code),
    referrer_partner_code text REFERENCES partners (code),
    relationship          text NOT NULL DEFAULT 'none'
                          CHECK (relationship IN ('none', 'teacher', 'colleague', 'supervisor', 'relative', 'other')),
    justification         text NOT NULL CHECK (btrim(justification) <> ''),
    channel               text NOT NULL CHECK (channel IN ('cli', 'api', 'nomination')),
    -- The first referral of a candidate within the credit window is credited; later ones are supporting.
    credited              boolean NOT NULL,
    created_by            text NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    -- Exactly the referrer the kind names.
    CHECK (referrer_kind <> 'person'  OR referrer_name IS NOT NULL),
    CHECK (referrer_kind <> 'user'    OR referrer_user_id IS NOT NULL),
    CHECK (referrer_kind <> 'agency'  OR referrer_agency_code IS NOT NULL),
    CHECK (referrer_kind <> 'partner' OR referrer_partner_code IS NOT NULL)
);
CREATE INDEX referrals_candidate ON referrals (candidate_id, created_at);
CREATE INDEX referrals_created ON referrals (created_at DESC, id DESC);
CREATE INDEX referrals_user ON referrals (referrer_user_id) WHERE referrer_user_id IS NOT NULL;
CREATE INDEX referrals_agency ON referrals (referrer_agency_code) WHERE referrer_agency_code IS NOT NULL;
CREATE INDEX referrals_partner ON referrals (referrer_partner_code) WHERE referrer_partner_code IS NOT NULL;
