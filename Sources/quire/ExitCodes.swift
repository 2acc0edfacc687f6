import ArgumentParser
import QuireCore

/// How `quire` ends: every command throws, and ``Quire/main()`` maps the error to its message
/// and exit code here, once, by QuireCore's ``ExitStatus`` table (the README shows it).
enum QuireExit {
    static let partial = ExitStatus.partial

    /// The exit code for an error category.
    static func code(for category: ErrorCategory) -> Int32 { ExitStatus.code(for: category) }

    /// The exit code of an error a command threw: Quire's own by their category, an exit as it
    /// is, anything else is an internal error.
    static func code(of error: any Error) -> Int32 {
        if let exit = error as? ExitCode { return exit.rawValue }
        if let error = error as? any QuireError { return code(for: error.code.category) }
        return code(for: .internal)
    }

    /// What ``Quire/main()`` hands to swift-argument-parser for an error a command threw: the
    /// parser's own (an exit, a usage error, help) pass through; any other is reported
    /// (``report(_:)``) and becomes its exit code.
    static func translate(_ error: any Error) -> any Error {
        if isParsers(error) { return error }
        report(error)
        return ExitCode(code(of: error))
    }

    /// Whether swift-argument-parser made the error (an exit, a usage error, a help request,
    /// including those its `help` subcommand throws when it runs): it prints them itself.
    private static func isParsers(_ error: any Error) -> Bool {
        error is ExitCode || error is ValidationError || error is CleanExit || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// Prints an error on stderr: Quire's own with their context and remedy, anything else as a
    /// bug. An exit was explained where it was thrown and prints nothing.
    static func report(_ error: any Error) {
        if error is ExitCode { return }
        if let error = error as? any QuireError {
            Terminal.error(error.description)
        } else {
            Terminal.error("\(error) — report this as a bug with the command you ran")
        }
    }

    /// Ends a batch by the partial-success rule (``ExitStatus/ofBatch(succeeded:failed:firstFailure:)``):
    /// returns when nothing failed, else throws exit 3 or the first failure's code. The failures
    /// were already reported.
    static func endBatch(succeeded: Int, failures: [any Error]) throws(ExitCode) {
        try endBatch(succeeded: succeeded, failed: failures.count, firstFailure: failures.first.map(code(of:)))
    }

    /// The same for failures counted without an error to take a code from (`firstFailure` nil:
    /// the bad-input code).
    static func endBatch(succeeded: Int, failed: Int, firstFailure: Int32? = nil) throws(ExitCode) {
        let status = ExitStatus.ofBatch(succeeded: succeeded, failed: failed, firstFailure: firstFailure)
        if status != ExitStatus.success { throw ExitCode(status) }
    }

    /// Kept for code not yet moved to the one exit path: returns the error, which ``Quire/main()``
    /// maps (the message is printed there, once).
    @available(*, deprecated, message: "throw the error itself: Quire.main maps every error once")
    static func fail(_ error: any Error) -> any Error { error }
}
