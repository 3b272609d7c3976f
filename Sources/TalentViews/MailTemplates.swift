import Foundation
import Mustache
import TalentDomain

/// The e-mails' subjects and bodies, Mustache templates like the pages': each kind in Vietnamese and in English.
/// Values that differ by language come as `{"vi": …, "en": …}` and are read as `{{x.vi}}` or `{{x.en}}`.
public enum MailTemplates {
    public struct Rendered: Sendable, Hashable {
        public var subject: String
        public var body: String
    }

    /// The subject and body of `kind` with `values`, in `language`; `link` is the server's public address, if known.
    public static func render(_ kind: MailKind, values: JSONValue, language: Language, link: String?) -> Rendered {
        var context = values.mustacheValue as? [String: Any] ?? [:]
        if let link { context["link"] = link }
        let pair = templates[kind]?[language] ?? templates[kind]?[.vi] ?? (subject: Templates.template(""), body: Templates.template(""))
        return Rendered(subject: pair.subject.render(context).trimmingCharacters(in: .whitespacesAndNewlines),
                        body: pair.body.render(context))
    }

    /// Plain text: no HTML escaping of `&`, `<` or quotes in names and titles.
    static let text = "{{% CONTENT_TYPE: TEXT}}"

    static let signatureVi = """

        --
        Hệ thống tuyển chọn, thu hút nhân tài xây dựng pháp luật (Kế hoạch 483/KH-UBND)
        Thư gửi tự động; xin không trả lời thư này.
        """
    static let signatureEn = """

        --
        The legal-drafting talent tracker (plan 483/KH-UBND)
        This message was sent automatically; please do not reply.
        """

    static let templates: [MailKind: [Language: (subject: Templates.Renderer, body: Templates.Renderer)]] = [
        .nominationReceived: [
            .vi: (Templates.template(text + "Đã tiếp nhận đề cử {{candidate_name}}"), Templates.template(text + """
                Kính gửi {{nominator_name}},

                Sở Tư pháp đã tiếp nhận đề cử của {{partner_name}} đối với {{candidate_name}} ngày {{submitted_on}} \
                (mã đề cử {{nomination_id}}). Trạng thái đề cử được cập nhật trên hệ thống khi hồ sơ được xem xét.

                Trân trọng cảm ơn sự giới thiệu của Quý Thầy/Cô.
                """ + signatureVi)),
            .en: (Templates.template(text + "Nomination of {{candidate_name}} received"), Templates.template(text + """
                Dear {{nominator_name}},

                The Department of Justice received {{partner_name}}'s nomination of {{candidate_name}} on \
                {{submitted_on}} (nomination {{nomination_id}}). Its status is updated as it is reviewed.

                Thank you for your recommendation.
                """ + signatureEn)),
        ],
        .applicationResult: [
            .vi: (Templates.template(text + "Kết quả tuyển chọn vị trí {{position_title}}"), Templates.template(text + """
                Kính gửi {{candidate_name}},

                {{#hired}}Chúc mừng Anh/Chị đã được tuyển dụng vào vị trí {{position_title}} tại {{agency_name}}. \
                Cơ quan sẽ liên hệ về các bước tiếp theo.{{/hired}}\
                {{^hired}}Cảm ơn Anh/Chị đã quan tâm đến vị trí {{position_title}} tại {{agency_name}}. Rất tiếc, \
                lần này hồ sơ của Anh/Chị chưa được chọn.{{#in_pool}} Hồ sơ được giữ trong nguồn nhân lực tiềm \
                năng theo sự đồng ý của Anh/Chị.{{/in_pool}}{{/hired}}

                Anh/Chị có thể yêu cầu xem, sửa hoặc xóa dữ liệu cá nhân của mình theo Luật Bảo vệ dữ liệu cá nhân \
                (Luật số 91/2025/QH15) bằng cách liên hệ Sở Tư pháp.
                """ + signatureVi)),
            .en: (Templates.template(text + "Outcome of your application for {{position_title}}"), Templates.template(text + """
                Dear {{candidate_name}},

                {{#hired}}Congratulations: you have been hired as {{position_title}} at {{agency_name}}. The agency \
                will contact you about the next steps.{{/hired}}\
                {{^hired}}Thank you for your interest in the position of {{position_title}} at {{agency_name}}. We \
                regret that your application was not selected this time.{{#in_pool}} Your file stays in the talent \
                pool, as you agreed.{{/in_pool}}{{/hired}}

                You may ask to see, correct or erase your personal data under the Personal Data Protection Law \
                (Law 91/2025/QH15) by contacting the Department of Justice.
                """ + signatureEn)),
        ],
        .evaluationAssigned: [
            .vi: (Templates.template(text + "Phân công đánh giá: {{position_title}}"), Templates.template(text + """
                Kính gửi {{evaluator_name}},

                Anh/Chị được phân công vào hội đồng đánh giá một hồ sơ dự tuyển vị trí {{position_title}} tại \
                {{agency_name}} (phân công ngày {{assigned_on}}).
                {{#link}}Chấm điểm tại: {{link}}/evaluate/{{application_id}}{{/link}}\
                {{^link}}Đăng nhập hệ thống, mục Đánh giá, để chấm điểm.{{/link}}

                Nếu Anh/Chị có quan hệ với người dự tuyển, xin khai báo và rút khỏi hội đồng trước khi chấm.
                """ + signatureVi)),
            .en: (Templates.template(text + "Evaluation assigned: {{position_title}}"), Templates.template(text + """
                Dear {{evaluator_name}},

                You are on the panel evaluating an application for {{position_title}} at {{agency_name}} (assigned \
                on {{assigned_on}}).
                {{#link}}Score it at: {{link}}/evaluate/{{application_id}}{{/link}}\
                {{^link}}Sign in and open Evaluations to score it.{{/link}}

                If you have a relationship with the applicant, declare it and step off the panel before scoring.
                """ + signatureEn)),
        ],
        .evaluationReminder: [
            .vi: (Templates.template(text + "Nhắc việc: {{count}} phiếu đánh giá chưa nộp"), Templates.template(text + """
                Kính gửi {{evaluator_name}},

                Anh/Chị còn {{count}} phiếu đánh giá chưa nộp:
                {{#items}}
                - {{position_title}} tại {{agency_name}}, phân công ngày {{assigned_on}}
                {{/items}}
                {{#link}}
                Chấm điểm tại: {{link}}/evaluate
                {{/link}}
                """ + signatureVi)),
            .en: (Templates.template(text + "Reminder: {{count}} evaluation sheets to submit"), Templates.template(text + """
                Dear {{evaluator_name}},

                You have {{count}} evaluation sheets still to submit:
                {{#items}}
                - {{position_title}} at {{agency_name}}, assigned on {{assigned_on}}
                {{/items}}
                {{#link}}
                Score them at: {{link}}/evaluate
                {{/link}}
                """ + signatureEn)),
        ],
        .hrDigest: [
            .vi: (Templates.template(text + "Tổng hợp tuần {{week}}: việc quá hạn và chỉ tiêu có nguy cơ"), Templates.template(text + """
                Kính gửi {{name}},

                Tổng hợp tuần {{week}} trong phạm vi của Anh/Chị:
                - Đề cử chưa xử lý quá {{triage_days}} ngày: {{untriaged}}
                - Hồ sơ dự tuyển đứng yên quá {{stale_days}} ngày: {{stale}}
                - Phiếu đánh giá chưa nộp quá {{sheet_days}} ngày: {{pending_sheets}}
                - Yêu cầu về dữ liệu cá nhân quá hạn trả lời: {{overdue_requests}}
                {{#has_targets}}

                Chỉ tiêu có nguy cơ không đạt:
                {{#targets}}
                - {{agency_name}}: {{count}} {{kind.vi}} trước {{deadline}} ({{status.vi}}; đã tuyển {{hired}})
                {{/targets}}
                {{/has_targets}}
                """ + signatureVi)),
            .en: (Templates.template(text + "Week {{week}}: overdue items and targets at risk"), Templates.template(text + """
                Dear {{name}},

                This week ({{week}}) within your reach:
                - Nominations not triaged for over {{triage_days}} days: {{untriaged}}
                - Applications without a move for over {{stale_days}} days: {{stale}}
                - Evaluation sheets outstanding for over {{sheet_days}} days: {{pending_sheets}}
                - Personal-data requests past their deadline: {{overdue_requests}}
                {{#has_targets}}

                Targets at risk:
                {{#targets}}
                - {{agency_name}}: {{count}} {{kind.en}} by {{deadline}} ({{status.en}}; hired {{hired}})
                {{/targets}}
                {{/has_targets}}
                """ + signatureEn)),
        ],
    ]
}

extension JSONValue {
    /// The value as Mustache reads a context: objects as dictionaries, arrays as arrays, numbers that are whole as
    /// integers.
    var mustacheValue: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? Int(n) as Any : n as Any
        case .string(let s): return s
        case .array(let items): return items.map(\.mustacheValue)
        case .object(let fields): return fields.mapValues(\.mustacheValue)
        }
    }
}
