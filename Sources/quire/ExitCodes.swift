import ArgumentParser
import QuireCore

/// The exit codes of `quire` (the table is in the README), applied once.
enum QuireExit {
    static let partial: Int32 = 3

    /// The exit code for an error category.
    static func code(for category: ErrorCategory) -> Int32 {
        switch category {
        case .internal: 1
        case .input: 4
        case .catalogue: 5
        case .conflict: 6
        case .environment: 7
        case .io: 8
        case .clearance: 9
        case .usage: 64
        }
    }

    /// Prints the error on stderr and returns the matching exit.
    static func fail(_ error: any QuireError) -> ExitCode {
        Terminal.error(error.description)
        return ExitCode(code(for: error.code.category))
    }

    /// The same for any error: Quire's own keep their code, an exit passes through, anything else
    /// is an internal error.
    static func fail(_ error: any Error) -> any Error {
        if let exit = error as? ExitCode { return exit }
        if let error = error as? any QuireError { return fail(error) }
        Terminal.error("\(error) — report this as a bug with the command you ran")
        return ExitCode(1)
    }
}
