public import QuireClearance
public import QuireCore
import QuireCatalogue

/// Nothing uncleared leaves: `wikitext`, `export` and `publish` ask the gate first. A document
/// passes for a target when a rights officer cleared it there; otherwise the command stops with
/// `clearance_required` (exit 9), unless an override with a reason is given, which is recorded in
/// the document's history once the work it let through has happened (``record(_:failure:)``), so
/// the history never shows an override for an export that was never written.
public struct ClearanceGate: Sendable {
    public let desk: ClearanceDesk

    public init(desk: ClearanceDesk) { self.desk = desk }

    /// What a command does with a document's text, which decides whether the gate applies.
    public enum Use: Sendable {
        /// Files, exports and publishing: the text leaves; gated, and overrides are recorded.
        case release
        /// One page printed for a proofreader to read (`quire wikitext DOC --page N`): nothing
        /// leaves, so no clearance is needed and nothing enters the history.
        case onePagePreview
    }

    /// Whether `use` must pass the gate.
    public static func isGated(_ use: Use) -> Bool {
        switch use {
        case .release: true
        case .onePagePreview: false
        }
    }

    /// The shortest reason accepted for an override.
    public static let minimumOverrideReason = 10

    /// How the document passed.
    public enum Passage: Hashable, Sendable {
        /// Cleared for the target; the flag says whether facts changed after the decision.
        case cleared(factsChangedSinceDecision: Bool)
        /// Not cleared, but let through by an override, to be recorded with ``record(_:failure:)``
        /// when the work is done (or failed after sending something).
        case overridden(status: ClearanceStatus, pending: PendingOverride)
    }

    /// An override checked (reason, actor) but not yet in the history.
    public struct PendingOverride: Hashable, Sendable {
        /// The history entry it will append.
        public let event: ClearanceEvent
    }

    /// Checks `id` for `target` as of `asOf`; with `override` (a reason), lets it pass with the
    /// override by `actor` for `command` pending: nothing is written until ``record(_:failure:)``.
    public func check(
        _ id: DocumentID, target: ClearanceTarget, asOf: CalendarDate, override: String?, actor: String?, command: String
    ) throws -> Passage {
        try check(id, dossier: try desk.dossier(id, asOf: asOf), target: target, override: override, actor: actor, command: command)
    }

    /// The same check on the document's dossier already at hand, for a caller that needs the
    /// dossier too (so the facts are read and evaluated once).
    public func check(
        _ id: DocumentID, dossier: ClearanceDesk.Dossier, target: ClearanceTarget, override: String?, actor: String?, command: String
    ) throws -> Passage {
        let status = dossier.statuses[target] ?? .uncleared
        if status == .cleared {
            return .cleared(factsChangedSinceDecision: dossier.factsChangedSinceDecision.contains(target))
        }
        let verdict = dossier.evaluation[target]
        guard let override else {
            throw PipelineError(
                .clearanceRequired, Self.explanation(status: status, target: target, verdict: verdict, missing: dossier.missing),
                remedy: "a rights officer reviews it ('quire clearance review \(id) --target \(target.rawValue)', then 'clear' or 'reject'); "
                    + "to go ahead anyway, pass --override-clearance \"why\" (recorded in the history)",
                context: ErrorContext(document: id))
        }
        return .overridden(status: status, pending: try pendingOverride(id, target: target, reason: override, actor: actor, verdict: verdict.verdict, detail: command))
    }

    /// Checks that the wiki a document is about to be published to is its clearance target
    /// (``WikiDestination/mismatch(_:profile:target:)`` gives `mismatch` when not): without an
    /// override it stops with `clearance_required` (exit 9) before anything is sent; with one
    /// (a private or test wiki), the override is returned pending, to be recorded like any other.
    public func checkDestination(
        _ id: DocumentID, target: ClearanceTarget, mismatch: String, override: String?, actor: String?, command: String
    ) throws -> PendingOverride {
        guard let override else {
            throw PipelineError(
                .clearanceRequired, "the wiki at this address is not the one the document is cleared for: \(mismatch)",
                remedy: "check --api and --wiki; to publish to a private or test wiki anyway, pass --override-clearance \"why\" (recorded in the history)",
                context: ErrorContext(document: id))
        }
        return try pendingOverride(id, target: target, reason: override, actor: actor, verdict: nil, detail: "\(command) (\(mismatch))")
    }

    /// An override's entry, checked now (reason, who, plain text), since it is recorded only after
    /// the work is done.
    private func pendingOverride(
        _ id: DocumentID, target: ClearanceTarget, reason override: String, actor: String?, verdict: Verdict?, detail: String
    ) throws -> PendingOverride {
        let reason = override.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= Self.minimumOverrideReason else {
            throw PipelineError(
                .invalidArgument, "an override needs a reason of at least \(Self.minimumOverrideReason) characters",
                remedy: "say why this uncleared document may go ahead, e.g. --override-clearance \"test import on a private wiki\"",
                context: ErrorContext(document: id))
        }
        guard let actor = actor.flatMap(ClearanceDesk.nonEmpty) else {
            throw PipelineError(.invalidArgument, "an override needs who made it", remedy: "set QUIRE_ACTOR to your name", context: ErrorContext(document: id))
        }
        let event = ClearanceEvent(
            document: id, kind: .override, target: target, actor: actor, reason: reason,
            engineVerdict: verdict, rulesVersion: desk.engine.rules.version, detail: detail)
        if let field = event.fieldWithControlCharacters { throw CatalogueError.controlCharacters(in: field, document: id) }
        return PendingOverride(event: event)
    }

    /// Appends `override` to the document's history: call it when the work it let through was
    /// done, or with `failure` (what went wrong) when the work stopped after part of it was done.
    public func record(_ override: PendingOverride, failure: String? = nil) throws {
        var event = override.event
        if let failure { event.detail = (event.detail ?? "") + " — failed: " + failure }
        try desk.catalogue.appendEvent(event)
    }

    /// Why a document may not leave: its status, the engine's verdict and reasons, the facts missing.
    static func explanation(status: ClearanceStatus, target: ClearanceTarget, verdict: TargetVerdict, missing: [String]) -> String {
        var text = "not cleared for \(target.rawValue) (status \(status.rawValue)); the engine's verdict is \(verdict.verdict.rawValue)"
        if let reason = verdict.reasons.last { text += ": \(reason)" }
        if let freeFrom = verdict.freeFrom { text += "; free from \(freeFrom)" }
        if !missing.isEmpty { text += "; facts missing: \(missing.joined(separator: "; "))" }
        return text
    }
}
