import Foundation

/// Tesseract's word list for a language, for the provenance test of the word-list fixture.
enum TesseractDictionary {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
    static func isExecutable(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// `combine_tessdata -u` then `dawg2wordlist` in a temporary folder: the words of the
    /// dictionary, lower-cased.
    static func spanishDictionary(traineddata: String) throws -> Set<String> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-dawg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("spa.").path
        try run("/usr/bin/combine_tessdata", ["-u", traineddata, prefix])
        let list = folder.appendingPathComponent("words.txt").path
        try run("/usr/bin/dawg2wordlist", [prefix + "lstm-unicharset", prefix + "lstm-word-dawg", list])
        let text = try String(contentsOfFile: list, encoding: .utf8)
        return Set(text.split(whereSeparator: \.isNewline).map { $0.lowercased() })
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}
