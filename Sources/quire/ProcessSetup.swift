import Foundation

/// What must hold before any library starts.
enum ProcessSetup {
    /// Tesseract on Debian is built with OpenMP, whose threads fight Quire's page workers (a page
    /// took several times longer with OpenMP on). libgomp reads `OMP_THREAD_LIMIT` when it is
    /// loaded, before `main`, so setting it now is too late: when it is not already 1, set it and
    /// re-execute this program once with the same arguments. `QUIRE_KEEP_OPENMP=1` opts out.
    static func pinOpenMPToOneThread() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["OMP_THREAD_LIMIT"] != "1", environment["QUIRE_KEEP_OPENMP"] != "1" else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv(executablePath, &argv)
        // execv returns only on failure: carry on with OpenMP as it is.
        for pointer in argv { free(pointer) }
    }

    /// This program's file, to run it again (the OpenMP re-execution, the supervised OCR worker):
    /// Foundation's `Bundle.main.executablePath`, which asks the system on Linux and macOS alike,
    /// else the first argument resolved against the working folder.
    static var executablePath: String {
        if let path = Bundle.main.executablePath { return path }
        let first = CommandLine.arguments.first ?? "quire"
        return URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
    }
}
