import ArgumentParser
import Foundation
import QuireClearance
import QuireCore
import QuirePipeline

/// What every decision needs: the document, the targets, who, why, and evidence.
struct DecisionOptions: ParsableArguments {
    @OptionGroup var catalogueOptions: CatalogueOptions

    @OptionGroup var document: DocumentArgument

    @Option(help: ArgumentHelp("A target: en.wikisource, es.wikisource, fr.wikisource, de.wikisource, it.wikisource or commons. Repeatable.", valueName: "target"))
    var target: [ClearanceTarget] = []

    @Flag(name: .customLong("all-targets"), help: "Every target.")
    var allTargets = false

    @OptionGroup var actor: ActorOptions

    @Option(help: ArgumentHelp("Why (recorded in the history).", valueName: "text"))
    var reason: String

    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var asOf: AsOfOptions

    func validate() throws {
        if target.isEmpty && !allTargets { throw ValidationError("give --target (repeatable) or --all-targets") }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--reason must say why") }
    }

    var targets: [ClearanceTarget] { allTargets ? ClearanceTarget.allCases : target }

    /// Moves the document to `to` for each target; reports each; throws the right exit when any failed.
    func move(to status: ClearanceStatus, justification: String? = nil) throws {
        let id = try document.id
        let by = try actor.actor()
        let desk: ClearanceDesk
        desk = ClearanceDesk(catalogue: try catalogueOptions.open())
        var failures: [any QuireError] = []
        var moved = 0
        for target in targets {
            do {
                let event = try desk.move(
                    id, target: target, to: status, actor: by, reason: reason, evidence: evidence.items,
                    evidenceFiles: evidence.evidenceFile, justification: justification, asOf: asOf.date)
                if event.kind == .vote {
                    Terminal.out("\(id) \(target.rawValue): review '\(status.rawValue)' recorded (double review): it stays in review until a second rights officer agrees (engine: \(event.engineVerdict?.rawValue ?? "?"))")
                } else {
                    Terminal.out("\(id) \(target.rawValue): \(event.from?.rawValue ?? "?") → \(status.rawValue) (engine: \(event.engineVerdict?.rawValue ?? "?"))")
                }
                moved += 1
            } catch let error as any QuireError {
                Terminal.error("\(target.rawValue): \(error.description)")
                failures.append(error)
            }
        }
        try QuireExit.endBatch(succeeded: moved, failures: failures)
    }
}

extension Quire.Clearance {
    /// `quire clearance review`: start (or reopen) a review.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a document in review for targets (from uncleared, or reopen a cleared or rejected decision).")
        @OptionGroup var decision: DecisionOptions
        func run() throws { try decision.move(to: .inReview) }
    }

    /// `quire clearance clear`: the rights officer's yes.
    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clear a document in review for targets: it may then be published there.",
            discussion: """
                The engine's verdict as of --as-of is recorded with the decision. Clearing where the \
                verdict is not 'free' needs --justification of at least \(ClearanceWorkflow.minimumJustificationLength) characters.
                """)
        @OptionGroup var decision: DecisionOptions
        @Option(help: ArgumentHelp("Why the work may be published although the engine does not find it free.", valueName: "text"))
        var justification: String?
        func run() throws { try decision.move(to: .cleared, justification: justification) }
    }

    /// `quire clearance reject`: the rights officer's no.
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a document in review for targets: it may not be published there.")
        @OptionGroup var decision: DecisionOptions
        func run() throws { try decision.move(to: .rejected) }
    }

    /// `quire clearance withdraw`: back to uncleared.
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a review: the document goes back to uncleared for the targets.")
        @OptionGroup var decision: DecisionOptions
        func run() throws { try decision.move(to: .uncleared) }
    }

    /// `quire clearance double-review [on|off]`: the catalogue's double-review setting.
    struct DoubleReview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "double-review",
            abstract: "Show or set double review: clearing or rejecting then takes two rights officers who agree.",
            discussion: """
                With double review on, 'clear' and 'reject' of a document in review record one officer's review; \
                a second review by someone else that agrees makes the decision, one that disagrees leaves the \
                document in review with both reviews kept in the history.
                """)

        enum Choice: String, ExpressibleByArgument, CaseIterable { case on, off }

        @OptionGroup var catalogueOptions: CatalogueOptions
        @Argument(help: ArgumentHelp("on or off (none: show the setting).", valueName: "on|off"))
        var choice: Choice?
        @OptionGroup var actor: ActorOptions

        func run() throws {
            do {
                let desk = ClearanceDesk(catalogue: try choice == nil ? catalogueOptions.openForReading() : catalogueOptions.open())
                if let choice { try desk.setDoubleReview(choice == .on, actor: try actor.actor()) }
                Terminal.out("Double review is \(try desk.doubleReview() ? "on" : "off").")
            } catch let error as ValidationError {
                throw error
            } catch {
                throw QuireExit.fail(error)
            }
        }
    }

    /// `quire clearance report`: every document, per target, for a rights officer.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every document's status, verdict, next free date and missing facts per target, with totals.",
            discussion: "Formats: table (default), csv, json, html (one self-contained file, sortable and filterable offline).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, html }

        @OptionGroup var catalogueOptions: CatalogueOptions
        @Option(help: ArgumentHelp("Only these targets (repeatable; default: all).", valueName: "target"))
        var target: [ClearanceTarget] = []
        @Option(help: ArgumentHelp("table, csv, json or html.", valueName: "format"))
        var format: Format = .table
        @Option(help: ArgumentHelp("Write to this file instead of stdout ('-': stdout).", valueName: "path"))
        var out: String?
        @OptionGroup var asOf: AsOfOptions

        func run() throws {
            let report: ClearanceReport = try ClearanceDesk(catalogue: try catalogueOptions.openForReading())
                .report(targets: target.isEmpty ? ClearanceTarget.allCases : target, asOf: asOf.date)
            let text: String
            switch format {
            case .csv: text = report.csv()
            case .json: text = report.json() + "\n"
            case .html: text = report.html()
            case .table: text = table(report)
            }
            if let out, out != OutputPath.standardOutput {
                try OutputFile.write(Data(text.utf8), to: out)
                Terminal.note("Clearance report (\(report.rows.count) rows, \(report.documents) documents) written to \(out)")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }

        private func table(_ report: ClearanceReport) -> String {
            var lines = ["Clearance as of \(report.asOf) (rules \(report.rulesVersion)), \(report.documents) document\(report.documents == 1 ? "" : "s")"]
            let header = ["DOCUMENT", "TARGET", "STATUS", "VERDICT", "FREE FROM", "MISSING FACTS", "NOTE"]
            let rows = report.rows.map { row -> [String] in
                let cells = ClearanceReport.cells(row)
                return [row.document, row.target, row.status, row.verdict, row.freeFrom ?? "–", row.missing.isEmpty ? "–" : "\(row.missing.count): \(row.missing.joined(separator: "; "))", cells[9]]
            }
            lines += Terminal.table(header, rows)
            lines.append("")
            lines.append("Totals:")
            let columns = ClearanceStatus.allCases.map(\.rawValue) + Verdict.allCases.map(\.rawValue)
            let totals = (report.targets + ["all"]).map { target -> [String] in
                let totals = target == "all" ? report.totals : report.totalsByTarget[target, default: ClearanceReport.Totals()]
                return [target] + ClearanceStatus.allCases.map { "\(totals.byStatus[$0.rawValue, default: 0])" }
                    + Verdict.allCases.map { "\(totals.byVerdict[$0.rawValue, default: 0])" }
            }
            lines += Terminal.table(["TARGET"] + columns, totals).map { "  " + $0 }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
