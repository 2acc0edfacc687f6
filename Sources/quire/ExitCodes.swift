import ArgumentParser
import QuireCore

/// The exit codes of `quire`, documented in the README. One table, applied once.
enum QuireExit {
    /// Every exit code with its meaning, in README order.
    static let table: [(code: Int32, meaning: String)] = [
        (0, "success"),
        (1, "internal error (a bug: please report it)"),
        (3, "partly done: some files or pages failed, the rest succeeded and was kept"),
        (4, "bad input: a file cannot be used as given"),
        (5, "catalogue problem: none found, written by a newer Quire, damaged or locked"),
        (6, "conflict with the catalogue: unknown document, file registered elsewhere or changed"),
        (7, "missing dependency: a program or language data is not installed"),
        (8, "cannot write: output folder not writable, disk full"),
        (9, "refused by clearance: the document is not cleared for the target"),
        (64, "usage error: bad arguments or option values"),
    ]

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
