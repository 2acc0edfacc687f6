import Foundation
public import QuireCore

/// Writes a page as ALTO 4 (`http://www.loc.gov/standards/alto/ns-v4#`), in pixels.
///
/// Regions become `TextBlock`s tagged with SegmOnto labels (``RegionRoleTable/segmontoLabel``),
/// words `String`s with `WC`, spaces `SP`, and a line-end hyphenation mark `HYP` (with
/// `SUBS_TYPE`/`SUBS_CONTENT` when the word continues on the next line of the block). Text is
/// sanitised first (quality bar O-8); the page's flags, `sanitised_text` included, are written
/// in `processingStepSettings`.
public struct ALTOWriter: Sendable {
    /// The ALTO 4 namespace.
    public static let namespace = "http://www.loc.gov/standards/alto/ns-v4#"
    /// Where the schema is.
    public static let schemaLocation = "http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/standards/alto/v4/alto-4-2.xsd"

    /// A writer.
    public init() {}

    /// The page as ALTO 4 bytes (UTF-8); `imageFileName` goes into `sourceImageInformation`.
    public func render(_ page: PageText, imageFileName: String? = nil) throws(XMLError) -> [UInt8] {
        let page = TextSanitizer.sanitize(page)
        let out = try XMLOutput(format: "ALTO")
        var roles: [RegionRole] = []
        for region in page.regions where !roles.contains(region.role) { roles.append(region.role) }
        let tagIDs = Dictionary(uniqueKeysWithValues: roles.enumerated().map { ($1, "BT\($0 + 1)") })
        try out.open("alto", [("xmlns", Self.namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"), ("xsi:schemaLocation", Self.schemaLocation)])
        try writeDescription(page, imageFileName: imageFileName ?? page.provenance?.source, to: out)
        if !roles.isEmpty {
            try out.open("Tags")
            for (index, role) in roles.enumerated() {
                let label = RegionRoleTable.segmontoLabel[role] ?? "CustomZone"
                try out.element("OtherTag", [("ID", "BT\(index + 1)"), ("LABEL", label), ("DESCRIPTION", "block type \(label)")])
            }
            try out.close()
        }
        try out.open("Layout")
        try out.open("Page", [("ID", "page_1"), ("PHYSICAL_IMG_NR", "1"), ("WIDTH", "\(page.width)"), ("HEIGHT", "\(page.height)")])
        try out.open("PrintSpace", [("HPOS", "0"), ("VPOS", "0"), ("WIDTH", "\(page.width)"), ("HEIGHT", "\(page.height)")])
        for (regionIndex, region) in page.regions.enumerated() {
            let id = "block_\(regionIndex + 1)"
            try out.open("TextBlock", [("ID", id)] + Self.position(region.box ?? ReaderSupport.union(of: region.lines)) + [("TAGREFS", tagIDs[region.role])])
            for (lineIndex, line) in region.lines.enumerated() {
                let continuation = line.endsWithHyphenationMark && lineIndex + 1 < region.lines.count ? region.lines[lineIndex + 1].words.first?.text : nil
                let previous = lineIndex > 0 ? region.lines[lineIndex - 1] : nil
                let carried = previous.flatMap { $0.endsWithHyphenationMark ? $0.words.last?.text : nil }
                try writeLine(line, id: "\(id)_line_\(lineIndex + 1)", continuation: continuation, carried: carried, to: out)
            }
            try out.close()
        }
        try out.close()  // PrintSpace
        try out.close()  // Page
        try out.close()  // Layout
        try out.close()  // alto
        return try out.finish()
    }

    private func writeDescription(_ page: PageText, imageFileName: String?, to out: XMLOutput) throws(XMLError) {
        try out.open("Description")
        try out.element("MeasurementUnit", text: "pixel")
        try out.open("sourceImageInformation")
        try out.element("fileName", text: imageFileName ?? "")
        try out.close()
        try out.open("Processing", [("ID", "processing_1")])
        if let provenance = page.provenance {
            try out.element("processingStepDescription", text: [provenance.engine, provenance.detail].compactMap { $0 }.joined(separator: "; "))
        }
        if !page.flags.isEmpty {
            try out.element("processingStepSettings", text: "flags: " + page.flags.map(\.rawValue).sorted().joined(separator: " "))
        }
        try out.open("processingSoftware")
        try out.element("softwareName", text: "Quire")
        try out.close()
        try out.close()  // Processing
        try out.close()  // Description
    }

    /// `carried` is the first half of a word hyphenated on the previous line; `continuation` the
    /// second half of this line's hyphenated last word.
    private func writeLine(_ line: TextLine, id: String, continuation: String?, carried: String?, to out: XMLOutput) throws(XMLError) {
        let box = line.box ?? BoundingBox.union(of: line.words.compactMap(\.box))
        let baseline = line.baseline.map { $0.points.map { "\($0.x),\($0.y)" }.joined(separator: " ") }
        try out.open("TextLine", [("ID", id)] + Self.position(box) + [("BASELINE", baseline)])
        for (index, word) in line.words.enumerated() {
            if index > 0 {
                let gap = Self.gap(between: line.words[index - 1].box, and: word.box)
                try out.element("SP", gap.map { [("HPOS", "\($0.x)"), ("VPOS", "\($0.y)"), ("WIDTH", "\($0.width)")] } ?? [])
            }
            var substitution: [(String, String?)] = []
            if index == line.words.count - 1, line.endsWithHyphenationMark {
                substitution = [("SUBS_TYPE", "HypPart1"), ("SUBS_CONTENT", continuation.map { word.text + $0 })]
                if continuation == nil { substitution = [] }
            } else if index == 0, let carried {
                substitution = [("SUBS_TYPE", "HypPart2"), ("SUBS_CONTENT", carried + word.text)]
            }
            let confidence = ReaderSupport.writable(word.confidence).map { String(format: "%.4f", $0) }
            try out.element("String", [("ID", "\(id)_string_\(index + 1)"), ("CONTENT", word.text)] + Self.position(word.box) + [("WC", confidence)] + substitution)
        }
        if line.endsWithHyphenationMark { try out.element("HYP", [("CONTENT", "-")]) }
        try out.close()
    }

    /// `HPOS`, `VPOS`, `WIDTH`, `HEIGHT` of a box, or nothing.
    static func position(_ box: BoundingBox?) -> [(String, String?)] {
        guard let box else { return [] }
        return [("HPOS", "\(box.x)"), ("VPOS", "\(box.y)"), ("WIDTH", "\(box.width)"), ("HEIGHT", "\(box.height)")]
    }

    /// The space between two word boxes on a line, when both are known and apart.
    static func gap(between left: BoundingBox?, and right: BoundingBox?) -> BoundingBox? {
        guard let left, let right, right.left > left.right else { return nil }
        return BoundingBox(left: left.right, top: min(left.top, right.top), right: right.left, bottom: max(left.bottom, right.bottom))
    }
}
