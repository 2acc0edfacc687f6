import QuireCore
import QuireXML
import Testing

/// hOCR fixtures in the three flavours: Tesseract 5.3.0 (`tesseract phototest.tif - hocr`,
/// trimmed, its XHTML doctype kept), Kraken (`ocr_line` + `ocrx_word` with `x_confs` 0–1 and a
/// polyline baseline) and OCRopus (`ocropus-hocr`: plain-text `ocr_line` spans).
@Suite("hOCR reader")
struct HOCRReaderTests {
    static let tesseract = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
        "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
    <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
     <head>
      <title></title>
      <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
      <meta name='ocr-system' content='tesseract 5.3.0' />
      <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf'/>
     </head>
     <body>
      <div class='ocr_page' id='page_1' title='image "/tmp/phototest.tif"; bbox 0 0 640 480; ppageno 0; scan_res 200 200'>
       <div class='ocr_carea' id='block_1_1' title="bbox 36 20 300 50">
        <p class='ocr_par' id='par_1_1' lang='eng' title="bbox 36 20 300 50">
         <span class='ocr_header' id='line_1_1' title="bbox 36 20 300 50; baseline 0 -5; x_size 30">
          <span class='ocrx_word' id='word_1_1' title='bbox 36 20 150 50; x_wconf 90'>CHAPTER</span>
          <span class='ocrx_word' id='word_1_2' title='bbox 160 20 300 50; x_wconf 88'>ONE</span>
         </span>
        </p>
       </div>
       <div class='ocr_carea' id='block_1_2' title="bbox 36 92 618 184">
        <p class='ocr_par' id='par_1_2' lang='eng' title="bbox 36 92 618 184">
         <span class='ocr_line' id='line_1_2' title="bbox 36 92 580 122; baseline 0.01 -6; x_size 30; x_descenders 6; x_ascenders 6">
          <span class='ocrx_word' id='word_1_3' title='bbox 36 92 96 116; x_wconf 96'>This</span>
          <span class='ocrx_word' id='word_1_4' title='bbox 109 92 129 116; x_wconf 95'>is</span>
          <span class='ocrx_word' id='word_1_5' title='bbox 141 98 200 116; x_wconf 94'><strong>R&amp;D</strong></span>
         </span>
         <span class='ocr_line' id='line_1_3' title="bbox 36 126 618 157; baseline 0 -7">
          <span class='ocrx_word' id='word_1_6' title='bbox 36 132 81 150; x_wconf 91'>code</span>
         </span>
        </p>
       </div>
      </div>
     </body>
    </html>
    """

    static let kraken = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
    <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de" lang="de">
    <head><meta name="ocr-system" content="kraken"/><meta name="ocr-capabilities" content="ocr_page ocr_line ocrx_word"/></head>
    <body>
    <div class="ocr_page" title="bbox 0 0 1000 800; image page.png">
    <span class="ocr_line" id="line_0" title="bbox 10 10 500 40; baseline 10,35 250,36 500,37; x_confs 0.9 0.8">
    <span class="ocrx_word" id="segment_0" title="bbox 10 10 100 40; x_confs 1.0 0.9 0.8 0.9">Dies</span> <span class="ocrx_word" id="segment_1" title="bbox 110 10 200 40; x_confs 0.5 0.7 0.6">iſt</span>
    <span class="ocrx_word" id="segment_2" title="bbox 210 10 300 40; x_confs 0.9">ver¬</span>
    </span><br/>
    <span class="ocr_line" id="line_1" title="bbox 10 50 500 80"><span class="ocrx_word" title="bbox 10 50 200 80; x_confs 0.9">bunden</span></span><br/>
    </div></body></html>
    """

    static let ocropus = """
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
    <html xmlns="http://www.w3.org/1999/xhtml">
    <head><meta name="ocr-capabilities" content="ocr_line ocr_page" /><title>OCR Output</title></head>
    <body>
    <div class="ocr_page" title="bbox 0 0 2000 3000; file book/0001.bin.png">
    <span class="ocr_line" title="bbox 100 200 900 240">Plain text line</span><br />
    <span class="ocr_line" title="bbox 100 250 900 290">and another one</span><br />
    </div></body></html>
    """

    @Test func tesseractAreasLinesWordsAndConfidences() throws {
        let page = try XMLImport.read(bytes: Array(Self.tesseract.utf8), name: "t.hocr")
        #expect(page.width == 640 && page.height == 480 && page.dpi == 200)
        #expect(page.regions.map(\.role) == [.heading, .paragraph])  // Tesseract's ocr_header line
        let body = page.regions[1]
        #expect(body.box == BoundingBox(left: 36, top: 92, right: 618, bottom: 184))
        #expect(body.lines.map(\.text) == ["This is R&D", "code"])
        let first = body.lines[0]
        #expect(first.words.map(\.confidence) == [0.96, 0.95, 0.94])
        #expect(first.words[0].box == BoundingBox(left: 36, top: 92, right: 96, bottom: 116))
        // baseline 0.01 -6 from the bottom-left corner (36, 122) of a line 544 px wide.
        #expect(first.baseline == Baseline(points: [Point(x: 36, y: 116), Point(x: 580, y: 121)]))
        #expect(page.provenance?.engine == "hocr-import")
        #expect(page.provenance?.detail == "hOCR; tesseract 5.3.0")
    }

    @Test func krakenCharacterConfidencesPolylineBaselineAndHyphenation() throws {
        let page = try XMLImport.read(bytes: Array(Self.kraken.utf8), name: "k.hocr")
        #expect(page.regions.count == 1)
        let lines = page.regions[0].lines
        #expect(lines.map(\.text) == ["Dies iſt ver", "bunden"])
        #expect(lines[0].endsWithHyphenationMark)
        let confidences = lines[0].words.compactMap(\.confidence)
        #expect(confidences.count == 3)
        #expect(abs(confidences[0] - 0.9) < 1e-9 && abs(confidences[1] - 0.6) < 1e-9)
        #expect(lines[0].baseline?.points == [Point(x: 10, y: 35), Point(x: 250, y: 36), Point(x: 500, y: 37)])
        #expect(page.plainText == "Dies iſt ver-\nbunden")
    }

    @Test func ocropusPlainLinesBecomeWordsWithoutBoxes() throws {
        let page = try XMLImport.read(bytes: Array(Self.ocropus.utf8), name: "o.html")
        #expect(page.width == 2000 && page.height == 3000)
        #expect(page.regions.count == 1)
        #expect(page.regions[0].lines.map(\.text) == ["Plain text line", "and another one"])
        #expect(page.regions[0].lines[0].box == BoundingBox(left: 100, top: 200, right: 900, bottom: 240))
        #expect(page.words.allSatisfy { $0.box == nil && $0.confidence == nil })
    }

    @Test("XHTML that is not hOCR, or holds several pages, is refused", arguments: [
        ("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>hello</p></body></html>", "without an ocr_page"),
        ("<html><body><div class='ocr_page' title='bbox 0 0 1 1'/><div class='ocr_page' title='bbox 0 0 1 1'/></body></html>", "2 ocr_page"),
    ])
    func notHOCR(source: String, needle: String) {
        #expect {
            try XMLImport.read(bytes: Array(source.utf8), name: "x.html")
        } throws: { error in
            (error as? XMLError)?.context.file == "x.html" && (error as? XMLError)?.message.contains(needle) == true
        }
    }

    @Test func doctypesOtherThanBareXHTMLAreStillRefused() {
        let withSubset = Self.tesseract.replacingOccurrences(of: "xhtml1-transitional.dtd\">", with: "xhtml1-transitional.dtd\" [<!ENTITY x \"y\">]>")
        let elsewhere = Self.tesseract.replacingOccurrences(of: "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd", with: "file:///etc/passwd")
        for source in [withSubset, elsewhere] {
            #expect(throws: XMLError.self) { try XMLImport.read(bytes: Array(source.utf8), name: "d.hocr") }
        }
    }
}
