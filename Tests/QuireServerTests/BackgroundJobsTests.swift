import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline
@testable import QuireServer
import QuireTestSupport
import Testing

/// Every page the engines read, and a gate that holds the first read until the test opens it.
private final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []
    let firstStarted = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    private var gated = true

    func read(_ path: String) {
        let wait: Bool = lock.withLock {
            paths.append(path)
            defer { gated = false }
            return gated
        }
        if wait {
            firstStarted.signal()
            gate.wait()
        }
    }

    var all: [String] { lock.withLock { paths } }
}

/// The fake engine of QuireTestSupport, logging each page it reads.
private struct LoggingEngine: OCREngine {
    let identity = EngineIdentity(name: "fake", version: "1")
    var base: FakeOCREngine
    let log: ReadLog

    mutating func recognize(_ source: PageImageSource) throws -> PageText {
        log.read(source.path)
        return try base.recognize(source)
    }
}

private struct LoggingFactory: OCREngineFactory {
    let log: ReadLog

    func makeEngine(languages: LanguageSet) throws -> any OCREngine {
        LoggingEngine(base: FakeOCREngine(pages: [:]), log: log)
    }
}

@Suite("Background OCR started from the browser")
struct BackgroundJobsTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let book = DocumentID("book")!
    let pages = 5

    init() throws {
        folder = try TemporaryDirectory()
        catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        var names: [String] = []
        for index in 1...pages {
            let name = String(format: "page-%02d.png", index)
            try folder.write(name, bytes: ImageFixtures.png(width: 20 + index, height: 20))
            names.append(name)
        }
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: names, workingDirectory: folder.path, documentID: book,
            metadata: DocumentMetadata(title: "Book", languages: LanguageSet("eng")!), acceptChanges: false))
    }

    fileprivate func jobs(_ log: ReadLog) -> BackgroundJobs {
        BackgroundJobs(catalogue: catalogue, makePool: { _ in PageWorkerPool(factory: LoggingFactory(log: log), workers: 1) })
    }

    func done() throws -> Int {
        try catalogue.pages(of: book).filter { $0.state == .done }.count
    }

    @Test func cancelStopsAtAPageBoundaryAndASecondStartResumesWithNoPageReadTwice() throws {
        let log = ReadLog()
        let runner = jobs(log)
        #expect(throws: Never.self) { try runner.startOCR(book).get() }
        log.firstStarted.wait()
        // A second start while it runs is refused, not a second reader.
        guard case .failure(.alreadyRunning) = runner.startOCR(book) else {
            Issue.record("a second start while running was not refused")
            return
        }
        #expect(runner.cancel(book))
        log.gate.signal()
        runner.wait(book)
        #expect(runner.statuses().first?.state == .cancelled)
        // The page being read when cancelled is kept; the others wait for the next start.
        #expect(try done() == 1)
        #expect(log.all.count == 1)

        #expect(throws: Never.self) { try runner.startOCR(book).get() }
        runner.wait(book)
        let status = try #require(runner.statuses().first)
        #expect(status.state == .finished && status.done == pages - 1 && status.total == pages - 1)
        #expect(try done() == pages)
        #expect(log.all.count == pages && Set(log.all).count == pages, "every page read exactly once: \(log.all)")

        // Nothing left: a third start reads nothing.
        #expect(throws: Never.self) { try runner.startOCR(book).get() }
        runner.wait(book)
        #expect(log.all.count == pages)
        #expect(!runner.cancel(book))
    }

    @Test func aServerStoppedMidRunLeavesThePagesForTheNextServer() throws {
        let log = ReadLog()
        let first = jobs(log)
        #expect(throws: Never.self) { try first.startOCR(book).get() }
        log.firstStarted.wait()
        // The page being read finishes only once the stop was asked for.
        DispatchQueue.global().async {
            while first.statuses().first?.state != .cancelling { usleep(1000) }
            log.gate.signal()
        }
        first.stopAll()
        #expect(try done() == 1)
        // Another server on the same catalogue (a new BackgroundJobs) continues where it stopped.
        let second = jobs(log)
        #expect(throws: Never.self) { try second.startOCR(book).get() }
        second.wait(book)
        #expect(try done() == pages)
        #expect(log.all.count == pages && Set(log.all).count == pages, "every page read exactly once: \(log.all)")
    }

    @Test func withoutAnEngineTheStartIsRefusedWithAReason() {
        let runner = BackgroundJobs(catalogue: catalogue, makePool: nil)
        guard case .failure(.unavailable(let why)) = runner.startOCR(book) else {
            Issue.record("started without an engine")
            return
        }
        #expect(why.contains("without an OCR engine"))
    }
}
