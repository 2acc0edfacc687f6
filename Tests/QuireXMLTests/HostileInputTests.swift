import Foundation
import QuireCore
import QuireTestSupport
@testable import QuireXML
import Testing

/// Quality bar X-3…X-6, X-8, X-9 and O-9: resource bombs fail fast with bounded memory;
/// compressed, mis-encoded, truncated and wrong-format files give clear errors naming the file.
/// Serialized, so that the peak-memory probes do not see each other's allocations.
@Suite("Hostile and broken input", .serialized)
struct HostileInputTests {
    static let billionLaughs: String = {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for level in 1...9 { xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">" }
        return xml + "]><alto>&lol9;</alto>"
    }()

    static let quadraticBlowUp: String = {
        let entity = String(repeating: "a", count: 100_000)
        return "<?xml version=\"1.0\"?><!DOCTYPE alto [<!ENTITY a \"\(entity)\">]><alto>" + String(repeating: "&a;", count: 100_000) + "</alto>"
    }()

    @Test("X-3 / X-4: entity bombs fail fast with bounded memory", arguments: ["billion laughs", "quadratic blow-up"])
    func entityBombs(kind: String) throws {
        let source = kind == "billion laughs" ? Self.billionLaughs : Self.quadraticBlowUp
        let before = peakResidentBytes()
        let start = ContinuousClock.now
        // Through the public path (refused before parsing) and libxml2 alone (its limits).
        #expect(throws: XMLError.self) { try XMLImport.read(bytes: Array(source.utf8), name: "bomb.xml") }
        #expect(throws: XMLError.self) { LibXMLCalls.free(try LibXMLCalls.parse(Array(source.utf8), name: "bomb.xml")) }
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(peakResidentBytes() - before < 64 * 1_048_576, "peak RSS grew by \((peakResidentBytes() - before) / 1_048_576) MB")
    }

    @Test("X-5: 10,000 nested elements are a depth error, not a stack overflow")
    func deepNesting() {
        let source = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect {
            try XMLImport.read(bytes: Array(source.utf8), name: "deep.xml")
        } throws: { error in
            (error as? XMLError)?.message.lowercased().contains("depth") == true && (error as? XMLError)?.context.file == "deep.xml"
        }
    }

    @Test("X-6: a 200 MB file is refused from its size, unread")
    func hugeFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("huge.xml")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("<alto>".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 * 1_048_576)  // sparse: no 200 MB on disk or in memory
        try handle.close()
        let before = peakResidentBytes()
        #expect {
            try XMLImport.read(fileAt: path)
        } throws: { error in
            (error as? XMLError)?.message.contains("200 MB, over the 20 MB cap") == true && (error as? XMLError)?.context.file == path
        }
        #expect(peakResidentBytes() - before < 32 * 1_048_576)
    }

    @Test("X-6: bytes over the cap are refused before parsing")
    func overTheCap() {
        let bytes = [UInt8](repeating: 0x20, count: SafeXMLDocument.maximumInputBytes + 1)
        #expect {
            try XMLImport.read(bytes: bytes, name: "big.xml")
        } throws: { error in
            (error as? XMLError)?.message.contains("over the 20 MB cap") == true && (error as? XMLError)?.context.file == "big.xml"
        }
    }

    @Test("X-6: a 60 KB element name hits libxml2's name limit")
    func longName() {
        let source = "<" + String(repeating: "n", count: 60_000) + "/>"
        #expect {
            try XMLImport.read(bytes: Array(source.utf8), name: "name.xml")
        } throws: { error in
            (error as? XMLError)?.message.contains("Name too long") == true && (error as? XMLError)?.context.file == "name.xml"
        }
    }

    @Test("X-8: gzip is not decompressed implicitly")
    func gzip() throws {
        // `printf '<alto/>' | gzip -n`
        let compressed: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xB3, 0x49, 0xCC, 0x29, 0xC9, 0xD7, 0xB7, 0x03, 0x00, 0xFB, 0xC8, 0x6E, 0x19, 0x07, 0x00, 0x00, 0x00]
        let folder = try TemporaryDirectory()
        let path = try folder.write("page.xml.gz", bytes: compressed)
        #expect {
            try XMLImport.read(fileAt: path)
        } throws: { error in
            (error as? XMLError)?.code == .unsupportedFormat && (error as? XMLError)?.message.contains("gzip") == true
        }
    }

    static let alto = "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout><Page ID=\"p\" WIDTH=\"10\" HEIGHT=\"10\"><PrintSpace><TextBlock><TextLine><String CONTENT=\"Crónica\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>"

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        let units = Array(text.utf16)
        let body = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        return (bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []) + body
    }

    @Test("X-9: encodings that do not match the bytes are clear errors", arguments: [
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + alto, "latin1 bytes", "not valid UTF-8"),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + alto, "utf8 bytes", "bytes are UTF-8"),
        ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + alto, "utf8 bytes", "declares UTF-16"),
        ("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n" + alto, "latin1 bytes", "non-ASCII byte"),
        (alto, "utf16le no bom", "UTF-16 without a byte-order mark"),
        (alto, "utf16be no bom", "UTF-16 without a byte-order mark"),
    ])
    func mismatchedEncodings(source: String, bytes kind: String, needle: String) {
        let bytes: [UInt8] = switch kind {
        case "latin1 bytes": source.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        case "utf16le no bom": Self.utf16(source, bigEndian: false, bom: false)
        case "utf16be no bom": Self.utf16(source, bigEndian: true, bom: false)
        default: Array(source.utf8)
        }
        #expect {
            try XMLImport.read(bytes: bytes, name: "enc.xml")
        } throws: { error in
            let error = error as? XMLError
            return error?.code == .invalidInput && error?.context.file == "enc.xml" && error?.message.contains(needle) == true
        }
    }

    @Test("X-9: correctly declared encodings read without mojibake", arguments: ["utf-8 bom", "utf-16le bom", "utf-16be bom", "latin1 declared"])
    func correctEncodings(kind: String) throws {
        let bytes: [UInt8] = switch kind {
        case "utf-8 bom": [0xEF, 0xBB, 0xBF] + Array(Self.alto.utf8)
        case "utf-16le bom": Self.utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + Self.alto, bigEndian: false, bom: true)
        case "utf-16be bom": Self.utf16(Self.alto, bigEndian: true, bom: true)
        default: ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Self.alto).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        }
        #expect(try XMLImport.read(bytes: bytes, name: "ok.xml").plainText == "Crónica")
    }

    @Test("O-9: a truncated file is an error naming the file and the line", .enabled(if: RepositoryPaths.hasSharedCorpora, "\(RepositoryPaths.sharedMissingMessage)"))
    func truncated() throws {
        let path = try #require(RepositoryPaths.sharedCorpora) + "/en-ehri-typewritten/english/EHRI-ET-YV3549264_02.xml"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect {
            try XMLImport.read(bytes: Array(bytes.prefix(bytes.count / 2)), name: "half.xml")
        } throws: { error in
            let error = error as? XMLError
            return error?.code == .invalidInput && error?.context.file == "half.xml" && error?.message.contains("line ") == true
        }
    }

    @Test("absurd numbers are dropped, never trapped on", arguments: ["1e300", "-inf", "nan", "99999999999999999999999", "12abc"])
    func absurdNumbers(value: String) throws {
        let sources = [
            "<alto><Layout><Page ID=\"p\" WIDTH=\"\(value)\" HEIGHT=\"10\"><PrintSpace><TextBlock HPOS=\"\(value)\" VPOS=\"0\" WIDTH=\"1\" HEIGHT=\"1\"><TextLine BASELINE=\"\(value)\" HPOS=\"0\" VPOS=\"0\" WIDTH=\"1\" HEIGHT=\"1\"><String CONTENT=\"x\" WC=\"\(value)\" HPOS=\"\(value)\" VPOS=\"0\" WIDTH=\"1\" HEIGHT=\"1\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>",
            "<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\"><Page imageWidth=\"\(value)\" imageHeight=\"1\"><TextRegion id=\"r\"><Coords points=\"\(value),1 2,\(value)\"/><TextLine id=\"l\"><Coords points=\"0,0 1,1\"/><Baseline points=\"\(value),\(value)\"/><TextEquiv conf=\"\(value)\"><Unicode>x</Unicode></TextEquiv></TextLine></TextRegion></Page></PcGts>",
            "<html><body><div class='ocr_page' title='bbox 0 0 \(value) 10; scan_res \(value) \(value)'><span class='ocr_line' title='bbox 0 0 \(value) 1; baseline \(value) \(value)'><span class='ocrx_word' title='bbox \(value) 0 1 1; x_wconf \(value)'>x</span></span></div></body></html>",
        ]
        for source in sources {
            let page = try XMLImport.read(bytes: Array(source.utf8), name: "n.xml")
            #expect(page.plainText == "x")
            #expect(page.words.allSatisfy { $0.confidence.map { (0...1).contains($0) } ?? true })
        }
    }

    @Test("files of the wrong kind say what they are", arguments: [
        ("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text/></TEI>", "<TEI> in namespace http://www.tei-c.org/ns/1.0"),
        ("<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\"/>", "<mets>"),
        ("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\"/>", "MediaWiki XML export"),
        ("<PcGts xmlns=\"http://example.org/not-page\"><Page/></PcGts>", "<PcGts>"),
        ("just some text", "cannot be parsed as XML"),
        ("", "empty"),
    ])
    func wrongFormat(source: String, needle: String) {
        #expect {
            try XMLImport.read(bytes: Array(source.utf8), name: "other.xml")
        } throws: { error in
            (error as? XMLError)?.context.file == "other.xml" && (error as? XMLError)?.message.contains(needle) == true
        }
    }
}

@Suite("Hostile paths")
struct HostilePathTests {
    /// Issue 14 #10: a FIFO given to `import` hung; it is refused without being opened.
    @Test func aPipeOrFolderIsRefusedUnopened() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-fifo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/page.xml"
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [fifo, folder] {
            #expect { try XMLImport.read(fileAt: path) } throws: { ($0 as? XMLError)?.message.contains("not a regular file") == true }
        }
    }
}
