import Foundation
import Hummingbird
import HTTPTypes
import QuireCatalogue
import QuireCore

/// What the batch view shows at one moment: the documents with work in progress or problems.
struct BatchSnapshot: Codable, Equatable, Sendable {
    struct Problem: Codable, Equatable, Sendable {
        var page: Int
        var state: String
        var failures: Int
        var error: String?
    }

    struct Document: Codable, Equatable, Sendable {
        var id: String
        var title: String
        var pages: Int
        var done: Int
        var pending: Int
        var failed: Int
        var quarantined: Int
        var reading: Int
        /// Pages finished since the view was opened.
        var finished: Int
        /// Pages a second over the last 30 s, and the seconds left at that pace (nil: unknown).
        var pagesPerSecond: Double?
        var secondsLeft: Int?
        var problems: [Problem]
    }

    /// Whether an OCR batch holds the catalogue's mark (``OCRActivity``).
    var ocrRunning: Bool
    var documents: [Document]
    /// The background jobs started from the browser (``BackgroundJobs``).
    var jobs: [JobStatus] = []
}

/// Pages a second per document from successive readings of the catalogue (a 30 s window).
struct BatchTracker {
    static let window = 30.0
    private var samples: [String: [(time: Double, finished: Int)]] = [:]

    mutating func snapshot(_ progress: [PageProgress], ocrRunning: Bool, now: Double) -> BatchSnapshot {
        var documents: [BatchSnapshot.Document] = []
        for item in progress {
            let key = item.id.rawValue
            var kept = (samples[key] ?? []).filter { now - $0.time <= Self.window }
            kept.append((now, item.finishedSince))
            samples[key] = kept
            let pending = item.byState[.pending, default: 0]
            let failed = item.byState[.failed, default: 0], quarantined = item.byState[.quarantined, default: 0]
            guard pending > 0 || failed > 0 || quarantined > 0 || item.finishedSince > 0 || item.reading > 0 else { continue }
            var rate: Double?
            if let first = kept.first, now - first.time >= 1, item.finishedSince > first.finished {
                rate = Double(item.finishedSince - first.finished) / (now - first.time)
            }
            documents.append(BatchSnapshot.Document(
                id: key, title: item.title, pages: item.byState.values.reduce(0, +), done: item.byState[.done, default: 0], pending: pending,
                failed: failed, quarantined: quarantined, reading: item.reading, finished: item.finishedSince,
                pagesPerSecond: rate.map { ($0 * 100).rounded() / 100 }, secondsLeft: rate.flatMap { pending > 0 ? Int((Double(pending) / $0).rounded(.up)) : nil },
                problems: item.problems.map { BatchSnapshot.Problem(page: $0.number, state: $0.state.rawValue, failures: $0.failures, error: $0.error) }))
        }
        return BatchSnapshot(ocrRunning: ocrRunning, documents: documents)
    }
}

/// The librarian's batch view (any signed-in person): `/batches`, filled by room.js from the
/// server-sent events of `/batches/events`, which reads the catalogue twice a second and sends a
/// snapshot when it changed, so a `quire ocr` started in a terminal is followed too.
struct BatchRoutes: Sendable {
    let catalogue: Catalogue
    let jobs: BackgroundJobs
    /// A stream ends after this long (the browser's EventSource reconnects at once, carrying the
    /// moment the view was opened as its last event id), so that stopping the server never waits
    /// long on an open stream.
    static let streamSeconds = 8.0

    func register(on router: Router<RoomContext>) {
        registerJobs(on: router)
        router.get("/batches") { _, context in
            guard let session = context.session else { return RoomRoutes.toLogin() }
            return Pages.html(Pages.layout("Batches", session: session, view: "batches", body: """
                <h1>Batches</h1>
                \(session.account.role == .admin ? try startForm(session) : "")
                <ul id="batch-jobs" data-admin="\(session.account.role == .admin ? "yes" : "no")"></ul>
                <p id="batch-running" role="status"></p>
                <table class="documents batches"><thead><tr><th>Document</th><th>Done</th><th>Pending</th><th>Reading now</th>
                <th>Failed</th><th>Quarantined</th><th>Finished since opened</th><th>Pages/s</th><th>Time left</th></tr></thead>
                <tbody id="batch-rows"><tr><td colspan="9">Waiting for the catalogue…</td></tr></tbody></table>
                <h2>Failed and quarantined pages</h2><ul id="batch-problems"></ul>
                <p class="hint">OCR, imports and reruns of <code>quire</code> in a terminal on this catalogue show here as they write their pages.</p>
                """))
        }
        router.get("/batches/events") { request, context in
            guard context.session != nil else { return Pages.error(.unauthorized, "You are not signed in.", json: false) }
            let given = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { Self.isTimestamp($0) ? $0 : nil }
            let since = given ?? ISO8601DateFormatter().string(from: Date())
            let catalogue = self.catalogue
            var response = Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8"], body: ResponseBody { writer in
                var tracker = BatchTracker()
                var last: BatchSnapshot?
                let start = Date()
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                while !Task.isCancelled, Date().timeIntervalSince(start) < Self.streamSeconds {
                    let progress = try catalogue.pageProgress(since: since)
                    var snapshot = tracker.snapshot(progress, ocrRunning: OCRActivity.isRunning(catalogue: catalogue.path), now: Date().timeIntervalSince1970)
                    snapshot.jobs = jobs.statuses()
                    if snapshot != last {
                        let encoder = JSONEncoder()
                        encoder.outputFormatting = [.sortedKeys]
                        let json = String(decoding: try encoder.encode(snapshot), as: UTF8.self)
                        try await writer.write(ByteBuffer(string: "id: \(since)\ndata: \(json)\n\n"))
                        last = snapshot
                    }
                    try await Task.sleep(nanoseconds: 500_000_000)
                }
                try await writer.finish(nil)
            })
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    /// Admins' form to start OCR of a document's pages without text.
    func startForm(_ session: AccountSession) throws -> String {
        let options = try catalogue.summaries().map { "<option value=\"\(Pages.escape($0.id.rawValue))\">\(Pages.escape($0.metadata.title))</option>" }
        return """
            <form method="post" action="/batches/ocr" class="batch-start"><input type="hidden" name="csrf" value="\(Pages.escape(session.csrfToken))">
            <label>OCR the pages without text of <select name="document" id="batch-document">\(options.joined())</select></label>
            <button type="submit" id="batch-start">Start OCR</button></form>
            """
    }

    /// Starting and cancelling background OCR: admins only (403 for everyone else), with the
    /// session's CSRF token (checked by the middleware); back to /batches, or the reason it was refused.
    func registerJobs(on router: Router<RoomContext>) {
        router.post("/batches/ocr") { request, context in
            guard let session = context.session else { return RoomRoutes.toLogin() }
            guard session.account.role == .admin else { return Pages.error(.forbidden, "Only an admin may start or cancel background OCR.", json: false) }
            let form = RoomRoutes.formFields(try await DeskRoutes.formBody(request))
            guard let id = form["document"].flatMap(DocumentID.init), (try? catalogue.summary(of: id)) != nil else {
                return Pages.error(.notFound, "There is no such document.", json: false)
            }
            switch form["action"] == "cancel" ? (jobs.cancel(id) ? .success(()) : .failure(.unavailable("No OCR of this document is running."))) : jobs.startOCR(id) {
            case .success: return Response(status: .seeOther, headers: [.location: "/batches"])
            case .failure(.alreadyRunning): return Pages.error(.conflict, "OCR of this document is already running.", json: false)
            case .failure(.unavailable(let why)): return Pages.error(.conflict, why, json: false)
            }
        }
    }

    /// An ISO 8601 time as the catalogue writes them (`2026-12-08T00:21:57Z`), nothing else.
    static func isTimestamp(_ text: String) -> Bool {
        text.count == 20 && ISO8601DateFormatter().date(from: text) != nil
    }
}
