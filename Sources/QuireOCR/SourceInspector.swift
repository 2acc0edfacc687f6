public import QuireCore
import Foundation

/// What a scan file holds, found without decoding its pages.
public struct SourceInspection: Hashable, Sendable {
    public var format: SourceFormat
    public var pageCount: Int
    /// The first page's size in pixels, for raster images.
    public var firstPageSize: (width: Int, height: Int)? {
        guard let width, let height else { return nil }
        return (width, height)
    }
    var width: Int?
    var height: Int?
}

/// Checks a scan file cheaply before it is registered: its format from the bytes, its page count,
/// and for raster images a header that decodes and a size under the pixel cap.
public enum SourceInspector {
    /// The largest image accepted, in pixels: larger headers are refused before any pixel is
    /// allocated, which stops decompression bombs. Reading a page takes about 5 bytes of memory
    /// per pixel (a 72 Mpx page peaked at 364 MB), so 120 Mpx bounds a page at about 600 MB;
    /// OCRmyPDF's 250 Mpx took 1 GB. A broadsheet newspaper page at 400 dpi is 119 Mpx.
    public static let pixelCap = 120_000_000

    /// Inspects `path`, whose first bytes are `head`, already sniffed as the scan format `format`.
    public static func inspect(path: String, format: SourceFormat) throws(OCRError) -> SourceInspection {
        let context = ErrorContext(file: path)
        switch format {
        case .pdf: return try inspectPDF(path: path, context: context)
        case .djvu: return try inspectDjVu(path: path, context: context)
        case .text:
            throw OCRError(.unsupportedFormat, "a text file is not a scan", remedy: "register transcripts as text with 'quire add'", context: context)
        default: return try inspectRaster(path: path, format: format, context: context)
        }
    }

    private static func inspectRaster(path: String, format: SourceFormat, context: ErrorContext) throws(OCRError) -> SourceInspection {
        guard let header = LeptonicaCalls.readHeader(path: path) else {
            throw OCRError(
                .invalidInput, "the \(format.rawValue.uppercased()) header cannot be read: the file is truncated or damaged",
                remedy: "rescan or re-export the page, then add it again", context: context)
        }
        guard header.width > 0, header.height > 0 else {
            throw OCRError(.invalidInput, "the image has no pixels (\(header.width)×\(header.height))", remedy: "rescan the page", context: context)
        }
        let pixels = header.width.multipliedReportingOverflow(by: header.height)
        guard !pixels.overflow, pixels.partialValue <= pixelCap else {
            throw OCRError(
                .imageTooLarge, "the image claims \(header.width)×\(header.height) pixels, over the cap of \(pixelCap / 1_000_000) Mpx",
                remedy: "scale the scan down (300 dpi is plenty for OCR) or split it into tiles", context: context)
        }
        var pages = 1
        if format == .tiff {
            guard let count = LeptonicaCalls.tiffPageCount(path: path), count > 0 else {
                throw OCRError(.invalidInput, "the TIFF's page directory cannot be read", remedy: "re-export the TIFF, or split it into single pages", context: context)
            }
            pages = count
        }
        return SourceInspection(format: format, pageCount: pages, width: header.width, height: header.height)
    }

    private static func inspectPDF(path: String, context: ErrorContext) throws(OCRError) -> SourceInspection {
        let output = try ExternalTool.pdfinfo.run([path], context: context)
        let errorText = output.standardError.lowercased()
        if output.status != 0 {
            if errorText.contains("password") || errorText.contains("encrypt") {
                throw OCRError(.encryptedPDF, "the PDF is encrypted with a password", remedy: "decrypt it first, e.g. 'qpdf --decrypt --password=… in.pdf out.pdf', then add the decrypted copy", context: context)
            }
            throw OCRError(.invalidInput, "the PDF cannot be read (\(firstLine(output.standardError)))", remedy: "repair it (e.g. 'qpdf in.pdf out.pdf') or re-export it", context: context)
        }
        let pages = field("Pages", in: output.standardOutput).flatMap { Int($0) } ?? 0
        guard pages > 0 else {
            throw OCRError(.invalidInput, "the PDF has no pages", remedy: "check that this is the right file", context: context)
        }
        return SourceInspection(format: .pdf, pageCount: pages)
    }

    private static func inspectDjVu(path: String, context: ErrorContext) throws(OCRError) -> SourceInspection {
        let output = try ExternalTool.djvused.run(["-e", "n", path], context: context)
        guard output.status == 0, let pages = Int(output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)), pages > 0 else {
            throw OCRError(.invalidInput, "the DjVu cannot be read (\(firstLine(output.standardError)))", remedy: "re-export it, or convert it to PDF or TIFF", context: context)
        }
        return SourceInspection(format: .djvu, pageCount: pages)
    }

    /// How many digital signatures a PDF carries (`pdfsig`); 0 for an unsigned one.
    public static func signatureCount(pdf path: String) throws(OCRError) -> Int {
        let output = try ExternalTool.pdfsig.run([path], context: ErrorContext(file: path))
        return output.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Signature #") }.count
    }

    /// Whether a PDF is encrypted (even one that opens without a password, which a writer
    /// cannot keep as it is): pdfinfo's `Encrypted: yes`.
    public static func isEncrypted(pdf path: String) throws(OCRError) -> Bool {
        let output = try ExternalTool.pdfinfo.run([path], context: ErrorContext(file: path))
        if output.status != 0 { return output.standardError.lowercased().contains("password") || output.standardError.lowercased().contains("encrypt") }
        return field("Encrypted", in: output.standardOutput)?.hasPrefix("yes") ?? false
    }

    /// The 1-based pages of a PDF that already carry text (`pdftotext` finds some there).
    public static func pagesWithText(pdf path: String, pageCount: Int) throws(OCRError) -> [Int] {
        let output = try TextLayerReader.pdftotext.run(["-enc", "UTF-8", path, "-"], context: ErrorContext(file: path))
        // pdftotext ends every page with a form feed.
        let pages = output.standardOutput.split(separator: "\u{0C}", omittingEmptySubsequences: false).prefix(pageCount)
        return pages.enumerated().filter { !$0.element.allSatisfy(\.isWhitespace) }.map { $0.offset + 1 }
    }

    /// The value of `Name:   value` in pdfinfo's output.
    private static func field(_ name: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    private static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? "no details"
        return line.isEmpty ? "no details" : String(line.prefix(200))
    }
}
