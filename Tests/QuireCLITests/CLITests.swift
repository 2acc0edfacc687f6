import Foundation
import QuireTestSupport
import Testing

/// Runs the built `quire` binary and checks its output and exit codes, as a user sees them.
@Suite("quire command line")
struct CLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire cli") }

    func quire(_ arguments: String..., in directory: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: directory ?? folder.path, environment: environment)
    }

    @Test func helpListsEveryCommandWithADescription() throws {
        let result = try quire("--help")
        #expect(result.status == 0)
        for command in ["init", "add", "status"] {
            #expect(result.standardOutput.contains("  \(command) "), "missing \(command)")
        }
        #expect(try quire("--version").standardOutput.hasPrefix("quire "))
    }

    @Test func commandsWithoutACatalogueSayHowToMakeOne() throws {
        let result = try quire("status")
        #expect(result.status == 5)
        #expect(result.standardError.contains("quire init"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func initAddStatusEndToEnd() throws {
        #expect(try quire("init").status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.file("quire.sqlite")))
        #expect(try quire("init").status == 0)  // idempotent

        try folder.write("scans/-rf $(x) página 1.png", bytes: ImageFixtures.png(width: 40, height: 40))
        try folder.write("scans/página 2.png", bytes: ImageFixtures.png(width: 40, height: 41))
        let sub = folder.file("scans")
        let add = try quire(
            "add", "--title", "Discurso de prueba", "--lang", "spa", "--author", "Ana Pérez (1890–1951)", "--published", "1931",
            "--country", "CL", "--wiki-file", "Discurso 1931.pdf", "--", ".", in: sub)
        #expect(add.status == 0, "\(add.standardError)")
        #expect(add.standardOutput.contains("-rf $(x) página 1.png"))

        let status = try quire("status", "--json", in: sub)
        #expect(status.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any]
        let documents = json?["documents"] as? [[String: Any]]
        #expect(documents?.first?["id"] as? String == "discurso-de-prueba")
        #expect(documents?.first?["pages"] as? Int == 2)
        #expect((documents?.first?["clearance"] as? [String: String])?["es.wikisource"] == "uncleared")

        let detail = try quire("status", "discurso-de-prueba")
        #expect(detail.standardOutput.contains("Ana Pérez (1890–1951)"))
        #expect(detail.standardOutput.contains("pending"))
    }

    @Test func partialFailureExitsWithThreeAndKeepsTheGoodFiles() throws {
        _ = try quire("init")
        try folder.write("ok.png", bytes: ImageFixtures.png(width: 10, height: 10))
        try folder.write("empty.tif", bytes: [])
        let result = try quire("add", "ok.png", "empty.tif", "--title", "T", "--lang", "eng")
        #expect(result.status == 3)
        #expect(result.standardError.contains("empty.tif"))
        #expect(result.standardError.contains("empty"))
        let status = try quire("status", "t", "--json")
        let json = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any]
        #expect((json?["pages"] as? [Any])?.count == 1)
    }

    @Test func fileOfAnotherDocumentIsAConflict() throws {
        _ = try quire("init")
        try folder.write("a.png", bytes: ImageFixtures.png(width: 10, height: 10))
        #expect(try quire("add", "a.png", "--title", "Uno", "--lang", "spa").status == 0)
        let second = try quire("add", "a.png", "--title", "Dos", "--lang", "spa")
        #expect(second.status == 6)
        #expect(second.standardError.contains("'uno'"))
        #expect(try quire("status", "dos").status == 6)
    }

    @Test func badOptionValuesAreUsageErrors() throws {
        _ = try quire("init")
        let result = try quire("add", "x.png", "--title", "T", "--lang", "spa", "--published", "someday")
        #expect(result.status == 64)
        #expect(result.standardError.contains("--published"))
        #expect(try quire("add", "x.png", "--title", "T", "--lang", "sp a").status == 64)
        #expect(try quire("add", "x.png", "--title", "T", "--lang", "spa", "--author", "X (abc)").status == 64)
    }

    @Test func catalogueFromTheEnvironmentIsUsed() throws {
        let elsewhere = try TemporaryDirectory()
        #expect(try quire("init", "--catalogue", elsewhere.path).status == 0)
        let status = try quire("status", environment: ["QUIRE_CATALOGUE": elsewhere.file("quire.sqlite")])
        #expect(status.status == 0)
        #expect(status.standardOutput.contains(elsewhere.file("quire.sqlite")))
    }
}

/// A digitally signed PDF waits for a person's decision (quality bar O-4).
@Suite("Signed PDFs", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfsig"), "needs pdfsig (poppler-utils)"))
struct SignedPDFTests {
    @Test func signedPDFIsRefusedUntilAPersonAcceptsIt() throws {
        let folder = try TemporaryDirectory()
        try folder.write("firmado.pdf", bytes: ImageFixtures.signedPDF())
        try folder.write("plain.pdf", bytes: ImageFixtures.pdf(pages: 1))
        let quire = RepositoryPaths.quireExecutable
        #expect(try CommandRunner.run(quire, ["init"], in: folder.path).status == 0)
        let refused = try CommandRunner.run(quire, ["add", "firmado.pdf", "plain.pdf", "--title", "Acta", "--lang", "spa"], in: folder.path)
        #expect(refused.status == 3)
        #expect(refused.standardError.contains("digitally signed"))
        #expect(refused.standardError.contains("--accept-signed-pdf"))
        let accepted = try CommandRunner.run(quire, ["add", "firmado.pdf", "--title", "Acta", "--lang", "spa", "--accept-signed-pdf"], in: folder.path)
        #expect(accepted.status == 0, "\(accepted.standardError)")
        #expect(accepted.standardOutput.contains("added"))
    }
}
