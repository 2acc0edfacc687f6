public import Foundation
public import QuireCore

/// Writes a page as PAGE-XML 2019-07-15.
///
/// Regions become `TextRegion`s with a `type` (``RegionRoleTable/pageType(for:)``; roles PAGE
/// lacks are `other` with `custom="structure {type:verse;}"`), listed in an `OrderedGroup`
/// reading order. Lines carry `Coords`, `Baseline`, `Word`s (when every word has a box) and a
/// `TextEquiv`; regions a `TextEquiv` of their lines. A line-end hyphenation mark is written
/// `¬`. Text is sanitised first (O-8); the page's flags go into `Metadata/Comments`.
public struct PageXMLWriter: Sendable {
    /// The PAGE 2019-07-15 namespace.
    public static let namespace = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
    /// Where the schema is.
    public static let schemaLocation = namespace + " " + namespace + "/pagecontent.xsd"

    /// A writer.
    public init() {}

    /// The page as PAGE-XML bytes (UTF-8). `created` fills `Created` and `LastChange`.
    public func render(_ page: PageText, imageFileName: String? = nil, created: Date = Date()) throws(XMLError) -> [UInt8] {
        let page = TextSanitizer.sanitize(page)
        let out = try XMLOutput(format: "PAGE-XML")
        try out.open("PcGts", [("xmlns", Self.namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"), ("xsi:schemaLocation", Self.schemaLocation)])
        let timestamp = ISO8601DateFormatter().string(from: created)
        try out.open("Metadata")
        try out.element("Creator", text: "Quire")
        try out.element("Created", text: timestamp)
        try out.element("LastChange", text: timestamp)
        if !page.flags.isEmpty {
            try out.element("Comments", text: "flags: " + page.flags.map(\.rawValue).sorted().joined(separator: " "))
        }
        try out.close()
        let image = imageFileName ?? page.provenance?.source ?? ""
        try out.open("Page", [("imageFilename", image), ("imageWidth", "\(page.width)"), ("imageHeight", "\(page.height)")])
        if !page.regions.isEmpty {
            try out.open("ReadingOrder")
            try out.open("OrderedGroup", [("id", "ro_1"), ("caption", "Regions reading order")])
            for index in page.regions.indices {
                try out.element("RegionRefIndexed", [("index", "\(index)"), ("regionRef", "r\(index + 1)")])
            }
            try out.close()
            try out.close()
        }
        for (regionIndex, region) in page.regions.enumerated() {
            let id = "r\(regionIndex + 1)"
            let type = RegionRoleTable.pageType(for: region.role)
            try out.open("TextRegion", [("id", id), ("type", type.type), ("custom", type.structure.map { "structure {type:\($0);}" })])
            try out.element("Coords", [("points", Self.points(region.box ?? ReaderSupport.union(of: region.lines)))])
            for (lineIndex, line) in region.lines.enumerated() {
                try writeLine(line, id: "\(id)_l\(lineIndex + 1)", to: out)
            }
            try writeTextEquiv(region.lines.map(Self.text).joined(separator: "\n"), confidence: nil, to: out)
            try out.close()
        }
        try out.close()  // Page
        try out.close()  // PcGts
        return try out.finish()
    }

    private func writeLine(_ line: TextLine, id: String, to out: XMLOutput) throws(XMLError) {
        try out.open("TextLine", [("id", id)])
        try out.element("Coords", [("points", Self.points(line.box ?? BoundingBox.union(of: line.words.compactMap(\.box))))])
        if let baseline = line.baseline {
            try out.element("Baseline", [("points", baseline.points.map { "\($0.x),\($0.y)" }.joined(separator: " "))])
        }
        if !line.words.isEmpty, line.words.allSatisfy({ $0.box != nil }) {
            for (index, word) in line.words.enumerated() {
                try out.open("Word", [("id", "\(id)_w\(index + 1)")])
                try out.element("Coords", [("points", Self.points(word.box))])
                let mark = index == line.words.count - 1 && line.endsWithHyphenationMark ? "\u{00AC}" : ""
                try writeTextEquiv(word.text + mark, confidence: word.confidence, to: out)
                try out.close()
            }
        }
        let known = line.words.compactMap(\.confidence)
        try writeTextEquiv(Self.text(line), confidence: known.count == line.words.count && !known.isEmpty ? known.min() : nil, to: out)
        try out.close()
    }

    private func writeTextEquiv(_ text: String, confidence: Confidence?, to out: XMLOutput) throws(XMLError) {
        try out.open("TextEquiv", [("conf", ReaderSupport.writable(confidence).map { String(format: "%.4f", $0) })])
        try out.element("Unicode", text: text)
        try out.close()
    }

    /// A line's text with its hyphenation mark written `¬`.
    static func text(_ line: TextLine) -> String {
        line.text + (line.endsWithHyphenationMark ? "\u{00AC}" : "")
    }

    /// A box as a clockwise polygon `x,y x,y x,y x,y`; a zero box at the origin when unknown
    /// (PAGE requires coordinates).
    static func points(_ box: BoundingBox?) -> String {
        let box = box ?? BoundingBox(x: 0, y: 0, width: 0, height: 0)
        return "\(box.left),\(box.top) \(box.right),\(box.top) \(box.right),\(box.bottom) \(box.left),\(box.bottom)"
    }
}
