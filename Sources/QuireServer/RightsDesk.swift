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

    /// The report over every document and target, with the rows each target and filter keeps.
    struct Overview: Sendable {
        var version: ClearanceVersion
        var report: ClearanceReport
        /// (target or nil for every target, filter) → the rows' positions in `report.rows`.
        var index: [Key: [Int]]
        /// Each document's rows (contiguous: the report is in document order).
        var rowsOf: [String: Range<Int>]

        struct Key: Hashable, Sendable {
            var target: String?
            var filter: DeskFilter
        }

        /// How many rows `filter` keeps for `target` ("all": every target).
        func count(_ target: String, _ filter: DeskFilter) -> Int {
            index[Key(target: target == "all" ? nil : target, filter: filter)]?.count ?? 0
        }

        init(version: ClearanceVersion, report: ClearanceReport) {
            self.version = version
            self.report = report
            var index: [Key: [Int]] = [:]
            var rowsOf: [String: Range<Int>] = [:]
            for (position, row) in report.rows.enumerated() {
                rowsOf[row.document] = (rowsOf[row.document]?.lowerBound ?? position)..<(position + 1)
                for filter in DeskFilter.allCases where filter.keeps(row) {
                    index[Key(target: row.target, filter: filter), default: []].append(position)
                    index[Key(target: nil, filter: filter), default: []].append(position)
                }
            }
            self.index = index
            self.rowsOf = rowsOf
        }
    }

    /// The overview as of `asOf`. Made once, then kept while the catalogue's clearance inputs
    /// stay the same; when only histories grew (a fact recorded, a decision), only the documents
    /// with new entries are read and evaluated again; anything else (a document added) makes it
    /// again whole.
    func overview(asOf: CalendarDate) throws -> Overview {
        let version = try desk.catalogue.clearanceVersion()
        if let kept = cache.withLock({ $0 }), kept.report.asOf == asOf.description {
            if kept.version == version { return kept }
            if kept.version.documents == version.documents, kept.version.lastRegistered == version.lastRegistered,
               version.lastEntry > kept.version.lastEntry, let updated = try updated(kept, to: version, asOf: asOf) {
                cache.withLock { $0 = updated }
                return updated
            }
        }
        let made = Overview(version: version, report: try desk.report(targets: ClearanceTarget.allCases, asOf: asOf))
        cache.withLock { $0 = made }
        return made
    }

    /// `kept` with the rows of the documents whose history grew since it was made evaluated
    /// again (through the same report code); nil when they cannot be put in place.
    private func updated(_ kept: Overview, to version: ClearanceVersion, asOf: CalendarDate) throws -> Overview? {
        let catalogue = desk.catalogue
        let chain = try desk.verify()
        var report = kept.report
        for id in try catalogue.documents(withEntriesAfter: kept.version.lastEntry) {
            guard let range = kept.rowsOf[id.rawValue] else { return nil }
            let metadata = try catalogue.metadata(of: id)
            let entry = ClearanceReport.Entry(
                id: id, title: metadata.title, facts: ClearanceFacts(metadata: metadata, rights: try catalogue.rightsFacts(of: id)),
                history: try catalogue.clearanceHistory(of: id))
            let part = ClearanceReport(entries: [entry], targets: ClearanceTarget.allCases, asOf: asOf, engine: desk.engine)
            guard part.rows.count == range.count, let facts = part.documentFacts.first,
                  let position = report.documentFacts.firstIndex(where: { $0.document == id.rawValue }) else { return nil }
            report.rows.replaceSubrange(range, with: part.rows)
            report.documentFacts[position] = facts
        }
        report.recount()
        report.historyHead = chain.head
        report.historyEntries = chain.entries
        return Overview(version: version, report: report)
    }

    /// One page of rows kept by `filter` for `target` (nil: every target), and how many there are.
    static func page(_ overview: Overview, target: ClearanceTarget?, filter: DeskFilter, page: Int) -> (rows: [ClearanceReport.Row], total: Int) {
        let kept = overview.index[Overview.Key(target: target?.rawValue, filter: filter)] ?? []
        let start = min(max(0, page - 1) * pageSize, kept.count)
        return (kept[start..<min(start + pageSize, kept.count)].map { overview.report.rows[$0] }, kept.count)
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
