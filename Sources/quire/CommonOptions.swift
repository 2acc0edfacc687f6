import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore

/// Options every catalogue command shares.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalogue to use (default: QUIRE_CATALOGUE, else quire.sqlite here or in a folder above).", valueName: "path"))
    var catalogue: String?

    /// Opens the catalogue the user means, or throws an error that says how to create one.
    func open() throws(CatalogueError) -> Catalogue {
        try Catalogue.open(at: existingPath())
    }

    /// The catalogue for a command that only reads it: never waits for a writer's lock.
    func openForReading() throws(CatalogueError) -> Catalogue {
        try Catalogue.openForReading(at: existingPath())
    }

    /// The path of the catalogue to open: `--catalogue`, `QUIRE_CATALOGUE`, or found upwards.
    private func existingPath() throws(CatalogueError) -> String {
        try CatalogueLocator.locateExisting(
            explicit: catalogue, environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// The catalogue, or nil when there is none to find (a damaged or locked one is still an error).
    func openIfPresent() throws(CatalogueError) -> Catalogue? {
        do {
            return try open()
        } catch where error.code == .catalogueNotFound {
            return nil
        }
    }
}

/// `--json` for commands that report something.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false
}
