-- Personal data (issue 13, items 2 and 10): requests from data subjects with the Decree 356/2025/NĐ-CP clock, the
-- public holidays that clock skips, breaches with the 72-hour notification deadline of Law 91/2025/QH15 Art. 23, and
-- the annotations `talent privacy inventory` reads: every column that holds personal data says so in its comment,
-- `personal: CATEGORY; purpose: PURPOSE; retention: RULE` (codes the application labels), and a column whose name
-- suggests personal data but holds none says `not personal: WHY`. A test fails when such a column has neither.

-- Vietnamese public holidays (Labour Code 2019 Art. 112) on which the working-day clock stops, as data: add a row
-- when the Prime Minister announces a year's dates or moves a day. Weekends are skipped without rows. A holiday
-- that falls on a weekend is listed with its compensatory day (ngày nghỉ bù).
CREATE TABLE public_holidays (
    day     date PRIMARY KEY,
    name_vi text NOT NULL CHECK (btrim(name_vi) <> '' AND name_vi IS NFC NORMALIZED),
    name_en text NOT NULL CHECK (btrim(name_en) <> '')
);

-- Sources: 2025 from the Ministry of Home Affairs' notice on the 2025 holidays (Tết Ất Tỵ: 25/1 to 2/2/2025, the
-- five statutory days 27–31/1). 2026: Tết Bính Ngọ as the Prime Minister approved on the Ministry of Home Affairs'
-- proposal, 14/2 (27 tháng Chạp Ất Tỵ) to 22/2/2026 (mùng 6 Tết), nine days of which the weekdays 16–20/2 are the
-- statutory five (reported by congan.com.vn, "Chính thức chốt phương án Tết Nguyên đán Bính Ngọ 2026 nghỉ 9 ngày");
-- Giỗ Tổ 10/3 âm lịch = Sunday 26/4/2026, compensated on Monday 27/4; Quốc khánh 2/9 (Wednesday) with 1/9. 2027 is
-- PROVISIONAL, computed from the lunar calendar and Art. 112 until the 2027 notice is published: Tết Đinh Mùi
-- falls on Saturday 6/2/2027 (mùng 1), the five days taken as 5–9/2, the weekend 6–7/2 compensated on 10–11/2; Giỗ Tổ 10/3 âm
-- lịch = Friday 16/4/2027; 1/5 is a Saturday, compensated on Monday 3/5; Quốc khánh 2/9 (Thursday) with 3/9.
-- Swapped working days (hoán đổi, a Saturday worked for a bridge day) are not listed: they are not holidays.
INSERT INTO public_holidays (day, name_vi, name_en) VALUES
    ('2025-01-01', 'Tết Dương lịch', 'New Year''s Day'),
    ('2025-01-27', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2025-01-28', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2025-01-29', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2025-01-30', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2025-01-31', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2025-04-07', 'Giỗ Tổ Hùng Vương', 'Hùng Kings'' Commemoration'),
    ('2025-04-30', 'Ngày Chiến thắng', 'Reunification Day'),
    ('2025-05-01', 'Ngày Quốc tế Lao động', 'International Workers'' Day'),
    ('2025-09-01', 'Quốc khánh', 'National Day'),
    ('2025-09-02', 'Quốc khánh', 'National Day'),
    ('2026-01-01', 'Tết Dương lịch', 'New Year''s Day'),
    ('2026-02-16', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2026-02-17', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2026-02-18', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2026-02-19', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2026-02-20', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2026-04-26', 'Giỗ Tổ Hùng Vương', 'Hùng Kings'' Commemoration'),
    ('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Hùng Kings'' Commemoration (compensatory)'),
    ('2026-04-30', 'Ngày Chiến thắng', 'Reunification Day'),
    ('2026-05-01', 'Ngày Quốc tế Lao động', 'International Workers'' Day'),
    ('2026-09-01', 'Quốc khánh', 'National Day'),
    ('2026-09-02', 'Quốc khánh', 'National Day'),
    ('2027-01-01', 'Tết Dương lịch', 'New Year''s Day'),
    ('2027-02-05', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2027-02-06', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2027-02-07', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2027-02-08', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2027-02-09', 'Tết Nguyên đán', 'Lunar New Year'),
    ('2027-02-10', 'Nghỉ bù Tết Nguyên đán', 'Lunar New Year (compensatory)'),
    ('2027-02-11', 'Nghỉ bù Tết Nguyên đán', 'Lunar New Year (compensatory)'),
    ('2027-04-16', 'Giỗ Tổ Hùng Vương', 'Hùng Kings'' Commemoration'),
    ('2027-04-30', 'Ngày Chiến thắng', 'Reunification Day'),
    ('2027-05-01', 'Ngày Quốc tế Lao động', 'International Workers'' Day'),
    ('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động', 'International Workers'' Day (compensatory)'),
    ('2027-09-02', 'Quốc khánh', 'National Day'),
    ('2027-09-03', 'Quốc khánh', 'National Day');

-- A request from a data subject (Law 91/2025/QH15 Art. 4; Decree 356/2025/NĐ-CP Art. 5): its kind, when it was
-- received, the two deadlines computed when it was opened (acknowledge_by: 2 working days; due_on: by kind, moved
-- once by an extension), and how it ended. `overdue` is not stored: it is read from due_on and the day.
CREATE TABLE privacy_requests (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id     uuid NOT NULL REFERENCES candidates (id),
    kind             text NOT NULL
        CHECK (kind IN ('access', 'correction', 'erasure', 'restriction', 'objection', 'withdrawal')),
    received_on      date NOT NULL,
    note             text,
    status           text NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'acknowledged', 'extended', 'done', 'refused')),
    acknowledge_by   date NOT NULL CHECK (acknowledge_by >= received_on),
    due_on           date NOT NULL CHECK (due_on >= received_on),
    acknowledged_at  timestamptz,
    extension_days   integer CHECK (extension_days BETWEEN 1 AND 30),
    extension_reason text,
    extended_at      timestamptz,
    refusal_basis    text,
    closed_at        timestamptz,
    opened_by        text NOT NULL CHECK (btrim(opened_by) <> ''),
    closed_by        text,
    version          integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- One extension, always with its reason; a refusal always with its legal basis; a closed request says when.
    CONSTRAINT privacy_requests_extension
        CHECK ((extension_days IS NULL) = (extension_reason IS NULL) AND (extension_days IS NULL) = (extended_at IS NULL)),
    CONSTRAINT privacy_requests_refusal CHECK ((status = 'refused') = (refusal_basis IS NOT NULL)),
    CONSTRAINT privacy_requests_closed CHECK ((status IN ('done', 'refused')) = (closed_at IS NOT NULL))
);
CREATE INDEX privacy_requests_pending ON privacy_requests (due_on) WHERE status IN ('open', 'acknowledged', 'extended');
CREATE INDEX privacy_requests_candidate ON privacy_requests (candidate_id);

-- A suspected or confirmed personal-data breach: when it was discovered (the 72-hour clock of Law Art. 23 starts
-- there) and when the regulator was notified. The written record the law asks for; never deleted.
CREATE TABLE breaches (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    discovered_at timestamptz NOT NULL,
    description   text NOT NULL CHECK (btrim(description) <> '' AND description IS NFC NORMALIZED),
    records       integer CHECK (records >= 0),
    notified_at   timestamptz CHECK (notified_at IS NULL OR notified_at >= discovered_at),
    recorded_by   text NOT NULL CHECK (btrim(recorded_by) <> ''),
    notified_by   text CHECK ((notified_by IS NULL) = (notified_at IS NULL)),
    version       integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX breaches_discovered ON breaches (discovered_at DESC, id DESC);

-- The inventory. Categories: identity, contact, profile, education, career, evaluation, referral, consent,
-- free_text, staff, credential, network, reference. Purposes: recruitment, evaluation, referral_credit,
-- partnership, accounts, security, accountability, data_subject_rights, breach_record. Retention rules:
-- candidate, account, session, sign_in, partner, audit, request, breach, idempotency (their text is in
-- Sources/TalentDomain/DataInventory.swift).
COMMENT ON COLUMN candidates.full_name IS 'personal: identity; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.search_name IS 'personal: identity; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.sort_key IS 'personal: identity; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.date_of_birth IS 'personal: identity; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.citizen_id IS 'personal: identity; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.gender IS 'personal: identity; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.email IS 'personal: contact; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.phone IS 'personal: contact; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.province IS 'personal: profile; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.sector IS 'personal: career; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.current_employer IS 'personal: career; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.current_title IS 'personal: career; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.legal_experience_years IS 'personal: career; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.skills IS 'personal: profile; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.languages IS 'personal: profile; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.notes IS 'personal: free_text; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidates.created_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN candidate_contacts.value IS 'personal: contact; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidate_education.degree IS 'personal: education; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidate_education.field IS 'personal: education; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidate_education.institution IS 'personal: education; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidate_education.institution_folded IS 'personal: education; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidate_education.graduation_year IS 'personal: education; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN candidate_education.classification IS 'personal: education; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN applications.candidate_id IS 'personal: reference; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN applications.stage IS 'personal: profile; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN application_stage_history.actor IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN application_stage_history.reason IS 'personal: free_text; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN application_stage_history.panel_score IS 'personal: evaluation; purpose: evaluation; retention: candidate';
COMMENT ON COLUMN referrals.candidate_id IS 'personal: reference; purpose: referral_credit; retention: candidate';
COMMENT ON COLUMN referrals.referrer_name IS 'personal: referral; purpose: referral_credit; retention: candidate';
COMMENT ON COLUMN referrals.referrer_title IS 'personal: referral; purpose: referral_credit; retention: candidate';
COMMENT ON COLUMN referrals.referrer_email IS 'personal: contact; purpose: referral_credit; retention: candidate';
COMMENT ON COLUMN referrals.relationship IS 'personal: referral; purpose: evaluation; retention: candidate';
COMMENT ON COLUMN referrals.justification IS 'personal: free_text; purpose: referral_credit; retention: candidate';
COMMENT ON COLUMN referrals.created_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN nominations.candidate_id IS 'personal: reference; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN nominations.submitted IS 'personal: identity; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN nominations.consent_obtained_at IS 'personal: consent; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN nominations.consent_notice_version IS 'personal: consent; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN idempotency_keys.response_body IS 'personal: identity; purpose: recruitment; retention: idempotency';
COMMENT ON COLUMN evaluation_assignments.assigned_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN evaluation_assignments.recusal_reason IS 'personal: free_text; purpose: evaluation; retention: candidate';
COMMENT ON COLUMN evaluation_sheets.scores IS 'personal: evaluation; purpose: evaluation; retention: candidate';
COMMENT ON COLUMN evaluation_sheets.comment IS 'personal: evaluation; purpose: evaluation; retention: candidate';
COMMENT ON COLUMN evaluation_sheets.reason IS 'personal: free_text; purpose: evaluation; retention: candidate';
COMMENT ON COLUMN evaluation_sheets.recorded_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN evaluation_sheets.entered_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN evaluation_sheets.confirmed_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN evaluation_result_reads.first_read_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN conflict_declarations.candidate_id IS 'personal: reference; purpose: evaluation; retention: candidate';
COMMENT ON COLUMN conflict_declarations.relationship IS 'personal: referral; purpose: evaluation; retention: candidate';
COMMENT ON COLUMN conflict_declarations.reason IS 'personal: free_text; purpose: evaluation; retention: candidate';
COMMENT ON COLUMN conflict_declarations.declared_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN staff_users.name IS 'personal: staff; purpose: accounts; retention: account';
COMMENT ON COLUMN staff_users.email IS 'personal: contact; purpose: accounts; retention: account';
COMMENT ON COLUMN staff_users.password_hash IS 'personal: credential; purpose: security; retention: account';
COMMENT ON COLUMN sessions.address IS 'personal: network; purpose: security; retention: session';
COMMENT ON COLUMN sign_in_failures.key IS 'personal: network; purpose: security; retention: sign_in';
COMMENT ON COLUMN partners.contact_name IS 'personal: contact; purpose: partnership; retention: partner';
COMMENT ON COLUMN partners.contact_email IS 'personal: contact; purpose: partnership; retention: partner';
COMMENT ON COLUMN partners.contact_phone IS 'personal: contact; purpose: partnership; retention: partner';
COMMENT ON COLUMN agreements.notes IS 'personal: free_text; purpose: partnership; retention: partner';
COMMENT ON COLUMN rubrics.created_by IS 'personal: staff; purpose: accountability; retention: audit';
COMMENT ON COLUMN targets.note IS 'not personal: a target''s note is about the plan''s numbers';
COMMENT ON COLUMN targets.created_by IS 'personal: staff; purpose: accountability; retention: audit';
COMMENT ON COLUMN audit_log.actor IS 'personal: staff; purpose: accountability; retention: audit';
COMMENT ON COLUMN audit_log.actor_user_id IS 'personal: staff; purpose: accountability; retention: audit';
COMMENT ON COLUMN audit_log.changes IS 'personal: identity; purpose: accountability; retention: audit';
COMMENT ON COLUMN privacy_requests.candidate_id IS 'personal: reference; purpose: data_subject_rights; retention: request';
COMMENT ON COLUMN privacy_requests.note IS 'personal: free_text; purpose: data_subject_rights; retention: request';
COMMENT ON COLUMN privacy_requests.extension_reason IS 'personal: free_text; purpose: data_subject_rights; retention: request';
COMMENT ON COLUMN privacy_requests.refusal_basis IS 'personal: free_text; purpose: data_subject_rights; retention: request';
COMMENT ON COLUMN privacy_requests.opened_by IS 'personal: staff; purpose: accountability; retention: request';
COMMENT ON COLUMN privacy_requests.closed_by IS 'personal: staff; purpose: accountability; retention: request';
COMMENT ON COLUMN breaches.description IS 'personal: free_text; purpose: breach_record; retention: breach';
COMMENT ON COLUMN breaches.recorded_by IS 'personal: staff; purpose: accountability; retention: breach';
COMMENT ON COLUMN breaches.notified_by IS 'personal: staff; purpose: accountability; retention: breach';
COMMENT ON COLUMN referrals.referrer_kind IS 'not personal: the kind of referrer';
COMMENT ON COLUMN referrals.referrer_user_id IS 'personal: staff; purpose: referral_credit; retention: candidate';
COMMENT ON COLUMN referrals.referrer_agency_code IS 'not personal: an agency''s code';
COMMENT ON COLUMN referrals.referrer_partner_code IS 'not personal: a partner''s code';
COMMENT ON COLUMN staff_users.password_set_at IS 'personal: credential; purpose: security; retention: account';
COMMENT ON COLUMN idempotency_keys.key IS 'not personal: a key the partner''s system makes';
COMMENT ON COLUMN privacy_requests.acknowledge_by IS 'not personal: a deadline';
COMMENT ON COLUMN consents.candidate_id IS 'personal: reference; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN consents.purpose IS 'personal: consent; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN consents.channel IS 'personal: consent; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN consents.obtained_at IS 'personal: consent; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN consents.evidence IS 'personal: consent; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN consents.recorded_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN consents.withdrawal_reason IS 'personal: free_text; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN consents.withdrawn_by IS 'personal: staff; purpose: accountability; retention: candidate';
COMMENT ON COLUMN agencies.name IS 'not personal: an agency''s name';
COMMENT ON COLUMN partners.name IS 'not personal: an institution''s name';
COMMENT ON COLUMN rubrics.name IS 'not personal: a rubric''s name';
COMMENT ON COLUMN schema_migrations.name IS 'not personal: a migration file''s name';
COMMENT ON COLUMN positions.description IS 'not personal: a job description';
COMMENT ON COLUMN public_holidays.name_vi IS 'not personal: a holiday''s name';
COMMENT ON COLUMN public_holidays.name_en IS 'not personal: a holiday''s name';
