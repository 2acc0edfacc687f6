import Foundation
import GRDB
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuireTestSupport
import Testing
import Synchronization

@Suite("OCR batches")
struct OCRBatchTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let paths: [String]

    init() throws {
        folder = try TemporaryDirectory()
        catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        var made: [String] = []
        for index in 1...6 {
            made.append(try folder.write("p\(index).png", bytes: ImageFixtures.png(width: 20, height: 20 + index)))
        }
        paths = made
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: made, workingDirectory: folder.path, documentID: DocumentID("doc"), metadata: DocumentMetadata(title: "Doc", languages: LanguageSet("spa")!), acceptChanges: false))
    }

    func factory(failing: Set<String> = []) -> FakeEngineFactory {
        var pages: [String: PageText] = [:]
        for (index, path) in paths.enumerated() { pages[path] = TextFixtures.page([["página \(index + 1)"]]) }
        return FakeEngineFactory(pages: pages, failing: failing)
    }

    @Test func everyPageGetsTextLevelAndProvenanceOnce() throws {
        let report = try OCRBatch(catalogue: catalogue, pool: PageWorkerPool(factory: factory(), workers: 3)).run(documents: nil)
        #expect(report.tally.total == 6 && report.tally.ok == 6 && report.failures.isEmpty)
        let pages = try catalogue.pages(of: DocumentID("doc")!)
        #expect(pages.allSatisfy { $0.state == .done && $0.quality == .notProofread && $0.failures == 0 })
        #expect(try catalogue.text(DocumentID("doc")!, PageNumber(4)!)?.plainText == "página 4")
        let again = try OCRBatch(catalogue: catalogue, pool: PageWorkerPool(factory: factory(), workers: 3)).run(documents: nil)
        #expect(again.tally.total == 0)
    }

    @Test func documentsInSeveralLanguagesRunInOnePoolEachPageInItsDocumentsLanguage() throws {
        var german: [String] = []
        for index in 1...4 { german.append(try folder.write("de\(index).png", bytes: ImageFixtures.png(width: 30, height: 20 + index))) }
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: german, workingDirectory: folder.path, documentID: DocumentID("brief"), metadata: DocumentMetadata(title: "Brief", languages: LanguageSet("deu")!), acceptChanges: false))
        let factory = LanguageEchoFactory()
        let report = try OCRBatch(catalogue: catalogue, pool: PageWorkerPool(factory: factory, workers: 2)).run(documents: nil)
        #expect(report.tally.total == 10 && report.failures.isEmpty)
        for (document, language, count) in [("doc", "spa", 6), ("brief", "deu", 4)] {
            for number in 1...count {
                // Each page read in its document's language, and the engine told its document.
                #expect(try catalogue.text(DocumentID(document)!, PageNumber(number)!)?.provenance?.detail == "\(language) of \(document)")
            }
        }
        #expect(factory.made.value.count <= 4)
    }

    @Test func failingPageIsRetriedOnceThenQuarantinedWhileTheRestFinishes() throws {
        let batch = OCRBatch(catalogue: catalogue, pool: PageWorkerPool(factory: factory(failing: [paths[2]]), workers: 2))
        let first = try batch.run(documents: [DocumentID("doc")!])
        #expect(first.tally.ok == 5 && first.tally.failed == 1)
        #expect(first.failures.first?.error.context.file == paths[2])
        #expect(try catalogue.pages(of: DocumentID("doc")!)[2].state == .failed)
        let second = try batch.run(documents: [DocumentID("doc")!])
        #expect(second.tally.total == 1 && second.tally.quarantined == 1)
        #expect(try catalogue.pages(of: DocumentID("doc")!)[2].state == .quarantined)
        let third = try batch.run(documents: [DocumentID("doc")!])
        // Every later run skips it and says so, until someone frees it.
        #expect(third.tally.total == 0 && third.alreadyQuarantined.map(\.number.rawValue) == [3] && third.tally.quarantined == 1)
        #expect(try catalogue.releaseQuarantine(documents: nil) == 1)
        #expect(try catalogue.pages(of: DocumentID("doc")!)[2].state == .pending)
    }

    @Test func anAttemptInterruptedTwiceIsQuarantinedNotRetriedForever() throws {
        // A crash or kill leaves the attempt counted and the page claimed by a process that is
        // gone; the next claim takes it over.
        #expect(try catalogue.claim(DocumentID("doc")!, PageNumber(5)!, by: ProcessIdentity(pid: 4_194_303, start: "1")) == .claimed)
        #expect(try catalogue.claim(DocumentID("doc")!, PageNumber(5)!, by: ProcessIdentity(pid: 4_194_302, start: "2")) == .claimed)
        let report = try OCRBatch(catalogue: catalogue, pool: PageWorkerPool(factory: factory(), workers: 2)).run(documents: nil)
        #expect(report.tally.total == 5)
        #expect(report.alreadyQuarantined.map(\.number.rawValue) == [5])
        #expect(try catalogue.pages(of: DocumentID("doc")!)[4].lastError == "interrupted during OCR")
    }

    /// Issue 14 #3: two `quire ocr` runs on one document share its pages: a page claimed by a
    /// process that still runs is left to it; once that process is gone, the page is read.
    @Test func aPageAnotherRunningProcessClaimedIsLeftToIt() throws {
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sleep")
        other.arguments = ["60"]
        try other.run()
        // SIGKILL: the test runner's children may inherit a mask that blocks SIGTERM.
        defer { if other.isRunning { kill(other.processIdentifier, SIGKILL) } }
        let holder = ProcessIdentity(pid: other.processIdentifier, start: try #require(ProcessIdentity.startTime(of: other.processIdentifier)))
        #expect(holder.isRunning)
        #expect(try catalogue.claim(DocumentID("doc")!, PageNumber(2)!, by: holder) == .claimed)
        let batch = OCRBatch(catalogue: catalogue, pool: PageWorkerPool(factory: factory(), workers: 2))
        let first = try batch.run(documents: nil)
        #expect(first.tally.leftToOtherRuns == 1 && first.tally.otherRuns == [other.processIdentifier])
        #expect(first.tally.done == first.tally.total && first.tally.ok == first.tally.total - 1)
        #expect(try catalogue.pages(of: DocumentID("doc")!)[1].state != .done)
        // The same id started at another time is another process: its claim does not hold.
        #expect(!ProcessIdentity(pid: other.processIdentifier, start: "0").isRunning)
        kill(other.processIdentifier, SIGKILL)
        other.waitUntilExit()
        let second = try batch.run(documents: nil)
        #expect(second.tally.total == 1 && second.tally.ok == 1 && second.tally.leftToOtherRuns == 0)
        #expect(try catalogue.claim(DocumentID("doc")!, PageNumber(2)!) == .alreadyDone)
    }

    /// Issue 14 #10: under contention the progress read "11/10": a page whose attempt could not
    /// be recorded was counted failed and then read and counted again. A page the catalogue
    /// cannot claim now counts once, as failed, and is not read.
    @Test func aPageThatCannotBeClaimedCountsOnceAndIsNotRead() throws {
        // One page left to read (each claim waits out the 10 s lock timeout).
        for number in 2...6 { try catalogue.recordText(DocumentID("doc")!, PageNumber(number)!, text: TextFixtures.page([["hecho"]]), quality: .notProofread) }
        let lock = CatalogueLock(path: folder.file("quire.sqlite"))
        let factory = LockingFactory(base: factory(), lock: lock)
        let report = try OCRBatch(catalogue: catalogue, pool: PageWorkerPool(factory: factory, workers: 2)).run(documents: nil)
        lock.release()
        #expect(report.tally.total == 1 && report.tally.done == 1, "\(report.tally)")
        #expect(report.tally.failed == 1 && report.tally.ok == 0)
        #expect(report.failures.allSatisfy { $0.error.code == .catalogueBusy })
        #expect(try catalogue.pages(of: DocumentID("doc")!)[0].state != .done)
    }

    @Test func oneShotDeliversPagesInOrderWhateverFinishesFirst() throws {
        let pages = paths.map { PageImageSource(path: $0, format: .png) }
        let order = OrderRecorder()
        OneShotOCR(pool: PageWorkerPool(factory: factory(), workers: 4), languages: LanguageSet("spa")!).run(pages) { outcome in
            order.append(outcome.text?.plainText ?? "error")
        }
        #expect(order.values == (1...6).map { "página \($0)" })
    }
}

private final class OrderRecorder: Sendable {
    private let list = Mutex<[String]>([])
    func append(_ value: String) { list.withLock { $0.append(value) } }
    var values: [String] { list.withLock { $0 } }
}

/// Another process's write lock on the catalogue, taken when the batch's first engine is made
/// (after the batch planned its pages, before any is claimed) and held until released.
private final class CatalogueLock: Sendable {
    private let path: String
    private let queue = Mutex<DatabaseQueue?>(nil)
    private let held = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    init(path: String) { self.path = path }

    func take() {
        queue.withLock { queue in
            guard queue == nil, let opened = try? DatabaseQueue(path: path) else { return }
            queue = opened
            Thread { [self] in
                try? opened.inDatabase { db in
                    try db.execute(sql: "BEGIN EXCLUSIVE")
                    held.signal()
                    done.wait()
                    try db.execute(sql: "ROLLBACK")
                }
            }.start()
            held.wait()
        }
    }

    func release() { done.signal() }
}

private struct LockingFactory: OCREngineFactory {
    let base: FakeEngineFactory
    let lock: CatalogueLock
    func makeEngine(languages: LanguageSet) throws -> any OCREngine {
        lock.take()
        return try base.makeEngine(languages: languages)
    }
}
