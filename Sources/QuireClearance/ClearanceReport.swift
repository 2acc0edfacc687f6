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

    /// What a reader of the report needs to know of a document: who made it, when and where it
    /// was published, as stored.
    public struct DocumentFacts: Sendable, Encodable, Hashable {
        public var document: String
        public var title: String
        /// `author Ana Pérez (1890–1950)`, one per contributor.
        public var contributors: [String]
        /// `1940`, `unpublished` or nil when unknown.
        public var published: String?
        public var place: String?
        public var country: String?
        /// When the work was made, when known.
        public var created: String?
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
        /// The last decision's parts: who, the day (YYYY-MM-DD) and why, in the officer's words.
        public var decisionBy: String?
        public var decisionOn: String?
        public var decisionReason: String?
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
    /// Each document's facts, in the rows' order.
    public var documentFacts: [DocumentFacts]
    public var rows: [Row]
    public var totals: Totals
    public var totalsByTarget: [String: Totals]
    /// The clearance history's head hash when the report was made, and how many entries it
    /// held: the value an institution keeps outside the catalogue to check later that the history
    /// was not rewritten (`quire clearance verify --expect-head`). Nil when not known.
    public var historyHead: String?
    public var historyEntries: Int?

    /// Evaluates every entry for `targets` as of `asOf`.
    public init(
        entries: [Entry], targets: [ClearanceTarget], asOf: CalendarDate, engine: ClearanceEngine = ClearanceEngine(),
        historyHead: String? = nil, historyEntries: Int? = nil
    ) {
        self.historyHead = historyHead
        self.historyEntries = historyEntries
        self.asOf = asOf.description
        rulesVersion = engine.rules.version
        self.targets = targets.map(\.rawValue)
        documents = entries.count
        var rows: [Row] = []
        var totals = Totals()
        var byTarget: [String: Totals] = [:]
        var facts: [DocumentFacts] = []
        for entry in entries.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            let publication = entry.facts.publication
            facts.append(DocumentFacts(
                document: entry.id.rawValue, title: entry.title,
                contributors: entry.facts.contributors.map { "\($0.role.rawValue) \($0.summary)" },
                published: publication.unpublished ? "unpublished" : publication.date?.description, place: publication.place,
                country: publication.country?.rawValue, created: publication.created?.description))
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
                    decisionBy: decision?.actor, decisionOn: decision?.at.map { String($0.prefix(10)) }, decisionReason: decision?.reason,
                    factsChangedSinceDecision: decisionIndex.map { index in entry.history[(index + 1)...].contains { $0.kind == .facts } } ?? false,
                    overrides: entry.history.filter { $0.kind == .override && $0.target == target }.count)
                rows.append(row)
                totals.count(row)
                byTarget[row.target, default: Totals()].count(row)
            }
        }
        self.rows = rows
        documentFacts = facts
        self.totals = totals
        totalsByTarget = byTarget
    }
}

extension ClearanceReport {
    /// Counts ``totals`` and ``totalsByTarget`` again from the rows (after rows were replaced).
    public mutating func recount() {
        var all = Totals()
        var byTarget: [String: Totals] = [:]
        for row in rows {
            all.count(row)
            byTarget[row.target, default: Totals()].count(row)
        }
        totals = all
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
