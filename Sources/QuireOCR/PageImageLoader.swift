import Foundation
import QuireCore

/// Decodes one page of a source into a Leptonica image: raster formats directly (a TIFF page
/// without touching the others), PDF and DjVu pages rendered by poppler and djvulibre at a
/// resolution chosen from the page size. Refuses images over the pixel cap before decoding.
struct PageImageLoader {
    /// The resolution PDF pages are rendered at unless the page is too large for it.
    var pdfDPI: Int = 300
    /// A folder for rendered pages; files there are removed as soon as they are decoded.
    let scratch: String

    static let pdftoppm = ExternalTool(name: "pdftoppm", package: "poppler-utils")
    static let ddjvu = ExternalTool(name: "ddjvu", package: "djvulibre-bin")
    static let pdfimages = ExternalTool(name: "pdfimages", package: "poppler-utils")

    /// The decoded page and its resolution (0 when the file does not say).
    func load(_ source: PageImageSource) throws(OCRError) -> (image: PixImage, dpi: Int) {
        let context = ErrorContext(file: source.path, page: source.pageIndex + 1)
        switch source.format {
        case .pdf: return try renderPDF(source, context: context)
        case .djvu: return try renderDjVu(source, context: context)
        case .text:
            throw OCRError(.unsupportedFormat, "a text file has no page image", remedy: "OCR the scan, not the transcript", context: context)
        default:
            try checkHeader(source.path, context: context)
            let image = source.format == .tiff
                ? LeptonicaCalls.readTIFF(path: source.path, page: source.pageIndex)
                : LeptonicaCalls.read(path: source.path)
            guard let image else {
                throw OCRError(
                    .invalidInput, "the image cannot be decoded (truncated or damaged \(source.format.rawValue.uppercased()))",
                    remedy: "rescan or re-export the page", context: context)
            }
            return (image, LeptonicaCalls.geometry(image).dpi)
        }
    }

    private func checkHeader(_ path: String, context: ErrorContext) throws(OCRError) {
        guard let header = LeptonicaCalls.readHeader(path: path) else {
            throw OCRError(.invalidInput, "the image header cannot be read: the file is truncated or damaged", remedy: "rescan or re-export the page", context: context)
        }
        let pixels = header.width.multipliedReportingOverflow(by: header.height)
        guard !pixels.overflow, pixels.partialValue <= SourceInspector.pixelCap else {
            throw OCRError(
                .imageTooLarge, "the image claims \(header.width)×\(header.height) pixels, over the cap of \(SourceInspector.pixelCap / 1_000_000) Mpx",
                remedy: "scale the scan down (300 dpi is plenty for OCR) or split it into tiles", context: context)
        }
    }

    /// A PDF page: a scanned page's one image extracted at its own resolution (`pdfimages`, JPEG
    /// written unchanged, anything else as PNM, never PNG, whose encoding costs more than OCR),
    /// any other page rendered to PGM by `pdftoppm`, one page at a time.
    private func renderPDF(_ source: PageImageSource, context: ErrorContext) throws(OCRError) -> (image: PixImage, dpi: Int) {
        let page = String(source.pageIndex + 1)
        let info = try ExternalTool.pdfinfo.run(["-f", page, "-l", page, source.path], context: context)
        let list = try Self.pdfimages.run(["-list", "-f", page, "-l", page, source.path], context: context)
        let layout = PDFPageLayout.parse(info: info.standardOutput, imageList: list.status == 0 ? list.standardOutput : "")
        let reading = layout?.reading(preferred: pdfDPI) ?? .render(dpi: Self.resolution(forPageSizeLine: info.standardOutput, preferred: pdfDPI))
        if case .embeddedImage(let jpeg, let dpi) = reading, let image = try extractImage(source, page: page, jpeg: jpeg, context: context) {
            return (image, dpi)
        }
        let dpi: Int
        switch reading {
        case .render(let chosen): dpi = chosen
        case .embeddedImage(_, let native): dpi = Self.resolution(forPageSizeLine: info.standardOutput, preferred: native)  // not extractable: render at its resolution
        }
        let prefix = (scratch as NSString).appendingPathComponent("pdf-\(UUID().uuidString)")
        let output = try Self.pdftoppm.run(["-f", page, "-l", page, "-r", String(dpi), "-gray", "-singlefile", source.path, prefix], context: context)
        let file = prefix + ".pgm"
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard output.status == 0, let image = LeptonicaCalls.read(path: file) else {
            let detail = output.standardError.split(separator: "\n").first.map(String.init) ?? "no details"
            throw OCRError(.invalidInput, "the PDF page cannot be rendered (\(detail))", remedy: "repair the PDF (e.g. 'qpdf in.pdf out.pdf') or re-export it", context: context)
        }
        return (image, dpi)
    }

    /// The page's one image as stored (`pdfimages -j` keeps a JPEG's bytes), or nil when it
    /// cannot be extracted or decoded, so that the page is rendered instead.
    private func extractImage(_ source: PageImageSource, page: String, jpeg: Bool, context: ErrorContext) throws(OCRError) -> PixImage? {
        let folder = (scratch as NSString).appendingPathComponent("pdfimages-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try Self.pdfimages.run(["-f", page, "-l", page] + (jpeg ? ["-j"] : []) + [source.path, folder + "/page"], context: context)
        guard output.status == 0, let files = try? FileManager.default.contentsOfDirectory(atPath: folder), files.count == 1, let file = files.first else { return nil }
        return LeptonicaCalls.read(path: folder + "/" + file)
    }

    private func renderDjVu(_ source: PageImageSource, context: ErrorContext) throws(OCRError) -> (image: PixImage, dpi: Int) {
        let file = (scratch as NSString).appendingPathComponent("djvu-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let output = try Self.ddjvu.run(["-format=pgm", "-page=\(source.pageIndex + 1)", source.path, file], context: context)
        guard output.status == 0, let image = LeptonicaCalls.read(path: file) else {
            throw OCRError(.invalidInput, "the DjVu page cannot be rendered", remedy: "re-export the DjVu, or convert it to PDF or TIFF", context: context)
        }
        return (image, 0)
    }

    /// The resolution for a page of `width × height` points (from pdfinfo's `Page N size:` line):
    /// the preferred one, lowered so that the page stays under the pixel cap and 32767 px a side.
    static func resolution(forPageSizeLine text: String, preferred: Int) -> Int {
        guard let layout = PDFPageLayout.parse(info: text, imageList: "") else { return preferred }
        return PDFPageLayout.resolution(width: layout.width, height: layout.height, preferred: preferred)
    }
}
