import Foundation
import QuireTestSupport
import Testing

/// `quire clearance evaluate` as a script uses it: JSON Lines in, JSON Lines out.
@Suite("quire clearance evaluate")
struct ClearanceCLITests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory() }

    func evaluate(_ input: String, asOf: String = "2026-11-24") throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, ["clearance", "evaluate", "--as-of", asOf], in: folder.path, input: input)
    }

    static let spanish1930 = #"{"id":"x","contributors":[{"role":"author","name":"Ana","died":1930,"died_precision":"year","anonymous":false}],"published":1925,"unpublished":false,"country":"ES","official":null,"speech":null,"licence":null,"us_notice":null,"us_renewed":null}"#

    @Test func oneLineOutPerCaseWithEveryTarget() throws {
        let result = try evaluate(Self.spanish1930 + "\n" + Self.spanish1930.replacingOccurrences(of: "\"x\"", with: "\"y\"") + "\n")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["id"] as? String == "x")
        let targets = first?["targets"] as? [String: [String: Any]]
        #expect(Set(targets?.keys ?? [:].keys) == ["en.wikisource", "es.wikisource", "fr.wikisource", "de.wikisource", "it.wikisource", "commons", "ebook"])
        #expect(targets?["en.wikisource"]?["verdict"] as? String == "free")
        #expect((targets?["en.wikisource"]?["templates"] as? [String])?.contains("PD-US-expired") == true)
    }

    @Test func badLinesAreNamedAndTheRestIsEvaluated() throws {
        let result = try evaluate("{\"id\":\"bad\",\"speach\":\"public\"}\nnot json\n" + Self.spanish1930 + "\n")
        #expect(result.status == 3)
        #expect(result.standardError.contains("line 1"))
        #expect(result.standardError.contains("speach"))
        #expect(result.standardError.contains("line 2"))
        #expect(result.standardOutput.split(separator: "\n").count == 1)
    }

    @Test func theDateIsAnInputNotTheClock() throws {
        let died1955 = Self.spanish1930.replacingOccurrences(of: "\"died\":1930", with: "\"died\":1955").replacingOccurrences(of: "\"published\":1925", with: "\"published\":1950").replacingOccurrences(of: "\"country\":\"ES\"", with: "\"country\":\"FR\"")
        let before = try evaluate(died1955, asOf: "2025-12-31").standardOutput
        let after = try evaluate(died1955, asOf: "2026-01-01").standardOutput
        #expect(before != after)
        #expect(try evaluate(died1955, asOf: "2025-12-31").standardOutput == before)
        #expect(try evaluate(died1955, asOf: "31/12/2025").status == 64)
    }
}
