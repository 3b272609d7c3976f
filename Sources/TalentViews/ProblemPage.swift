import Foundation
import TalentDomain

/// The page a problem's `type` URI points at (`GET /problems/{slug}`), and the list of them (`GET /problems`): what
/// happened and what to do, in the language asked for first and the other one below, readable on a phone.
public enum ProblemPage {
    public static func html(_ type: ProblemType, language: Language) -> String {
        let other: Language = language == .en ? .vi : .en
        let body = """
            <p class="status">HTTP \(type.status) · <code>\(Chart.escape(type.slug))</code></p>
            <h1>\(Chart.escape(type.title.text(language)))</h1>
            <p>\(Chart.escape(type.explanation.text(language)))</p>
            <h2 lang="\(other.rawValue)">\(Chart.escape(type.title.text(other)))</h2>
            <p lang="\(other.rawValue)">\(Chart.escape(type.explanation.text(other)))</p>
            <p><a href="/problems">\(language == .en ? "Every problem type" : "Mọi loại lỗi")</a></p>
            """
        return page(title: type.title.text(language), language: language, body: body)
    }

    public static func index(language: Language) -> String {
        let rows = ProblemType.all.map { type in
            "<li><a href=\"/problems/\(Chart.escape(type.slug))\"><code>\(Chart.escape(type.slug))</code></a> "
                + "(\(type.status)) \(Chart.escape(type.title.text(language)))</li>"
        }.joined(separator: "\n")
        let title = language == .en ? "Problem types of the API" : "Các loại lỗi của API"
        return page(title: title, language: language, body: "<h1>\(title)</h1>\n<ul>\n\(rows)\n</ul>")
    }

    /// The page's one style sheet, inline (its hash is in the pages' Content-Security-Policy: `PageStyles`).
    static let style = """
        body{font-family:system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;line-height:1.5}
        .status{color:#555}code{background:#f3f3f3;padding:0 .2em}h2{font-size:1.1rem;margin-top:2rem}
        """

    static func page(title: String, language: Language, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Chart.escape(title))</title>
        <style>\(style)</style></head>
        <body>
        \(body)
        </body></html>
        """
    }
}
