import ArgumentParser
import Foundation
import QuireCatalogue

extension Quire {
    /// `quire init`: creates the catalogue.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a catalogue (quire.sqlite) in the current folder.")

        @Option(name: .long, help: ArgumentHelp("Where to create it instead (a file, or a folder to hold quire.sqlite).", valueName: "path"))
        var catalogue: String?

        func run() throws {
            let path = CatalogueLocator.pathForNewCatalogue(
                explicit: catalogue, environment: ProcessInfo.processInfo.environment,
                workingDirectory: FileManager.default.currentDirectoryPath)
            if FileManager.default.fileExists(atPath: path) {
                let existing = try Catalogue.open(at: path)
                Terminal.out("Catalogue already exists at \(existing.path) (schema: \(try existing.appliedMigrations().joined(separator: ", "))); nothing to do.")
                return
            }
            let created = try Catalogue.create(at: path)
            Terminal.out("Created catalogue \(created.path)")
            Terminal.out("Next: quire add SCANS… --title \"Title\" --lang spa")
        }
    }
}
