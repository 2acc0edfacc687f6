import Foundation
public import QuireCore

/// Writes a page as hOCR: XHTML (`http://www.w3.org/1999/xhtml`) with `ocr_page`, `ocr_carea`,
/// `ocr_par`, `ocr_line` and `ocrx_word`, and `bbox`, `baseline`, `x_wconf` properties.
///
/// A region's role is a second class on its `ocr_carea` (``RegionRoleTable/hocrClass(for:)``:
/// `ocr_pageno`, `ocr_header`, …, or `ocrx_footnote` where hOCR has no class). A line-end
/// hyphenation mark is written as a soft hyphen (U+00AD) after the last word, which the reader
/// reads back as the mark. Text is sanitised first (O-8); flags go into a `quire-flags` meta.
public struct HOCRWriter: Sendable {
    /// The XHTML namespace.
    public static let namespace = "http://www.w3.org/1999/xhtml"

    /// A writer.
    public init() {}

    /// The page as hOCR bytes (UTF-8); `imageFileName` goes into the page's `image` property.
    public func render(_ page: PageText, imageFileName: String? = nil) throws(XMLError) -> [UInt8] {
        let page = TextSanitizer.sanitize(page)
        let out = try XMLOutput(format: "hOCR")
        try out.open("html", [("xmlns", Self.namespace)])
        try out.open("head")
        try out.element("title", text: imageFileName ?? "")
        try out.element("meta", [("http-equiv", "Content-Type"), ("content", "text/html;charset=utf-8")])
        try out.element("meta", [("name", "ocr-system"), ("content", "Quire")])
        try out.element("meta", [("name", "ocr-capabilities"), ("content", "ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf")])
        if !page.flags.isEmpty {
            try out.element("meta", [("name", "quire-flags"), ("content", page.flags.map(\.rawValue).sorted().joined(separator: " "))])
        }
        try out.close()
        try out.open("body")
        var pageTitle: [String] = []
        if let imageFileName { pageTitle.append("image \"\(imageFileName.replacingOccurrences(of: "\"", with: ""))\"") }
        pageTitle.append("bbox 0 0 \(page.width) \(page.height)")
        pageTitle.append("ppageno 0")
        if let dpi = page.dpi { pageTitle.append("scan_res \(dpi) \(dpi)") }
        try out.open("div", [("class", "ocr_page"), ("id", "page_1"), ("title", pageTitle.joined(separator: "; "))])
        for (regionIndex, region) in page.regions.enumerated() {
            let number = regionIndex + 1
            let box = region.box ?? ReaderSupport.union(of: region.lines)
            let classes = ["ocr_carea", RegionRoleTable.hocrClass(for: region.role)].compactMap { $0 }.joined(separator: " ")
            try out.open("div", [("class", classes), ("id", "block_\(number)"), ("title", Self.title(box: box))])
            try out.open("p", [("class", "ocr_par"), ("id", "par_\(number)"), ("title", Self.title(box: box))])
            for (lineIndex, line) in region.lines.enumerated() {
                try writeLine(line, id: "\(number)_\(lineIndex + 1)", to: out)
            }
            try out.close()  // p
            try out.close()  // div
        }
        try out.close()  // ocr_page
        try out.close()  // body
        try out.close()  // html
        return try out.finish()
    }

    private func writeLine(_ line: TextLine, id: String, to out: XMLOutput) throws(XMLError) {
        let box = line.box ?? BoundingBox.union(of: line.words.compactMap(\.box))
        var properties: [String] = []
        if let box { properties.append("bbox \(box.left) \(box.top) \(box.right) \(box.bottom)") }
        if let baseline = Self.baseline(line.baseline, in: box) { properties.append(baseline) }
        try out.open("span", [("class", "ocr_line"), ("id", "line_\(id)"), ("title", properties.isEmpty ? nil : properties.joined(separator: "; "))])
        for (index, word) in line.words.enumerated() {
            var wordProperties: [String] = []
            if let wordBox = word.box { wordProperties.append("bbox \(wordBox.left) \(wordBox.top) \(wordBox.right) \(wordBox.bottom)") }
            if let confidence = ReaderSupport.writable(word.confidence) { wordProperties.append("x_wconf \(Int((confidence * 100).rounded()))") }
            let isLast = index == line.words.count - 1
            let text = word.text + (isLast && line.endsWithHyphenationMark ? "\u{00AD}" : "")
            try out.element("span", [("class", "ocrx_word"), ("id", "word_\(id)_\(index + 1)"), ("title", wordProperties.isEmpty ? nil : wordProperties.joined(separator: "; "))], text: text)
        }
        try out.close()
    }

    /// `bbox x0 y0 x1 y1`, or nil without a box.
    static func title(box: BoundingBox?) -> String? {
        box.map { "bbox \($0.left) \($0.top) \($0.right) \($0.bottom)" }
    }

    /// Tesseract's `baseline slope offset`, from the first and last points, relative to the
    /// bottom-left corner of the line's box.
    static func baseline(_ baseline: Baseline?, in box: BoundingBox?) -> String? {
        guard let baseline, let box, let first = baseline.points.first, let last = baseline.points.last, last.x != first.x else { return nil }
        let slope = Double(last.y - first.y) / Double(last.x - first.x)
        let offset = Double(first.y) + slope * Double(box.left - first.x) - Double(box.bottom)
        guard slope.isFinite, let rounded = ReaderSupport.integer(offset) else { return nil }
        return "baseline \(Self.decimal(slope)) \(rounded)"
    }

    private static func decimal(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == 0 ? "0" : "\(rounded)"
    }
}
