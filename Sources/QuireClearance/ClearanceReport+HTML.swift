import QuireCore

extension ClearanceReport {
    /// One self-contained HTML page (no external file, font or script; a content security policy
    /// forbids loading any): totals, and a table a rights officer sorts by clicking a column
    /// header and filters by text, target, status and verdict, offline.
    public func html() -> String {
        var body = ""
        body += "<h1>Clearance report</h1>\n"
        body += "<p class=\"meta\">As of <b>\(Self.escape(asOf))</b> · rules \(Self.escape(rulesVersion)) · \(documents) document\(documents == 1 ? "" : "s") · targets: \(Self.escape(targets.joined(separator: ", ")))</p>\n"
        body += totalsTable()
        body += """
            <div class="filters">
            <label>Search <input id="q" type="search" placeholder="document, title, fact…" aria-controls="report"></label>
            \(select("target", "Target", targets))
            \(select("status", "Status", ClearanceStatus.allCases.map(\.rawValue)))
            \(select("verdict", "Verdict", Verdict.allCases.map(\.rawValue)))
            <span id="shown" aria-live="polite"></span>
            </div>

            """
        body += "<table id=\"report\"><thead><tr>"
        for (index, column) in ["Document", "Title", "Target", "Status", "Verdict", "Free from", "Missing facts", "Templates", "Last decision", "Note"].enumerated() {
            body += "<th scope=\"col\" data-col=\"\(index)\" aria-sort=\"none\"><button type=\"button\">\(column)</button></th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        for row in rows {
            let cells = Self.cells(row)
            body += "<tr class=\"s-\(Self.escape(row.status))\" data-target=\"\(Self.escape(row.target))\" data-status=\"\(Self.escape(row.status))\" data-verdict=\"\(Self.escape(row.verdict))\">"
            for (index, cell) in cells.enumerated() {
                switch index {
                case 4:
                    body += "<td><span class=\"v-\(Self.escape(row.verdict))\">\(Self.escape(cell))</span>"
                    if !row.reasons.isEmpty {
                        body += "<details><summary>why</summary><ul>" + row.reasons.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul></details>"
                    }
                    body += "</td>"
                case 6:
                    body += row.missing.isEmpty ? "<td></td>" : "<td><ul>" + row.missing.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul></td>"
                default:
                    body += "<td>\(Self.escape(cell))</td>"
                }
            }
            body += "</tr>\n"
        }
        body += "</tbody></table>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Quire clearance report, \(Self.escape(asOf))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(body)<script>\(Self.script)</script>
            </body>
            </html>

            """
    }

    private func totalsTable() -> String {
        var html = "<table class=\"totals\"><thead><tr><th scope=\"col\">Target</th>"
        let statuses = ClearanceStatus.allCases.map(\.rawValue)
        let verdicts = Verdict.allCases.map(\.rawValue)
        html += (statuses + verdicts).map { "<th scope=\"col\">\(Self.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for target in targets + ["all"] {
            let totals = target == "all" ? self.totals : totalsByTarget[target, default: Totals()]
            html += "<tr><th scope=\"row\">\(Self.escape(target))</th>"
            html += statuses.map { "<td>\(totals.byStatus[$0, default: 0])</td>" }.joined()
            html += verdicts.map { "<td>\(totals.byVerdict[$0, default: 0])</td>" }.joined()
            html += "</tr>"
        }
        return html + "</tbody></table>\n"
    }

    private func select(_ name: String, _ label: String, _ values: [String]) -> String {
        "<label>\(label) <select id=\"f-\(name)\" data-filter=\"\(name)\"><option value=\"\">all</option>"
            + values.map { "<option>\(Self.escape($0))</option>" }.joined() + "</select></label>"
    }

    /// Text safe in HTML content and in double-quoted attributes.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
        h1{font-size:1.4em;margin:0 0 .2em}.meta{color:#555}
        table{border-collapse:collapse;margin:.8em 0}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
        thead th{background:#f2f2f2;position:sticky;top:0}th button{font:inherit;font-weight:bold;background:none;border:0;cursor:pointer;padding:0}
        th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
        .totals td{text-align:right}.filters{display:flex;gap:1em;flex-wrap:wrap;align-items:center}
        ul{margin:0;padding-left:1.1em}details summary{cursor:pointer;color:#555}
        tr.s-cleared{background:#eef9ee}tr.s-rejected{background:#fbeeee}tr.s-in-review{background:#fff8e6}
        .v-free{color:#176117;font-weight:bold}.v-not-free{color:#9b1c1c;font-weight:bold}.v-needs-review{color:#8a5a00;font-weight:bold}
        """

    static let script = """
        (function(){
        var table=document.getElementById('report'),body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
        var q=document.getElementById('q'),selects=document.querySelectorAll('select[data-filter]'),shown=document.getElementById('shown');
        function apply(){var text=q.value.toLowerCase(),n=0;
        rows.forEach(function(r){var ok=!text||r.textContent.toLowerCase().indexOf(text)>=0;
        selects.forEach(function(s){if(s.value&&r.getAttribute('data-'+s.getAttribute('data-filter'))!==s.value)ok=false;});
        r.hidden=!ok;if(ok)n++;});shown.textContent=n+' of '+rows.length+' rows';}
        q.addEventListener('input',apply);selects.forEach(function(s){s.addEventListener('change',apply);});
        Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){th.querySelector('button').addEventListener('click',function(){
        var col=+th.getAttribute('data-col'),dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
        Array.prototype.forEach.call(table.tHead.rows[0].cells,function(o){o.setAttribute('aria-sort','none');});
        th.setAttribute('aria-sort',dir===1?'ascending':'descending');
        rows.sort(function(a,b){var x=a.cells[col].textContent,y=b.cells[col].textContent;
        return dir*x.localeCompare(y,undefined,{numeric:true,sensitivity:'base'});});
        rows.forEach(function(r){body.appendChild(r);});});});
        apply();})();
        """
}
