import Foundation
public import QuireCatalogue
public import QuireClearance
public import QuireCore

/// A rights officer's desk: a document's facts, the engine's verdicts, its status per target and
/// its history, and the moves of the clearance workflow, each recorded in the catalogue.
public struct ClearanceDesk: Sendable {
    public let catalogue: Catalogue
    public let engine: ClearanceEngine

    public init(catalogue: Catalogue, engine: ClearanceEngine = ClearanceEngine()) {
        self.catalogue = catalogue
        self.engine = engine
    }

    /// Everything known about a document's clearance on one date.
    public struct Dossier: Sendable {
        public var id: DocumentID
        public var metadata: DocumentMetadata
        public var rights: RightsFacts
        public var facts: ClearanceFacts
        public var evaluation: ClearanceEvaluation
        public var statuses: [ClearanceTarget: ClearanceStatus]
        public var missing: [String]
        public var history: [ClearanceEvent]

        /// Targets whose facts changed after their last decision: the decision may need another look.
        public var factsChangedSinceDecision: [ClearanceTarget] {
            ClearanceTarget.allCases.filter { target in
                guard let decision = history.lastIndex(where: { $0.kind == .transition && $0.target == target }) else { return false }
                return history[(decision + 1)...].contains { $0.kind == .facts }
            }
        }
    }

    /// A document's dossier as of `asOf`.
    /// Throws when the clearance history fails its chain check (``Catalogue/verifyClearanceHistory(expectingHead:)``),
    /// so that no gate decides on a history changed outside Quire.
    public func dossier(_ id: DocumentID, asOf: CalendarDate) throws -> Dossier {
        try catalogue.verifyClearanceHistory()
        let metadata = try catalogue.metadata(of: id)
        let rights = try catalogue.rightsFacts(of: id)
        let history = try catalogue.clearanceHistory(of: id)
        let facts = ClearanceFacts(metadata: metadata, rights: rights)
        return Dossier(
            id: id, metadata: metadata, rights: rights, facts: facts, evaluation: engine.evaluate(facts, asOf: asOf),
            statuses: ClearanceEvent.statuses(after: history), missing: MissingFacts.list(facts), history: history)
    }

    /// Applies `change` to a document's facts and records what changed, who changed it and why.
    /// Returns the changes (`licence: unknown → CC-BY-SA-4.0`); nothing is recorded when empty.
    @discardableResult
    public func setFacts(_ id: DocumentID, _ change: FactsChange, actor: String, reason: String?) throws -> [String] {
        let before = try catalogue.metadata(of: id)
        let rightsBefore = try catalogue.rightsFacts(of: id)
        let rightsChange = try checkedRights(change, document: id)
        let after = change.applied(to: before)
        let rightsAfter = rightsChange.applied(to: rightsBefore)
        let changes = FactsDiff.lines(before: before, after: after, rightsBefore: rightsBefore, rightsAfter: rightsAfter)
        guard !changes.isEmpty else { return [] }
        let event = ClearanceEvent(
            document: id, kind: .facts, actor: try Self.checkedActor(actor), reason: reason.flatMap(Self.nonEmpty) ?? "facts recorded",
            evidence: rightsChange.addEvidence, rulesVersion: engine.rules.version, detail: changes.joined(separator: "; "))
        try catalogue.updateFacts(id, metadata: after, rights: rightsChange, event: event)
        return changes
    }

    /// Records, for a document `add` has just registered, every fact given there — contributors
    /// with their dates, publication, place, country, publisher — and `change`'s rights facts and
    /// evidence, as one history entry, so the history starts with what the record was built on.
    @discardableResult
    public func recordFactsGivenAtAdd(_ id: DocumentID, rights change: FactsChange, actor: String, reason: String) throws -> [String] {
        let stored = try catalogue.metadata(of: id)
        var blank = stored
        blank.contributors = []
        blank.publication = Publication()
        blank.publisher = nil
        let rightsBefore = try catalogue.rightsFacts(of: id)
        let rightsChange = try checkedRights(change, document: id)
        let rightsAfter = rightsChange.applied(to: rightsBefore)
        let lines = FactsDiff.lines(before: blank, after: stored, rightsBefore: rightsBefore, rightsAfter: rightsAfter)
        guard !lines.isEmpty else { return [] }
        let event = ClearanceEvent(
            document: id, kind: .facts, actor: try Self.checkedActor(actor), reason: reason,
            evidence: rightsChange.addEvidence, rulesVersion: engine.rules.version, detail: lines.joined(separator: "; "))
        try catalogue.updateFacts(id, metadata: stored, rights: rightsChange, event: event)
        return lines
    }

    /// `change`'s rights facts with its evidence files fingerprinted; a licence that does not
    /// parse is refused.
    private func checkedRights(_ change: FactsChange, document id: DocumentID) throws -> RightsFactsChange {
        var rightsChange = change.rights
        rightsChange.addEvidence += try change.evidenceFiles.map { try fingerprint($0, document: id) }
        if let licence = rightsChange.licence, let text = licence, Licence(text) == nil {
            throw PipelineError(
                .invalidArgument, "'\(text)' is not a licence id, a Creative Commons URL or a rightsstatements.org URL",
                remedy: "use an SPDX-style id such as CC-BY-SA-4.0 or CC0-1.0, or the licence's URL", context: ErrorContext(document: id))
        }
        return rightsChange
    }

    /// Moves a document to `to` for `target` (review, clear, reject, withdraw), checked against
    /// the workflow's rules with the engine's verdict as of `asOf`, and appends the step. Under
    /// double review (``doubleReview()``) a clear or reject is a vote (``vote(_:history:)``):
    /// the returned entry is then the vote, or the transition two agreeing votes made.
    @discardableResult
    public func move(
        _ id: DocumentID, target: ClearanceTarget, to: ClearanceStatus, actor: String, reason: String,
        evidence: [Evidence] = [], evidenceFiles: [String] = [], justification: String? = nil, asOf: CalendarDate
    ) throws -> ClearanceEvent {
        let dossier = try dossier(id, asOf: asOf)
        let current = dossier.statuses[target] ?? .uncleared
        let verdict = dossier.evaluation[target].verdict
        let allEvidence = evidence + (try evidenceFiles.map { try fingerprint($0, document: id) })
        let actor = try Self.checkedActor(actor)
        let event: ClearanceEvent
        do {
            event = try ClearanceWorkflow.validate(
                ClearanceEvent(
                    document: id, kind: .transition, target: target, from: current, to: to, actor: actor, reason: reason,
                    evidence: allEvidence, engineVerdict: verdict, rulesVersion: engine.rules.version,
                    justification: justification.flatMap(Self.nonEmpty)),
                current: current)
        } catch {
            throw PipelineError(error.code, error.message, remedy: error.remedy, context: ErrorContext(document: id))
        }
        if (to == .cleared || to == .rejected), try doubleReview() {
            return try vote(event, history: dossier.history)
        }
        try catalogue.appendTransition(event)
        return event
    }

    /// Today's date in UTC: what commands and the rights desk evaluate on by default (the engine
    /// itself never reads the clock).
    public static func today() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate(januaryFirstOf: parts.year ?? 2026)
    }

    /// Who acts: given, else `QUIRE_ACTOR`, else the login name.
    public static func actor(given: String?, environment: [String: String]) -> String? {
        given.flatMap(nonEmpty) ?? environment["QUIRE_ACTOR"].flatMap(nonEmpty) ?? environment["USER"].flatMap(nonEmpty)
    }

    static func checkedActor(_ actor: String) throws(PipelineError) -> String {
        guard let actor = nonEmpty(actor) else {
            throw PipelineError(.invalidArgument, "every clearance entry needs who made it", remedy: "give --by NAME or set QUIRE_ACTOR")
        }
        return actor
    }

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An evidence file's fingerprint, so that the record proves which file was relied on.
    private func fingerprint(_ path: String, document: DocumentID) throws -> Evidence {
        let absolute = (path as NSString).isAbsolutePath ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        guard let handle = FileHandle(forReadingAtPath: absolute) else {
            throw PipelineError(
                .unreadableFile, "the evidence file cannot be read", remedy: "check the path and its permissions",
                context: ErrorContext(file: path, document: document))
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(chunk) }
        } catch {
            throw PipelineError(.ioFailure, "reading the evidence file failed: \(error.localizedDescription)", remedy: "check the file", context: ErrorContext(file: path, document: document))
        }
        return Evidence(kind: .file, value: catalogue.storedPath(forAbsolute: (absolute as NSString).standardizingPath), sha256: hasher.finalizeHex())
    }
}

extension ClearanceDesk {
    /// A document's clearance history, after the whole history passed its chain check.
    public func history(of id: DocumentID) throws -> [ClearanceEvent] {
        try catalogue.verifyClearanceHistory()
        return try catalogue.clearanceHistory(of: id)
    }

    /// The whole history's chain check (with `expectedHead`, also that it passes through that
    /// head): entries and head hash, or an error naming the first entry that does not match.
    public func verify(expectingHead expectedHead: String? = nil) throws -> ClearanceChainCheck {
        try catalogue.verifyClearanceHistory(expectingHead: expectedHead)
    }

    /// The report over every document in the catalogue for `targets`, as of `asOf`.
    /// Throws when the history fails its chain check; the report carries the head hash.
    public func report(targets: [ClearanceTarget], asOf: CalendarDate) throws -> ClearanceReport {
        let chain = try catalogue.verifyClearanceHistory()
        let entries = try catalogue.clearanceRecords().map { record in
            ClearanceReport.Entry(
                id: record.id, title: record.metadata.title, facts: ClearanceFacts(metadata: record.metadata, rights: record.rights),
                history: record.history)
        }
        return ClearanceReport(entries: entries, targets: targets, asOf: asOf, engine: engine, historyHead: chain.head, historyEntries: chain.entries)
    }
}
