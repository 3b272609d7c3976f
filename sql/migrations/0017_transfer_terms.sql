-- The transfer terms of a partnership agreement (Decree 356/2025/NĐ-CP Art. 7.1; Law 91/2025/QH15 Art. 17): the
-- purpose, the kinds of personal data the partner passes, how long the tracker processes them, what happens to them at
-- the end, and who answers the data subjects' requests. All five or none: an agreement without them is shown as
-- lacking terms, never refused (agreements signed before 2026 have none recorded).
ALTER TABLE agreements
    ADD COLUMN transfer_purpose          text CHECK (btrim(transfer_purpose) <> ''),
    ADD COLUMN transfer_data_types       text[] CHECK (cardinality(transfer_data_types) > 0 AND transfer_data_types <@
        ARRAY['identity', 'contact', 'profile', 'education', 'career', 'evaluation', 'referral', 'consent',
              'free_text']::text[]),
    ADD COLUMN transfer_retention_days   integer CHECK (transfer_retention_days BETWEEN 1 AND 3650),
    ADD COLUMN transfer_disposal         text CHECK (transfer_disposal IN ('delete', 'return')),
    ADD COLUMN transfer_requests_contact text CHECK (btrim(transfer_requests_contact) <> ''),
    ADD CONSTRAINT agreements_transfer_whole CHECK (
        (transfer_purpose IS NULL AND transfer_data_types IS NULL AND transfer_retention_days IS NULL
         AND transfer_disposal IS NULL AND transfer_requests_contact IS NULL)
        OR (transfer_purpose IS NOT NULL AND transfer_data_types IS NOT NULL AND transfer_retention_days IS NOT NULL
            AND transfer_disposal IS NOT NULL AND transfer_requests_contact IS NOT NULL));

COMMENT ON COLUMN agreements.transfer_purpose IS 'not personal: the purpose of the transfer, as the agreement states it';
COMMENT ON COLUMN agreements.transfer_data_types IS 'not personal: the kinds of data transferred (codes)';
COMMENT ON COLUMN agreements.transfer_retention_days IS 'not personal: the processing period in days';
COMMENT ON COLUMN agreements.transfer_disposal IS 'not personal: delete or return at the end of the period';
COMMENT ON COLUMN agreements.transfer_requests_contact IS 'personal: contact; purpose: partnership; retention: partner';
