import Foundation
import QuirePublish
import QuireTestSupport
import Testing

/// The client's edit guards against a real MediaWiki, racing a second user.
@Suite("MediaWiki client against a real wiki", .enabled(if: MediaWikiTestServer.isAvailable, "\(MediaWikiTestServer.skipMessage)"))
struct ClientRaceTests {
    let server: MediaWikiTestServer
    let title: String

    init() throws {
        server = try MediaWikiTestServer.shared.get()
        title = "Page:Race " + UUID().uuidString.prefix(8) + ".png"
    }

    func client(_ login: (user: String, password: String)) async throws -> MediaWikiClient {
        let client = MediaWikiClient(api: URL(string: server.api)!, policy: RetryPolicy(maxAttempts: 2, base: 0.1), userAgent: "QuireTests/1")
        try await client.login(BotCredentials(user: login.user, password: login.password))
        return client
    }

    @Test("P-5: an edit based on a revision someone replaced meanwhile is refused with editconflict")
    func editConflict() async throws {
        let bot = try await client(server.bot)
        let other = try await client(server.other)
        let created = try await bot.edit(EditRequest(title: title, text: "uno", summary: "t", mode: .create(startTimestamp: ""), bot: true))
        guard case .saved = created else { Issue.record("\(created)"); return }
        let read = try await bot.latestRevisions(of: [title])
        let base = try #require(read.pages[title]?.timestamp)
        try await Task.sleep(nanoseconds: 1_100_000_000)  // timestamps have one-second resolution
        let theirs = try await other.edit(EditRequest(title: title, text: "dos", summary: "t", mode: .replace(baseTimestamp: base, startTimestamp: read.serverTime), bot: false))
        guard case .saved = theirs else { Issue.record("\(theirs)"); return }
        let ours = try await bot.edit(EditRequest(title: title, text: "tres", summary: "t", mode: .replace(baseTimestamp: base, startTimestamp: read.serverTime), bot: true))
        #expect(ours == .refused(code: "editconflict", info: ours.info))
        let now = try await bot.latestRevisions(of: [title]).pages[title]
        // ProofreadPage stores a plain text as the body of a level-1 page that names no user.
        #expect(now?.text == "<noinclude><pagequality level=\"1\" user=\"\" /></noinclude>dos<noinclude></noinclude>")
    }

    @Test("P-6: createonly refuses a page someone created meanwhile")
    func createdMeanwhile() async throws {
        let bot = try await client(server.bot)
        let other = try await client(server.other)
        let read = try await bot.latestRevisions(of: [title])
        #expect(read.pages[title]?.exists == false)
        _ = try await other.edit(EditRequest(title: title, text: "suyo", summary: "t", mode: .create(startTimestamp: ""), bot: false))
        let ours = try await bot.edit(EditRequest(title: title, text: "nuestro", summary: "t", mode: .create(startTimestamp: read.serverTime), bot: true))
        #expect(ours == .refused(code: "articleexists", info: ours.info))
    }

    @Test("P-7: a page deleted after the start is not re-created")
    func deletedMeanwhile() async throws {
        let bot = try await client(server.bot)
        _ = try await bot.edit(EditRequest(title: title, text: "uno", summary: "t", mode: .create(startTimestamp: ""), bot: true))
        let read = try await bot.latestRevisions(of: [title])
        let base = try #require(read.pages[title]?.timestamp)
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("quire-delete-\(UUID().uuidString)").path
        try Data((title + "\n").utf8).write(to: URL(fileURLWithPath: list))
        defer { try? FileManager.default.removeItem(atPath: list) }
        let deleted = try server.maintenance("deleteBatch.php", ["-u", "Admin", list])
        #expect(deleted.status == 0, "\(deleted.standardError)")
        let ours = try await bot.edit(EditRequest(title: title, text: "dos", summary: "t", mode: .replace(baseTimestamp: base, startTimestamp: read.serverTime), bot: true))
        #expect(["pagedeleted", "missingtitle"].contains(ours.code ?? ""), "\(ours)")
        #expect(try await bot.revisionIDs(of: title).isEmpty)
    }

    @Test("P-8: a bot whose flag is removed mid-batch is stopped by assert=bot; nothing is saved without it")
    func removedBotFlagStopsTheBatch() async throws {
        let flagged = try await client(server.flaggedBot)
        #expect(try await flagged.userInfo().rights.contains("bot"))
        #expect(await flagged.writeAssertion == .bot)
        let first = try await flagged.edit(EditRequest(title: title, text: "uno", summary: "t", mode: .create(startTimestamp: ""), bot: true))
        guard case .saved = first else { Issue.record("\(first)"); return }
        let removed = try server.maintenance("sql.php", ["--query", "DELETE FROM /*_*/user_groups WHERE ug_group = 'bot' AND ug_user = (SELECT user_id FROM /*_*/user WHERE user_name = 'Flagged')"])
        defer { _ = try? server.maintenance("createAndPromote.php", ["--bot", "--force", "Flagged"]) }
        #expect(removed.status == 0, "\(removed.standardError)")
        let second = title.replacingOccurrences(of: "Race", with: "Unflagged")
        do {
            let saved = try await flagged.edit(EditRequest(title: second, text: "dos", summary: "t", mode: .create(startTimestamp: ""), bot: true))
            Issue.record("the edit went through without the bot flag: \(saved)")
        } catch {
            #expect(error.code == .loginFailed && error.message.contains("assertbotfailed"), "\(error)")
        }
        #expect(try await flagged.revisionIDs(of: second).isEmpty)
    }

    @Test("P-8: without a login, edits are refused by assert=user and nothing is saved")
    func anonymousEditIsImpossible() async throws {
        let anonymous = MediaWikiClient(api: URL(string: server.api)!, userAgent: "QuireTests/1")
        await #expect(throws: PublishError.self) {
            _ = try await anonymous.edit(EditRequest(title: title, text: "x", summary: "t", mode: .create(startTimestamp: ""), bot: false))
        }
        #expect(try await anonymous.revisionIDs(of: title).isEmpty)
    }
}

extension EditOutcome {
    var code: String? { if case .refused(let code, _) = self { code } else { nil } }
    var info: String { if case .refused(_, let info) = self { info } else { "" } }
}
