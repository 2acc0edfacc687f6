import Foundation
import QuireCore

/// A helper program the release writers run (qpdf, pdfinfo, djvulibre's tools), with an argument
/// array, never a shell; a missing one is `missing_dependency` naming its Debian package.
struct ReleaseTool: Sendable {
    let name: String
    let package: String

    static let qpdf = ReleaseTool(name: "qpdf", package: "qpdf")
    static let pdfinfo = ReleaseTool(name: "pdfinfo", package: "poppler-utils")

    /// The program's path on PATH, when installed.
    var executablePath: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the program to its end: its exit status, standard output and standard error.
    func run(_ arguments: [String], context: ErrorContext) throws(ReleaseError) -> (status: Int32, output: String, error: String) {
        guard let executable = executablePath else {
            throw ReleaseError(.missingDependency, "the program '\(name)' is not installed", remedy: "install the Debian package \(package) (Scripts/bootstrap does)", context: context)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ReleaseError(.missingDependency, "cannot start '\(name)': \(error.localizedDescription)", remedy: "reinstall the Debian package \(package)", context: context)
        }
        let errorData = LockedBytes()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Standard error's bytes, read on another thread so that neither pipe can fill up.
private final class LockedBytes: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ value: Data) { lock.withLock { data = value } }
    var value: Data { lock.withLock { data } }
}
