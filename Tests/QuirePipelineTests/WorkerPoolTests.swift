import Foundation
@testable import QuirePipeline
import QuireCore
import QuireTestSupport
import Testing
import Synchronization

@Suite("Page worker pool")
struct WorkerPoolTests {
    @Test func largestPagesGoFirstSoNoWorkerIdlesAtTheEnd() throws {
        let folder = try TemporaryDirectory()
        let small = try folder.write("small.png", bytes: Array(repeating: 1, count: 100))
        let big = try folder.write("big.png", bytes: Array(repeating: 1, count: 5000))
        let multi = try folder.write("book.tif", bytes: Array(repeating: 1, count: 9000))  // 3 pages of 3000 bytes each
        let sources = [
            PageImageSource(path: small, pageIndex: 0, format: .png),
            PageImageSource(path: multi, pageIndex: 0, format: .tiff),
            PageImageSource(path: multi, pageIndex: 1, format: .tiff),
            PageImageSource(path: big, pageIndex: 0, format: .png),
            PageImageSource(path: multi, pageIndex: 2, format: .tiff),
            PageImageSource(path: folder.file("missing.png"), pageIndex: 0, format: .png),
        ]
        // Big first, then the book's pages in their own order, then the small and unknown ones.
        #expect(PageWorkerPool.schedule(sources.map { PageTask(source: $0, languages: LanguageSet("spa")!) }) == [3, 1, 2, 4, 0, 5])
    }

    @Test func everyPageIsDeliveredOnceWhateverTheOrder() throws {
        let folder = try TemporaryDirectory()
        let paths = try (0..<9).map { try folder.write("p\($0).png", bytes: Array(repeating: 1, count: 100 * ($0 % 4 + 1))) }
        let sources = paths.map { PageImageSource(path: $0, pageIndex: 0, format: .png) }
        let seen = Locked<[Int]>([])
        PageWorkerPool(factory: FakeEngineFactory(), workers: 3).run(sources, languages: LanguageSet("spa")!) { index, _ in
            seen.mutate { $0.append(index) }
        }
        #expect(seen.value.sorted() == Array(0..<9))
    }

    @Test func pagesAreGroupedByLanguageLargestFirstAndGroupsByTheirLargestPage() throws {
        let folder = try TemporaryDirectory()
        func task(_ name: String, _ bytes: Int, _ languages: String) throws -> PageTask {
            PageTask(source: PageImageSource(path: try folder.write(name, bytes: Array(repeating: 1, count: bytes)), format: .png), languages: LanguageSet(languages)!)
        }
        let tasks = [
            try task("a.png", 300, "spa"), try task("b.png", 900, "deu"), try task("c.png", 500, "spa"),
            try task("d.png", 100, "deu"), try task("e.png", 700, "spa+eng"), try task("f.png", 200, "spa"),
        ]
        // deu holds the largest page (900), then spa+eng (700), then spa (500).
        #expect(PageWorkerPool.schedule(tasks) == [1, 3, 4, 2, 0, 5])
        // One worker keeps the groups in the order they first appear.
        #expect(PageWorkerPool.grouped(tasks) == [0, 2, 5, 1, 3, 4])
    }

    @Test func eachWorkerLoadsEachLanguageOnceAndReadsEveryPageInItsOwnLanguage() throws {
        let folder = try TemporaryDirectory()
        let languages = ["spa", "deu", "fra"]
        let tasks = try (0..<30).map { index in
            PageTask(source: PageImageSource(path: try folder.write("p\(index).png", bytes: Array(repeating: 1, count: 100 + index)), format: .png),
                     languages: LanguageSet(languages[index % 3])!)
        }
        let factory = LanguageEchoFactory()
        let read = Locked<[Int: String]>([:])
        PageWorkerPool(factory: factory, workers: 3).run(tasks) { index, result in
            read.mutate { $0[index] = (try? result.get())?.provenance?.detail ?? "failed" }
        }
        #expect(read.value.count == 30)
        #expect(read.value.allSatisfy { index, detail in detail == tasks[index].languages.tesseractString })
        // Grouped pages: a worker never comes back to a language, so at most workers × languages loads.
        #expect(factory.made.value.count <= 3 * languages.count)
        #expect(Set(factory.made.value) == Set(languages))
    }

    @Test func eachPageReachesTheEngineWithItsDocument() throws {
        let folder = try TemporaryDirectory()
        let tasks = try (0..<6).map { index in
            PageTask(source: PageImageSource(path: try folder.write("p\(index).png", bytes: [1]), format: .png),
                     languages: LanguageSet("deu")!, document: index < 3 ? "first" : "second")
        }
        let read = Locked<[Int: String]>([:])
        PageWorkerPool(factory: LanguageEchoFactory(), workers: 2).run(tasks) { index, result in
            read.mutate { $0[index] = (try? result.get())?.provenance?.detail ?? "failed" }
        }
        #expect(read.value == Dictionary(uniqueKeysWithValues: (0..<6).map { ($0, "deu of " + ($0 < 3 ? "first" : "second")) }))
    }

    @Test("one-shot pages: a PDF or DjVu is one document, images one per folder", arguments: [
        ("/scans/a/1.png", SourceFormat.png, "/scans/a"), ("/scans/a/2.tif", .tiff, "/scans/a"),
        ("/scans/a/book.pdf", .pdf, "/scans/a/book.pdf"), ("/scans/b/book.djvu", .djvu, "/scans/b/book.djvu"),
    ])
    func oneShotDocuments(path: String, format: SourceFormat, document: String) {
        #expect(OneShotOCR.document(PageImageSource(path: path, format: format)) == document)
    }

    @Test func aLanguageWhoseModelCannotLoadFailsOnlyItsOwnPages() throws {
        let folder = try TemporaryDirectory()
        let tasks = try (0..<8).map { index in
            PageTask(source: PageImageSource(path: try folder.write("p\(index).png", bytes: [1]), format: .png),
                     languages: LanguageSet(index < 5 ? "spa" : "grc")!)
        }
        let factory = LanguageEchoFactory(missing: "grc")
        let outcomes = Locked<[Int: Bool]>([:])
        PageWorkerPool(factory: factory, workers: 2).run(tasks) { index, result in
            outcomes.mutate { $0[index] = (try? result.get()) != nil }
        }
        #expect(outcomes.value == Dictionary(uniqueKeysWithValues: (0..<8).map { ($0, $0 < 5) }))
        // Each worker tries the missing model once, not once per page.
        #expect(factory.made.value.filter { $0 == "grc" }.count <= 2)
    }
}

/// Engines that answer with the languages they were made for; one language can be "missing".
final class LanguageEchoFactory: OCREngineFactory, @unchecked Sendable {
    let missing: String?
    /// The language sets engines were requested for, in order, from any thread.
    let made = Locked<[String]>([])

    init(missing: String? = nil) { self.missing = missing }

    func makeEngine(languages: LanguageSet) throws -> any OCREngine {
        made.mutate { $0.append(languages.tesseractString) }
        if languages.tesseractString == missing {
            throw CoreError(.missingDependency, "no model for \(languages)", remedy: "install it")
        }
        return Echo(languages: languages)
    }

    struct Echo: OCREngine {
        let identity = EngineIdentity(name: "echo", version: "1")
        let languages: LanguageSet
        func recognize(_ source: PageImageSource) throws -> PageText {
            try recognize(source, document: nil)
        }

        /// The languages, and the document when one is given.
        func recognize(_ source: PageImageSource, document: String?) throws -> PageText {
            var page = PageText(width: 10, height: 10, regions: [])
            page.provenance = TextProvenance(engine: "echo", detail: languages.tesseractString + (document.map { " of \($0)" } ?? ""))
            return page
        }
    }
}

/// A value shared between worker threads in a test.
final class Locked<Value: Sendable>: Sendable {
    private let stored: Mutex<Value>
    init(_ value: Value) { stored = Mutex(value) }
    var value: Value { stored.withLock { $0 } }
    func mutate(_ body: (inout Value) -> Void) { stored.withLock { body(&$0) } }
}
