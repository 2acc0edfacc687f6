import Foundation
public import QuireCore

/// Marks errors of the wikitext module.
public enum WikitextDomain: ErrorDomain {}
/// An error of wikitext generation.
public typealias WikitextError = DomainError<WikitextDomain>

extension DomainError where Domain == WikitextDomain {    static func invalidTitle(_ title: String, what: String) -> WikitextError {
        WikitextError(
            .invalidArgument, "the \(what) '\(title)' is not a valid wiki title (empty, or containing one of # < > [ ] | { } or a control character)",
            remedy: "choose a title without those characters")
    }

    static func invalidUser(_ user: String) -> WikitextError {
        WikitextError(
            .invalidArgument, "the user name '\(user)' cannot be written into a pagequality tag (it holds a quote, a line break or one of # < > [ ] | { } /)",
            remedy: "pass the wiki account name exactly as the wiki spells it")
    }

    static var proofreadWithoutUser: WikitextError { WikitextError(
        .invalidArgument, "a page of proofread text needs the name of the account that publishes it (level 3 names its user)",
        remedy: "pass the publishing account's user name in the generation options") }

    static var missingScan: WikitextError { WikitextError(
        .invalidArgument, "the document has no scan file name on the wiki, so its Page: titles are unknown",
        remedy: "set the document's wiki file name (e.g. 'Discurso 1931.pdf') or pass the scan in the generation options") }

    static func noLongSTemplate(_ wiki: WikiCode) -> WikitextError {
        WikitextError(.invalidArgument, "\(wiki) Wikisource has no long-s template", remedy: "keep the long s or modernise it (--long-s keep or --long-s modernise)")
    }

    static func invalidWorks(_ reason: String) -> WikitextError {
        WikitextError(.invalidArgument, "the works of the document are not usable: \(reason)", remedy: "list the works in page order, each starting after the previous one, within the document's pages")
    }

    static func titleOutsideMainNamespace(_ title: String, prefix: String) -> WikitextError {
        WikitextError(
            .invalidArgument, "the main page title '\(title)' would not be a main page: '\(prefix):' names a namespace or another wiki",
            remedy: "give the main page a title without that prefix: --work \"TITLE=FROM-TO\", or the document's --title")
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
