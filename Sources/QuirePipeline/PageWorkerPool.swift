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
        let queue = WorkQueue(count: sources.count)
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

/// Hands out indices 0..<count once each, to any thread.
private final class WorkQueue: @unchecked Sendable {
    private var nextIndex = 0
    private let count: Int
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
}
