import ArgumentParser
import Foundation
import QuireClearance
import QuireCore
import QuirePipeline

/// Who made a work and when and where it was first published: shared by `add` and `clearance set`.
struct WorkFactsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An author: \"Name (1908–1973)\", \"Name (b. 1950)\", anonymous or unknown. Repeatable.", valueName: "name"))
    var author: [String] = []

    @Option(help: ArgumentHelp("A translator, in the same form. Repeatable.", valueName: "name"))
    var translator: [String] = []

    @Option(help: ArgumentHelp("An editor, in the same form. Repeatable.", valueName: "name"))
    var editor: [String] = []

    @Option(help: ArgumentHelp("An illustrator, in the same form. Repeatable.", valueName: "name"))
    var illustrator: [String] = []

    @Option(help: ArgumentHelp("First publication: 1972, 1972-09-04, 1970s or 19th century.", valueName: "date"))
    var published: String?

    @Flag(help: "The work was never published (a manuscript, an unprinted speech).")
    var unpublished = false

    @Option(help: ArgumentHelp("When the work was made (written, typed): 1939, 1939-05-02, 1930s or 19th century. Terms of unpublished works may run from it.", valueName: "date"))
    var created: String?

    @Option(help: ArgumentHelp("Place of publication as printed.", valueName: "place"))
    var place: String?

    @Option(help: ArgumentHelp("Country of first publication, ISO 3166-1 (CL, ES, US).", valueName: "code"))
    var country: String?

    @Option(help: ArgumentHelp("Publisher as printed.", valueName: "name"))
    var publisher: String?

    func validate() throws {
        if let published, HistoricalDate.parse(published) == nil {
            throw ValidationError("--published '\(published)' is not a date: use 1972, 1972-09-04, 1970s or 19th century")
        }
        if published != nil && unpublished { throw ValidationError("--published and --unpublished contradict each other") }
        if let created, HistoricalDate.parse(created) == nil {
            throw ValidationError("--created '\(created)' is not a date: use 1939, 1939-05-02, 1930s or 19th century")
        }
        if let country, CountryCode(country) == nil { throw ValidationError("--country '\(country)' is not an ISO 3166-1 alpha-2 code such as CL") }
        _ = try contributors()
    }

    /// The contributors given, in role order; empty when none.
    func contributors() throws -> [Contributor] {
        var list: [Contributor] = []
        for (names, role) in [(author, ContributorRole.author), (translator, .translator), (editor, .editor), (illustrator, .illustrator)] {
            for name in names {
                do { list.append(try Contributor.parse(name, role: role)) } catch { throw ValidationError("--\(role.rawValue): \(error.message) — \(error.remedy)") }
            }
        }
        return list
    }

    var publication: Publication {
        Publication(
            date: published.flatMap(HistoricalDate.parse), place: place, country: country.flatMap(CountryCode.init), unpublished: unpublished,
            created: created.flatMap(HistoricalDate.parse))
    }
}

/// Yes, no or unknown, for facts that may not be known.
enum Tristate: String, ExpressibleByArgument, CaseIterable {
    case yes, no, unknown
    var value: Bool? { self == .unknown ? nil : self == .yes }
}

/// A closed-set fact that can also be reset to unknown with `none`.
enum OfficialChoice: String, ExpressibleByArgument, CaseIterable {
    case state, usFederal = "us-federal", none
}

enum SpeechChoice: String, ExpressibleByArgument, CaseIterable {
    case `public`, parliament, none
}

/// The rights facts and evidence: shared by `add` and `clearance set`.
struct RightsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An official work: state (of the country of publication) or us-federal; none to unset.", valueName: "kind"))
    var official: OfficialChoice?

    @Option(help: ArgumentHelp("A speech: public or parliament; none to unset.", valueName: "venue"))
    var speech: SpeechChoice?

    @Option(help: ArgumentHelp("The licence granted: an id (CC-BY-SA-4.0), a CC URL or a rightsstatements.org URL; none to unset.", valueName: "licence"))
    var licence: String?

    @Option(name: .customLong("rights-holder"), help: ArgumentHelp("Who holds the rights; none to unset.", valueName: "name"))
    var rightsHolder: String?

    @Option(name: .customLong("us-notice"), help: ArgumentHelp("Whether the edition carried a US copyright notice: yes, no or unknown.", valueName: "answer"))
    var usNotice: Tristate?

    @Option(name: .customLong("us-renewed"), help: ArgumentHelp("Whether the US copyright was renewed: yes, no or unknown.", valueName: "answer"))
    var usRenewed: Tristate?

    @OptionGroup var evidence: EvidenceOptions

    func validate() throws {
        if let licence, licence != "none", Licence(licence) == nil {
            throw ValidationError("--licence '\(licence)' is not a licence id (CC-BY-SA-4.0, CC0-1.0), a Creative Commons URL or a rightsstatements.org URL")
        }
    }

    var change: RightsFactsChange {
        RightsFactsChange(
            official: official.map { $0 == .none ? nil : OfficialWork(rawValue: $0.rawValue) },
            speech: speech.map { $0 == .none ? nil : SpeechVenue(rawValue: $0.rawValue) },
            licence: licence.map { $0 == "none" ? nil : Licence($0)?.id ?? $0 },
            rightsHolder: rightsHolder.map { $0 == "none" ? nil : $0 },
            usNotice: usNotice.map(\.value), usRenewed: usRenewed.map(\.value),
            addEvidence: evidence.items)
    }
}

/// Evidence given on the command line: tickets, URLs, files (fingerprinted when recorded).
struct EvidenceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A permission ticket number (VRTS or your own). Repeatable.", valueName: "number"))
    var ticket: [String] = []

    @Option(name: .customLong("evidence-url"), help: ArgumentHelp("A URL with the licence statement or permission. Repeatable.", valueName: "url"))
    var evidenceURL: [String] = []

    @Option(name: .customLong("evidence-file"), help: ArgumentHelp("A file proving permission (kept by path and SHA-256). Repeatable.", valueName: "path"))
    var evidenceFile: [String] = []

    func validate() throws {
        for url in evidenceURL where !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            throw ValidationError("--evidence-url '\(url)' is not an http(s) URL")
        }
        for ticket in ticket where ticket.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--ticket must not be empty") }
    }

    /// Tickets and URLs; files are fingerprinted by the pipeline.
    var items: [Evidence] {
        ticket.map { Evidence(kind: .ticket, value: $0.trimmingCharacters(in: .whitespaces)) } + evidenceURL.map { Evidence(kind: .url, value: $0) }
    }
}


extension FactsChange {
    /// The change the options describe.
    init(work: WorkFactsOptions?, rights: RightsOptions) throws {
        self.init()
        if let work {
            let given = try work.contributors()
            if !given.isEmpty { contributors = given }
            published = work.published.flatMap(HistoricalDate.parse)
            unpublished = work.unpublished
            created = work.created.flatMap(HistoricalDate.parse)
            place = work.place
            country = work.country.flatMap(CountryCode.init)
            publisher = work.publisher
        }
        self.rights = rights.change
        evidenceFiles = rights.evidence.evidenceFile
    }
}
