public import QuireCore

/// Marks errors of publishing.
public enum PublishDomain: ErrorDomain {}
/// An error of publishing: credentials, rights, the wiki's refusals and outages. Never carries a
/// password or a page's text.
public typealias PublishError = DomainError<PublishDomain>

extension PublishError {
    /// The wiki answered something Quire cannot read.
    static func unreadable(_ what: String, api: String) -> PublishError {
        PublishError(.serverUnavailable, "\(api) answered \(what) that is not MediaWiki API JSON", remedy: "check that --api names the wiki's api.php (e.g. https://es.wikisource.org/w/api.php)")
    }
}
