-- Consent to the processing of personal data, per purpose (Law 91/2025/QH15 Art. 9-11; Decree 356/2025/NĐ-CP Art. 6).
-- The notices people are shown are data: each version's text is kept, and a consent names the version the person saw.
CREATE TABLE privacy_notices (
    version      text PRIMARY KEY CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$'),
    title        text NOT NULL CHECK (btrim(title) <> ''),
    body         text NOT NULL CHECK (btrim(body) <> ''),
    published_on date NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

INSERT INTO privacy_notices (version, title, body, published_on) VALUES ('2026-01',
'Thông báo về xử lý dữ liệu cá nhân trong tuyển dụng, thu hút người có tài năng làm công tác xây dựng pháp luật',
'Bên kiểm soát dữ liệu: Sở Tư pháp tỉnh Đồng Tháp, thay mặt Ủy ban nhân dân tỉnh, thực hiện Kế hoạch 483/KH-UBND.
Dữ liệu được xử lý: họ và tên, ngày sinh, giới tính, số định danh cá nhân (CCCD), thư điện tử, số điện thoại, quá trình
học tập và công tác, kỹ năng, ngoại ngữ, thông tin người giới thiệu, kết quả đánh giá của hội đồng.
Mục đích: (1) tuyển dụng, tiếp nhận vào vị trí đang tuyển (recruitment); (2) nếu anh/chị đồng ý riêng: lưu vào nguồn
nhân lực tiềm năng để được mời dự tuyển các vị trí sau này, trong thời hạn ghi trên phiếu (talent_pool).
Thời hạn lưu: dữ liệu của người không trúng tuyển được xóa sau khi hồ sơ dự tuyển cuối cùng kết thúc và hết thời hạn
giải quyết khiếu nại, trừ khi anh/chị đồng ý lưu vào nguồn nhân lực tiềm năng.
Quyền của anh/chị (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 4): được biết, đồng ý hoặc không đồng ý, rút lại
sự đồng ý, xem và nhận bản sao dữ liệu, yêu cầu chỉnh sửa, xóa, hạn chế xử lý, phản đối xử lý, khiếu nại, tố cáo.
Việc rút lại sự đồng ý không ảnh hưởng đến việc xử lý đã thực hiện trước đó. Liên hệ: bộ phận bảo vệ dữ liệu cá nhân
của Sở Tư pháp.', '2026-01-01');

CREATE TABLE consents (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id      uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    purpose           text NOT NULL CHECK (purpose IN ('recruitment', 'talent_pool')),
    -- The version of the notice the person saw: one of privacy_notices, or a partner's own (channel partner).
    notice_version    text NOT NULL CHECK (btrim(notice_version) <> ''),
    channel           text NOT NULL CHECK (channel IN ('paper', 'email', 'web', 'partner')),
    obtained_at       timestamptz NOT NULL,
    expires_on        date,
    -- Where the proof is kept (the signed form's number, the e-mail's reference, the nomination).
    evidence          text,
    nomination_id     uuid REFERENCES nominations (id) ON DELETE SET NULL,
    recorded_by       text NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    superseded_at     timestamptz,
    withdrawn_at      timestamptz,
    withdrawal_reason text,
    withdrawn_by      text,
    CHECK (purpose <> 'talent_pool' OR expires_on IS NOT NULL)
);
-- One consent in force per person and purpose; a new one supersedes it, a withdrawal ends it.
CREATE UNIQUE INDEX consents_in_force ON consents (candidate_id, purpose)
    WHERE withdrawn_at IS NULL AND superseded_at IS NULL;
CREATE INDEX consents_candidate ON consents (candidate_id, recorded_at);
