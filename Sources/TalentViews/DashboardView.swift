import Foundation
import TalentDomain

/// The leadership dashboard: server-rendered HTML in Vietnamese, charts as inline SVG, no script and no external
/// asset, readable at a phone's width.
public enum DashboardView {
    public struct Data: Sendable {
        public var viewer: String
        public var day: CalendarDate
        public var pipeline: PipelineReport
        public var targets: [TargetProgress]
        public var partners: [PartnerStats]
        public var monthly: [MonthlyNominations]
        /// The session's form key, carried back by the sign-out form (empty when signed in by a bearer header).
        public var formKey: String
        /// For an administrator (the data-protection officer): the data subjects' requests not yet answered, the
        /// most urgent first; nil for the other roles, who see no such section.
        public var privacyRequests: [PrivacyRequest]?
        /// For leadership and administrators: who the retention rule erases today (a dry run); nil for hr.
        public var retention: RetentionRun?
        /// Training coverage against plan II.2.d (the viewer's agency only when agency-scoped).
        public var training: TrainingReport?
        /// This year's reports from the agencies: who has and has not submitted.
        public var submissions: SubmissionOverview?
        /// The latest commendations, proposed and decided.
        public var commendations: [Commendation]?

        public init(viewer: String, day: CalendarDate, pipeline: PipelineReport, targets: [TargetProgress],
                    partners: [PartnerStats], monthly: [MonthlyNominations], formKey: String = "",
                    privacyRequests: [PrivacyRequest]? = nil, retention: RetentionRun? = nil,
                    training: TrainingReport? = nil, submissions: SubmissionOverview? = nil,
                    commendations: [Commendation]? = nil) {
            self.viewer = viewer
            self.training = training
            self.submissions = submissions
            self.commendations = commendations
            self.privacyRequests = privacyRequests
            self.retention = retention
            self.formKey = formKey
            self.day = day
            self.pipeline = pipeline
            self.targets = targets
            self.partners = partners
            self.monthly = monthly
        }
    }

    /// The twelve months up to the day, oldest first, as YYYY-MM.
    public static func months(endingAt day: CalendarDate) -> [String] {
        (0..<12).reversed().map { back in
            let index = day.year * 12 + (day.month - 1) - back
            return String(format: "%04d-%02d", index / 12, index % 12 + 1)
        }
    }

    public static func page(_ d: Data) -> String {
        let months = months(endingAt: d.day)
        let names = Dictionary(d.partners.map { ($0.partnerCode, $0.partnerName) }, uniquingKeysWith: { a, _ in a })
        let codes = Array(Set(d.monthly.map(\.partnerCode))).sorted()
        let series = codes.map { code in
            (name: names[code] ?? code, values: months.map { month in
                d.monthly.first { $0.partnerCode == code && $0.month == month }?.nominations ?? 0
            })
        }
        let counts = Dictionary(grouping: d.targets, by: \.status).mapValues(\.count)
        let hired = d.pipeline.stage(.hired).count
        let open = d.pipeline.stages.filter { $0.stage.isOpen }.reduce(0) { $0 + $1.count }
        let cards: [[String: Any]] = [
            ["id": "applications", "figure": d.pipeline.applications, "caption": "hồ sơ ứng tuyển"],
            ["id": "open", "figure": open, "caption": "hồ sơ đang xét"],
            ["id": "hired", "figure": hired, "caption": "người đã được tuyển dụng"],
            ["id": "targets-met", "figure": "\(counts[.met] ?? 0)/\(d.targets.count)", "caption": "chỉ tiêu đã đạt"],
            ["id": "targets-at-risk", "figure": (counts[.atRisk] ?? 0) + (counts[.missed] ?? 0),
             "caption": "chỉ tiêu có nguy cơ hoặc không đạt"],
        ]
        let stageTable = AnnualReportView.stageTable(d.pipeline.stages)
        return Templates.dashboard.render([
            "style": Templates.style,
            "viewer": d.viewer,
            "formKey": d.formKey,
            "day": Format.date(d.day),
            "cards": cards,
            "funnel": both { Chart.funnel("funnel", title: "Các bước tuyển chọn: số hồ sơ đã từng vào mỗi bước",
                                          AnnualReportView.funnelSteps(d.pipeline), layout: $0) },
            "stages": stageTable.context,
            "targetsChart": both { Chart.bars("targets", title: "Đã tuyển và công chức hiện có so với chỉ tiêu, theo cơ quan",
                                              d.targets.map(AnnualReportView.bar), layout: $0) },
            "targets": d.targets.map { t in
                ["agency": t.agencyName, "code": t.target.agencyCode, "kind": t.target.positionKind.label.vi,
                 "count": t.target.count, "deadline": Format.date(t.target.deadline), "hired": t.counted,
                 "status": t.status.rawValue, "statusLabel": t.status.label.vi, "id": t.target.id.text,
                 "risk": t.risk.map { $0.label.vi } ?? false]
            },
            "rule": AnnualReportView.projectionRule,
            "nominationsChart": both { Chart.stackedColumns("nominations", title: "Đề cử của các trường đối tác theo tháng",
                                                            months: months, series: series, layout: $0) },
            "partners": d.partners.filter { $0.agreementID != nil }.map { p in
                ["name": p.partnerName, "code": p.partnerCode, "reference": p.agreementReference ?? "",
                 "status": p.agreementStatus?.label.vi ?? "", "quota": p.yearlyQuota.map(String.init) ?? "—",
                 "used": p.quotaUsed, "nominations": p.nominations, "evaluation": p.reachedEvaluation, "hired": p.hired]
            },
            "privacy": d.privacyRequests.map { requests -> Any in
                let rows: [[String: Any]] = requests.map { r in
                    let status = r.status(on: d.day)
                    return ["id": r.id.text, "kind": r.kind.label.vi, "received": Format.date(r.receivedOn),
                            "acknowledgeBy": Format.date(r.acknowledgeBy), "due": Format.date(r.dueOn),
                            "status": status.rawValue, "statusLabel": status.label.vi]
                }
                return ["hasRows": !rows.isEmpty, "rows": rows,
                        "overdue": requests.filter { $0.status(on: d.day) == .overdue }.count]
            } ?? false,
            "training": d.training.map { t -> Any in
                let goal = t.goal.label.vi
                return ["officials": t.officials, "trained": t.trained, "share": Format.percent(t.share), "goal": goal,
                        "met": t.meetsGoal, "statusLabel": t.meetsGoal ? "đạt" : "chưa đạt",
                        "hasRows": !t.agencies.isEmpty,
                        "rows": t.agencies.map { a in
                            ["agency": a.agencyName, "officials": a.officials, "trained": a.trained,
                             "share": Format.percent(a.share), "untrained": a.untrained.count]
                        }]
            } ?? false,
            "submissions": d.submissions.map { o -> Any in
                ["year": o.year, "submitted": o.submitted.count, "total": o.submitted.count + o.missing.count,
                 "hasMissing": !o.missing.isEmpty, "missing": o.missing.map(\.agencyName).joined(separator: ", ")]
            } ?? false,
            "commendations": d.commendations.map { list -> Any in
                ["hasRows": !list.isEmpty,
                 "rows": list.map { c in
                     ["subject": c.subject.label.vi, "name": c.subjectName, "reason": c.reason,
                      "statusLabel": c.status.label.vi,
                      "decision": c.decisionNumber.map { n in "số \(n)" + (c.decidedOn.map { " ngày " + Format.date($0) } ?? "") } ?? false]
                 }]
            } ?? false,
            "retention": d.retention.map { run -> Any in
                ["due": run.due.count, "days": run.days, "hasDue": !run.due.isEmpty,
                 "oldest": run.due.first.map { Format.date($0.dueOn) } ?? ""]
            } ?? false,
        ])
    }

    /// A chart drawn twice, for a wide screen and for a phone; the page's style shows the one that fits.
    static func both(_ draw: (Chart.Layout) -> String) -> String {
        #"<div class="wide-only">\#(draw(.wide))</div><div class="narrow-only">\#(draw(.narrow))</div>"#
    }

    /// The sign-in form: `email` and `password`, with `form_key` (the sign-in's CSRF token, also in its cookie),
    /// posted to `/dashboard/login`. The e-mail typed is kept after a failure; the password never is.
    public static func login(error: String? = nil, email: String = "", formKey: String = "", language: Language = .vi) -> String {
        func t(_ vi: String, _ en: String) -> String { language == .en ? en : vi }
        var context: [String: Any] = [
            "style": Templates.style, "lang": language.rawValue, "formKey": formKey, "email": email,
            "title": t("Đăng nhập", "Sign in"),
            "intro": t("Lãnh đạo, cán bộ nhân sự, quản trị viên và thành viên hội đồng đánh giá đăng nhập bằng thư điện tử và mật khẩu của mình.",
                       "Leaders, HR officers, administrators and evaluators sign in with their own e-mail and password."),
            "emailLabel": t("Thư điện tử", "E-mail"), "passwordLabel": t("Mật khẩu", "Password"),
            "button": t("Đăng nhập", "Sign in"),
        ]
        // Only a present error goes in: Mustache renders an absent optional passed as `Any` as "nil".
        if let error { context["error"] = error }
        return Templates.login.render(context)
    }

    /// A short page for a refusal or a failure, in the dashboard's style, with a link on (by default: to sign in).
    public static func message(_ title: String, _ text: String, language: Language = .vi,
                               link: (href: String, label: String)? = nil) -> String {
        let link = link ?? ("/dashboard/login", language == .en ? "Sign in again" : "Đăng nhập lại")
        return Templates.message.render(["style": Templates.style, "title": title, "text": text, "lang": language.rawValue,
                                         "href": link.href, "label": link.label])
    }
}

extension Templates {
    static let head = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        """

    static let dashboard = template(head + """
        <title>Bảng điều hành — Kế hoạch 483/KH-UBND</title><style>{{{style}}}</style></head>
        <body><main>
        <nav class="top"><h1>Bảng điều hành tuyển chọn nhân tài xây dựng pháp luật</h1>
        <form method="post" action="/dashboard/logout"><input type="hidden" name="form_key" value="{{formKey}}"><span class="muted">{{viewer}} · </span><button type="submit">Đăng xuất</button></form></nav>
        <p class="subtitle">Kế hoạch 483/KH-UBND · số liệu đến ngày {{day}}</p>
        <div class="cards">{{#cards}}<div class="card" id="card-{{id}}"><div class="figure">{{figure}}</div><div class="caption">{{caption}}</div></div>{{/cards}}</div>
        <section id="funnel"><h2>Các bước tuyển chọn</h2>{{{funnel}}}
        {{#stages}}{{> table}}{{/stages}}</section>
        <section id="targets"><h2>Chỉ tiêu theo cơ quan</h2>{{{targetsChart}}}
        <div class="table-wrap"><table><thead><tr><th>Cơ quan</th><th>Loại vị trí</th><th class="num">Chỉ tiêu</th><th>Hạn</th><th class="num">Đã tuyển và hiện có</th><th>Tình trạng</th></tr></thead>
        <tbody>{{#targets}}<tr data-target="{{id}}"><td>{{agency}}</td><td>{{kind}}</td><td class="num">{{count}}</td><td>{{deadline}}</td><td class="num hired">{{hired}}</td><td class="status {{status}}">{{statusLabel}}{{#risk}}<span class="why">: {{risk}}</span>{{/risk}}</td></tr>{{/targets}}</tbody></table></div>
        <p class="muted">{{rule}}</p></section>
        <section id="nominations"><h2>Đề cử của trường đối tác</h2>{{{nominationsChart}}}
        <div class="table-wrap"><table><thead><tr><th>Đối tác</th><th>Thỏa thuận</th><th>Trạng thái</th><th class="num">Chỉ tiêu/năm</th><th class="num">Đề cử năm nay</th><th class="num">Tổng đề cử</th><th class="num">Vào đánh giá</th><th class="num">Được tuyển</th></tr></thead>
        <tbody>{{#partners}}<tr><td>{{name}}</td><td>{{reference}}</td><td>{{status}}</td><td class="num">{{quota}}</td><td class="num">{{used}}</td><td class="num">{{nominations}}</td><td class="num">{{evaluation}}</td><td class="num">{{hired}}</td></tr>{{/partners}}</tbody></table></div></section>
        {{#privacy}}<section id="privacy-requests"><h2>Yêu cầu của chủ thể dữ liệu chưa xong <span class="muted">({{overdue}} quá hạn)</span></h2>
        {{#hasRows}}<div class="table-wrap"><table><thead><tr><th>Loại yêu cầu</th><th>Ngày nhận</th><th>Hạn phản hồi</th><th>Hạn thực hiện</th><th>Trạng thái</th></tr></thead>
        <tbody>{{#rows}}<tr data-request="{{id}}"><td>{{kind}}</td><td>{{received}}</td><td>{{acknowledgeBy}}</td><td>{{due}}</td><td class="status {{status}}">{{statusLabel}}</td></tr>{{/rows}}</tbody></table></div>{{/hasRows}}
        {{^hasRows}}<p class="muted">Không có yêu cầu nào đang chờ.</p>{{/hasRows}}
        <p class="muted">Nghị định 356/2025/NĐ-CP Điều 5: phản hồi trong 2 ngày làm việc, thực hiện trong 10, 15 hoặc 20 ngày tùy loại; trả lời bằng <code>talent privacy request</code>.</p></section>{{/privacy}}
        {{#training}}<section id="training"><h2>Bồi dưỡng, tập huấn (mục II.2.d)</h2>
        <p><strong>{{trained}}/{{officials}}</strong> công chức làm công tác xây dựng pháp luật đã được bồi dưỡng ({{share}}); mục tiêu {{goal}}: <strong>{{statusLabel}}</strong>.</p>
        {{#hasRows}}<div class="table-wrap"><table><thead><tr><th>Cơ quan</th><th class="num">Công chức</th><th class="num">Đã bồi dưỡng</th><th class="num">Tỷ lệ</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{agency}}</td><td class="num">{{officials}}</td><td class="num">{{trained}}</td><td class="num">{{share}}</td></tr>{{/rows}}</tbody></table></div>{{/hasRows}}
        <p class="muted">Danh sách người chưa được bồi dưỡng: <code>talent report training</code>.</p></section>{{/training}}
        {{#submissions}}<section id="submissions"><h2>Báo cáo năm {{year}} của các cơ quan</h2>
        <p>Đã gửi <strong>{{submitted}}/{{total}}</strong> báo cáo.</p>{{#hasMissing}}<p>Chưa gửi: {{missing}}.</p>{{/hasMissing}}</section>{{/submissions}}
        {{#commendations}}<section id="commendations"><h2>Khen thưởng</h2>
        {{#hasRows}}<ul>{{#rows}}<li>{{subject}} <strong>{{name}}</strong>: {{reason}} ({{statusLabel}}{{#decision}}, {{decision}}{{/decision}})</li>{{/rows}}</ul>{{/hasRows}}
        {{^hasRows}}<p class="muted">Chưa có đề nghị khen thưởng.</p>{{/hasRows}}</section>{{/commendations}}
        {{#retention}}<section id="retention"><h2>Quy tắc lưu trữ dữ liệu</h2>
        {{#hasDue}}<p><strong>{{due}}</strong> người không trúng tuyển đến hạn xoá dữ liệu (hồ sơ cuối đã đóng quá {{days}} ngày, không đồng ý lưu vào nguồn nhân lực tiềm năng; sớm nhất từ {{oldest}}). Máy chủ xoá mỗi ngày; xem danh sách bằng <code>talent privacy retention --dry-run</code>.</p>{{/hasDue}}
        {{^hasDue}}<p class="muted">Không ai đến hạn xoá dữ liệu (sau {{days}} ngày kể từ khi hồ sơ cuối cùng đóng).</p>{{/hasDue}}
        <p class="muted">Luật 91/2025/QH15 Điều 25: dữ liệu của ứng viên không trúng tuyển được xoá, trừ khi đã thoả thuận khác.</p></section>{{/retention}}
        </main></body></html>
        """, partials: ["table": table])

    static let login = template("""
        <!DOCTYPE html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — Kế hoạch 483/KH-UBND</title><style>{{{style}}}</style></head>
        <body><main><form class="login" method="post" action="/dashboard/login">
        <h1>{{title}}</h1>
        <p class="muted">{{intro}}</p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <input type="hidden" name="form_key" value="{{formKey}}">
        <label for="email">{{emailLabel}}</label>
        <input id="email" name="email" type="email" autocomplete="username" value="{{email}}" required autofocus>
        <label for="password">{{passwordLabel}}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">{{button}}</button>
        </form></main></body></html>
        """)

    static let message = template("""
        <!DOCTYPE html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title><style>{{{style}}}</style></head>
        <body><main><h1>{{title}}</h1><p class="message">{{text}}</p><p><a href="{{href}}">{{label}}</a></p></main></body></html>
        """)
}
