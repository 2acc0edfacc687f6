import Foundation
@testable import QuirePublish
import QuireCore
import Testing

@Suite("SHA-1 as MediaWiki uses it")
struct SHA1Tests {
    @Test func fipsVectors() {
        #expect(SHA1.hex(of: Array("".utf8)) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.hex(of: Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(SHA1.hex(of: [UInt8](repeating: 0x61, count: 1_000_000)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func base36IsPaddedTo31Digits() {
        // MediaWiki's rev_sha1 of the empty text.
        #expect(SHA1.base36(of: []) == "phoiac9h4m842xq45sp7s6u21eteeq1")
        #expect(SHA1.base36(of: Array("abc".utf8)).count == 31)
    }
}

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("P-1: Retry-After is honoured, capped at 120 s")
    func retryAfter() {
        let policy = RetryPolicy()
        #expect(policy.delay(afterAttempt: 1, retryAfter: 7, jitter: 0) == 7)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 600, jitter: 1) == 120)
        #expect(policy.maxAttempts == 15 && policy.maxlag == 5)
    }

    @Test("P-2/P-3: exponential backoff with jitter, never above the cap, never zero")
    func backoff() {
        let policy = RetryPolicy(base: 2, cap: 120)
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, jitter: 1) == 2)
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, jitter: 0) == 1)
        #expect(policy.delay(afterAttempt: 4, retryAfter: nil, jitter: 1) == 16)
        #expect(policy.delay(afterAttempt: 30, retryAfter: nil, jitter: 1) == 120)
        let delays = (1...10).map { policy.delay(afterAttempt: $0, retryAfter: nil, jitter: 0.5) }
        #expect(delays == delays.sorted() && delays.allSatisfy { $0 > 0 })
    }

    @Test func retryAfterHeaderForms() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(RetryPolicy.retryAfterSeconds("7") == 7)
        #expect(RetryPolicy.retryAfterSeconds(nil) == nil)
        #expect(RetryPolicy.retryAfterSeconds("soon") == nil)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let header = formatter.string(from: now.addingTimeInterval(30))
        #expect(RetryPolicy.retryAfterSeconds(header, now: now) == 30)
    }
}

@Suite("Session cookies")
struct CookieJarTests {
    @Test func joinedHeadersWithDatesSplitIntoCookies() {
        var jar = CookieJar()
        jar.take("wiki_session=abc123; path=/; HttpOnly, wikiUserID=1; expires=Fri, 25-Dec-2099 00:00:00 GMT; path=/, wikiUserName=Admin; path=/")
        #expect(jar.values == ["wiki_session": "abc123", "wikiUserID": "1", "wikiUserName": "Admin"])
        jar.take("wikiUserName=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=0; path=/")
        #expect(jar.values["wikiUserName"] == nil)
        #expect(jar.header == "wikiUserID=1; wiki_session=abc123")
    }
}

@Suite("Bot credentials")
struct CredentialsTests {
    @Test("the password is never printed")
    func redacted() {
        let credentials = BotCredentials(user: "Ana@quire", password: "s3cret-value")
        #expect(!"\(credentials)".contains("s3cret"))
        #expect(!String(reflecting: credentials).contains("s3cret"))
        #expect(credentials.accountName == "Ana")
        #expect(MediaWikiClient.redact("bad password s3cret-value", credentials) == "bad password (hidden)")
    }

    @Test func environmentFirstThenAnOwnerOnlyFile() throws {
        let fromEnvironment = try BotCredentials.load(user: "Ana@quire", file: nil, environment: ["QUIRE_BOT_PASSWORD": "p1"])
        #expect(fromEnvironment.password == "p1")
        let fromUserVariable = try BotCredentials.load(user: nil, file: nil, environment: ["QUIRE_BOT_USER": "Ana@quire", "QUIRE_BOT_PASSWORD": "p1"])
        #expect(fromUserVariable.user == "Ana@quire")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quire-cred-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("user=Ana@quire\npassword=p2\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        #expect(throws: PublishError.self) { try BotCredentials.load(user: nil, file: path, environment: [:]) }
        chmod(path, 0o600)
        let fromFile = try BotCredentials.load(user: nil, file: path, environment: [:])
        #expect(fromFile.user == "Ana@quire" && fromFile.password == "p2")
    }

    /// Issue 14 #10: a credentials file reached through a link is judged by the file it leads to
    /// (the link's own mode 777 made it look open to everyone); a pipe is refused unopened.
    @Test func aLinkIsFollowedAndAPipeRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-cred-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/bot.credentials", link = folder + "/link"
        try Data("user=Ana@quire\npassword=p3\n".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        #expect(try BotCredentials.load(user: nil, file: link, environment: [:]).password == "p3")
        chmod(file, 0o644)
        #expect { try BotCredentials.load(user: nil, file: link, environment: [:]) } throws: { error in
            let message = (error as? PublishError)?.message ?? ""
            return message.contains("mode 644") && message.contains("where \(link) leads")
        }
        let fifo = folder + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect { try BotCredentials.load(user: nil, file: fifo, environment: [:]) } throws: { ($0 as? PublishError)?.message.contains("not a regular file") == true }
    }

    @Test func missingPiecesSayWhatToDo() {
        do {
            _ = try BotCredentials.load(user: "Ana@quire", file: nil, environment: [:])
            Issue.record("no password must fail")
        } catch {
            #expect(error.remedy.contains("QUIRE_BOT_PASSWORD"))
            #expect(error.code == .loginFailed)
        }
        #expect(throws: PublishError.self) { try BotCredentials.load(user: "Ana", file: nil, environment: ["QUIRE_BOT_PASSWORD": "x"]) }
    }
}

@Suite("Line diff for --dry-run")
struct LineDiffTests {
    @Test func changedLinesWithContext() {
        let diff = LineDiff.render(old: "a\nb\nc\nd\ne", new: "a\nb\nX\nd\ne")
        #expect(diff == " b\n-c\n+X\n d\n")
        #expect(LineDiff.render(old: "same", new: "same").isEmpty)
        #expect(LineDiff.render(old: "", new: "new") == "-\n+new\n")
    }
}
