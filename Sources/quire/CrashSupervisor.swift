import Foundation
import QuireCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a catalogue batch going when the process running it dies: the batch runs in a child
/// process; if the child is killed by a signal (a crash inside Tesseract, the OOM killer) or
/// stops itself on a hung page (``HangWatchdog``), the parent starts it again. Each attempt was recorded in the catalogue before it began, so the page
/// that crashed is retried once and then quarantined: restarts are bounded by the pages.
enum CrashSupervisor {
    /// Set in the child's environment.
    static let childVariable = "QUIRE_SUPERVISED_CHILD"

    /// The parent's nice value, which the child takes (Foundation's `Process` starts it at 0).
    static let niceVariable = "QUIRE_SUPERVISOR_NICE"

    #if canImport(Glibc)
    private static let thisProcess = __priority_which_t(PRIO_PROCESS.rawValue)
    #else
    private static let thisProcess = PRIO_PROCESS
    #endif

    static var isChild: Bool { ProcessInfo.processInfo.environment[childVariable] == "1" }

    /// In the child, first thing: it dies with its parent — its standard input is a pipe whose
    /// other end only the parent holds, so when the parent is gone (`kill -9`, Ctrl-C sent to it
    /// alone) the read ends and the child stops at once instead of OCR-ing on unsupervised; and
    /// it takes the parent's nice value back.
    static func becomeChild() {
        if let nice = ProcessInfo.processInfo.environment[niceVariable].flatMap(Int32.init) { takeNice(nice) }
        let watcher = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(STDIN_FILENO, &byte, 1)
                if count == 0 || (count < 0 && errno != EINTR) { _exit(1) }
            }
        }
        watcher.start()
    }

    /// Runs this command again as a child until it exits normally; returns its exit status.
    static func supervise(maximumRestarts: Int) -> Int32 {
        var restarts = 0
        while true {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ProcessSetup.executablePath)
            process.arguments = Array(CommandLine.arguments.dropFirst())
            // Linux keeps a nice value per thread, and this one may be a dispatch thread reset to 0:
            // the process's own is its main thread's (whose id is the pid); the child starts with
            // the spawning thread's, so that thread takes it first, and the child sets it again.
            let nice = getpriority(thisProcess, id_t(getpid()))
            takeNice(nice, threads: [0])
            process.environment = ProcessInfo.processInfo.environment.merging([childVariable: "1", niceVariable: String(nice)]) { $1 }
            // The child watches this pipe: it ends when this process is gone (see becomeChild()).
            let lifeline = Pipe()
            process.standardInput = lifeline
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

    /// Raises the nice value of `threads` (thread ids; 0 is the calling thread; nil for every
    /// thread of the process) to `nice` where it is lower; raising needs no privilege.
    private static func takeNice(_ nice: Int32, threads: [id_t]? = nil) {
        let ids = threads ?? ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task"))?.compactMap { id_t($0) } ?? [0])
        for id in ids where getpriority(thisProcess, id) < nice {
            _ = setpriority(thisProcess, id, nice)
        }
    }
}
