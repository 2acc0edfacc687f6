import QuireCore

/// Paths of the files a command writes, split and joined without `NSString`'s path methods:
/// swift-corelibs-foundation's `deletingLastPathComponent` traps on a one-character path (`a`,
/// `-`), with or without optimisation, which made `quire export --out a` crash (exit 132).
enum OutputPath {
    /// The standard output's name on the command line.
    static let standardOutput = "-"

    /// The folder `path` is in: "" for a bare file name, "/" for a file at the root.
    static func folder(of path: String) -> String { OutputFile.folder(of: path) }

    /// `name` inside `folder`.
    static func join(_ folder: String, _ name: String) -> String { OutputFile.join(folder, name) }
}
