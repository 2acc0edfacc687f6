import Foundation
import QuireTestSupport
import Testing

/// `quire ocr` and `quire eval` as a user runs them (real Tesseract).
@Suite("quire ocr and eval", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/tesseract-ocr/5/tessdata/spa.traineddata"), "needs tesseract-ocr-spa"))
struct OCRCLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire ocr") }

    func quire(_ arguments: String..., in directory: String? = nil) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: directory ?? folder.path)
    }

    @Test func filesPrintTheirTextWithFormFeedsBetweenPages() throws {
        let result = try quire("ocr", RepositoryPaths.bundledSample + "/discurso.tif", "--lang", "spa", "--preprocess", "none")
        #expect(result.status == 0, "\(result.standardError)")
        let pages = result.standardOutput.components(separatedBy: "\u{0C}")
        #expect(pages.count == 5 && pages[4].isEmpty)
        #expect(pages[0].contains("QUE SE ENCIENDE"))
        #expect(pages[3].contains("He dicho."))
    }

    @Test func badFilesAreNamedAndTheRestIsRead() throws {
        try folder.write("-rf página.png", bytes: ImageFixtures.png(width: 300, height: 200))
        try folder.write("empty.png", bytes: [])
        try folder.write("notes.txt", text: "not an image")
        let result = try quire("ocr", "--lang", "spa", "--", "-rf página.png", "empty.png", "notes.txt")
        #expect(result.status == 3)
        #expect(result.standardError.contains("empty.png"))
        #expect(result.standardError.contains("notes.txt"))
        #expect(result.standardOutput.contains("\u{0C}"))
    }

    @Test func missingLanguageFailsBeforeTheBatchNamingThePackage() throws {
        // A model Tesseract publishes but this machine lacks: its Debian package is named.
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/tesseract-ocr/5/tessdata")) ?? []
        let missing = try #require(["tir", "yor", "dzo", "chr", "sin"].first { !installed.contains("\($0).traineddata") })
        let result = try quire("ocr", RepositoryPaths.bundledSample + "/discurso.tif", "--lang", missing)
        #expect(result.status == 7)
        #expect(result.standardError.contains("tesseract-ocr-\(missing)"))
        #expect(result.standardOutput.isEmpty)
        // A code Tesseract does not use is not sent to a package that does not exist (issue 15 #4).
        let iso = try quire("ocr", RepositoryPaths.bundledSample + "/discurso.tif", "--lang", "es")
        #expect(iso.status == 7)
        #expect(iso.standardError.contains("did you mean spa?"))
        #expect(!iso.standardError.contains("tesseract-ocr-es "))
    }

    @Test func unwritableOutputFolderIsRefused() throws {
        try folder.write("file-not-folder", text: "x")
        let result = try quire("ocr", RepositoryPaths.bundledSample + "/discurso.tif", "--lang", "spa", "--out", "file-not-folder/sub", "--format", "txt")
        #expect(result.status == 8)
    }

    @Test func catalogueDocumentsAreOCRdOnceAndExported() throws {
        #expect(try quire("init").status == 0)
        #expect(try quire("add", RepositoryPaths.bundledSample + "/discurso.tif", "--title", "Luz", "--lang", "spa", "--id", "luz").status == 0)
        let first = try quire("ocr", "luz", "--json", "--out", "texts", "--format", "txt", "json", "hocr", "alto", "page")
        #expect(first.status == 0, "\(first.standardError)")
        let summary = try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any]
        #expect(summary?["pages"] as? Int == 4)
        #expect(summary?["ok"] as? Int == 4)
        #expect(FileManager.default.fileExists(atPath: folder.file("texts/luz/page-0003.txt")))
        for name in ["page-0003.json", "page-0003.hocr", "page-0003.alto.xml", "page-0003.page.xml"] {
            #expect(FileManager.default.fileExists(atPath: folder.file("texts/luz/\(name)")), "\(name)")
        }
        let alto = try String(contentsOfFile: folder.file("texts/luz/page-0003.alto.xml"), encoding: .utf8)
        #expect(alto.contains("http://www.loc.gov/standards/alto/ns-v4#"))
        #expect(alto.contains("CONTENT=\"DISCURSO\""))
        let second = try quire("ocr", "--all", "--json")
        #expect((try JSONSerialization.jsonObject(with: Data(second.standardOutput.utf8)) as? [String: Any])?["pages"] as? Int == 0)
        let status = try quire("status", "luz")
        #expect(status.standardOutput.contains("4 done"))
    }

    @Test func wikitextForAnOCRdDocument() throws {
        #expect(try quire("init").status == 0)
        #expect(try quire("add", RepositoryPaths.bundledSample + "/discurso.tif", "--title", "La luz", "--lang", "spa", "--id", "luz", "--wiki-file", "Luz 1931.tif").status == 0)
        // Not cleared: refused with exit 9, saying why; an override with a reason goes ahead.
        let refused = try quire("wikitext", "luz", "--wiki", "es", "--out", "wiki")
        #expect(refused.status == 9)
        #expect(refused.standardError.contains("not cleared for es.wikisource"))
        let early = try quire("wikitext", "luz", "--wiki", "es", "--out", "wiki", "--override-clearance", "checking the generator only")
        #expect(early.status == 4)
        #expect(early.standardError.contains("quire ocr luz"))
        #expect(try quire("ocr", "luz", "--preprocess", "none").status == 0)
        #expect(try quire(
            "clearance", "set", "luz", "--author", "Anselmo Urrutia Bravo (1870–1931)", "--published", "1931", "--country", "CL",
            "--licence", "CC0-1.0", "--ticket", "2026112410000001", "--by", "Ana").status == 0)
        #expect(try quire("clearance", "review", "luz", "--target", "en.wikisource", "--by", "Ana", "--reason", "sample release").status == 0)
        #expect(try quire("clearance", "clear", "luz", "--target", "en.wikisource", "--by", "Ana", "--reason", "CC0 with ticket").status == 0)
        let result = try quire("wikitext", "luz", "--wiki", "en", "--out", "wiki")
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("wiki/manifest.json")))) as? [[String: Any]]
        let titles = manifest?.compactMap { $0["title"] as? String } ?? []
        #expect(titles.prefix(4) == ["Page:Luz 1931.tif/1", "Page:Luz 1931.tif/2", "Page:Luz 1931.tif/3", "Page:Luz 1931.tif/4"])
        #expect(titles.contains("Index:Luz 1931.tif"))
        let page4 = try String(contentsOfFile: folder.file("wiki/Page_Luz 1931.tif_4.wikitext"), encoding: .utf8)
        #expect(page4.hasPrefix("<noinclude><pagequality level=\"1\" user=\"\" />{{rh||DISCURSO EN LA BIBLIOTECA POPULAR|3}}</noinclude>"))
        #expect(page4.hasSuffix("<noinclude></noinclude>"))
        // The footnote of page 3 is found by its smaller type although OCR misreads its marker,
        // so the word split across pages 3 and 4 is seen and marked.
        #expect(page4.contains("{{hwe|bliotecaria|bibliotecaria}}"))
        let page3 = try String(contentsOfFile: folder.file("wiki/Page_Luz 1931.tif_3.wikitext"), encoding: .utf8)
        #expect(page3.contains("<ref>El orador aludía"))
        #expect(page3.contains("{{hws|bi|bibliotecaria}}"))
        #expect(page3.hasPrefix("<noinclude><pagequality level=\"2\""))  // its note's marker was misread: a person places the <ref>
        #expect(page3.hasSuffix("<noinclude>{{smallrefs}}</noinclude>"))
        let page2 = try String(contentsOfFile: folder.file("wiki/Page_Luz 1931.tif_2.wikitext"), encoding: .utf8)
        #expect(page2.contains("franco-chilena"))  // a compound at a line end keeps its hyphen (Tesseract's dictionary)
        #expect(page2.contains("encuentro"))  // a syllable split joins
        let works = try quire(
            "wikitext", "luz", "--wiki", "es", "--out", "works", "--work", "Portada=1-1", "--work", "La luz que se enciende=2-4",
            "--override-clearance", "checking the generator only")
        #expect(works.status == 0, "\(works.standardError)")
        let main = try String(contentsOfFile: folder.file("works/La luz que se enciende.wikitext"), encoding: .utf8)
        #expect(main.contains("<pages index=\"Luz 1931.tif\" from=2 to=4"))
        #expect(FileManager.default.fileExists(atPath: folder.file("works/Portada.wikitext")))
        #expect(try quire("wikitext", "luz", "--wiki", "en", "--out", "x", "--work", "Sin páginas").status == 64)
        let printed = try quire("wikitext", "luz", "--wiki", "en", "--page", "3")
        #expect(printed.standardOutput == (try String(contentsOfFile: folder.file("wiki/Page_Luz 1931.tif_3.wikitext"), encoding: .utf8)))
    }

    /// Tesseract's line images go through PNG store-only in the executable (CLineImageTuning):
    /// the text must be byte for byte what libpng's default compression gives.
    @Test func storeOnlyLineImagesGiveIdenticalText() throws {
        #expect(try quire("--version").standardOutput.contains("store-only line-image PNG"))
        let page = RepositoryPaths.bundledSample + "/discurso.tif"
        let tuned = try quire("ocr", page, "--lang", "spa", "--preprocess", "none", "--out", "tuned", "--format", "json")
        let stock = try CommandRunner.run(
            RepositoryPaths.quireExecutable, ["ocr", page, "--lang", "spa", "--preprocess", "none", "--out", "stock", "--format", "json"],
            in: folder.path, environment: ["QUIRE_LINE_IMAGE_PNG": "default"])
        #expect(tuned.status == 0 && stock.status == 0, "\(tuned.standardError) \(stock.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("tuned")).sorted()
        #expect(files.count == 4)
        for file in files {
            // Every word, box and confidence is the same.
            #expect(FileManager.default.contentsEqual(atPath: folder.file("tuned/\(file)"), andPath: folder.file("stock/\(file)")), "\(file)")
        }
        let version = try CommandRunner.run(RepositoryPaths.quireExecutable, ["--version"], in: folder.path, environment: ["QUIRE_LINE_IMAGE_PNG": "default"])
        #expect(version.standardOutput.contains("libpng's line-image PNG"))
    }

    @Test func aHangOnOnePageIsBoundedLosesNothingAndQuarantinesThatPage() throws {
        #expect(try quire("init").status == 0)
        #expect(try quire("add", RepositoryPaths.bundledSample + "/discurso.tif", "--title", "Luz", "--lang", "spa", "--id", "luz").status == 0)
        let started = Date()
        let result = try CommandRunner.run(
            RepositoryPaths.quireExecutable, ["ocr", "luz", "--jobs", "2", "--preprocess", "none"], in: folder.path,
            environment: ["QUIRE_TEST_HANG_ON": "discurso.tif:2", "QUIRE_TEST_HANG_LIMIT": "3"])
        #expect(result.standardError.contains("discurso.tif', page 2: no result after 3 s"))
        #expect(result.standardError.contains("was stuck on a page"))
        #expect(result.status == 3, "\(result.standardError)")
        #expect(Date().timeIntervalSince(started) < 120)
        let status = try quire("status", "luz", "--json")
        let json = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any]
        let states = (json?["pages"] as? [[String: Any]])?.map { $0["state"] as? String ?? "" }
        #expect(states == ["done", "quarantined", "done", "done"])
        // A rerun does not block on it: it names the quarantined page, which waits for
        // --retry-quarantined, and its exit code says a page is still without text.
        let rerun = try quire("ocr", "luz")
        #expect(rerun.status == 3)
        #expect(rerun.standardError.contains("discurso.tif', page 2 (document 'luz' page 2): quarantined after 2 failed attempts, skipped; --retry-quarantined"), "\(rerun.standardError)")
    }

    /// Issue 14 #3: `kill -9` of `quire ocr` (not its group) left the supervised worker OCR-ing
    /// on its own, at nice 0; now the worker keeps the nice value it was started with and dies
    /// with its parent, and a rerun takes over the page it held.
    @Test func theWorkerKeepsTheNiceValueAndDiesWithItsParent() throws {
        #expect(try quire("init").status == 0)
        #expect(try quire("add", RepositoryPaths.bundledSample + "/discurso.tif", "--title", "Luz", "--lang", "spa", "--id", "luz").status == 0)
        let parent = Process()
        parent.executableURL = URL(fileURLWithPath: "/usr/bin/nice")
        parent.arguments = ["-n", "7", RepositoryPaths.quireExecutable, "ocr", "luz", "--jobs", "1", "--preprocess", "none"]
        parent.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        parent.environment = ProcessInfo.processInfo.environment.merging(["QUIRE_TEST_HANG_ON": "discurso.tif:2", "QUIRE_TEST_HANG_LIMIT": "600"]) { $1 }
        parent.standardOutput = FileHandle.nullDevice
        parent.standardError = FileHandle.nullDevice
        try parent.run()
        defer { if parent.isRunning { kill(parent.processIdentifier, SIGKILL) } }
        // The worker: the child of `quire` (nice execs it in place), reading page 2 for ever.
        func stat(_ pid: Int32, task: String? = nil) -> [Substring]? {
            let path = task.map { "/proc/\(pid)/task/\($0)/stat" } ?? "/proc/\(pid)/stat"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), let close = text.lastIndex(of: ")") else { return nil }
            return text[text.index(after: close)...].split(separator: " ")
        }
        var worker: Int32?
        for _ in 0..<600 where worker == nil {
            Thread.sleep(forTimeInterval: 0.1)
            let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap(Int32.init)
            worker = pids.first { stat($0)?[1] == Substring(String(parent.processIdentifier)) }
        }
        let child = try #require(worker, "the OCR worker never started")
        Thread.sleep(forTimeInterval: 3)  // its threads are up and reading
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(child)/task")) ?? []
        #expect(!tasks.isEmpty)
        for task in tasks { #expect(stat(child, task: task)?[16] == "7", "thread \(task) of the worker") }  // field 19: nice
        kill(parent.processIdentifier, SIGKILL)
        parent.waitUntilExit()
        var gone = false
        for _ in 0..<100 where !gone {
            Thread.sleep(forTimeInterval: 0.1)
            gone = kill(child, 0) != 0 || stat(child)?[0] == "Z"
        }
        #expect(gone, "the worker outlived its parent")
        // The rerun takes over page 2, which the dead worker had claimed.
        let rerun = try CommandRunner.run(RepositoryPaths.quireExecutable, ["ocr", "luz", "--jobs", "1", "--preprocess", "none"], in: folder.path)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        let status = try quire("status", "luz", "--json")
        let json = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any]
        #expect((json?["pages"] as? [[String: Any]])?.map { $0["state"] as? String ?? "" } == ["done", "done", "done", "done"])
    }

    @Test func aCrashOnOnePageLosesNothingAndQuarantinesThatPage() throws {
        #expect(try quire("init").status == 0)
        #expect(try quire("add", RepositoryPaths.bundledSample + "/discurso.tif", "--title", "Luz", "--lang", "spa", "--id", "luz").status == 0)
        let result = try CommandRunner.run(
            RepositoryPaths.quireExecutable, ["ocr", "luz", "--jobs", "1", "--preprocess", "none"], in: folder.path,
            environment: ["QUIRE_TEST_CRASH_ON": "discurso.tif:3"])
        #expect(result.standardError.contains("crashed"))
        #expect(result.status == 3, "\(result.standardError)")
        let status = try quire("status", "luz", "--json")
        let json = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any]
        let states = (json?["pages"] as? [[String: Any]])?.map { $0["state"] as? String ?? "" }
        #expect(states == ["done", "done", "quarantined", "done"])
    }

    @Test(.enabled(if: RepositoryPaths.hasSharedCorpora, "\(RepositoryPaths.sharedMissingMessage)"))
    func evalScoresTesseractsSmokeTest() throws {
        let smoke = try #require(RepositoryPaths.sharedCorpora) + "/tesseract-testing-smoke"
        let result = try quire("eval", "--truth", smoke, "--lang", "eng", "--json")
        #expect(result.status == 0, "\(result.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let total = json?["total"] as? [String: Any]
        #expect((total?["cer"] as? Double ?? 1) < 0.05)
        #expect((json?["pages"] as? [Any])?.count == 2)
    }
}
