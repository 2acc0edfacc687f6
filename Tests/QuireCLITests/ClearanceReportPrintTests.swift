import Foundation
import QuireTestSupport
import Testing

/// Issue 15 #9: the HTML clearance report is something a rights officer hands a director: one
/// section per document, human dates, reasons, a print stylesheet; checked by printing it to PDF
/// with headless Chromium and reading the pages back (pdftotext, pdftoppm).
@Suite("Clearance report for a director")
struct ClearanceReportPrintTests {
    let folder: TemporaryDirectory

    init() throws {
        let folder = try TemporaryDirectory(prefix: "quire report")
        self.folder = folder
        let quire = { (arguments: [String]) throws -> CommandResult in
            try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path, environment: ["QUIRE_ACTOR": "Ana Rights"])
        }
        #expect(try quire(["init"]).status == 0)
        let documents: [[String]] = [
            ["--id", "cuentos", "--title", "Cuentos de la sierra", "--author", "Rosa Vidal (1861–1930)", "--published", "1925", "--place", "Madrid", "--country", "ES"],
            ["--id", "ensayo", "--title", "Ensayo sobre la luz", "--author", "Ana Pérez (1890–1950)", "--published", "1940", "--country", "ES"],
            ["--id", "memoria", "--title", "Memoria de la fábrica", "--author", "anonymous", "--unpublished", "--created", "1939", "--country", "DE"],
        ]
        for (index, facts) in documents.enumerated() {
            try folder.write("scan\(index).png", bytes: ImageFixtures.png(width: 40 + index, height: 40))
            let add = try quire(["add", "scan\(index).png", "--lang", "spa"] + facts)
            #expect(add.status == 0, "\(add.standardError)")
        }
        // Commons rejected although the engine says free: the report must say why.
        #expect(try quire(["clearance", "review", "cuentos", "--target", "commons", "--reason", "heirs wrote to us"]).status == 0)
        #expect(try quire(["clearance", "reject", "cuentos", "--target", "commons", "--reason", "the heirs dispute the death date"]).status == 0)
        #expect(try quire(["clearance", "review", "cuentos", "--target", "es.wikisource", "--reason", "checked the death record"]).status == 0)
        #expect(try quire(["clearance", "clear", "cuentos", "--target", "es.wikisource", "--reason", "died 1930, life+80 ran out"]).status == 0)
        let report = try quire([
            "clearance", "report", "--format", "html", "--out", "report.html", "--as-of", "2026-11-24",
            "--target", "es.wikisource", "--target", "en.wikisource", "--target", "commons",
        ])
        #expect(report.status == 0, "\(report.standardError)")
    }

    var html: String { (try? String(contentsOfFile: folder.file("report.html"), encoding: .utf8)) ?? "" }

    @Test("issue 15 #9: one section per document with its facts, one line per target, human dates, the decision's reason")
    func sectionsFactsAndReasons() throws {
        let html = html
        #expect(html.components(separatedBy: "<section class=\"doc\"").count - 1 == 3)
        #expect(html.contains("Author Rosa Vidal (1861–1930)") && html.contains("Published 1925, Madrid") && html.contains("Country: ES"))
        #expect(html.contains("Unpublished · Created 1939"))
        #expect(html.contains("As of <b>24 November 2026</b>"))
        #expect(html.contains("<b>Decision:</b> the heirs dispute the death date"))
        #expect(html.contains("The decision differs from the engine's verdict (free)"))
        #expect(html.contains("free on 1 January 2036"))  // dates inside the engine's reasons too
        // No raw timestamp: decisions are dated as people write dates.
        #expect(html.range(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d"#, options: .regularExpression) == nil)
        #expect(html.contains("@media print") && html.contains("@page"))
        // Totals come before the documents.
        let totals = try #require(html.range(of: "class=\"totals\""))
        let firstSection = try #require(html.range(of: "<section class=\"doc\""))
        #expect(totals.lowerBound < firstSection.lowerBound)
    }

    @Test("issue 15 #9: printed with headless Chromium: no widgets, every reason shown, page headers, three documents on one page",
          .enabled(if: Chromium.path != nil, Chromium.skipReason))
    func printedToPDF() throws {
        let chromium = try #require(Chromium.path)
        let profile = try TemporaryDirectory(prefix: "chromium profile")
        let print = try CommandRunner.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--no-pdf-header-footer",
            "--print-to-pdf=\(folder.file("report.pdf"))", "file://\(folder.file("report.html"))",
        ], in: folder.path)
        #expect(FileManager.default.fileExists(atPath: folder.file("report.pdf")), "\(print.standardError)")
        let info = try CommandRunner.run("/usr/bin/pdfinfo", ["report.pdf"], in: folder.path).standardOutput
        let pages = info.components(separatedBy: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        #expect(pages == 1, "\(info)")
        let text = try CommandRunner.run("/usr/bin/pdftotext", ["-layout", "report.pdf", "-"], in: folder.path).standardOutput
        for title in ["Cuentos de la sierra", "Ensayo sobre la luz", "Memoria de la fábrica"] { #expect(text.contains(title), "\(title)") }
        #expect(text.contains("the heirs dispute the death date"))
        #expect(text.contains("120 years from creation"))  // a reason, shown on paper without a click
        #expect(text.contains("Quire clearance report, as of 24 November 2026"))  // the page header
        #expect(text.contains("page 1 of 1"))
        #expect(!text.contains("Search") && !text.contains("lines"))  // no filter widgets on paper
        // The pages as images, for a person to look at (kept in the test folder while it runs).
        let images = try CommandRunner.run("/usr/bin/pdftoppm", ["-png", "-r", "60", "report.pdf", "page"], in: folder.path)
        #expect(images.status == 0)
        let pngs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }
        #expect(pngs.count == pages)
        if let keep = ProcessInfo.processInfo.environment["QUIRE_KEEP_REPORT_PDF"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: folder.path, toPath: keep)
        }
    }
}

/// Headless Chromium for the print test: the system's, else installed once with apt-get when
/// running as root (as `make test` does); otherwise the test is skipped and says why.
enum Chromium {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]

    static let path: String? = {
        if let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)),
           FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm") { return found }
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get") else { return nil }
        _ = try? CommandRunner.run(
            "/usr/bin/apt-get", ["install", "-y", "--no-install-recommends", "chromium", "poppler-utils"], in: "/",
            environment: ["DEBIAN_FRONTEND": "noninteractive"])
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm") else { return nil }
        return candidates.first(where: FileManager.default.isExecutableFile(atPath:))
    }()

    static let skipReason: Comment = "skipped: headless Chromium and poppler-utils are not installed and could not be (run as root: apt-get install -y chromium poppler-utils)"
}
