public import QuireCore

/// An error of the OCR module: a file that cannot be read as a scan, or a missing dependency.
public struct OCRError: QuireError, Hashable {
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
