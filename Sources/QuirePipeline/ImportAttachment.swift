import Foundation
public import QuireCatalogue
public import QuireCore
import QuireXML

/// Attaches ALTO, PAGE-XML or hOCR results from other engines (Transkribus, eScriptorium/Kraken,
/// earlier OCR) to a document's pages, as `quire import DOC FILES…` does.
public struct ImportAttachment: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    /// What happened to one file.
    public enum Outcome: Sendable {
        case attached(file: String, page: PageNumber, words: Int)
        case failed(any QuireError)
    }

    /// How files found their pages.
    public enum Matching: String, Sendable {
        /// `p0003.xml` → the page whose image file is `p0003.jpg` (its first page, for a
        /// multi-page file).
        case byName = "by name"
        /// The n-th file in natural order → the n-th page.
        case byOrder = "by order"
    }

    /// Reads every file and stores its text on its page. Files are matched to pages by `map`
    /// (file path → page) first, then by the base name of the page's image, and, when no file
    /// matches any image name, by order. Each file is read and stored on its own: a bad file
    /// fails alone.
    public func attach(_ files: [String], to id: DocumentID, map: [String: PageNumber] = [:]) throws(CatalogueError) -> (matching: Matching, outcomes: [Outcome]) {
        let pages = try catalogue.pages(of: id)
        var byName: [String: PageNumber] = [:]
        for page in pages where page.pageIndex == 0 {
            byName[Self.baseName(page.sourcePath)] = page.number
        }
        let sorted = files.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        let nameMatches = files.filter { byName[Self.baseName($0)] != nil }.count
        let matching: Matching = nameMatches > 0 || pages.count != files.count ? .byName : .byOrder
        var outcomes: [Outcome] = []
        for file in files {
            let context = ErrorContext(file: file, document: id)
            let target: PageNumber?
            if let mapped = map[file] ?? map[(file as NSString).lastPathComponent] {
                target = mapped
            } else if matching == .byOrder, let position = sorted.firstIndex(of: file) {
                target = pages[position].number
            } else {
                target = byName[Self.baseName(file)]
            }
            guard let page = target, pages.contains(where: { $0.number == page }) else {
                outcomes.append(.failed(PipelineError(
                    .documentNotFound, "matches no page of document '\(id)' (no page image is named \(Self.baseName(file)).*)",
                    remedy: "name the page with --map \((file as NSString).lastPathComponent)=N", context: context)))
                continue
            }
            do {
                var text = try XMLImport.read(fileAt: file)
                text.provenance = TextProvenance(engine: text.provenance?.engine ?? "xml-import", detail: text.provenance?.detail, source: file)
                try catalogue.recordText(id, page, text: text, quality: PageQuality.suggested(for: text))
                outcomes.append(.attached(file: file, page: page, words: text.words.count))
            } catch let error as any QuireError {
                outcomes.append(.failed(error))
            } catch {
                outcomes.append(.failed(PipelineError(.internalError, "\(error)", remedy: "report this as a bug", context: context)))
            }
        }
        return (matching, outcomes)
    }

    /// The name a result file and its page image share: `p3.xml`, `p3.alto.xml` and `p3.jpg`
    /// all give `p3`.
    public static func baseName(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        var strippedResultSuffix = false
        for suffix in [".xml", ".hocr", ".html", ".alto", ".page"] where name.lowercased().hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            strippedResultSuffix = true
        }
        return strippedResultSuffix ? name : (name as NSString).deletingPathExtension
    }
}
