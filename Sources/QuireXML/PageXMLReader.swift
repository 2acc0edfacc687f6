import Foundation
public import QuireCore

/// Reads PAGE-XML (2013-07-15, 2019-07-15 and older PRImA namespaces) into the text model.
///
/// Regions come in the order of the `ReadingOrder` (groups flattened, `OrderedGroup`s by
/// `index`), then any region it leaves out, in document order. Text is taken from `Word`s when
/// they have it, else from the `TextLine`, else from the region; of several `TextEquiv`s the
/// lowest `index` wins, else the highest `conf`. Lines inside a region follow the region's own
/// text when that is a reordering of the line texts (lines are not always stored in reading
/// order). Roles come from `@type`, or a `custom="structure {type:…}"` (eScriptorium, SegmOnto).
public struct PageXMLReader: Sendable {
    /// A reader.
    public init() {}

    /// Parses `bytes` safely and reads them; `name` is used in errors and the provenance.
    public func read(bytes: [UInt8], name: String) throws(XMLError) -> PageText {
        try read(SafeXMLDocument(bytes: bytes, name: name))
    }

    /// Reads a parsed PAGE document.
    public func read(_ document: SafeXMLDocument) throws(XMLError) -> PageText {
        let context = ErrorContext(file: document.name)
        guard let root = document.rootElement, root.name == "PcGts" else {
            throw XMLError.notThisFormat("is not PAGE-XML (its root element is <\(document.rootName)>)", context: context)
        }
        let pages = root.children("Page")
        guard let page = pages.first else {
            throw XMLError(.invalidInput, "has no Page element", remedy: "export the PAGE-XML again", context: context)
        }
        guard pages.count == 1 else {
            throw XMLError(.invalidInput, "holds \(pages.count) pages; Quire imports one page per file", remedy: "split the file into one PAGE-XML per page", context: context)
        }
        var found: [(id: String?, region: TextRegion)] = []
        collectRegions(in: page, inherited: nil, into: &found)
        let order = page.child("ReadingOrder").map { Self.flatten($0) } ?? []
        if !order.isEmpty {
            let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            found = found.enumerated().sorted { lhs, rhs in
                (rank[lhs.element.id ?? ""] ?? order.count + lhs.offset, lhs.offset) < (rank[rhs.element.id ?? ""] ?? order.count + rhs.offset, rhs.offset)
            }.map(\.element)
        }
        let version = root.namespace.map { URL(string: $0)?.lastPathComponent ?? $0 } ?? "unknown version"
        var detail = "PAGE \(version)"
        if let creator = root.child("Metadata")?.child("Creator")?.text.trimmingCharacters(in: .whitespacesAndNewlines), !creator.isEmpty {
            detail += "; \(creator)"
        }
        let result = PageText(
            width: page.number("imageWidth").flatMap(ReaderSupport.integer) ?? 0, height: page.number("imageHeight").flatMap(ReaderSupport.integer) ?? 0,
            dpi: Self.resolution(of: page), regions: found.map(\.region), flags: ReaderSupport.flags(fromNote: root.child("Metadata")?.child("Comments")?.text),
            provenance: TextProvenance(engine: "page-import", detail: detail, source: document.name))
        return TextSanitizer.sanitize(result)
    }

    /// `imageXResolution` in dots per inch (`imageResolutionUnit` PPI, or PPCM converted).
    static func resolution(of page: XMLTreeElement) -> Int? {
        guard let value = page.number("imageXResolution"), value > 0 else { return nil }
        let unit = page.attribute("imageResolutionUnit")?.uppercased() ?? "PPI"
        let dpi = unit == "PPCM" ? value * 2.54 : unit == "PPI" ? value : 0
        return ReaderSupport.integer(dpi).flatMap { $0 > 0 && $0 < 100_000 ? $0 : nil }
    }

    /// Region IDs in reading order: groups flattened, ordered groups sorted by `index`.
    static func flatten(_ group: XMLTreeElement) -> [String] {
        var children = group.children.filter { $0.name != "Labels" && $0.name != "UserDefined" }
        if group.name.hasPrefix("OrderedGroup") {
            children = children.enumerated().sorted { ($0.element.number("index") ?? Double($0.offset), $0.offset) < ($1.element.number("index") ?? Double($1.offset), $1.offset) }.map(\.element)
        }
        var ids: [String] = []
        for child in children {
            if let ref = child.attribute("regionRef") { ids.append(ref) }
            if child.name.hasSuffix("Group") || child.name.hasSuffix("GroupIndexed") { ids += flatten(child) }
        }
        return ids
    }

    /// Every `TextRegion` under `element`, nested ones included, with the role a table gives.
    private func collectRegions(in element: XMLTreeElement, inherited: RegionRole?, into found: inout [(id: String?, region: TextRegion)]) {
        for child in element.children {
            switch child.name {
            case "TextRegion":
                found.append((child.attribute("id"), region(child, inherited: inherited)))
                collectRegions(in: child, inherited: inherited, into: &found)
            case "TableRegion":
                collectRegions(in: child, inherited: .table, into: &found)
            case "ReadingOrder", "Coords", "TextLine", "TextEquiv", "AlternativeImage", "Border", "PrintSpace", "Metadata":
                break
            default:
                collectRegions(in: child, inherited: inherited, into: &found)
            }
        }
    }

    private func region(_ element: XMLTreeElement, inherited: RegionRole?) -> TextRegion {
        let lineElements = element.children("TextLine")
        var lines = lineElements.map(line)
        let regionText = Self.chosenTextEquiv(of: element)?.text
        if let regionText {
            let regionLines = regionText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.allSatisfy(\.words.isEmpty) {
                lines = Self.lines(fromRegionText: regionLines, geometry: lines)
            } else if let reordered = Self.reordered(lines, toMatch: regionLines) {
                lines = reordered
            }
        }
        var role = Self.structureType(element).flatMap(RegionRoleTable.role(forLabel:))
            ?? element.attribute("type").map(RegionRoleTable.role(forPageType:)) ?? inherited ?? .paragraph
        if role == .paragraph, let lineRole = RegionRoleTable.sharedLineRole(lineElements.map { Self.structureType($0).flatMap(RegionRoleTable.role(forLabel:)) }) {
            role = lineRole
        }
        return TextRegion(role: role, lines: lines, box: Self.coords(element) ?? ReaderSupport.union(of: lines))
    }

    private func line(_ element: XMLTreeElement) -> TextLine {
        let wordElements = element.children("Word")
        var words: [Word] = wordElements.flatMap { word -> [Word] in
            guard let equiv = Self.chosenTextEquiv(of: word) else { return [] }
            let parts = ReaderSupport.words(fromText: equiv.text, confidence: equiv.confidence)
            guard parts.count == 1, var single = parts.first else { return parts }
            single.box = Self.coords(word)
            return [single]
        }
        if words.isEmpty, let equiv = Self.chosenTextEquiv(of: element) {
            words = ReaderSupport.words(fromText: equiv.text, confidence: equiv.confidence)
        }
        let baseline = element.child("Baseline").flatMap { $0.attribute("points") }.flatMap(ReaderSupport.points).flatMap { $0.count >= 2 ? Baseline(points: $0) : nil }
        let box = Self.coords(element) ?? BoundingBox.union(of: words.compactMap(\.box))
        return ReaderSupport.movingHyphenationMark(TextLine(words: words, box: box, baseline: baseline))
    }

    /// The `TextEquiv` to use: lowest `index`, else highest `conf`, else the first.
    static func chosenTextEquiv(of element: XMLTreeElement) -> (text: String, confidence: Confidence?)? {
        let equivs = element.children("TextEquiv")
        let indexed = equivs.filter { $0.number("index") != nil }
        let chosen = indexed.min { ($0.number("index") ?? 0) < ($1.number("index") ?? 0) }
            ?? equivs.max { ($0.number("conf") ?? -1) < ($1.number("conf") ?? -1) }
        guard let chosen, let unicode = chosen.child("Unicode") else { return nil }
        return (unicode.text, ReaderSupport.confidence(chosen.number("conf")))
    }

    /// The bounding box of `Coords/@points`, or of PAGE 2010 `Coords/Point` children.
    static func coords(_ element: XMLTreeElement) -> BoundingBox? {
        guard let coords = element.child("Coords") else { return nil }
        if let points = coords.attribute("points").flatMap(ReaderSupport.points) { return ReaderSupport.box(of: points) }
        let points = coords.children("Point").compactMap { point -> Point? in
            guard let x = point.number("x").flatMap(ReaderSupport.integer), let y = point.number("y").flatMap(ReaderSupport.integer) else { return nil }
            return Point(x: x, y: y)
        }
        return ReaderSupport.box(of: points)
    }

    /// `MainZone` from `custom="structure {type:MainZone;}"`.
    static func structureType(_ element: XMLTreeElement) -> String? {
        guard let custom = element.attribute("custom"), let structure = custom.range(of: "structure") else { return nil }
        let rest = custom[structure.upperBound...]
        guard let type = rest.range(of: "type:"), let close = rest.firstIndex(of: "}") , type.upperBound <= close else { return nil }
        let value = rest[type.upperBound..<close].prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// Lines built from region text: with the stored line geometry when the counts agree.
    static func lines(fromRegionText texts: [String], geometry: [TextLine]) -> [TextLine] {
        let texts = texts.count == geometry.count ? texts : texts.filter { !$0.isEmpty }
        return texts.enumerated().map { index, text in
            var line = texts.count == geometry.count ? geometry[index] : TextLine(words: [])
            line.words = ReaderSupport.words(fromText: text)
            return ReaderSupport.movingHyphenationMark(line)
        }
    }

    /// The lines in the order of the region's text, when that text is a reordering of them.
    static func reordered(_ lines: [TextLine], toMatch regionLines: [String]) -> [TextLine]? {
        guard lines.count == regionLines.count, lines.count > 1 else { return nil }
        let key: (String) -> String = { text in
            String(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").reversed().drop { ReaderSupport.hyphenationMarks.contains($0) }.reversed())
        }
        var pool = Dictionary(grouping: lines.indices, by: { key(lines[$0].text) })
        var result: [TextLine] = []
        for text in regionLines {
            guard let index = pool[key(text)]?.first else { return nil }
            pool[key(text)]?.removeFirst()
            result.append(lines[index])
        }
        return result
    }
}
