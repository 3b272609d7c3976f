import Foundation
import TalentDomain
import TalentViews
import Testing

@Suite("Dashboard pages")
struct DashboardViewTests {
    @Test("the sign-in form shows no alert on a first visit, and the error when there is one")
    func login() {
        let first = DashboardView.login()
        #expect(!first.contains("nil"))
        #expect(!first.contains("role=\"alert\""))
        let refused = DashboardView.login(error: "Mã truy cập không đúng")
        #expect(refused.contains(#"<p class="error" role="alert">Mã truy cập không đúng</p>"#))
    }

    @Test("a chart has a phone's layout: 360 units across, every bar's label on its own line, the same figures")
    func narrowCharts() {
        let bars = [Chart.Bar(label: "STP · nòng cốt · 2027", value: 1, goal: 2), Chart.Bar(label: "SNV · pháp chế · 2030", value: 0, goal: 1)]
        let wide = Chart.bars("targets", title: "Chỉ tiêu", bars)
        let narrow = Chart.bars("targets", title: "Chỉ tiêu", bars, layout: .narrow)
        #expect(wide.contains(#"data-layout="wide" viewBox="0 0 640 "#))
        #expect(narrow.contains(#"data-layout="narrow" viewBox="0 0 360 "#))
        // Labels start at the left edge above their bars, which then run from x = 0.
        #expect(narrow.contains(#"<text x="0" y="22" class="label">STP · nòng cốt · 2027</text>"#))
        #expect(narrow.contains(#"<rect x="0" y="31""#))
        for svg in [wide, narrow] {
            #expect(svg.contains(#"data-label="STP · nòng cốt · 2027" data-value="1" data-goal="2""#))
        }
        let columns = Chart.stackedColumns("n", title: "Đề cử", months: ["2026-11", "2026-12"],
                                           series: [(name: "ULAW", values: [1, 2])], layout: .narrow)
        #expect(columns.contains(">12</text>") && !columns.contains("12/26"))
    }
}
