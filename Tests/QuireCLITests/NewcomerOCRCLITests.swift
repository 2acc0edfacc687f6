import Foundation
import QuireTestSupport
import Testing

/// Issue 15: `quire ocr` with the habits of `tesseract IMG -` — standard input and output as `-`,
/// a missing file named as such, files never taken for documents — and progress in one-shot mode.
@Suite("quire ocr: files, '-' and progress", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/tesseract-ocr/5/tessdata/spa.traineddata"), "needs tesseract-ocr-spa"))
struct NewcomerOCRCLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire newcomer") }

    func quire(_ arguments: [String], inputFile: String? = nil) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path, inputFile: inputFile)
    }

    var sample: String { RepositoryPaths.bundledSample + "/discurso.tif" }

    @Test("issue 15 #2: '-' reads standard input and, last, is standard output, as for tesseract")
    func standardInputAndOutput() throws {
        let asTesseract = try quire(["ocr", sample, "-", "--lang", "spa", "--preprocess", "none"])
        #expect(asTesseract.status == 0, "\(asTesseract.standardError)")
        #expect(asTesseract.standardOutput.contains("QUE SE ENCIENDE"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("-")))
        let redirected = try quire(["ocr", "-", "--lang", "spa", "--preprocess", "none"], inputFile: sample)
        #expect(redirected.status == 0, "\(redirected.standardError)")
        #expect(redirected.standardOutput == asTesseract.standardOutput)
        // `cat scan | quire ocr`: nothing named, the image comes on standard input.
        let piped = try quire(["ocr", "--lang", "spa", "--preprocess", "none"], inputFile: sample)
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(piped.standardOutput == asTesseract.standardOutput)
    }

    @Test("issue 15 #2: a missing file is 'no such file', outside a catalogue and inside one, naming the right file")
    func missingFilesAreNamed() throws {
        try folder.write("blank.png", bytes: ImageFixtures.png(width: 60, height: 40))
        let outside = try quire(["ocr", "typo.jpg"])
        #expect(outside.status == 4)
        #expect(outside.standardError.contains("no such file: typo.jpg"))
        #expect(!outside.standardError.contains("quire init"))
        #expect(try quire(["init"]).status == 0)
        let inside = try quire(["ocr", "blank.png", "typo.png", "--lang", "spa"])
        #expect(inside.status == 3, "\(inside.standardError)")
        #expect(inside.standardError.contains("no such file: typo.png"))
        #expect(!inside.standardError.contains("'blank.png'"))
        #expect(inside.standardOutput.contains("\u{0C}"))  // blank.png was still read
    }

    @Test("issue 15 #2: a file is never taken for a document of the same name")
    func filesAreNotDocuments() throws {
        try folder.write("scans/blank.png", bytes: ImageFixtures.png(width: 60, height: 40))
        #expect(try quire(["init"]).status == 0)
        #expect(try quire(["add", "scans/blank.png", "--title", "Blank", "--lang", "spa", "--id", "blank.png"]).status == 0)
        try folder.write("blank.png", bytes: ImageFixtures.png(width: 60, height: 40))
        // The file is read and printed; the document's page stays pending.
        let result = try quire(["ocr", "blank.png", "--lang", "spa"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\u{0C}"))
        let status = try quire(["status", "blank.png", "--json"])
        #expect(status.standardOutput.contains("pending"))
        // Files and documents together are refused, naming both.
        try FileManager.default.removeItem(atPath: folder.file("blank.png"))
        try folder.write("other.png", bytes: ImageFixtures.png(width: 60, height: 40))
        let mixed = try quire(["ocr", "other.png", "blank.png"])
        #expect(mixed.status == 64)
        #expect(mixed.standardError.contains("'other.png'") && mixed.standardError.contains("'blank.png'"))
    }
}

/// Issue 15 #3: one-shot OCR shows the catalogue's progress line and closing summary on stderr.
@Suite("quire ocr FILES: progress and summary", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/tesseract-ocr/5/tessdata/spa.traineddata"), "needs tesseract-ocr-spa"))
struct OneShotProgressCLITests {
    @Test("issue 15 #3: progress with ETA and a closing summary on stderr; --json for scripts")
    func progressAndSummary() throws {
        let folder = try TemporaryDirectory(prefix: "quire progress")
        try folder.write("a.png", bytes: ImageFixtures.png(width: 60, height: 40))
        try folder.write("b.png", bytes: ImageFixtures.png(width: 61, height: 40))
        let run = { (arguments: [String]) in try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path) }
        let text = try run(["ocr", "a.png", "b.png", "--lang", "spa"])
        #expect(text.status == 0, "\(text.standardError)")
        // Not a terminal: plain progress lines, then the summary.
        #expect(text.standardError.contains("ocr: 1/2 pages") && text.standardError.contains("ocr: 2/2 pages"))
        #expect(text.standardError.contains("ETA"))
        #expect(text.standardError.contains("OCR: 2 pages: 0 ok, 2 blank"))
        #expect(!text.standardOutput.contains("OCR:"))  // stdout carries only the text
        let json = try run(["ocr", "a.png", "missing.png", "--lang", "spa", "--json"])
        #expect(json.status == 3)
        let summary = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect(summary?["pages"] as? Int == 1)
        #expect(summary?["blank"] as? Int == 1)
        #expect(summary?["unreadableFiles"] as? Int == 1)
        #expect(summary?["pagesPerSecond"] is Double && summary?["seconds"] is Double)
    }
}

/// Issue 15 #4: languages are checked at `add`, and a document whose model is missing fails alone.
@Suite("Languages at add and in --all", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/tesseract-ocr/5/tessdata/spa.traineddata"), "needs tesseract-ocr-spa"))
struct LanguageCLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire languages") }

    func quire(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path, environment: environment)
    }

    @Test("issue 15 #4: add refuses codes Tesseract does not use, with 'did you mean spa?' for ISO 639-1")
    func addValidatesLanguages() throws {
        try folder.write("a.png", bytes: ImageFixtures.png(width: 60, height: 40))
        #expect(try quire("init").status == 0)
        let iso = try quire("add", "a.png", "--title", "A", "--lang", "es")
        #expect(iso.status == 64)
        #expect(iso.standardError.contains("did you mean spa?"))
        let bibliographic = try quire("add", "a.png", "--title", "A", "--lang", "spa+ger")
        #expect(bibliographic.status == 64)
        #expect(bibliographic.standardError.contains("did you mean deu?"))
        let unknown = try quire("add", "a.png", "--title", "A", "--lang", "xyz")
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("'xyz'"))
        #expect(!unknown.standardError.contains("tesseract-ocr-xyz"))
        let none = try JSONSerialization.jsonObject(with: Data(try quire("status", "--json").standardOutput.utf8)) as? [String: Any]
        #expect((none?["documents"] as? [Any])?.isEmpty == true)  // nothing was registered
        #expect(try quire("add", "a.png", "--title", "A", "--lang", "spa+deu_latf").status == 0)
    }

    @Test("issue 15 #4: in --all, a document whose model is missing fails alone, named; the rest is read")
    func oneDocumentWithoutItsModel() throws {
        // A private tessdata folder with spa only; the second document asks for ita, not there.
        let tessdata = try TemporaryDirectory(prefix: "tessdata")
        try FileManager.default.copyItem(atPath: "/usr/share/tesseract-ocr/5/tessdata/spa.traineddata", toPath: tessdata.file("spa.traineddata"))
        try folder.write("uno.png", bytes: ImageFixtures.png(width: 60, height: 40))
        try folder.write("due.png", bytes: ImageFixtures.png(width: 61, height: 40))
        #expect(try quire("init").status == 0)
        #expect(try quire("add", "uno.png", "--title", "Uno", "--lang", "spa", "--id", "uno").status == 0)
        #expect(try quire("add", "due.png", "--title", "Due", "--lang", "ita", "--id", "due").status == 0)
        let result = try quire("ocr", "--all", "--json", environment: ["TESSDATA_PREFIX": tessdata.path])
        #expect(result.status == 3, "\(result.standardError)")
        #expect(result.standardError.contains("document 'due'"))
        #expect(result.standardError.contains("tesseract-ocr-ita"))
        let summary = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(summary?["documentsNotRead"] as? [String] == ["due"])
        #expect(summary?["pages"] as? Int == 1)
        #expect(try quire("status", "uno", "--json").standardOutput.contains("\"state\" : \"done\""))
        #expect(try quire("status", "due", "--json").standardOutput.contains("\"state\" : \"pending\""))
    }
}
