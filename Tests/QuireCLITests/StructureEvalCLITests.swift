import Foundation
import QuireTestSupport
import Testing

/// `quire eval --structure` as `make eval` uses it: a `quire wikitext --out` folder and the
/// pages' ground truth in, counts out as JSON.
@Suite("quire eval --structure")
struct StructureEvalCLITests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    func write(_ name: String, _ text: String) throws -> String { try folder.write(name, bytes: Array(text.utf8)) }

    @Test("Scores a wikitext folder against plain ground truth: a paragraph break missed and a division left")
    func scoresAFolder() throws {
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        _ = try write("out/manifest.json", #"[{"title":"Page:Doc.djvu/1","file":"p1.wikitext","level":1,"flags":[]},{"title":"Index:Doc.djvu","file":"i.wikitext","flags":[]}]"#)
        _ = try write("out/p1.wikitext", #"<noinclude><pagequality level="1" user="" /></noinclude>The morning was grey and the ri-ver ran high under the bridge. Nobody spoke of it.<noinclude></noinclude>"#)
        let truth = try write("p1.gt.txt", "The morning was grey and the ri-\nver ran high under the bridge.\n\nNobody spoke of it.\n")
        let result = try CommandRunner.run(RepositoryPaths.quireExecutable, ["eval", "--structure", "out", truth, "--json"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let total = try #require(json["total"] as? [String: Any])
        #expect(total["pages"] as? Int == 1)
        #expect(total["breaksExpected"] as? Int == 1 && total["breaksRight"] as? Int == 0)
        #expect(total["joinsExpected"] as? Int == 1 && total["joinsMissed"] as? Int == 1)
    }

    @Test("Without ground truth, or with both modes, it is a usage error")
    func usage() throws {
        #expect(try CommandRunner.run(RepositoryPaths.quireExecutable, ["eval", "--structure", "out"], in: folder.path).status == 64)
        #expect(try CommandRunner.run(RepositoryPaths.quireExecutable, ["eval", "--structure", "out", "--truth", "x", "a.xml"], in: folder.path).status == 64)
    }
}
