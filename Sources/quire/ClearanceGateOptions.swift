import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuirePublish
import QuireWikitext

/// `--override-clearance REASON` for the commands that let a document leave (wikitext, export,
/// publish), and the gate they ask first.
struct ClearanceGateOptions: ParsableArguments {
    @Option(
        name: .customLong("override-clearance"),
        help: ArgumentHelp("Go ahead although the document is not cleared for the wiki; the reason is recorded in its history.", valueName: "reason"))
    var overrideClearance: String?

    /// Stops with exit 9 unless `id` is cleared for the wiki `language` (or overridden); warns when
    /// facts changed after the decision. An override is returned pending: the command records it
    /// with ``record(_:catalogue:failure:)`` once its work is done, so the history never shows an
    /// override for work that did not happen. A dry run, which shows every page's text, is gated
    /// the same way.
    func check(_ id: DocumentID, wikisource language: String, catalogue: Catalogue, command: String) throws -> ClearanceGate.PendingOverride? {
        guard let target = ClearanceTarget(wikisource: language) else { return nil }
        let gate = ClearanceGate(desk: ClearanceDesk(catalogue: catalogue))
        switch try gate.check(
            id, target: target, asOf: Quire.Clearance.Evaluate.today(), override: overrideClearance,
            actor: ActorOptions.current(), command: command)
        {
        case .cleared(let changed):
            if changed { Terminal.warning("document '\(id)': facts changed after it was cleared for \(target.rawValue); see 'quire clearance show \(id)'") }
            return nil
        case .overridden(let status, let pending):
            Terminal.warning("document '\(id)' is \(status.rawValue) for \(target.rawValue): going ahead by override, recorded in its history")
            return pending
        }
    }

    /// Stops with exit 9 unless the wiki `site` describes is the document's clearance target for
    /// the wiki `language` (an override with a reason lets a private or test wiki through,
    /// returned pending like the other).
    func checkDestination(_ id: DocumentID, wikisource language: String, site: WikiSiteInfo, catalogue: Catalogue, command: String) throws -> ClearanceGate.PendingOverride? {
        guard let target = ClearanceTarget(wikisource: language), let profile = WikiCode(rawValue: language)?.profile,
              let mismatch = WikiDestination.mismatch(site, profile: profile, target: target) else { return nil }
        let pending = try ClearanceGate(desk: ClearanceDesk(catalogue: catalogue)).checkDestination(
            id, target: target, mismatch: mismatch, override: overrideClearance, actor: ActorOptions.current(), command: command)
        Terminal.warning("\(mismatch): going ahead by override, recorded in the document's history")
        return pending
    }

    /// Records an override returned by ``check(_:wikisource:catalogue:command:)`` now that its
    /// work was done (or, with `failure`, stopped after doing part of it). Nothing to do for nil.
    func record(_ pending: ClearanceGate.PendingOverride?, catalogue: Catalogue, failure: String? = nil) throws {
        guard let pending else { return }
        try ClearanceGate(desk: ClearanceDesk(catalogue: catalogue)).record(pending, failure: failure)
    }
}
