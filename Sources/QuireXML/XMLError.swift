public import QuireCore

/// An error of the XML module: an unsafe, malformed or unrecognised document.
public struct XMLError: QuireError, Hashable {
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
