import QuireCore

extension ClearanceReport {
    /// One self-contained HTML page (no external file, font or script; a content security policy
    /// forbids loading any) that a rights officer can hand to a director: totals first, then one
    /// section per document (title, contributors with their dates, publication, country) with one
    /// line per target (verdict, decision, who and when, why), dates written out. On screen a
    /// search box and target/status/verdict filters; on paper no widgets, every reason shown,
    /// headers on each page and no document split across pages when it fits on one.
    public func html() -> String {
        let day = ReportDate.human(asOf)
        var body = "<header><h1>Clearance report</h1>\n"
        body += "<p class=\"meta\">As of <b>\(Self.escape(day))</b> · rules \(Self.escape(rulesVersion)) · \(documents) document\(documents == 1 ? "" : "s") · targets: \(Self.escape(targets.joined(separator: ", ")))</p>\n"
        if let historyHead, let historyEntries {
            body += "<p class=\"meta anchor\">Clearance history: \(historyEntries) entr\(historyEntries == 1 ? "y" : "ies"), head hash <code>\(Self.escape(historyHead))</code> (keep it: <code>quire clearance verify --expect-head</code> proves later that the history was not rewritten)</p>\n"
        }
        body += "</header>\n"
        body += "<h2 class=\"totals-title\">Totals</h2>\n" + totalsTable()
        body += """
            <div class="filters">
            <label>Search <input id="q" type="search" placeholder="document, title, fact…" aria-controls="documents"></label>
            \(select("target", "Target", targets))
            \(select("status", "Status", ClearanceStatus.allCases.map(\.rawValue)))
            \(select("verdict", "Verdict", Verdict.allCases.map(\.rawValue)))
            <span id="shown" aria-live="polite"></span>
            </div>

            """
        body += "<main id=\"documents\">\n"
        for facts in documentFacts {
            body += section(facts, rows: rows.filter { $0.document == facts.document })
        }
        body += "</main>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Quire clearance report, \(Self.escape(day))</title>
            <style>\(Self.style)\(Self.printStyle(day: day))</style>
            </head>
            <body>
            \(body)<script>\(Self.script)</script>
            </body>
            </html>

            """
    }

    /// One document: its facts, then a line per target.
    private func section(_ facts: DocumentFacts, rows: [Row]) -> String {
        var html = "<section class=\"doc\" data-document=\"\(Self.escape(facts.document))\">\n"
        html += "<h2>\(Self.escape(facts.title)) <span class=\"slug\">\(Self.escape(facts.document))</span></h2>\n<p class=\"facts\">"
        var parts: [String] = []
        parts.append(facts.contributors.isEmpty ? "No contributor recorded" : facts.contributors.map { Self.escape(Self.capitalised($0)) }.joined(separator: "; "))
        var publication = facts.published.map { $0 == "unpublished" ? "Unpublished" : "Published \($0)" } ?? "Publication unknown"
        if let place = facts.place { publication += ", \(place)" }
        parts.append(Self.escape(publication))
        if let created = facts.created { parts.append("Created \(Self.escape(created))") }
        parts.append("Country: \(Self.escape(facts.country ?? "unknown"))")
        html += parts.joined(separator: " · ") + "</p>\n"
        // Missing facts are the document's, the same for every target: said once.
        if let missing = rows.first?.missing, !missing.isEmpty {
            html += "<p class=\"missing\"><b>Facts missing:</b> \(Self.escape(missing.joined(separator: "; ")))</p>\n"
        }
        html += "<table class=\"targets\"><thead><tr>"
        html += ["Target", "Verdict", "Decision", "By, on", "Why"].map { "<th scope=\"col\">\($0)</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr class=\"s-\(Self.escape(row.status))\" data-target=\"\(Self.escape(row.target))\" data-status=\"\(Self.escape(row.status))\" data-verdict=\"\(Self.escape(row.verdict))\">"
            html += "<th scope=\"row\">\(Self.escape(row.target))</th>"
            var verdict = "<span class=\"v-\(Self.escape(row.verdict))\">\(Self.escape(row.verdict))</span>"
            if let freeFrom = row.freeFrom { verdict += "<br><span class=\"small\">free from \(Self.escape(ReportDate.human(freeFrom)))</span>" }
            if !row.templates.isEmpty { verdict += "<br><span class=\"small\">\(row.templates.map { "{{\(Self.escape($0))}}" }.joined(separator: " "))</span>" }
            html += "<td>\(verdict)</td>"
            html += "<td class=\"status\">\(Self.escape(row.status))</td>"
            let by = [row.decisionBy, row.decisionOn.map(ReportDate.human)].compactMap { $0 }.joined(separator: ", ")
            html += "<td>\(by.isEmpty ? "–" : Self.escape(by))</td>"
            html += "<td>\(why(row))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    /// The decision's reason, the engine's reasons (each once), what is missing, and notes.
    private func why(_ row: Row) -> String {
        var html = ""
        if let reason = row.decisionReason { html += "<p class=\"decision\"><b>Decision:</b> \(Self.escape(reason))</p>" }
        if row.status == "cleared" || row.status == "rejected", (row.status == "cleared") != (row.verdict == "free") {
            html += "<p class=\"against\">The decision differs from the engine's verdict (\(Self.escape(row.verdict))).</p>"
        }
        let reasons = TargetVerdict.distinct(row.reasons)
        if !reasons.isEmpty {
            html += "<ul class=\"engine\">" + reasons.map { "<li>\(Self.escape(ReportDate.humanDates(in: $0)))</li>" }.joined() + "</ul>"
        }
        var notes: [String] = []
        if row.factsChangedSinceDecision { notes.append("facts changed since the decision") }
        if row.overrides > 0 { notes.append("\(row.overrides) override\(row.overrides == 1 ? "" : "s") recorded") }
        if !notes.isEmpty { html += "<p class=\"note\">\(Self.escape(notes.joined(separator: "; ")))</p>" }
        return html
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

    private static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// Text safe in HTML content and in double-quoted attributes.
    static func escape(_ text: String) -> String { HTMLText.escaped(text) }

    static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
        h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.1em;margin:1em 0 .2em}.meta,.slug,.small{color:#555}.slug{font-weight:normal;font-size:.85em}
        table{border-collapse:collapse;margin:.4em 0;width:100%}th,td{border:1px solid #ccc;padding:.25em .45em;vertical-align:top;text-align:left}
        thead th{background:#f2f2f2}.totals{width:auto}.totals td{text-align:right}
        .filters{display:flex;gap:1em;flex-wrap:wrap;align-items:center;margin:.8em 0}
        .facts{margin:.1em 0 .3em}ul{margin:0;padding-left:1.1em}p{margin:0 0 .2em}.small,.engine{font-size:.9em}
        .against{color:#9b1c1c}.missing,.note{color:#555}
        tr.s-cleared .status{background:#eef9ee}tr.s-rejected .status{background:#fbeeee}tr.s-in-review .status{background:#fff8e6}
        .v-free{color:#176117;font-weight:bold}.v-not-free{color:#9b1c1c;font-weight:bold}.v-needs-review{color:#8a5a00;font-weight:bold}
        .targets th:first-child{width:8.5em}.targets td:nth-child(2){width:8em}.targets td:nth-child(3){width:5.5em}.targets td:nth-child(4){width:9em}
        """

    /// Paper: no widgets, headers on every page, sections kept whole where they fit, smaller type.
    static func printStyle(day: String) -> String {
        let header = "Quire clearance report, as of \(day)".replacingOccurrences(of: "\"", with: "'")
        return """
            @page{size:A4;margin:16mm 12mm 14mm;@top-left{content:"\(header)";font:9px system-ui,sans-serif;color:#555}@bottom-right{content:"page " counter(page) " of " counter(pages);font:9px system-ui,sans-serif;color:#555}}
            @media print{body{margin:0;font-size:8.5px}h2{margin:.7em 0 .1em}th,td{padding:.15em .35em}.filters,#shown{display:none}header h1{font-size:1.3em}
            section.doc{break-inside:avoid}thead{display:table-header-group}tr{break-inside:avoid}
            tr.s-cleared .status,tr.s-rejected .status,tr.s-in-review .status{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """
    }

    static let script = """
        (function(){
        var sections=Array.prototype.slice.call(document.querySelectorAll('section.doc'));
        var q=document.getElementById('q'),selects=document.querySelectorAll('select[data-filter]'),shown=document.getElementById('shown');
        function apply(){var text=q.value.toLowerCase(),n=0,total=0;
        sections.forEach(function(sec){var head=sec.querySelector('h2').textContent+' '+sec.querySelector('.facts').textContent,any=false;
        Array.prototype.forEach.call(sec.querySelectorAll('tbody tr'),function(r){total++;
        var ok=!text||(head+' '+r.textContent).toLowerCase().indexOf(text)>=0;
        selects.forEach(function(s){if(s.value&&r.getAttribute('data-'+s.getAttribute('data-filter'))!==s.value)ok=false;});
        r.hidden=!ok;if(ok){n++;any=true;}});sec.hidden=!any;});
        shown.textContent=n+' of '+total+' lines';}
        q.addEventListener('input',apply);selects.forEach(function(s){s.addEventListener('change',apply);});
        apply();})();
        """
}
