import Foundation
import QuireClearance
import QuireCore
import Testing

/// The machine interface: one JSON case per line in, one JSON result per line out, errors that
/// name the line and the field.
@Suite("JSON Lines")
struct JSONLinesTests {
    static let example =
        #"{"id":"x","contributors":[{"role":"author","name":"…","died":1930,"died_precision":"year","anonymous":false}],"published":1925,"unpublished":false,"country":"ES","official":null,"speech":null,"licence":null,"us_notice":null,"us_renewed":null}"#

    func output(_ line: String, lineNumber: Int = 1) throws -> [String: Any] {
        let text = try ClearanceJSONLines.evaluate(line: line, lineNumber: lineNumber, asOf: Fixture.asOf).get()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    func target(_ output: [String: Any], _ target: ClearanceTarget) throws -> [String: Any] {
        let targets = try #require(output["targets"] as? [String: Any])
        return try #require(targets[target.rawValue] as? [String: Any])
    }

    @Test func theIssueExampleLine() throws {
        let text = try ClearanceJSONLines.evaluate(line: Self.example, lineNumber: 1, asOf: Fixture.asOf).get()
        #expect(text.hasPrefix(#"{"id":"x","targets":{"commons":{"assumptions":[],"free_from":null,"reasons":["#))
        #expect(!text.contains("\n"))
        let result = try output(Self.example)
        #expect(result["id"] as? String == "x")
        let targets = try #require(result["targets"] as? [String: Any])
        #expect(Set(targets.keys) == Set(ClearanceTarget.allCases.map(\.rawValue)))
        for name in ClearanceTarget.allCases {
            let entry = try target(result, name)
            #expect(Set(entry.keys) == ["verdict", "free_from", "templates", "reasons", "assumptions"])
            #expect(entry["verdict"] as? String == "free", "\(name.rawValue)")
        }
        #expect(try target(result, .enWikisource)["templates"] as? [String] == ["PD-US-expired"])
        #expect(try (target(result, .esWikisource)["templates"] as? [String])?.contains("PD-old-80") == true)
    }

    @Test func notFreeGivesTheDate() throws {
        let line = #"{"id":"fr","contributors":[{"role":"author","name":"Auteur","died":1940}],"published":1935,"country":"FR"}"#
        let result = try output(line)
        #expect(try target(result, .enWikisource)["verdict"] as? String == "not-free")
        #expect(try target(result, .enWikisource)["free_from"] as? String == "2031-01-01")
        #expect(try target(result, .frWikisource)["verdict"] as? String == "free")
    }

    @Test func precisionsAndIdentities() throws {
        let decade = #"{"id":"d","contributors":[{"role":"author","name":"A","died":1950,"died_precision":"decade"}],"published":1930,"country":"DE"}"#
        #expect(try target(output(decade), .deWikisource)["free_from"] as? String == "2030-01-01")
        let unknownPrecision = #"{"id":"u","contributors":[{"role":"author","name":"A","died":1900,"died_precision":"unknown"}],"published":1930,"country":"DE"}"#
        #expect(try target(output(unknownPrecision), .deWikisource)["verdict"] as? String == "needs-review")
        let anonymous = #"{"id":"a","contributors":[{"role":"author","anonymous":true}],"published":1900,"country":"DE"}"#
        #expect(try target(output(anonymous), .deWikisource)["verdict"] as? String == "free")
        let notFound = #"{"id":"n","contributors":[{"role":"author","name":null}],"published":1900,"country":"DE"}"#
        #expect(try target(output(notFound), .deWikisource)["verdict"] as? String == "needs-review")
        let translator = #"{"id":"t","contributors":[{"role":"author","name":"A","died":1616},{"role":"translator","name":"T","died":1990}],"published":1950,"country":"ES"}"#
        #expect(try target(output(translator), .esWikisource)["free_from"] as? String == "2061-01-01")
    }

    @Test("errors name the line and the field", arguments: [
        (#"{"id":"x","#, nil as String?, "not valid JSON"),
        ("[1,2]", nil, "not a JSON object"),
        ("   ", nil, "empty"),
        (#"{"contributors":[]}"#, "id", "no id"),
        (#"{"id":"x","contributors":[{"role":"author","name":"A","died":1930,"died_precision":"decades"}]}"#, "contributors[0].died_precision", "'decades'"),
        (#"{"id":"x","contributors":[{"role":"author","name":"A","died":"1930"}]}"#, "contributors[0].died", "whole number"),
        (#"{"id":"x","contributors":[{"role":"printer","name":"A"}]}"#, "contributors[0].role", "'printer'"),
        (#"{"id":"x","contributors":[{"name":"A"}]}"#, "contributors[0].role", "no role"),
        (#"{"id":"x","contributors":[{"role":"author","name":"A","born":1900}]}"#, "contributors[0].born", "unknown key"),
        (#"{"id":"x","official":"municipal"}"#, "official", "state, us-federal"),
        (#"{"id":"x","speech":"radio"}"#, "speech", "'radio'"),
        (#"{"id":"x","speach":"public"}"#, "speach", "unknown key"),
        (#"{"id":"x","country":"ESP"}"#, "country", "ISO 3166"),
        (#"{"id":"x","licence":"MIT-ish"}"#, "licence", "licence"),
        (#"{"id":"x","us_notice":"yes"}"#, "us_notice", "true, false or null"),
        (#"{"id":"x","published":1925,"unpublished":true}"#, "unpublished", "publication year"),
    ])
    func errors(line: String, field: String?, fragment: String) {
        guard case .failure(let error) = ClearanceJSONLines.evaluate(line: line, lineNumber: 7, asOf: Fixture.asOf) else {
            Issue.record("accepted: \(line)")
            return
        }
        #expect(error.code == .invalidInput)
        #expect(error.line == 7)
        #expect(error.field == field, "\(error)")
        #expect(error.description.contains("line 7"), "\(error)")
        #expect(error.description.contains(fragment), "\(error)")
        if let field { #expect(error.description.contains("'\(field)'"), "\(error)") }
    }

    @Test func omittedKeysMeanUnknown() throws {
        let result = try output(#"{"id":"bare"}"#)
        for name in ClearanceTarget.allCases {
            #expect(try target(result, name)["verdict"] as? String == "needs-review", "\(name.rawValue)")
        }
    }
}
