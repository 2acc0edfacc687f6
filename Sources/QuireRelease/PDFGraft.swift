import Foundation
public import QuireCore

/// Adds a text layer to an existing PDF the way OCRmyPDF grafts: the original pages stay as they
/// are (vector content, images, annotations, metadata, page size), and each gets Quire's layer
/// drawn over it (`qpdf --overlay`). The layer is made by `SearchablePDFWriter.addTextPage`.
public enum PDFGraft {
    /// One page of the original: its size in points and its /Rotate.
    public struct PageGeometry: Sendable, Hashable {
        public var width: Double
        public var height: Double
        public var rotation: Int
    }

    /// The size and rotation of every page of `pdf` (`pdfinfo -f 1 -l N`).
    public static func pages(of pdf: String, count: Int) throws(ReleaseError) -> [PageGeometry] {
        let context = ErrorContext(file: pdf)
        let result = try ReleaseTool.pdfinfo.run(["-f", "1", "-l", String(max(1, count)), pdf], context: context)
        var sizes: [Int: (Double, Double)] = [:], rotations: [Int: Int] = [:]
        for line in result.output.split(separator: "\n") where line.hasPrefix("Page ") {
            let fields = line.split(whereSeparator: { $0 == " " })
            guard fields.count >= 4, let page = Int(fields[1]) else { continue }
            if fields[2] == "size:", let width = Double(fields[3]), fields.count >= 6, let height = Double(fields[5]) {
                sizes[page] = (width, height)
            } else if fields[2] == "rot:", let rotation = Int(fields[3]) {
                rotations[page] = rotation
            }
        }
        return try (1...max(1, count)).map { page throws(ReleaseError) in
            guard let size = sizes[page] else {
                throw ReleaseError(.invalidInput, "the size of the page cannot be read (\(result.error.split(separator: "\n").first ?? "no details"))", remedy: "repair the PDF (e.g. 'qpdf in.pdf out.pdf')", context: ErrorContext(file: pdf, page: page))
            }
            return PageGeometry(width: size.0, height: size.1, rotation: rotations[page] ?? 0)
        }
    }

    /// Writes `original` with `layer`'s pages drawn over its pages, one for one, to `output`
    /// (under a temporary name, then renamed): nothing of the original's content is changed or
    /// removed. Its zlib (Flate) streams are compressed again, losslessly — the same bytes once
    /// decoded, so the same pixels (OCRmyPDF's default optimisation does as much) — because
    /// scanners and `img2pdf` leave them loosely compressed; JPEG, JBIG2 and CCITT data are
    /// copied as they are.
    public static func graft(layer: String, onto original: String, output: String) throws(ReleaseError) {
        let temporary = OutputFile.temporaryPath(for: output)
        defer { OutputFile.discard(temporary) }
        // Object streams: the layer's many small font and form objects compress together (a
        // 12-page typescript grew by 3.9% without them, 1.0% with them). Flate again at level 6:
        // 9% smaller for 0.2 s of CPU a page on img2pdf'd PNG scans; level 9 gains 5% more for
        // four times the CPU.
        let result = try ReleaseTool.qpdf.run(
            ["--object-streams=generate", "--recompress-flate", "--compression-level=6", "--overlay", layer, "--", original, temporary], context: ErrorContext(file: original))
        // qpdf exits 3 for warnings (a damaged but readable original): the output is complete.
        guard result.status == 0 || result.status == 3 else {
            throw ReleaseError(.invalidInput, "qpdf could not add the text layer (\(result.error.split(separator: "\n").first ?? "no details"))", remedy: "repair the PDF (e.g. 'qpdf in.pdf out.pdf') and try again", context: ErrorContext(file: original))
        }
        do { try OutputFile.replace(output, with: temporary) } catch {
            throw ReleaseError(.outputNotWritable, "the PDF could not be put in place: \(error.message)", remedy: "check that the folder is writable", context: ErrorContext(file: output))
        }
    }
}
