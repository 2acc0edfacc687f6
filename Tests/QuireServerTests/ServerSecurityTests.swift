import Foundation
import QuireCatalogue
import QuireCore
@testable import QuireServer
import QuireTestSupport
import Testing

@Suite("The proofreading room's security rules")
struct ServerSecurityTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue

    init() throws {
        folder = try TemporaryDirectory()
        catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
    }

    @Test func onlyLoopbackAddressesCountAsThisMachine() {
        for host in ["127.0.0.1", "127.8.0.2", "localhost", "::1", "[::1]"] { #expect(RoomSecurity.isLoopback(host), "\(host)") }
        for host in ["0.0.0.0", "192.168.1.4", "::", "example.org", "127.0.0", "1270.0.0.1"] { #expect(!RoomSecurity.isLoopback(host), "\(host)") }
    }

    @Test func listeningBeyondThisMachineNeedsAnAccount() throws {
        #expect(throws: ServerError.self) { try ProofreadingServer(catalogue: catalogue, host: "0.0.0.0").checkBinding() }
        try ProofreadingServer(catalogue: catalogue, host: "127.0.0.1").checkBinding()
        try AccountDesk(catalogue: catalogue, cost: 4).add(name: "ana", role: .admin, password: "correct horse battery")
        try ProofreadingServer(catalogue: catalogue, host: "0.0.0.0").checkBinding()
    }

    @Test func passwordsAreHashedAndChecked() throws {
        let desk = AccountDesk(catalogue: catalogue, cost: 4)
        try desk.add(name: "ana", role: .proofreader, password: "correct horse battery")
        let stored = try #require(try catalogue.account(named: "ana"))
        #expect(stored.passwordHash.hasPrefix("$2") && !stored.passwordHash.contains("correct"))
        #expect(try desk.authenticate(name: "ana", password: "correct horse battery")?.role == .proofreader)
        #expect(try desk.authenticate(name: "ana", password: "wrong horse battery") == nil)
        #expect(try desk.authenticate(name: "nobody", password: "correct horse battery") == nil)
    }

    @Test func badNamesAndShortPasswordsAreRefused() throws {
        let desk = AccountDesk(catalogue: catalogue, cost: 4)
        for name in ["", "a|b", "x/y", "<script>", String(repeating: "n", count: 86)] {
            #expect(throws: ServerError.self, "\(name)") { try desk.add(name: name, role: .proofreader, password: "long enough password") }
        }
        #expect(throws: ServerError.self) { try desk.add(name: "ana", role: .proofreader, password: "short") }
        #expect(throws: ServerError.self) { try desk.add(name: "ana", role: .proofreader, password: String(repeating: "é", count: 40)) }
        // Right-to-left names are names.
        try desk.add(name: "\u{05D0}\u{05D1}\u{200F}", role: .proofreader, password: "long enough password")
    }

    @Test func tokensAreRandomAndComparedWhole() {
        let a = RoomSecurity.randomToken(), b = RoomSecurity.randomToken()
        #expect(a.count == 64 && a != b)
        #expect(RoomSecurity.same(a, a) && !RoomSecurity.same(a, b) && !RoomSecurity.same("", ""))
        #expect(RoomSecurity.digest(a).count == 64 && RoomSecurity.digest(a) != a)
    }

    @Test func theCookieIsHttpOnlyAndSameSiteStrict() {
        let cookie = RoomSecurity.cookie(RoomSecurity.sessionCookie, "abc", maxAge: 10)
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
    }

    @Test func thePolicyForbidsInlineScript() {
        let policy = RoomSecurity.contentSecurityPolicy
        #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
    }

    @Test func repeatedFailedLoginsAreThrottledPerNameAndMoreLooselyPerClient() async {
        let clock = MutableClock()
        let throttle = LoginThrottle(clock: { clock.now })
        let ana: LoginThrottle.Key = .name("ana"), client: LoginThrottle.Key = .client("127.0.0.1")
        for _ in 0..<ana.limit {
            #expect(await throttle.waitBeforeAttempt([ana, client]) == 0)
            await throttle.recordFailure([ana, client])
        }
        #expect(await throttle.waitBeforeAttempt([ana, client]) > 0)
        // Others behind the same address (a reverse proxy) may still sign in, up to the client's limit.
        #expect(await throttle.waitBeforeAttempt([.name("ben"), client]) == 0)
        for index in ana.limit..<client.limit { await throttle.recordFailure([.name("guess\(index)"), client]) }
        #expect(await throttle.waitBeforeAttempt([.name("ben"), client]) > 0)
        clock.now += LoginThrottle.window + 1
        #expect(await throttle.waitBeforeAttempt([ana, client]) == 0)
    }

    @Test func htmlIsEscaped() {
        #expect(Pages.escape("<script>\"'&") == "&lt;script&gt;&quot;&#39;&amp;")
        #expect(Pages.login(token: "t", message: "<img onerror=x>").contains("&lt;img onerror=x&gt;"))
    }

    @Test func fieldsThatWouldMoveTextOnTheWikiAreRefused() {
        #expect(RoomRoutes.readsBack(PageEdit(header: "{{rh|1}}", body: "Texto con <ref>nota</ref> y {{nop}}", footer: "<references/>", level: .proofread)))
        #expect(!RoomRoutes.readsBack(PageEdit(header: "cabecera</noinclude>cuerpo", body: "texto", footer: "", level: .proofread)))
        // A <noinclude> section inside the body is wikitext the wiki reads back as it is.
        #expect(RoomRoutes.readsBack(PageEdit(header: "", body: "texto<noinclude>nota</noinclude>", footer: "", level: .proofread)))
    }

    @Test func formFieldsAreDecoded() {
        #expect(RoomRoutes.formFields("name=Ana+P%C3%A9rez&password=a%26b&csrf=") == ["name": "Ana Pérez", "password": "a&b", "csrf": ""])
    }
}

/// A clock the test moves.
final class MutableClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_000_000)
}
