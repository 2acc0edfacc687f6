public import ArgumentParser
import Foundation
import QuireClearance
import QuireCore
import QuirePipeline

extension Quire {
    /// `quire clearance`: licence clearance per document and target wiki.
    struct Clearance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Licence clearance per document and target wiki: facts, verdicts, decisions, history, reports.",
            discussion: """
                Targets: en.wikisource, es.wikisource, fr.wikisource, de.wikisource, it.wikisource, commons. \
                A document goes uncleared → in-review → cleared or rejected, per target; every step and \
                every change of facts is appended to its history, which can never be edited. \
                'wikitext', 'export' and 'publish' refuse a document not cleared for their wiki (exit 9).
                """,
            subcommands: [
                SetFacts.self, Show.self, Review.self, Clear.self, Reject.self, Withdraw.self, DoubleReview.self, History.self, Verify.self, Report.self,
                Evaluate.self,
            ])
    }
}

extension ClearanceTarget: ExpressibleByArgument {}

extension Quire.Clearance {
    /// `quire clearance evaluate`: the rules engine as a JSON Lines filter.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read cases as JSON Lines on stdin; write one verdict line per case (see the README).",
            discussion: """
                Each input line is one case: {"id":…,"contributors":[…],"published":…,"country":…, …}. Each \
                output line gives, per target (en/es/fr/de/it.wikisource, commons), the verdict (free, \
                not-free, needs-review), free_from, templates, reasons and assumptions. A bad line is \
                reported on stderr with its number and field; the other lines are still evaluated.
                """)

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The evaluation date, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
        var asOf: String?

        func validate() throws {
            if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date in the form YYYY-MM-DD") }
        }

        func run() throws {
            let date = asOf.flatMap(CalendarDate.init) ?? Self.today()
            let engine = ClearanceEngine()
            var lineNumber = 0
            var failed = 0
            var evaluated = 0
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                switch ClearanceJSONLines.evaluate(line: line, lineNumber: lineNumber, asOf: date, engine: engine) {
                case .success(let output):
                    Terminal.out(output)
                    evaluated += 1
                case .failure(let error):
                    Terminal.error(error.description)
                    failed += 1
                }
            }
            try QuireExit.endBatch(succeeded: evaluated, failed: failed)
        }

        /// Today's date in UTC: the command's default; the engine itself never reads the clock.
        static func today() -> CalendarDate { ClearanceDesk.today() }
    }
}
