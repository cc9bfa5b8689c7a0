import Audit
import Core
import Foundation
import Scan

/// The report as one self-contained HTML file: inline CSS and an inline SVG trend, no script and nothing
/// fetched from elsewhere; readable printed and on a phone; severities carry their name as well as a colour.
enum ScanReportHTML {
    static func render(_ report: ScanReport) -> String {
        var body = "<h1>depwatch report — run \(report.run.id)</h1>\n<p class=\"lead\">\(escape(ScanReportText.headline(report)))</p>\n"
        body += summary(report)
        body += "<section id=\"trend\"><h2>Open findings per run</h2>\n\(trendSVG(report.trend))</section>\n"
        body += itemSection("new", "New since the previous run", report.new, age: false)
        body += itemSection("fixed", "Fixed", report.fixed, age: false)
        body += upgradeSection(report.upgrades)
        body += itemSection("open", "Still open", report.open, age: true)
        body += repositorySection(report.repositories)
        body += advisorySection(report.advisories)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>depwatch report — run \(report.run.id)</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)<footer>depwatch.report/1 · run \(report.run.id) · \(report.run.advisories) advisories in the database</footer>
            </body>
            </html>

            """
    }

    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1b1f24}
        h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
        .lead{font-size:1.05rem}.cards{display:flex;flex-wrap:wrap;gap:.75rem}.card{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem}
        .card b{display:block;font-size:1.4rem}.scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
        th{background:#f6f8fa}code{font-size:.85rem;word-break:break-all}
        .sev{display:inline-block;padding:0 .4rem;border-radius:4px;font-weight:600;font-size:.8rem;border:1px solid}
        .critical{background:#ffebe9;color:#82071e;border-color:#82071e}.high{background:#fff1e5;color:#953800;border-color:#953800}
        .medium{background:#fff8c5;color:#7d4e00;border-color:#7d4e00}.low{background:#ddf4ff;color:#0550ae;border-color:#0550ae}
        .unknown{background:#f6f8fa;color:#57606a;border-color:#57606a}.failed{color:#82071e;font-weight:600}
        svg{max-width:100%;height:auto}footer{margin-top:2rem;color:#57606a;font-size:.8rem}
        @media print{body{max-width:none;font-size:11px}.scroll{overflow:visible}a{color:inherit}}
        """

    /// `text` with `&`, `<`, `>` and `"` escaped; most cells have none, and are returned as they are.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func severity(_ severity: Severity) -> String {
        "<span class=\"sev \(severity.rawValue)\">\(severity.rawValue)</span>"
    }

    static func summary(_ report: ScanReport) -> String {
        let cards = [("repositories", report.run.repositories), ("failed scans", report.run.failed), ("open findings", report.open.count),
                     ("new", report.new.count), ("fixed", report.fixed.count)]
        return "<div class=\"cards\">" + cards.map { "<div class=\"card\"><b>\($0.1)</b>\($0.0)</div>" }.joined() + "</div>\n"
    }

    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        var html = "<div class=\"scroll\"><table><thead><tr>" + headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
            + "</tr></thead><tbody>\n"
        for row in rows {
            html += "<tr>"
            for cell in row {
                html += "<td>"
                html += cell
                html += "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    static func itemSection(_ id: String, _ title: String, _ items: [ScanReport.Item], age: Bool) -> String {
        var html = "<section id=\"\(id)\"><h2>\(escape(title)) (\(items.count))</h2>\n"
        if items.isEmpty { return html + "<p>None.</p></section>\n" }
        let headers = ["Repository", "Manifest", "Package", "Version", "Advisory", "Severity", "Kind"] + (age ? ["Open for"] : [])
        html += table(headers, items.map { item in
            [escape(item.repository), "<code>\(escape(item.manifest))</code>", "<code>\(escape(item.package))</code>", escape(item.version),
             "<span title=\"\(escape(item.summary))\">\(escape(item.id))</span>", severity(item.severity), escape(item.kind.rawValue)]
                + (age ? ["\(item.ageDays) d"] : [])
        })
        return html + "</section>\n"
    }

    static func upgradeSection(_ upgrades: [ScanReport.Upgrade]) -> String {
        var html = "<section id=\"upgrades\"><h2>Upgrades that clear the most (\(upgrades.count))</h2>\n"
        if upgrades.isEmpty { return html + "<p>None.</p></section>\n" }
        html += table(["Package", "Upgrade to", "From", "Repositories", "Findings cleared"], upgrades.map { upgrade in
            ["<code>\(escape(upgrade.package))</code>", "<b>\(escape(upgrade.to))</b>", escape(upgrade.from.joined(separator: ", ")),
             "\(upgrade.repositories.count): " + escape(upgrade.repositories.joined(separator: ", ")), "\(upgrade.clears)"]
        })
        return html + "</section>\n"
    }

    static func repositorySection(_ repositories: [ScanReport.Repository]) -> String {
        let headers = ["Repository", "Status", "Open"] + ScanReportText.severities.map { $0.capitalized } + ["Kinds"]
        let rows = repositories.map { repository -> [String] in
            let status = repository.status == "ok" ? "ok" : "<span class=\"failed\">failed</span>: " + escape(repository.error ?? "")
            return [escape(repository.name), status, "\(repository.findings)"]
                + ScanReportText.severities.map { "\(repository.severities[$0] ?? 0)" }
                + [escape(repository.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))]
        }
        return "<section id=\"repositories\"><h2>Repositories (\(repositories.count))</h2>\n" + table(headers, rows) + "</section>\n"
    }

    static func advisorySection(_ advisories: [ScanReport.Advisory]) -> String {
        var html = "<section id=\"advisories\"><h2>Advisories by blast radius (\(advisories.count))</h2>\n"
        if advisories.isEmpty { return html + "<p>None.</p></section>\n" }
        html += table(["Advisory", "Severity", "Kind", "Package", "Repositories (versions)", "Summary"], advisories.map { advisory in
            [escape(advisory.id), severity(advisory.severity), escape(advisory.kind.rawValue), "<code>\(escape(advisory.package))</code>",
             "\(advisory.repositories.count): " + escape(advisory.repositories.map { "\($0.repository) (\($0.versions.joined(separator: ", ")))" }
                .joined(separator: "; ")),
             escape(advisory.summary)]
        })
        return html + "</section>\n"
    }

    /// A line chart of open findings per run, with labelled axes and a text alternative.
    static func trendSVG(_ points: [ScanReport.TrendPoint]) -> String {
        let width = 640.0, height = 200.0, left = 48.0, bottom = 28.0, top = 12.0, right = 12.0
        let maximum = max(1, points.map(\.open).max() ?? 1)
        let step = points.count > 1 ? (width - left - right) / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? left + Double(index) * step : (left + width - right) / 2 }
        func y(_ value: Int) -> Double { top + (height - top - bottom) * (1 - Double(value) / Double(maximum)) }
        let description = "Open findings in the last \(points.count) run(s): " + points.map { "run \($0.run) \($0.open)" }.joined(separator: ", ")
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(description))\">"
        svg += "<title>\(escape(description))</title>"
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - right)\" y2=\"\(y(0))\" stroke=\"#8c959f\"/>"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(y(0))\" stroke=\"#8c959f\"/>"
        svg += "<text x=\"\(left - 6)\" y=\"\(y(maximum) + 4)\" text-anchor=\"end\" font-size=\"11\">\(maximum)</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(y(0) + 4)\" text-anchor=\"end\" font-size=\"11\">0</text>"
        let path = points.enumerated().map { "\(x($0.offset)),\(y($0.element.open))" }.joined(separator: " ")
        if points.count > 1 { svg += "<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"\(path)\"/>" }
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(x(index))\" cy=\"\(y(point.open))\" r=\"3\" fill=\"#0969da\"><title>run \(point.run): \(point.open) open</title></circle>"
            if points.count <= 12 || index % max(1, points.count / 12) == 0 {
                svg += "<text x=\"\(x(index))\" y=\"\(height - 8)\" text-anchor=\"middle\" font-size=\"11\">\(point.run)</text>"
            }
        }
        return svg + "</svg>\n"
    }
}
