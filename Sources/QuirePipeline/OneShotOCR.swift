import Foundation
public import QuireCore
import QuireOCR

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
    }

    /// The pages of `paths` (a multi-page file gives several), or an error per unusable file.
    public static func pages(of paths: [String], workingDirectory: String) -> (pages: [PageImageSource], errors: [any QuireError]) {
        var pages: [PageImageSource] = []
        var errors: [any QuireError] = []
        for given in paths {
            let path = given.hasPrefix("/") ? given : (workingDirectory as NSString).appendingPathComponent(given)
            let context = ErrorContext(file: given)
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

    /// Reads `pages` on the pool and calls `deliver` for each in order, as soon as it and every
    /// page before it are done (so output streams while later pages are still being read).
    public func run(_ pages: [PageImageSource], deliver: @escaping @Sendable (PageOutcome) -> Void) {
        let sequencer = InOrderDelivery(count: pages.count, deliver: deliver)
        pool.run(pages, languages: languages) { index, result in
            let outcome: PageOutcome
            switch result {
            case .success(let text): outcome = PageOutcome(source: pages[index], text: text, error: nil)
            case .failure(let error): outcome = PageOutcome(source: pages[index], text: nil, error: OCRBatch.quireError(error, source: pages[index], document: nil))
            }
            sequencer.finish(index, outcome)
        }
    }
}

/// Delivers results in index order although they finish in any order.
private final class InOrderDelivery: @unchecked Sendable {
    private var pending: [Int: OneShotOCR.PageOutcome] = [:]
    private var nextIndex = 0
    private let lock = NSLock()
    private let deliver: @Sendable (OneShotOCR.PageOutcome) -> Void

    init(count: Int, deliver: @escaping @Sendable (OneShotOCR.PageOutcome) -> Void) {
        self.deliver = deliver
    }

    func finish(_ index: Int, _ outcome: OneShotOCR.PageOutcome) {
        lock.withLock {
            pending[index] = outcome
            while let ready = pending.removeValue(forKey: nextIndex) {
                deliver(ready)
                nextIndex += 1
            }
        }
    }
}
