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

    private func renderPDF(_ source: PageImageSource, context: ErrorContext) throws(OCRError) -> (image: PixImage, dpi: Int) {
        let page = String(source.pageIndex + 1)
        let info = try ExternalTool.pdfinfo.run(["-f", page, "-l", page, source.path], context: context)
        let dpi = Self.resolution(forPageSizeLine: info.standardOutput, preferred: pdfDPI)
        let prefix = (scratch as NSString).appendingPathComponent("pdf-\(UUID().uuidString)")
        let output = try Self.pdftoppm.run(["-f", page, "-l", page, "-r", String(dpi), "-gray", "-png", "-singlefile", source.path, prefix], context: context)
        let file = prefix + ".png"
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard output.status == 0, let image = LeptonicaCalls.read(path: file) else {
            let detail = output.standardError.split(separator: "\n").first.map(String.init) ?? "no details"
            throw OCRError(.invalidInput, "the PDF page cannot be rendered (\(detail))", remedy: "repair the PDF (e.g. 'qpdf in.pdf out.pdf') or re-export it", context: context)
        }
        return (image, dpi)
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
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Page") && $0.contains("size:") }) else { return preferred }
        let numbers = line.split(whereSeparator: { $0 == " " }).compactMap { Double($0) }
        guard numbers.count >= 3 else { return preferred }
        let width = numbers[numbers.count - 2] / 72, height = numbers[numbers.count - 1] / 72  // inches
        guard width > 0, height > 0 else { return preferred }
        let byPixels = (Double(SourceInspector.pixelCap) / (width * height)).squareRoot()
        let bySide = 32767 / max(width, height)
        return max(36, min(preferred, Int(min(byPixels, bySide))))
    }
}
