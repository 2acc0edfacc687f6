import Foundation
import QuireCore
import QuireTestSupport
import QuireXML
import Testing

/// Imports every ALTO / PAGE file of the shared corpora several times and records the rate as
/// an attachment (`swift test --attachments-path DIR`). Timing is never asserted here (machines
/// are shared and noisy; see quality-bar.md); the test asserts that every page imports.
@Suite("Import throughput")
struct ImportThroughputTests {
    @Test(.enabled(if: RepositoryPaths.hasSharedCorpora, "\(RepositoryPaths.sharedMissingMessage)"))
    func everyCorpusPageImportsAndTheRateIsRecorded() throws {
        let root = try #require(RepositoryPaths.sharedCorpora)
        let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".xml") }.sorted()
        let files = try names.map { ($0, try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + $0)))) }
        try #require(files.count >= 40, "expected the shared corpus XML files")
        let rounds = 5
        var words = 0
        let start = ContinuousClock.now
        for _ in 0..<rounds {
            for (name, bytes) in files {
                let page = try XMLImport.read(bytes: bytes, name: name)
                #expect(!page.isEmpty, "\(name) imported empty")
                words += page.words.count
            }
        }
        let seconds = Self.seconds(ContinuousClock.now - start)
        // Peer in the same process: the safe libxml2 parse alone, without building the model.
        let peerStart = ContinuousClock.now
        for _ in 0..<rounds {
            for (name, bytes) in files { _ = try SafeXMLDocument(bytes: bytes, name: name) }
        }
        let peerSeconds = Self.seconds(ContinuousClock.now - peerStart)
        let pages = files.count * rounds
        let megabytes = Double(files.reduce(0) { $0 + $1.1.count } * rounds) / 1_048_576
        let report = String(
            format: "%d pages (%.1f MB, %d words): import %.0f pages/s (%.1f MB/s); parse alone %.0f pages/s; import/parse time ratio %.2f\n",
            pages, megabytes, words, Double(pages) / seconds, megabytes / seconds, Double(pages) / peerSeconds, seconds / peerSeconds)
        Attachment.record(report, named: "xml-import-throughput.txt")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
