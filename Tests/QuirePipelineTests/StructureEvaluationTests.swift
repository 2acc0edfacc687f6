import Foundation
import QuireAlign
import QuireCore
import QuirePipeline
import QuireTestSupport
import QuireWikitext
import QuireXML
import Testing

/// The structural evaluation on the bundled sample: its recorded layout, without roles, is what
/// the OCR would give; with roles, written as PAGE-XML, it is the ground truth. The Page: pages
/// generated for en are read back as ProofreadPage reads them and scored. Deterministic (no OCR).
@Suite("Structural evaluation: the bundled sample")
struct StructureEvaluationTests {
    /// The sample's pages generated for en from its untagged layout, by physical number.
    static func generatedPages() throws -> [Int: PageContent] {
        let pages = try DiscursoSample.pages(tagged: false).mapValues(PageSource.ocr)
        let document = try WikitextGenerator(wiki: .en).generate(document: try DiscursoSample.metadata(), pages: pages, options: GenerationOptions())
        return Dictionary(uniqueKeysWithValues: document.pages.map { ($0.number.rawValue, PageContent(wikitext: $0.content.wikitext)) })
    }

    /// The sample's tagged layout written as PAGE-XML files, page 1 first.
    static func truthFiles(in folder: TemporaryDirectory) throws -> [String] {
        let tagged = try DiscursoSample.pages(tagged: true)
        return try tagged.keys.sorted().map { number in
            try folder.write("page-\(number.rawValue).xml", bytes: try PageXMLWriter().render(try #require(tagged[number]), created: Date(timeIntervalSince1970: 0)))
        }
    }

    static func total(_ scores: [StructurePageScore]) -> StructureCounts { scores.map(\.counts).reduce(StructureCounts(), +) }

    @Test("Quire's wikitext of the sample: heads, numbers, breaks, joins, the footnote and the divided word all right")
    func sample() throws {
        let folder = try TemporaryDirectory()
        let total = Self.total(try StructureEvaluation.score(pages: try Self.generatedPages(), truthFiles: try Self.truthFiles(in: folder), wiki: .en))
        #expect(total.pages == 4)
        #expect(total.runningHeads.expected == 3 && total.runningHeads.right == 3)
        #expect(total.pageNumbers.expected == 3 && total.pageNumbers.right == 3)
        #expect(total.bodyLinesInFurniture == 0)
        #expect(total.breaksExpected > 10 && total.breaksRight == total.breaksExpected && total.breaksFound == total.breaksExpected)
        #expect(total.breaksInsideWord == 0)
        // The sample's one compound divided at a line end (franco-chilena) is written nowhere
        // else, so the scorer expects it joined like the syllable divisions.
        #expect(total.joinsExpected >= 18 && total.joinsMissed <= 1 && total.joinsRight + total.joinsMissed == total.joinsExpected)
        #expect(total.crossPageExpected == 1 && total.crossPageRight == 1)
        #expect(total.footnotesExpected == 1 && total.footnotesRight == 1 && total.refsSpurious == 0)
        #expect(total.noiseParagraphs == 0)
        #expect(total.body.cer < 0.01 && total.bodyWordShare! > 0.99)
    }

    @Test("A broken generation is reported: heads left in the body, a break inside a word, the note in the body")
    func regressionIsReported() throws {
        let folder = try TemporaryDirectory()
        var pages = try Self.generatedPages()
        for (number, page) in pages where number > 1 {
            let fields = PlainPageFields(page, wiki: .en)
            // What a generator without furniture detection, footnotes or page-end conventions gives.
            let body = fields.header + "\n\n" + fields.body.replacingOccurrences(of: "la bi-", with: "la bi-\n\nx") + "\n\n" + fields.notes.joined(separator: "\n\n")
            pages[number] = PageContent(body: body, level: .notProofread)
        }
        let total = Self.total(try StructureEvaluation.score(pages: pages, truthFiles: try Self.truthFiles(in: folder), wiki: .en))
        #expect(total.runningHeads.inBody == 3 && total.pageNumbers.right == 0)
        #expect(total.footnotesInBody == 1 && total.footnotesRight == 0)
        #expect(total.crossPageRight == 0 && total.breaksInsideWord == 1)
        #expect(total.noiseParagraphs >= 1)
    }
}
