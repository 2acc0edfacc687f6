import Foundation
import QuireTestSupport
import Testing

/// Issue 15 #5: `quire add FOLDER` with subfolders.
@Suite("quire add with subfolders")
struct AddFolderCLITests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory(prefix: "quire add folders")
        // A book scanned chapter by chapter, with a note beside the folders.
        try folder.write("libro/cap10/p1.png", bytes: ImageFixtures.png(width: 40, height: 40))
        try folder.write("libro/cap2/p10.png", bytes: ImageFixtures.png(width: 41, height: 40))
        try folder.write("libro/cap2/p9.png", bytes: ImageFixtures.png(width: 42, height: 40))
        try folder.write("libro/notas.txt", text: "escaneado en 2025")
    }

    func quire(_ arguments: String...) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path)
    }

    @Test("issue 15 #5: without --recursive, subfolders are named as skipped and the command fails")
    func subfoldersAreNamed() throws {
        #expect(try quire("init").status == 0)
        let result = try quire("add", "libro", "--title", "Libro", "--lang", "spa")
        #expect(result.status == 4, "\(result.standardError)")
        #expect(result.standardError.contains("cap2") && result.standardError.contains("cap10"))
        #expect(result.standardError.contains("--recursive"))
        #expect(!result.standardError.contains("See 'quire status"))
    }

    @Test("issue 15 #5: --recursive registers every page in natural order by path")
    func recursive() throws {
        #expect(try quire("init").status == 0)
        let result = try quire("add", "libro", "--title", "Libro", "--lang", "spa", "--recursive", "--id", "libro")
        #expect(result.status == 0, "\(result.standardError)")
        let status = try JSONSerialization.jsonObject(with: Data(try quire("status", "libro", "--json").standardOutput.utf8)) as? [String: Any]
        let sources = (status?["pages"] as? [[String: Any]])?.compactMap { $0["sourcePath"] as? String } ?? []
        #expect(sources.map { $0.components(separatedBy: "/libro/").last ?? "" } == ["cap2/p9.png", "cap2/p10.png", "cap10/p1.png"])
    }
}
