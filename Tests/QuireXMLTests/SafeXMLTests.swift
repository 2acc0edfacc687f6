import Foundation
import QuireCore
import QuireTestSupport
import QuireXML
import Testing

@Suite("Safe XML parsing")
struct SafeXMLTests {
    @Test("formats are recognised", arguments: [
        ("<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout/></alto>", XMLFormat.alto),
        ("<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\"><Page/></PcGts>", .pageXML),
        ("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><div class=\"ocr_page\"/></body></html>", .hOCR),
        ("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\"/>", .mediaWikiExport),
    ])
    func recognises(xml: String, format: XMLFormat) throws {
        #expect(try SafeXMLDocument(bytes: Array(xml.utf8), name: "x.xml").format == format)
    }

    @Test func unknownRootIsNotAFormat() throws {
        #expect(try SafeXMLDocument(bytes: Array("<notes><a/></notes>".utf8), name: "n.xml").format == nil)
    }

    @Test func externalEntityIsNeverRead() throws {
        let folder = try TemporaryDirectory()
        let canary = try folder.write("canary.txt", text: "CANARY-SECRET")
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE alto [<!ENTITY x SYSTEM \"file://\(canary)\">]><alto>&x;</alto>"
        do {
            _ = try SafeXMLDocument(bytes: Array(xml.utf8), name: "xxe.xml")
            Issue.record("a document with a DTD was accepted")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("DTD"))
            #expect(!error.description.contains("CANARY-SECRET"))
        }
    }

    @Test func billionLaughsFailsFast() throws {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for level in 1...9 { xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">" }
        xml += "]><alto>&lol9;</alto>"
        let start = ContinuousClock.now
        #expect(throws: XMLError.self) { try SafeXMLDocument(bytes: Array(xml.utf8), name: "lol.xml") }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func deepNestingIsRefused() {
        let xml = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(throws: XMLError.self) { try SafeXMLDocument(bytes: Array(xml.utf8), name: "deep.xml") }
    }

    @Test func malformedAndEmptyAndGzipAreClearErrors() {
        for (bytes, code) in [(Array("<alto><unclosed></alto>".utf8), ErrorCode.invalidInput), ([], .emptyInput), ([0x1F, 0x8B, 8, 0, 0, 0], .unsupportedFormat)] {
            do {
                _ = try SafeXMLDocument(bytes: bytes, name: "bad.xml")
                Issue.record("bad input accepted")
            } catch {
                #expect(error.code == code)
                #expect(error.context.file == "bad.xml")
            }
        }
    }

    @Test(.enabled(if: RepositoryPaths.hasSharedCorpora, "\(RepositoryPaths.sharedMissingMessage)"))
    func realALTOFromTheSharedCorpus() throws {
        let folder = try #require(RepositoryPaths.sharedCorpora) + "/es-fondue-print-19"
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var checked = 0
        while let name = enumerator?.nextObject() as? String, checked < 3 {
            guard name.hasSuffix(".xml") else { continue }
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            #expect(try SafeXMLDocument(bytes: bytes, name: name).format == .alto)
            checked += 1
        }
        #expect(checked > 0)
    }
}
