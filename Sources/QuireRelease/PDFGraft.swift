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
    /// (under a temporary name, then renamed): nothing of the original is changed or removed.
    /// (Recompressing its Flate streams was tried: qpdf drops a PNG predictor when it does, and
    /// colour scans with one grew by a third to a half.)
    public static func graft(layer: String, onto original: String, output: String) throws(ReleaseError) {
        let temporary = OutputFile.temporaryPath(for: output)
        defer { OutputFile.discard(temporary) }
        // Object streams: the layer's many small font and form objects compress together (a
        // 12-page typescript grew by 3.9% without them, 1.0% with them).
        let result = try ReleaseTool.qpdf.run(["--object-streams=generate", "--overlay", layer, "--", original, temporary], context: ErrorContext(file: original))
        // qpdf exits 3 for warnings (a damaged but readable original): the output is complete.
        guard result.status == 0 || result.status == 3 else {
            throw ReleaseError(.invalidInput, "qpdf could not add the text layer (\(result.error.split(separator: "\n").first ?? "no details"))", remedy: "repair the PDF (e.g. 'qpdf in.pdf out.pdf') and try again", context: ErrorContext(file: original))
        }
        do { try OutputFile.replace(output, with: temporary) } catch {
            throw ReleaseError(.outputNotWritable, "the PDF could not be put in place: \(error.message)", remedy: "check that the folder is writable", context: ErrorContext(file: output))
        }
    }
}
