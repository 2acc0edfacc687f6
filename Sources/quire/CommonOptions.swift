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
        let path = try CatalogueLocator.locateExisting(
            explicit: catalogue, environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath)
        return try Catalogue.open(at: path)
    }

    /// The catalogue for a command that only reads it: never waits for a writer's lock.
    func openForReading() throws(CatalogueError) -> Catalogue {
        let path = try CatalogueLocator.locateExisting(
            explicit: catalogue, environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath)
        return try Catalogue.openForReading(at: path)
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
