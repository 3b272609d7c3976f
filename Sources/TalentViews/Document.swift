import Foundation
import Mustache

/// A document of sections, each with paragraphs, an optional chart and an optional table: written once, rendered as
/// Markdown and as HTML, so both say the same.
public struct Document: Sendable {
    public struct Table: Sendable {
        public var headers: [String]
        public var rows: [[String]]
        /// Columns holding numbers, aligned right.
        public var numeric: Set<Int>

        public init(headers: [String], rows: [[String]], numeric: Set<Int> = []) {
            self.headers = headers
            self.rows = rows
            self.numeric = numeric
        }

        /// The table for a template: headers and rows of cells, each with its text and alignment class.
        var context: [String: Any] {
            func cell(_ column: Int, _ text: String) -> [String: Any] {
                ["text": text, "class": numeric.contains(column) ? "num" : ""]
            }
            return [
                "headers": headers.enumerated().map { cell($0, $1) },
                "rows": rows.map { row in ["cells": row.enumerated().map { cell($0, $1) }] },
            ]
        }
    }

    public struct Section: Sendable {
        public var title: String
        public var paragraphs: [String]
        public var chart: String?
        public var table: Table?
        /// Subsections, one level down.
        public var parts: [Section]

        public init(_ title: String, paragraphs: [String] = [], chart: String? = nil, table: Table? = nil, parts: [Section] = []) {
            self.title = title
            self.paragraphs = paragraphs
            self.chart = chart
            self.table = table
            self.parts = parts
        }
    }

    public var title: String
    public var subtitle: [String]
    public var sections: [Section]

    public init(title: String, subtitle: [String], sections: [Section]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    // MARK: Markdown

    public var markdown: String {
        var out = "# \(title)\n\n"
        for line in subtitle { out += line + "\n" }
        for (i, section) in sections.enumerated() {
            out += "\n" + Self.markdown(section, level: 2, number: "\(i + 1). ")
        }
        return out
    }

    static func markdown(_ section: Section, level: Int, number: String) -> String {
        var out = String(repeating: "#", count: level) + " " + number + section.title + "\n\n"
        for paragraph in section.paragraphs { out += paragraph + "\n\n" }
        if let table = section.table {
            out += "| " + table.headers.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + table.headers.indices.map { table.numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
            for row in table.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            out += "\n"
        }
        for part in section.parts { out += markdown(part, level: level + 1, number: "") }
        return out
    }

    /// A table cell's text, inert in Markdown: the punctuation that could start markup or HTML is backslash-escaped,
    /// so a name someone typed shows as typed and never as a link, an image or a tag.
    static func cell(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "|", "<", ">", "[", "]", "`", "*", "_", "!": out.append("\\"); out.append(ch)
            case "\n", "\r": out.append(" ")
            default: out.append(ch)
            }
        }
        return out
    }

    // MARK: HTML

    /// A printable HTML page: A4 margins, tables that do not split rows, charts inline.
    public var html: String {
        Templates.document.render([
            "title": title,
            "subtitle": subtitle,
            "style": Templates.style,
            "sections": sections.enumerated().map { Self.context($1, level: 2, number: "\($0 + 1). ") },
        ])
    }

    static func context(_ section: Section, level: Int, number: String) -> [String: Any] {
        var context: [String: Any] = [
            "heading": "<h\(level)>\(Chart.escape(number + section.title))</h\(level)>",
            "paragraphs": section.paragraphs,
            "parts": section.parts.map { Self.context($0, level: level + 1, number: "") },
        ]
        // Every key is set, false when absent: Mustache would otherwise take the enclosing section's chart or table.
        context["chart"] = section.chart ?? false
        context["table"] = section.table?.context ?? false
        return context
    }
}

/// The templates and the style sheet of every page (no external asset: fonts are the system's, charts inline SVG).
enum Templates {
    static let style = """
        :root { --ink: #1d2733; --muted: #5b6b7c; --line: #d9e0e7; --accent: #1f5fa8; --met: #2e7d32; --on_track: #1f5fa8;
                --at_risk: #c77700; --missed: #b3261e; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
        main { max-width: 960px; margin: 0 auto; padding: 16px; }
        h1 { font-size: 1.5rem; margin: 0.4em 0; } h2 { font-size: 1.2rem; margin-top: 1.6em; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.05rem; }
        .muted, .subtitle { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.2em; font-size: 0.92rem; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f6f9; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .table-wrap { overflow-x: auto; }
        svg.chart { max-width: 100%; height: auto; display: block; margin: 0.4em 0 1em; font-size: 13px; }
        svg.chart .bar rect, svg.chart rect.bar { fill: var(--accent); }
        svg.chart .bar.met rect { fill: var(--met); } svg.chart .bar.on_track rect { fill: var(--on_track); }
        svg.chart .bar.at_risk rect { fill: var(--at_risk); } svg.chart .bar.missed rect { fill: var(--missed); }
        svg.chart .goal { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 3 2; }
        svg.chart text { fill: var(--ink); } svg.chart text.inside { fill: #fff; font-weight: 600; }
        svg.chart .step rect { fill: #2f6db3; } svg.chart .axis { stroke: var(--line); } svg.chart .tick { fill: var(--muted); font-size: 11px; }
        svg.chart .empty { fill: var(--muted); }
        .s0 { fill: #1f5fa8; } .s1 { fill: #2e7d32; } .s2 { fill: #c77700; } .s3 { fill: #7b3fa0; } .s4 { fill: #00838f; }
        .s5 { fill: #b3261e; } .s6 { fill: #5d6d7e; } .s7 { fill: #9e7c0c; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 12px 0; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
        .card .figure { font-size: 1.6rem; font-weight: 700; } .card .caption { color: var(--muted); font-size: 0.85rem; }
        .status .why { font-weight: 400; }
        .status { font-weight: 600; } .status.met { color: var(--met); } .status.on_track { color: var(--on_track); }
        .status.at_risk { color: var(--at_risk); } .status.missed { color: var(--missed); }
        form.login { max-width: 420px; margin: 10vh auto; display: grid; gap: 10px; }
        form.login input { font-size: 1rem; padding: 8px; } form.login button { font-size: 1rem; padding: 8px; }
        form.sheet { display: grid; gap: 10px; margin: 12px 0 24px; }
        fieldset.criterion { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px 12px; margin: 0; min-width: 0; }
        fieldset.criterion legend { font-weight: 600; padding: 0 4px; }
        .levels { display: grid; gap: 6px; }
        label.level { display: flex; gap: 8px; align-items: baseline; border: 1px solid var(--line); border-radius: 6px; padding: 8px; cursor: pointer; }
        label.level .n { font-weight: 700; min-width: 1.2em; } label.level input { margin: 0; }
        label.level:has(input:checked) { border-color: var(--accent); background: #eef4fb; }
        form.sheet textarea { width: 100%; font: inherit; padding: 8px; }
        form.sheet button, a.button { font-size: 1rem; padding: 10px 14px; justify-self: start; }
        a.button { display: inline-block; margin-top: 4px; border: 1px solid var(--accent); border-radius: 6px; text-decoration: none; color: var(--accent); }
        ul.assignments { list-style: none; padding: 0; } li.assignment { border-bottom: 1px solid var(--line); padding: 10px 0; }
        .notice { color: var(--met); font-weight: 600; } .sheet-status { font-weight: 600; }
        .error { color: var(--missed); } nav.top { display: flex; justify-content: space-between; align-items: baseline; flex-wrap: wrap; }
        @media (max-width: 600px) { main { padding: 10px; } th, td { padding: 4px; font-size: 0.85rem; } }
        .narrow-only { display: none; }
        @media screen and (max-width: 560px) { .wide-only { display: none; } .narrow-only { display: block; } }
        @media print { @page { size: A4; margin: 16mm; } main { max-width: none; padding: 0; } h2 { break-after: avoid; }
                       tr, svg.chart { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
        """

    static let document = template("""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title><style>{{{style}}}</style></head>
        <body><main>
        <h1>{{title}}</h1>
        {{#subtitle}}<p class="subtitle">{{.}}</p>{{/subtitle}}
        {{#sections}}{{> section}}{{/sections}}
        </main></body></html>
        """, partials: ["section": section, "table": table])

    /// A table from `Document.Table.context`.
    static let table = """
        <div class="table-wrap"><table><thead><tr>{{#headers}}<th class="{{class}}">{{text}}</th>{{/headers}}</tr></thead>
        <tbody>{{#rows}}<tr>{{#cells}}<td class="{{class}}">{{text}}</td>{{/cells}}</tr>{{/rows}}</tbody></table></div>
        """

    static let section = """
        <section>{{{heading}}}
        {{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}
        {{#chart}}{{{chart}}}{{/chart}}
        {{#table}}{{> table}}{{/table}}
        {{#parts}}{{> section}}{{/parts}}
        </section>
        """

    /// A compiled template with its partials; the templates are part of the program, so a syntax error is a bug.
    static func template(_ text: String, partials: [String: String] = [:]) -> Renderer {
        do {
            var library = MustacheLibrary()
            for (name, partial) in partials { library.register(try MustacheTemplate(string: partial), named: name) }
            return Renderer(template: try MustacheTemplate(string: text), library: library)
        } catch {
            preconditionFailure("invalid built-in template: \(error)")
        }
    }

    struct Renderer: Sendable {
        let template: MustacheTemplate
        let library: MustacheLibrary

        func render(_ context: [String: Any]) -> String {
            template.render(context, library: library)
        }
    }
}
