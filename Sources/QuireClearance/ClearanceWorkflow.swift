import Foundation
public import QuireCore

/// The rules of the clearance workflow, as data: which moves are allowed, and what a move needs.
///
/// uncleared → in-review → cleared or rejected; a decision can be reopened (→ in-review) and a
/// review withdrawn (→ uncleared). Clearing needs the engine's verdict on record, and clearing
/// against it (anything but `free`) needs a written justification of at least
/// ``minimumJustificationLength`` characters.
public enum ClearanceWorkflow {
    /// The allowed moves.
    public static let transitions: [ClearanceStatus: Set<ClearanceStatus>] = [
        .uncleared: [.inReview],
        .inReview: [.cleared, .rejected, .uncleared],
        .cleared: [.inReview],
        .rejected: [.inReview],
    ]

    /// The shortest justification accepted for clearing against the engine.
    public static let minimumJustificationLength = 20

    /// Checks `step` (a transition, with its target, statuses, actor, reason and the engine's
    /// verdict) against the current status and the rules; returns it ready to append.
    public static func validate(_ step: ClearanceEvent, current: ClearanceStatus) throws(ClearanceError) -> ClearanceEvent {
        guard step.kind == .transition, let target = step.target, let from = step.from, let to = step.to else {
            throw ClearanceError(.invalidArgument, "a workflow step needs a target and the statuses it moves between", remedy: "report this as a bug")
        }
        guard from == current else {
            throw ClearanceError(
                .invalidArgument, "the document is \(current.rawValue) for \(target.rawValue), not \(from.rawValue)",
                remedy: "look at 'quire clearance history' and start from the current status")
        }
        guard transitions[current, default: []].contains(to) else {
            let allowed = transitions[current, default: []].map(\.rawValue).sorted().joined(separator: ", ")
            // A step to where the document already is, or a decision on a document already
            // decided, conflicts with another officer's step (often one made at the same moment):
            // exit 6, like a decision that lost the race inside the transaction; the rest is usage.
            let decided: Set<ClearanceStatus> = [.cleared, .rejected]
            let conflict = to == current || (decided.contains(current) && decided.contains(to))
            throw ClearanceError(
                conflict ? .clearanceConflict : .invalidArgument,
                conflict ? "the document is already \(current.rawValue) for \(target.rawValue): another decision came first"
                    : "a document cannot go from \(current.rawValue) to \(to.rawValue)",
                remedy: conflict ? "look at 'quire clearance history' and decide again from the current status (from \(current.rawValue) it can go to: \(allowed))"
                    : "from \(current.rawValue) it can go to: \(allowed)")
        }
        guard !step.actor.trimmingCharacters(in: .whitespaces).isEmpty, !step.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ClearanceError(.invalidArgument, "every step needs who decided and why", remedy: "give the actor and a reason")
        }
        guard to == .cleared else { return step }
        guard let verdict = step.engineVerdict else {
            throw ClearanceError(
                .invalidArgument, "clearing needs the engine's verdict on record", remedy: "evaluate the document's facts first")
        }
        if verdict != .free {
            let written = (step.justification ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard written.count >= minimumJustificationLength else {
                throw ClearanceError(
                    .invalidArgument, "the engine's verdict for \(target.rawValue) is \(verdict.rawValue); clearing against it needs a written justification",
                    remedy: "explain in at least \(minimumJustificationLength) characters why the work may be published (permission ticket, licence found, research done)")
            }
        }
        return step
    }

    /// What a vote does under double review (HathiTrust CRMS's rule: two reviewers, different
    /// people, each deciding before seeing the other's decision).
    public enum VoteOutcome: Sendable, Equatable {
        /// The first review: it waits for a second.
        case first
        /// The second agrees: the target moves to the decision.
        case agreed
        /// The second disagrees: the target stays in review, both votes kept.
        case disagreed
    }

    /// The outcome of `vote` (a `vote` entry: target, decision in `to`, actor) after `pending`,
    /// the vote waiting for a second one (``ClearanceEvent/pendingVote(for:after:)``). The second
    /// review must come from another person (names compared without regard to case).
    public static func outcome(of vote: ClearanceEvent, after pending: ClearanceEvent?) throws(ClearanceError) -> VoteOutcome {
        guard let pending else { return .first }
        guard pending.actor.lowercased() != vote.actor.lowercased() else {
            throw ClearanceError(
                .invalidArgument, "under double review the second review of \(vote.target?.rawValue ?? "the target") must come from another rights officer: \(vote.actor) made the first",
                remedy: "ask another rights officer to review it")
        }
        return pending.to == vote.to ? .agreed : .disagreed
    }
}
