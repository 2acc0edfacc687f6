public import QuireCore

/// The rights officer's report: per document and target, the status, the engine's verdict, when
/// the work becomes free, the facts still missing; and totals. Rendered as a table, CSV, JSON or
/// a self-contained HTML page (see the renderers).
public struct ClearanceReport: Sendable, Encodable {
    /// One document as the catalogue holds it.
    public struct Entry: Sendable {
        public var id: DocumentID
        public var title: String
        public var facts: ClearanceFacts
        public var history: [ClearanceEvent]

        public init(id: DocumentID, title: String, facts: ClearanceFacts, history: [ClearanceEvent]) {
            self.id = id
            self.title = title
            self.facts = facts
            self.history = history
        }
    }

    /// One document for one target.
    public struct Row: Sendable, Encodable, Hashable {
        public var document: String
        public var title: String
        public var target: String
        public var status: String
        public var verdict: String
        /// The first day the work is free for the target, when not free yet and knowable.
        public var freeFrom: String?
        public var templates: [String]
        public var reasons: [String]
        public var missing: [String]
        /// `who, when` of the last decision for the target.
        public var lastDecision: String?
        /// True when facts changed after the last decision for the target.
        public var factsChangedSinceDecision: Bool
        /// Overrides recorded for the target.
        public var overrides: Int
    }

    /// Counts by status and by verdict, per target and overall.
    public struct Totals: Sendable, Encodable, Hashable {
        public var rows = 0
        public var byStatus: [String: Int] = [:]
        public var byVerdict: [String: Int] = [:]

        public init() {}
    }

    public var asOf: String
    public var rulesVersion: String
    public var targets: [String]
    public var documents: Int
    public var rows: [Row]
    public var totals: Totals
    public var totalsByTarget: [String: Totals]

    /// Evaluates every entry for `targets` as of `asOf`.
    public init(entries: [Entry], targets: [ClearanceTarget], asOf: CalendarDate, engine: ClearanceEngine = ClearanceEngine()) {
        self.asOf = asOf.description
        rulesVersion = engine.rules.version
        self.targets = targets.map(\.rawValue)
        documents = entries.count
        var rows: [Row] = []
        var totals = Totals()
        var byTarget: [String: Totals] = [:]
        for entry in entries.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            let statuses = ClearanceEvent.statuses(after: entry.history)
            let missing = MissingFacts.list(entry.facts)
            for target in targets {
                let verdict = engine.evaluate(entry.facts, for: target, asOf: asOf)
                let decisionIndex = entry.history.lastIndex { $0.kind == .transition && $0.target == target }
                let decision = decisionIndex.map { entry.history[$0] }
                let row = Row(
                    document: entry.id.rawValue, title: entry.title, target: target.rawValue,
                    status: (statuses[target] ?? .uncleared).rawValue, verdict: verdict.verdict.rawValue,
                    freeFrom: verdict.freeFrom?.description, templates: verdict.templates, reasons: verdict.reasons, missing: missing,
                    lastDecision: decision.map { "\($0.actor), \($0.at ?? "")" },
                    factsChangedSinceDecision: decisionIndex.map { index in entry.history[(index + 1)...].contains { $0.kind == .facts } } ?? false,
                    overrides: entry.history.filter { $0.kind == .override && $0.target == target }.count)
                rows.append(row)
                totals.count(row)
                byTarget[row.target, default: Totals()].count(row)
            }
        }
        self.rows = rows
        self.totals = totals
        totalsByTarget = byTarget
    }
}

extension ClearanceReport.Totals {
    mutating func count(_ row: ClearanceReport.Row) {
        rows += 1
        byStatus[row.status, default: 0] += 1
        byVerdict[row.verdict, default: 0] += 1
    }
}
