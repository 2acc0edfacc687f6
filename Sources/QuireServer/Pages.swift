import Foundation
import Hummingbird
import HTTPTypes
import QuireCatalogue
import QuireCore

/// The room's HTML, written here with every text escaped. No inline script or style: behaviour
/// comes from /static/room.js, looks from /static/room.css.
enum Pages {
    /// Text for HTML content and attribute values.
    static func escape(_ text: String) -> String { HTMLText.escaped(text) }

    /// A whole page: the header with the signed-in person and the logout form.
    static func layout(_ title: String, session: AccountSession?, view: String, body: String) -> String {
        let who: String
        if let session {
            who = """
                <a href="/batches" id="batches-link">Batches</a>\(DeskAccess.read.allows(session.account.role) ? "<a href=\"/desk\" id=\"desk-link\">Rights desk</a>" : "")<span class="who"><bdi>\(escape(session.account.name))</bdi> (\(escape(session.account.role.rawValue)))</span>
                <form method="post" action="/logout" class="logout"><input type="hidden" name="csrf" value="\(escape(session.csrfToken))"><button type="submit" id="logout">Sign out</button></form>
                """
        } else {
            who = ""
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf-token" content="\(escape(session?.csrfToken ?? ""))">
            <title>\(escape(title)) · Quire</title>
            <link rel="stylesheet" href="/static/room.css"><script src="/static/room.js" defer></script></head>
            <body data-view="\(escape(view))">
            <header class="bar"><a href="/" class="home">Quire</a><span class="title"><bdi>\(escape(title))</bdi></span>\(who)</header>
            <main>\(body)</main>
            </body></html>
            """
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// An error as a page with a way back, or as JSON for the API.
    static func error(_ status: HTTPResponse.Status, _ message: String, json: Bool) -> Response {
        if json {
            return API.json(["error": message], status: status)
        }
        let body = """
            <section class="error"><h1>\(status.code) \(escape(status.reasonPhrase))</h1><p id="error-message">\(escape(message))</p>
            <p><a href="/" id="back">Back to the documents</a></p></section>
            """
        return html(layout(status.reasonPhrase, session: nil, view: "error", body: body), status: status)
    }

    static func login(token: String, message: String?) -> String {
        let note = message.map { "<p class=\"notice\" id=\"login-message\">\(escape($0))</p>" } ?? ""
        return layout("Sign in", session: nil, view: "login", body: """
            <section class="login"><h1>Sign in to the proofreading room</h1>\(note)
            <form method="post" action="/login">
            <input type="hidden" name="csrf" value="\(escape(token))">
            <label>Name <input name="name" id="name" autocomplete="username" required></label>
            <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
            <button type="submit" id="signin">Sign in</button></form>
            <p class="hint">Accounts are made on the server with <code>quire user add NAME --role proofreader</code>.</p></section>
            """)
    }

    /// Five level counts as a bar (widths set by room.js from the data attributes).
    static func levelBar(_ counts: [PageQuality: Int], pending: Int) -> String {
        let parts = PageQuality.allCases.map { level in
            "<span class=\"level-\(level.rawValue)\" data-count=\"\(counts[level, default: 0])\" title=\"\(escape(level.name)): \(counts[level, default: 0])\"></span>"
        }.joined()
        return "<span class=\"levels\" data-pending=\"\(pending)\">\(parts)<span class=\"level-none\" data-count=\"\(pending)\" title=\"No text yet: \(pending)\"></span></span>"
    }

    static func documents(_ summaries: [DocumentSummary], clearance: [DocumentID: [ClearanceTarget: ClearanceStatus]], ocrRunning: Bool, session: AccountSession) -> String {
        let rows = summaries.map { summary -> String in
            let id = summary.id.rawValue
            let pending = summary.pageCount - summary.pagesByQuality.values.reduce(0, +)
            let targets = (clearance[summary.id] ?? [:]).sorted { $0.key.rawValue < $1.key.rawValue }.map { target, status in
                "<span class=\"clearance \(escape(status.rawValue))\" title=\"\(escape(target.rawValue)): \(escape(status.rawValue))\">\(escape(target.rawValue)) \(escape(status.rawValue))</span>"
            }.joined(separator: " ")
            let filters = [("proofread", "to proofread"), ("problematic", "problematic"), ("validate", "awaiting validation")].map { key, label in
                "<a href=\"/documents/\(escape(id))?filter=\(key)\">\(label)</a>"
            }.joined(separator: " · ")
            return """
                <tr class="document" data-id="\(escape(id))"><td><a class="doc-link" href="/documents/\(escape(id))"><bdi>\(escape(summary.metadata.title))</bdi></a><br><code>\(escape(id))</code></td>
                <td>\(summary.pageCount)</td><td>\(levelBar(summary.pagesByQuality, pending: max(0, pending)))</td><td class="filters">\(filters)</td><td>\(targets)</td></tr>
                """
        }.joined(separator: "\n")
        let banner = ocrRunning ? "<p class=\"notice\" id=\"ocr-running\">An OCR batch is running on this catalogue: levels and texts change as it goes, and saves may wait a moment for it.</p>" : ""
        return layout("Documents", session: session, view: "documents", body: """
            <h1>Documents</h1>\(banner)
            <table class="documents"><thead><tr><th>Document</th><th>Pages</th><th>Levels 0–4</th><th>Pages to look at</th><th>Clearance</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"5\">No documents yet: add some with <code>quire add</code>.</td></tr>" : rows)</tbody></table>
            """)
    }

    /// Which pages a filter keeps.
    enum Filter: String {
        case proofread, problematic, validate

        func keeps(_ level: PageQuality?) -> Bool {
            switch self {
            case .proofread: level == .notProofread
            case .problematic: level == .problematic
            case .validate: level == .proofread
            }
        }

        var label: String {
            switch self {
            case .proofread: "pages to proofread"
            case .problematic: "problematic pages"
            case .validate: "pages awaiting validation"
            }
        }
    }

    static func document(_ summary: DocumentSummary, pages: [PageEntry], marks: [PageNumber: PageLevelMark], filter: Filter?, session: AccountSession) -> String {
        let id = escape(summary.id.rawValue)
        let shown = pages.filter { filter?.keeps($0.quality) ?? true }
        let items = shown.map { page -> String in
            let level = page.quality.map { "\($0.rawValue)" } ?? "none"
            let by = marks[page.number].map { $0.user.isEmpty ? "" : " · <bdi>\(escape($0.user))</bdi>" } ?? ""
            return "<li class=\"page level-\(level)\"><a href=\"/documents/\(id)/pages/\(page.number.rawValue)\">\(page.number.rawValue)</a><small>\(page.quality.map { escape($0.name) } ?? "no text")\(by)</small></li>"
        }.joined()
        return layout(summary.metadata.title, session: session, view: "document", body: """
            <h1><bdi>\(escape(summary.metadata.title))</bdi></h1>
            <p>\(levelBar(summary.pagesByQuality, pending: max(0, summary.pageCount - summary.pagesByQuality.values.reduce(0, +))))</p>
            <p class="filters">Show: <a href="/documents/\(id)">all pages</a> · <a href="?filter=proofread">to proofread</a> · <a href="?filter=problematic">problematic</a> · <a href="?filter=validate">awaiting validation</a>
            · <a href="/documents/\(id)/replace" id="replace-link">find and replace</a></p>
            <p>\(filter.map { "\(shown.count) \($0.label)" } ?? "\(pages.count) pages")</p>
            <ol class="pages">\(items)</ol>
            """)
    }

    static func editor(_ summary: DocumentSummary, number: PageNumber, session: AccountSession) -> String {
        layout("\(summary.metadata.title) — page \(number.rawValue)", session: session, view: "editor", body: """
            <div id="editor" class="editor side" data-document="\(escape(summary.id.rawValue))" data-page="\(number.rawValue)">
            <section class="scan-pane" id="scan-pane">
              <div class="scan-tools"><button id="zoom-in" title="Zoom in (+)">+</button><button id="zoom-out" title="Zoom out (−)">−</button>
              <button id="fit" title="Fit to width">Fit</button><button id="rotate" title="Rotate">⟳</button><button id="layout" title="Side by side / above and below">Layout</button></div>
              <div class="scan-view" id="scan-view"><div class="scan-stage" id="scan-stage"><img id="scan" alt="scan of the page"><div id="boxes"></div></div><p id="no-scan" hidden>No preview of this page's scan.</p></div>
            </section>
            <div class="divider" id="divider" title="Drag to resize"></div>
            <section class="text-pane">
              <nav class="page-nav"><a id="prev" href="#">← previous</a> <span id="page-label"></span> <a id="next" href="#">next →</a>
              <span id="status" role="status"></span></nav>
              <label for="header">Header</label><div class="field"><div class="backdrop" id="header-backdrop" aria-hidden="true"></div><textarea id="header" rows="2" spellcheck="false"></textarea></div>
              <label for="body">Body</label><div class="field"><div class="backdrop" id="body-backdrop" aria-hidden="true"></div><textarea id="body" rows="18" spellcheck="false"></textarea></div>
              <label for="footer">Footer</label><div class="field"><div class="backdrop" id="footer-backdrop" aria-hidden="true"></div><textarea id="footer" rows="2" spellcheck="false"></textarea></div>
              <div id="palette" class="palette"></div>
              <div class="actions">
                <fieldset class="levels-choice" id="levels"><legend>Level</legend>
                  <label><input type="radio" name="level" value="0"> 0 without text</label>
                  <label><input type="radio" name="level" value="1"> 1 not proofread</label>
                  <label><input type="radio" name="level" value="2"> 2 problematic</label>
                  <label><input type="radio" name="level" value="3"> 3 proofread</label>
                  <label><input type="radio" name="level" value="4"> 4 validated</label>
                </fieldset>
                <p id="mark"></p>
                <button id="save">Save (Ctrl+S)</button> <button id="save-next">Save and next (Ctrl+Enter)</button>
                <button id="history-button">History</button>
                <label class="threshold">Uncertain below <input id="threshold" type="number" min="0" max="100" value="60">%</label>
                <button id="prev-uncertain">← uncertain (Alt+,)</button> <button id="next-uncertain">uncertain → (Alt+.)</button>
              </div>
              <div id="uncertain-list" class="uncertain"></div>
              <section id="merge" class="merge" hidden><h2>Someone saved this page meanwhile</h2>
                <p>Nothing was overwritten. Your text stays in the fields above; theirs is below, with the words that differ
                (<del>theirs only</del>, <ins>yours only</ins>). Bring their changes into the fields, then save again: that save is based on their revision.</p>
                <h3>Word differences</h3><div id="merge-diff" class="diff"></div>
                <div class="merge-cols"><div><h3>Yours</h3><pre id="merge-mine"></pre></div><div><h3>Theirs (<bdi id="merge-user"></bdi>)</h3><pre id="merge-theirs"></pre></div></div></section>
              <section id="history" class="history" hidden><h2>History</h2><ol id="history-list"></ol><div id="history-diff" class="diff"></div></section>
            </section>
            </div>
            <div id="shortcuts" class="shortcuts" hidden><h2>Keyboard</h2><dl>
            <dt>Ctrl+S</dt><dd>save</dd><dt>Ctrl+Enter</dt><dd>save and go to the next page</dd>
            <dt>Alt+PageUp / Alt+PageDown</dt><dd>previous / next page</dd><dt>Alt+0 … Alt+4</dt><dd>set the level</dd>
            <dt>Alt+. / Alt+,</dt><dd>next / previous uncertain word</dd><dt>?</dt><dd>this sheet (outside the text fields; Esc closes)</dd></dl></div>
            """)
    }

    static func replace(_ summary: DocumentSummary, session: AccountSession) -> String {
        layout("Find and replace — \(summary.metadata.title)", session: session, view: "replace", body: """
            <section id="replace" data-document="\(escape(summary.id.rawValue))"><h1>Find and replace in <bdi>\(escape(summary.metadata.title))</bdi></h1>
            <p>Replaces in the body of every page (the current text: a person's revision, else the OCR). Each changed page becomes a new revision at its level.</p>
            <label>Find <input id="find"></label> <label>Replace with <input id="replacement"></label>
            <button id="preview">Preview</button> <button id="apply" disabled>Replace in the checked pages</button>
            <p id="replace-status" role="status"></p><ol id="changes"></ol></section>
            """)
    }
}
