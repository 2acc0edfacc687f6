import Foundation
public import QuireCatalogue
public import QuireCore
import Synchronization

/// Counts of a batch in progress or finished.
public struct OCRTally: Sendable, Codable, Hashable {
    public var total = 0
    public var done = 0
    public var ok = 0
    public var blank = 0
    public var tooSmall = 0
    public var timedOut = 0
    public var failed = 0
    public var quarantined = 0
    /// Pages left to another `quire ocr` reading them at the same time, or that another run
    /// finished after this batch was planned.
    public var leftToOtherRuns = 0
    /// The process ids of those other runs.
    public var otherRuns: [Int32] = []
    /// Sum of mean confidences of pages with text, for the batch mean.
    var confidenceSum = 0.0
    var confidencePages = 0
    /// Seconds since the batch started.
    public var elapsed = 0.0

    /// The mean of the pages' mean word confidences.
    public var meanConfidence: Double? { confidencePages > 0 ? confidenceSum / Double(confidencePages) : nil }
    public var pagesPerSecond: Double { elapsed > 0 ? Double(done) / elapsed : 0 }
    /// Estimated seconds left.
    public var remaining: Double? { done > 0 && pagesPerSecond > 0 ? Double(total - done) / pagesPerSecond : nil }

    mutating func count(_ text: PageText) {
        done += 1
        if text.flags.contains(.tooSmall) { tooSmall += 1 } else if text.flags.contains(.blankPage) { blank += 1 } else { ok += 1 }
        if text.flags.contains(.ocrTimeout) { timedOut += 1 }
        if let confidence = text.meanConfidence {
            confidenceSum += confidence
            confidencePages += 1
        }
    }
}

/// A page that could not be read, with why.
public struct PageFailure: Sendable {
    public var document: DocumentID
    public var number: PageNumber
    public var error: any QuireError
    /// True when the page is now quarantined (skipped by reruns).
    public var quarantined: Bool
}

/// The end of a batch: counts and the pages that failed.
public struct OCRReport: Sendable {
    public var tally: OCRTally
    public var failures: [PageFailure]
    /// Pages skipped because they are quarantined (by an earlier run, or at the start of this one).
    public var alreadyQuarantined: [PageJob]
}

/// OCRs the pages of documents that have no text yet, page by page into the catalogue: a run
/// killed at any moment and started again continues where it stopped, with nothing lost and no
/// page done twice. A page whose attempts fail or are interrupted twice is quarantined.
public struct OCRBatch: Sendable {
    public let catalogue: Catalogue
    public let pool: PageWorkerPool
    /// Languages to use instead of each document's own.
    public let languageOverride: LanguageSet?

    public init(catalogue: Catalogue, pool: PageWorkerPool, languageOverride: LanguageSet? = nil) {
        self.catalogue = catalogue
        self.pool = pool
        self.languageOverride = languageOverride
    }

    /// Runs the batch; `progress` is called after every page, from the worker threads. Once
    /// `shouldStop` answers true no further page is claimed (pages being read finish and are
    /// kept), so the batch ends at a page boundary and the pages left stay pending for a later run.
    public func run(
        documents: [DocumentID]?, progress: @escaping @Sendable (OCRTally) -> Void = { _ in },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws(CatalogueError) -> OCRReport {
        let (jobs, skipped) = try catalogue.pagesNeedingText(documents: documents)
        let state = BatchState(total: jobs.count)
        let clock = ContinuousClock.now
        // One pool for every language: workers switch models between groups instead of the
        // batch waiting for each language's last page (see PageWorkerPool.schedule).
        let tasks = jobs.map { PageTask(source: $0.source, languages: languageOverride ?? $0.languages, document: $0.document.rawValue) }
        pool.run(
            tasks,
            onStart: { [catalogue] index in
                if shouldStop() { return false }
                let claim: PageClaim
                do {
                    claim = try catalogue.claim(jobs[index].document, jobs[index].number)
                } catch {
                    // Not claimed (the catalogue stayed locked): counted once, as failed, and not read.
                    state.fail(jobs[index], error, quarantined: false)
                    progress(state.snapshot(elapsed: Self.seconds(since: clock)))
                    return false
                }
                switch claim {
                case .claimed: return true
                case .heldBy(let pid): state.leave(jobs[index], toProcess: pid)
                case .alreadyDone: state.leave(jobs[index], toProcess: nil)
                }
                progress(state.snapshot(elapsed: Self.seconds(since: clock)))
                return false
            },
            onResult: { [catalogue] index, result in
                let job = jobs[index]
                switch result {
                case .success(let text):
                    do {
                        try catalogue.recordText(job.document, job.number, text: text, quality: PageQuality.suggested(for: text))
                        state.succeed(text)
                    } catch {
                        state.fail(job, error, quarantined: false)
                    }
                case .failure(let error):
                    let quireError = Self.quireError(error, job: job)
                    let newState = (try? catalogue.recordFailure(job.document, job.number, error: quireError)) ?? .failed
                    state.fail(job, quireError, quarantined: newState == .quarantined)
                }
                progress(state.snapshot(elapsed: Self.seconds(since: clock)))
            })
        var tally = state.snapshot(elapsed: Self.seconds(since: clock))
        tally.quarantined += skipped.count
        return OCRReport(tally: tally, failures: state.failures, alreadyQuarantined: skipped)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = start.duration(to: .now)
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Any error as a Quire error naming the file and page.
    static func quireError(_ error: any Error, job: PageJob) -> any QuireError {
        quireError(error, source: job.source, document: job.document)
    }

    /// Any error as a Quire error naming the file and page (and the document, when there is one).
    static func quireError(_ error: any Error, source: PageImageSource, document: DocumentID?) -> any QuireError {
        let context = ErrorContext(file: source.path, page: source.pageIndex + 1, document: document)
        if let error = error as? any QuireError {
            guard error.context.file == nil else { return error }
            return CoreError(error.code, error.message, remedy: error.remedy, context: context)
        }
        return CoreError(.internalError, "\(error)", remedy: "report this as a bug", context: context)
    }
}

/// The batch's running counts, updated from worker threads.
private final class BatchState: Sendable {
    private let state: Mutex<(tally: OCRTally, failures: [PageFailure])>

    init(total: Int) { state = Mutex((OCRTally(total: total), [])) }

    /// The pages that failed, in the order they did.
    var failures: [PageFailure] { state.withLock { $0.failures } }

    func succeed(_ text: PageText) { state.withLock { $0.tally.count(text) } }

    /// A page another run reads (`pid`), or finished already (nil).
    func leave(_ job: PageJob, toProcess pid: Int32?) {
        state.withLock { state in
            state.tally.done += 1
            state.tally.leftToOtherRuns += 1
            if let pid, !state.tally.otherRuns.contains(pid) { state.tally.otherRuns.append(pid) }
        }
    }

    func fail(_ job: PageJob, _ error: any Error, quarantined: Bool) {
        let failure = PageFailure(document: job.document, number: job.number, error: OCRBatch.quireError(error, job: job), quarantined: quarantined)
        state.withLock { state in
            state.tally.done += 1
            if quarantined { state.tally.quarantined += 1 } else { state.tally.failed += 1 }
            state.failures.append(failure)
        }
    }

    func snapshot(elapsed: Double) -> OCRTally {
        state.withLock { state in
            var copy = state.tally
            copy.elapsed = elapsed
            return copy
        }
    }
}
