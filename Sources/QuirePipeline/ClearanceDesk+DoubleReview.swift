import Foundation
public import QuireClearance
public import QuireCore

extension ClearanceDesk {
    /// The catalogue setting that turns double review on (`on`) or off (anything else).
    public static let doubleReviewSetting = "double-review"

    /// Whether clearing and rejecting take two rights officers in this catalogue.
    public func doubleReview() throws -> Bool {
        try catalogue.setting(named: Self.doubleReviewSetting) == "on"
    }

    /// Turns double review on or off for the whole catalogue.
    public func setDoubleReview(_ on: Bool, actor: String) throws {
        try catalogue.setSetting(named: Self.doubleReviewSetting, to: on ? "on" : "off", by: try Self.checkedActor(actor))
    }

    /// Records `step` (a validated clear or reject of a target in review) as a vote under double
    /// review: the first waits; a second by another person that agrees makes the transition
    /// (whose detail names both reviewers and the first's reason); one that disagrees leaves the
    /// target in review with both votes kept. Returns the transition when one was made, else the vote.
    func vote(_ step: ClearanceEvent, history: [ClearanceEvent]) throws -> ClearanceEvent {
        guard let target = step.target, let decision = step.to else { return step }
        let pending = ClearanceEvent.pendingVote(for: target, after: history)
        var vote = step
        vote.kind = .vote
        vote.from = nil
        let outcome: ClearanceWorkflow.VoteOutcome
        do {
            outcome = try ClearanceWorkflow.outcome(of: vote, after: pending)
        } catch {
            throw PipelineError(error.code, error.message, remedy: error.remedy, context: ErrorContext(document: step.document))
        }
        var transition: ClearanceEvent?
        if outcome == .agreed, let pending {
            var agreed = step
            agreed.detail = "double review: \(pending.actor) and \(step.actor) both \(decision.rawValue); \(pending.actor)'s reason: \(pending.reason)"
            transition = agreed
        }
        try catalogue.appendVote(vote, expectingPending: pending?.sequence, transition: transition)
        return transition ?? vote
    }
}
