import Foundation
import QuireCore
import QuireXML
import Testing

/// The three writers: what they write reads back into the same text model (roles, reading order,
/// text, geometry, confidences, hyphenation marks), with namespaces, escaping and sanitising.
@Suite("Writers")
struct WriterTests {
    static func render(_ page: PageText, as format: XMLImport.PageFormat) throws -> [UInt8] {
        switch format {
        case .alto: try ALTOWriter().render(page, imageFileName: "p.png")
        case .pageXML: try PageXMLWriter().render(page, imageFileName: "p.png", created: Date(timeIntervalSince1970: 0))
        case .hOCR: try HOCRWriter().render(page, imageFileName: "p.png")
        }
    }

    static func word(_ text: String, _ x: Int, _ confidence: Confidence?) -> Word {
        Word(text: text, box: BoundingBox(x: x, y: 300, width: 90, height: 40), confidence: confidence)
    }

    /// A page with every role, one region each, in a deliberate order.
    static let sample: PageText = {
        var regions = RegionRole.allCases.enumerated().map { index, role in
            TextRegion(role: role, lines: [TextLine(words: [Word(text: "\(role.rawValue)-\(index)")])], box: BoundingBox(x: 10, y: 10 * index, width: 50, height: 8))
        }
        let body = TextRegion(role: .paragraph, lines: [
            TextLine(words: [word("Bien", 100, 0.96), word("<tag>", 200, 0.5), word("R&D", 300, 1), word("\"dixo\"", 400, 0.25), word("di", 500, 0.9)],
                     box: BoundingBox(left: 100, top: 300, right: 1200, bottom: 350), baseline: Baseline(points: [Point(x: 100, y: 345), Point(x: 1200, y: 347)]),
                     endsWithHyphenationMark: true),
            TextLine(words: [Word(text: "rigía"), Word(text: "á\u{00A0}la"), Word(text: "aldea’s"), Word(text: "𝔉raktur")]),
        ], box: BoundingBox(left: 100, top: 300, right: 1200, bottom: 420))
        regions.insert(body, at: 2)
        return PageText(width: 1450, height: 2000, dpi: 300, regions: regions)
    }()

    @Test("round trip through the reader", arguments: XMLImport.PageFormat.allCases)
    func roundTrip(format: XMLImport.PageFormat) throws {
        let bytes = try Self.render(Self.sample, as: format)
        let back = try XMLImport.read(bytes: bytes, name: "out.\(format.rawValue)")
        #expect(back.width == 1450 && back.height == 2000)
        #expect(back.regions.map(\.role) == Self.sample.regions.map(\.role))
        #expect(back.plainText == Self.sample.plainText)
        #expect(back.regions.map(\.box) == Self.sample.regions.map(\.box))
        let (original, read) = (Self.sample.regions[2].lines, back.regions[2].lines)
        #expect(read.map(\.endsWithHyphenationMark) == [true, false])
        #expect(read[0].words.map(\.box) == original[0].words.map(\.box))
        #expect(read[0].words.map(\.confidence) == original[0].words.map(\.confidence))
        #expect(read[0].box == original[0].box)
        #expect(read[1].words.allSatisfy { $0.box == nil && $0.confidence == nil })
        let baseline = try #require(read[0].baseline?.points)
        let expected = try #require(original[0].baseline?.points)
        #expect(baseline.first.map { abs($0.x - expected[0].x) + abs($0.y - expected[0].y) <= 2 } == true)
        #expect(baseline.last.map { abs($0.x - expected[1].x) + abs($0.y - expected[1].y) <= 2 } == true)
    }

    @Test("namespaces and schema locations", arguments: [
        (XMLImport.PageFormat.alto, ["xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"", "alto-4-2.xsd", "<MeasurementUnit>pixel</MeasurementUnit>", "LABEL=\"RunningTitleZone\""]),
        (.pageXML, ["xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\"", "2019-07-15/pagecontent.xsd", "<Created>1970-01-01T00:00:00Z</Created>", "type=\"page-number\"", "<ReadingOrder>"]),
        (.hOCR, ["xmlns=\"http://www.w3.org/1999/xhtml\"", "class=\"ocr_page\"", "class=\"ocr_carea ocr_pageno\"", "class=\"ocr_par\"", "class=\"ocr_line\"", "class=\"ocrx_word\"", "x_wconf 96", "baseline 0.002 -5"]),
    ])
    func declaresItsFormat(format: XMLImport.PageFormat, needles: [String]) throws {
        let text = String(decoding: try Self.render(Self.sample, as: format), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        for needle in needles { #expect(text.contains(needle), "missing \(needle)") }
        let document = try SafeXMLDocument(bytes: Array(text.utf8), name: "out")
        #expect(try XMLImport.format(of: document) == format)
    }

    @Test("text is escaped", arguments: XMLImport.PageFormat.allCases)
    func escapes(format: XMLImport.PageFormat) throws {
        let text = String(decoding: try Self.render(Self.sample, as: format), as: UTF8.self)
        #expect(text.contains("&lt;tag&gt;"))
        #expect(text.contains("R&amp;D"))
        #expect(!text.contains("<tag>"))
        #expect(!text.contains("R&D"))
    }

    @Test("controls are removed and the page is flagged", arguments: XMLImport.PageFormat.allCases)
    func sanitises(format: XMLImport.PageFormat) throws {
        let dirty = PageText(width: 100, height: 100, regions: [
            TextRegion(role: .paragraph, lines: [TextLine(words: [Word(text: "nul\u{0}"), Word(text: "bell\u{7}"), Word(text: "\u{202E}evil"), Word(text: "\u{1B}"), Word(text: "form\u{C}feed")])]),
        ])
        let bytes = try Self.render(dirty, as: format)
        #expect(!bytes.contains(0))
        #expect(!bytes.contains(7) && !bytes.contains(0x1B) && !bytes.contains(0x0C))
        #expect(String(decoding: bytes, as: UTF8.self).contains("sanitised_text"))
        let back = try XMLImport.read(bytes: bytes, name: "dirty")
        #expect(back.words.map(\.text) == ["nul", "bell", "evil", "formfeed"])
        #expect(back.flags.contains(.sanitisedText))
    }

    @Test("an empty page writes a valid document", arguments: XMLImport.PageFormat.allCases)
    func emptyPage(format: XMLImport.PageFormat) throws {
        let empty = PageText(width: 10, height: 20, regions: [])
        let back = try XMLImport.read(bytes: try Self.render(empty, as: format), name: "empty")
        #expect(back.isEmpty && back.width == 10 && back.height == 20)
    }

    @Test func altoWritesHyphenationAsHypAndSubstitution() throws {
        let text = String(decoding: try Self.render(Self.sample, as: .alto), as: UTF8.self)
        #expect(text.contains("SUBS_TYPE=\"HypPart1\" SUBS_CONTENT=\"dirigía\""))
        #expect(text.contains("SUBS_TYPE=\"HypPart2\" SUBS_CONTENT=\"dirigía\""))
        #expect(text.contains("<HYP CONTENT=\"-\"/>"))
    }

    @Test func corpusPagesSurviveAnAltoRoundTrip() throws {
        // The same page, read from eScriptorium's ALTO, written by Quire and read again.
        let original = try XMLImport.read(bytes: Array(ALTOReaderTests.escriptoriumV4.utf8), name: "v4.xml")
        for format in XMLImport.PageFormat.allCases {
            let again = try XMLImport.read(bytes: try Self.render(original, as: format), name: "again")
            #expect(again.plainText == original.plainText, "\(format)")
            #expect(again.regions.map(\.role) == original.regions.map(\.role), "\(format)")
        }
    }
}
