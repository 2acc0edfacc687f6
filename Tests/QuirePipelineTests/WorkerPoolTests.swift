import Foundation
@testable import QuirePipeline
import QuireCore
import QuireTestSupport
import Testing

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
        #expect(PageWorkerPool.largestFirst(sources) == [3, 1, 2, 4, 0, 5])
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
}

/// A value shared between worker threads in a test.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
