public import QuireCore

/// An error of the clearance module: an input line or argument the engine cannot use.
///
/// Codes: ``ErrorCode/invalidInput`` for a JSON Lines case that cannot be read (the message
/// names the line and the field), ``ErrorCode/invalidArgument`` for a bad argument such as an
/// `--as-of` date that is not `YYYY-MM-DD`.
public struct ClearanceError: QuireError, Hashable {
    /// `invalidInput` or `invalidArgument`.
    public let code: ErrorCode
    /// What went wrong, naming the line and field.
    public let message: String
    /// How to fix it.
    public let remedy: String
    /// The file or document concerned, when known.
    public let context: ErrorContext
    /// The 1-based input line concerned, when there is one.
    public let line: Int?
    /// The field concerned, as a path such as `contributors[0].died`, when there is one.
    public let field: String?

    /// An error with its code, message and remedy, and optionally the line and field concerned.
    public init(
        _ code: ErrorCode, _ message: String, remedy: String, line: Int? = nil, field: String? = nil,
        context: ErrorContext = ErrorContext()
    ) {
        self.code = code
        self.message = message
        self.remedy = remedy
        self.line = line
        self.field = field
        self.context = context
    }

    /// An `--as-of` value that is not a `YYYY-MM-DD` date.
    public static func invalidAsOf(_ text: String) -> ClearanceError {
        ClearanceError(
            .invalidArgument, "'\(text)' is not an evaluation date",
            remedy: "pass the evaluation date as YYYY-MM-DD, e.g. --as-of 2026-11-24")
    }

    /// Parses an `--as-of` argument, or fails with ``invalidAsOf(_:)``.
    public static func parseAsOf(_ text: String) -> Result<CalendarDate, ClearanceError> {
        if let date = CalendarDate(text) { return .success(date) }
        return .failure(invalidAsOf(text))
    }
}
