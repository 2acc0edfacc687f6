import ArgumentParser
import Foundation
import QuireCatalogue
import QuireClearance
import QuireCore
import QuirePipeline

/// Who acts, for every command that writes to the clearance history.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("by"), help: ArgumentHelp("Who acts, as recorded in the history (default: QUIRE_ACTOR, else the login name).", valueName: "name"))
    var by: String?

    func actor() throws -> String {
        guard let actor = Self.current(given: by) else { throw ValidationError("say who acts with --by NAME (or set QUIRE_ACTOR)") }
        return actor
    }

    /// Given, else `QUIRE_ACTOR`, else the login name (from the environment or the user database).
    static func current(given: String? = nil) -> String? {
        ClearanceDesk.actor(given: given, environment: ProcessInfo.processInfo.environment)
            ?? ClearanceDesk.actor(given: NSUserName(), environment: [:])
    }
}

/// The document a command is about, by slug.
struct DocumentArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The document's slug.", valueName: "document"))
    var document: String

    func validate() throws {
        if DocumentID(document) == nil { throw ValidationError("'\(document)' is not a document slug") }
    }

    var id: DocumentID {
        get throws {
            guard let id = DocumentID(document) else { throw ValidationError("'\(document)' is not a document slug") }
            return id
        }
    }
}

/// `--as-of`: the date the engine evaluates on (default today, UTC).
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Evaluate as of this date, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date in the form YYYY-MM-DD") }
    }

    var date: CalendarDate { asOf.flatMap(CalendarDate.init) ?? Quire.Clearance.Evaluate.today() }
}

extension Quire.Clearance {
    /// `quire clearance set DOC …`: record facts, each change in the history.
    struct SetFacts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Record a document's rights facts: contributors and life dates, publication, official work, speech, licence, rights holder, evidence.",
            discussion: """
                Only the facts given change; contributors given replace the stored ones. 'none' unsets \
                --official, --speech, --licence and --rights-holder; 'unknown' unsets --us-notice and \
                --us-renewed. Evidence is only ever added; files are kept by path and SHA-256. Each \
                change is appended to the history with who made it and why.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions
        @OptionGroup var document: DocumentArgument
        @OptionGroup(title: "Who made it, when and where it was published") var work: WorkFactsOptions
        @OptionGroup(title: "Rights facts and evidence") var rights: RightsOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: ArgumentHelp("Why, or where the facts come from (recorded in the history).", valueName: "text"))
        var reason: String?

        func run() throws {
            let id = try document.id
            let change = try FactsChange(work: work, rights: rights)
            guard !change.isEmpty else { throw ValidationError("give at least one fact to set (see 'quire clearance set --help')") }
            let by = try actor.actor()
            let changes = try ClearanceDesk(catalogue: try catalogueOptions.open()).setFacts(id, change, actor: by, reason: reason)
            if changes.isEmpty {
                Terminal.note("No fact changed for '\(id)'.")
            } else {
                for line in changes { Terminal.out(line) }
                Terminal.note("Recorded \(changes.count) change\(changes.count == 1 ? "" : "s") for '\(id)' by \(by). See 'quire clearance show \(id)'.")
            }
        }
    }

    /// `quire clearance show DOC`: facts, verdicts per target, statuses, missing facts.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a document's facts, the engine's verdict and status per target, and the facts still missing.")

        @OptionGroup var catalogueOptions: CatalogueOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var document: DocumentArgument

        func run() throws {
            let id = try document.id
            let dossier: ClearanceDesk.Dossier = try ClearanceDesk(catalogue: try catalogueOptions.openForReading()).dossier(id, asOf: asOf.date)
            if output.json {
                try Terminal.json(DossierJSON(dossier), snakeCase: true)
            } else {
                DossierText.print(dossier)
            }
        }
    }

    /// `quire clearance history DOC`: the append-only log.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a document's clearance history: every fact change, decision and override, oldest first.")

        @OptionGroup var catalogueOptions: CatalogueOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var document: DocumentArgument

        func run() throws {
            let id = try document.id
            let history: [ClearanceEvent] = try ClearanceDesk(catalogue: try catalogueOptions.openForReading()).history(of: id)
            if output.json {
                try Terminal.json(history, snakeCase: true)
                return
            }
            guard !history.isEmpty else {
                Terminal.out("No clearance history for '\(id)' yet: it is uncleared for every target.")
                return
            }
            for event in history { Terminal.out(HistoryText.line(event)) }
        }
    }

    /// `quire clearance verify`: the history's hash chain, checked end to end.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that the clearance history was not changed outside Quire, and print its head hash to keep.",
            discussion: """
                Every history entry carries a hash chained to the one before. This checks the whole chain and the \
                triggers that keep the history append-only, and prints the head hash; keep it outside the catalogue \
                (each clearance report prints it too) and pass it later with --expect-head to prove the history still \
                passes through it. Exit 5 when the history does not verify.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions
        @OptionGroup var output: OutputOptions

        @Option(name: .customLong("expect-head"), help: ArgumentHelp("A head hash kept earlier: the history must still pass through it.", valueName: "hash"))
        var expectedHead: String?

        func run() throws {
            let check: ClearanceChainCheck = try ClearanceDesk(catalogue: try catalogueOptions.openForReading()).verify(expectingHead: expectedHead)
            if output.json {
                try Terminal.json(["entries": String(check.entries), "head": check.head ?? ""], snakeCase: false)
                return
            }
            guard let head = check.head else {
                Terminal.out("The clearance history is empty.")
                return
            }
            Terminal.out("The clearance history verifies: \(check.entries) entr\(check.entries == 1 ? "y" : "ies"), chained; head \(head)")
        }
    }
}
