import Foundation
import QuireCore

/// Keeps a catalogue batch going when the process running it dies: the batch runs in a child
/// process; if the child is killed by a signal (a crash inside Tesseract, the OOM killer) or
/// stops itself on a hung page (``HangWatchdog``), the parent starts it again. Each attempt was recorded in the catalogue before it began, so the page
/// that crashed is retried once and then quarantined: restarts are bounded by the pages.
enum CrashSupervisor {
    /// Set in the child's environment.
    static let childVariable = "QUIRE_SUPERVISED_CHILD"
    /// Test hook: `FILE:PAGE` makes the child abort on that page (1-based), to prove isolation.
    static let crashVariable = "QUIRE_TEST_CRASH_ON"

    static var isChild: Bool { ProcessInfo.processInfo.environment[childVariable] == "1" }

    /// Runs this command again as a child until it exits normally; returns its exit status.
    static func supervise(maximumRestarts: Int) -> Int32 {
        var restarts = 0
        while true {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
            process.arguments = Array(CommandLine.arguments.dropFirst())
            process.environment = ProcessInfo.processInfo.environment.merging([childVariable: "1"]) { $1 }
            do { try process.run() } catch {
                Terminal.error("cannot start the OCR worker process (\(error.localizedDescription)) — check the memory and process limits")
                return 1
            }
            process.waitUntilExit()
            let hung = process.terminationReason == .exit && process.terminationStatus == HangWatchdog.exitCode
            guard process.terminationReason == .uncaughtSignal || hung else { return process.terminationStatus }
            restarts += 1
            let what = hung ? "was stuck on a page" : "crashed (signal \(process.terminationStatus))"
            guard restarts <= maximumRestarts else {
                Terminal.error("the OCR worker stopped \(restarts) times (last: it \(what)); stopping — the pages it was reading are recorded; run 'quire status' and 'quire ocr' again")
                return 1
            }
            Terminal.warning("the OCR worker \(what); resuming — the page it was reading is retried once, then quarantined")
        }
    }

    /// In the child, aborts on the page named by ``crashVariable`` (tests only).
    static func crashIfRequested(_ source: PageImageSource) {
        guard isChild, let target = ProcessInfo.processInfo.environment[crashVariable] else { return }
        let parts = target.split(separator: ":")
        guard parts.count == 2, source.path.hasSuffix(String(parts[0])), Int(parts[1]) == source.pageIndex + 1 else { return }
        abort()
    }
}
