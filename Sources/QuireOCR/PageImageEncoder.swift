import Foundation
public import QuireCore

/// A page's scan as a searchable PDF carries it: a JPEG's bytes and a PNG's compressed data
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
}
