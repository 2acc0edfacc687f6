import Foundation
import QuireCore

/// What a PDF page is made of, as far as reading it goes: its size and rotation (`pdfinfo`) and
/// the images drawn on it (`pdfimages -list`). A page that is one image covering the page — a
/// scan — is read from that image at its own resolution; any other page is rendered.
struct PDFPageLayout: Hashable, Sendable {
    /// One row of `pdfimages -list`.
    struct Image: Hashable, Sendable {
        /// `image`, `mask`, `smask` or `stencil`.
        var type: String
        var width: Int
        var height: Int
        /// `gray`, `rgb`, `cmyk`, `index`, `icc`, …
        var color: String
        var bitsPerComponent: Int
        /// `jpeg`, `ccitt`, `image` (Flate or raw), `jbig2`, `jpx`, …
        var encoding: String
        var xPPI: Double
        var yPPI: Double
    }

    /// The page size in points, unrotated.
    var width: Double
    var height: Double
    /// The page's /Rotate, in degrees.
    var rotation: Int
    var images: [Image]

    /// How a page is read.
    enum Reading: Hashable, Sendable {
        /// The page's only image, extracted as it is stored; `jpeg` when it may be written as a
        /// JPEG file unchanged, and its resolution.
        case embeddedImage(jpeg: Bool, dpi: Int)
        /// Rendered by poppler at this resolution.
        case render(dpi: Int)
    }

    /// How far the image's size at its resolution may differ from the page's and still count as
    /// covering it (img2pdf and scanners round the resolution).
    static let coverTolerance = 0.02

    /// The way to read this page: its one image when it is a scan (one image, no masks, page not
    /// rotated, the image covering the page at its own resolution, under the pixel cap); otherwise
    /// a render at the largest image's resolution (`preferred` when there is none), lowered to
    /// keep the page under the pixel cap.
    func reading(preferred: Int) -> Reading {
        if images.count == 1, let image = images.first, image.type == "image", rotation % 360 == 0,
            image.width > 0, image.height > 0, image.xPPI > 0, image.yPPI > 0,
            abs(image.xPPI - image.yPPI) <= Self.coverTolerance * image.xPPI,
            Self.close(Double(image.width) / image.xPPI * 72, width), Self.close(Double(image.height) / image.yPPI * 72, height),
            image.width * image.height <= SourceInspector.pixelCap
        {
            let jpeg = image.encoding == "jpeg" && (image.color == "gray" || image.color == "rgb")
            return .embeddedImage(jpeg: jpeg, dpi: Int(image.xPPI.rounded()))
        }
        let largest = images.filter { $0.type == "image" }.map { max($0.xPPI, $0.yPPI) }.max()
        let wanted = largest.map { min(600, max(150, Int($0.rounded()))) } ?? preferred
        return .render(dpi: Self.resolution(width: width, height: height, preferred: wanted))
    }

    private static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= coverTolerance * max(a, b)
    }

    /// The preferred resolution for a page of `width × height` points, lowered so that the page
    /// stays under the pixel cap and 32767 px a side.
    static func resolution(width: Double, height: Double, preferred: Int) -> Int {
        let inchesWide = width / 72, inchesHigh = height / 72
        guard inchesWide > 0, inchesHigh > 0 else { return preferred }
        let byPixels = (Double(SourceInspector.pixelCap) / (inchesWide * inchesHigh)).squareRoot()
        let bySide = 32767 / max(inchesWide, inchesHigh)
        return max(36, min(preferred, Int(min(byPixels, bySide))))
    }

    /// The layout from `pdfinfo -f N -l N` and `pdfimages -list -f N -l N` output; nil when the
    /// page size cannot be found.
    static func parse(info: String, imageList: String) -> PDFPageLayout? {
        var size: (Double, Double)?
        var rotation = 0
        for line in info.split(separator: "\n") where line.hasPrefix("Page") {
            let fields = line.split(whereSeparator: { $0 == " " })
            if line.contains("size:") {
                let numbers = fields.compactMap { Double($0) }
                if numbers.count >= 3 { size = (numbers[numbers.count - 2], numbers[numbers.count - 1]) }
            } else if line.contains("rot:"), let last = fields.last, let value = Int(last) {
                rotation = value
            }
        }
        guard let size else { return nil }
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        let images = imageList.split(separator: "\n").dropFirst(2).compactMap { row -> Image? in
            let f = row.split(whereSeparator: { $0 == " " }).map(String.init)
            guard f.count >= 14, let width = Int(f[3]), let height = Int(f[4]), let bpc = Int(f[7]),
                let x = Double(f[12]), let y = Double(f[13])
            else { return nil }
            return Image(type: f[2], width: width, height: height, color: f[5], bitsPerComponent: bpc, encoding: f[8], xPPI: x, yPPI: y)
        }
        return PDFPageLayout(width: size.0, height: size.1, rotation: rotation, images: images)
    }
}
