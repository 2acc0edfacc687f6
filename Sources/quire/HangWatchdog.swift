import Foundation
import QuireCore

/// Bounds a hang that Tesseract's progress monitor cannot: layout analysis and some image
/// decoding have no cancel hook, so a pathological page could stall a worker forever. In the
/// supervised child, every page's recognition is timed; when one runs past ``limit`` the child
/// names the page and exits with ``exitCode``, and ``CrashSupervisor`` starts it again. The
/// attempt was recorded before it began, so the page is retried once and then quarantined, and
/// every page already done stays done.
final class HangWatchdog: @unchecked Sendable {
    /// The child's exit status after a hang.
    static let exitCode: Int32 = 86
    /// Test hook: `FILE:PAGE` makes that page (1-based) hang.
    static let hangVariable = "QUIRE_TEST_HANG_ON"
    /// Test hook: the limit in seconds, instead of the one derived from the deadline.
    static let limitVariable = "QUIRE_TEST_HANG_LIMIT"

    /// Up to three recognitions per page (automatic preprocessing) each within the deadline, plus
    /// decoding and layout analysis.
    static func limit(deadline: Double, environment: [String: String]) -> TimeInterval {
        environment[limitVariable].flatMap(Double.init) ?? deadline * 3 + 60
    }

    let limit: TimeInterval
    private let lock = NSLock()
    private var inFlight: [Int: (source: PageImageSource, started: Date)] = [:]
    private var nextToken = 0

    init(limit: TimeInterval) {
        self.limit = limit
        let thread = Thread { [self] in watch() }
        thread.name = "quire-hang-watchdog"
        thread.start()
    }

    func begin(_ source: PageImageSource) -> Int {
        lock.withLock {
            nextToken += 1
            inFlight[nextToken] = (source, Date())
            return nextToken
        }
    }

    func end(_ token: Int) {
        lock.withLock { _ = inFlight.removeValue(forKey: token) }
    }

    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: min(1, limit / 4))
            let stuck = lock.withLock { inFlight.values.first { Date().timeIntervalSince($0.started) > limit } }
            guard let stuck else { continue }
            Terminal.error(
                "'\(stuck.source.path)', page \(stuck.source.pageIndex + 1): no result after \(Int(limit)) s — the OCR engine is stuck on this page; "
                    + "restarting the worker (the page is retried once, then quarantined)")
            _exit(Self.exitCode)
        }
    }

    /// In the child, hangs on the page named by ``hangVariable`` (tests only).
    static func hangIfRequested(_ source: PageImageSource) {
        guard CrashSupervisor.isChild, let target = ProcessInfo.processInfo.environment[hangVariable] else { return }
        let parts = target.split(separator: ":")
        guard parts.count == 2, source.path.hasSuffix(String(parts[0])), Int(parts[1]) == source.pageIndex + 1 else { return }
        while true { Thread.sleep(forTimeInterval: 3600) }
    }
}

/// Wraps a factory so that each recognition is timed by a ``HangWatchdog`` (and test faults apply).
struct WatchedFactory: OCREngineFactory {
    let base: any OCREngineFactory
    let watchdog: HangWatchdog

    func makeEngine(languages: LanguageSet) throws -> any OCREngine {
        WatchedEngine(base: try base.makeEngine(languages: languages), watchdog: watchdog)
    }
}

private struct WatchedEngine: OCREngine {
    var base: any OCREngine
    let watchdog: HangWatchdog
    var identity: EngineIdentity { base.identity }

    mutating func recognize(_ source: PageImageSource) throws -> PageText {
        try recognize(source, document: nil)
    }

    mutating func recognize(_ source: PageImageSource, document: String?) throws -> PageText {
        let token = watchdog.begin(source)
        defer { watchdog.end(token) }
        CrashSupervisor.crashIfRequested(source)
        HangWatchdog.hangIfRequested(source)
        return try base.recognize(source, document: document)
    }
}
