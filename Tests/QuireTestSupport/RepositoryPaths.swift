import Foundation

/// Where the repository, its bundled sample and the shared corpora are, from this file's path.
public enum RepositoryPaths {
    /// The package root (the folder holding Package.swift).
    public static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// The bundled sample made by this project.
    public static var bundledSample: String { root + "/Corpora/discurso-sample" }

    /// `../shared` beside the repository (or `QUIRE_SHARED`), when present.
    public static var shared: String? {
        let candidates = [ProcessInfo.processInfo.environment["QUIRE_SHARED"], root + "/../shared"].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/corpora") }.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// `../shared/corpora`, when present.
    public static var sharedCorpora: String? { shared.map { $0 + "/corpora" } }

    /// True when the shared corpora are present; tests that need them are disabled otherwise
    /// with the message ``sharedMissingMessage``.
    public static var hasSharedCorpora: Bool { sharedCorpora != nil }

    /// Why a test needing the shared corpora was skipped.
    public static let sharedMissingMessage = "skipped: ../shared/corpora is absent (clone the repository beside shared/ or set QUIRE_SHARED)"

    /// The built `quire` executable: `QUIRE_BIN`, else beside the test bundle (SwiftPM builds
    /// it there because the CLI test target depends on it), else `.build/debug/quire`.
    public static var quireExecutable: String {
        if let explicit = ProcessInfo.processInfo.environment["QUIRE_BIN"], !explicit.isEmpty { return explicit }
        if let bundle = ProcessInfo.processInfo.arguments.first {
            let beside = URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("quire").path
            if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        }
        return root + "/.build/debug/quire"
    }
}
