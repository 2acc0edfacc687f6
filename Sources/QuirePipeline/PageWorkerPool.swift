import Foundation
public import QuireCore
import Synchronization

/// One page to recognise, the languages to read it in, and the document it belongs to (a key
/// shared by the pages that belong together, passed to the engine; nil when unknown).
public struct PageTask: Sendable, Hashable {
    public var source: PageImageSource
    public var languages: LanguageSet
    public var document: String?

    public init(source: PageImageSource, languages: LanguageSet, document: String? = nil) {
        self.source = source
        self.languages = languages
        self.document = document
    }
}

/// Runs page recognitions on `workers` threads, each with its own engine, never shared between
/// threads, made once per language set and reused for every page it takes in those languages.
/// Pages of every language run in one pool: a worker that runs out of pages in one language goes
/// on with the next language (loading its model once) instead of waiting for the others, so a
/// catalogue of many small documents in several languages ends with one tail, not one per
/// language. Results are reported as they finish, from the worker threads.
public struct PageWorkerPool: Sendable {
    public let factory: any OCREngineFactory
    public let workers: Int

    public init(factory: any OCREngineFactory, workers: Int) {
        self.factory = factory
        self.workers = max(1, workers)
    }

    /// Recognises `sources`, all in `languages`; `document` gives a page's document key.
    public func run(
        _ sources: [PageImageSource], languages: LanguageSet, document: (PageImageSource) -> String? = { _ in nil },
        onStart: @escaping @Sendable (Int) -> Bool = { _ in true },
        onResult: @escaping @Sendable (Int, Result<PageText, any Error>) -> Void
    ) {
        run(sources.map { PageTask(source: $0, languages: languages, document: document($0)) }, onStart: onStart, onResult: onResult)
    }

    /// Recognises `tasks`, each in its own languages. `onStart` is called before a page is read
    /// (to claim it and record the attempt; false leaves the page unread, with no result),
    /// `onResult` after; both from worker threads. When an engine cannot
    /// be made for a language set, every page in those languages is reported with that error, so
    /// nothing is silently dropped, and pages in other languages go on.
    public func run(
        _ tasks: [PageTask],
        onStart: @escaping @Sendable (Int) -> Bool = { _ in true },
        onResult: @escaping @Sendable (Int, Result<PageText, any Error>) -> Void
    ) {
        guard !tasks.isEmpty else { return }
        let queue = WorkQueue(order: workers > 1 ? Self.schedule(tasks) : Self.grouped(tasks))
        let group = DispatchGroup()
        for _ in 0..<min(workers, tasks.count) {
            group.enter()
            let thread = Thread { [factory] in
                defer { group.leave() }
                var worker = Worker(factory: factory)
                while let index = queue.next() {
                    let engine = worker.engine(for: tasks[index].languages)
                    guard case .success(var current) = engine else {
                        if case .failure(let error) = engine { onResult(index, .failure(error)) }
                        continue
                    }
                    guard onStart(index) else { continue }
                    let result = Result { try current.recognize(tasks[index].source, document: tasks[index].document) }
                    worker.keep(current)
                    onResult(index, result)
                }
            }
            thread.stackSize = 16 << 20  // Tesseract recurses deeply on some layouts.
            thread.start()
        }
        group.wait()
    }
}

/// One worker thread's engine: made when the worker first needs a language set, replaced (the old
/// one released first, so a worker never holds two models) when the next page is in another. A
/// failure to make it is kept like an engine: the pages are grouped by language, so the worker
/// reports it for the rest of that group without trying again, and never comes back to it.
private struct Worker {
    let factory: any OCREngineFactory
    private var current: (languages: LanguageSet, engine: Result<any OCREngine, any Error>)?

    init(factory: any OCREngineFactory) { self.factory = factory }

    mutating func engine(for languages: LanguageSet) -> Result<any OCREngine, any Error> {
        if let current, current.languages == languages { return current.engine }
        current = nil
        let made = Result<any OCREngine, any Error> { try factory.makeEngine(languages: languages) }
        current = (languages, made)
        return made
    }

    /// Keeps the engine's state after a page (engines are values to the pool).
    mutating func keep(_ engine: any OCREngine) {
        if let languages = current?.languages { current = (languages, .success(engine)) }
    }
}

extension PageWorkerPool {
    /// The order pages are handed out in: grouped by language set, so that each worker loads each
    /// model once; within a group the largest page first (the longest-processing-time rule), so
    /// that a group, and the batch, does not end with one worker busy on a big page while the
    /// others idle; groups by their largest page, so the batch ends on small pages.
    static func schedule(_ tasks: [PageTask]) -> [Int] {
        let cost = estimatedCosts(tasks.map(\.source))
        let groups = Dictionary(grouping: tasks.indices) { tasks[$0].languages }.values.map { indices in
            indices.sorted { cost[$0] != cost[$1] ? cost[$0] > cost[$1] : $0 < $1 }
        }
        return groups.sorted { first, second in
            let (a, b) = (cost[first[0]], cost[second[0]])
            return a != b ? a > b : first[0] < second[0]
        }.flatMap { $0 }
    }

    /// The pages grouped by language set in the order they came (one worker: order is no gain).
    static func grouped(_ tasks: [PageTask]) -> [Int] {
        var firstSeen: [LanguageSet: Int] = [:]
        for (index, task) in tasks.enumerated() where firstSeen[task.languages] == nil { firstSeen[task.languages] = index }
        return tasks.indices.sorted { a, b in
            let (ga, gb) = (firstSeen[tasks[a].languages]!, firstSeen[tasks[b].languages]!)
            return ga != gb ? ga < gb : a < b
        }
    }

    /// A page's estimated cost: its file's bytes shared among the pages read from that file.
    static func estimatedCosts(_ sources: [PageImageSource]) -> [Double] {
        var pagesPerFile: [String: Int] = [:]
        for source in sources { pagesPerFile[source.path, default: 0] += 1 }
        var bytes: [String: Double] = [:]
        for path in pagesPerFile.keys {
            bytes[path] = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
        }
        return sources.map { bytes[$0.path, default: 0] / Double(pagesPerFile[$0.path, default: 1]) }
    }
}

/// Hands out the indices of `order` once each, to any thread.
private final class WorkQueue: Sendable {
    private let position = Mutex(0)
    private let order: [Int]

    init(order: [Int]) { self.order = order }

    func next() -> Int? {
        position.withLock { position in
            guard position < order.count else { return nil }
            defer { position += 1 }
            return order[position]
        }
    }
}
