import Foundation
import TalentDomain
import TalentViews
import Testing

@Suite("Targets and report figures")
struct TargetTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test("days between dates")
    func dayNumbers() {
        #expect(Self.day("1970-01-01").dayNumber == 0)
        #expect(Self.day("2024-12-19").dayNumber == 20_076)
        #expect(Self.day("2025-03-01").dayNumber - Self.day("2025-02-28").dayNumber == 1)
        #expect(Self.day("2024-03-01").dayNumber - Self.day("2024-02-28").dayNumber == 2)
        #expect(Self.day("2030-12-31").dayNumber - Self.day("2024-12-19").dayNumber == 2203)
    }

    /// Window 2025-01-01 → 2027-01-01 (730 days); count 4; unless a case says otherwise, four candidates in the
    /// earlier stages and one open position, so that the pipeline could meet the count.
    @Test("the projection rule", arguments: [
        // (hired, offers, interviews, day, status, expected by then, why at risk)
        (4, 0, 0, "2025-06-01", TargetStatus.met, 1, nil),   // reached early
        (4, 0, 0, "2027-06-01", .met, 4, nil),               // met stays met after the deadline
        (3, 0, 0, "2027-01-02", .missed, 4, nil),            // the day after the deadline, short
        (0, 0, 0, "2025-01-01", .onTrack, 0, nil),           // the first day
        (1, 0, 0, "2025-07-02", .onTrack, 1, nil),           // half a year: 4 × 182/730 = 0.997 → 1
        (0, 1, 0, "2025-07-02", .onTrack, 1, nil),           // an offer out counts toward the pace
        (0, 0, 5, "2025-07-02", .atRisk, 1, .behindPace),    // interviews do not
        (2, 0, 0, "2026-01-01", .onTrack, 2, nil),           // 4 × 365/730 = 2
        (1, 0, 0, "2026-01-01", .atRisk, 2, .behindPace),
        (3, 0, 0, "2026-09-01", .atRisk, 3, .cannotFinish),  // 122 days left: hires + offers + interviews < 4
        (3, 0, 1, "2026-09-01", .onTrack, 3, nil),           // … and with one interview they could
    ] as [(Int, Int, Int, String, TargetStatus, Int, TargetRisk?)])
    func projection(hired: Int, offers: Int, interviews: Int, on: String, status: TargetStatus, expected: Int,
                    risk: TargetRisk?) {
        let result = TargetProgress.status(count: 4, hired: hired, inOffer: offers, inInterview: interviews,
                                           inEarlierStages: 4, openPositions: 1, startsOn: Self.day("2025-01-01"),
                                           deadline: Self.day("2027-01-01"), on: Self.day(on))
        #expect(result.0 == status)
        #expect(result.expected == expected)
        #expect(result.risk == risk)
    }

    /// A target nothing could meet is at risk from its first day, and says why; not "on track" until mid-window.
    @Test("a pipeline that cannot meet the target", arguments: [
        // (hired, offers, interviews, earlier, open positions, status, why)
        (0, 0, 0, 0, 0, TargetStatus.atRisk, TargetRisk.nothingInPipeline as TargetRisk?),  // no position, no one
        (0, 0, 0, 0, 1, .atRisk, .pipelineTooSmall),          // a position posted, nobody applied
        (1, 0, 0, 2, 1, .atRisk, .pipelineTooSmall),          // 1 hired + 2 candidates < 4
        (0, 0, 0, 4, 0, .onTrack, nil),                       // candidates, though the position is on hold
        (2, 1, 1, 0, 0, .onTrack, nil),                       // enough in offer and interview
        (4, 0, 0, 0, 0, .met, nil),                           // met needs nothing more
    ] as [(Int, Int, Int, Int, Int, TargetStatus, TargetRisk?)])
    func pipelineShort(hired: Int, offers: Int, interviews: Int, earlier: Int, open: Int, status: TargetStatus,
                       risk: TargetRisk?) {
        let result = TargetProgress.status(count: 4, hired: hired, inOffer: offers, inInterview: interviews,
                                           inEarlierStages: earlier, openPositions: open,
                                           startsOn: Self.day("2025-01-01"), deadline: Self.day("2027-01-01"),
                                           on: Self.day("2025-01-10"))
        #expect(result.0 == status)
        #expect(result.risk == risk)
    }

    @Test("targets are checked field by field")
    func validTarget() throws {
        let target = try ValidTarget(agencyCode: "stp", positionKind: "core_drafting_officer", count: 2, deadline: "2027-12-31",
                                     note: nil)
        #expect(target.agencyCode == "STP" && target.startsOn == Target.planDate)
        do {
            _ = try ValidTarget(agencyCode: nil, positionKind: "x", count: 0, deadline: "2024-01-01", note: nil)
            Issue.record("accepted")
        } catch {
            #expect(Set(error.fieldErrors.map(\.field)) == ["agency_code", "position_kind", "count", "deadline"])
        }
    }

    @Test("stage figures: every stage, conversions along the forward path only")
    func stageFigures() {
        let figures = StageFigures.complete([
            StageFigures(stage: .nominated, count: 1, reached: 10, medianDays: 2),
            StageFigures(stage: .screening, count: 2, reached: 8, medianDays: nil),
            StageFigures(stage: .evaluation, count: 0, reached: 4, medianDays: nil),
            StageFigures(stage: .rejected, count: 3, reached: 3, medianDays: nil),
        ])
        #expect(figures.map(\.stage) == PipelineStage.allCases)
        #expect(figures[0].conversion == 0.8 && figures[1].conversion == 0.5 && figures[2].conversion == 0)
        #expect(figures[3].conversion == nil)  // nobody reached interview: no share to give
        #expect(figures.first { $0.stage == .rejected }?.conversion == nil)
        #expect(figures.first { $0.stage == .hired }?.conversion == nil)
    }

    @Test("the annual report's Markdown keeps a typed name inert")
    func markdownCells() {
        let document = Document(title: "T", subtitle: [], sections: [Document.Section(
            "S", table: Document.Table(headers: ["Tên"], rows: [["Zz <img src=x onerror=alert(1)> [a](b) | *c*"]]))])
        #expect(document.markdown.contains("| Zz \\<img src=x onerror=alert(1)\\> \\[a\\](b) \\| \\*c\\* |"))
        #expect(!document.html.contains("<img"))
    }

    @Test("charts escape what they draw and carry their values")
    func charts() {
        let svg = Chart.bars("t", title: "A & B", [Chart.Bar(label: "<Sở \"Tư\" pháp>", value: 2, goal: 3)])
        #expect(svg.contains("&lt;Sở &quot;Tư&quot; pháp&gt;"))
        #expect(!svg.contains("<Sở"))
        #expect(svg.contains("data-value=\"2\" data-goal=\"3\""))
        #expect(svg.contains("aria-label=\"A &amp; B\""))
        #expect(Format.number(3.5) == "3,5" && Format.number(4) == "4" && Format.number(10.0 / 3) == "3,33")
        #expect(DashboardViewMonths.check())
    }
}

/// The dashboard's twelve months wrap across a year.
enum DashboardViewMonths {
    static func check() -> Bool {
        let months = DashboardView.months(endingAt: CalendarDate("2026-02-15")!)
        return months.count == 12 && months.first == "2025-03" && months.last == "2026-02"
    }
}
