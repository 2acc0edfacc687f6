import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore

extension Quire {
    /// `quire status`: what the catalogue holds and how far each document has come.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show documents with page counts by state, OCR progress, quality levels and clearance; or one document's pages.")

        @OptionGroup var catalogueOptions: CatalogueOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: ArgumentHelp("A document's slug: show its details and pages.", valueName: "document"))
        var document: String?

        func validate() throws {
            if let document, DocumentID(document) == nil { throw ValidationError("'\(document)' is not a document slug") }
        }

        func run() throws {
            let catalogue = try catalogueOptions.openForReading()
            if let document, let id = DocumentID(document) {
                let summary = try catalogue.summary(of: id)
                let sources = try catalogue.sources(of: id)
                let pages = try catalogue.pages(of: id)
                let clearance = ClearanceEvent.statuses(after: try catalogue.clearanceHistory(of: id))
                if output.json {
                    try Terminal.json(DocumentStatusJSON(summary: summary, clearance: clearance, sources: sources, pages: pages))
                } else {
                    StatusText.printDocument(summary, clearance: clearance, sources: sources, pages: pages)
                }
            } else {
                let summaries = try catalogue.summaries()
                let clearance = try catalogue.clearanceStatuses()
                if output.json {
                    try Terminal.json(CatalogueStatusJSON(
                        catalogue: catalogue.path, documents: summaries.map { DocumentSummaryJSON($0, clearance: clearance[$0.id] ?? [:]) }))
                } else {
                    StatusText.printCatalogue(catalogue.path, summaries, clearance: clearance)
                }
            }
        }
    }
}
