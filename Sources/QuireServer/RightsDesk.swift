import Foundation
import QuireCatalogue
import QuireClearance
import QuireCore
import QuirePipeline
import Synchronization

/// Who may do what at the rights desk: rights officers read and act, admins read, proofreaders
/// neither (403). The one place this rule is written.
enum DeskAccess {
    case read, act

    func allows(_ role: ProofreadingRole) -> Bool {
        switch self {
        case .read: role == .rightsOfficer || role == .admin
        case .act: role == .rightsOfficer
        }
    }
}

/// Which overview rows a filter keeps.
enum DeskFilter: String, CaseIterable, Sendable {
    case all
    /// Not decided yet: uncleared or in review.
    case undecided
    /// Not decided, the engine does not find it free, and a fact is missing.
    case blocked
    case cleared
    case rejected

    var label: String {
        switch self {
        case .all: "all"
        case .undecided: "needs review"
        case .blocked: "blocked by a missing fact"
        case .cleared: "cleared"
        case .rejected: "rejected"
        }
    }

    func keeps(_ row: ClearanceReport.Row) -> Bool {
        let decided = row.status == ClearanceStatus.cleared.rawValue || row.status == ClearanceStatus.rejected.rawValue
        switch self {
        case .all: return true
        case .undecided: return !decided
        case .blocked: return !decided && row.verdict != Verdict.free.rawValue && !row.missing.isEmpty
        case .cleared: return row.status == ClearanceStatus.cleared.rawValue
        case .rejected: return row.status == ClearanceStatus.rejected.rawValue
        }
    }
}

/// The rights desk's application layer over ``ClearanceDesk``, the library the CLI uses: the
/// overview (the clearance report's rows, kept while the catalogue's ``ClearanceVersion`` and the
/// date stay the same), a document's dossier, and the officer's moves.
final class RightsDesk: Sendable {
    let desk: ClearanceDesk
    private let cache = Mutex<Overview?>(nil)

    /// Rows shown on one page of the overview.
    static let pageSize = 50

    init(catalogue: Catalogue) {
        desk = ClearanceDesk(catalogue: catalogue)
    }

    /// The report over every document and target, and its counts per target and filter.
    struct Overview: Sendable {
        var version: ClearanceVersion
        var report: ClearanceReport
        /// target (or "all") → filter → rows.
        var counts: [String: [DeskFilter: Int]]
    }

    /// The overview as of `asOf`, made again only when the clearance inputs changed.
    func overview(asOf: CalendarDate) throws -> Overview {
        let version = try desk.catalogue.clearanceVersion()
        if let kept = cache.withLock({ $0 }), kept.version == version, kept.report.asOf == asOf.description { return kept }
        let report = try desk.report(targets: ClearanceTarget.allCases, asOf: asOf)
        var counts: [String: [DeskFilter: Int]] = [:]
        for row in report.rows {
            for filter in DeskFilter.allCases where filter.keeps(row) {
                counts[row.target, default: [:]][filter, default: 0] += 1
                counts["all", default: [:]][filter, default: 0] += 1
            }
        }
        let made = Overview(version: version, report: report, counts: counts)
        cache.withLock { $0 = made }
        return made
    }

    /// One page of rows kept by `filter` for `target` (nil: every target), and how many there are.
    static func page(_ overview: Overview, target: ClearanceTarget?, filter: DeskFilter, page: Int) -> (rows: ArraySlice<ClearanceReport.Row>, total: Int) {
        let kept = overview.report.rows.filter { (target == nil || $0.target == target?.rawValue) && filter.keeps($0) }
        let start = min(max(0, page - 1) * pageSize, kept.count)
        return (kept[start..<min(start + pageSize, kept.count)], kept.count)
    }

    /// A move asked for in the browser: one per target, each through ``ClearanceDesk/move``.
    /// Returns the targets that failed with why.
    func decide(
        _ id: DocumentID, targets: [ClearanceTarget], to status: ClearanceStatus, actor: String, reason: String, justification: String?,
        asOf: CalendarDate
    ) -> [(ClearanceTarget, any QuireError)] {
        var failures: [(ClearanceTarget, any QuireError)] = []
        for target in targets {
            do {
                try desk.move(id, target: target, to: status, actor: actor, reason: reason, justification: justification, asOf: asOf)
            } catch let error as any QuireError {
                failures.append((target, error))
            } catch {
                failures.append((target, ServerError(.internalError, "\(error)", remedy: "report this as a bug")))
            }
        }
        return failures
    }
}
