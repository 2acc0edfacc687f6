import Foundation
public import QuireCore

/// One entry of a document's clearance history: who moved it from what to what, when and why.
/// Entries are only ever appended; a correction is a new entry.
public struct ClearanceStep: Hashable, Sendable, Codable {
    public var target: ClearanceTarget
    public var from: ClearanceStatus
    public var to: ClearanceStatus
    /// The person (or account) who decided.
    public var actor: String
    /// Why, in their words.
    public var reason: String
    /// Permission ticket, URL or file fingerprint backing the decision.
    public var evidence: [Evidence]
    /// The engine's verdict for the target when the step was taken.
    public var engineVerdict: Verdict?
    /// When clearing against the engine's verdict: the written justification.
    public var justification: String?

    public init(
        target: ClearanceTarget, from: ClearanceStatus, to: ClearanceStatus, actor: String, reason: String,
        evidence: [Evidence] = [], engineVerdict: Verdict? = nil, justification: String? = nil
    ) {
        self.target = target
        self.from = from
        self.to = to
        self.actor = actor
        self.reason = reason
        self.evidence = evidence
        self.engineVerdict = engineVerdict
        self.justification = justification
    }
}

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

    /// The status after `history` (entries for one target, oldest first); `uncleared` when empty.
    public static func status(after history: [ClearanceStep]) -> ClearanceStatus {
        history.last?.to ?? .uncleared
    }

    /// Checks `step` against the current status and the rules; returns it ready to append.
    public static func validate(_ step: ClearanceStep, current: ClearanceStatus) throws(ClearanceError) -> ClearanceStep {
        guard step.from == current else {
            throw ClearanceError(
                .invalidArgument, "the document is \(current.rawValue) for \(step.target.rawValue), not \(step.from.rawValue)",
                remedy: "look at 'quire clearance history' and start from the current status")
        }
        guard transitions[current, default: []].contains(step.to) else {
            let allowed = transitions[current, default: []].map(\.rawValue).sorted().joined(separator: ", ")
            throw ClearanceError(
                .invalidArgument, "a document cannot go from \(current.rawValue) to \(step.to.rawValue)",
                remedy: "from \(current.rawValue) it can go to: \(allowed)")
        }
        guard !step.actor.trimmingCharacters(in: .whitespaces).isEmpty, !step.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ClearanceError(.invalidArgument, "every step needs who decided and why", remedy: "give the actor and a reason")
        }
        guard step.to == .cleared else { return step }
        guard let verdict = step.engineVerdict else {
            throw ClearanceError(
                .invalidArgument, "clearing needs the engine's verdict on record", remedy: "evaluate the document's facts first")
        }
        if verdict != .free {
            let written = (step.justification ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard written.count >= minimumJustificationLength else {
                throw ClearanceError(
                    .invalidArgument, "the engine's verdict for \(step.target.rawValue) is \(verdict.rawValue); clearing against it needs a written justification",
                    remedy: "explain in at least \(minimumJustificationLength) characters why the work may be published (permission ticket, licence found, research done)")
            }
        }
        return step
    }
}
