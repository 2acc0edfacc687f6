import Foundation
import QuireTestSupport
import Testing

/// `quire user` and `quire serve` as a user runs them (the browser side is Scripts/tests/serve-check).
@Suite("quire user and quire serve")
struct ServeCLITests {
    let folder: TemporaryDirectory
    static let password = "correct horse battery staple"

    init() throws {
        folder = try TemporaryDirectory(prefix: "quire serve")
        #expect(try quire("init").status == 0)
    }

    func quire(_ arguments: String..., input: String? = nil) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path, input: input)
    }

    @Test func anAccountsPasswordComesFromStandardInputAndIsStoredHashed() throws {
        let added = try quire("user", "add", "ana", "--role", "proofreader", input: Self.password + "\n")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(try quire("user", "list").standardOutput == "ana\tproofreader\n")
        let stored = try #require(FileManager.default.contents(atPath: folder.file("quire.sqlite")))
        #expect(stored.range(of: Data(Self.password.utf8)) == nil)
        // The same name again needs --replace; a short password is refused.
        #expect(try quire("user", "add", "ana", "--role", "admin", input: Self.password + "\n").status != 0)
        #expect(try quire("user", "add", "ana", "--role", "admin", "--replace", input: Self.password + "\n").status == 0)
        let short = try quire("user", "add", "ben", "--role", "proofreader", input: "short\n")
        #expect(short.status != 0 && short.standardError.contains("shorter"))
        #expect(try quire("user", "add", "ben", "--role", "proofreader", "--password", Self.password).status != 0)
    }

    @Test func listeningBeyondThisMachineNeedsAnAccount() throws {
        let refused = try quire("serve", "--host", "0.0.0.0", "--port", "0")
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("no account") && refused.standardError.contains("quire user add"))
    }

    @Test func aCatalogueFromANewerQuireIsRefusedAtStart() throws {
        let python = try CommandRunner.run("/usr/bin/env", ["python3", "-c", """
            import sqlite3; c = sqlite3.connect('quire.sqlite'); c.execute("INSERT INTO grdb_migrations VALUES ('v99-from-the-future')"); c.commit()
            """], in: folder.path)
        #expect(python.status == 0, "\(python.standardError)")
        let refused = try quire("serve", "--port", "0")
        #expect(refused.status == 5)
        #expect(refused.standardError.contains("newer version of Quire"))
    }

    @Test func theServerStopsCleanlyOnSIGTERM() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RepositoryPaths.quireExecutable)
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait (at most 30 s) for the line saying where it listens.
        var said = ""
        let deadline = Date().addingTimeInterval(30)
        while !said.contains("proofreading room is open at http://127.0.0.1:"), Date() < deadline, process.isRunning {
            said += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(said.contains("proofreading room is open at http://127.0.0.1:"), "\(said)")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}
