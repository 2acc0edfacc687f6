import Foundation
import GRDB
import QuireTestSupport
import Testing

/// A rights officer's session: facts at `add` and with `set`, review, clear, history, reports,
/// and the gate on `wikitext`.
@Suite("quire clearance workflow")
struct ClearanceWorkflowCLITests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        try folder.write("scan.png", bytes: ImageFixtures.png(width: 40, height: 40))
        #expect(try quire("init").status == 0)
    }

    func quire(_ arguments: String..., environment: [String: String] = ["QUIRE_ACTOR": "Ana Rights"]) throws -> CommandResult {
        try quire(arguments, environment: environment)
    }

    func quire(_ arguments: [String], environment: [String: String] = ["QUIRE_ACTOR": "Ana Rights"]) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path, environment: environment)
    }

    func json(_ result: CommandResult) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    }

    @Test func factsDecisionsHistoryAndTheGate() throws {
        let add = try quire(
            "add", "scan.png", "--id", "discurso", "--title", "Discurso", "--lang", "spa", "--author", "Salvador Allende (1908–1973)",
            "--published", "1971", "--country", "CL", "--speech", "public")
        #expect(add.status == 0, "\(add.standardError)")
        try folder.write("permiso.txt", text: "Permiso de la fundación")
        let set = try quire(
            "clearance", "set", "discurso", "--licence", "https://creativecommons.org/licenses/by-sa/4.0/", "--rights-holder", "Fundación X",
            "--ticket", "2026112410000001", "--evidence-file", "permiso.txt", "--reason", "release letter received")
        #expect(set.status == 0, "\(set.standardError)")
        #expect(set.standardOutput.contains("licence: unknown → CC-BY-SA-4.0"))

        let show = try json(try quire("clearance", "show", "discurso", "--json", "--as-of", "2026-11-24")) as? [String: Any]
        let targets = show?["targets"] as? [String: [String: Any]]
        #expect(targets?["commons"]?["verdict"] as? String == "free")  // a release with evidence on record
        #expect(targets?["commons"]?["status"] as? String == "uncleared")
        #expect(((show?["rights"] as? [String: Any])?["evidence"] as? [Any])?.count == 2)

        // The gate: refused with exit 9 and the reason.
        let refused = try quire("wikitext", "discurso", "--wiki", "es", "--out", "w")
        #expect(refused.status == 9)
        #expect(refused.standardError.contains("not cleared for es.wikisource"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("w")))

        // Workflow: uncleared → cleared directly is refused; review then clear.
        #expect(try quire("clearance", "clear", "discurso", "--target", "es.wikisource", "--reason", "ok").status == 64)
        #expect(try quire("clearance", "review", "discurso", "--all-targets", "--reason", "release letter").status == 0)
        let clear = try quire("clearance", "clear", "discurso", "--target", "es.wikisource", "--target", "commons", "--reason", "CC BY-SA 4.0 by the rights holder")
        #expect(clear.status == 0, "\(clear.standardError)")
        #expect(try quire("clearance", "reject", "discurso", "--target", "fr.wikisource", "--reason", "French policy: ask first").status == 0)
        // Past the gate now (no text yet: exit 4, not 9).
        let early = try quire("wikitext", "discurso", "--wiki", "es", "--out", "w")
        #expect(early.status == 4, "\(early.standardError)")

        let history = try json(try quire("clearance", "history", "discurso", "--json")) as? [[String: Any]]
        let kinds = history?.compactMap { $0["kind"] as? String } ?? []
        #expect(kinds == ["facts", "facts"] + Array(repeating: "transition", count: 7 + 2 + 1))  // every target reviewed, two cleared, one rejected
        #expect(history?.last?["actor"] as? String == "Ana Rights")
        #expect(history?.last?["to"] as? String == "rejected")
        #expect(history?.allSatisfy { $0["at"] is String && $0["sequence"] is Int } == true)
        let text = try quire("clearance", "history", "discurso")
        #expect(text.standardOutput.contains("es.wikisource: in-review → cleared by Ana Rights: CC BY-SA 4.0 by the rights holder"))

        let status = try json(try quire("status", "--json")) as? [String: Any]
        let clearance = ((status?["documents"] as? [[String: Any]])?.first?["clearance"] as? [String: String])
        #expect(clearance?["es.wikisource"] == "cleared")
        #expect(clearance?["fr.wikisource"] == "rejected")
        #expect(try quire("status").standardOutput.contains("cleared: es.wikisource, commons"))
    }

    @Test func overridesAreRecordedAndNeedAReason() throws {
        #expect(try quire("add", "scan.png", "--id", "anon", "--title", "Anónimo", "--lang", "spa").status == 0)
        #expect(try quire("wikitext", "anon", "--wiki", "de", "--out", "w", "--override-clearance", "short").status == 64)
        let overridden = try quire("wikitext", "anon", "--wiki", "de", "--out", "w", "--override-clearance", "internal test wiki only", environment: ["QUIRE_ACTOR": "Luis"])
        #expect(overridden.status == 4)  // past the gate; the page has no text yet
        #expect(overridden.standardError.contains("going ahead by override"))
        // Nothing was written, so no override is recorded for it.
        #expect((try json(try quire("clearance", "history", "anon", "--json")) as? [Any])?.isEmpty == true)
        try folder.write("p.xml", text: """
            <?xml version="1.0" encoding="UTF-8"?>
            <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page WIDTH="100" HEIGHT="100"><PrintSpace>
            <TextBlock ID="b"><TextLine ID="l"><String CONTENT="Texto" HPOS="1" VPOS="1" WIDTH="50" HEIGHT="10" WC="0.9"/></TextLine></TextBlock>
            </PrintSpace></Page></Layout></alto>
            """)
        #expect(try quire("import", "anon", "p.xml").status == 0)
        let written = try quire("wikitext", "anon", "--wiki", "de", "--out", "w", "--override-clearance", "internal test wiki only", environment: ["QUIRE_ACTOR": "Luis"])
        #expect(written.status == 0, "\(written.standardError)")
        let history = try json(try quire("clearance", "history", "anon", "--json")) as? [[String: Any]]
        #expect(history?.count == 1)
        #expect(history?.first?["kind"] as? String == "override")
        #expect(history?.first?["actor"] as? String == "Luis")
        #expect(history?.first?["target"] as? String == "de.wikisource")
        #expect(history?.first?["reason"] as? String == "internal test wiki only")
    }

    @Test("issue 15 #7: printing one page to proofread needs no override and records nothing; files stay gated")
    func onePagePreviewIsNotARelease() throws {
        try folder.write("p.xml", text: """
            <?xml version="1.0" encoding="UTF-8"?>
            <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page WIDTH="100" HEIGHT="100"><PrintSpace>
            <TextBlock ID="b"><TextLine ID="l"><String CONTENT="Texto" HPOS="1" VPOS="1" WIDTH="50" HEIGHT="10" WC="0.9"/></TextLine></TextBlock>
            </PrintSpace></Page></Layout></alto>
            """)
        #expect(try quire("add", "scan.png", "--id", "prueba", "--title", "Prueba", "--lang", "spa").status == 0)
        #expect(try quire("import", "prueba", "p.xml").status == 0)
        for _ in 0..<3 {
            let preview = try quire("wikitext", "prueba", "--wiki", "es", "--page", "1")
            #expect(preview.status == 0, "\(preview.standardError)")
            #expect(preview.standardOutput.contains("Texto"))
        }
        #expect((try json(try quire("clearance", "history", "prueba", "--json")) as? [Any])?.isEmpty == true)
        let files = try quire("wikitext", "prueba", "--wiki", "es", "--out", "w")
        #expect(files.status == 9)
        #expect(!FileManager.default.fileExists(atPath: folder.file("w")))
        let both = try quire("wikitext", "prueba", "--wiki", "es", "--out", "w", "--page", "1")
        #expect(both.status == 9)
    }

    @Test("issue 15 #8: --created with its precision, terms from creation, facts given at add in the history, each reason once")
    func creationDateHistoryAndReasons() throws {
        let add = try quire(
            "add", "scan.png", "--id", "memoria", "--title", "Memoria", "--lang", "deu", "--author", "anonymous", "--unpublished",
            "--created", "1939", "--country", "DE")
        #expect(add.status == 0, "\(add.standardError)")
        let show = try quire("clearance", "show", "memoria", "--as-of", "2026-11-24")
        #expect(show.standardOutput.contains("Created:       1939"))
        #expect(show.standardOutput.contains("created 1939, protected 120 years from creation"))
        #expect(show.standardOutput.components(separatedBy: "\n").contains { $0.hasPrefix("  en.wikisource") && $0.contains("not-free") && $0.contains("2060-01-01") })
        let history = try quire("clearance", "history", "memoria").standardOutput
        #expect(history.contains("created: unknown → 1939"))
        #expect(history.contains("country: unknown → DE"))
        #expect(history.contains("published: unknown → unpublished"))
        #expect(history.contains("given at 'quire add'"))
        // The precision is kept, and `clearance set` changes the date.
        #expect(try quire("clearance", "set", "memoria", "--created", "1890s", "--reason", "archive's dating").status == 0)
        #expect(try quire("clearance", "history", "memoria").standardOutput.contains("created: 1939 → 1890s"))
        // The JSON Lines interface takes the same fact.
        let evaluated = try CommandRunner.run(
            RepositoryPaths.quireExecutable, ["clearance", "evaluate", "--as-of", "2026-11-24"], in: folder.path,
            input: "{\"id\":\"m\",\"contributors\":[{\"role\":\"author\",\"anonymous\":true}],\"unpublished\":true,\"created\":1939,\"country\":\"DE\"}\n")
        #expect(evaluated.status == 0, "\(evaluated.standardError)")
        #expect(evaluated.standardOutput.contains("\"free_from\":\"2060-01-01\""))

        // A work whose verdict cites the source country twice (today, and as of 1996 for URAA).
        try folder.write("ensayo.png", bytes: ImageFixtures.png(width: 41, height: 40))
        #expect(try quire("add", "ensayo.png", "--id", "ensayo", "--title", "Ensayo", "--lang", "spa", "--author", "Ana Pérez (1890–1950)",
                          "--published", "1940", "--country", "ES").status == 0)
        let reasons = try quire("clearance", "show", "ensayo", "--as-of", "2026-11-24").standardOutput
        var block: [String] = []
        for line in reasons.components(separatedBy: "\n") + [""] {
            if line.hasPrefix("  - ") {
                block.append(line.replacingOccurrences(of: "(as of 1996-01-01) ", with: ""))
            } else {
                #expect(Set(block).count == block.count, "a reason repeated: \(block)")
                block = []
            }
        }
    }

    /// Issue 14 #2: the probe rewrote a "rejected" decision as "cleared" with SQL; now every
    /// release, `show`, `history` and `verify` stop on it, naming the entry, and the head hash a
    /// report printed before shows what the history was.
    @Test func aHistoryRewrittenOutsideQuireStopsEveryRelease() throws {
        #expect(try quire("add", "scan.png", "--id", "discurso", "--title", "Discurso", "--lang", "spa").status == 0)
        #expect(try quire("clearance", "review", "discurso", "--target", "es.wikisource", "--reason", "check").status == 0)
        #expect(try quire("clearance", "reject", "discurso", "--target", "es.wikisource", "--reason", "not free yet").status == 0)
        let verified = try quire("clearance", "verify", "--json")
        #expect(verified.status == 0, "\(verified.standardError)")
        let head = try #require((try json(verified) as? [String: String])?["head"])
        #expect(head.count == 64)
        #expect(try quire("clearance", "report", "--format", "html", "--out", "report.html").status == 0)
        #expect(try String(contentsOfFile: folder.file("report.html"), encoding: .utf8).contains(head))

        let edit = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.executescript("DROP TRIGGER clearance_event_is_append_only_update; UPDATE clearance_event SET to_status = 'cleared' WHERE to_status = 'rejected'; CREATE TRIGGER clearance_event_is_append_only_update BEFORE UPDATE ON clearance_event BEGIN SELECT RAISE(ABORT, 'x'); END;")
            db.commit()
            """
        let python = try CommandRunner.run("/usr/bin/env", ["python3", "-c", edit, folder.file("quire.sqlite")], in: folder.path)
        #expect(python.status == 0, "\(python.standardError)")

        for command in [["wikitext", "discurso", "--wiki", "es", "--out", "w"], ["clearance", "show", "discurso"], ["clearance", "history", "discurso"], ["clearance", "verify"]] {
            let result = try quire(command)
            #expect(result.status == 5, "\(command): \(result.standardError)")
            #expect(result.standardError.contains("entry #2") && result.standardError.contains("does not match the chain"), "\(command): \(result.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("w")))
    }

    /// Issue 14 #6: a reason cannot forge a history line, and a title cannot move the cursor.
    @Test func controlCharactersAreRefusedInEntriesAndShownEscaped() throws {
        let title = "Discurso\n#9  2026-01-01  es.wikisource: in-review → cleared by Chief\u{1B}[2K\u{202E}"
        #expect(try quire("add", "scan.png", "--id", "discurso", "--title", title, "--lang", "spa").status == 0)
        for reason in ["check\n#9  2026-01-01  es.wikisource: in-review → cleared by Chief", "check\u{1B}[1A", "check\rcleared", "\u{202E}deniaelc"] {
            let refused = try quire("clearance", "review", "discurso", "--target", "es.wikisource", "--reason", reason)
            #expect(refused.status == 64, "\(refused.standardError)")
            #expect(refused.standardError.contains("control character"))
        }
        let override = try quire("wikitext", "discurso", "--wiki", "es", "--out", "w", "--override-clearance", "test run\nforged line")
        #expect(override.status == 64, "\(override.standardError)")
        let history = try quire("clearance", "history", "discurso", "--json")
        #expect(((try json(history)) as? [Any])?.isEmpty == true)
        for command in [["status", "discurso"], ["clearance", "show", "discurso"]] {
            let shown = try quire(command)
            #expect(shown.status == 0, "\(shown.standardError)")
            #expect(!shown.standardOutput.contains("\u{1B}") && !shown.standardOutput.contains("\u{202E}") && !shown.standardOutput.contains("Discurso\n"), "\(command)")
            #expect(shown.standardOutput.contains("Discurso\\u{A}#9") && shown.standardOutput.contains("\\u{1B}[2K"), "\(command): \(shown.standardOutput)")
        }
    }

    /// Issue 14 #7: output files go through a temporary of an unpredictable name created with
    /// O_EXCL|O_NOFOLLOW and renamed into place; a link at the target is replaced, not followed;
    /// temporaries a killed run left behind are removed, a running one's kept.
    @Test func outputFilesNeverWriteThroughLinksAndStaleTemporariesGo() throws {
        try folder.write("outside.txt", text: "keep")
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.file("out/report.csv"), withDestinationPath: folder.file("outside.txt"))
        try folder.write("out/.report.csv.quire-4194303-dead.part", text: "stale")
        let live = ".other.csv.quire-\(getpid())-beef.part"
        try folder.write("out/\(live)", text: "in use")
        let result = try quire("clearance", "report", "--format", "csv", "--out", "out/report.csv")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: folder.file("outside.txt"), encoding: .utf8) == "keep")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("out/report.csv"))
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOfFile: folder.file("out/report.csv"), encoding: .utf8).hasPrefix("document,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("out")).sorted() == [live, "report.csv"].sorted())
    }

    /// Issue 14 #10: six officers clearing at once: one wins, every other exits 6, none 64; and a
    /// reading command does not wait for a writer's lock.
    @Test func concurrentDecisionsLoseWithConflictAndReadersNeverWait() throws {
        #expect(try quire("add", "scan.png", "--id", "discurso", "--title", "Discurso", "--lang", "spa").status == 0)
        #expect(try quire("clearance", "review", "discurso", "--target", "es.wikisource", "--reason", "check").status == 0)
        let processes = (0..<6).map { index -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RepositoryPaths.quireExecutable)
            process.arguments = ["clearance", "reject", "discurso", "--target", "es.wikisource", "--reason", "officer \(index) says no"]
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
            process.environment = ProcessInfo.processInfo.environment.merging(["QUIRE_ACTOR": "Officer \(index)"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let codes = processes.map(\.terminationStatus).sorted()
        #expect(codes == [0, 6, 6, 6, 6, 6], "\(codes)")

        // A writer holding the lock before its first commit, the write-ahead log still empty (as
        // a command that just opened the catalogue): `status`, `clearance history`, `show`,
        // `report` and `verify` read a snapshot at once.
        let queue = try DatabaseQueue(path: folder.file("quire.sqlite"))
        try queue.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            // Waiting would end in catalogue_busy (exit 5) after the 10 s lock timeout.
            for command in [["status"], ["clearance", "history", "discurso"], ["clearance", "show", "discurso"], ["clearance", "report"], ["clearance", "verify"]] {
                let result = try quire(command)
                #expect(result.status == 0, "\(command): \(result.standardError)")
            }
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test func reportsInEveryFormat() throws {
        #expect(try quire("add", "scan.png", "--id", "viejo", "--title", "Viejo", "--lang", "spa", "--author", "Ana (1850–1900)", "--published", "1890", "--country", "ES").status == 0)
        let table = try quire("clearance", "report", "--as-of", "2026-11-24")
        #expect(table.status == 0)
        #expect(table.standardOutput.contains("viejo"))
        #expect(table.standardOutput.contains("Totals:"))
        let csv = try quire("clearance", "report", "--format", "csv", "--target", "es.wikisource", "--as-of", "2026-11-24")
        #expect(csv.standardOutput.hasPrefix("document,title,target,status,verdict,free_from"))
        #expect(csv.standardOutput.components(separatedBy: "\r\n").count == 3)
        let report = try json(try quire("clearance", "report", "--format", "json", "--as-of", "2026-11-24")) as? [String: Any]
        #expect((report?["rows"] as? [Any])?.count == 7)  // one document, every target
        #expect(try quire("clearance", "report", "--format", "html", "--out", "report.html").status == 0)
        let html = try String(contentsOfFile: folder.file("report.html"), encoding: .utf8)
        #expect(html.contains("<main id=\"documents\">"))
        #expect(html.contains("viejo"))
    }

    @Test func badRequestsAreRefusedWithTheirExitCodes() throws {
        #expect(try quire("add", "scan.png", "--id", "d", "--title", "D", "--lang", "spa").status == 0)
        #expect(try quire("clearance", "set", "d").status == 64)  // nothing to set
        #expect(try quire("clearance", "set", "d", "--licence", "my own").status == 64)
        #expect(try quire("clearance", "set", "nobody", "--speech", "public").status == 6)
        let missingFile = try quire("clearance", "set", "d", "--evidence-file", "nope.pdf")
        #expect(missingFile.status == 4)
        #expect(missingFile.standardError.contains("nope.pdf"))
        #expect(try quire("clearance", "review", "d", "--reason", "x").status == 64)  // no target
        #expect(try quire("clearance", "review", "d", "--target", "xx.wikisource", "--reason", "x").status == 64)
        let empty = try json(try quire("clearance", "history", "d", "--json")) as? [Any]
        #expect(empty?.isEmpty == true)
    }
}
