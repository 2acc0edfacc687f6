import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline

/// `quire ocr DOC… | --all`: the catalogue's pages without text, resumably.
struct OCRDocuments {
    let engine: EngineOptions
    let catalogueOptions: CatalogueOptions
    /// The documents to OCR; nil for every document (`--all`).
    let documents: [DocumentID]?
    let output: OCROutput?
    let json: Bool
    let retryQuarantined: Bool
    /// OCR again pages that already have text (`--force`); people's revisions stay current.
    var force = false

    func run() throws {
        guard CrashSupervisor.isChild else {
            // Queued once, by the supervisor: a restarted worker must not queue the pages again.
            let catalogue: Catalogue? = try catalogueOptions.openIfPresent()
            if force { _ = try catalogue?.requeueForOCR(documents: documents) }
            // Marked for the batch's whole run, so that 'quire serve' can say a batch is running.
            let activity = catalogue.flatMap { OCRActivity.begin(catalogue: $0.path) }
            defer { withExtendedLifetime(activity) {} }
            let pages = (try? catalogue?.summaries().reduce(0) { $0 + $1.pageCount }) ?? 0
            let status = CrashSupervisor.supervise(maximumRestarts: Catalogue.maximumAttempts * max(1, pages))
            if status != 0 { throw ExitCode(status) }
            return
        }
        CrashSupervisor.becomeChild()
        let catalogue: Catalogue
        let override = engine.lang.flatMap(LanguageSet.init)
        let tessdata = try engine.preflight([])
        let plan: OCRPreflight.Plan
        catalogue = try catalogueOptions.open()
        if retryQuarantined { _ = try catalogue.releaseQuarantine(documents: documents) }
        // A document whose language data is missing fails alone, named; the rest is read.
        plan = try OCRPreflight.plan(catalogue, documents: documents, override: override) { try tessdata.requireInstalled($0) }
        for refusal in plan.refused { Terminal.error(refusal.description) }
        if plan.ready.isEmpty, let first = plan.refused.first { throw ExitCode(QuireExit.code(for: first.code.category)) }
        let base = engine.pool(tessdata: tessdata, defaultLanguages: plan.languages.first ?? LanguageSet("eng")!)
        let watchdog = HangWatchdog(limit: HangWatchdog.limit(deadline: engine.deadline, environment: ProcessInfo.processInfo.environment))
        let pool = PageWorkerPool(factory: WatchedFactory(base: base.factory, watchdog: watchdog), workers: base.workers)
        let progress = ProgressLine(label: "ocr")
        let report: OCRReport = try OCRBatch(catalogue: catalogue, pool: pool, languageOverride: override).run(documents: plan.refused.isEmpty ? documents : plan.ready) { tally in
            progress.update(done: tally.done, total: tally.total, pagesPerSecond: tally.pagesPerSecond, remaining: tally.remaining)
        }
        for failure in report.failures {
            Terminal.error(failure.error.description + (failure.quarantined ? " (quarantined after \(Catalogue.maximumAttempts) attempts; --retry-quarantined to try again)" : ""))
        }
        for job in report.alreadyQuarantined {
            Terminal.warning("'\(job.source.path)', page \(job.source.pageIndex + 1) (document '\(job.document)' page \(job.number)): quarantined after \(Catalogue.maximumAttempts) failed attempts, skipped; --retry-quarantined tries it again")
        }
        if let output { try export(catalogue, documents: plan.ready, to: output) }
        let tally = report.tally
        if json {
            var summary = OCRSummaryJSON(tally)
            if !plan.refused.isEmpty { summary.documentsNotRead = plan.refused.compactMap { $0.context.document?.rawValue } }
            try Terminal.json(summary)
        } else {
            Terminal.note(OCRSummaryJSON.text(tally))
        }
        if !json && !plan.refused.isEmpty {
            Terminal.note("Not read: \(plan.refused.count) document\(plan.refused.count == 1 ? "" : "s") without language data (\(plan.refusedPages) pages), named above.")
        }
        if !tally.otherRuns.isEmpty {
            Terminal.note("\(tally.leftToOtherRuns) page\(tally.leftToOtherRuns == 1 ? " was" : "s were") being read by another 'quire ocr' (process \(tally.otherRuns.map(String.init).joined(separator: ", "))): left to it")
        }
        let problems = tally.failed + tally.quarantined + plan.refusedPages
        // Pages another run is still reading are not done yet as far as this run can tell.
        if problems == 0 && !tally.otherRuns.isEmpty { throw ExitCode(QuireExit.partial) }
        // Pages quarantined earlier or left without language data carry no error of this run: 3.
        try QuireExit.endBatch(
            succeeded: tally.ok + tally.blank, failed: problems, firstFailure: report.failures.first.map { QuireExit.code(of: $0.error) } ?? QuireExit.partial)
    }

    /// Writes every page with text of the documents to `output`, as `DOC/page-0001.EXT`.
    private func export(_ catalogue: Catalogue, documents: [DocumentID]?, to output: OCROutput) throws {
        let ids = try documents ?? catalogue.summaries().map(\.id)
        for id in ids {
            let folder = OCROutput(unchecked: (output.folder as NSString).appendingPathComponent(id.rawValue), formats: output.formats)
            try? FileManager.default.createDirectory(atPath: folder.folder, withIntermediateDirectories: true)
            for page in try catalogue.pages(of: id) where page.state == .done {
                guard let text = try catalogue.text(id, page.number) else { continue }
                let image = (page.sourcePath as NSString).lastPathComponent
                if let error = folder.write(text, base: String(format: "page-%04d", page.number.rawValue), imageFileName: image) { throw error }
            }
        }
    }
}

extension OCROutput {
    init(unchecked folder: String, formats: [OCRFormat]) {
        self.init(folder: folder, formats: formats, inputs: Set())
    }
}

/// The summary of a batch, of files or of catalogue documents: JSON for scripts, and the closing
/// line on stderr.
struct OCRSummaryJSON: Encodable {
    var pages: Int, ok: Int, blank: Int, tooSmall: Int, timedOut: Int, failed: Int, quarantined: Int
    /// Pages another `quire ocr` was reading (or had just finished), left to it.
    var leftToOtherRuns: Int
    var meanConfidence: Double?
    var pagesPerSecond: Double
    var seconds: Double
    /// Files that could not be read at all (one-shot mode only).
    var unreadableFiles: Int?
    /// Documents left unread because their language data is missing (catalogue mode only).
    var documentsNotRead: [String]?

    init(_ tally: OCRTally, unreadableFiles: Int? = nil) {
        pages = tally.total; ok = tally.ok; blank = tally.blank; tooSmall = tally.tooSmall; timedOut = tally.timedOut
        failed = tally.failed; quarantined = tally.quarantined; meanConfidence = tally.meanConfidence
        leftToOtherRuns = tally.leftToOtherRuns
        pagesPerSecond = tally.pagesPerSecond; seconds = tally.elapsed
        self.unreadableFiles = unreadableFiles
    }

    /// `OCR: 4 pages: 4 ok, … mean confidence 91.2%; 0.80 pages/s in 0:05.`
    static func text(_ tally: OCRTally, unreadableFiles: Int? = nil) -> String {
        let confidence = tally.meanConfidence.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
        let files = unreadableFiles.map { $0 > 0 ? "; \($0) file\($0 == 1 ? "" : "s") unreadable" : "" } ?? ""
        return """
            OCR: \(tally.total) page\(tally.total == 1 ? "" : "s"): \(tally.ok) ok, \(tally.blank) blank, \(tally.tooSmall) too small, \
            \(tally.timedOut) timed out, \(tally.failed) failed, \(tally.quarantined) quarantined\(files); mean confidence \(confidence); \
            \(String(format: "%.2f", tally.pagesPerSecond)) pages/s in \(ProgressLine.duration(tally.elapsed)).
            """
    }
}
