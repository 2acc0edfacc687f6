import Foundation
import QuireCore

/// Reads the text layer a PDF or DjVu page already carries (`pdftotext`, `djvutxt`), for
/// `--use-text-layer`: paragraphs from blank lines, lines as printed, no boxes or confidences.
struct TextLayerReader {
    static let pdftotext = ExternalTool(name: "pdftotext", package: "poppler-utils")
    static let djvutxt = ExternalTool(name: "djvutxt", package: "djvulibre-bin")

    /// The page's text layer, or nil when the page has none (then it is OCR'd instead).
    func read(_ source: PageImageSource) throws(OCRError) -> PageText? {
        let context = ErrorContext(file: source.path, page: source.pageIndex + 1)
        let page = String(source.pageIndex + 1)
        let output: ExternalTool.Output
        switch source.format {
        case .pdf: output = try Self.pdftotext.run(["-f", page, "-l", page, "-enc", "UTF-8", source.path, "-"], context: context)
        case .djvu: output = try Self.djvutxt.run(["--page=\(page)", source.path], context: context)
        default: return nil
        }
        guard output.status == 0 else {
            throw OCRError(.invalidInput, "the text layer cannot be read", remedy: "OCR the page instead (leave out --use-text-layer)", context: context)
        }
        let text = output.standardOutput.replacingOccurrences(of: "\u{0C}", with: "")
        guard text.contains(where: { !$0.isWhitespace }) else { return nil }
        return Self.page(from: text, engine: source.format == .pdf ? "pdf text layer (pdftotext)" : "djvu text layer (djvutxt)")
    }

    /// Text → the model: a region per blank-line-separated block, a line per line, words by spaces.
    static func page(from text: String, engine: String) -> PageText {
        var regions: [TextRegion] = []
        var lines: [TextLine] = []
        func close() {
            if !lines.isEmpty { regions.append(TextRegion(role: .paragraph, lines: lines)) }
            lines = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map { Word(text: String($0)) }
            if words.isEmpty { close() } else { lines.append(TextLine(words: words)) }
        }
        close()
        return PageText(width: 0, height: 0, regions: regions, provenance: TextProvenance(engine: engine))
    }
}
