public import QuireCore
public import QuirePublish
public import QuireWikitext

/// Whether the wiki behind an API address is the one a publication is cleared for: the clearance
/// gate decides on the target the `--wiki` profile names (`es.wikisource`), so the wiki must be
/// that wiki. Its `siteinfo` says who it is: the content language (`lang`) must be the profile's,
/// and its database name (`wikiid`) must be the target's (`eswikisource`). A private or test
/// wiki (`quirewiki`) is never the target: publishing there needs an override with a reason,
/// which is recorded like any other.
public enum WikiDestination {
    /// The `wikiid` of Wikimedia's wiki for `target`: `eswikisource`, `commonswiki`; nil for a
    /// target that is no wiki (an e-book).
    public static func wikiID(of target: ClearanceTarget) -> String? {
        switch target {
        case .commons: "commonswiki"
        case .ebook: nil
        default: target.rawValue.replacingOccurrences(of: ".", with: "")
        }
    }

    /// Why the wiki described by `site` is not `target` for `profile`; nil when it is.
    public static func mismatch(_ site: WikiSiteInfo, profile: WikiProfile, target: ClearanceTarget) -> String? {
        let name = site.database.isEmpty ? "a wiki with no name" : "the wiki '\(site.database)'"
        if site.language.lowercased() != profile.code.rawValue {
            return "\(name) writes in '\(site.language)', but the \(profile.code) profile and the clearance for \(target.rawValue) are for '\(profile.code)'"
        }
        guard let expected = wikiID(of: target) else { return "\(target.rawValue) is not a wiki" }
        if site.database != expected {
            return "\(name) is not \(target.rawValue) (whose name is '\(expected)'), and the document's clearance is for \(target.rawValue)"
        }
        return nil
    }
}
