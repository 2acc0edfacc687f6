import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// Issue 13 #4: one exit table, the one the README shows, and one partial-success rule.
@Suite("Exit status")
struct ExitStatusTests {
    @Test func everyCategoryHasItsOwnCode() {
        let codes = ErrorCategory.allCases.map(ExitStatus.code(for:))
        #expect(Set(codes).count == ErrorCategory.allCases.count)
        #expect(!codes.contains(ExitStatus.success) && !codes.contains(ExitStatus.partial))
    }

    @Test func theReadmeShowsTheTable() throws {
        let readme = try String(contentsOfFile: RepositoryPaths.root + "/README.md", encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Exit codes").dropFirst().first?.components(separatedBy: "\n#").first)
        let shown = section.split(separator: "\n").compactMap { line -> Int32? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.first.flatMap { Int32($0) }
        }
        let table = ErrorCategory.allCases.map(ExitStatus.code(for:)) + [ExitStatus.success, ExitStatus.partial]
        #expect(shown.sorted() == table.sorted())
    }

    @Test("the partial-success rule", arguments: [
        (0, 0, Int32?.none, ExitStatus.success),
        (5, 0, Int32?.none, ExitStatus.success),
        (4, 1, Int32?(6), ExitStatus.partial),
        (0, 2, Int32?(6), 6),
        (0, 2, Int32?.none, 4),
    ])
    func batch(succeeded: Int, failed: Int, first: Int32?, status: Int32) {
        #expect(ExitStatus.ofBatch(succeeded: succeeded, failed: failed, firstFailure: first) == status)
    }
}
