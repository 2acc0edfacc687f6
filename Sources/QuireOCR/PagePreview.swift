public import Foundation
public import QuireCore

/// A page's scan as a browser shows it (`quire serve`): decoded like for OCR (a TIFF page alone,
/// PDF and DjVu pages rendered), scaled down with Leptonica to at most ``maximumWidth`` pixels
/// wide (area-averaged, so thin strokes stay readable), and written as JPEG.
public enum PagePreview {
    /// The widest preview made; a narrower scan keeps its width.
    public static let maximumWidth = 1600
    /// JPEG quality of previews.
    static let quality = 85

    /// The JPEG preview of `source`; `scratch` is a folder for rendered PDF and DjVu pages.
    public static func jpeg(of source: PageImageSource, scratch: String) throws(OCRError) -> Data {
        let context = ErrorContext(file: source.path, page: source.pageIndex + 1)
        let page = try PageImageLoader(pdfDPI: 150, scratch: scratch).load(source).image
        var image = page
        let width = LeptonicaCalls.geometry(page).width
        if width > maximumWidth, let scaled = LeptonicaCalls.scaled(page, by: Double(maximumWidth) / Double(width)) { image = scaled }
        if ![8, 32].contains(LeptonicaCalls.geometry(image).depth), let grey = LeptonicaCalls.grey(image) { image = grey }
        guard let data = LeptonicaCalls.jpeg(image, quality: quality) else {
            throw OCRError(.internalError, "the page's preview cannot be written", remedy: "report this as a bug with the scan", context: context)
        }
        return data
    }
}
