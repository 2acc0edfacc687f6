import QuireCore
import Testing

@Suite("ProofreadPage's level rules")
struct ProofreadingLevelsTests {
    let ocr = PageLevelMark(level: .notProofread, user: "")

    @Test(arguments: [PageQuality.withoutText, .notProofread, .problematic, .proofread])
    func levelsZeroToThreeAreOpenToAnyone(_ level: PageQuality) {
        #expect(ProofreadingLevels.refusal(from: ocr, to: level, user: "ana", role: .proofreader) == nil)
    }

    @Test func validationNeedsAProofreadPage() {
        #expect(ProofreadingLevels.refusal(from: ocr, to: .validated, user: "ana", role: .proofreader) == .validationNeedsProofread(current: .notProofread))
    }

    @Test func theProofreaderCannotValidateTheirOwnPageButAnotherPersonCan() {
        let proofread = PageLevelMark(level: .proofread, user: "ana")
        #expect(ProofreadingLevels.refusal(from: proofread, to: .validated, user: "ana", role: .proofreader) == .validationBySameUser(user: "ana"))
        #expect(ProofreadingLevels.refusal(from: proofread, to: .validated, user: "ben", role: .rightsOfficer) == nil)
    }

    @Test func aProofreadLevelThatNamesNobodyCannotBeValidated() {
        #expect(ProofreadingLevels.refusal(from: PageLevelMark(level: .proofread, user: ""), to: .validated, user: "ben", role: .proofreader) == .validationBySameUser(user: "ben"))
    }

    @Test func adminsBypassTheRules() {
        #expect(ProofreadingLevels.refusal(from: PageLevelMark(level: .proofread, user: "root"), to: .validated, user: "root", role: .admin) == nil)
        #expect(ProofreadingLevels.refusal(from: ocr, to: .validated, user: "root", role: .admin) == nil)
    }

    @Test func aValidatedPageStaysValidatableWhenEditedAgain() {
        #expect(ProofreadingLevels.refusal(from: PageLevelMark(level: .validated, user: "ben"), to: .validated, user: "ana", role: .proofreader) == nil)
    }

    @Test func theLevelChangesHandsOnlyWhenItChanges() {
        let validated = PageLevelMark(level: .validated, user: "ben")
        #expect(ProofreadingLevels.mark(after: validated, level: .validated, user: "ana") == validated)
        #expect(ProofreadingLevels.mark(after: validated, level: .problematic, user: "ana") == PageLevelMark(level: .problematic, user: "ana"))
        // A tool's level has no user: the first person to save takes it.
        #expect(ProofreadingLevels.mark(after: ocr, level: .notProofread, user: "ana") == PageLevelMark(level: .notProofread, user: "ana"))
    }

    @Test func everyLevelHasARule() {
        #expect(Set(ProofreadingLevels.table.keys) == Set(PageQuality.allCases))
    }
}
