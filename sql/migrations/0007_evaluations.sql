-- Evaluation rubrics (versioned data), panels of evaluators, their score sheets with amendment history, and
-- conflict-of-interest declarations.

CREATE TABLE rubrics (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name         text NOT NULL CHECK (btrim(name) <> '' AND name IS NFC NORMALIZED),
    -- 1 for the first rubric of a name; a change to a published rubric is the next version.
    version      integer NOT NULL CHECK (version > 0),
    status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
    definition   jsonb NOT NULL,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    retired_at   timestamptz,
    UNIQUE (name, version)
);
-- At most one published version of a name at a time.
CREATE UNIQUE INDEX rubrics_one_published ON rubrics (name) WHERE status = 'published';

-- A published or retired rubric's definition never changes.
CREATE FUNCTION rubric_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'draft' AND (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.name IS DISTINCT FROM OLD.name
                                  OR NEW.version IS DISTINCT FROM OLD.version) THEN
        RAISE EXCEPTION 'rubric % is %: its definition cannot change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER rubrics_immutable BEFORE UPDATE ON rubrics FOR EACH ROW EXECUTE FUNCTION rubric_is_immutable();

-- The evaluators of an application.
CREATE TABLE evaluation_assignments (
    application_id uuid NOT NULL REFERENCES applications (id),
    evaluator_id   uuid NOT NULL REFERENCES staff_users (id),
    assigned_by    text NOT NULL,
    assigned_at    timestamptz NOT NULL DEFAULT now(),
    recused_at     timestamptz,
    recusal_reason text CHECK (recused_at IS NULL OR (recusal_reason IS NOT NULL AND btrim(recusal_reason) <> '')),
    PRIMARY KEY (application_id, evaluator_id)
);
CREATE INDEX evaluation_assignments_evaluator ON evaluation_assignments (evaluator_id);

-- Score sheets: one row per submission; an amendment supersedes the earlier row, which stays as history.
CREATE TABLE evaluation_sheets (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    application_id uuid NOT NULL,
    evaluator_id   uuid NOT NULL,
    rubric_id      uuid NOT NULL REFERENCES rubrics (id),
    revision       integer NOT NULL CHECK (revision > 0),
    scores         jsonb NOT NULL CHECK (jsonb_typeof(scores) = 'object'),
    comment        text,
    reason         text CHECK (revision = 1 OR (reason IS NOT NULL AND btrim(reason) <> '')),
    recorded_by    text NOT NULL,
    submitted_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    superseded_at  timestamptz,
    FOREIGN KEY (application_id, evaluator_id) REFERENCES evaluation_assignments (application_id, evaluator_id),
    UNIQUE (application_id, evaluator_id, revision)
);
CREATE UNIQUE INDEX evaluation_sheets_current ON evaluation_sheets (application_id, evaluator_id)
    WHERE superseded_at IS NULL;

-- A user's declared relationship with a candidate (a recusal records one): they may not evaluate the candidate.
CREATE TABLE conflict_declarations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id   uuid NOT NULL REFERENCES candidates (id),
    user_id        uuid NOT NULL REFERENCES staff_users (id),
    application_id uuid REFERENCES applications (id),
    relationship   text NOT NULL
                   CHECK (relationship IN ('none', 'teacher', 'colleague', 'supervisor', 'relative', 'other')),
    reason         text NOT NULL CHECK (btrim(reason) <> ''),
    declared_by    text NOT NULL,
    declared_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conflict_declarations_candidate_user ON conflict_declarations (candidate_id, user_id);

-- A move out of `evaluation` records the panel score at that moment.
ALTER TABLE application_stage_history ADD COLUMN panel_score double precision;

-- The default rubric, from plan 483/KH-UBND's own criteria (sections II.1 and III.3.a). Published; a change is a
-- new version created and published with `talent rubric create` and `talent rubric publish`.
INSERT INTO rubrics (id, name, version, status, definition, created_by, published_at) VALUES (
    '00000000-0000-4000-8000-000000000483',
    'Tiêu chí đánh giá nhân tài tham mưu xây dựng pháp luật (KH 483/KH-UBND)',
    1, 'published',
    $json${
      "name": "Tiêu chí đánh giá nhân tài tham mưu xây dựng pháp luật (KH 483/KH-UBND)",
      "description": "Bộ tiêu chí mặc định theo mục II.1 và III.3.a của Kế hoạch 483/KH-UBND ngày 19/12/2024. Thang điểm 1–5; đạt từ 3,5. Cần ít nhất 3 thành viên hội đồng; từ 5 thành viên trở lên bỏ một điểm cao nhất và một điểm thấp nhất. Muốn thay đổi: tạo phiên bản mới rồi công bố.",
      "scale": {"min": 1, "max": 5},
      "pass_threshold": 3.5,
      "min_evaluators": 3,
      "aggregation": "trimmed_mean",
      "disagreement_threshold": 1,
      "criteria": [
        {"key": "political_steadfastness", "label": "Bản lĩnh chính trị", "weight": 2,
         "description": "Bản lĩnh chính trị vững vàng; kiên định đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
         "levels": {"1": "Chưa thể hiện được lập trường rõ ràng.",
                    "3": "Lập trường vững vàng trong công việc thường ngày.",
                    "5": "Kiên định, bảo vệ được quan điểm đúng trước áp lực và lợi ích nhóm."}},
        {"key": "ethics_conduct", "label": "Phẩm chất đạo đức, lối sống", "weight": 2,
         "description": "Tư cách đạo đức tốt, lối sống chuẩn mực, liêm chính, khách quan.",
         "levels": {"1": "Có điểm đáng lo ngại về đạo đức hoặc lối sống.",
                    "3": "Đạo đức, lối sống tốt, không có vi phạm.",
                    "5": "Gương mẫu, liêm chính, được đồng nghiệp và người hướng dẫn ghi nhận."}},
        {"key": "relevant_expertise", "label": "Chuyên môn phù hợp", "weight": 3,
         "description": "Trình độ, chuyên ngành đào tạo và kinh nghiệm phù hợp với công tác tham mưu xây dựng pháp luật.",
         "levels": {"1": "Chuyên ngành hoặc kinh nghiệm ít liên quan.",
                    "3": "Chuyên ngành luật hoặc gần; nắm được kiến thức nền tảng.",
                    "5": "Chuyên môn sâu, kết quả học tập hoặc nghiên cứu xuất sắc trong lĩnh vực pháp luật."}},
        {"key": "legal_drafting", "label": "Kỹ năng xây dựng pháp luật", "weight": 3,
         "description": "Kỹ năng soạn thảo, thẩm định, góp ý văn bản quy phạm pháp luật; nghiên cứu, phân tích chính sách.",
         "levels": {"1": "Chưa có kỹ năng soạn thảo văn bản.",
                    "3": "Soạn thảo được văn bản đúng thể thức, kỹ thuật với sự hướng dẫn.",
                    "5": "Độc lập soạn thảo, thẩm định văn bản phức tạp; đề xuất được chính sách có chất lượng."}},
        {"key": "creativity", "label": "Năng lực sáng tạo, vượt trội", "weight": 2,
         "description": "Có trình độ, năng lực sáng tạo, vượt trội; tư duy đổi mới, đề xuất giải pháp mới.",
         "levels": {"1": "Chưa thể hiện năng lực sáng tạo.",
                    "3": "Có ý tưởng, giải pháp cải tiến trong phạm vi công việc.",
                    "5": "Có công trình, sáng kiến nổi bật được ghi nhận."}},
        {"key": "dedication", "label": "Khát vọng cống hiến", "weight": 1,
         "description": "Khát vọng cống hiến, phụng sự Tổ quốc và Nhân dân; gắn bó lâu dài với công tác xây dựng pháp luật của địa phương.",
         "levels": {"1": "Động cơ chưa rõ ràng.",
                    "3": "Mong muốn làm việc lâu dài trong khu vực công.",
                    "5": "Khát vọng cống hiến rõ rệt, có cam kết và kế hoạch phát triển cụ thể."}}
      ]
    }$json$::jsonb,
    'Kế hoạch 483/KH-UBND', now()
);
