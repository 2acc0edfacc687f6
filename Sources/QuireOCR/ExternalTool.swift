import Foundation
import QuireCore

/// Runs a helper program (pdfinfo, djvused, pdftoppm, ddjvu) with an argument array, never a
/// shell, and maps a missing program to `missing_dependency` naming its Debian package.
struct ExternalTool: Sendable {
    /// The program's name on PATH.
    let name: String
    /// The Debian package that provides it.
    let package: String

    static let pdfinfo = ExternalTool(name: "pdfinfo", package: "poppler-utils")
    static let djvused = ExternalTool(name: "djvused", package: "djvulibre-bin")
    static let pdfsig = ExternalTool(name: "pdfsig", package: "poppler-utils")

    struct Output {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The program's absolute path from PATH, when it is installed.
    var executablePath: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs the program and waits for it; output is read fully (these tools print little).
    func run(_ arguments: [String], context: ErrorContext) throws(OCRError) -> Output {
        guard let executable = executablePath else {
            throw OCRError(.missingDependency, "the program '\(name)' is not installed", remedy: "install the Debian package \(package) (Scripts/bootstrap does)", context: context)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw OCRError(.missingDependency, "cannot start '\(name)': \(error.localizedDescription)", remedy: "reinstall the Debian package \(package)", context: context)
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
