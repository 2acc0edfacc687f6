import Foundation
import QuireCore
import Synchronization

/// Bounds a hang that Tesseract's progress monitor cannot: layout analysis and some image
/// decoding have no cancel hook, so a pathological page could stall a worker forever. In the
/// supervised child, every page's recognition is timed; when one runs past ``limit`` the child
/// names the page and exits with ``exitCode``, and ``CrashSupervisor`` starts it again. The
/// attempt was recorded before it began, so the page is retried once and then quarantined, and
/// every page already done stays done.
final class HangWatchdog: Sendable {
    /// The child's exit status after a hang.
    static let exitCode: Int32 = 86
    /// Up to three recognitions per page (automatic preprocessing) each within the deadline, plus
    /// decoding and layout analysis (a debug build's tests may ask for another, ``FaultHooks``).
    static func limit(deadline: Double, environment: [String: String]) -> TimeInterval {
        #if QUIRE_FAULT_HOOKS
        if let limit = FaultHooks.hangLimit(environment: environment) { return limit }
        #endif
        return deadline * 3 + 60
    }

    let limit: TimeInterval
    /// The pages being recognised, by token, and the next token.
    private let pages = Mutex<(inFlight: [Int: (source: PageImageSource, started: Date)], nextToken: Int)>(([:], 0))

    init(limit: TimeInterval) {
        self.limit = limit
        let thread = Thread { [self] in watch() }
        thread.name = "quire-hang-watchdog"
        thread.start()
    }

    func begin(_ source: PageImageSource) -> Int {
        pages.withLock { pages in
            pages.nextToken += 1
            pages.inFlight[pages.nextToken] = (source, Date())
            return pages.nextToken
        }
    }

    func end(_ token: Int) {
        pages.withLock { _ = $0.inFlight.removeValue(forKey: token) }
    }

    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: min(1, limit / 4))
            let stuck = pages.withLock { $0.inFlight.values.first { Date().timeIntervalSince($0.started) > limit } }
            guard let stuck else { continue }
            Terminal.error(
                "'\(stuck.source.path)', page \(stuck.source.pageIndex + 1): no result after \(Int(limit)) s — the OCR engine is stuck on this page; "
                    + "restarting the worker (the page is retried once, then quarantined)")
            _exit(Self.exitCode)
        }
    }
}

/// Wraps a factory so that each recognition is timed by a ``HangWatchdog`` (and, in a debug
/// build, test faults apply).
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
        #if QUIRE_FAULT_HOOKS
        FaultHooks.apply(to: source)
        #endif
        return try base.recognize(source, document: document)
    }
}
