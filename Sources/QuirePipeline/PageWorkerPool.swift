import Foundation
public import QuireCore

/// Runs page recognitions on `workers` threads, each with its own engine made once and reused
/// for every page it takes (engines are never shared between threads). Pages are handed out in
/// order; results are reported as they finish, from the worker threads.
public struct PageWorkerPool: Sendable {
    public let factory: any OCREngineFactory
    public let workers: Int

    public init(factory: any OCREngineFactory, workers: Int) {
        self.factory = factory
        self.workers = max(1, workers)
    }

    /// Recognises `sources` with `languages`. `onStart` is called before a page is read (to record
    /// the attempt), `onResult` after; both from worker threads. Engine creation failures are
    /// reported for every page that worker would have taken, so nothing is silently dropped.
    public func run(
        _ sources: [PageImageSource], languages: LanguageSet,
        onStart: @escaping @Sendable (Int) -> Void = { _ in },
        onResult: @escaping @Sendable (Int, Result<PageText, any Error>) -> Void
    ) {
        guard !sources.isEmpty else { return }
        let queue = WorkQueue(order: workers > 1 ? Self.largestFirst(sources) : Array(sources.indices))
        let group = DispatchGroup()
        let count = min(workers, sources.count)
        for _ in 0..<count {
            group.enter()
            let thread = Thread { [factory] in
                defer { group.leave() }
                var engine: (any OCREngine)?
                var creationError: (any Error)?
                do { engine = try factory.makeEngine(languages: languages) } catch { creationError = error }
                while let index = queue.next() {
                    guard var current = engine else {
                        onResult(index, .failure(creationError ?? CoreError(.internalError, "no engine", remedy: "report this as a bug")))
                        continue
                    }
                    onStart(index)
                    let result = Result { try current.recognize(sources[index]) }
                    engine = current
                    onResult(index, result)
                }
            }
            thread.stackSize = 16 << 20  // Tesseract recurses deeply on some layouts.
            thread.start()
        }
        group.wait()
    }
}

extension PageWorkerPool {
    /// The pages in the order they are handed out: the largest first (the longest-processing-time
    /// rule), so that the batch does not end with one worker busy on a big page while the others
    /// idle. A page's size is its file's bytes shared among the pages read from that file.
    static func largestFirst(_ sources: [PageImageSource]) -> [Int] {
        var pagesPerFile: [String: Int] = [:]
        for source in sources { pagesPerFile[source.path, default: 0] += 1 }
        var bytes: [String: Double] = [:]
        for path in pagesPerFile.keys {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
            bytes[path] = size
        }
        let cost = sources.map { bytes[$0.path, default: 0] / Double(pagesPerFile[$0.path, default: 1]) }
        return sources.indices.sorted { cost[$0] != cost[$1] ? cost[$0] > cost[$1] : $0 < $1 }
    }
}

/// Hands out the indices of `order` once each, to any thread.
private final class WorkQueue: @unchecked Sendable {
    private var position = 0
    private let order: [Int]
    private let lock = NSLock()

    init(order: [Int]) { self.order = order }

    func next() -> Int? {
        lock.withLock {
            guard position < order.count else { return nil }
            defer { position += 1 }
            return order[position]
        }
    }
}
