import Foundation
import QuireCatalogue
import QuireClearance
import QuireCore
import QuirePipeline

/// The rights desk's HTML: the overview and a document's page. Every text from the catalogue is
/// escaped; only http(s) URLs become links (``DeskLinks``).
enum DeskPages {
    static func escape(_ text: String) -> String { Pages.escape(text) }

    /// The overview's address with these choices (blank ones left out).
    static func address(target: ClearanceTarget?, filter: DeskFilter, page: Int = 1) -> String {
        var query: [String] = []
        if let target { query.append("target=\(target.rawValue)") }
        if filter != .all { query.append("filter=\(filter.rawValue)") }
        if page > 1 { query.append("page=\(page)") }
        return "/desk" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    static func overview(_ overview: RightsDesk.Overview, target: ClearanceTarget?, filter: DeskFilter, page: Int, session: AccountSession) -> String {
        let (rows, total) = RightsDesk.page(overview, target: target, filter: filter, page: page)
        let pages = max(1, (total + RightsDesk.pageSize - 1) / RightsDesk.pageSize)
        let countsHead = DeskFilter.allCases.map { "<th>\(escape($0.label))</th>" }.joined()
        let countRows = ([nil] + ClearanceTarget.allCases.map { Optional($0) }).map { rowTarget -> String in
            let key = rowTarget?.rawValue ?? "all"
            let cells = DeskFilter.allCases.map { cellFilter -> String in
                let count = overview.count(key, cellFilter)
                let chosen = rowTarget == target && cellFilter == filter ? " class=\"chosen\"" : ""
                return "<td\(chosen)><a href=\"\(escape(address(target: rowTarget, filter: cellFilter)))\" data-count=\"\(key) \(cellFilter.rawValue)\">\(count)</a></td>"
            }.joined()
            return "<tr><th>\(escape(rowTarget?.rawValue ?? "every target"))</th>\(cells)</tr>"
        }.joined(separator: "\n")
        let body = rows.map { row -> String in
            let blocking = row.verdict == Verdict.free.rawValue ? "" : row.missing.first.map { "<span class=\"blocker\">\(escape($0))</span>" } ?? ""
            let more = row.verdict != Verdict.free.rawValue && row.missing.count > 1 ? " <small>(+\(row.missing.count - 1) more)</small>" : ""
            let changed = row.factsChangedSinceDecision ? " <small class=\"changed\">facts changed since the decision</small>" : ""
            return """
                <tr class="desk-row" data-document="\(escape(row.document))" data-target="\(escape(row.target))">\
                <td><a href="/desk/documents/\(escape(row.document))"><bdi>\(escape(row.title))</bdi></a><br><code>\(escape(row.document))</code></td>\
                <td>\(escape(row.target))</td><td class="status \(escape(row.status))">\(escape(row.status))\(changed)</td>\
                <td class="verdict \(escape(row.verdict))">\(escape(row.verdict))</td><td>\(escape(row.freeFrom ?? "–"))</td><td>\(blocking)\(more)</td></tr>
                """
        }.joined(separator: "\n")
        let previous = page > 1 ? "<a id=\"previous-page\" href=\"\(escape(address(target: target, filter: filter, page: page - 1)))\">← previous</a>" : ""
        let next = page < pages ? "<a id=\"next-page\" href=\"\(escape(address(target: target, filter: filter, page: page + 1)))\">next →</a>" : ""
        return Pages.layout("Rights desk", session: session, view: "desk", body: """
            <h1>Rights desk</h1>
            <p class="meta">As of \(escape(overview.report.asOf)) · rules \(escape(overview.report.rulesVersion)) · \(overview.report.documents) documents ·
            reports: <a href="/desk/report.html" id="report-html">HTML</a> (<a href="/desk/report.html?download=1">download</a>) · <a href="/desk/report.csv" id="report-csv">CSV</a></p>
            <table class="desk-counts"><thead><tr><th>Target</th>\(countsHead)</tr></thead><tbody>\(countRows)</tbody></table>
            <h2 id="shown">\(total) \(escape(filter == .all ? "items" : filter.label)) · \(escape(target?.rawValue ?? "every target"))</h2>
            <table class="desk"><thead><tr><th>Document</th><th>Target</th><th>Status</th><th>Verdict</th><th>Free from</th><th>Missing fact that blocks it</th></tr></thead>
            <tbody>\(body.isEmpty ? "<tr><td colspan=\"6\">Nothing here.</td></tr>" : body)</tbody></table>
            <p class="paging">\(previous) <span id="page-of">page \(min(page, pages)) of \(pages)</span> \(next)</p>
            """)
    }

    static func document(
        _ dossier: ClearanceDesk.Dossier, pageCount: Int, session: AccountSession, doubleReview: Bool, message: String? = nil
    ) -> String {
        let id = escape(dossier.id.rawValue)
        let mayAct = DeskAccess.act.allows(session.account.role)
        let scans = (1...max(1, min(2, pageCount))).filter { $0 <= pageCount }.map { number in
            "<figure><img src=\"/scan/\(id)/\(number)\" alt=\"scan of page \(number)\" loading=\"lazy\"><figcaption>page \(number)</figcaption></figure>"
        }.joined()
        let notice = message.map { "<p class=\"notice error\" id=\"desk-error\" role=\"alert\">\(escape($0))</p>" } ?? ""
        return Pages.layout("Rights — \(dossier.metadata.title)", session: session, view: "desk-document", body: """
            <h1><bdi>\(escape(dossier.metadata.title))</bdi> <code>\(id)</code></h1>\(notice)
            <p><a href="/desk">← rights desk</a> · <a href="/documents/\(id)">pages</a></p>
            <div class="desk-document">
            <section class="desk-scans">\(scans.isEmpty ? "<p>No scan.</p>" : scans)</section>
            <section class="desk-main">
            \(factsForm(dossier, session: session, mayAct: mayAct))
            \(verdicts(dossier, viewer: session.account.name))
            \(mayAct ? decisionForm(dossier, session: session, doubleReview: doubleReview) : "<p class=\"hint\" id=\"read-only\">Read only: decisions are a rights officer's.</p>")
            \(history(dossier.history, viewer: session.account.name))
            </section></div>
            """)
    }

    static func factsForm(_ dossier: ClearanceDesk.Dossier, session: AccountSession, mayAct: Bool) -> String {
        let metadata = dossier.metadata, rights = dossier.rights
        let disabled = mayAct ? "" : " disabled"
        let publication = metadata.publication
        let published = publication.unpublished ? "unpublished" : publication.date?.description ?? ""
        func text(_ name: String, _ label: String, _ value: String?, hint: String = "") -> String {
            "<label>\(label) <input name=\"\(name)\" id=\"fact-\(name)\" value=\"\(escape(value ?? ""))\"\(disabled)>\(hint.isEmpty ? "" : " <small>\(hint)</small>")</label>"
        }
        func choice(_ name: String, _ label: String, _ options: [String], _ value: String?) -> String {
            let items = ([""] + options).map { option in
                "<option value=\"\(escape(option))\"\(option == (value ?? "") ? " selected" : "")>\(option.isEmpty ? "unknown" : escape(option))</option>"
            }.joined()
            return "<label>\(label) <select name=\"\(name)\" id=\"fact-\(name)\"\(disabled)>\(items)</select></label>"
        }
        func yesNo(_ value: Bool?) -> String? { value.map { $0 ? "yes" : "no" } }
        let evidence = rights.evidence.map { item -> String in
            let value = item.kind == .url ? DeskLinks.html(item.value) : "<span>\(escape(item.value))</span>"
            return "<li class=\"evidence\">\(escape(item.kind.rawValue)) \(value)\(item.sha256.map { " <small>sha256 \(escape($0))</small>" } ?? "")</li>"
        }.joined()
        let contributors = DeskForms.contributorLines(metadata.contributors)
        return """
            <form method="post" action="/desk/documents/\(escape(dossier.id.rawValue))/facts" class="facts" id="facts-form">
            <input type="hidden" name="csrf" value="\(escape(session.csrfToken))">
            <input type="hidden" name="contributors-before" value="\(escape(contributors))">
            <fieldset><legend>Facts</legend>
            <label>Contributors, one a line (<code>author: Name (1890–1950)</code>, <code>translator: …</code>, <code>anonymous</code>)
            <textarea name="contributors" id="fact-contributors" rows="3"\(disabled)>\(escape(contributors))</textarea></label>
            \(text("published", "First published", published, hint: "1972, 1970s, 19th century or unpublished"))
            \(text("created", "Made", publication.created?.description))
            \(text("place", "Place", publication.place)) \(text("country", "Country", publication.country?.rawValue, hint: "ISO code: CL, ES, US"))
            \(text("publisher", "Publisher", metadata.publisher))
            \(choice("official", "Official work", OfficialWork.allCases.map(\.rawValue), rights.official?.rawValue))
            \(choice("speech", "Speech", SpeechVenue.allCases.map(\.rawValue), rights.speech?.rawValue))
            \(text("licence", "Licence", rights.licence, hint: "CC-BY-SA-4.0, CC0-1.0 or a URL; blank: none"))
            \(text("rights-holder", "Rights holder", rights.rightsHolder))
            \(choice("us-notice", "US notice", ["yes", "no"], yesNo(rights.usNotice)))
            \(choice("us-renewed", "US renewal", ["yes", "no"], yesNo(rights.usRenewed)))
            <p>Evidence:</p><ul class="evidence-list">\(evidence.isEmpty ? "<li>none</li>" : evidence)</ul>
            \(text("ticket", "Add a ticket", nil)) \(text("evidence-url", "Add an evidence URL", nil, hint: "http(s) only"))
            \(text("reason", "Why, or where the facts come from", nil))
            \(mayAct ? "<button type=\"submit\" id=\"save-facts\">Record the facts</button>" : "")
            </fieldset></form>
            """
    }

    /// Under double review, what the target's waiting review says to `viewer`: its author sees
    /// their decision; anyone else only that one is waiting (CRMS's rule: the second reviewer
    /// sees the first's decision only after entering their own).
    static func waitingReview(_ dossier: ClearanceDesk.Dossier, _ target: ClearanceTarget, viewer: String) -> String {
        guard let pending = ClearanceEvent.pendingVote(for: target, after: dossier.history) else { return "" }
        if pending.actor.lowercased() == viewer.lowercased() {
            return " <small class=\"waiting\">your review: \(escape(pending.to?.rawValue ?? "?")); waiting for a second rights officer</small>"
        }
        return " <small class=\"waiting\">one review recorded; a second is needed (you see the first once you have entered yours)</small>"
    }

    static func verdicts(_ dossier: ClearanceDesk.Dossier, viewer: String) -> String {
        let changed = Set(dossier.factsChangedSinceDecision)
        let rows = ClearanceTarget.allCases.map { target -> String in
            let verdict = dossier.evaluation[target]
            let status = dossier.statuses[target] ?? .uncleared
            func list(_ items: [String], _ kind: String) -> String {
                items.isEmpty ? "" : "<ul class=\"\(kind)\">" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
            }
            return """
                <tr class="target" data-target="\(escape(target.rawValue))"><th>\(escape(target.rawValue))</th>\
                <td class="status \(escape(status.rawValue))">\(escape(status.rawValue))\(changed.contains(target) ? " <small class=\"changed\">facts changed since the decision</small>" : "")\(waitingReview(dossier, target, viewer: viewer))</td>\
                <td class="verdict \(escape(verdict.verdict.rawValue))">\(escape(verdict.verdict.rawValue))</td><td>\(escape(verdict.freeFrom?.description ?? "–"))</td>\
                <td>\(list(verdict.distinctReasons, "reasons"))\(verdict.assumptions.isEmpty ? "" : "<p>Assumed:</p>" + list(verdict.assumptions, "assumptions"))\
                \(verdict.ruleIDs.isEmpty ? "" : "<p class=\"rules\">Rules: " + escape(verdict.ruleIDs.joined(separator: ", ")) + "</p>")\
                \(verdict.templates.isEmpty ? "" : "<p>Templates: " + escape(verdict.templates.joined(separator: ", ")) + "</p>")</td></tr>
                """
        }.joined(separator: "\n")
        let missing = dossier.missing.isEmpty ? "" : "<p>Missing facts:</p><ol id=\"missing\">" + dossier.missing.map { "<li>\(escape($0))</li>" }.joined() + "</ol>"
        return """
            <section class="verdicts"><h2>The engine's verdicts (as of \(escape(dossier.evaluation.asOf.description)), rules \(escape(dossier.evaluation.rulesVersion))</h2>\(missing)
            <table class="verdicts"><thead><tr><th>Target</th><th>Status</th><th>Verdict</th><th>Free from</th><th>Why</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
    }

    static func decisionForm(_ dossier: ClearanceDesk.Dossier, session: AccountSession, doubleReview: Bool) -> String {
        let targets = ClearanceTarget.allCases.map { target in
            "<label><input type=\"checkbox\" name=\"target\" value=\"\(escape(target.rawValue))\" id=\"target-\(escape(target.rawValue))\"> \(escape(target.rawValue))</label>"
        }.joined(separator: " ")
        return """
            <form method="post" action="/desk/documents/\(escape(dossier.id.rawValue))/decide" class="decide" id="decide-form">
            <input type="hidden" name="csrf" value="\(escape(session.csrfToken))">
            <fieldset><legend>Decide</legend>\(doubleReview ? "<p class=\"hint\" id=\"double-review\">Double review is on: clearing or rejecting records your review; the decision is made when a second rights officer's review agrees, and a disagreement leaves the target in review with both reviews kept.</p>" : "")<p>\(targets)</p>
            <p><label><input type="radio" name="action" value="review" id="action-review" checked> put in review</label>
            <label><input type="radio" name="action" value="clear" id="action-clear"> clear</label>
            <label><input type="radio" name="action" value="reject" id="action-reject"> reject</label>
            <label><input type="radio" name="action" value="withdraw" id="action-withdraw"> withdraw (back to uncleared)</label></p>
            <label>Reason <input name="reason" id="decision-reason" required></label>
            <label>Justification, to clear against the engine's verdict (at least \(ClearanceWorkflow.minimumJustificationLength) characters)
            <textarea name="justification" id="justification" rows="2"></textarea></label>
            <button type="submit" id="decide">Record the decision</button></fieldset></form>
            """
    }

    static func history(_ history: [ClearanceEvent], viewer: String) -> String {
        let hidden = Set(ClearanceTarget.allCases.compactMap { target in
            ClearanceEvent.pendingVote(for: target, after: history).flatMap { $0.actor.lowercased() == viewer.lowercased() ? nil : $0.sequence }
        })
        let items = history.reversed().map { event -> String in
            if let sequence = event.sequence, hidden.contains(sequence) {
                return "<li class=\"event vote hidden\"><time>\(escape(event.at ?? ""))</time> <b>vote</b> \(escape(event.target?.rawValue ?? "")): a review by another rights officer, shown once you have entered yours</li>"
            }
            var parts = ["<time>\(escape(event.at ?? ""))</time>", "<b>\(escape(event.kind.rawValue))</b>"]
            if let target = event.target { parts.append(escape(target.rawValue)) }
            if let from = event.from, let to = event.to { parts.append("\(escape(from.rawValue)) → \(escape(to.rawValue))") }
            if event.kind == .vote, let to = event.to { parts.append("review: \(escape(to.rawValue))") }
            parts.append("by <bdi class=\"actor\">\(escape(event.actor))</bdi>")
            if let verdict = event.engineVerdict { parts.append("(engine: \(escape(verdict.rawValue)))") }
            var line = parts.joined(separator: " ") + ": <q class=\"reason\">\(escape(event.reason))</q>"
            if let justification = event.justification { line += "<br>Justification: <q class=\"justification\">\(escape(justification))</q>" }
            if let detail = event.detail { line += "<br><small class=\"detail\">\(escape(detail))</small>" }
            if !event.evidence.isEmpty {
                line += "<br>Evidence: " + event.evidence.map { $0.kind == .url ? DeskLinks.html($0.value) : escape($0.summary) }.joined(separator: ", ")
            }
            return "<li class=\"event \(escape(event.kind.rawValue))\">\(line)</li>"
        }.joined(separator: "\n")
        return "<section class=\"desk-history\"><h2>History, newest first</h2><ol id=\"desk-history\" reversed>\(items.isEmpty ? "<li>Nothing recorded yet.</li>" : items)</ol></section>"
    }
}
