import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline

/// Makes the OCR workers for a document's languages (in `quire serve`, Tesseract as `quire ocr`
/// would; in tests, a fake engine). Throws when the engine cannot be had (no language data).
typealias PoolMaker = @Sendable (LanguageSet) throws -> PageWorkerPool

/// Where a background job is.
enum JobState: String, Codable, Sendable {
    case running, cancelling, finished, cancelled, failed

    var isActive: Bool { self == .running || self == .cancelling }
}

/// One background job as the batch view shows it.
struct JobStatus: Codable, Equatable, Sendable {
    var document: String
    var state: JobState
    /// Pages this run has to read, and how many it has finished (read, failed, or left to another run).
    var total: Int
    var done: Int
    var failed: Int
    var message: String?
}

/// OCR of a document started from the browser, run beside the server with `OCRBatch` (the CLI's
/// batch): pages are claimed in the catalogue and written one by one, so a server killed in the
/// middle and a second start continue where it stopped, with no page read twice. Cancelling stops
/// at a page boundary: pages being read finish and are kept, the rest stay pending.
final class BackgroundJobs: @unchecked Sendable {
    let catalogue: Catalogue
    let makePool: PoolMaker?
    private let lock = NSLock()
    private var jobs: [DocumentID: Job] = [:]

    private final class Job: @unchecked Sendable {
        var status: JobStatus
        var stop = false
        let finished = DispatchGroup()
        init(_ status: JobStatus) { self.status = status }
    }

    /// Why a job was not started.
    enum Refusal: Error, Equatable {
        case alreadyRunning
        case unavailable(String)
    }

    init(catalogue: Catalogue, makePool: PoolMaker?) {
        self.catalogue = catalogue
        self.makePool = makePool
    }

    /// Starts OCR of the document's pages without text, on a thread of its own.
    func startOCR(_ id: DocumentID) -> Result<Void, Refusal> {
        guard let makePool else { return .failure(.unavailable("This server was started without an OCR engine.")) }
        let pool: PageWorkerPool
        do {
            pool = try makePool(try catalogue.summary(of: id).metadata.languages)
        } catch let error as any QuireError {
            return .failure(.unavailable("\(error.message) — \(error.remedy)"))
        } catch {
            return .failure(.unavailable("\(error)"))
        }
        let started: Job? = lock.withLock {
            if let running = jobs[id], running.status.state.isActive { return nil }
            let job = Job(JobStatus(document: id.rawValue, state: .running, total: 0, done: 0, failed: 0))
            jobs[id] = job
            job.finished.enter()
            return job
        }
        guard let job = started else { return .failure(.alreadyRunning) }
        let thread = Thread { [catalogue] in
            defer { job.finished.leave() }
            // The catalogue's mark, so the batch view (and the room) say that a batch is running.
            let activity = OCRActivity.begin(catalogue: catalogue.path)
            defer { withExtendedLifetime(activity) {} }
            let state: JobState, message: String?
            do {
                let report = try OCRBatch(catalogue: catalogue, pool: pool).run(
                    documents: [id],
                    progress: { [weak self] tally in self?.update(job) { $0.total = tally.total; $0.done = tally.done; $0.failed = tally.failed + tally.quarantined } },
                    shouldStop: { [weak self] in self?.lock.withLock { job.stop } ?? true })
                let stopped = self.lock.withLock { job.stop }
                state = stopped ? .cancelled : .finished
                message = report.failures.first.map { "\(report.failures.count) page(s) failed; the first: \($0.error.message)" }
                self.update(job) { $0.total = report.tally.total; $0.failed = report.tally.failed + report.tally.quarantined }
            } catch {
                state = .failed
                message = (error as? any QuireError).map { "\($0.message) — \($0.remedy)" } ?? "\(error)"
            }
            self.update(job) { $0.state = state; $0.message = message }
        }
        thread.stackSize = 1 << 20
        thread.start()
        return .success(())
    }

    /// Asks the document's job to stop at the next page boundary; false when none is running.
    @discardableResult
    func cancel(_ id: DocumentID) -> Bool {
        lock.withLock {
            guard let job = jobs[id], job.status.state == .running else { return false }
            job.stop = true
            job.status.state = .cancelling
            return true
        }
    }

    /// Every job of this server's life, by document.
    func statuses() -> [JobStatus] {
        lock.withLock { jobs.values.map(\.status).sorted { $0.document < $1.document } }
    }

    /// Waits for the document's job to end (for tests and a clean stop).
    func wait(_ id: DocumentID) {
        let job = lock.withLock { jobs[id] }
        job?.finished.wait()
    }

    /// Stops every job at its next page boundary and waits for them (the server stopping).
    func stopAll() {
        let all = lock.withLock { Array(jobs.keys) }
        for id in all { cancel(id) }
        for id in all { wait(id) }
    }

    private func update(_ job: Job, _ change: (inout JobStatus) -> Void) {
        lock.withLock { change(&job.status) }
    }
}
