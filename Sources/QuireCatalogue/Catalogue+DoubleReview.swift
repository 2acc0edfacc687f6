import Foundation
import GRDB
public import QuireCore

extension Catalogue {
    /// A catalogue-wide setting's value (`catalogue_setting`), nil when never set.
    public func setting(named name: String) throws(CatalogueError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM catalogue_setting WHERE name = ?", arguments: [name]) }
    }

    /// Sets a catalogue-wide setting, recording who set it and when.
    public func setSetting(named name: String, to value: String, by actor: String) throws(CatalogueError) {
        let now = timestamp
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO catalogue_setting (name, value, set_by, set_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value, set_by = excluded.set_by, set_at = excluded.set_at
                    """,
                arguments: [name, value, actor, now])
        }
    }

    /// Appends a double-review `vote` (and, when it agrees with the waiting one, the `transition`
    /// it makes) in one transaction, but only while the target is still in review and the vote
    /// waiting is still `pending` (its sequence; nil for none): another officer's vote or step
    /// made meanwhile makes this one fail with `clearance_conflict` instead of being miscounted.
    public func appendVote(_ vote: ClearanceEvent, expectingPending pending: Int?, transition: ClearanceEvent?) throws(CatalogueError) {
        let now = timestamp
        try write { db in
            guard try DocumentRow.fetchOne(db, key: vote.document.rawValue) != nil else { throw CatalogueError.documentNotFound(vote.document) }
            guard vote.kind == .vote, let target = vote.target else {
                throw CatalogueError(.internalError, "a vote needs a target and a decision", remedy: "report this as a bug")
            }
            let history = try history(db, vote.document)
            let current = ClearanceEvent.statuses(after: history)[target] ?? .uncleared
            guard current == .inReview, ClearanceEvent.pendingVote(for: target, after: history)?.sequence == pending else {
                throw CatalogueError(
                    .clearanceConflict, "another review of \(vote.document) for \(target.rawValue) was recorded while this one was being made",
                    remedy: "open the document again and review it from its current state", context: ErrorContext(document: vote.document))
            }
            try insert(db, vote, at: now)
            if let transition { try insert(db, transition, at: now) }
        }
    }
}
