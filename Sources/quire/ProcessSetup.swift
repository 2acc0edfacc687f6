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
        execv("/proc/self/exe", &argv)
        // execv returns only on failure (no /proc): carry on with OpenMP as it is.
        for pointer in argv { free(pointer) }
    }
}
