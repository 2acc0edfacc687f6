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

    /// Stops with exit 9 unless `id` is cleared for the wiki `language` (or overridden, which is
    /// recorded); warns when facts changed after the decision. A dry run, which publishes
    /// nothing, only warns and records nothing.
    func check(_ id: DocumentID, wikisource language: String, catalogue: Catalogue, command: String, dryRun: Bool = false) throws {
        guard let target = ClearanceTarget(wikisource: language) else { return }
        let gate = ClearanceGate(desk: ClearanceDesk(catalogue: catalogue))
        if dryRun {
            do {
                _ = try gate.check(id, target: target, asOf: Quire.Clearance.Evaluate.today(), override: nil, actor: nil, command: command)
            } catch let error as any QuireError where error.code == .clearanceRequired {
                Terminal.warning("dry run only: \(error.description)")
            }
            return
        }
        switch try gate.check(
            id, target: target, asOf: Quire.Clearance.Evaluate.today(), override: overrideClearance,
            actor: ActorOptions.current(), command: command)
        {
        case .cleared(let changed):
            if changed { Terminal.warning("document '\(id)': facts changed after it was cleared for \(target.rawValue); see 'quire clearance show \(id)'") }
        case .overridden(let status):
            Terminal.warning("document '\(id)' is \(status.rawValue) for \(target.rawValue): going ahead by override, recorded in its history")
        }
    }
}
