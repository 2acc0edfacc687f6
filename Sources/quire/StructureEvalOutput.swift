import ArgumentParser
import Foundation
import QuireAlign
import QuireCore
import QuirePipeline
import QuireWikitext

/// `quire eval --structure`: the table or JSON of a structural evaluation.
enum StructureEvalOutput {
    static func run(folder: String, truthFiles: [String], wiki: WikiCode, json: Bool) throws {
        let scores: [StructurePageScore] = try StructureEvaluation.score(pages: try StructureEvaluation.pages(inWikitextFolder: folder), truthFiles: truthFiles, wiki: wiki)
        let total = scores.map(\.counts).reduce(StructureCounts(), +)
        if json {
            try Terminal.json(StructureEvalJSON(pages: scores.map { .init(number: $0.number, truth: $0.truthFile, counts: $0.counts, rates: StructureRates($0.counts), noise: $0.noise) }, total: total, rates: StructureRates(total)))
            return
        }
        let rows = scores.map { row("\($0.number)", $0.counts) } + [row("TOTAL", total)]
        for line in Terminal.table(["PAGE", "HEADS", "NUMBERS", "FOOTERS", "BREAKS P/R", "IN-WORD", "JOINS P/R", "NOTES", "NOISE", "CER", "WORDS"], rows) { Terminal.out(line) }
    }

    private static func row(_ name: String, _ c: StructureCounts) -> [String] {
        func zone(_ t: ZoneTally) -> String { t.expected == 0 ? "–" : "\(t.right)/\(t.expected) (body \(t.inBody))" }
        func pct(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }
        return [
            name, zone(c.runningHeads), zone(c.pageNumbers), zone(c.footers),
            "\(pct(c.breakPrecision))/\(pct(c.breakRecall))", "\(c.breaksInsideWord)",
            "\(pct(c.joinPrecision))/\(pct(c.joinRecall))", c.footnotesExpected == 0 ? "–" : "\(c.footnotesRight)/\(c.footnotesExpected)",
            "\(c.noiseParagraphs)", String(format: "%.2f%%", c.body.cer * 100), pct(c.bodyWordShare),
        ]
    }
}

/// The rates of a count record (nil where nothing was expected).
struct StructureRates: Encodable {
    var breakPrecision, breakRecall, joinPrecision, joinRecall, bodyWordShare: Double?
    var cer, wer: Double

    init(_ c: StructureCounts) {
        breakPrecision = c.breakPrecision
        breakRecall = c.breakRecall
        joinPrecision = c.joinPrecision
        joinRecall = c.joinRecall
        bodyWordShare = c.bodyWordShare
        cer = c.body.cer
        wer = c.body.wer
    }
}

struct StructureEvalJSON: Encodable {
    struct Page: Encodable {
        var number: Int
        var truth: String
        var counts: StructureCounts
        var rates: StructureRates
        var noise: [String]
    }
    var pages: [Page]
    var total: StructureCounts
    var rates: StructureRates
}
