/// The exit status of a `quire` run: one table from error category to code (the README's "Exit
/// codes" shows it), and the partial-success rule every batch follows.
public enum ExitStatus {
    /// Everything asked was done.
    public static let success: Int32 = 0
    /// Part of a batch failed; the rest succeeded and was kept.
    public static let partial: Int32 = 3

    /// The code of each error category.
    public static let table: [ErrorCategory: Int32] = [
        .internal: 1, .input: 4, .catalogue: 5, .conflict: 6, .environment: 7, .io: 8, .clearance: 9, .usage: 64,
    ]

    /// The code of an error category.
    public static func code(for category: ErrorCategory) -> Int32 { table[category] ?? 1 }

    /// The partial-success rule: ``success`` when nothing failed; ``partial`` when some items
    /// failed and some succeeded; when all failed, the first failure's code (`firstFailure`), or
    /// the bad-input code when the failures carry none.
    public static func ofBatch(succeeded: Int, failed: Int, firstFailure: Int32?) -> Int32 {
        guard failed > 0 else { return success }
        if succeeded > 0 { return partial }
        return firstFailure ?? code(for: .input)
    }
}
