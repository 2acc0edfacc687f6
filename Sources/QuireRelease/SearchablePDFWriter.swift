import Foundation
public import QuireCore

/// Writes a searchable PDF page by page: each page is its scan, passed through in the encoding it
/// came in, under an invisible text layer. Pages go to the file as they are added, so memory
/// holds one page; the file is written under a temporary name beside `path` and renamed into
/// place by `finish()`, so no partial output is ever left at `path`.
public final class SearchablePDFWriter {
    private let path: String
    private let temporary: String
    private let sink: PDFFileSink
    private let info: PDFDocumentInfo
    private let pagesNumber: Int
    /// The shared font program and ToUnicode map.
    private let fontProgram: Int, toUnicode: Int
    /// The font variants used so far: their Type0, CIDFont and descriptor object numbers.
    private var variants: [FontMetrics: [Int]] = [:]
    private var pageNumbers: [Int] = []
    private var finished = false

    /// Starts a PDF that will be `path` once finished.
    public init(path: String, info: PDFDocumentInfo) throws(ReleaseError) {
        self.path = path
        self.info = info
        let created: (path: String, handle: FileHandle)
        do { created = try OutputFile.create(for: path) } catch { throw ReleaseError(error.code, error.message, remedy: error.remedy, context: error.context) }
        temporary = created.path
        let sink = try PDFFileSink(handle: created.handle, path: path)
        self.sink = sink
        pagesNumber = sink.reserve()
        fontProgram = sink.reserve()
        toUnicode = sink.reserve()
    }

    deinit {
        if !finished { OutputFile.discard(temporary) }
    }

    /// The number of pages added so far.
    public var pageCount: Int { pageNumbers.count }

    /// Adds a page showing `image` at its resolution (300 ppi when it does not say), with `text`
    /// (boxes in the image's pixels) as its invisible layer.
    public func addPage(image: EncodedPageImage, text: PageText?) throws(ReleaseError) {
        guard image.width > 0, image.height > 0 else {
            throw ReleaseError(.invalidInput, "a page image has no pixels", remedy: "rescan the page")
        }
        let dpi = Double(image.dpi > 0 ? image.dpi : (text?.dpi ?? 300))
        let width = Double(image.width) * 72 / dpi, height = Double(image.height) * 72 / dpi
        let imageNumber = sink.reserve()
        try sink.write(imageNumber, dictionary: Self.imageDictionary(image), stream: image.bytes)
        var content = "q \(PDFSyntax.number(width)) 0 0 \(PDFSyntax.number(height)) 0 0 cm /Im0 Do Q\n"
        var fonts = Set<FontMetrics>()
        if let text, text.width > 0, text.height > 0 {
            let layer = TextLayer(text: text, scaleX: width / Double(text.width), scaleY: height / Double(text.height), pageHeight: height).content()
            content += layer.operators
            fonts = layer.fonts
        }
        try writePage(width: width, height: height, content: content, resources: " /XObject << /Im0 \(imageNumber) 0 R >>" + fontResources(fonts))
    }

    /// Writes a page's content stream (compressed) and its page object.
    private func writePage(width: Double, height: Double, content: String, resources: String, rotation: Int = 0) throws(ReleaseError) {
        let contentNumber = sink.reserve(), pageNumber = sink.reserve()
        try sink.write(contentNumber, dictionary: "/Filter /FlateDecode", stream: try DeflateCalls.compress(Array(content.utf8)))
        try sink.write(
            pageNumber,
            "<< /Type /Page /Parent \(pagesNumber) 0 R /MediaBox [0 0 \(PDFSyntax.number(width)) \(PDFSyntax.number(height))]\(rotation == 0 ? "" : " /Rotate \(rotation)") /Resources <<\(resources) >> /Contents \(contentNumber) 0 R >>")
        pageNumbers.append(pageNumber)
    }

    /// Adds a page of `width × height` points holding only the invisible `text` (boxes in pixels
    /// of an image of the page seen upright, `text.width × text.height`), for grafting onto an
    /// existing page; a page rotated by `rotation` degrees (its /Rotate) gets the layer turned so
    /// that it lies on the page as shown.
    public func addTextPage(width: Double, height: Double, rotation: Int = 0, text: PageText?) throws(ReleaseError) {
        var content = ""
        var fonts = Set<FontMetrics>()
        if let text, text.width > 0, text.height > 0 {
            let turn = ((rotation % 360) + 360) % 360
            // The upright view is the page turned clockwise by `turn`: its size and the matrix that
            // takes the view's coordinates back onto the page.
            let (viewWidth, viewHeight) = turn == 90 || turn == 270 ? (height, width) : (width, height)
            let matrix: String
            switch turn {
            case 90: matrix = "0 1 -1 0 \(PDFSyntax.number(width)) 0"
            case 180: matrix = "-1 0 0 -1 \(PDFSyntax.number(width)) \(PDFSyntax.number(height))"
            case 270: matrix = "0 -1 1 0 0 \(PDFSyntax.number(height))"
            default: matrix = "1 0 0 1 0 0"
            }
            let layer = TextLayer(text: text, scaleX: viewWidth / Double(text.width), scaleY: viewHeight / Double(text.height), pageHeight: viewHeight).content()
            if !layer.operators.isEmpty { content = "q \(matrix) cm\n" + layer.operators + "Q\n" }
            fonts = layer.fonts
        }
        // The same /Rotate as the page it goes onto: qpdf turns an overlay whose rotation
        // differs from its page's, and then shrinks it to fit.
        try writePage(width: width, height: height, content: content, resources: fontResources(fonts), rotation: ((rotation % 360) + 360) % 360)
    }

    /// Writes the page tree, font, metadata and trailer, and renames the file into place.
    public func finish() throws(ReleaseError) {
        try GlyphlessFont.writeShared(to: sink, program: fontProgram, toUnicode: toUnicode)
        for (metrics, numbers) in variants.sorted(by: { $0.key < $1.key }) {
            try GlyphlessFont.writeVariant(metrics, numbers: numbers, program: fontProgram, toUnicode: toUnicode, to: sink)
        }
        try sink.write(pagesNumber, "<< /Type /Pages /Kids [\(pageNumbers.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageNumbers.count) >>")
        let metadata = sink.reserve(), infoNumber = sink.reserve(), catalogue = sink.reserve()
        try sink.write(metadata, dictionary: "/Type /Metadata /Subtype /XML", stream: Array(info.xmp.utf8))
        try sink.write(infoNumber, info.dictionary)
        let language = info.language.map { " /Lang \(PDFSyntax.text($0))" } ?? ""
        try sink.write(catalogue, "<< /Type /Catalog /Pages \(pagesNumber) 0 R /Metadata \(metadata) 0 R\(language) >>")
        try sink.finish(root: catalogue, info: infoNumber, id: UUID().uuidString.replacingOccurrences(of: "-", with: ""))
        do { try OutputFile.replace(path, with: temporary) } catch {
            throw ReleaseError(.outputNotWritable, "the PDF could not be put in place: \(error.message)", remedy: "check that the folder is writable", context: ErrorContext(file: path))
        }
        finished = true
    }

    /// A page's `/Font` resources for the variants it uses, reserving numbers for new ones.
    private func fontResources(_ fonts: Set<FontMetrics>) -> String {
        guard !fonts.isEmpty else { return "" }
        let entries = fonts.sorted().map { metrics -> String in
            if variants[metrics] == nil { variants[metrics] = (0..<3).map { _ in sink.reserve() } }
            return "/\(metrics.resourceName) \(variants[metrics]![0]) 0 R"
        }
        return " /Font << " + entries.joined(separator: " ") + " >>"
    }

    /// The image XObject's dictionary for `image`'s encoding, so that its bytes go in unchanged.
    static func imageDictionary(_ image: EncodedPageImage) -> String {
        var entries = "/Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height) /BitsPerComponent \(image.bitsPerComponent)"
        switch image.colour {
        case .gray: entries += " /ColorSpace /DeviceGray"
        case .rgb: entries += " /ColorSpace /DeviceRGB"
        case .cmyk: entries += " /ColorSpace /DeviceCMYK"
        case .indexed(let palette):
            let colours = max(1, palette.count / 3)
            entries += " /ColorSpace [/Indexed /DeviceRGB \(colours - 1) <\(palette.map { String(format: "%02X", $0) }.joined())>]"
        }
        switch image.encoding {
        case .jpeg: entries += " /Filter /DCTDecode"
        case .ccittG4:
            entries += " /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns \(image.width) /Rows \(image.height)\(image.blackIs1 ? " /BlackIs1 true" : "") >>"
        case .flate:
            entries += " /Filter /FlateDecode"
            if image.pngPredictors {
                entries += " /DecodeParms << /Predictor 15 /Colors \(image.components) /BitsPerComponent \(image.bitsPerComponent) /Columns \(image.width) >>"
            }
        }
        return entries
    }
}
