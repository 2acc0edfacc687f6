import Foundation
import QuireClearance
import QuireCore
import QuirePipeline

/// `quire clearance show --json`.
struct DossierJSON: Encodable {
    struct Target: Encodable {
        var status: String
        var verdict: String
        var freeFrom: String?
        var templates: [String]
        var reasons: [String]
        var assumptions: [String]
        var factsChangedSinceDecision: Bool
    }

    var document: String
    var title: String
    var asOf: String
    var rulesVersion: String
    var contributors: [String]
    var published: String?
    var unpublished: Bool
    var place: String?
    var country: String?
    var rights: RightsFacts
    var missing: [String]
    var targets: [String: Target]

    init(_ dossier: ClearanceDesk.Dossier) {
        document = dossier.id.rawValue
        title = dossier.metadata.title
        asOf = dossier.evaluation.asOf.description
        rulesVersion = dossier.evaluation.rulesVersion
        contributors = dossier.metadata.contributors.map { "\($0.role.rawValue): \($0.summary)" }
        published = dossier.metadata.publication.date?.description
        unpublished = dossier.metadata.publication.unpublished
        place = dossier.metadata.publication.place
        country = dossier.metadata.publication.country?.rawValue
        rights = dossier.rights
        missing = dossier.missing
        let changed = Set(dossier.factsChangedSinceDecision)
        targets = Dictionary(uniqueKeysWithValues: ClearanceTarget.allCases.map { target in
            let verdict = dossier.evaluation[target]
            return (target.rawValue, Target(
                status: (dossier.statuses[target] ?? .uncleared).rawValue, verdict: verdict.verdict.rawValue,
                freeFrom: verdict.freeFrom?.description, templates: verdict.templates, reasons: verdict.reasons,
                assumptions: verdict.assumptions, factsChangedSinceDecision: changed.contains(target)))
        })
    }
}

/// `quire clearance show` as text.
enum DossierText {
    static func print(_ dossier: ClearanceDesk.Dossier) {
        let metadata = dossier.metadata
        let rights = dossier.rights
        Terminal.line("Document:      \(dossier.id) — \(metadata.title)")
        for contributor in metadata.contributors {
            Terminal.line("\(contributor.role.rawValue.capitalized + ":", padding: 15)\(contributor.summary)")
        }
        if metadata.contributors.isEmpty { Terminal.line("Contributors:  none recorded") }
        let publication = metadata.publication
        let published = publication.unpublished ? "never (unpublished)" : publication.date.map { "\($0)" } ?? "unknown"
        Terminal.line("Published:     \(published)\(publication.place.map { ", \($0)" } ?? "")\(publication.country.map { " (\($0))" } ?? "")")
        if let created = publication.created { Terminal.line("Created:       \(created)") }
        Terminal.line("Official work: \(rights.official?.rawValue ?? "no / unknown")")
        Terminal.line("Speech:        \(rights.speech?.rawValue ?? "no / unknown")")
        Terminal.line("Licence:       \(rights.licence ?? "none recorded")")
        Terminal.line("Rights holder: \(rights.rightsHolder ?? "unknown")")
        Terminal.line("US notice:     \(answer(rights.usNotice)); US renewal: \(answer(rights.usRenewed))")
        Terminal.line("Evidence:      \(rights.evidence.isEmpty ? "none" : rights.evidence.map(\.summary).joined(separator: "; "))")
        Terminal.line("")
        Terminal.line("As of \(dossier.evaluation.asOf), rules \(dossier.evaluation.rulesVersion):")
        let changed = Set(dossier.factsChangedSinceDecision)
        let rows = ClearanceTarget.allCases.map { target -> [String] in
            let verdict = dossier.evaluation[target]
            return [
                target.rawValue, (dossier.statuses[target] ?? .uncleared).rawValue + (changed.contains(target) ? " (facts changed since)" : ""),
                verdict.verdict.rawValue, verdict.freeFrom?.description ?? "–", verdict.templates.map { "{{\($0)}}" }.joined(separator: " "),
            ]
        }
        for line in Terminal.table(["TARGET", "STATUS", "VERDICT", "FREE FROM", "TEMPLATES"], rows) { Terminal.line("  " + line) }
        Terminal.line("")
        for target in ClearanceTarget.allCases {
            let verdict = dossier.evaluation[target]
            Terminal.line("\(target.rawValue):")
            for reason in verdict.distinctReasons { Terminal.line("  - \(reason)") }
            for assumption in verdict.assumptions { Terminal.line("  - assumed: \(assumption)") }
        }
        if !dossier.missing.isEmpty {
            Terminal.line("")
            Terminal.line("Facts missing:")
            for fact in dossier.missing { Terminal.line("  - \(fact)") }
        }
    }

    static func answer(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "unknown" }
}

/// One history entry as a line.
enum HistoryText {
    static func line(_ event: ClearanceEvent) -> String {
        var text = "#\(event.sequence ?? 0)  \(event.at ?? "")  "
        switch event.kind {
        case .facts:
            text += "facts by \(event.actor): \(event.detail ?? "") — \(event.reason)"
        case .transition:
            text += "\(event.target?.rawValue ?? "?"): \(event.from?.rawValue ?? "?") → \(event.to?.rawValue ?? "?") by \(event.actor): \(event.reason)"
        case .override:
            text += "\(event.target?.rawValue ?? "?"): OVERRIDE by \(event.actor) for '\(event.detail ?? "")': \(event.reason)"
        case .vote:
            text += "\(event.target?.rawValue ?? "?"): review by \(event.actor): \(event.to?.rawValue ?? "?") (double review): \(event.reason)"
        }
        if let verdict = event.engineVerdict, event.kind != .facts { text += " [engine: \(verdict.rawValue), \(event.rulesVersion ?? "")]" }
        if let justification = event.justification { text += " — justification: \(justification)" }
        if !event.evidence.isEmpty, event.kind != .facts { text += " — evidence: \(event.evidence.map(\.summary).joined(separator: "; "))" }
        return Terminal.visible(text)
    }
}
