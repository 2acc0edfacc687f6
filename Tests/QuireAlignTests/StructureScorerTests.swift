import QuireAlign
import QuireCore
import Testing

/// Each metric of the structural evaluation on tiny hand-made pages, where it is right and where
/// it must report an error.
@Suite("Structure scorer")
struct StructureScorerTests {
    typealias Line = StructureTruth.Line

    static let paragraphs: [[Line]] = [
        [Line("The morning was grey and the river ran high"), Line("under the old stone bridge of the town.")],
        [Line("Nobody spoke of the flood that had come before.")],
    ]
    static let bodyText = "The morning was grey and the river ran high under the old stone bridge of the town.\n\nNobody spoke of the flood that had come before."

    static func page(zones: [StructureTruth.Zone] = [], blocks: [[Line]] = paragraphs, footnotes: [String] = []) -> StructureTruth {
        StructureTruth(zones: zones, blocks: blocks, footnotes: footnotes)
    }

    static func score(_ truth: StructureTruth, _ hypothesis: StructureHypothesis) -> StructureCounts {
        StructureScorer.score(truth: [truth], hypotheses: [hypothesis])[0]
    }

    static let head = StructureTruth.Zone(kind: .runningHead, text: "THE HISTORY OF THE TOWN", field: .header)

    @Test("A running head in the header is right, even misread; in the body or lost it is not")
    func runningHead() {
        let truth = Self.page(zones: [Self.head])
        let right = Self.score(truth, StructureHypothesis(header: "THE HISTORY OF THE TOWN", body: Self.bodyText))
        #expect(right.runningHeads.expected == 1 && right.runningHeads.right == 1)
        let misread = Self.score(truth, StructureHypothesis(header: "THE HlSTORY 0F THE TOWN", body: Self.bodyText))
        #expect(misread.runningHeads.right == 1)
        let inBody = Self.score(truth, StructureHypothesis(body: "THE HISTORY OF THE TOWN\n\n" + Self.bodyText))
        #expect(inBody.runningHeads.right == 0 && inBody.runningHeads.inBody == 1)
        #expect(inBody.noiseParagraphs == 0, "furniture in the body is counted as such, not as noise")
        let lost = Self.score(truth, StructureHypothesis(body: Self.bodyText))
        #expect(lost.runningHeads.missing == 1)
    }

    @Test("A page number belongs in the field of the half it is printed in")
    func pageNumberField() {
        let truth = Self.page(zones: [StructureTruth.Zone(kind: .pageNumber, text: "12", field: .footer)])
        #expect(Self.score(truth, StructureHypothesis(body: Self.bodyText, footer: "12")).pageNumbers.right == 1)
        let header = Self.score(truth, StructureHypothesis(header: "12", body: Self.bodyText))
        #expect(header.pageNumbers.right == 0 && header.pageNumbers.otherField == 1)
        let body = Self.score(truth, StructureHypothesis(body: Self.bodyText + "\n\n12"))
        #expect(body.pageNumbers.inBody == 1)
        #expect(Self.score(truth, StructureHypothesis(body: Self.bodyText, footer: "13")).pageNumbers.missing == 1, "a short number must match exactly")
    }

    @Test("A line of the body taken into the header is reported")
    func bodyInHeader() {
        let truth = Self.page()
        let counts = Self.score(truth, StructureHypothesis(header: "Nobody spoke of the flood that had come before.", body: Self.paragraphs[0].map(\.text).joined(separator: " ")))
        #expect(counts.bodyLinesInFurniture == 1)
        #expect(Self.score(truth, StructureHypothesis(body: Self.bodyText)).bodyLinesInFurniture == 0)
    }

    @Test("Paragraph breaks: right, missing, and false ones")
    func breaks() {
        let truth = Self.page()
        let right = Self.score(truth, StructureHypothesis(body: Self.bodyText))
        #expect(right.breaksExpected == 1 && right.breaksFound == 1 && right.breaksRight == 1)
        let joined = Self.score(truth, StructureHypothesis(body: Self.bodyText.replacingOccurrences(of: "\n\n", with: " ")))
        #expect(joined.breaksRight == 0 && joined.breakRecall == 0)
        let misplaced = Self.score(truth, StructureHypothesis(body: "The morning was grey and the river ran high\n\nunder the old stone bridge of the town. Nobody spoke of the flood that had come before."))
        #expect(misplaced.breaksFound == 1 && misplaced.breaksRight == 0 && misplaced.breakPrecision == 0)
        let misread = Self.score(truth, StructureHypothesis(body: "Tbe rnorning was grey and the river ran high under the old stone bridge of the tovvn.\n\nNobody spoke of the flood that had come before."))
        #expect(misread.breaksRight == 1, "OCR errors next to a break do not move it")
    }

    @Test("A paragraph break inside a hyphenated word is reported")
    func breakInsideWord() {
        let truth = Self.page(blocks: [[Line("The morning was grey and the ri-"), Line("ver ran high.")]])
        let counts = Self.score(truth, StructureHypothesis(body: "The morning was grey and the ri-\n\nver ran high."))
        #expect(counts.breaksInsideWord == 1)
        #expect(Self.score(truth, StructureHypothesis(body: "The morning was grey and the river ran high.")).breaksInsideWord == 0)
    }

    @Test("Line-end hyphens: a division must be joined, a compound kept")
    func joins() {
        let truth = Self.page(blocks: [[Line("The morning was grey and the ri-"), Line("ver ran high by the well-"), Line("known bridge, a well-known place.")]])
        let right = Self.score(truth, StructureHypothesis(body: "The morning was grey and the river ran high by the well-known bridge, a well-known place."))
        #expect(right.joinsExpected == 1 && right.joinsRight == 1 && right.keepsExpected == 1 && right.keepsRight == 1)
        #expect(right.joinPrecision == 1 && right.joinRecall == 1)
        let wrong = Self.score(truth, StructureHypothesis(body: "The morning was grey and the ri-ver ran high by the wellknown bridge, a well-known place."))
        #expect(wrong.joinsMissed == 1 && wrong.keepsJoined == 1 && wrong.joinPrecision == 0 && wrong.joinRecall == 0)
        let unjoined = Self.score(truth, StructureHypothesis(body: "The morning was grey and the ri- ver ran high."))
        #expect(unjoined.joinsMissed == 1)
        let misread = Self.score(truth, StructureHypothesis(body: "The morning was grey and the ri~ ver ran high."))
        #expect(misread.joinsMissed == 1, "a hyphen the OCR misread is still a division left in the text")
    }

    @Test("A hyphen the source marked as a division is always a join")
    func markedDivision() {
        let truth = Self.page(blocks: [[Line("the well", markedHyphen: true), Line("known bridge, a well-known place and Gottes Wort¬"), Line("reich")]])
        let counts = Self.score(truth, StructureHypothesis(body: "the wellknown bridge, a well-known place and Gottes Wortreich"))
        #expect(counts.joinsExpected == 2 && counts.joinsRight == 2 && counts.keepsExpected == 0)
    }

    @Test("A word divided across pages needs {{hws}} and {{hwe}} naming the whole word")
    func crossPage() {
        let first = Self.page(blocks: [[Line("Para eso estará la bi-")]]), second = Self.page(blocks: [[Line("bliotecaria, la señorita Rosa.")]])
        let good = StructureScorer.score(truth: [first, second], hypotheses: [
            StructureHypothesis(body: "Para eso estará la bi-", endsWithDividedWord: .init(part: "bi", whole: "bibliotecaria")),
            StructureHypothesis(body: "bliotecaria, la señorita Rosa.", startsWithDividedWord: .init(part: "bliotecaria", whole: "bibliotecaria")),
        ])
        #expect(good[0].crossPageExpected == 1 && good[0].crossPageRight == 1)
        let bad = StructureScorer.score(truth: [first, second], hypotheses: [
            StructureHypothesis(body: "Para eso estará la bi-"), StructureHypothesis(body: "bliotecaria, la señorita Rosa."),
        ])
        #expect(bad[0].crossPageExpected == 1 && bad[0].crossPageRight == 0)
    }

    @Test("Footnotes: in a <ref>, left in the body, lost; refs that are no footnote")
    func footnotes() {
        let note = "¹ El orador aludía a su propia infancia: aprendió a leer a los once años."
        let truth = Self.page(footnotes: [note])
        let right = Self.score(truth, StructureHypothesis(body: Self.bodyText, notes: ["El orador aludía a su propia infancia: aprendió a leer a los once años."]))
        #expect(right.footnotesExpected == 1 && right.footnotesRight == 1 && right.refsSpurious == 0)
        let inBody = Self.score(truth, StructureHypothesis(body: Self.bodyText + "\n\n" + note))
        #expect(inBody.footnotesInBody == 1 && inBody.footnotesRight == 0)
        let spurious = Self.score(truth, StructureHypothesis(body: Self.bodyText, notes: ["the flood that had come before"]))
        #expect(spurious.footnotesMissing == 1 && spurious.refsSpurious == 1)
    }

    @Test("Noise: specks and bleed-through in the body are counted, text of the page is not")
    func noise() {
        let truth = Self.page()
        #expect(Self.score(truth, StructureHypothesis(body: Self.bodyText)).noiseParagraphs == 0)
        #expect(Self.score(truth, StructureHypothesis(body: Self.bodyText + "\n\n.:")).noiseParagraphs == 1)
        #expect(Self.score(truth, StructureHypothesis(body: "ri\n\n" + Self.bodyText)).noiseParagraphs == 1)
        #expect(Self.score(truth, StructureHypothesis(body: Self.bodyText + "\n\nzzqx vbnmk wqpj kxzv")).noiseParagraphs == 1)
        #expect(Self.score(truth, StructureHypothesis(body: Self.bodyText + "\n\nthe rlver ran")).noiseParagraphs == 0, "misread words of the page are not noise")
    }

    @Test("Body text: CER and the share of the ground truth's words found")
    func bodyText() {
        let truth = Self.page(zones: [Self.head])
        let perfect = Self.score(truth, StructureHypothesis(header: "THE HISTORY OF THE TOWN", body: Self.bodyText))
        #expect(perfect.body.cer == 0 && perfect.bodyWordShare == 1)
        let half = Self.score(truth, StructureHypothesis(body: "The morning was grey and the river ran high under the old stone bridge of the town."))
        #expect(half.body.cer > 0.2 && half.bodyWordShare! < 0.7)
    }

    @Test("A missing page counts everything expected of it as missing")
    func missingPage() {
        let counts = StructureScorer.score(truth: [Self.page(zones: [Self.head], footnotes: ["a note of the page"])], hypotheses: [nil])[0]
        #expect(counts.pages == 1 && counts.runningHeads.missing == 1 && counts.footnotesMissing == 1 && counts.bodyWordShare == 0)
    }

    @Test("Ground truth from an import: roles give the zones, the field of a page number is its half")
    func truthFromRoles() {
        func region(_ role: RegionRole, _ text: String, top: Int) -> TextRegion {
            TextRegion(role: role, lines: [TextLine(words: text.split(separator: " ").map { Word(text: String($0)) })], box: BoundingBox(left: 0, top: top, right: 100, bottom: top + 20))
        }
        let page = PageText(width: 100, height: 1000, regions: [
            region(.runningHeader, "THE TOWN", top: 10), region(.paragraph, "Some text here", top: 100),
            region(.footnote, "1 A note", top: 900), region(.pageNumber, "12", top: 960), region(.marginalia, "aside", top: 300),
        ])
        let truth = StructureTruth(page: page)
        #expect(truth.zones.map(\.field) == [.header, .footer])
        #expect(truth.blocks.count == 1 && truth.footnotes == ["1 A note"])
        #expect(truth.allLines.contains("aside"))
    }
}
