/// What people call the fields that the API names by path (`citizen_id`, `education[0].graduation_year`): one table,
/// next to the types, so every edge that writes for people (the CLI's messages, later the API's `detail`) says
/// "số CCCD" where a program reads `citizen_id`. The API's `errors[].field` keeps the path.
public enum FieldName {
    /// The name of one field, by its API name (the last segment of a path).
    public static let names: [String: LocalizedText] = [
        "full_name": LocalizedText(vi: "họ và tên", en: "full name"),
        "date_of_birth": LocalizedText(vi: "ngày sinh", en: "date of birth"),
        "gender": LocalizedText(vi: "giới tính", en: "gender"),
        "citizen_id": LocalizedText(vi: "số CCCD", en: "citizen ID"),
        "email": LocalizedText(vi: "thư điện tử", en: "e-mail"),
        "phone": LocalizedText(vi: "số điện thoại", en: "phone"),
        "province": LocalizedText(vi: "tỉnh, thành phố", en: "province"),
        "education": LocalizedText(vi: "học vấn", en: "education"),
        "degree": LocalizedText(vi: "trình độ", en: "degree"),
        "field": LocalizedText(vi: "chuyên ngành", en: "field of study"),
        "institution": LocalizedText(vi: "cơ sở đào tạo", en: "institution"),
        "graduation_year": LocalizedText(vi: "năm tốt nghiệp", en: "graduation year"),
        "classification": LocalizedText(vi: "xếp loại tốt nghiệp", en: "classification"),
        "sector": LocalizedText(vi: "khu vực công tác", en: "sector"),
        "current_employer": LocalizedText(vi: "nơi công tác hiện nay", en: "current employer"),
        "current_title": LocalizedText(vi: "chức danh hiện nay", en: "current title"),
        "legal_experience_years": LocalizedText(vi: "số năm kinh nghiệm pháp luật", en: "years of legal experience"),
        "skills": LocalizedText(vi: "kỹ năng", en: "skills"),
        "languages": LocalizedText(vi: "ngoại ngữ", en: "languages"),
        "notes": LocalizedText(vi: "ghi chú", en: "notes"),
        "note": LocalizedText(vi: "ghi chú", en: "note"),
        "name": LocalizedText(vi: "tên", en: "name"),
        "code": LocalizedText(vi: "mã", en: "code"),
        "kind": LocalizedText(vi: "loại", en: "kind"),
        "title": LocalizedText(vi: "tên gọi, chức danh", en: "title"),
        "agency": LocalizedText(vi: "cơ quan", en: "agency"),
        "agency_code": LocalizedText(vi: "mã cơ quan", en: "agency code"),
        "merged_into": LocalizedText(vi: "cơ quan tiếp nhận", en: "merged into"),
        "openings": LocalizedText(vi: "số lượng cần tuyển", en: "openings"),
        "target_date": LocalizedText(vi: "ngày dự kiến tuyển xong", en: "target date"),
        "position": LocalizedText(vi: "vị trí tuyển dụng", en: "position"),
        "position_id": LocalizedText(vi: "vị trí tuyển dụng", en: "position"),
        "position_kind": LocalizedText(vi: "loại vị trí", en: "position kind"),
        "candidate": LocalizedText(vi: "ứng viên", en: "candidate"),
        "candidate_id": LocalizedText(vi: "ứng viên", en: "candidate"),
        "other_id": LocalizedText(vi: "hồ sơ gộp vào", en: "other profile"),
        "stage": LocalizedText(vi: "giai đoạn", en: "stage"),
        "to": LocalizedText(vi: "giai đoạn chuyển đến", en: "stage to move to"),
        "from": LocalizedText(vi: "từ ngày", en: "from"),
        "reason": LocalizedText(vi: "lý do", en: "reason"),
        "referrer": LocalizedText(vi: "người giới thiệu", en: "referrer"),
        "referrer_kind": LocalizedText(vi: "loại người giới thiệu", en: "referrer kind"),
        "referrer_name": LocalizedText(vi: "tên người giới thiệu", en: "referrer's name"),
        "referrer_title": LocalizedText(vi: "chức danh người giới thiệu", en: "referrer's title"),
        "referrer_email": LocalizedText(vi: "thư điện tử người giới thiệu", en: "referrer's e-mail"),
        "referrer_user_id": LocalizedText(vi: "cán bộ giới thiệu", en: "referring user"),
        "referrer_agency_code": LocalizedText(vi: "cơ quan giới thiệu", en: "referring agency"),
        "referrer_partner_code": LocalizedText(vi: "đối tác giới thiệu", en: "referring partner"),
        "relationship": LocalizedText(vi: "quan hệ với ứng viên", en: "relationship"),
        "justification": LocalizedText(vi: "lý do giới thiệu", en: "justification"),
        "partner": LocalizedText(vi: "đối tác", en: "partner"),
        "reference": LocalizedText(vi: "số hiệu thỏa thuận", en: "reference"),
        "signed_on": LocalizedText(vi: "ngày ký", en: "signing date"),
        "starts_on": LocalizedText(vi: "ngày bắt đầu hiệu lực", en: "start date"),
        "ends_on": LocalizedText(vi: "ngày hết hiệu lực", en: "end date"),
        "yearly_quota": LocalizedText(vi: "chỉ tiêu đề cử hằng năm", en: "yearly quota"),
        "fields": LocalizedText(vi: "ngành đào tạo", en: "fields of study"),
        "training": LocalizedText(vi: "cam kết đào tạo", en: "training commitments"),
        "contact_name": LocalizedText(vi: "người liên hệ", en: "contact name"),
        "contact_email": LocalizedText(vi: "thư điện tử liên hệ", en: "contact e-mail"),
        "contact_phone": LocalizedText(vi: "điện thoại liên hệ", en: "contact phone"),
        "count": LocalizedText(vi: "chỉ tiêu", en: "count"),
        "deadline": LocalizedText(vi: "hạn hoàn thành", en: "deadline"),
        "role": LocalizedText(vi: "vai trò", en: "role"),
        "user": LocalizedText(vi: "người dùng", en: "user"),
        "expires_in": LocalizedText(vi: "số ngày hiệu lực", en: "days until expiry"),
        "rubric_id": LocalizedText(vi: "bộ tiêu chí", en: "rubric"),
        "evaluator_id": LocalizedText(vi: "thành viên hội đồng", en: "evaluator"),
        "scores": LocalizedText(vi: "điểm", en: "scores"),
        "score": LocalizedText(vi: "điểm", en: "score"),
        "comment": LocalizedText(vi: "nhận xét", en: "comment"),
        "criteria": LocalizedText(vi: "tiêu chí", en: "criteria"),
        "key": LocalizedText(vi: "khóa tiêu chí", en: "criterion key"),
        "label": LocalizedText(vi: "tên tiêu chí", en: "criterion label"),
        "description": LocalizedText(vi: "mô tả", en: "description"),
        "weight": LocalizedText(vi: "trọng số", en: "weight"),
        "levels": LocalizedText(vi: "mức điểm", en: "levels"),
        "scale": LocalizedText(vi: "thang điểm", en: "scale"),
        "pass_threshold": LocalizedText(vi: "ngưỡng đạt", en: "pass threshold"),
        "min_evaluators": LocalizedText(vi: "số thành viên tối thiểu", en: "minimum evaluators"),
        "aggregation": LocalizedText(vi: "cách tổng hợp điểm", en: "aggregation"),
        "disagreement_threshold": LocalizedText(vi: "ngưỡng chênh lệch điểm", en: "disagreement threshold"),
        "status": LocalizedText(vi: "trạng thái", en: "status"),
        "year": LocalizedText(vi: "năm", en: "year"),
        "since": LocalizedText(vi: "từ ngày", en: "since"),
        "actor": LocalizedText(vi: "người thao tác", en: "actor"),
        "as": LocalizedText(vi: "người thao tác", en: "operator"),
        "entity": LocalizedText(vi: "đối tượng", en: "entity"),
        "limit": LocalizedText(vi: "số bản ghi tối đa", en: "limit"),
        "cursor": LocalizedText(vi: "vị trí trang", en: "cursor"),
        "q": LocalizedText(vi: "từ khóa tìm kiếm", en: "search text"),
        "group_by": LocalizedText(vi: "nhóm theo", en: "group by"),
        "consent": LocalizedText(vi: "sự đồng ý", en: "consent"),
        "notice_version": LocalizedText(vi: "phiên bản thông báo", en: "notice version"),
        "obtained_at": LocalizedText(vi: "thời điểm đồng ý", en: "time of consent"),
        "nominator": LocalizedText(vi: "người đề cử", en: "nominator"),
        "file": LocalizedText(vi: "tệp", en: "file"),
        "header": LocalizedText(vi: "dòng tiêu đề", en: "header row"),
        "include": LocalizedText(vi: "các phần của hồ sơ", en: "sections of the file"),
        "effective": LocalizedText(vi: "ngày hiệu lực", en: "effective date"),
        "sources": LocalizedText(vi: "nguồn", en: "sources"),
        "document": LocalizedText(vi: "văn bản", en: "document"),
        "time": LocalizedText(vi: "thời điểm", en: "time"),
        "target": LocalizedText(vi: "thư mục đích", en: "target directory"),
        "start_port": LocalizedText(vi: "cổng khởi động", en: "start port"),
        "backup_label": LocalizedText(vi: "nhãn bản sao lưu", en: "backup label"),
        "backup_dir": LocalizedText(vi: "thư mục sao lưu", en: "backup directory"),
        "backup_url": LocalizedText(vi: "địa chỉ vai trò sao lưu", en: "backup role's URL"),
    ]

    /// Containers of a path, with a 1-based number when they are lists: `education[0]` is "học vấn 1".
    public static let containers: [String: LocalizedText] = [
        "education": LocalizedText(vi: "học vấn", en: "education record"),
        "criteria": LocalizedText(vi: "tiêu chí", en: "criterion"),
        "candidate": LocalizedText(vi: "ứng viên", en: "candidate"),
        "nominator": LocalizedText(vi: "người đề cử", en: "nominator"),
        "consent": LocalizedText(vi: "sự đồng ý", en: "consent"),
        "scores": LocalizedText(vi: "điểm", en: "scores"),
        "steps": LocalizedText(vi: "bước", en: "step"),
        "create": LocalizedText(vi: "mục thành lập", en: "creation"),
        "rename": LocalizedText(vi: "mục đổi tên", en: "renaming"),
        "retire": LocalizedText(vi: "mục giải thể, sáp nhập", en: "retirement"),
        "keep": LocalizedText(vi: "mục giữ nguyên", en: "kept agency"),
        "sources": LocalizedText(vi: "nguồn", en: "source"),
    ]

    /// A field path as people read it: `citizen_id` is "số CCCD"; `education[0].graduation_year` is
    /// "năm tốt nghiệp (học vấn 1)"; a path not in the table stays as it is.
    public static func label(_ path: String, _ language: Language) -> String {
        var segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let last = segments.popLast() else { return path }
        let (lastName, lastIndex) = split(last)
        let leaf: String
        if let name = names[lastName] {
            leaf = name.text(language) + (lastIndex.map { " \($0 + 1)" } ?? "")
        } else if let parent = segments.last.map({ split($0).name }), parent == "scores" || parent == "levels" {
            leaf = lastName  // a criterion's key or a level is data, not a field name
        } else if segments.isEmpty {
            return path
        } else {
            leaf = lastName
        }
        let context = segments.reversed().map { segment -> String in
            let (name, index) = split(segment)
            let base = (containers[name] ?? names[name])?.text(language) ?? name
            return base + (index.map { " \($0 + 1)" } ?? "")
        }
        return context.isEmpty ? leaf : leaf + " (" + context.joined(separator: ", ") + ")"
    }

    /// `education[0]` as ("education", 0); `email` as ("email", nil).
    private static func split(_ segment: String) -> (name: String, index: Int?) {
        guard segment.hasSuffix("]"), let open = segment.firstIndex(of: "[") else { return (segment, nil) }
        let number = segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]
        return (String(segment[..<open]), Int(number))
    }
}
