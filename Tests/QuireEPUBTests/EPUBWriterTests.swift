import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import QuireCore
import QuireEPUB
import QuireTestSupport
import Testing

@Suite("EPUB writer")
struct EPUBWriterTests {
    @Test func mimetypeComesFirstAndIsStored() throws {
        let entries = try EPUBWriter.read(try EPUBWriter.write(EPUBFixture.book()))
        let first = try #require(entries.first)
        #expect(first.path == "mimetype")
        #expect(first.stored)
        #expect(String(decoding: first.bytes, as: UTF8.self) == "application/epub+zip")
        // The raw bytes: the local header of a stored `mimetype` at offset 0, its content at 38.
        let bytes = try EPUBWriter.write(EPUBFixture.book())
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
    }

    @Test func twoExportsOfTheSameBookAreByteIdentical() throws {
        let one = try EPUBWriter.write(EPUBFixture.book(cover: true))
        let two = try EPUBWriter.write(EPUBFixture.book(cover: true))
        #expect(one == two)
        var changed = EPUBFixture.book(cover: true)
        changed.modified = "2026-12-08T00:00:00Z"
        #expect(try EPUBWriter.write(changed) != one)
    }

    @Test func theChaptersReadAsTheJoinedText() throws {
        let book = EPUBFixture.book()
        let (body, notes) = EPUBFixture.chapterText(try EPUBFixture.files(try EPUBWriter.write(book)))
        let works = book.text.works.flatMap(\.blocks).map { $0.lines.map(BookInline.plain).joined(separator: " ") }.joined(separator: " ")
        // The hostile paragraph loses what XML cannot hold (a control character, an override).
        let expected = EPUBFixture.normalised(works.replacingOccurrences(of: "\u{0007}", with: "").replacingOccurrences(of: "\u{202E}", with: ""))
        #expect(body == expected)
        #expect(notes == EPUBFixture.normalised(book.text.notes.map { BookInline.plain($0.content) }.joined(separator: " ")))
    }

    @Test func everyXMLFileIsWellFormed() throws {
        for cover in [false, true] {
            for (path, text) in try EPUBFixture.files(try EPUBWriter.write(EPUBFixture.book(hostileTitle: true, cover: cover)))
            where path.hasSuffix(".xhtml") || path.hasSuffix(".opf") || path.hasSuffix(".xml") {
                let parser = XMLParser(data: Data(text.utf8))
                #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
            }
        }
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let files = try EPUBFixture.files(try EPUBWriter.write(EPUBFixture.book(hostileTitle: true)))
        for (path, text) in files where path.hasSuffix(".xhtml") || path.hasSuffix(".opf") {
            #expect(!text.contains("<script>"), "\(path)")
            #expect(!text.contains("]]>"), "\(path)")
            #expect(!text.contains("\u{0007}") && !text.contains("\u{202E}"), "\(path)")
        }
        #expect(files["EPUB/text/title.xhtml"]?.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt;") == true)
        #expect(files["EPUB/content.opf"]?.contains("<dc:title id=\"title\">Título &lt;script&gt;") == true)
    }

    @Test func thePageListHasOneEntryPerPrintedPageAtItsPlace() throws {
        let files = try EPUBFixture.files(try EPUBWriter.write(EPUBFixture.book()))
        let nav = try #require(files["EPUB/nav.xhtml"])
        let pageList = try #require(nav.range(of: "epub:type=\"page-list\"").map { String(nav[$0.lowerBound...]) })
        let entries = pageList.matches(of: #/<li><a href="text/(chapter-\d+\.xhtml)#(page-\d+)">([^<]*)</a></li>/#)
        #expect(entries.map { String($0.output.3) } == ["1", "2"])
        for entry in entries {
            let chapter = try #require(files["EPUB/text/\(entry.output.1)"])
            #expect(chapter.contains("id=\"\(entry.output.2)\" title=\"\(entry.output.3)\""))
        }
        // The second printed page starts inside the paragraph that runs over the break.
        #expect(files["EPUB/text/chapter-001.xhtml"]?.contains("es de todos, y <span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-2\" title=\"1\"></span>su lectura") == true)
    }

    @Test func notesAreNoterefFootnotePairsWithLinksBack() throws {
        let files = try EPUBFixture.files(try EPUBWriter.write(EPUBFixture.book()))
        let chapter = try #require(files["EPUB/text/chapter-001.xhtml"])
        #expect(chapter.contains("<a epub:type=\"noteref\" role=\"doc-noteref\" id=\"ref-1\" href=\"chapter-001.xhtml#note-1\">1</a>"))
        #expect(chapter.contains("<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"note-1\"><p><a href=\"chapter-001.xhtml#ref-1\" role=\"doc-backlink\">1.</a> Una nota"))
    }

    @Test func headingsStartChaptersAndVerseKeepsItsIndentsAndRightToLeftTextItsDirection() throws {
        let files = try EPUBFixture.files(try EPUBWriter.write(EPUBFixture.book()))
        let nav = try #require(files["EPUB/nav.xhtml"])
        #expect(nav.contains("<li><a href=\"text/chapter-001.xhtml\">DISCURSO pronunciado en 1931</a></li>"))
        #expect(nav.contains("<li><a href=\"text/chapter-002.xhtml\">II</a></li>"))
        let first = try #require(files["EPUB/text/chapter-001.xhtml"])
        #expect(first.contains("<p class=\"i2\">de cuyo nombre</p>"))
        #expect(files["EPUB/text/chapter-002.xhtml"]?.contains("<p dir=\"rtl\">") == true)
        for landmark in ["titlepage", "toc", "bodymatter"] { #expect(nav.contains("epub:type=\"\(landmark)\"")) }
    }

    @Test func metadataNamesTheBookItsRightsAndItsAccessibility() throws {
        let opf = try #require(try EPUBFixture.files(try EPUBWriter.write(EPUBFixture.book(cover: true)))["EPUB/content.opf"])
        for expected in [
            "<dc:creator id=\"c1\">Ana Pérez</dc:creator>", "<meta refines=\"#c1\" property=\"role\" scheme=\"marc:relators\">aut</meta>",
            "<dc:language>es</dc:language>", "<dc:date>1931</dc:date>", "<dc:publisher>Imprenta Real</dc:publisher>",
            "<dc:rights>Public domain in the United States and in the country of first publication.</dc:rights>",
            "<dc:source id=\"src\">Discurso. Madrid, 1931.</dc:source>", "<meta property=\"dcterms:modified\">2026-12-07T18:52:13Z</meta>",
            "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>",
            "<meta property=\"schema:accessibilityFeature\">printPageNumbers</meta>", "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>",
            "<meta property=\"schema:accessModeSufficient\">textual</meta>", "<meta property=\"schema:accessibilityHazard\">none</meta>",
            "properties=\"cover-image\"",
        ] {
            #expect(opf.contains(expected), "\(expected)")
        }
    }

    @Test func emphasisIsWrittenAsItalicAndBold() throws {
        var book = EPUBFixture.book()
        book.text.works[0].blocks.append(BookBlock(kind: .paragraph, lines: [[.text("Es "), .emphasised("muy", .italic), .text(" y "), .emphasised("<tanto>", [.italic, .bold])]]))
        let chapter = try #require(try EPUBFixture.files(try EPUBWriter.write(book))["EPUB/text/chapter-002.xhtml"])
        #expect(chapter.contains("<p>Es <i>muy</i> y <b><i>&lt;tanto&gt;</i></b></p>"))
    }
}
