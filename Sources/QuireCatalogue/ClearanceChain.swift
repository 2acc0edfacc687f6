import Foundation
import GRDB
public import QuireCore

/// The hash chain that makes the clearance history tamper-evident: each entry carries
/// `chain = SHA-256(previous entry's chain, "\n", the entry's canonical form)`, so rewriting,
/// removing, reordering or inserting an entry anywhere breaks every link after it.
///
/// What it protects against: an edit of the catalogue file outside Quire (an SQL shell, a script)
/// that changes, replaces (`INSERT OR REPLACE`), forges or removes history entries, or drops the
/// triggers that keep the table append-only, is found by ``Catalogue/verifyClearanceHistory(expectingHead:)``,
/// which every release gate runs. What it does not: someone who edits the file can compute a new
/// chain over forged entries, or delete the whole table. Against that an institution keeps the
/// head hash outside the catalogue (each clearance report prints it; `quire clearance verify`
/// prints it) and checks later that the chain still passes through it (`--expect-head`).
enum ClearanceChain {
    /// The columns of an entry, in the order the canonical form takes them.
    static let columns = [
        "sequence", "document_id", "kind", "target", "from_status", "to_status", "actor", "reason", "evidence",
        "engine_verdict", "rules_version", "justification", "detail", "at",
    ]

    /// The triggers that keep the history append-only; verification checks that they are there.
    static let triggers = [
        "clearance_event_is_append_only_update", "clearance_event_is_append_only_delete",
        "clearance_event_no_replace", "clearance_event_needs_chain", "document_with_history_is_kept",
    ]

    /// The chain value of an entry with `values` (one per ``columns``, nil for NULL) after an
    /// entry whose chain is `previous` (nil for the first entry).
    static func link(previous: String?, values: [String?]) -> String {
        // Each field as "-" for NULL or "+<UTF-8 length>:<text>", so no two rows serialise alike.
        var form = (previous ?? "") + "\n"
        for value in values {
            if let value { form += "+\(value.utf8.count):\(value)" } else { form += "-" }
        }
        return SHA256.hex(of: Array(form.utf8))
    }

    /// The canonical values of a stored row.
    static func values(of row: Row) -> [String?] {
        columns.map { column in
            let value: DatabaseValue = row[column]
            switch value.storage {
            case .null: return nil
            case .int64(let number): return String(number)
            case .double(let number): return String(number)
            case .string(let text): return text
            case .blob(let data): return "x'" + data.map { String(format: "%02x", $0) }.joined() + "'"
            }
        }
    }
}

/// The result of checking the clearance history's chain.
public struct ClearanceChainCheck: Hashable, Sendable {
    /// How many entries the history holds.
    public let entries: Int
    /// The last entry's chain value (the head to keep outside the catalogue); nil when empty.
    public let head: String?
}

/// The part of the history one catalogue instance has found sound: up to the entry `sequence`,
/// whose chain value is `chain`, `entries` entries in all.
struct VerifiedHistory: Sendable {
    let sequence: Int64
    let chain: String
    let entries: Int
}

extension Catalogue {
    /// Checks the whole clearance history: every entry's chain value follows from the previous
    /// one and the entry itself, and the append-only triggers are in place; with `expectedHead`
    /// (a head kept earlier, outside the catalogue), also that the chain still passes through it.
    /// Throws `catalogue_damaged` naming the first entry that does not match.
    ///
    /// Within one catalogue instance (one command), a later check goes on from the last entry an
    /// earlier one found sound, as long as that entry is still there unchanged; otherwise, and
    /// always with `expectedHead`, it checks the whole history again.
    @discardableResult
    public func verifyClearanceHistory(expectingHead expectedHead: String? = nil) throws(CatalogueError) -> ClearanceChainCheck {
        let remedy = "the clearance history was changed outside Quire: restore the catalogue from a backup, and compare 'quire clearance verify' with the head hash in your latest report"
        let known = expectedHead == nil ? verifiedHistory.withLock { $0 } : nil
        let check = try read { db in
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            if let missing = ClearanceChain.triggers.first(where: { !present.contains($0) }) {
                throw CatalogueError(.catalogueDamaged, "the clearance history's protection '\(missing)' was removed from the catalogue", remedy: remedy)
            }
            var start = known
            if let known, try String.fetchOne(db, sql: "SELECT chain FROM clearance_event WHERE sequence = ?", arguments: [known.sequence]) != known.chain {
                start = nil
            }
            var previous = start?.chain
            var last = start?.sequence ?? 0
            var count = start?.entries ?? 0
            var passedExpected = expectedHead == nil
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM clearance_event WHERE sequence > ? ORDER BY sequence", arguments: [last])
            while let row = try rows.next() {
                let stored: String? = row["chain"]
                let expected = ClearanceChain.link(previous: previous, values: ClearanceChain.values(of: row))
                guard stored == expected else {
                    let sequence: Int64 = row["sequence"]
                    let document: String = row["document_id"]
                    throw CatalogueError(
                        .catalogueDamaged, "clearance history entry #\(sequence) (document '\(document)') does not match the chain: it or an entry before it was changed, added or removed",
                        remedy: remedy, context: ErrorContext(document: DocumentID(document)))
                }
                if expected == expectedHead { passedExpected = true }
                previous = expected
                last = row["sequence"]
                count += 1
            }
            guard passedExpected else {
                throw CatalogueError(.catalogueDamaged, "the clearance history no longer passes through the head hash \(expectedHead ?? "") kept earlier", remedy: remedy)
            }
            return (ClearanceChainCheck(entries: count, head: previous), previous.map { VerifiedHistory(sequence: last, chain: $0, entries: count) })
        }
        if let sound = check.1 { verifiedHistory.withLock { $0 = sound } }
        return check.0
    }
}
