import Foundation
public import QuireCore

/// An error of wikitext generation or parsing: a bad title, user name or work span given by the
/// caller, or a serialisation that cannot be read. Messages never quote page text.
public struct WikitextError: QuireError, Hashable {
    /// The stable reason code.
    public let code: ErrorCode
    /// What went wrong, in a sentence.
    public let message: String
    /// What to do about it, in a sentence.
    public let remedy: String
    /// The page concerned, when one is.
    public let context: ErrorContext

    /// An error with its code, message, remedy and context.
    public init(_ code: ErrorCode, _ message: String, remedy: String, context: ErrorContext = ErrorContext()) {
        self.code = code
        self.message = message
        self.remedy = remedy
        self.context = context
    }

    static func invalidTitle(_ title: String, what: String) -> WikitextError {
        WikitextError(
            .invalidArgument, "the \(what) '\(title)' is not a valid wiki title (empty, or containing one of # < > [ ] | { } or a control character)",
            remedy: "choose a title without those characters")
    }

    static func invalidUser(_ user: String) -> WikitextError {
        WikitextError(
            .invalidArgument, "the user name '\(user)' cannot be written into a pagequality tag (it holds a quote, a line break or one of # < > [ ] | { } /)",
            remedy: "pass the wiki account name exactly as the wiki spells it")
    }

    static let proofreadWithoutUser = WikitextError(
        .invalidArgument, "a page of proofread text needs the name of the account that publishes it (level 3 names its user)",
        remedy: "pass the publishing account's user name in the generation options")

    static let missingScan = WikitextError(
        .invalidArgument, "the document has no scan file name on the wiki, so its Page: titles are unknown",
        remedy: "set the document's wiki file name (e.g. 'Discurso 1931.pdf') or pass the scan in the generation options")

    static func invalidWorks(_ reason: String) -> WikitextError {
        WikitextError(.invalidArgument, "the works of the document are not usable: \(reason)", remedy: "list the works in page order, each starting after the previous one, within the document's pages")
    }

    static func invalidJSON(_ reason: String) -> WikitextError {
        WikitextError(.invalidInput, "the Page: JSON cannot be read: \(reason)", remedy: "pass ProofreadPage's JSON form: {\"header\":…,\"body\":…,\"footer\":…,\"level\":{\"level\":N,\"user\":…}}")
    }
}

/// Checks of titles and user names before they are written into wikitext.
enum WikiNames {
    /// Characters MediaWiki never allows in a title.
    private static let forbiddenInTitles: Set<Character> = ["#", "<", ">", "[", "]", "|", "{", "}"]

    /// True when `title` can be a wiki title (and so be written inside `[[…]]` or an attribute).
    static func isValidTitle(_ title: String) -> Bool {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && !trimmed.contains(where: { forbiddenInTitles.contains($0) || $0.isNewline || $0 == "\"" })
            && !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    }

    /// True when `user` can go into `user="…"` and be read back unchanged.
    static func isValidUser(_ user: String) -> Bool {
        user.isEmpty || (isValidTitle(user) && !user.contains("/") && !user.contains("\""))
    }
}
