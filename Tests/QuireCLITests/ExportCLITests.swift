import Foundation
import QuireCore
import QuirePublish
import QuireTestSupport
import Testing

/// `quire export`: an XML import file valid against MediaWiki's schema, pagefromfile input, files.
@Suite("quire export")
struct ExportCLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire export") }

    func quire(_ arguments: String...) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path)
    }

    /// Two single-image pages with text (one with characters XML and wikitext must escape).
    func document(cleared: Bool = true, title: String = "Cartas") throws {
        let words = ["Carta", "R&D <b> \"x\" {{y}}"]
        for (index, word) in words.enumerated() {
            try folder.write("scans/p\(index + 1).png", bytes: ImageFixtures.png(width: 30 + index, height: 30))
            try folder.write("htr/p\(index + 1).xml", text: """
                <?xml version="1.0" encoding="UTF-8"?>
                <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description>
                <Layout><Page WIDTH="1000" HEIGHT="1400" PHYSICAL_IMG_NR="1"><PrintSpace>
                <TextBlock ID="b1" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40"><TextLine ID="l1" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40">
                <String CONTENT="\(word.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;"))" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40" WC="0.95"/></TextLine></TextBlock>
                </PrintSpace></Page></Layout></alto>
                """)
        }
        #expect(try quire("init").status == 0)
        #expect(try quire("add", "scans", "--title", title, "--lang", "spa", "--id", "cartas").status == 0)
        #expect(try quire("import", "cartas", "htr/p1.xml", "htr/p2.xml").status == 0)
        if cleared { try ClearanceFixture.clearEverywhere("cartas", in: folder.path) }
    }

    @Test("export and publish refuse an uncleared document (exit 9); an override is recorded")
    func gated() throws {
        try document(cleared: false)
        let refused = try quire("export", "cartas", "--wiki", "es", "--format", "xml", "--out", "cartas.xml")
        #expect(refused.status == 9)
        #expect(refused.standardError.contains("not cleared for es.wikisource"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("cartas.xml")))
        // Publish stops before any request: the API address is not even reachable.
        let publish = try CommandRunner.run(
            RepositoryPaths.quireExecutable, ["publish", "cartas", "--wiki", "es", "--api", "http://127.0.0.1:9/w/api.php", "--user", "Ana@quire"],
            in: folder.path, environment: ["QUIRE_BOT_PASSWORD": "secret-not-sent"])
        #expect(publish.status == 9, "\(publish.standardError)")
        #expect(!publish.standardError.contains("secret-not-sent"))
        // (A missing output folder is created.)
        let overridden = try quire("export", "cartas", "--wiki", "es", "--format", "xml", "--out", "staging/cartas.xml", "--override-clearance", "import into our staging wiki")
        #expect(overridden.status == 0, "\(overridden.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.file("staging/cartas.xml")))
        let history = try quire("clearance", "history", "cartas")
        #expect(history.standardOutput.contains("es.wikisource: OVERRIDE"))
        #expect(history.standardOutput.contains("quire export --format xml --wiki es"))
    }

    @Test("xml: valid against export-0.11.xsd offline, with models, namespaces, sha1 and contributor")
    func xmlValidates() throws {
        try document()
        let result = try quire("export", "cartas", "--wiki", "es", "--format", "xml", "--out", "cartas.xml", "--user", "Ana")
        #expect(result.status == 0, "\(result.standardError)")
        let xml = try String(contentsOfFile: folder.file("cartas.xml"), encoding: .utf8)
        #expect(xml.contains("<namespace key=\"102\" case=\"first-letter\">Página</namespace>"))
        #expect(xml.contains("<title>Página:p1.png</title>"))
        #expect(xml.contains("<model>proofread-page</model>") && xml.contains("<model>proofread-index</model>") && xml.contains("<model>wikitext</model>"))
        #expect(xml.components(separatedBy: "<format>text/x-wiki</format>").count == 5)
        #expect(xml.contains("<username>Ana</username>"))
        #expect(xml.contains("xml:lang=\"es\""))
        // The text inside <text> is the wikitext, and <sha1> is MediaWiki's base-36 SHA-1 of it.
        let page1 = "<noinclude><pagequality level=\"1\" user=\"Ana\" /></noinclude>Carta<noinclude></noinclude>"
        #expect(xml.contains("<sha1>\(SHA1.base36(of: Array(page1.utf8)))</sha1>"))
        guard let shared = RepositoryPaths.shared else { return }  // schema validation needs ../shared
        let validation = try CommandRunner.run(
            "/usr/bin/xmllint", ["--noout", "--nonet", "--schema", shared + "/schemas/export-0.11.xsd", "cartas.xml"], in: folder.path,
            environment: ["XML_CATALOG_FILES": RepositoryPaths.root + "/Schemas/catalog.xml"])
        #expect(validation.status == 0, "\(validation.standardError)")
    }

    @Test("xml validation against ../shared/schemas", .enabled(if: RepositoryPaths.shared != nil, "skipped: ../shared is absent (clone the repository beside shared/ or set QUIRE_SHARED)"))
    func schemaIsThere() {
        #expect(FileManager.default.fileExists(atPath: (RepositoryPaths.shared ?? "") + "/schemas/export-0.11.xsd"))
    }

    @Test("pagefromfile: every page between markers, read back as pywikibot does")
    func pageFromFile() throws {
        try document()
        let result = try quire("export", "cartas", "--wiki", "en", "--format", "pagefromfile", "--out", "cartas.txt")
        #expect(result.status == 0, "\(result.standardError)")
        let pages = PageFromFile.parse(try String(contentsOfFile: folder.file("cartas.txt"), encoding: .utf8))
        #expect(pages.map(\.title) == ["Page:p1.png", "Page:p2.png", "Index:p1.png", "Cartas"])
        #expect(pages[0].text == "<noinclude><pagequality level=\"1\" user=\"\" /></noinclude>Carta<noinclude></noinclude>")
    }

    /// Issue 14 #8 and #9: the probe's 150 Hebrew and 60 accented letters failed with exit 8
    /// blaming the disk; a title naming a namespace was published into it.
    @Test("long titles give short file names, the manifest keeps the titles; a namespace title is refused before any file")
    func longAndReservedTitles() throws {
        let long = String(repeating: "א", count: 150) + String(repeating: "é", count: 60)
        try document(title: long)
        for command in [["wikitext", "cartas", "--wiki", "es", "--out", "w"], ["export", "cartas", "--wiki", "es", "--format", "files", "--out", "f"]] {
            let result = try CommandRunner.run(RepositoryPaths.quireExecutable, command, in: folder.path)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            let folderName = command[command.count - 1]
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("\(folderName)/manifest.json")))) as? [[String: Any]] ?? []
            #expect(manifest.contains { $0["title"] as? String == long })
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.file(folderName)) { #expect(file.utf8.count <= 200, "\(file)") }
        }
        let named = try TemporaryDirectory(prefix: "quire export ns")
        for index in 1...2 { try named.write("p\(index).png", bytes: ImageFixtures.png(width: 30 + index, height: 30)) }
        let run = { (arguments: [String]) in try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: named.path, environment: ["QUIRE_ACTOR": "Test"]) }
        #expect(try run(["init"]).status == 0)
        #expect(try run(["add", "p1.png", "p2.png", "--title", "Template:Header", "--lang", "spa", "--id", "plantilla"]).status == 0)
        try named.write("p1.xml", text: try String(contentsOfFile: folder.file("htr/p1.xml"), encoding: .utf8))
        #expect(try run(["import", "plantilla", "p1.xml"]).status == 0)
        let refused = try run(["wikitext", "plantilla", "--wiki", "en", "--out", "w", "--override-clearance", "testing a namespace title"])
        #expect(refused.status == 64, "\(refused.standardError)")
        #expect(refused.standardError.contains("'Template:' names a namespace"))
        #expect(!FileManager.default.fileExists(atPath: named.file("w/manifest.json")))
    }

    @Test("files: one file per page and a manifest with kinds, levels and sha1")
    func files() throws {
        try document()
        let result = try quire("export", "cartas", "--wiki", "en", "--format", "files", "--out", "out")
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("out/manifest.json")))) as? [[String: Any]]
        #expect(manifest?.map { $0["kind"] as? String ?? "" } == ["page", "page", "index", "main"])
        let first = try #require(manifest?.first)
        let text = try String(contentsOfFile: folder.file("out/" + (first["file"] as? String ?? "")), encoding: .utf8)
        #expect(first["sha1"] as? String == SHA1.hex(of: Array(text.utf8)))
        #expect(first["level"] as? Int == 1)
    }

    @Test("issue 15 #1: a one-character --out is a file, '-' is standard output, and an override is recorded only for an export written")
    func shortPathsStandardOutputAndOverrides() throws {
        try document(cleared: false)
        let override = ["--override-clearance", "import into our staging wiki"]
        // One character: Foundation's path code trapped here (exit 132).
        let short = try CommandRunner.run(
            RepositoryPaths.quireExecutable, ["export", "cartas", "--wiki", "es", "--format", "xml", "--out", "a"] + override, in: folder.path)
        #expect(short.status == 0, "\(short.standardError)")
        #expect(try String(contentsOfFile: folder.file("a"), encoding: .utf8).contains("<mediawiki"))
        let piped = try CommandRunner.run(
            RepositoryPaths.quireExecutable, ["export", "cartas", "--wiki", "es", "--format", "pagefromfile", "--out", "-"] + override, in: folder.path)
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(piped.standardOutput.contains("{{-start-}}"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("-")))
        func overrides() throws -> Int {
            try quire("clearance", "history", "cartas").standardOutput.components(separatedBy: "OVERRIDE").count - 1
        }
        #expect(try overrides() == 2)
        // A folder of files cannot go to standard output: a usage error, nothing written or recorded.
        let folderToStdout = try CommandRunner.run(
            RepositoryPaths.quireExecutable, ["export", "cartas", "--wiki", "es", "--format", "files", "--out", "-"] + override, in: folder.path)
        #expect(folderToStdout.status == 64)
        #expect(!FileManager.default.fileExists(atPath: folder.file("-")))
        // An export that cannot be written records no override.
        try folder.write("blocker", text: "a file, not a folder")
        let unwritable = try CommandRunner.run(
            RepositoryPaths.quireExecutable, ["export", "cartas", "--wiki", "es", "--format", "xml", "--out", "blocker/x.xml"] + override, in: folder.path)
        #expect(unwritable.status == 8)
        #expect(try overrides() == 2)
        // The clearance report takes '-' too.
        let report = try quire("clearance", "report", "--format", "csv", "--out", "-")
        #expect(report.status == 0)
        #expect(report.standardOutput.hasPrefix("document,title,target"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("-")))
    }

    @Test("issue 15 #6: an unreachable wiki fails at once, naming the address; no retries")
    func unreachableWiki() throws {
        try document()
        for api in ["http://127.0.0.1:9/w/api.php", "http://quire-test.invalid/w/api.php"] {
            // --max-tries 3: were the refusal retried, the waits would show on stderr.
            let result = try quire("publish", "cartas", "--wiki", "es", "--api", api, "--user", "Ana@quire", "--dry-run", "--max-tries", "3")
            #expect(result.status == 8, "\(result.standardError)")
            #expect(result.standardError.contains("cannot reach \(api)"))
            #expect(!result.standardError.contains("waiting"))
        }
    }

    @Test("a bad format or a missing document says so")
    func badInput() throws {
        try document()
        #expect(try quire("export", "cartas", "--wiki", "en", "--format", "docx", "--out", "x").status == 64)
        let missing = try quire("export", "nada", "--wiki", "en", "--format", "xml", "--out", "x.xml")
        #expect(missing.status == 6)
        #expect(missing.standardError.contains("no document 'nada'"))
    }

    @Test("epub: refused without clearance for ebook (exit 9), then written twice byte for byte, also for several documents; --wiki needed for wiki formats only")
    func epub() throws {
        try document(cleared: false)
        let refused = try quire("export", "cartas", "--format", "epub", "--out", "cartas.epub")
        #expect(refused.status == 9)
        #expect(refused.standardError.contains("not cleared for ebook"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("cartas.epub")))
        #expect(try quire("export", "cartas", "--format", "xml", "--out", "x.xml").status == 64)
        try ClearanceFixture.clearEverywhere("cartas", in: folder.path)
        let written = try quire("export", "cartas", "--format", "epub", "--out", "books/cartas.epub")
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardError.contains("Exported an EPUB 3 e-book of 'cartas'"))
        #expect(try quire("export", "cartas", "--format", "epub", "--out", "again.epub").status == 0)
        let one = try Data(contentsOf: URL(fileURLWithPath: folder.file("books/cartas.epub")))
        let two = try Data(contentsOf: URL(fileURLWithPath: folder.file("again.epub")))
        #expect(one == two)
        #expect(one.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(String(decoding: one[30..<58], as: UTF8.self) == "mimetypeapplication/epub+zip")
        // Several documents: one file each in the --out folder; one that fails makes the run partial.
        let batch = try quire("export", "cartas", "nada", "--format", "epub", "--out", "shelf")
        #expect(batch.status == 3, "\(batch.standardError)")
        #expect(batch.standardError.contains("no document 'nada'"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("shelf/cartas.epub"))) == one)
        #expect(try quire("export", "cartas", "cartas", "--wiki", "es", "--format", "xml", "--out", "x.xml").status == 64)
    }

    @Test("pdf and djvu: refused without clearance for commons (exit 9, no file), then written with the text as a layer, one file per document for several")
    func searchable() throws {
        try document(cleared: false)
        let refused = try quire("export", "cartas", "--format", "pdf", "--out", "cartas.pdf")
        #expect(refused.status == 9)
        #expect(refused.standardError.contains("not cleared for commons"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("cartas.pdf")))
        #expect(try quire("export", "cartas", "--format", "pdf", "--out", "-").status == 64)
        try ClearanceFixture.clearEverywhere("cartas", in: folder.path)
        let written = try quire("export", "cartas", "--format", "pdf", "--out", "out/cartas.pdf")
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardError.contains("2 pages, 2 with a text layer"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file("out/cartas.pdf")))
        #expect(bytes.prefix(5) == Data("%PDF-".utf8))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let text = try CommandRunner.run("/usr/bin/pdftotext", ["-raw", folder.file("out/cartas.pdf"), "-"], in: folder.path).standardOutput
            #expect(text.split(whereSeparator: \.isWhitespace).joined(separator: " ") == "Carta R&D <b> \"x\" {{y}}")
        }
        let batch = try quire("export", "cartas", "nada", "--format", "pdf", "--out", "shelf")
        #expect(batch.status == 3, "\(batch.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.file("shelf/cartas.pdf")))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/c44") {
            let djvu = try quire("export", "cartas", "--format", "djvu", "--out", "cartas.djvu")
            #expect(djvu.status == 0, "\(djvu.standardError)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("cartas.djvu"))).prefix(8) == Data("AT&TFORM".utf8))
        }
    }
}
