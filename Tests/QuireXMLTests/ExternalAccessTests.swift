import Foundation
import QuireCore
import QuireTestSupport
@testable import QuireXML
import Testing

/// Quality bar: nothing in a document makes Quire read a local file or open a
/// connection. Each probe has a positive control, so a probe that cannot see accesses fails.
@Suite("No file or network access from documents")
struct ExternalAccessTests {
    /// Both the public entry point and libxml2 alone (without Quire's pre-parse DTD refusal):
    /// the parser's own settings must hold even if the byte checks were bypassed.
    enum Path: String, CaseIterable, Sendable {
        case publicImport, libxml2Only

        func parse(_ source: String, name: String) throws {
            switch self {
            case .publicImport: _ = try XMLImport.read(bytes: Array(source.utf8), name: name)
            case .libxml2Only: LibXMLCalls.free(try LibXMLCalls.parse(Array(source.utf8), name: name))
            }
        }
    }

    static func canaryDocuments(_ canary: String) -> [String] {
        [
            "<?xml version=\"1.0\"?><!DOCTYPE alto [<!ENTITY x SYSTEM \"file://\(canary)\">]><alto>&x;</alto>",
            "<?xml version=\"1.0\"?><!DOCTYPE alto [<!ENTITY % p SYSTEM \"file://\(canary)\"> %p;]><alto/>",
            "<!DOCTYPE alto SYSTEM \"file://\(canary)\"><alto/>",
            "<!DOCTYPE html [<!ENTITY x SYSTEM \"\(canary)\">]><html><body><div class=\"ocr_page\">&x;</div></body></html>",
            "<alto xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file://\(canary)\" parse=\"text\"/></alto>",
            "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Layout><Page ID=\"p\"><PrintSpace><TextBlock><TextLine><xi:include href=\"\(canary)\" parse=\"text\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>",
        ]
    }

    @Test("X-1 / X-7: a canary file is never opened", arguments: Path.allCases)
    func canaryIsNeverOpened(path: Path) throws {
        let folder = try TemporaryDirectory()
        let canary = try folder.write("canary.txt", text: "CANARY-SECRET")
        let watch = try #require(FileAccessWatch(path: canary), "inotify is needed for this probe")
        for (index, source) in Self.canaryDocuments(canary).enumerated() {
            do {
                try path.parse(source, name: "hostile-\(index).xml")
            } catch let error as XMLError {
                #expect(!error.description.contains("CANARY-SECRET"))
                #expect(error.context.file == "hostile-\(index).xml")
            }
            #expect(!watch.wasTouched(), "document \(index) opened the canary via \(path)")
        }
        // Positive control: reading the file is seen.
        _ = try String(contentsOfFile: canary, encoding: .utf8)
        #expect(watch.wasTouched())
    }

    @Test("X-1: a document with an entity declaration is refused before parsing")
    func entityDeclarationIsRefused() throws {
        let source = "<?xml version=\"1.0\"?><!DOCTYPE alto [<!ENTITY x \"y\">]><alto>&x;</alto>"
        #expect {
            try XMLImport.read(bytes: Array(source.utf8), name: "xxe.xml")
        } throws: { error in
            (error as? XMLError)?.code == .invalidInput && (error as? XMLError)?.message.contains("DTD") == true
        }
    }

    static func networkDocuments(_ port: Int) -> [String] {
        let url = "http://127.0.0.1:\(port)"
        return [
            "<!DOCTYPE alto SYSTEM \"\(url)/x.dtd\"><alto/>",
            "<!DOCTYPE alto PUBLIC \"-//X//DTD X//EN\" \"\(url)/x.dtd\"><alto/>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"\(url)/xhtml1-strict.dtd\"><html><body><div class=\"ocr_page\"/></body></html>",
            "<!DOCTYPE alto [<!ENTITY x SYSTEM \"\(url)/e.xml\">]><alto>&x;</alto>",
            "<!DOCTYPE alto [<!ENTITY % p SYSTEM \"\(url)/p.dtd\"> %p;]><alto/>",
            "<alto xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(url)/i.xml\"/></alto>",
            "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.loc.gov/standards/alto/ns-v4# \(url)/alto.xsd\"><Layout><Page ID=\"p\"/></Layout></alto>",
        ]
    }

    @Test("X-2: no connection reaches a loopback listener", arguments: Path.allCases)
    func noConnection(path: Path) throws {
        let listener = try LoopbackListener()
        for (index, source) in Self.networkDocuments(listener.port).enumerated() {
            _ = try? path.parse(source, name: "net-\(index).xml")
            #expect(!listener.receivedConnection(), "document \(index) connected via \(path)")
        }
        // Positive control: a real connection is seen.
        listener.connectOnce()
        #expect(listener.receivedConnection())
    }

    @Test("the bare XHTML doctype of Tesseract's hOCR is read without fetching it")
    func xhtmlDoctypeIsAccepted() throws {
        let listener = try LoopbackListener()
        let page = try XMLImport.read(bytes: Array(HOCRReaderTests.tesseract.utf8), name: "t.hocr")
        #expect(page.words.count == 6)
        #expect(!listener.receivedConnection())
    }

    @Test("libxml2 prints nothing on a bad document")
    func libxml2IsSilent() throws {
        let output = capturingStandardError {
            for source in ["<alto><unclosed></alto>", "<alto>\u{1}</alto>", String(repeating: "<a>", count: 300)] {
                _ = try? XMLImport.read(bytes: Array(source.utf8), name: "bad.xml")
            }
        }
        // libxml2's own reporter writes `bad.xml:1: parser error : …`; the test runner may write
        // its progress to the same stream meanwhile, so only libxml2's lines count.
        #expect(!output.contains("bad.xml:") && !output.contains("parser error"), "stderr: \(output)")
        // Positive control: the probe sees what is written to file descriptor 2.
        #expect(capturingStandardError { FileHandle.standardError.write(Data("probe".utf8)) }.contains("probe"))
    }
}
