import Foundation
public import QuireCore
import QuireOCR
import Synchronization

/// OCR of files without a catalogue, for scripts: every page of every file, in order, as
/// `tesseract IMG -` does. Bad files are reported and skipped; the rest is read.
public struct OneShotOCR: Sendable {
    public let pool: PageWorkerPool
    public let languages: LanguageSet

    public init(pool: PageWorkerPool, languages: LanguageSet) {
        self.pool = pool
        self.languages = languages
    }

    /// One page's outcome, delivered in file and page order.
    public struct PageOutcome: Sendable {
        public var source: PageImageSource
        /// The page's text, or why it could not be read.
        public var text: PageText?
        public var error: (any QuireError)?
        /// The run so far, this page included: pages done and failed, pages/s, time left.
        public var tally: OCRTally
    }

    /// A file to read: where it is, and the name the user gave it (`-` for standard input, which
    /// the caller has saved to a temporary file).
    public struct Input: Sendable, Hashable {
        public var path: String
        public var name: String

        public init(path: String, name: String) {
            self.path = path
            self.name = name
        }
    }

    /// The pages of `paths` (a multi-page file gives several), or an error per unusable file.
    public static func pages(of paths: [String], workingDirectory: String) -> (pages: [PageImageSource], errors: [any QuireError]) {
        pages(of: paths.map { Input(path: $0, name: $0) }, workingDirectory: workingDirectory)
    }

    /// The pages of `inputs`, or an error per unusable file naming it as the user did.
    public static func pages(of inputs: [Input], workingDirectory: String) -> (pages: [PageImageSource], errors: [any QuireError]) {
        var pages: [PageImageSource] = []
        var errors: [any QuireError] = []
        for input in inputs {
            let given = input.path
            let path = given.hasPrefix("/") ? given : (workingDirectory as NSString).appendingPathComponent(given)
            let context = ErrorContext(file: input.name)
            guard let handle = FileHandle(forReadingAtPath: path) else {
                errors.append(PipelineError(.unreadableFile, "does not exist or cannot be read", remedy: "check the path and its permissions", context: context))
                continue
            }
            let head = [UInt8]((try? handle.read(upToCount: 64)) ?? Data())
            try? handle.close()
            guard !head.isEmpty else {
                errors.append(PipelineError(.emptyInput, "the file is empty (0 bytes)", remedy: "rescan or re-export it", context: context))
                continue
            }
            guard let format = SourceFormat.sniff(head), format.isScan else {
                errors.append(PipelineError(.unsupportedFormat, "is not an image, PDF or DjVu (detected from its bytes)", remedy: "convert it to TIFF, PNG or PDF", context: context))
                continue
            }
            do {
                let inspection = try SourceInspector.inspect(path: path, format: format)
                pages += (0..<inspection.pageCount).map { PageImageSource(path: path, pageIndex: $0, format: format) }
            } catch {
                errors.append(error)
            }
        }
        return (pages, errors)
    }

    /// The pages taken as one document (``PageTask/document``): a PDF's or DjVu's pages, or the
    /// images of one folder (a book scanned page by page).
    static func document(_ source: PageImageSource) -> String {
        source.format == .pdf || source.format == .djvu ? source.path : (source.path as NSString).deletingLastPathComponent
    }

    /// Reads `pages` on the pool and calls `deliver` for each in order, as soon as it and every
    /// page before it are done (so output streams while later pages are still being read), with
    /// the tally of the run so far for a progress line. Returns the final tally, for the summary.
    @discardableResult
    public func run(_ pages: [PageImageSource], deliver: @escaping @Sendable (PageOutcome) -> Void) -> OCRTally {
        let counter = TallyCounter(total: pages.count)
        // Pages are counted as they are delivered, in order, so the tally handed with page k
        // counts pages 1…k: a progress line never goes backwards nor repeats itself when two
        // workers finish at once.
        let sequencer = InOrderDelivery(count: pages.count) { outcome in
            var delivered = outcome
            counter.count(outcome.text)
            delivered.tally = counter.tally
            deliver(delivered)
        }
        pool.run(pages, languages: languages, document: Self.document) { index, result in
            let text: PageText?
            let error: (any QuireError)?
            switch result {
            case .success(let read): text = read; error = nil
            case .failure(let failure): text = nil; error = OCRBatch.quireError(failure, source: pages[index], document: nil)
            }
            sequencer.finish(index, PageOutcome(source: pages[index], text: text, error: error, tally: OCRTally()))
        }
        return counter.tally
    }
}

/// The tally of a one-shot run, counted as pages are delivered.
private final class TallyCounter: Sendable {
    private let current: Mutex<OCRTally>
    private let start = Date()

    init(total: Int) {
        var tally = OCRTally()
        tally.total = total
        current = Mutex(tally)
    }

    /// Counts one page (nil: it failed).
    func count(_ text: PageText?) {
        current.withLock { current in
            if let text {
                current.count(text)
            } else {
                current.done += 1
                current.failed += 1
            }
        }
    }

    var tally: OCRTally {
        current.withLock { current in
            var final = current
            final.elapsed = Date().timeIntervalSince(start)
            return final
        }
    }
}

/// Delivers results in index order although they finish in any order.
private final class InOrderDelivery: Sendable {
    /// Outcomes finished before their turn, and the index delivered next; the lock is held while
    /// delivering, so outcomes go out one at a time.
    private let queue = Mutex<(pending: [Int: OneShotOCR.PageOutcome], nextIndex: Int)>(([:], 0))
    private let deliver: @Sendable (OneShotOCR.PageOutcome) -> Void

    init(count: Int, deliver: @escaping @Sendable (OneShotOCR.PageOutcome) -> Void) {
        self.deliver = deliver
    }

    func finish(_ index: Int, _ outcome: OneShotOCR.PageOutcome) {
        queue.withLock { queue in
            queue.pending[index] = outcome
            while let ready = queue.pending.removeValue(forKey: queue.nextIndex) {
                deliver(ready)
                queue.nextIndex += 1
            }
        }
    }
}
