import ArgumentParser
import QuireOCR

/// The `quire` command: from scans to Wikisource, with clearance built in.
@main
struct Quire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "OCR scans, make Wikisource-ready wikitext, and track licence clearance.",
        discussion: """
            Quire keeps its work in a catalogue (quire.sqlite), found by walking up from the \
            current folder as git does; 'quire init' creates one. Exit codes are listed in the README.
            """,
        version: QuireVersion.text,
        subcommands: [
            Init.self, Add.self, Status.self, OCR.self, Import.self, Eval.self, Wikitext.self, Split.self, Export.self, Publish.self,
            Clearance.self, User.self, Serve.self,
        ]
    )

    /// Pins OpenMP to one thread (re-executing once if needed), then parses and runs. The one
    /// exit path: whatever a command throws is mapped to its message and exit code here, by
    /// ``QuireExit/translate(_:)``.
    static func main() async {
        ProcessSetup.pinOpenMPToOneThread()
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: QuireExit.translate(error))
        }
    }
}

/// The tool's version line, with the libraries it is linked against.
enum QuireVersion {
    static let number = "0.1.0"
    static var text: String {
        let lines = EngineVersions.lineImageTuning ? "store-only line-image PNG" : "libpng's line-image PNG"
        return "quire \(number) (tesseract \(EngineVersions.tesseract), \(EngineVersions.leptonica), \(lines))"
    }
}
