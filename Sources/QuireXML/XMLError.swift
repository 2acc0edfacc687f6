public import QuireCore


/// Marks errors of the XML module.
public enum XMLDomain: ErrorDomain {}
/// An error of the XML module: an unsafe, malformed or unrecognised document.
public typealias XMLError = DomainError<XMLDomain>

extension XMLError {
    /// A document that declares a DTD (entities, external subsets): refused for safety.
    static func dtdRefused(context: ErrorContext) -> XMLError {
        XMLError(.invalidInput, "declares a DTD, which Quire refuses for safety (entities, external fetches)", remedy: "remove the <!DOCTYPE …> declaration; ALTO, PAGE and hOCR need none", context: context)
    }

    /// A file over the byte cap.
    static func tooLarge(_ count: Int, cap: Int, context: ErrorContext) -> XMLError {
        XMLError(
            .invalidInput, "the file is \(count / 1_048_576) MB, over the \(cap / 1_048_576) MB cap for one page",
            remedy: "split it into one file per page", context: context)
    }

    /// A document of the wrong kind or with a missing part; `what` says what was expected.
    static func notThisFormat(_ what: String, context: ErrorContext) -> XMLError {
        XMLError(.unsupportedFormat, what, remedy: "import ALTO (v2–v4), PAGE-XML (2013 or 2019) or hOCR", context: context)
    }
}
