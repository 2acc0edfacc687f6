import Foundation

/// Finds the catalogue a command should use, as git finds its repository.
public enum CatalogueLocator {
    /// The catalogue's file name.
    public static let fileName = "quire.sqlite"
    /// The environment variable naming a catalogue explicitly.
    public static let environmentVariable = "QUIRE_CATALOGUE"

    /// Where a new catalogue goes: the explicit path, else `QUIRE_CATALOGUE`, else the working
    /// directory's `quire.sqlite`. A folder given explicitly gets `quire.sqlite` inside it.
    public static func pathForNewCatalogue(explicit: String?, environment: [String: String], workingDirectory: String) -> String {
        let chosen = explicit ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let chosen else { return (workingDirectory as NSString).appendingPathComponent(fileName) }
        let absolute = absolutePath(chosen, relativeTo: workingDirectory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue {
            return (absolute as NSString).appendingPathComponent(fileName)
        }
        return absolute
    }

    /// The catalogue to open: the explicit path, else `QUIRE_CATALOGUE`, else the first
    /// `quire.sqlite` found walking up from the working directory.
    public static func locateExisting(explicit: String?, environment: [String: String], workingDirectory: String) throws(CatalogueError) -> String {
        if explicit != nil || !(environment[environmentVariable] ?? "").isEmpty {
            let path = pathForNewCatalogue(explicit: explicit, environment: environment, workingDirectory: workingDirectory)
            guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path) }
            return path
        }
        var directory = URL(fileURLWithPath: workingDirectory).standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        throw .notFound(searchedFrom: workingDirectory)
    }

    /// `path` made absolute against `base` and standardised (no `.`/`..`).
    public static func absolutePath(_ path: String, relativeTo base: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
