import Foundation
import QuireCore
import Testing

/// Issue 14 #7: Quire's one way to write a file.
@Suite("Output files")
struct OutputFileTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    @Test func aLinkAtTheTargetIsReplacedNotFollowed() throws {
        let outside = folder + "/outside.txt"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(atPath: folder + "/out.txt", withDestinationPath: outside)
        try OutputFile.write(Data("new".utf8), to: folder + "/out.txt")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "keep")
        #expect(try FileManager.default.attributesOfItem(atPath: folder + "/out.txt")[.type] as? FileAttributeType == .typeRegular)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out.txt", "outside.txt"])
    }

    @Test func aSetIsWrittenAllOrNothing() throws {
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/a.txt"))
        #expect(throws: CoreError.self) {
            try OutputFile.writeAll([(folder + "/a.txt", Data("new".utf8)), (folder + "/missing/b.txt", Data("b".utf8))])
        }
        #expect(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["a.txt"])
    }

    @Test func temporariesOfDeadRunsGoThoseOfLiveOnesStay() throws {
        let stale = ".x.pdf.quire-4194303-dead.part", live = ".y.pdf.quire-\(getpid())-beef.part", other = ".z.part"
        for name in [stale, live, other] { try Data().write(to: URL(fileURLWithPath: folder + "/" + name)) }
        let temporary = OutputFile.temporaryPath(for: folder + "/book.pdf")
        #expect(temporary.hasPrefix(folder + "/.book.pdf.quire-\(getpid())-") && temporary.hasSuffix(".part"))
        #expect(temporary != OutputFile.temporaryPath(for: folder + "/book.pdf"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [live, other].sorted())
    }
}
