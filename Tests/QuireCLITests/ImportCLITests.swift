import Foundation
import QuireTestSupport
import Testing

/// `quire import` as an archivist uses it: HTR results attached to a document's pages, or converted.
@Suite("quire import")
struct ImportCLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire import") }

    func quire(_ arguments: String...) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path)
    }

    /// An ALTO 4 page with a running title zone and one paragraph line.
    static func alto(header: String, line: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
          <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
          <Tags><OtherTag ID="t1" LABEL="RunningTitleZone"/><OtherTag ID="t2" LABEL="MainZone"/></Tags>
          <Layout><Page WIDTH="1000" HEIGHT="1400" PHYSICAL_IMG_NR="1"><PrintSpace>
            <TextBlock ID="b1" TAGREFS="t1" HPOS="300" VPOS="60" WIDTH="400" HEIGHT="40">
              <TextLine ID="l1" HPOS="300" VPOS="60" WIDTH="400" HEIGHT="40"><String CONTENT="\(header)" HPOS="300" VPOS="60" WIDTH="400" HEIGHT="40" WC="0.98"/></TextLine>
            </TextBlock>
            <TextBlock ID="b2" TAGREFS="t2" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40">
              <TextLine ID="l2" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40"><String CONTENT="\(line)" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40" WC="0.91"/></TextLine>
            </TextBlock>
          </PrintSpace></Page></Layout>
        </alto>
        """
    }

    func documentWithThreePages() throws {
        for index in 1...3 { try folder.write("scans/f\(index).png", bytes: ImageFixtures.png(width: 50, height: 50 + index)) }
        #expect(try quire("init").status == 0)
        #expect(try quire("add", "scans", "--title", "Cartas", "--lang", "spa", "--id", "cartas").status == 0)
    }

    @Test func resultsAttachByNameAndFlowIntoStatus() throws {
        try documentWithThreePages()
        try folder.write("htr/f2.xml", text: Self.alto(header: "CARTAS", line: "Querida hermana"))
        try folder.write("htr/f3.xml", text: Self.alto(header: "CARTAS", line: "Adiós"))
        let result = try quire("import", "cartas", "htr/f2.xml", "htr/f3.xml")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("f2.xml → page 2"))
        #expect(result.standardOutput.contains("f3.xml → page 3"))
        let status = try quire("status", "cartas", "--json")
        let pages = (try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any])?["pages"] as? [[String: Any]]
        #expect(pages?.map { $0["state"] as? String ?? "" } == ["pending", "done", "done"])
    }

    @Test func mapOverridesAndBadFilesFailAlone() throws {
        try documentWithThreePages()
        try folder.write("a.xml", text: Self.alto(header: "CARTAS", line: "Primera"))
        try folder.write("broken.xml", text: "<alto><Layout>")
        try folder.write("evil.xml", text: "<?xml version=\"1.0\"?><!DOCTYPE alto [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><alto>&x;</alto>")
        let result = try quire("import", "cartas", "a.xml", "broken.xml", "evil.xml", "--map", "a.xml=1", "broken.xml=2", "evil.xml=3")
        #expect(result.status == 3)
        #expect(result.standardOutput.contains("a.xml → page 1"))
        #expect(result.standardError.contains("broken.xml"))
        #expect(result.standardError.contains("DTD"))
        #expect(!result.standardError.contains("root:"))
    }

    @Test func unmatchedFileSaysHowToMapIt() throws {
        try documentWithThreePages()
        try folder.write("other.xml", text: Self.alto(header: "X", line: "Y"))
        try folder.write("f1.xml", text: Self.alto(header: "X", line: "Z"))
        let result = try quire("import", "cartas", "other.xml", "f1.xml")
        #expect(result.status == 3)
        #expect(result.standardError.contains("--map other.xml=N"))
    }

    @Test func conversionPrintsForScripts() throws {
        try folder.write("p.xml", text: Self.alto(header: "CARTAS", line: "Querida hermana"))
        let text = try quire("import", "p.xml", "--to", "txt")
        #expect(text.status == 0)
        #expect(text.standardOutput == "CARTAS\n\nQuerida hermana\n\u{0C}")
        let hocr = try quire("import", "p.xml", "--to", "hocr")
        #expect(hocr.standardOutput.contains("ocrx_word"))
        #expect(try quire("import", "p.xml", "p.xml", "--to", "alto").status == 64)
        #expect(try quire("import", "p.xml", "--to", "json").standardOutput.hasPrefix("{"))
    }

    /// Issue 14 #5: converting `out/p1.alto.xml` to ALTO into `out/` would have replaced the
    /// ground truth with a lossy round trip; the file is refused, the input kept, the rest done.
    @Test func anOutputNeverReplacesAnInput() throws {
        let original = Self.alto(header: "CARTAS", line: "Querida hermana")
        try folder.write("out/p1.alto.xml", text: original)
        try folder.write("p2.xml", text: Self.alto(header: "CARTAS", line: "Segunda"))
        let result = try quire("import", "out/p1.alto.xml", "p2.xml", "--to", "alto", "--out", "out")
        #expect(result.status == 3, "\(result.standardError)")
        #expect(result.standardError.contains("would replace one of the input files") && result.standardError.contains("p1.alto.xml"))
        #expect(try String(contentsOfFile: folder.file("out/p1.alto.xml"), encoding: .utf8) == original)
        #expect(FileManager.default.fileExists(atPath: folder.file("out/p2.alto.xml")))
        // The same file reached by a link is the same file.
        try FileManager.default.createSymbolicLink(atPath: folder.file("link"), withDestinationPath: folder.file("out"))
        #expect(try quire("import", "link/p1.alto.xml", "--to", "alto", "--out", "out").status == 64)
        #expect(try String(contentsOfFile: folder.file("out/p1.alto.xml"), encoding: .utf8) == original)
    }
}
