import QuireCore
import QuireXML
import Testing

/// PAGE fixtures written after OCR-D/DTA ground truth (2019) and Transkribus/eScriptorium
/// exports (2013): region types, reading order, text at word, line and region level.
@Suite("PAGE-XML reader")
struct PageXMLReaderTests {
    static func document(namespace: String, body: String, readingOrder: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/\(namespace)">
          <Metadata><Creator>Deutsches Textarchiv</Creator><Created>2018-03-22T07:10:14</Created><LastChange>2023-03-15T10:12:49</LastChange></Metadata>
          <Page imageFilename="p.jpg" imageWidth="1318" imageHeight="2366">
            \(readingOrder)
            \(body)
          </Page>
        </PcGts>
        """
    }

    static let regions = """
    <TextRegion id="fn" type="footnote"><Coords points="100,2000 1200,2000 1200,2100 100,2100"/>
      <TextEquiv><Unicode>*) Gott bewahre.</Unicode></TextEquiv></TextRegion>
    <TextRegion id="body" type="paragraph"><Coords points="100,300 1200,300 1200,900 100,900"/>
      <TextLine id="l2"><Coords points="100,400 1200,400 1200,450 100,450"/><TextEquiv><Unicode>Schnitze††).“</Unicode></TextEquiv></TextLine>
      <TextLine id="l1"><Coords points="100,300 1200,300 1200,350 100,350"/><Baseline points="100,345 600,346 1200,347"/>
        <TextEquiv><Unicode>„B'huͤtis Gott!*) fiel ſie mir laͤ¬</Unicode></TextEquiv></TextLine>
      <TextEquiv><Unicode>„B'huͤtis Gott!*) fiel ſie mir laͤ¬
    Schnitze††).“</Unicode></TextEquiv></TextRegion>
    <TextRegion id="pn" type="page-number"><Coords points="600,100 700,100 700,150 600,150"/>
      <TextLine id="l0"><Coords points="600,100 700,100 700,150 600,150"/><TextEquiv><Unicode>— 21 —</Unicode></TextEquiv></TextLine></TextRegion>
    <TextRegion id="hd" type="header"><Coords points="0,0 10,0 10,10 0,10"/><TextLine id="l9"><Coords points="0,0 10,0 10,10 0,10"/><TextEquiv><Unicode>Mimili.</Unicode></TextEquiv></TextLine></TextRegion>
    <TextRegion id="mg" type="marginalia"><Coords points="0,500 50,500 50,600 0,600"/><TextLine id="l8"><Coords points="0,500 50,500 50,600 0,600"/><TextEquiv><Unicode>72</Unicode></TextEquiv></TextLine></TextRegion>
    <TextRegion id="ft" type="footer"><Coords points="0,2300 10,2300 10,2310 0,2310"/><TextLine id="l7"><Coords points="0,2300 10,2300 10,2310 0,2310"/><TextEquiv><Unicode>B 2</Unicode></TextEquiv></TextLine></TextRegion>
    """

    static let order = """
    <ReadingOrder><OrderedGroup id="ro" caption="Regions reading order">
      <RegionRefIndexed regionRef="body" index="2"/><RegionRefIndexed regionRef="pn" index="1"/>
      <RegionRefIndexed regionRef="hd" index="0"/><RegionRefIndexed regionRef="fn" index="3"/>
    </OrderedGroup></ReadingOrder>
    """

    @Test("both schema versions", arguments: ["2013-07-15", "2019-07-15"])
    func regionTypesAndReadingOrder(namespace: String) throws {
        let page = try XMLImport.read(bytes: Array(Self.document(namespace: namespace, body: Self.regions, readingOrder: Self.order).utf8), name: "dta.xml")
        // Ordered by index; regions the order leaves out follow in document order.
        #expect(page.regions.map(\.role) == [.runningHeader, .pageNumber, .paragraph, .footnote, .marginalia, .footer])
        #expect(page.width == 1318 && page.height == 2366)
        #expect(page.provenance?.detail == "PAGE \(namespace); Deutsches Textarchiv")
        #expect(page.dpi == nil)
    }

    @Test func linesFollowTheRegionTextAndKeepGeometry() throws {
        let page = try XMLImport.read(bytes: Array(Self.document(namespace: "2019-07-15", body: Self.regions).utf8), name: "dta.xml")
        let body = try #require(page.regions.first { $0.role == .paragraph })
        #expect(body.lines.map(\.text) == ["„B'huͤtis Gott!*) fiel ſie mir laͤ", "Schnitze††).“"])
        #expect(body.lines[0].endsWithHyphenationMark)
        #expect(body.lines[0].box == BoundingBox(x: 100, y: 300, width: 1100, height: 50))
        #expect(body.lines[0].baseline?.points.count == 3)
        #expect(body.box == BoundingBox(x: 100, y: 300, width: 1100, height: 600))
        // A region with text but no lines gets lines from its text.
        let footnote = try #require(page.regions.first { $0.role == .footnote })
        #expect(footnote.lines.map(\.text) == ["*) Gott bewahre."])
    }

    @Test func wordTextWinsAndTheBestTextEquivIsChosen() throws {
        let body = """
        <TextRegion id="r" type="paragraph"><Coords points="0,0 500,0 500,100 0,100"/>
          <TextLine id="l"><Coords points="0,0 500,0 500,50 0,50"/>
            <Word id="w1"><Coords points="0,0 100,0 100,50 0,50"/>
              <TextEquiv index="1" conf="0.99"><Unicode>Tbe</Unicode></TextEquiv><TextEquiv index="0" conf="0.6"><Unicode>The</Unicode></TextEquiv></Word>
            <Word id="w2"><Coords points="120,0 300,0 300,50 120,50"/>
              <TextEquiv conf="0.2"><Unicode>qnick</Unicode></TextEquiv><TextEquiv conf="0.8"><Unicode>quick</Unicode></TextEquiv></Word>
            <TextEquiv><Unicode>line text that is not used</Unicode></TextEquiv>
          </TextLine>
          <TextLine id="l2" custom="readingOrder {index:1;}"><Coords points="0,50 500,50 500,100 0,100"/><TextEquiv conf="0.7"><Unicode>fox jumps</Unicode></TextEquiv></TextLine>
        </TextRegion>
        """
        let page = try XMLImport.read(bytes: Array(Self.document(namespace: "2019-07-15", body: body).utf8), name: "w.xml")
        let lines = page.regions[0].lines
        #expect(lines[0].words.map(\.text) == ["The", "quick"])
        #expect(lines[0].words.map(\.confidence) == [0.6, 0.8])
        #expect(lines[0].words[1].box == BoundingBox(x: 120, y: 0, width: 180, height: 50))
        #expect(lines[1].words.map(\.text) == ["fox", "jumps"])
        #expect(lines[1].words.map(\.confidence) == [0.7, 0.7])
    }

    @Test func eScriptoriumStructureTypesNameTheRole() throws {
        let body = """
        <TextRegion id="a" custom="structure {type:RunningTitleZone;}"><Coords points="0,0 1,0 1,1 0,1"/><TextEquiv><Unicode>DE MI TIERRA</Unicode></TextEquiv></TextRegion>
        <TextRegion id="b" custom="structure {type:NumberingZone;}"><Coords points="0,0 1,0 1,1 0,1"/><TextEquiv><Unicode>19</Unicode></TextEquiv></TextRegion>
        <TextRegion id="c" custom="structure {type:MarginTextZone;}"><Coords points="0,0 1,0 1,1 0,1"/><TextEquiv><Unicode>nota</Unicode></TextEquiv></TextRegion>
        <TableRegion id="t"><Coords points="0,0 1,0 1,1 0,1"/><TextRegion id="cell"><Coords points="0,0 1,0 1,1 0,1"/><TextEquiv><Unicode>1816</Unicode></TextEquiv></TextRegion></TableRegion>
        """
        let page = try XMLImport.read(bytes: Array(Self.document(namespace: "2019-07-15", body: body).utf8), name: "e.xml")
        #expect(page.regions.map(\.role) == [.runningHeader, .pageNumber, .marginalia, .table])
    }

    @Test("resolution", arguments: [("imageXResolution=\"300\"", 300), ("imageXResolution=\"118.11\" imageResolutionUnit=\"PPCM\"", 300), ("imageXResolution=\"72\" imageResolutionUnit=\"other\"", nil)])
    func resolution(attributes: String, dpi: Int?) throws {
        let source = Self.document(namespace: "2019-07-15", body: "").replacingOccurrences(of: "imageHeight=\"2366\"", with: "imageHeight=\"2366\" \(attributes)")
        #expect(try XMLImport.read(bytes: Array(source.utf8), name: "r.xml").dpi == dpi)
    }

    @Test func pageWithoutPageElementIsAClearError() {
        let source = "<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\"><Metadata/></PcGts>"
        #expect {
            try XMLImport.read(bytes: Array(source.utf8), name: "empty-page.xml")
        } throws: { error in
            (error as? XMLError)?.context.file == "empty-page.xml" && (error as? XMLError)?.message.contains("no Page") == true
        }
    }
}
