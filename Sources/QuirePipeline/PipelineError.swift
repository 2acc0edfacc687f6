public import QuireCore

/// An error raised by orchestration itself (reading files, expanding folders).
public struct PipelineError: QuireError, Hashable {
    public let code: ErrorCode
    public let message: String
    public let remedy: String
    public let context: ErrorContext

    public init(_ code: ErrorCode, _ message: String, remedy: String, context: ErrorContext = ErrorContext()) {
        self.code = code
        self.message = message
        self.remedy = remedy
        self.context = context
    }
}
