import Foundation
public import QuireCore

/// Reads hOCR (XHTML) into the text model: Tesseract's `ocr_carea`/`ocr_par`/`ocr_line`/
/// `ocrx_word`, Kraken's `ocr_line` + `ocrx_word` with `x_confs`, and OCRopus's plain-text
/// `ocr_line` spans.
///
/// Each innermost area (`ocr_par`, else `ocr_carea`, a float such as `ocr_pageno`, …) holding
/// lines becomes a region, in document order. A region's role comes from the nearest area class
/// with one (``RegionRoleTable/hocrAreaClasses``), else from its lines when all share a
/// Tesseract line class (`ocr_header` lines are headings), else paragraph.
public struct HOCRReader: Sendable {
    /// Classes of text lines.
    static let lineClasses: Set<String> = ["ocr_line", "ocrx_line"]
    /// Classes of areas that hold lines.
    static let areaClasses: Set<String> = Set(RegionRoleTable.hocrAreaClasses.keys).union(["ocr_carea", "ocr_par", "ocr_column", "ocrx_block", "ocr_float"])

    /// A reader.
    public init() {}

    /// Parses `bytes` safely and reads them; `name` is used in errors and the provenance.
    public func read(bytes: [UInt8], name: String) throws(XMLError) -> PageText {
        try read(SafeXMLDocument(bytes: bytes, name: name))
    }

    /// Reads a parsed hOCR document (one `ocr_page`).
    public func read(_ document: SafeXMLDocument) throws(XMLError) -> PageText {
        let context = ErrorContext(file: document.name)
        guard let root = document.rootElement, root.name.lowercased() == "html" else {
            throw XMLError.notThisFormat("is not hOCR (its root element is <\(document.rootName)>)", context: context)
        }
        let everything = root.descendants
        let pages = everything.filter { Self.classes(of: $0).contains("ocr_page") }
        guard let page = pages.first else {
            throw XMLError.notThisFormat("is XHTML without an ocr_page element, so not hOCR", context: context)
        }
        guard pages.count == 1 else {
            throw XMLError(.invalidInput, "holds \(pages.count) ocr_page elements; Quire imports one page per file", remedy: "split the hOCR into one file per page (e.g. hocr-split)", context: context)
        }
        var found: [FoundLine] = []
        var areaCounter = 0
        visit(page, areas: [], counter: &areaCounter, into: &found)
        let regions = Self.group(found)
        let properties = HOCRProperties(page.attribute("title"))
        let pageBox = properties.box
        var detail = "hOCR"
        let system = everything.first { $0.name == "meta" && $0.attribute("name") == "ocr-system" }?.attribute("content")
        if let system, !system.isEmpty { detail += "; \(system)" }
        let flags = ReaderSupport.flags(fromNote: everything.first { $0.name == "meta" && $0.attribute("name") == "quire-flags" }?.attribute("content").map { "flags: " + $0 })
        let result = PageText(
            width: pageBox?.width ?? 0, height: pageBox?.height ?? 0, dpi: properties.resolution, regions: regions, flags: flags,
            provenance: TextProvenance(engine: "hocr-import", detail: detail, source: document.name))
        return TextSanitizer.sanitize(result)
    }

    /// An area on the way down: a key, its box and the role its classes name.
    private struct Area {
        var key: Int
        var box: BoundingBox?
        var role: RegionRole?
    }

    /// A line with the areas around it.
    private struct FoundLine {
        var line: TextLine
        var lineRole: RegionRole?
        var areas: [Area]
    }

    /// The tokens of the `class` attribute.
    static func classes(of element: XMLTreeElement) -> [String] {
        (element.attribute("class") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private func visit(_ element: XMLTreeElement, areas: [Area], counter: inout Int, into found: inout [FoundLine]) {
        for child in element.children {
            let classes = Self.classes(of: child)
            if classes.contains(where: Self.lineClasses.contains) {
                found.append(FoundLine(line: line(child), lineRole: nil, areas: areas))
            } else if let lineRole = classes.lazy.compactMap({ RegionRoleTable.hocrLineClasses[$0] }).first, Self.isLeafLine(child) {
                found.append(FoundLine(line: line(child), lineRole: lineRole, areas: areas))
            } else if classes.contains(where: Self.areaClasses.contains) {
                counter += 1
                let role = classes.lazy.compactMap { RegionRoleTable.hocrAreaClasses[$0] }.first
                let area = Area(key: counter, box: HOCRProperties(child.attribute("title")).box, role: role)
                visit(child, areas: areas + [area], counter: &counter, into: &found)
            } else {
                visit(child, areas: areas, counter: &counter, into: &found)
            }
        }
    }

    /// True when no line or area is nested inside (so a Tesseract `ocr_header` span is a line).
    private static func isLeafLine(_ element: XMLTreeElement) -> Bool {
        !element.descendants.contains { descendant in
            classes(of: descendant).contains { lineClasses.contains($0) || areaClasses.contains($0) }
        }
    }

    private func line(_ element: XMLTreeElement) -> TextLine {
        let properties = HOCRProperties(element.attribute("title"))
        let wordElements = element.descendants.filter { Self.classes(of: $0).contains("ocrx_word") }
        var words: [Word]
        if wordElements.isEmpty {
            words = ReaderSupport.words(fromText: element.text, confidence: properties.confidence)
        } else {
            words = wordElements.flatMap { wordElement -> [Word] in
                let wordProperties = HOCRProperties(wordElement.attribute("title"))
                let parts = ReaderSupport.words(fromText: wordElement.text, confidence: wordProperties.confidence)
                guard parts.count == 1, var single = parts.first else { return parts }
                single.box = wordProperties.box
                return [single]
            }
        }
        let box = properties.box ?? BoundingBox.union(of: words.compactMap(\.box))
        return ReaderSupport.movingHyphenationMark(TextLine(words: words, box: box, baseline: properties.baseline(in: box)))
    }

    /// Consecutive lines of the same innermost area form a region.
    private static func group(_ lines: [FoundLine]) -> [TextRegion] {
        var regions: [TextRegion] = []
        var currentKey: Int?
        var members: [FoundLine] = []
        func flush() {
            guard let first = members.first else { return }
            let areaRole = first.areas.reversed().lazy.compactMap(\.role).first
            let lineRoles = Set(members.map(\.lineRole))
            let role = areaRole ?? (lineRoles.count == 1 ? lineRoles.first ?? nil : nil) ?? .paragraph
            let box = first.areas.last?.box ?? ReaderSupport.union(of: members.map(\.line))
            regions.append(TextRegion(role: role, lines: members.map(\.line), box: box))
            members = []
        }
        for found in lines {
            let key = found.areas.last?.key ?? 0
            if key != currentKey { flush() }
            currentKey = key
            members.append(found)
        }
        flush()
        return regions
    }
}
