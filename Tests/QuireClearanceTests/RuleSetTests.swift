import QuireClearance
import QuireCore
import Testing

/// The rule set as data: versioned, every row cited, and "(check)" rules placed only where the
/// engine turns them into `needs-review`.
@Suite("Rule set data")
struct RuleSetTests {
    @Test func everyTargetHasAPolicyAndEveryRuleACitation() {
        let rules = RuleSet.current
        #expect(rules.version == "rules-2026.1")
        for target in ClearanceTarget.allCases {
            let policy = rules.targets[target]
            #expect(policy != nil, "\(target.rawValue) has no policy")
            #expect(policy?.rejectedLicences.isSuperset(of: [.nonCommercial, .noDerivatives, .gfdlOnly]) ?? false)
            #expect(policy.map { $0.acceptedLicences.isDisjoint(with: $0.rejectedLicences) } ?? false)
            for branch in policy?.branches ?? [] {
                #expect(!branch.rule.citation.isEmpty)
                // An unsettled policy must list its readings, so that disagreement means review.
                if branch.rule.needsCheck { #expect(branch.readings.count > 1, "\(branch.rule)") }
            }
        }
        for row in rules.jurisdictions.values + [rules.defaultJurisdiction] {
            #expect(!row.life.rule.citation.isEmpty)
            for cutoff in row.deathCutoffs { #expect(!cutoff.rule.citation.isEmpty) }
        }
    }

    /// Rules that can make a work free by themselves must not carry a "(check)" mark.
    @Test func checkMarkedRulesNeverFreeAlone() {
        let rules = RuleSet.current
        for row in rules.jurisdictions.values + [rules.defaultJurisdiction] {
            var freeing: [Rule] = [row.life.rule]
            if let anonymous = row.anonymous { freeing.append(anonymous.rule) }
            if let edition = row.posthumousEdition { freeing.append(edition.rule) }
            for cutoff in row.deathCutoffs {
                switch cutoff.effect {
                case .term, .publicDomain: freeing.append(cutoff.rule)
                case .publicDomainIf: break
                }
            }
            switch row.official {
            case .notProtected(_, let rule): freeing.append(rule)
            case .termFromPublication(let term): freeing.append(term.rule)
            case .check, .none: break
            }
            if case .notProtected(_, let rule) = row.speech { freeing.append(rule) }
            switch row.shorterTerm {
            case .applies(let rule), .appliesExceptUS(let rule): freeing.append(rule)
            case .notApplied, .check: break
            }
            for rule in freeing { #expect(!rule.needsCheck, "\(row.name): \(rule)") }
        }
    }

    @Test func theSpecialCasesOfTheDocumentAreRows() throws {
        let rules = RuleSet.current
        let spain = try #require(rules.jurisdictions[Fixture.country("ES")])
        #expect(spain.deathCutoffs.first?.before == CalendarDate(year: 1987, month: 12, day: 7))
        #expect(try #require(rules.jurisdictions[Fixture.country("MX")]).life.years == 100)
        #expect(try #require(rules.jurisdictions[Fixture.country("CO")]).life.years == 80)
        #expect(try #require(rules.jurisdictions[Fixture.country("AR")]).anonymous?.years == 50)
        #expect(rules.unitedStates.restorationDate == CalendarDate(januaryFirstOf: 1996))
        #expect(rules.unitedStates.publishedTerm.years == 95)
    }
}
