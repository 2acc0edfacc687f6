import QuireClearance
import QuireCore
import Testing

@Suite("Clearance workflow")
struct WorkflowTests {
    func step(_ from: ClearanceStatus, _ to: ClearanceStatus, verdict: Verdict? = .free, justification: String? = nil) -> ClearanceEvent {
        ClearanceEvent(document: DocumentID("discurso")!, kind: .transition, target: .esWikisource, from: from, to: to, actor: "Ana (rights)", reason: "revisado", engineVerdict: verdict, justification: justification)
    }

    @Test("allowed moves", arguments: [
        (ClearanceStatus.uncleared, ClearanceStatus.inReview), (.inReview, .cleared), (.inReview, .rejected),
        (.inReview, .uncleared), (.cleared, .inReview), (.rejected, .inReview),
    ])
    func allowed(from: ClearanceStatus, to: ClearanceStatus) throws {
        #expect(try ClearanceWorkflow.validate(step(from, to), current: from).to == to)
    }

    @Test("refused moves", arguments: [
        (ClearanceStatus.uncleared, ClearanceStatus.cleared), (.uncleared, .rejected), (.cleared, .rejected), (.rejected, .cleared), (.cleared, .uncleared),
    ])
    func refused(from: ClearanceStatus, to: ClearanceStatus) {
        #expect(throws: ClearanceError.self) { try ClearanceWorkflow.validate(step(from, to), current: from) }
    }

    /// Issue 14 #10: a decision on a document already decided, or a step to where it already
    /// is, is a conflict with another officer (exit 6, as when two decide at once); the rest is a
    /// usage error (exit 64).
    @Test("why a move is refused", arguments: [
        (ClearanceStatus.uncleared, ClearanceStatus.cleared, ErrorCode.invalidArgument), (.uncleared, .rejected, .invalidArgument),
        (.cleared, .uncleared, .invalidArgument), (.cleared, .rejected, .clearanceConflict), (.rejected, .cleared, .clearanceConflict),
        (.cleared, .cleared, .clearanceConflict), (.inReview, .inReview, .clearanceConflict), (.rejected, .rejected, .clearanceConflict),
    ])
    func refusalCodes(from: ClearanceStatus, to: ClearanceStatus, code: ErrorCode) {
        #expect { try ClearanceWorkflow.validate(step(from, to), current: from) } throws: { ($0 as? ClearanceError)?.code == code }
    }

    @Test func aStaleStepIsRefused() {
        #expect(throws: ClearanceError.self) { try ClearanceWorkflow.validate(step(.inReview, .cleared), current: .uncleared) }
    }

    @Test func clearingAgainstTheEngineNeedsAWrittenJustification() throws {
        #expect(throws: ClearanceError.self) { try ClearanceWorkflow.validate(step(.inReview, .cleared, verdict: .needsReview), current: .inReview) }
        #expect(throws: ClearanceError.self) { try ClearanceWorkflow.validate(step(.inReview, .cleared, verdict: .notFree, justification: "ok"), current: .inReview) }
        let justified = step(.inReview, .cleared, verdict: .notFree, justification: "Permiso de los herederos, ticket VRTS 2026112410000123")
        #expect(try ClearanceWorkflow.validate(justified, current: .inReview).justification != nil)
        #expect(throws: ClearanceError.self) { try ClearanceWorkflow.validate(step(.inReview, .cleared, verdict: nil), current: .inReview) }
    }

    @Test func rejectingNeedsNoJustificationButEveryStepNeedsAReason() throws {
        #expect(try ClearanceWorkflow.validate(step(.inReview, .rejected, verdict: .free), current: .inReview).to == .rejected)
        var silent = step(.uncleared, .inReview)
        silent.reason = "  "
        #expect(throws: ClearanceError.self) { try ClearanceWorkflow.validate(silent, current: .uncleared) }
    }

    @Test func statusIsTheLastEntryOfTheHistory() {
        #expect(ClearanceEvent.statuses(after: [])[.esWikisource] == .uncleared)
        let facts = ClearanceEvent(document: DocumentID("discurso")!, kind: .facts, actor: "Ana", reason: "r")
        let history = [step(.uncleared, .inReview), step(.inReview, .cleared), facts, step(.cleared, .inReview), step(.inReview, .rejected), facts]
        #expect(ClearanceEvent.statuses(after: history)[.esWikisource] == .rejected)
        #expect(ClearanceEvent.statuses(after: history)[.commons] == .uncleared)
    }
}
