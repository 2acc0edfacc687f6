import Foundation
import QuireTestSupport
import Testing

/// Clears a test document for every target through the CLI, as a rights officer would, so
/// that commands behind the clearance gate may write it.
enum ClearanceFixture {
    static func clearEverywhere(_ id: String, in folder: String) throws {
        let steps: [[String]] = [
            ["clearance", "set", id, "--licence", "CC0-1.0", "--ticket", "test-fixture", "--by", "Test"],
            ["clearance", "review", id, "--all-targets", "--reason", "test fixture", "--by", "Test"],
            ["clearance", "clear", id, "--all-targets", "--reason", "test fixture", "--by", "Test",
             "--justification", "A test document, dedicated to the public domain (CC0)."],
        ]
        for step in steps {
            let result = try CommandRunner.run(RepositoryPaths.quireExecutable, step, in: folder)
            #expect(result.status == 0, "\(step.joined(separator: " ")): \(result.standardError)")
        }
    }
}
