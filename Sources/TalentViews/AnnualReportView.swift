import Foundation
import TalentDomain

/// The yearly report to leadership, in Vietnamese: Markdown for reading and editing, HTML for printing.
public enum AnnualReportView {
    public static func markdown(_ report: AnnualReport) -> String { document(report).markdown }
    public static func html(_ report: AnnualReport) -> String { document(report).html }

    static func none(_ r: AnnualReport) -> String { "Không có số liệu \(r.span)." }

    public static func document(_ r: AnnualReport) -> Document {
        Document(
            title: "Báo cáo năm \(r.year): phát triển nguồn nhân lực tham mưu xây dựng pháp luật",
            subtitle: [
                "Thực hiện Kế hoạch 483/KH-UBND ngày 19/12/2024 (triển khai Quyết định 916/QĐ-TTg).",
                "Số liệu tính đến ngày \(Format.date(r.asOf)); lập lúc \(Format.date(CalendarDate(r.generatedAt))).",
            ],
            sections: [targets(r), pipeline(r), partners(r), referrers(r), evaluations(r), training(r), commendations(r)])
    }

    /// Plan II.2.d: the share of officials doing legal-drafting work trained in the year.
    static func training(_ r: AnnualReport) -> Document.Section {
        guard let t = r.training, t.officials > 0 else {
            return Document.Section("Bồi dưỡng, tập huấn (mục II.2.d)",
                                    paragraphs: ["Chưa ghi nhận công chức làm công tác xây dựng pháp luật nào."])
        }
        let goal = t.goal.label.vi
        func share(_ trained: Int, _ of: Int) -> String {
            of == 0 ? "–" : String(format: "%.0f%%", Double(trained) * 100 / Double(of))
        }
        return Document.Section(
            "Bồi dưỡng, tập huấn (mục II.2.d)",
            paragraphs: ["""
                \(t.trainings) lớp bồi dưỡng, tập huấn kết thúc \(r.span); \(t.trained)/\(t.officials) công chức làm công tác \
                xây dựng pháp luật đã hoàn thành ít nhất một lớp (\(share(t.trained, t.officials))), mục tiêu \(goal): \
                \(t.meetsGoal ? "đạt" : "chưa đạt").
                """],
            table: Document.Table(
                headers: ["Cơ quan", "Công chức", "Đã bồi dưỡng", "Tỷ lệ"],
                rows: t.agencies.map { [$0.agencyName, String($0.officials), String($0.trained), share($0.trained, $0.officials)] },
                numeric: [1, 2, 3]))
    }

    /// Plan III.6, IV.1.e: commendations decided in the year.
    static func commendations(_ r: AnnualReport) -> Document.Section {
        Document.Section(
            "Khen thưởng",
            paragraphs: [r.commendations.isEmpty ? "Không có quyết định khen thưởng nào \(r.span)."
                         : "\(r.commendations.count) quyết định khen thưởng \(r.span)."],
            table: r.commendations.isEmpty ? nil : Document.Table(
                headers: ["Đối tượng", "Họ tên / đơn vị", "Thành tích", "Quyết định"],
                rows: r.commendations.map { c in
                    [c.subject == .official ? "Công chức" : "Người giới thiệu", c.subjectName, c.reason,
                     "\(c.decisionNumber ?? "") ngày \(c.decidedOn.map(Format.date) ?? "")"]
                }))
    }

    static func targets(_ r: AnnualReport) -> Document.Section {
        let counts = Dictionary(grouping: r.targets, by: \.status).mapValues(\.count)
        let summary = r.targets.isEmpty ? "Chưa có chỉ tiêu nào." : """
            \(r.targets.count) chỉ tiêu: \(counts[.met] ?? 0) đã đạt, \(counts[.onTrack] ?? 0) đúng tiến độ, \
            \(counts[.atRisk] ?? 0) có nguy cơ không đạt, \(counts[.missed] ?? 0) không đạt.
            """
        return Document.Section(
            "Chỉ tiêu và tiến độ",
            paragraphs: [summary, projectionRule],
            chart: r.targets.isEmpty ? nil : Chart.bars("targets", title: "Đã tuyển và công chức hiện có so với chỉ tiêu", r.targets.map(bar)),
            table: Document.Table(
                headers: ["Cơ quan", "Loại vị trí", "Chỉ tiêu", "Hạn", "Đã tuyển", "Công chức hiện có", "Tình trạng"],
                rows: r.targets.map { t in
                    [t.agencyName, t.target.positionKind.label.vi, String(t.target.count), Format.date(t.target.deadline),
                     String(t.hired), String(t.developed), t.status.label.vi + (t.risk.map { ": " + $0.label.vi } ?? "")]
                },
                numeric: [2, 4, 5]))
    }

    /// How a target's status is judged, for readers of the report and the dashboard.
    public static let projectionRule = """
        Cách đánh giá (số đã tuyển tính theo ngày hiệu lực của quyết định tuyển dụng, cộng công chức hiện có làm đúng \
        công việc đó): "đã đạt" khi số đã tuyển đủ chỉ tiêu; "không đạt" khi quá hạn mà chưa đủ; "có nguy cơ không đạt" \
        khi số đã tuyển cộng mọi hồ sơ đang xét ít hơn chỉ tiêu (kể cả khi chưa có vị trí nào đang mở và chưa có ứng \
        viên), khi số đã tuyển cộng số đang ở bước đề nghị tuyển dụng chậm hơn đường thẳng từ ngày bắt đầu (19/12/2024) \
        đến hạn, hoặc khi trong 180 ngày cuối số đã tuyển, đề nghị và phỏng vấn không đủ chỉ tiêu; còn lại là \
        "đúng tiến độ". Lý do được ghi cạnh tình trạng.
        """

    static func bar(_ t: TargetProgress) -> Chart.Bar {
        Chart.Bar(label: "\(t.target.agencyCode) · \(shortLabel(t.target.positionKind)) · \(t.target.deadline.year)",
                  value: Double(t.counted), goal: Double(t.target.count), text: "\(t.counted)/\(t.target.count)",
                  tone: t.status.rawValue)
    }

    static func pipeline(_ r: AnnualReport) -> Document.Section {
        let p = r.pipeline
        let hired = r.hires.reduce(0) { $0 + $1.hired }
        return Document.Section(
            "Tuyển chọn \(r.span)",
            paragraphs: [p.applications == 0 && hired == 0 ? none(r)
                         : "\(p.applications) hồ sơ ứng tuyển được mở \(r.span); \(hired) người được tuyển dụng \(r.span)."],
            chart: p.applications == 0 ? nil : Chart.funnel("funnel", title: "Các bước tuyển chọn", funnelSteps(p)),
            table: p.applications == 0 ? nil : stageTable(p.stages),
            parts: [
                Document.Section(
                    "Theo cơ quan",
                    paragraphs: (p.groups ?? []).isEmpty ? [none(r)] : [],
                    table: (p.groups ?? []).isEmpty ? nil : Document.Table(
                        headers: ["Cơ quan", "Hồ sơ mở \(r.span)", "Đang xét", "Đã tuyển", "Không được chọn", "Rút hồ sơ"],
                        rows: (p.groups ?? []).map { g in
                            let open = g.stages.filter { $0.stage.isOpen }.reduce(0) { $0 + $1.count }
                            func n(_ s: PipelineStage) -> String { String(g.stages.first { $0.stage == s }?.count ?? 0) }
                            return [g.label, String(g.applications), String(open), n(.hired), n(.rejected), n(.withdrawn)]
                        },
                        numeric: [1, 2, 3, 4, 5])),
                Document.Section(
                    "Tuyển dụng \(r.span)",
                    paragraphs: r.hires.isEmpty ? [none(r)] : [],
                    chart: r.hires.isEmpty ? nil : Chart.bars("hires", title: "Số người được tuyển dụng theo cơ quan",
                                                              hiresByAgency(r.hires)),
                    table: r.hires.isEmpty ? nil : Document.Table(
                        headers: ["Cơ quan", "Loại vị trí", "Số người"],
                        rows: r.hires.map { [$0.agencyName, $0.positionKind.label.vi, String($0.hired)] }, numeric: [2])),
            ])
    }

    /// A kind of post in a word or two, for chart labels.
    static func shortLabel(_ kind: PositionKind) -> String {
        switch kind {
        case .legalAffairsOfficer: "pháp chế"
        case .coreDraftingOfficer: "nòng cốt"
        case .draftingAdvisor: "tham mưu"
        case .other: "khác"
        }
    }

    public static func funnelSteps(_ p: PipelineReport) -> [(label: String, stage: String, value: Int)] {
        PipelineStage.path.map { stage in (stage.label.vi, stage.rawValue, p.stage(stage).reached) }
    }

    public static func stageTable(_ stages: [StageFigures]) -> Document.Table {
        Document.Table(
            headers: ["Bước", "Hiện có", "Đã từng vào", "Chuyển tiếp sang bước sau", "Số ngày (trung vị)"],
            rows: stages.map { s in
                [s.stage.label.vi, String(s.count), String(s.reached), Format.percent(s.conversion),
                 s.medianDays.map { Format.number($0, digits: 1) } ?? "—"]
            },
            numeric: [1, 2, 3, 4])
    }

    static func hiresByAgency(_ hires: [AgencyHires]) -> [Chart.Bar] {
        var totals: [(String, Int)] = []
        for hire in hires {
            if let i = totals.firstIndex(where: { $0.0 == hire.agencyName }) { totals[i].1 += hire.hired } else {
                totals.append((hire.agencyName, hire.hired))
            }
        }
        return totals.map { Chart.Bar(label: $0.0, value: Double($0.1)) }
    }

    static func partners(_ r: AnnualReport) -> Document.Section {
        Document.Section(
            "Trường đối tác và thỏa thuận hợp tác",
            paragraphs: r.partners.isEmpty ? ["Không có thỏa thuận hợp tác nào có hiệu lực trong năm."] : [
                "\(Set(r.partners.map(\.partnerCode)).count) đối tác, \(r.partners.count) thỏa thuận có hiệu lực trong năm; \(r.partners.reduce(0) { $0 + $1.quotaUsed }) đề cử trong năm.",
            ],
            chart: r.partners.isEmpty ? nil : Chart.bars("partners", title: "Đề cử trong năm so với chỉ tiêu", r.partners.map { p in
                Chart.Bar(label: "\(p.partnerCode) · \(p.agreementReference ?? "")", value: Double(p.quotaUsed),
                          goal: p.yearlyQuota.map(Double.init),
                          text: p.yearlyQuota.map { "\(p.quotaUsed)/\($0)" } ?? String(p.quotaUsed))
            }),
            table: r.partners.isEmpty ? nil : Document.Table(
                headers: ["Đối tác", "Thỏa thuận", "Hiệu lực", "Trạng thái", "Chỉ tiêu/năm", "Đề cử trong năm",
                          "Vào đánh giá", "Được tuyển"],
                rows: r.partners.map { p in
                    [p.partnerName, p.agreementReference ?? "",
                     [p.startsOn, p.endsOn].compactMap { $0.map(Format.date) }.joined(separator: " – "),
                     p.agreementStatus?.label.vi ?? "", p.yearlyQuota.map(String.init) ?? "—", String(p.quotaUsed),
                     String(p.reachedEvaluation), String(p.hired)]
                },
                numeric: [4, 5, 6, 7]))
    }

    static func referrers(_ r: AnnualReport) -> Document.Section {
        let top = Array(r.referrers.prefix(20))
        return Document.Section(
            "Người giới thiệu (mục III.3.c)",
            paragraphs: top.isEmpty ? [none(r)] : [
                "\(r.referrers.reduce(0) { $0 + $1.referrals }) lượt giới thiệu \(r.span), từ \(r.referrers.count) người/đơn vị giới thiệu"
                    + (r.referrers.count > top.count ? " (bảng nêu \(top.count) người giới thiệu nhiều nhất)." : "."),
            ],
            table: top.isEmpty ? nil : Document.Table(
                headers: ["Người giới thiệu", "Loại", "Giới thiệu", "Được ghi nhận", "Vào đánh giá", "Được tuyển",
                          "Không được chọn", "Điểm hội đồng (trung vị)"],
                rows: top.map { s in
                    [s.referrerName ?? s.referrer, ReferrerKind(rawValue: s.referrerKind)?.label.vi ?? s.referrerKind,
                     String(s.referrals), String(s.credited), String(s.reachedEvaluation), String(s.hired), String(s.rejected),
                     s.medianPanelScore.map { Format.number($0) } ?? "—"]
                },
                numeric: [2, 3, 4, 5, 6, 7]))
    }

    static func evaluations(_ r: AnnualReport) -> Document.Section {
        let e = r.evaluations
        return Document.Section(
            "Đánh giá",
            paragraphs: e.sheets == 0 ? ["Không có phiếu đánh giá nào được nộp \(r.span)."] : [
                "\(e.applications) hồ sơ được chấm với \(e.sheets) phiếu; \(e.complete) hội đồng đủ thành viên: \(e.passed) đạt, \(e.failed) không đạt"
                    + (e.medianPanelScore.map { "; điểm hội đồng trung vị \(Format.number($0))." } ?? "."),
            ])
    }
}
