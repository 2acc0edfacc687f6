import Foundation
import QuireCore
import QuirePublish
import QuireTestSupport
import Testing

/// `quire publish` against a real MediaWiki on loopback (Scripts/mediawiki-test-server), with a
/// fault-injecting proxy for the cases of quality-bar.md's P-table that can be produced locally.
/// Serialized: one small PHP server serves them all (the read-only case gets a wiki of its own).
@Suite("quire publish (real MediaWiki)", .serialized, .enabled(if: MediaWikiTestServer.isAvailable, "\(MediaWikiTestServer.skipMessage)"))
struct PublishCLITests {
    @Test("publishes every page once; a rerun sends nothing and adds no revision")
    func publishAndRerun() async throws {
        let fixture = try PublishFixture()
        let first = try fixture.publish()
        #expect(first.status == 0, "\(first.standardError)")
        #expect(PublishFixture.lines(first, "created").count == 5)
        #expect(try await fixture.revisionCounts() == [1, 1, 1, 1, 1])
        let second = try fixture.publish(["--json"])
        #expect(second.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(second.standardOutput.utf8)) as? [String: Any]
        let actions = (json?["results"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
        #expect(actions == Array(repeating: "already_published", count: 5))
        #expect(try await fixture.revisionCounts() == [1, 1, 1, 1, 1])
        // The wiki holds what Quire generated, with the pagequality tag naming the account.
        let reader = MediaWikiClient(api: URL(string: fixture.server.api)!, userAgent: "QuireTests/1")
        let page = try await reader.latestRevisions(of: [fixture.pageTitle(2)]).pages[fixture.pageTitle(2)]
        #expect(page?.text == "<noinclude><pagequality level=\"1\" user=\"Admin\" /></noinclude>Palabra2<noinclude></noinclude>")
        #expect(page?.user == "Admin")
    }

    @Test("P-9 and C-1: a save the catalogue never heard of (kill -9, dropped answer) is found and recorded, not repeated")
    func droppedConnectionAndLostRecord() async throws {
        let fixture = try PublishFixture()
        let proxy = try fixture.server.proxy(rules: [["match": ["action": "edit", "title": fixture.pageTitle(2)], "drop_after_forward": true]])
        let first = try fixture.publish(["--timeout", "4"], api: proxy.api)  // a dropped answer costs the timeout
        #expect(first.status == 0, "\(first.standardError)")
        #expect(PublishFixture.lines(first, "recovered").first?.contains(fixture.pageTitle(2)) == true)
        #expect(proxy.log.contains { $0.fault == "dropped" })
        #expect(try await fixture.revisionCounts() == [1, 1, 1, 1, 1])
        // As after kill -9 between the save and the catalogue write: the records are gone.
        let deleted = try CommandRunner.run(
            "/usr/bin/env", ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM published_revision'); c.commit()", fixture.folder.file("quire.sqlite")],
            in: fixture.folder.path)
        #expect(deleted.status == 0, "\(deleted.standardError)")
        let rerun = try fixture.publish()
        #expect(rerun.status == 0)
        #expect(PublishFixture.lines(rerun, "recovered").count == 5)
        #expect(try await fixture.revisionCounts() == [1, 1, 1, 1, 1])
        let again = try fixture.publish()
        #expect(PublishFixture.lines(again, "already_published").count == 5)
    }

    @Test("C-1: kill -9 in the middle of a batch, then a rerun: every page exactly once")
    func killNineThenResume() async throws {
        let fixture = try PublishFixture(pages: 4)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RepositoryPaths.quireExecutable)
        process.arguments = ["publish", fixture.id, "--wiki", "en", "--api", fixture.server.api, "--user", fixture.server.bot.user, "--throttle", "0.7"] + PublishFixture.testWikiOverride
        process.currentDirectoryURL = URL(fileURLWithPath: fixture.folder.path)
        process.environment = ProcessInfo.processInfo.environment.merging(["QUIRE_BOT_PASSWORD": fixture.server.bot.password, "QUIRE_ACTOR": "Test Suite"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(nanoseconds: 1_800_000_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = try await fixture.revisionCounts()
        #expect(before.contains(0), "the batch should have been killed before its end: \(before)")
        let rerun = try fixture.publish()
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try await fixture.revisionCounts() == [1, 1, 1, 1, 1, 1])
    }

    @Test("P-1: maxlag with Retry-After is waited out; lag that never ends fails with server_lag")
    func maxlag() async throws {
        let fixture = try PublishFixture(pages: 1)
        let proxy = try fixture.server.proxy(rules: [["match": ["action": "edit"], "api_error": "maxlag", "retry_after": "1", "times": 2]])
        let started = Date()
        let result = try fixture.publish(api: proxy.api)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Date().timeIntervalSince(started) >= 2, "two Retry-After: 1 waits")
        #expect(result.standardError.contains("waiting 1.0 s: maxlag"))
        #expect(try await fixture.revisionCounts() == [1, 1, 1])

        let lagged = try PublishFixture(pages: 1)
        let endless = try lagged.server.proxy(rules: [["match": ["action": "edit"], "api_error": "maxlag", "retry_after": "0", "times": 100]])
        let failed = try lagged.publish(["--max-tries", "3"], api: endless.api)
        #expect(failed.status == 8)
        #expect(failed.standardError.contains("stayed lagged for 3 tries"))
        #expect(endless.log.filter { $0.action == "edit" }.count == 3)
    }

    @Test("P-2, P-3: ratelimited, 503 with Retry-After and 502 without are retried with backoff")
    func overloadedServer() async throws {
        let fixture = try PublishFixture(pages: 1)
        let proxy = try fixture.server.proxy(rules: [
            ["match": ["action": "edit"], "api_error": "ratelimited"],
            ["match": ["action": "edit"], "http": 503, "retry_after": "1"],
            ["match": ["action": "edit"], "http": 502],
        ])
        let result = try fixture.publish(api: proxy.api)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("ratelimited"))
        #expect(result.standardError.contains("waiting 1.0 s: http 503"))
        #expect(result.standardError.contains("http 502"))
        #expect(try await fixture.revisionCounts() == [1, 1, 1])
    }

    @Test("P-4: a stale token is refreshed, then the session renewed; never more than one save")
    func badToken() async throws {
        let fixture = try PublishFixture(pages: 1)
        let proxy = try fixture.server.proxy(rules: [["match": ["action": "edit"], "api_error": "badtoken", "times": 2]])
        let result = try fixture.publish(api: proxy.api)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(proxy.log.filter { $0.action == "login" }.count == 2, "one login, one renewal")
        #expect(try await fixture.revisionCounts() == [1, 1, 1])
    }

    @Test("P-8: a lost session stops the batch at once: zero anonymous edits")
    func sessionLost() async throws {
        let fixture = try PublishFixture()
        let proxy = try fixture.server.proxy(rules: [["match": ["action": "edit", "title": fixture.pageTitle(2)], "api_error": "assertuserfailed"]])
        let result = try fixture.publish(api: proxy.api)
        #expect(result.status == 4)
        #expect(result.standardError.contains("no longer logged in"))
        #expect(proxy.log.filter { $0.action == "edit" }.count == 2, "page 1 saved, page 2 refused, nothing after")
        #expect(try await fixture.revisionCounts() == [1, 0, 0, 0, 0])
    }

    @Test("P-13: a read-only wiki pauses the batch until it is writable again")
    func readOnly() async throws {
        let fixture = try PublishFixture(pages: 1, server: try MediaWikiTestServer.fresh().get())  // its own wiki
        let flag = fixture.server.directory + "/readonly"
        _ = FileManager.default.createFile(atPath: flag, contents: Data())
        DispatchQueue.global().asyncAfter(deadline: .now() + 2.5) { try? FileManager.default.removeItem(atPath: flag) }
        let result = try fixture.publish()
        try? FileManager.default.removeItem(atPath: flag)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains(": readonly"))
        #expect(try await fixture.revisionCounts() == [1, 1, 1])
    }

    @Test("P-14: a bot password without the create grant is refused in preflight, before any edit")
    func missingRights() async throws {
        let fixture = try PublishFixture(pages: 1)
        let result = try fixture.publish(login: fixture.server.weakBot)
        #expect(result.status == 7)
        #expect(result.standardError.contains("lacks the right(s)"))
        #expect(try await fixture.revisionCounts() == [0, 0, 0])
    }

    @Test("a wrong password fails the login; no password in any output or in the catalogue")
    func wrongPassword() async throws {
        let fixture = try PublishFixture(pages: 1)
        let secret = "wrong-" + UUID().uuidString
        let result = try fixture.publish(login: (fixture.server.bot.user, secret))
        #expect(result.status == 4)
        #expect(result.standardError.contains("login as \(fixture.server.bot.user) failed"))
        #expect(!result.standardOutput.contains(secret) && !result.standardError.contains(secret))
        let good = try fixture.publish()
        #expect(good.status == 0)
        let password = fixture.server.bot.password
        #expect(!good.standardOutput.contains(password) && !good.standardError.contains(password))
        for name in ["quire.sqlite", "quire.sqlite-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: fixture.folder.file(name)))) ?? Data()
            #expect(bytes.range(of: Data(password.utf8)) == nil && bytes.range(of: Data(secret.utf8)) == nil, "\(name)")
        }
    }

    @Test("the password comes from a file only its owner can read, never from the command line")
    func credentialsFile() throws {
        let fixture = try PublishFixture(pages: 1)
        let file = try fixture.folder.write("bot.credentials", text: "user=\(fixture.server.bot.user)\npassword=\(fixture.server.bot.password)\n")
        chmod(file, 0o644)
        let arguments = ["publish", fixture.id, "--wiki", "en", "--api", fixture.server.api, "--credentials", file, "--throttle", "0"] + PublishFixture.testWikiOverride
        let open = try fixture.quire(arguments, environment: ["QUIRE_BOT_PASSWORD": ""])
        #expect(open.status == 4)
        #expect(open.standardError.contains("chmod 600"))
        #expect(!open.standardError.contains(fixture.server.bot.password))
        chmod(file, 0o600)
        let closed = try fixture.quire(arguments, environment: ["QUIRE_BOT_PASSWORD": "", "QUIRE_ACTOR": "Test Suite"])
        #expect(closed.status == 0, "\(closed.standardError)")
        #expect(PublishFixture.lines(closed, "created").count == 3)
        let unknown = try fixture.quire(["publish", fixture.id, "--wiki", "en", "--api", fixture.server.api, "--password", "x"])
        #expect(unknown.status == 64, "there is no --password option")
    }

    @Test("P-6 and --dry-run: a page someone else made is shown as a diff and left alone")
    func existingPageIsNotOverwritten() async throws {
        let fixture = try PublishFixture()
        let other = try await fixture.client(fixture.server.other)
        let made = try await other.edit(EditRequest(title: fixture.pageTitle(2), text: "Texto de otra persona", summary: "test", mode: .create(startTimestamp: ""), bot: false))
        guard case .saved = made else { Issue.record("setup edit failed: \(made)"); return }
        let dry = try fixture.publish(["--dry-run"])
        #expect(PublishFixture.lines(dry, "would_create").count == 4)
        // ProofreadPage stores a plain text as its three fields, level 1 and no user.
        #expect(dry.standardOutput.contains("    -<noinclude><pagequality level=\"1\" user=\"\" /></noinclude>Texto de otra persona<noinclude></noinclude>"))
        #expect(dry.standardOutput.contains("    +<noinclude><pagequality level=\"1\" user=\"Admin\" /></noinclude>Palabra2"))
        #expect(try await fixture.revisionCounts() == [0, 1, 0, 0, 0], "a dry run changes nothing")
        let real = try fixture.publish()
        #expect(real.status == 3)
        #expect(PublishFixture.lines(real, "skipped").first?.contains("[exists]") == true)
        // Even with --overwrite, another user's revision is never replaced.
        let forced = try fixture.publish(["--overwrite"])
        #expect(PublishFixture.lines(forced, "skipped").first?.contains("[conflict]") == true)
        #expect(try await fixture.revisionCounts() == [1, 1, 1, 1, 1])
    }

    @Test("--overwrite replaces Quire's own pages, never one at a higher level")
    func overwriteOwnPages() async throws {
        let fixture = try PublishFixture()
        #expect(try fixture.publish().status == 0)
        try fixture.reimport(page: 1, "Cambiada")
        try fixture.reimport(page: 3, "Otra")
        let setup = try await fixture.client(fixture.server.setup)  // the same account (Admin), another bot password
        let page3 = try await setup.latestRevisions(of: [fixture.pageTitle(3)]).pages[fixture.pageTitle(3)]
        let proofread = "<noinclude><pagequality level=\"3\" user=\"Admin\" /></noinclude>Palabra3 revisada<noinclude></noinclude>"
        _ = try await setup.edit(EditRequest(title: fixture.pageTitle(3), text: proofread, summary: "proofread", mode: .replace(baseTimestamp: page3?.timestamp ?? "", startTimestamp: ""), bot: false))
        let plain = try fixture.publish()
        #expect(plain.status == 3)
        let forced = try fixture.publish(["--overwrite"])
        #expect(PublishFixture.lines(forced, "replaced").first?.contains(fixture.pageTitle(1)) == true)
        #expect(PublishFixture.lines(forced, "skipped").first?.contains("[higher_level]") == true)
        #expect(try await fixture.revisionCounts() == [2, 1, 2, 1, 1])
    }

    @Test("P-7: a published page deleted on the wiki is not silently re-created")
    func deletedPage() async throws {
        let fixture = try PublishFixture(pages: 1)
        #expect(try fixture.publish().status == 0)
        let list = try fixture.folder.write("delete.txt", text: fixture.pageTitle(1) + "\n")
        let deleted = try fixture.server.maintenance("deleteBatch.php", ["-u", "Admin", "-r", "test", list])
        #expect(deleted.status == 0, "\(deleted.standardError)")
        let rerun = try fixture.publish()
        #expect(rerun.status == 3)
        #expect(PublishFixture.lines(rerun, "skipped").first?.contains("[deleted]") == true)
        #expect(try await fixture.revisionCounts() == [0, 1, 1])
    }

    @Test("P-12: a protected page is refused once, with the server's message, and the batch goes on")
    func protectedPage() async throws {
        let fixture = try PublishFixture()
        let protected = try fixture.server.maintenance("protect.php", ["-u", "Admin", "-r", "test", fixture.pageTitle(2)])
        #expect(protected.status == 0, "\(protected.standardError)")
        let proxy = try fixture.server.proxy(rules: [])
        let result = try fixture.publish(api: proxy.api)
        #expect(result.status == 3)
        let failed = PublishFixture.lines(result, "failed")
        #expect(failed.count == 1 && failed[0].contains("[refused]") && failed[0].contains("protectedpage"), "\(result.standardOutput)")
        #expect(proxy.log.filter { $0.action == "edit" && $0.title == fixture.pageTitle(2) }.count == 1, "not retried")
        #expect(try await fixture.revisionCounts() == [1, 0, 1, 1, 1])
    }

    @Test("P-10: a scan already on the wiki (same SHA-1, another name) is found and not uploaded again")
    func scanAlreadyThere() async throws {
        let fixture = try PublishFixture(pages: 1, largeImages: true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.folder.file("scans/\(fixture.tag)-1.png")))
        let setup = try await fixture.client(fixture.server.setup)
        let earlier = try await setup.upload(name: "Earlier \(fixture.tag).png", data: bytes, comment: "t", text: "t", chunkSize: 1 << 20)
        #expect(earlier == .uploaded(fileName: "Earlier \(fixture.tag).png".replacingOccurrences(of: " ", with: "_")))
        let proxy = try fixture.server.proxy(rules: [])
        let result = try fixture.publish(["--upload-scan"], api: proxy.api)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(PublishFixture.lines(result, "already_published").first?.contains("already on the wiki as File:Earlier") == true)
        #expect(!proxy.log.contains { $0.action == "upload" })
    }

    @Test("P-11: an upload whose chunk loses its answer is completed cleanly, once")
    func chunkedUploadInterrupted() async throws {
        let fixture = try PublishFixture(pages: 1, largeImages: true)
        let path = fixture.folder.file("scans/\(fixture.tag)-1.png")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 3 * 8192, "the image must need several chunks: \(bytes.count) bytes")
        let proxy = try fixture.server.proxy(rules: [["match": ["action": "upload", "offset": "8192"], "drop_after_forward": true]])
        let result = try fixture.publish(["--upload-scan", "--chunk-size", "8192", "--timeout", "4"], api: proxy.api)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(PublishFixture.lines(result, "created").first?.contains("File:\(fixture.tag)-1.png") == true)
        #expect(proxy.log.contains { $0.action == "upload" && $0.fault == "dropped" })
        let reader = MediaWikiClient(api: URL(string: fixture.server.api)!, userAgent: "QuireTests/1")
        #expect(try await reader.files(withSHA1: SHA1.hex(of: bytes)) == ["\(fixture.tag)-1.png"])
        // The description page carries the clearance engine's licence template for the wiki
        // (the fixture's document is CC0 with a ticket: {{CC-zero}} on en.wikisource).
        let description = try await reader.latestRevisions(of: ["File:\(fixture.tag)-1.png"]).pages.values.first?.text ?? ""
        #expect(description.contains("== Licensing ==\n{{CC-zero}}"), "\(description)")
        let again = try fixture.publish(["--upload-scan"], api: proxy.api)
        #expect(PublishFixture.lines(again, "already_published").count == 4)
    }

    /// Issue 14 #1 and #4: the gate checks the wiki it talks to, and a dry run is gated like a
    /// real one and never logs in.
    @Test("the wiki must be the clearance target: refused without an override, recorded with one; dry runs gated, never logged in")
    func theGateChecksTheWiki() throws {
        let fixture = try PublishFixture(pages: 1)
        let bare = ["publish", fixture.id, "--api", fixture.server.api, "--user", fixture.server.bot.user, "--throttle", "0", "--timeout", "10"]
        let env = ["QUIRE_BOT_PASSWORD": fixture.server.bot.password, "QUIRE_ACTOR": "Test Suite"]
        func overrides() throws -> [[String: Any]] {
            let history = try fixture.quire(["clearance", "history", fixture.id, "--json"])
            let entries = try JSONSerialization.jsonObject(with: Data(history.standardOutput.utf8)) as? [[String: Any]] ?? []
            return entries.filter { $0["kind"] as? String == "override" }
        }
        // Cleared for es.wikisource, sent to an English wiki named quirewiki: refused before any login or edit.
        for wiki in ["es", "en"] {
            let refused = try fixture.quire(bare + ["--wiki", wiki], environment: env)
            #expect(refused.status == 9, "\(wiki): \(refused.standardError)")
            #expect(refused.standardError.contains("not the one the document is cleared for") && refused.standardError.contains("quirewiki"), "\(refused.standardError)")
        }
        #expect(try overrides().isEmpty)
        // A dry run never logs in: a wrong password does not matter; with the override it is recorded.
        let dry = try fixture.quire(bare + ["--wiki", "en", "--dry-run"] + PublishFixture.testWikiOverride, environment: ["QUIRE_BOT_PASSWORD": "wrong", "QUIRE_ACTOR": "Test Suite"])
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(PublishFixture.lines(dry, "would_create").count == 3)
        #expect(try overrides().count == 1)
        // An uncleared document's dry run needs the override too (it shows every page's text).
        #expect(try fixture.quire(["clearance", "review", fixture.id, "--target", "en.wikisource", "--reason", "second look"], environment: env).status == 0)
        let uncleared = try fixture.quire(bare + ["--wiki", "en", "--dry-run"], environment: env)
        #expect(uncleared.status == 9, "\(uncleared.standardError)")
        #expect(!uncleared.standardOutput.contains("Palabra1"))
        // The real run by override: published, and the override for the wiki recorded with its reason and the mismatch.
        let real = try fixture.quire(bare + ["--wiki", "en"] + PublishFixture.testWikiOverride, environment: env)
        #expect(real.status == 0, "\(real.standardError)")
        let recorded = try overrides()
        #expect(recorded.count == 3)  // the dry run's, then the uncleared document's and the wiki's
        #expect(recorded.contains { ($0["detail"] as? String)?.contains("quirewiki") == true })
    }
}
