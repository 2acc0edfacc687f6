#if QUIRE_FAULT_HOOKS
import Foundation
import QuireCore

/// Faults on demand, for the tests that prove a crash or a hang inside the OCR engine costs one
/// page (`OCRCLITests`). Compiled only with `-D QUIRE_FAULT_HOOKS`, which Package.swift sets for
/// debug builds (the ones `make test` builds and runs): the release binary holds none of these
/// variables, which `Scripts/tests/fault-hooks-check` verifies after `make build-release`.
enum FaultHooks {
    /// `FILE:PAGE` makes the supervised child abort on that page (1-based), to prove isolation.
    static let crashVariable = "QUIRE_TEST_CRASH_ON"
    /// `FILE:PAGE` makes the supervised child hang on that page (1-based).
    static let hangVariable = "QUIRE_TEST_HANG_ON"
    /// The hang limit in seconds, instead of the one derived from the deadline.
    static let limitVariable = "QUIRE_TEST_HANG_LIMIT"

    /// Seconds every page of `quire serve`'s background OCR waits before it is read, so that the
    /// browser check (`check_desk.py`) cancels and kills a run in its middle on any machine.
    static let pageDelayVariable = "QUIRE_TEST_PAGE_DELAY"

    /// `factory`, its engines slowed by the environment's page delay when it sets one.
    static func slowed(_ factory: any OCREngineFactory) -> any OCREngineFactory {
        guard let delay = ProcessInfo.processInfo.environment[pageDelayVariable].flatMap(Double.init), delay > 0 else { return factory }
        return SlowedFactory(base: factory, delay: delay)
    }

    private struct SlowedFactory: OCREngineFactory {
        let base: any OCREngineFactory
        let delay: TimeInterval

        func makeEngine(languages: LanguageSet) throws -> any OCREngine {
            SlowedEngine(base: try base.makeEngine(languages: languages), delay: delay)
        }
    }

    private struct SlowedEngine: OCREngine {
        var base: any OCREngine
        let delay: TimeInterval
        var identity: EngineIdentity { base.identity }

        mutating func recognize(_ source: PageImageSource) throws -> PageText {
            try recognize(source, document: nil)
        }

        mutating func recognize(_ source: PageImageSource, document: String?) throws -> PageText {
            Thread.sleep(forTimeInterval: delay)
            return try base.recognize(source, document: document)
        }
    }

    /// The hang limit the environment asks for, if any.
    static func hangLimit(environment: [String: String]) -> TimeInterval? {
        environment[limitVariable].flatMap(Double.init)
    }

    /// In the supervised child, aborts or hangs on the page the environment names.
    static func apply(to source: PageImageSource) {
        guard CrashSupervisor.isChild else { return }
        let environment = ProcessInfo.processInfo.environment
        if names(environment[crashVariable], source) { abort() }
        if names(environment[hangVariable], source) {
            while true { Thread.sleep(forTimeInterval: 3600) }
        }
    }

    /// Whether `FILE:PAGE` names this page.
    private static func names(_ target: String?, _ source: PageImageSource) -> Bool {
        guard let parts = target?.split(separator: ":"), parts.count == 2 else { return false }
        return source.path.hasSuffix(String(parts[0])) && Int(parts[1]) == source.pageIndex + 1
    }
}
#endif
