import Foundation
import TalentDomain

/// Charts as inline SVG: no script, no external asset, scaled to the width of the page (a phone's too). Every bar
/// carries its label and value in `data-` attributes, so a browser test can read what was drawn.
public enum Chart {
    /// A chart is drawn for a screen of a given width: wide for desktops and print (640 units across), narrow for
    /// phones (360 units, labels above their bars), so that its text stays at reading size when the SVG is scaled
    /// to the page. Pages that serve both show one by a CSS media query.
    public enum Layout: String, Sendable {
        case wide, narrow

        var width: Double { self == .wide ? 640 : 360 }
    }

    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// A goal drawn as a marker across the bar (a target's count).
        public var goal: Double?
        /// The text shown at the bar's end.
        public var text: String
        /// A CSS class for the bar's colour (`met`, `on_track`, `at_risk`, `missed`, or none).
        public var tone: String?

        public init(label: String, value: Double, goal: Double? = nil, text: String? = nil, tone: String? = nil) {
            self.label = label
            self.value = value
            self.goal = goal
            self.text = text ?? Format.number(value)
            self.tone = tone
        }
    }

    /// Horizontal bars, one a row, with an optional goal marker each.
    public static func bars(_ name: String, title: String, _ bars: [Bar], layout: Layout = .wide) -> String {
        let width = layout.width
        // Narrow: the label on a line of its own above the bar, which then takes the whole width.
        let narrow = layout == .narrow
        let labelWidth = narrow ? 0.0 : 250.0, labelLine = narrow ? 18.0 : 0.0
        let row = 30.0 + labelLine, top = 8.0
        let plot = width - labelWidth - (narrow ? 50 : 60)
        let maximum = max(1, bars.map { max($0.value, $0.goal ?? 0) }.max() ?? 1)
        let height = top * 2 + row * Double(max(bars.count, 1))
        var svg = header(name, title: title, width: width, height: height, layout: layout)
        if bars.isEmpty {
            svg += #"<text x="\#(width / 2)" y="\#(height / 2 + 4)" text-anchor="middle" class="empty">Chưa có số liệu</text>"#
        }
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * row
            let barY = y + labelLine
            let length = plot * bar.value / maximum
            svg += #"<g class="bar\#(bar.tone.map { " " + $0 } ?? "")" data-label="\#(escape(bar.label))" data-value="\#(Format.raw(bar.value))"\#(bar.goal.map { " data-goal=\"\(Format.raw($0))\"" } ?? "")>"#
            if narrow {
                svg += #"<text x="0" y="\#(Format.raw(y + 14))" class="label">\#(escape(clip(bar.label, 44)))</text>"#
            } else {
                svg += #"<text x="\#(labelWidth - 8)" y="\#(y + row / 2 + 4)" text-anchor="end" class="label">\#(escape(clip(bar.label, 30)))</text>"#
            }
            svg += #"<rect x="\#(Format.raw(labelWidth))" y="\#(Format.raw(barY + 5))" width="\#(Format.raw(max(length, bar.value > 0 ? 2 : 0)))" height="20" rx="3"/>"#
            if let goal = bar.goal {
                let x = labelWidth + plot * goal / maximum
                svg += #"<line x1="\#(Format.raw(x))" x2="\#(Format.raw(x))" y1="\#(Format.raw(barY + 2))" y2="\#(Format.raw(barY + 28))" class="goal"/>"#
            }
            svg += #"<text x="\#(Format.raw(labelWidth + max(length, bar.goal.map { plot * $0 / maximum } ?? 0) + 6))" y="\#(Format.raw(barY + 19))" class="value">\#(escape(bar.text))</text>"#
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// The funnel: the applications that reached each stage of the forward path, bars narrowing down around the
    /// middle of the plot, the stage named on the left and the figure on the right.
    public static func funnel(_ name: String, title: String, _ steps: [(label: String, stage: String, value: Int)],
                              layout: Layout = .wide) -> String {
        let width = layout.width, labelWidth = layout == .wide ? 160.0 : 112.0, valueWidth = 50.0, row = 34.0, top = 8.0
        let plot = width - labelWidth - valueWidth
        let maximum = Double(max(1, steps.map(\.value).max() ?? 1))
        let height = top * 2 + row * Double(max(steps.count, 1))
        var svg = header(name, title: title, width: width, height: height, layout: layout)
        for (i, step) in steps.enumerated() {
            let y = top + Double(i) * row
            let length = max(step.value > 0 ? 3 : 0, plot * Double(step.value) / maximum)
            svg += #"<g class="bar step" data-label="\#(escape(step.stage))" data-value="\#(step.value)">"#
            svg += #"<text x="\#(labelWidth - 8)" y="\#(y + row / 2 + 4)" text-anchor="end" class="label">\#(escape(step.label))</text>"#
            svg += #"<rect x="\#(Format.raw(labelWidth + (plot - length) / 2))" y="\#(y + 4)" width="\#(Format.raw(length))" height="\#(row - 8)" rx="3"/>"#
            svg += #"<text x="\#(Format.raw(width - valueWidth + 6))" y="\#(y + row / 2 + 4)" class="value">\#(step.value)</text>"#
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// Columns per month, stacked by series (partners), with a legend.
    public static func stackedColumns(_ name: String, title: String, months: [String], series: [(name: String, values: [Int])],
                                      layout: Layout = .wide) -> String {
        let width = layout.width, height = 260.0, left = 36.0, bottom = 40.0, top = 10.0
        // Legend entries a row: three on a wide chart, one on a narrow one.
        let perRow = layout == .wide ? 3 : 1
        let legendRows = Double((series.count + perRow - 1) / perRow)
        let total = height + legendRows * 20
        let totals = months.indices.map { m in series.reduce(0) { $0 + $1.values[m] } }
        let maximum = Double(max(1, totals.max() ?? 1))
        let plotHeight = height - bottom - top
        let slot = (width - left - 10) / Double(max(months.count, 1))
        var svg = header(name, title: title, width: width, height: total, layout: layout)
        svg += #"<line x1="\#(left)" x2="\#(width - 10)" y1="\#(height - bottom)" y2="\#(height - bottom)" class="axis"/>"#
        svg += #"<text x="\#(left - 6)" y="\#(top + 8)" text-anchor="end" class="tick">\#(Int(maximum))</text>"#
        for (m, month) in months.enumerated() {
            let x = left + Double(m) * slot + slot * 0.15
            var y = height - bottom
            for (s, serie) in series.enumerated() where serie.values[m] > 0 {
                let h = plotHeight * Double(serie.values[m]) / maximum
                y -= h
                svg += #"<rect class="bar s\#(s % 8)" data-label="\#(escape(serie.name)) \#(month)" data-value="\#(serie.values[m])" x="\#(Format.raw(x))" y="\#(Format.raw(y))" width="\#(Format.raw(slot * 0.7))" height="\#(Format.raw(h))"/>"#
            }
            if totals[m] > 0 {
                svg += #"<text x="\#(Format.raw(x + slot * 0.35))" y="\#(Format.raw(y - 3))" text-anchor="middle" class="tick">\#(totals[m])</text>"#
            }
            // A narrow chart names the month only (MM), a wide one the month and the year (MM/YY).
            let tick = layout == .wide ? "\(month.suffix(2))/\(month.prefix(4).suffix(2))" : String(month.suffix(2))
            svg += #"<text x="\#(Format.raw(x + slot * 0.35))" y="\#(height - bottom + 16)" text-anchor="middle" class="tick">\#(escape(tick))</text>"#
        }
        for (s, serie) in series.enumerated() {
            let x = left + Double(s % perRow) * 200, y = height + Double(s / perRow) * 20
            svg += #"<rect class="s\#(s % 8)" x="\#(x)" y="\#(y - 10)" width="12" height="12"/><text x="\#(x + 18)" y="\#(y)" class="label">\#(escape(clip(serie.name, layout == .wide ? 26 : 36)))</text>"#
        }
        if series.isEmpty {
            svg += #"<text x="\#(width / 2)" y="\#(height / 2)" text-anchor="middle" class="empty">Chưa có đề cử</text>"#
        }
        return svg + "</svg>"
    }

    static func header(_ name: String, title: String, width: Double, height: Double, layout: Layout) -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="\#(escape(name))" data-layout="\#(layout.rawValue)" viewBox="0 0 \#(Format.raw(width)) \#(Format.raw(height))" width="100%" role="img" aria-label="\#(escape(title))"><title>\#(escape(title))</title>"#
    }

    static func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    /// Text made safe inside XML and HTML.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// Numbers and dates as Vietnamese readers write them.
public enum Format {
    /// A number for people: whole numbers bare, others with up to two decimals and a decimal comma.
    public static func number(_ value: Double, digits: Int = 2) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.\(digits)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// A number for attributes and coordinates: a decimal point, at most three decimals.
    public static func raw(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    public static func percent(_ share: Double?) -> String {
        share.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
    }

    /// dd/MM/yyyy.
    public static func date(_ day: CalendarDate) -> String {
        String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
    }
}
