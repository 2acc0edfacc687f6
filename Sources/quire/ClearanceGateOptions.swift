import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline

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
    /// override for work that did not happen. A dry run, which publishes nothing, only warns and
    /// records nothing.
    func check(_ id: DocumentID, wikisource language: String, catalogue: Catalogue, command: String, dryRun: Bool = false) throws -> ClearanceGate.PendingOverride? {
        guard let target = ClearanceTarget(wikisource: language) else { return nil }
        let gate = ClearanceGate(desk: ClearanceDesk(catalogue: catalogue))
        if dryRun {
            do {
                _ = try gate.check(id, target: target, asOf: Quire.Clearance.Evaluate.today(), override: nil, actor: nil, command: command)
            } catch let error as any QuireError where error.code == .clearanceRequired {
                Terminal.warning("dry run only: \(error.description)")
            }
            return nil
        }
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

    /// Records an override returned by ``check(_:wikisource:catalogue:command:dryRun:)`` now that its
    /// work was done (or, with `failure`, stopped after doing part of it). Nothing to do for nil.
    func record(_ pending: ClearanceGate.PendingOverride?, catalogue: Catalogue, failure: String? = nil) throws {
        guard let pending else { return }
        do {
            try ClearanceGate(desk: ClearanceDesk(catalogue: catalogue)).record(pending, failure: failure)
        } catch {
            throw QuireExit.fail(error)
        }
    }
}
