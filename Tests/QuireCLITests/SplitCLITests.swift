import Foundation
import QuireTestSupport
import Testing

/// `quire split` as a user runs it.
@Suite("quire split")
struct SplitCLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire split") }

    func quire(_ arguments: String...) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path)
    }

    /// A catalogue with a one-page document that has no OCR yet.
    func smallDocument() throws {
        #expect(try quire("init").status == 0)
        try folder.write("p1.png", bytes: ImageFixtures.png(width: 300, height: 200))
        #expect(try quire("add", "p1.png", "--title", "Prueba", "--lang", "spa", "--id", "prueba").status == 0)
    }

    @Test("bad texts: empty, binary, invalid UTF-8, missing — exit 4 naming the file, nothing stored")
    func badTexts() throws {
        try smallDocument()
        try folder.write("empty.txt", bytes: [])
        try folder.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00])
        try folder.write("latin1.txt", bytes: Array("Se\u{F1}oras y se\u{F1}ores".utf8).map { $0 } + [0x20, 0xF1, 0x61])
        try folder.write("blank.txt", text: " \n\n \n")
        try folder.write("utf16.txt", bytes: [0xFF, 0xFE] + Array("Señoras y señores".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        for name in ["empty.txt", "binary.txt", "latin1.txt", "blank.txt", "missing.txt", "utf16.txt"] {
            let result = try quire("split", "prueba", "--text", name)
            #expect(result.status == 4, "\(name): \(result.standardError)")
            #expect(result.standardError.contains("'\(name)'"), "\(name): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
        }
        #expect(try quire("split", "prueba", "--text", "utf16.txt").standardError.contains("UTF-16"))
        let png = try quire("split", "prueba", "--text", "p1.png")
        #expect(png.status == 4 && png.standardError.contains("binary"))
    }

    @Test("a document without OCR, an unknown document, and usage errors")
    func otherRefusals() throws {
        try smallDocument()
        try folder.write("t.txt", text: "Un texto cualquiera.")
        let noOCR = try quire("split", "prueba", "--text", "t.txt")
        #expect(noOCR.status == 4 && noOCR.standardError.contains("quire ocr prueba"))
        #expect(try quire("split", "nadie", "--text", "t.txt").status == 6)
        #expect(try quire("split", "--text", "t.txt").status == 64)
        #expect(try quire("split", "prueba", "--text", "t.txt", "--pages", "3-1").status == 64)
        #expect(try quire("split", "--text", "t.txt", "--no-scan").status == 64)
    }

    @Test("--no-scan writes one main-namespace page per part and a manifest")
    func textOnlyRelease() throws {
        try folder.write("discursos.md", text: "# Primer discurso\n\nSeñores: [p. 3] *gracias*.\n\n# Segundo discurso\n\nOtra vez.\r\n")
        let result = try quire("split", "--text", "discursos.md", "--no-scan", "--wiki", "en", "--out", "out", "--title", "Discursos")
        #expect(result.status == 0, "\(result.standardError)")
        let part = try String(contentsOfFile: folder.file("out/Discursos_Primer discurso.wikitext"), encoding: .utf8)
        #expect(part.hasPrefix("{{header|title=Discursos|author=|section=Primer discurso|"))
        #expect(part.contains("Señores: <span id=\"p3\"></span> ''gracias''."))
        #expect(FileManager.default.fileExists(atPath: folder.file("out/Discursos.wikitext")))
        #expect(FileManager.default.fileExists(atPath: folder.file("out/manifest.json")))
        try folder.write("empty.md", bytes: [])
        let empty = try quire("split", "--text", "empty.md", "--no-scan", "--wiki", "es", "--out", "out2")
        #expect(empty.status == 4 && empty.standardError.contains("'empty.md'"))
    }
}

/// The bundled sample end to end: init, add, ocr, split, wikitext (real Tesseract).
@Suite("quire split on the bundled sample", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/tesseract-ocr/5/tessdata/spa.traineddata"), "needs tesseract-ocr-spa"))
struct SplitSampleCLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire split sample") }

    func quire(_ arguments: String...) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path)
    }

    struct SplitJSON: Decodable {
        struct Page: Decodable {
            var number: Int
            var text: String
            var confidence: Double
            var flags: [String]
            var level: Int
        }
        var pages: [Page]
        var stored: Bool
    }

    @Test func splitsTheTranscriptOntoItsPagesAndWikitextUsesIt() throws {
        let transcript = RepositoryPaths.bundledSample + "/discurso.txt"
        #expect(try quire("init").status == 0)
        #expect(try quire("add", RepositoryPaths.bundledSample + "/discurso.tif", "--title", "La luz", "--lang", "spa", "--id", "luz", "--wiki-file", "Luz 1931.tif").status == 0)
        #expect(try quire("ocr", "luz").status == 0)
        // The sample is CC0 (its README): cleared for every wiki, so wikitext may be written.
        try ClearanceFixture.clearEverywhere("luz", in: folder.path)

        // A dry run prints the split and stores nothing.
        let dry = try quire("split", "luz", "--text", transcript, "--dry-run", "--json")
        #expect(dry.status == 0, "\(dry.standardError)")
        let split = try JSONDecoder().decode(SplitJSON.self, from: Data(dry.standardOutput.utf8))
        #expect(!split.stored)
        #expect(split.pages.map(\.number) == [1, 2, 3, 4])
        #expect(split.pages[0].text.isEmpty && split.pages[0].flags == ["page_not_in_transcript"])
        #expect(split.pages[1].text.hasPrefix("LA LUZ QUE SE ENCIENDE\n\nSeñoras, señores, queridos vecinos:"))
        #expect(split.pages[1].text.hasSuffix("de atlas y diccionarios."))
        #expect(split.pages[2].text.hasPrefix("Se ha dicho muchas veces"))
        #expect(split.pages[2].text.hasSuffix("Para eso estará la bibliotecaria,"))
        #expect(split.pages[3].text.hasPrefix("la señorita Rosa Elvira Poblete"))
        #expect(split.pages[3].text.hasSuffix("He dicho."))
        #expect(split.pages.dropFirst().allSatisfy { $0.confidence >= 0.9 && $0.level == 1 && $0.flags.isEmpty })
        let before = try quire("wikitext", "luz", "--wiki", "es", "--page", "3")
        #expect(!before.standardOutput.contains("la bibliotecaria,"))

        // A text in another language, or half of the text onto all pages, is refused: nothing stored.
        try folder.write("english.txt", text: String(repeating: "The quick brown fox jumps over the lazy dog, and the people of the town watch it from their windows every morning.\n", count: 40))
        let english = try quire("split", "luz", "--text", "english.txt")
        #expect(english.status == 4 && english.standardError.contains("'english.txt'") && english.standardError.contains("does not match"))
        let full = try String(contentsOfFile: transcript, encoding: .utf8)
        try folder.write("half.txt", text: String(full.prefix(full.count / 3)))
        let half = try quire("split", "luz", "--text", "half.txt")
        #expect(half.status == 4, "\(half.standardError)")
        #expect(try quire("wikitext", "luz", "--wiki", "es", "--page", "3").standardOutput == before.standardOutput)

        // Stored, the split is what wikitext writes; the OCR still gives the running header.
        let stored = try quire("split", "luz", "--text", transcript)
        #expect(stored.status == 0, "\(stored.standardError)")
        #expect(stored.standardOutput.contains("page 3: 279 words"))
        let page3 = try quire("wikitext", "luz", "--wiki", "es", "--page", "3").standardOutput
        #expect(page3.contains("la bibliotecaria,<noinclude>"))
        #expect(page3.contains("DISCURSO EN LA BIBLIOTECA POPULAR</noinclude>"))
        #expect(page3.contains("teórico-práctico"))
        #expect(try quire("wikitext", "luz", "--wiki", "en", "--page", "2").standardOutput.contains("de atlas y diccionarios.\n{{nop}}<noinclude>"))
        let page1 = try quire("wikitext", "luz", "--wiki", "es", "--page", "1").standardOutput
        #expect(page1.contains("QUE SE ENCIENDE"))
    }
}

/// Real consecutive pages of the shared corpora: their ground truth joined into one text is split
/// back onto their OCR, every break at the right word.
@Suite("quire split on real pages", .enabled(if: RepositoryPaths.hasSharedCorpora, "\(RepositoryPaths.sharedMissingMessage)"),
       .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/tesseract-ocr/5/tessdata/spa.traineddata"), "needs tesseract-ocr-spa"))
struct SplitCorpusCLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire split corpus") }

    func quire(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path)
    }

    struct SplitJSON: Decodable {
        struct Page: Decodable { var text: String }
        var pages: [Page]
    }

    @Test func groundTruthOfConsecutivePagesSplitsBackAtEveryBreak() throws {
        let set = try #require(RepositoryPaths.sharedCorpora) + "/es-fondue-print-19/pardo_bazan_de_mi_tierra"
        let images = try FileManager.default.contentsOfDirectory(atPath: set).filter { $0.hasSuffix(".JPG") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }.map { set + "/" + $0 }
        try #require(images.count == 5)
        let truth = try images.map { try String(contentsOfFile: ($0 as NSString).deletingPathExtension + ".gt.txt", encoding: .utf8).trimmingCharacters(in: .newlines) }
        try folder.write("truth.txt", text: truth.joined(separator: "\n"))
        #expect(try quire(["init"]).status == 0)
        #expect(try quire(["add"] + images + ["--title", "De mi tierra", "--lang", "spa", "--id", "tierra"]).status == 0)
        #expect(try quire(["ocr", "tierra"]).status == 0)
        let result = try quire(["split", "tierra", "--text", "truth.txt", "--dry-run", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let pages = try JSONDecoder().decode(SplitJSON.self, from: Data(result.standardOutput.utf8)).pages
        try #require(pages.count == 5)
        for index in 1..<5 {
            let firstLine = truth[index].split(separator: "\n").first.map(String.init) ?? ""
            #expect(pages[index].text.hasPrefix(firstLine), "page \(index + 1) starts '\(pages[index].text.prefix(40))', not '\(firstLine)'")
        }
    }
}
