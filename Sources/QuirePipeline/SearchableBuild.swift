import Foundation
public import QuireCore
import QuireOCR
public import QuireRelease

/// Makes one searchable PDF or DjVu from pages handed over in order, with their text. A PDF from
/// scans has each page's image passed through under its layer; from one PDF, the layer grafted
/// onto the original pages, which are otherwise kept as they are. A DjVu is encoded page by page
/// by djvulibre with its hidden text. Nothing is left at the output path unless every page was
/// written.
public final class SearchableBuild: @unchecked Sendable {
    /// What may be done to an input PDF that a person should decide on.
    public struct Consent: Sendable, Hashable {
        /// Write a signed PDF anyway (the signature no longer verifies).
        public var acceptSigned: Bool
        /// Add the layer to a PDF that already has text (`--redo-text`).
        public var redoText: Bool

        public init(acceptSigned: Bool = false, redoText: Bool = false) {
            self.acceptSigned = acceptSigned
            self.redoText = redoText
        }
    }

    /// The file made.
    public enum Kind: String, Sendable, Hashable {
        case pdf, djvu

        /// The kind an output path's extension names (`.pdf`, `.djvu`), if any.
        public init?(path: String) {
            self.init(rawValue: (path as NSString).pathExtension.lowercased())
        }
    }

    private enum Mode {
        case djvu(DjVuWriter)
        case scans(SearchablePDFWriter)
        case graft(original: String, geometry: [PDFGraft.PageGeometry], layer: SearchablePDFWriter, layerPath: String)
    }

    private let output: String
    private let scratch: String
    private let mode: Mode
    private var written = 0

    /// Checks the inputs and starts the output: `pages` are all scans (images, TIFF, DjVu pages)
    /// or all the pages of one PDF. A PDF that is encrypted, signed (without consent) or that
    /// already has text (without consent) is refused before any page is read.
    public init(output: String, kind: Kind = .pdf, pages: [PageImageSource], info: PDFDocumentInfo, scratch: String, consent: Consent = Consent()) throws {
        self.output = output
        self.scratch = scratch
        if kind == .djvu {
            mode = .djvu(try DjVuWriter(path: output, scratch: scratch))
            return
        }
        let pdfs = Set(pages.filter { $0.format == .pdf }.map(\.path))
        let context = ErrorContext(file: output)
        if pdfs.isEmpty {
            mode = .scans(try SearchablePDFWriter(path: output, info: info))
            return
        }
        guard pdfs.count == 1, pages.allSatisfy({ $0.format == .pdf }), let original = pdfs.first else {
            throw PipelineError(.invalidArgument, "a searchable PDF is made from scans or from one PDF, not from several PDFs or PDFs and images together", remedy: "make one PDF per input PDF, or convert the PDFs' pages to images first", context: context)
        }
        try Self.checkWritable(pdf: original, pageCount: pages.count, consent: consent)
        let geometry = try PDFGraft.pages(of: original, count: pages.count)
        let layerPath = (scratch as NSString).appendingPathComponent("layer-\(UUID().uuidString).pdf")
        mode = .graft(original: original, geometry: geometry, layer: try SearchablePDFWriter(path: layerPath, info: info), layerPath: layerPath)
    }

    /// Refuses an encrypted PDF, a signed one without consent, and one with text without consent.
    static func checkWritable(pdf path: String, pageCount: Int, consent: Consent) throws {
        let context = ErrorContext(file: path)
        if try SourceInspector.isEncrypted(pdf: path) {
            throw PipelineError(.encryptedPDF, "the PDF is encrypted, and Quire does not write encrypted PDFs", remedy: "decrypt it first ('qpdf --decrypt [--password=…] in.pdf plain.pdf') and give Quire the decrypted copy", context: context)
        }
        if !consent.acceptSigned, try SourceInspector.signatureCount(pdf: path) > 0 {
            throw PipelineError(.signedPDF, "the PDF is digitally signed, and adding a text layer breaks the signature", remedy: "pass --accept-signed-pdf to write it anyway (the copy is no longer signed)", context: context)
        }
        if !consent.redoText {
            let pages = try SourceInspector.pagesWithText(pdf: path, pageCount: pageCount)
            if let first = pages.first {
                throw PipelineError(
                    .invalidInput, "the PDF already has text on \(pages.count) page(s) (the first is page \(first)); a second layer would double it in search and copy",
                    remedy: "pass --redo-text to add Quire's layer anyway, or give Quire the scan without a text layer", context: context)
            }
        }
    }

    /// Adds the next page (pages must come in the order given to `init`), with its text; a page
    /// whose reading failed (`text` nil) is still added, without a layer, so no page is lost.
    public func add(_ source: PageImageSource, text: PageText?) throws {
        switch mode {
        case .djvu(let writer):
            let file = (scratch as NSString).appendingPathComponent("page-\(written + 1).pnm")
            defer { try? FileManager.default.removeItem(atPath: file) }
            let image = try PageImageEncoder(scratch: scratch).writePNM(source, to: file)
            try writer.addPage(image: file, bilevel: image.bilevel, dpi: image.dpi, width: image.width, height: image.height, text: text)
        case .scans(let writer):
            let image = try PageImageEncoder(scratch: scratch).encode(source)
            try writer.addPage(image: image, text: text)
        case .graft(_, let geometry, let layer, _):
            guard source.pageIndex < geometry.count else {
                throw PipelineError(.internalError, "a page was added out of order", remedy: "report this as a bug of Quire", context: ErrorContext(file: source.path, page: source.pageIndex + 1))
            }
            let page = geometry[source.pageIndex]
            try layer.addTextPage(width: page.width, height: page.height, rotation: page.rotation, text: text)
        }
        written += 1
    }

    /// Finishes the file and puts it in place.
    public func finish() throws {
        switch mode {
        case .djvu(let writer):
            try writer.finish()
        case .scans(let writer):
            try writer.finish()
        case .graft(let original, _, let layer, let layerPath):
            defer { try? FileManager.default.removeItem(atPath: layerPath) }
            try layer.finish()
            try PDFGraft.graft(layer: layerPath, onto: original, output: output)
        }
    }
}
