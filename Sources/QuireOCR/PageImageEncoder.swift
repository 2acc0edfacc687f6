import Foundation
public import QuireCore

/// A page's scan as a searchable PDF or DjVu carries it: a JPEG's bytes and a PNG's compressed data
/// unchanged, a bilevel page as CCITT G4, any other page losslessly as Flate; never a lossier
/// encoding than the scan's own.
public struct PageImageEncoder: Sendable {
    /// A folder for pages that must be rendered first (DjVu).
    public let scratch: String

    public init(scratch: String) {
        self.scratch = scratch
    }

    /// The encoded image of `source`'s page, with the resolution the file gives (0 when none).
    /// A PDF page is not re-encoded: its text layer is grafted onto the original page instead.
    public func encode(_ source: PageImageSource) throws(OCRError) -> EncodedPageImage {
        let context = ErrorContext(file: source.path, page: source.pageIndex + 1)
        if source.format == .pdf {
            throw OCRError(.unsupportedFormat, "a PDF page is kept as it is, not re-encoded", remedy: "report this as a bug of Quire", context: context)
        }
        if source.format == .jpeg || source.format == .png, let data = LeptonicaCalls.passthroughData(path: source.path) {
            return data
        }
        let loaded = try PageImageLoader(scratch: scratch).load(source)
        guard var data = LeptonicaCalls.losslessData(loaded.image) else {
            throw OCRError(.invalidInput, "the page image could not be compressed for the PDF", remedy: "convert the scan to PNG or TIFF and try again", context: context)
        }
        if data.dpi == 0 { data.dpi = loaded.dpi }
        return data
    }

    /// A page decoded and written as PNM (PBM for a bilevel page) for an encoder that takes
    /// files (djvulibre's `c44` and `cjb2`): the file, the page's resolution (0 when unknown)
    /// and whether it is bilevel. A PDF page is taken as `quire ocr` reads it (its one image at
    /// its own resolution, or rendered).
    public func writePNM(_ source: PageImageSource, to path: String) throws(OCRError) -> (dpi: Int, bilevel: Bool, width: Int, height: Int) {
        let loaded = try PageImageLoader(scratch: scratch).load(source)
        let result = LeptonicaCalls.writePNM(loaded.image, path: path)
        guard result.written else {
            throw OCRError(.outputNotWritable, "the page image could not be written for the DjVu encoder", remedy: "check the free space in the temporary folder", context: ErrorContext(file: source.path, page: source.pageIndex + 1))
        }
        let geometry = LeptonicaCalls.geometry(loaded.image)
        return (loaded.dpi, result.bilevel, geometry.width, geometry.height)
    }
}
