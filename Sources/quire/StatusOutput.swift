import Foundation
import QuireCatalogue
import QuireCore

/// A document's clearance per target in one phrase: `cleared: es.wikisource; in-review: commons`,
/// or `uncleared` when no target has moved.
enum ClearanceDisplay {
    static func text(_ statuses: [ClearanceTarget: ClearanceStatus]) -> String {
        let groups = ClearanceStatus.allCases.filter { $0 != .uncleared }.compactMap { status -> String? in
            let targets = ClearanceTarget.allCases.filter { statuses[$0] == status }
            return targets.isEmpty ? nil : "\(status.rawValue): \(targets.map(\.rawValue).joined(separator: ", "))"
        }
        return groups.isEmpty ? ClearanceStatus.uncleared.rawValue : groups.joined(separator: "; ")
    }

    /// Every target's status by its name, for JSON.
    static func json(_ statuses: [ClearanceTarget: ClearanceStatus]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ClearanceTarget.allCases.map { ($0.rawValue, (statuses[$0] ?? .uncleared).rawValue) })
    }
}

/// The text form of `quire status`.
enum StatusText {
    static func printCatalogue(_ path: String, _ summaries: [DocumentSummary], clearance: [DocumentID: [ClearanceTarget: ClearanceStatus]]) {
        Terminal.out("Catalogue: \(path)")
        guard !summaries.isEmpty else {
            Terminal.out("No documents yet. Register one with: quire add SCANS… --title \"Title\" --lang spa")
            return
        }
        let rows = summaries.map { summary -> [String] in
            [
                summary.id.rawValue, "\(summary.pageCount)", states(summary), percent(summary.progress),
                levels(summary), ClearanceDisplay.text(clearance[summary.id] ?? [:]), Terminal.visible(summary.metadata.title),
            ]
        }
        for line in Terminal.table(["DOCUMENT", "PAGES", "STATES", "OCR", "LEVELS 0/1/2/3/4", "CLEARANCE", "TITLE"], rows) {
            Terminal.out(line)
        }
        let total = summaries.reduce(0) { $0 + $1.pageCount }
        let done = summaries.reduce(0) { $0 + $1.pagesByState[.done, default: 0] }
        Terminal.out("\(summaries.count) document\(summaries.count == 1 ? "" : "s"), \(total) pages, \(done) with text.")
    }

    static func printDocument(_ summary: DocumentSummary, clearance: [ClearanceTarget: ClearanceStatus], sources: [SourceFileEntry], pages: [PageEntry]) {
        let metadata = summary.metadata
        Terminal.line("Document:   \(summary.id)")
        Terminal.line("Title:      \(metadata.title)")
        for contributor in metadata.contributors {
            Terminal.line("\(contributor.role.rawValue.capitalized + ":", padding: 12)\(contributor.summary)")
        }
        if let date = metadata.publication.date { Terminal.line("Published:  \(date)\(metadata.publication.place.map { ", \($0)" } ?? "")\(metadata.publication.country.map { " (\($0))" } ?? "")") }
        if metadata.publication.unpublished { Terminal.line("Published:  never (unpublished)") }
        if let publisher = metadata.publisher { Terminal.line("Publisher:  \(publisher)") }
        Terminal.line("Languages:  \(metadata.languages)")
        if let file = metadata.wikiFileName { Terminal.line("Wiki file:  \(file)") }
        Terminal.line("Clearance:  \(ClearanceDisplay.text(clearance)) (details: quire clearance show \(summary.id))")
        Terminal.line("Pages:      \(summary.pageCount) (\(states(summary))), OCR \(percent(summary.progress)), levels \(levels(summary))")
        Terminal.line("")
        Terminal.line("Files:")
        for line in Terminal.table(
            ["FORMAT", "PAGES", "SHA-256", "PATH"],
            sources.map { [$0.format.rawValue, $0.format == .text ? "–" : "\($0.pageCount)", String($0.sha256.prefix(12)), $0.path] })
        {
            Terminal.line("  " + line)
        }
        guard !pages.isEmpty else { return }
        Terminal.line("")
        Terminal.line("Pages:")
        let rows = pages.map { page -> [String] in
            [
                "\(page.number)", page.state.rawValue, page.quality.map { "\($0.rawValue)" } ?? "–",
                page.meanConfidence.map { String(format: "%.0f%%", $0 * 100) } ?? "–",
                page.flags.map(\.rawValue).joined(separator: ",") + (page.lastError.map { " \($0)" } ?? ""),
                "\((page.sourcePath as NSString).lastPathComponent)#\(page.pageIndex + 1)",
            ]
        }
        for line in Terminal.table(["PAGE", "STATE", "LEVEL", "CONF", "FLAGS", "SOURCE"], rows) { Terminal.line("  " + line) }
    }

    static func states(_ summary: DocumentSummary) -> String {
        let parts = PageState.allCases.compactMap { state -> String? in
            guard let count = summary.pagesByState[state], count > 0 else { return nil }
            return "\(count) \(state.rawValue)"
        }
        return parts.isEmpty ? "no pages" : parts.joined(separator: ", ")
    }

    static func levels(_ summary: DocumentSummary) -> String {
        guard !summary.pagesByQuality.isEmpty else { return "–" }
        return PageQuality.allCases.map { "\(summary.pagesByQuality[$0, default: 0])" }.joined(separator: "/")
    }

    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
}

extension DefaultStringInterpolation {
    mutating func appendInterpolation(_ text: String, padding width: Int) {
        appendLiteral(text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0))
    }
}

/// JSON of the whole catalogue's status.
struct CatalogueStatusJSON: Encodable {
    var catalogue: String
    var documents: [DocumentSummaryJSON]
}

/// JSON of one document's summary.
struct DocumentSummaryJSON: Encodable {
    var id: String
    var title: String
    var languages: String
    var contributors: [String]
    var pages: Int
    var states: [String: Int]
    var levels: [String: Int]
    var progress: Double
    var clearance: [String: String]
    var scanFiles: Int
    var transcriptFiles: Int
    var createdAt: String

    init(_ summary: DocumentSummary, clearance: [ClearanceTarget: ClearanceStatus]) {
        id = summary.id.rawValue
        title = summary.metadata.title
        languages = summary.metadata.languages.tesseractString
        contributors = summary.metadata.contributors.map { "\($0.role.rawValue): \($0.summary)" }
        pages = summary.pageCount
        states = Dictionary(uniqueKeysWithValues: PageState.allCases.map { ($0.rawValue, summary.pagesByState[$0, default: 0]) })
        levels = Dictionary(uniqueKeysWithValues: summary.pagesByQuality.map { ("\($0.key.rawValue)", $0.value) })
        progress = summary.progress
        self.clearance = ClearanceDisplay.json(clearance)
        scanFiles = summary.scanFileCount
        transcriptFiles = summary.transcriptFileCount
        createdAt = summary.createdAt
    }
}

/// JSON of one document with its files and pages.
struct DocumentStatusJSON: Encodable {
    var document: DocumentSummaryJSON
    var metadata: DocumentMetadata
    var files: [SourceFileEntry]
    var pages: [PageEntry]

    init(summary: DocumentSummary, clearance: [ClearanceTarget: ClearanceStatus], sources: [SourceFileEntry], pages: [PageEntry]) {
        document = DocumentSummaryJSON(summary, clearance: clearance)
        metadata = summary.metadata
        files = sources
        self.pages = pages
    }
}
