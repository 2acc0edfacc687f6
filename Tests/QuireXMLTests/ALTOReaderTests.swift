import QuireCore
import QuireXML
import Testing

/// ALTO fixtures, small and written after real producers: eScriptorium v4 with SegmOnto tags,
/// Tesseract 5.3.0 v3 (`tesseract phototest.tif - alto`, trimmed), an ABBYY-style v2 in mm10.
@Suite("ALTO reader")
struct ALTOReaderTests {
    static let escriptoriumV4 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
      <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
      <Tags>
        <OtherTag ID="BT1" LABEL="MainZone"/><OtherTag ID="BT2" LABEL="NumberingZone"/>
        <OtherTag ID="BT3" LABEL="RunningTitleZone"/><OtherTag ID="BT4" LABEL="MarginTextZone:footnote"/>
        <OtherTag ID="BT5" LABEL="MarginTextZone"/><OtherTag ID="LT1" LABEL="DefaultLine"/><OtherTag ID="LT2" LABEL="HeadingLine"/>
      </Tags>
      <Layout><Page WIDTH="1450" HEIGHT="2000" PHYSICAL_IMG_NR="1" ID="p"><PrintSpace HPOS="0" VPOS="0" WIDTH="1450" HEIGHT="2000">
        <TextBlock ID="b1" HPOS="600" VPOS="50" WIDTH="300" HEIGHT="40" TAGREFS="BT3">
          <TextLine ID="l1" TAGREFS="LT2" BASELINE="600 85 900 86" HPOS="600" VPOS="50" WIDTH="300" HEIGHT="40">
            <String CONTENT="DE MI TIERRA" HPOS="600" VPOS="50" WIDTH="300" HEIGHT="40"/></TextLine>
        </TextBlock>
        <TextBlock ID="b2" HPOS="1300" VPOS="50" WIDTH="40" HEIGHT="40" TAGREFS="BT2">
          <TextLine ID="l2" TAGREFS="LT1" HPOS="1300" VPOS="50" WIDTH="40" HEIGHT="40"><String CONTENT="19"/></TextLine>
        </TextBlock>
        <TextBlock ID="b3" HPOS="100" VPOS="200" WIDTH="1200" HEIGHT="100" TAGREFS="BT1">
          <TextLine ID="l3" TAGREFS="LT1" HPOS="100" VPOS="200" WIDTH="1200" HEIGHT="50"><String CONTENT="la alegría con que se di¬"/></TextLine>
          <TextLine ID="l4" TAGREFS="LT1" HPOS="100" VPOS="250" WIDTH="1200" HEIGHT="50"><String CONTENT="rigía á la aldea"/></TextLine>
        </TextBlock>
        <TextBlock ID="b4" HPOS="10" VPOS="300" WIDTH="80" HEIGHT="40" TAGREFS="BT5">
          <TextLine ID="l5" HPOS="10" VPOS="300" WIDTH="80" HEIGHT="40"><String CONTENT="72"/></TextLine>
        </TextBlock>
        <TextBlock ID="b5" HPOS="100" VPOS="1800" WIDTH="1200" HEIGHT="50" TAGREFS="BT4">
          <TextLine ID="l6" HPOS="100" VPOS="1800" WIDTH="1200" HEIGHT="50"><String CONTENT="*) Gott bewahre."/></TextLine>
        </TextBlock>
      </PrintSpace></Page></Layout>
    </alto>
    """

    static let tesseractV3 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <alto xmlns="http://www.loc.gov/standards/alto/ns-v3#" xmlns:xlink="http://www.w3.org/1999/xlink">
     <Description><MeasurementUnit>pixel</MeasurementUnit><OCRProcessing ID="OCR_0"><ocrProcessingStep><processingSoftware>
      <softwareName>tesseract 5.3.0</softwareName></processingSoftware></ocrProcessingStep></OCRProcessing></Description>
     <Layout><Page WIDTH="640" HEIGHT="480" PHYSICAL_IMG_NR="0" ID="page_0"><PrintSpace HPOS="0" VPOS="0" WIDTH="640" HEIGHT="480">
      <ComposedBlock ID="cblock_0" HPOS="36" VPOS="92" WIDTH="582" HEIGHT="269">
       <TextBlock ID="block_0" HPOS="36" VPOS="92" WIDTH="582" HEIGHT="92">
        <TextLine ID="line_0" HPOS="36" VPOS="92" WIDTH="544" HEIGHT="30">
         <String ID="string_0" HPOS="36" VPOS="92" WIDTH="60" HEIGHT="24" WC="0.96" CONTENT="This"/><SP WIDTH="13" VPOS="92" HPOS="96"/>
         <String ID="string_1" HPOS="109" VPOS="92" WIDTH="20" HEIGHT="24" WC="0.91" CONTENT="is"/>
        </TextLine>
       </TextBlock>
      </ComposedBlock>
     </PrintSpace></Page></Layout>
    </alto>
    """

    static let abbyyV2mm10 = """
    <alto xmlns="http://www.loc.gov/standards/alto/ns-v2#">
     <Description><MeasurementUnit>mm10</MeasurementUnit></Description>
     <Layout><Page ID="P1" WIDTH="2540" HEIGHT="2540" PHYSICAL_IMG_NR="1">
      <TopMargin HPOS="0" VPOS="0" WIDTH="2540" HEIGHT="100">
       <TextBlock ID="TB0" HPOS="254" VPOS="25" WIDTH="508" HEIGHT="50"><TextLine HPOS="254" VPOS="25" WIDTH="508" HEIGHT="50"><String CONTENT="CHAPTER"/></TextLine></TextBlock>
      </TopMargin>
      <PrintSpace HPOS="0" VPOS="100" WIDTH="2540" HEIGHT="2000">
       <TextBlock ID="TB1" HPOS="254" VPOS="254" WIDTH="1016" HEIGHT="254">
        <TextLine HPOS="254" VPOS="254" WIDTH="1016" HEIGHT="127" BASELINE="370">
         <String CONTENT="an" WC="0.5" HPOS="254" VPOS="254" WIDTH="100" HEIGHT="127"/><SP/>
         <String CONTENT="exam" SUBS_TYPE="HypPart1" SUBS_CONTENT="example" HPOS="400" VPOS="254" WIDTH="200" HEIGHT="127"/><HYP CONTENT="-"/>
        </TextLine>
        <TextLine HPOS="254" VPOS="381" WIDTH="1016" HEIGHT="127">
         <String CONTENT="ple" SUBS_TYPE="HypPart2" SUBS_CONTENT="example"/><SP/><String CONTENT="text&#xAD;"/>
        </TextLine>
       </TextBlock>
      </PrintSpace>
     </Page></Layout>
    </alto>
    """

    @Test func segmOntoZonesBecomeRolesInDocumentOrder() throws {
        let page = try XMLImport.read(bytes: Array(Self.escriptoriumV4.utf8), name: "v4.xml")
        #expect(page.regions.map(\.role) == [.runningHeader, .pageNumber, .paragraph, .marginalia, .footnote])
        #expect(page.width == 1450 && page.height == 2000)
        #expect(page.provenance?.engine == "alto-import")
        #expect(page.provenance?.detail?.hasPrefix("ALTO 4") == true)
        #expect(page.provenance?.source == "v4.xml")
    }

    @Test func mainZoneOfHeadingLinesIsAHeading() throws {
        // A RunningTitleZone of HeadingLines stays a running title; a MainZone of them is a heading.
        let source = Self.escriptoriumV4.replacingOccurrences(of: "TAGREFS=\"BT3\"", with: "TAGREFS=\"BT1\"")
        let promoted = try XMLImport.read(bytes: Array(source.utf8), name: "v4.xml")
        #expect(promoted.regions[0].role == .heading)
        #expect(promoted.regions[2].role == .paragraph)
        // Footnote lines (a SegmOnto CustomLine subtype) make a MainZone a footnote.
        let footnotes = Self.escriptoriumV4
            .replacingOccurrences(of: "LABEL=\"DefaultLine\"", with: "LABEL=\"CustomLine:footnotes\"")
        #expect(try XMLImport.read(bytes: Array(footnotes.utf8), name: "v4.xml").regions[2].role == .footnote)
    }

    @Test func linesAndWordsKeepGeometryAndTheHyphenationMark() throws {
        let page = try XMLImport.read(bytes: Array(Self.escriptoriumV4.utf8), name: "v4.xml")
        let title = page.regions[0].lines[0]
        #expect(title.words.map(\.text) == ["DE", "MI", "TIERRA"])
        #expect(title.box == BoundingBox(x: 600, y: 50, width: 300, height: 40))
        #expect(title.baseline == Baseline(points: [Point(x: 600, y: 85), Point(x: 900, y: 86)]))
        let body = page.regions[2].lines
        #expect(body[0].endsWithHyphenationMark)
        #expect(body[0].words.last?.text == "di")
        #expect(!body[1].endsWithHyphenationMark)
        #expect(page.plainText.contains("se di-\nrigía á la aldea"))
    }

    @Test func tesseractV3ComposedBlocksConfidencesAndSoftware() throws {
        let page = try XMLImport.read(bytes: Array(Self.tesseractV3.utf8), name: "t.xml")
        #expect(page.regions.count == 1)
        let words = page.words
        #expect(words.map(\.text) == ["This", "is"])
        #expect(words.map(\.confidence) == [0.96, 0.91])
        #expect(words[0].box == BoundingBox(x: 36, y: 92, width: 60, height: 24))
        #expect(page.provenance?.detail == "ALTO 3; tesseract 5.3.0")
    }

    @Test func version2InMm10IsConvertedAndHyphenationIsRead() throws {
        let page = try ALTOReader(assumedDPI: 300).read(bytes: Array(Self.abbyyV2mm10.utf8), name: "v2.xml")
        #expect(page.width == 3000 && page.height == 3000)  // 2540 mm10 = 254 mm = 10 in → 3000 px at 300 dpi
        #expect(page.dpi == 300)
        #expect(page.regions.map(\.role) == [.runningHeader, .paragraph])
        let lines = page.regions[1].lines
        #expect(lines[0].words.map(\.text) == ["an", "exam"])
        #expect(lines[0].endsWithHyphenationMark)
        #expect(lines[0].words[0].confidence == 0.5)
        #expect(lines[0].words[0].box == BoundingBox(x: 300, y: 300, width: 118, height: 150))
        #expect(lines[0].baseline?.points.first?.y == 437)  // v2 BASELINE is one vertical position
        #expect(lines[1].words.map(\.text) == ["ple", "text"])
        #expect(lines[1].endsWithHyphenationMark)  // trailing soft hyphen
        #expect(page.provenance?.detail?.contains("mm10 converted at 300 dpi") == true)
    }

    @Test func readingOrderElementReordersBlocks() throws {
        let source = Self.escriptoriumV4.replacingOccurrences(
            of: "</Layout>", with: "</Layout><ReadingOrder><OrderedGroup ID=\"ro\"><ElementRef ID=\"e1\" REF=\"b3\"/><ElementRef ID=\"e2\" REF=\"b1\"/></OrderedGroup></ReadingOrder>")
        let page = try XMLImport.read(bytes: Array(source.utf8), name: "ro.xml")
        #expect(page.regions.map(\.role) == [.paragraph, .runningHeader, .pageNumber, .marginalia, .footnote])
    }

    @Test func aFileWithTwoPagesOrAnUnknownUnitIsRefused() {
        let twoPages = "<alto><Layout><Page ID=\"a\"/><Page ID=\"b\"/></Layout></alto>"
        let badUnit = "<alto><Description><MeasurementUnit>furlong</MeasurementUnit></Description><Layout><Page ID=\"a\"/></Layout></alto>"
        for (source, needle) in [(twoPages, "2 pages"), (badUnit, "furlong")] {
            #expect {
                try XMLImport.read(bytes: Array(source.utf8), name: "odd.xml")
            } throws: { error in
                let error = error as? XMLError
                return error?.context.file == "odd.xml" && error?.message.contains(needle) == true
            }
        }
    }
}
