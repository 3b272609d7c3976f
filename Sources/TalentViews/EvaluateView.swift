import Foundation
import TalentDomain

/// The evaluators' pages: `/evaluate` (their panels, what is left to score) and `/evaluate/{application_id}` (the
/// rubric's form). Server-rendered in the dashboard's style, Vietnamese (English when asked for), no script, one
/// column that reads on a phone; the scores are radio buttons with the rubric's level descriptions beside them.
public enum EvaluateView {
    /// The list of an evaluator's panels.
    public static func list(viewer: String, formKey: String, assignments: [EvaluatorAssignment],
                            language: Language) -> String {
        let t = Words(language)
        func rows(_ status: PanelMemberStatus) -> [[String: Any]] {
            assignments.filter { $0.member.status == status }.map { a in
                ["id": a.member.applicationID.uuidString.lowercased(), "candidate": a.candidateName,
                 "position": a.positionTitle, "agency": a.agencyCode, "stage": a.stage.label.text(language),
                 "assigned": Self.day(a.member.assignedAt)]
            }
        }
        let groups: [[String: Any]] = [
            ["status": "assigned", "heading": t("Còn phải chấm", "Left to score"), "rows": rows(.assigned),
             "action": t("Chấm điểm", "Score"), "empty": t("Không còn hồ sơ nào phải chấm.", "Nothing is left to score.")],
            ["status": "submitted", "heading": t("Đã nộp phiếu", "Submitted"), "rows": rows(.submitted),
             "action": t("Xem / sửa phiếu", "View / amend"), "empty": t("Chưa nộp phiếu nào.", "No sheet submitted yet.")],
            ["status": "recused", "heading": t("Đã rút khỏi hội đồng", "Recused"), "rows": rows(.recused),
             "action": false, "empty": false],
        ].map { group -> [String: Any] in
            var group = group
            group["hasRows"] = !(group["rows"] as? [[String: Any]] ?? []).isEmpty
            return group
        }.filter { $0["hasRows"] as? Bool == true || $0["empty"] is String }
        return Templates.evaluateList.render([
            "style": Templates.style, "lang": language.rawValue, "viewer": viewer, "formKey": formKey,
            "title": t("Phiếu đánh giá của tôi", "My score sheets"),
            "subtitle": t("Kế hoạch 483/KH-UBND · các hội đồng đánh giá bạn tham gia",
                          "Plan 483/KH-UBND · the evaluation panels you sit on"),
            "signOut": t("Đăng xuất", "Sign out"),
            "left": assignments.filter { $0.member.status == .assigned }.count,
            "leftCaption": t("hồ sơ còn phải chấm", "applications left to score"),
            "candidateHeader": t("Ứng viên", "Candidate"), "positionHeader": t("Vị trí", "Position"),
            "stageHeader": t("Bước", "Stage"), "assignedHeader": t("Ngày phân công", "Assigned"),
            "groups": groups,
        ])
    }

    /// What the form shows: the panel, the rubric, the evaluator's own current sheet, and what was typed.
    public struct Form: Sendable {
        public var viewer: String
        public var formKey: String
        public var assignment: EvaluatorAssignment
        public var rubric: Rubric
        /// The evaluator's own current sheet, when they have submitted one (the form then amends it).
        public var sheet: ScoreSheet?
        /// The scores, comment and reason as typed (after a refusal) or as last submitted.
        public var scores: [String: String]
        public var comment: String
        public var reason: String
        /// The refusal, when the post was refused, and the message of each field it names (`scores.KEY`, `comment`, `reason`).
        public var error: String?
        public var fieldErrors: [String: String]
        /// Just submitted (after the redirect).
        public var saved: Bool

        public init(viewer: String, formKey: String, assignment: EvaluatorAssignment, rubric: Rubric, sheet: ScoreSheet?,
                    scores: [String: String]? = nil, comment: String? = nil, reason: String = "", error: String? = nil,
                    fieldErrors: [String: String] = [:], saved: Bool = false) {
            self.viewer = viewer
            self.formKey = formKey
            self.assignment = assignment
            self.rubric = rubric
            self.sheet = sheet
            self.scores = scores ?? (sheet?.scores.mapValues(String.init) ?? [:])
            self.comment = comment ?? sheet?.comment ?? ""
            self.reason = reason
            self.error = error
            self.fieldErrors = fieldErrors
            self.saved = saved
        }
    }

    public static func form(_ f: Form, language: Language) -> String {
        let t = Words(language)
        let d = f.rubric.definition
        let criteria: [[String: Any]] = d.criteria.map { c in
            [
                "key": c.key, "label": c.label, "description": c.description ?? false,
                "weight": Format.number(c.weight), "error": f.fieldErrors["scores.\(c.key)"] ?? false,
                "levels": (d.scaleMin...max(d.scaleMin, d.scaleMax)).map { n -> [String: Any] in
                    ["value": n, "text": c.levels[String(n)] ?? "", "checked": f.scores[c.key] == String(n),
                     "inputID": "score-\(c.key)-\(n)"]
                },
            ]
        }
        var context: [String: Any] = [
            "style": Templates.style, "lang": language.rawValue, "viewer": f.viewer, "formKey": f.formKey,
            "applicationID": f.assignment.member.applicationID.uuidString.lowercased(),
            "rubricID": f.rubric.id.uuidString.lowercased(),
            "title": f.assignment.candidateName,
            "subtitle": "\(f.assignment.positionTitle) · \(f.assignment.agencyCode) · \(f.assignment.stage.label.text(language))",
            "back": t("← Danh sách phiếu", "← My sheets"), "signOut": t("Đăng xuất", "Sign out"),
            "rubricLine": t("Bảng tiêu chí: \(d.name), phiên bản \(f.rubric.version); thang điểm \(d.scaleMin)–\(d.scaleMax).",
                            "Rubric: \(d.name), version \(f.rubric.version); scale \(d.scaleMin)–\(d.scaleMax)."),
            "rubricDescription": d.description ?? false,
            "weightWord": t("trọng số", "weight"),
            "criteria": criteria,
            "commentLabel": t("Nhận xét", "Comment"), "comment": f.comment,
            "fieldComment": f.fieldErrors["comment"] ?? false,
            "submit": f.sheet == nil ? t("Nộp phiếu", "Submit the sheet") : t("Sửa phiếu", "Amend the sheet"),
            "error": f.error ?? false,
            "saved": f.saved ? t("Đã nộp phiếu. Cảm ơn bạn.", "The sheet is submitted. Thank you.") : false,
            "applicationPath": f.assignment.member.applicationID.uuidString.lowercased(),
        ]
        if let sheet = f.sheet {
            context["status"] = t("Phiếu đã nộp (lần \(sheet.revision), \(Self.time(sheet.submittedAt))) và đã khóa: sửa phiếu cần nêu lý do; bản trước được giữ trong lịch sử.",
                                  "Sheet submitted (revision \(sheet.revision), \(Self.time(sheet.submittedAt))) and locked: amending it needs a reason; the earlier one is kept in the history.")
            context["amend"] = ["label": t("Lý do sửa phiếu", "Reason for the amendment"), "reason": f.reason,
                                "error": f.fieldErrors["reason"] ?? false] as [String: Any]
            // A sheet hr typed in for the evaluator counts only once they confirm it (or amend it themselves).
            if sheet.awaitingConfirmation {
                let typist = sheet.enteredBy ?? sheet.recordedBy
                context["confirm"] = [
                    "text": t("Phiếu này do \(typist) nhập hộ bạn và chưa được tính: hãy kiểm tra điểm, rồi xác nhận, hoặc sửa phiếu (nêu lý do).",
                              "\(typist) typed this sheet in for you and it does not count yet: check the scores, then confirm it, or amend it (with a reason)."),
                    "button": t("Xác nhận phiếu này là của tôi", "Confirm this sheet as mine"),
                ] as [String: Any]
            } else {
                context["confirm"] = false
            }
        } else {
            context["status"] = t("Chưa nộp phiếu. Chấm mỗi tiêu chí một điểm; sau khi nộp, phiếu bị khóa (sửa phải nêu lý do).",
                                  "Not submitted yet. Give each criterion a score; once submitted the sheet is locked (amending needs a reason).")
            context["amend"] = false
            context["confirm"] = false
        }
        return Templates.evaluateForm.render(context)
    }

    /// When several rubrics are published and the panel has not started on one: which to score against.
    public static func chooseRubric(viewer: String, formKey: String, assignment: EvaluatorAssignment, rubrics: [Rubric],
                                    language: Language) -> String {
        let t = Words(language)
        let id = assignment.member.applicationID.uuidString.lowercased()
        return Templates.evaluateChoose.render([
            "style": Templates.style, "lang": language.rawValue, "viewer": viewer, "formKey": formKey,
            "title": assignment.candidateName, "back": t("← Danh sách phiếu", "← My sheets"), "signOut": t("Đăng xuất", "Sign out"),
            "text": t("Chọn bảng tiêu chí để chấm hồ sơ này:", "Choose the rubric to score this application against:"),
            "rubrics": rubrics.map { r in
                ["href": "/evaluate/\(id)?rubric=\(r.id.uuidString.lowercased())",
                 "name": "\(r.definition.name) (\(t("phiên bản", "version")) \(r.version))"]
            },
        ])
    }

    struct Words {
        let language: Language
        init(_ language: Language) { self.language = language }
        func callAsFunction(_ vi: String, _ en: String) -> String { language == .en ? en : vi }
    }

    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current

    /// dd/MM/yyyy HH:mm in Vietnam's time.
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    static func day(_ date: Date) -> String { String(time(date).prefix(10)) }
}

extension Templates {
    static let evaluateHead = """
        <!DOCTYPE html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — Kế hoạch 483/KH-UBND</title><style>{{{style}}}</style></head>
        <body><main>
        """

    static let evaluateNav = """
        <nav class="top"><a href="/evaluate">{{back}}</a>
        <form method="post" action="/dashboard/logout"><input type="hidden" name="form_key" value="{{formKey}}"><span class="muted">{{viewer}} · </span><button type="submit">{{signOut}}</button></form></nav>
        """

    static let evaluateList = template(evaluateHead + """
        <nav class="top"><h1>{{title}}</h1>
        <form method="post" action="/dashboard/logout"><input type="hidden" name="form_key" value="{{formKey}}"><span class="muted">{{viewer}} · </span><button type="submit">{{signOut}}</button></form></nav>
        <p class="subtitle">{{subtitle}}</p>
        <div class="cards"><div class="card" id="card-left"><div class="figure">{{left}}</div><div class="caption">{{leftCaption}}</div></div></div>
        {{#groups}}<section id="{{status}}"><h2>{{heading}}</h2>
        {{#hasRows}}<ul class="assignments">{{#rows}}<li class="assignment" data-application="{{id}}">
        {{#action}}<a href="/evaluate/{{id}}">{{/action}}<strong>{{candidate}}</strong>{{#action}}</a>{{/action}}
        <div class="muted">{{position}} · {{agency}} · {{stage}} · {{assigned}}</div>
        {{#action}}<a class="button" href="/evaluate/{{id}}">{{action}}</a>{{/action}}</li>{{/rows}}</ul>{{/hasRows}}
        {{^hasRows}}<p class="muted">{{empty}}</p>{{/hasRows}}
        </section>{{/groups}}
        </main></body></html>
        """)

    static let evaluateForm = template(evaluateHead + evaluateNav + """
        <h1>{{title}}</h1>
        <p class="subtitle">{{subtitle}}</p>
        {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <p class="sheet-status">{{status}}</p>
        {{#confirm}}<form class="confirm" method="post" action="/evaluate/{{applicationPath}}/confirmation">
        <input type="hidden" name="form_key" value="{{formKey}}">
        <p class="notice" role="status">{{text}}</p><button type="submit">{{button}}</button></form>{{/confirm}}
        <p class="muted">{{rubricLine}}</p>
        {{#rubricDescription}}<p class="muted">{{rubricDescription}}</p>{{/rubricDescription}}
        <form class="sheet" method="post" action="/evaluate/{{applicationID}}">
        <input type="hidden" name="form_key" value="{{formKey}}">
        <input type="hidden" name="rubric_id" value="{{rubricID}}">
        {{#criteria}}<fieldset class="criterion" data-criterion="{{key}}">
        <legend>{{label}} <span class="muted">({{weightWord}} {{weight}})</span></legend>
        {{#description}}<p class="muted">{{description}}</p>{{/description}}
        {{#error}}<p class="error">{{error}}</p>{{/error}}
        <div class="levels">{{#levels}}<label class="level" for="{{inputID}}"><input type="radio" id="{{inputID}}" name="score.{{key}}" value="{{value}}"{{#checked}} checked{{/checked}} required>
        <span class="n">{{value}}</span><span class="text">{{text}}</span></label>{{/levels}}</div>
        </fieldset>{{/criteria}}
        <label for="comment">{{commentLabel}}</label>
        {{#fieldComment}}<p class="error">{{fieldComment}}</p>{{/fieldComment}}
        <textarea id="comment" name="comment" rows="4" maxlength="5000">{{comment}}</textarea>
        {{#amend}}<label for="reason">{{label}}</label>
        {{#error}}<p class="error">{{error}}</p>{{/error}}
        <textarea id="reason" name="reason" rows="2" maxlength="2000" required>{{reason}}</textarea>{{/amend}}
        <button type="submit">{{submit}}</button>
        </form>
        </main></body></html>
        """)

    static let evaluateChoose = template(evaluateHead + evaluateNav + """
        <h1>{{title}}</h1>
        <p>{{text}}</p>
        <ul>{{#rubrics}}<li><a href="{{href}}">{{name}}</a></li>{{/rubrics}}</ul>
        </main></body></html>
        """)
}
