public import QuireCore
import Synchronization

/// The script verdicts of each document's pages so far, shared by the workers of one run, so that
/// the pages of a document whose first detected pages agree are not detected one by one: `osd`
/// is most of what detection costs (``ScriptChoice/settledVerdict(blackletter:other:)`` says when a
/// document is settled). Keyed by the document and the languages asked for.
public final class ScriptMemory: Sendable {
    private let verdicts = Mutex<[String: (blackletter: Int, other: Int)]>([:])

    public init() {}

    /// The verdict every page of `document` read in `languages` takes without detection, or nil
    /// while its pages must still be detected.
    public func settled(_ document: String, languages: LanguageSet) -> Bool? {
        verdicts.withLock { all in
            all[Self.key(document, languages)].flatMap { ScriptChoice.settledVerdict(blackletter: $0.blackletter, other: $0.other) }
        }
    }

    /// Records one detected page of `document`.
    public func record(_ document: String, languages: LanguageSet, blackletter: Bool) {
        verdicts.withLock { all in
            var counts = all[Self.key(document, languages)] ?? (0, 0)
            if blackletter { counts.blackletter += 1 } else { counts.other += 1 }
            all[Self.key(document, languages)] = counts
        }
    }

    private static func key(_ document: String, _ languages: LanguageSet) -> String { "\(languages)\u{1F}\(document)" }
}
