import Foundation
public import QuireCore

/// Reads ALTO (v1–v4, any namespace) into the text model.
///
/// Blocks come in reading order: an ALTO 4.3 `ReadingOrder` when present, else the top margin,
/// the print space, the left and right margins, the bottom margin, each in document order.
/// Roles come from `TAGREFS` → `Tags` labels (SegmOnto zones such as `RunningTitleZone`), a
/// `TYPE`, or the margin holding the block (``RegionRoleTable``). Coordinates in `mm10` or
/// `inch1200` are converted to pixels at ``assumedDPI``. A line ends with a hyphenation mark when
/// it has `HYP`, a last `String` with `SUBS_TYPE="HypPart1"`, or a trailing `¬` or soft hyphen.
public struct ALTOReader: Sendable {
    /// The resolution used to convert `mm10` and `inch1200` measurements to pixels.
    public var assumedDPI: Int

    /// A reader; `assumedDPI` matters only for files not measured in pixels.
    public init(assumedDPI: Int = 300) {
        self.assumedDPI = assumedDPI
    }

    /// Parses `bytes` safely and reads them; `name` is used in errors and the provenance.
    public func read(bytes: [UInt8], name: String) throws(XMLError) -> PageText {
        try read(SafeXMLDocument(bytes: bytes, name: name))
    }

    /// Reads a parsed ALTO document.
    public func read(_ document: SafeXMLDocument) throws(XMLError) -> PageText {
        let context = ErrorContext(file: document.name)
        guard let root = document.rootElement, root.name.lowercased() == "alto" else {
            throw XMLError.notThisFormat("is not ALTO (its root element is <\(document.rootName)>)", context: context)
        }
        let top = root.children
        let description = top.first { $0.name == "Description" }
        let unitName = description?.child("MeasurementUnit")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "pixel"
        let scale: Double
        switch unitName.lowercased() {
        case "pixel", "": scale = 1
        case "mm10": scale = Double(assumedDPI) / 254
        case "inch1200": scale = Double(assumedDPI) / 1200
        default:
            throw XMLError(.invalidInput, "has the unknown MeasurementUnit '\(unitName)'", remedy: "use pixel, mm10 or inch1200 as the ALTO schema says", context: context)
        }
        let pages = top.first { $0.name == "Layout" }?.children("Page") ?? []
        guard let page = pages.first else {
            throw XMLError(.invalidInput, "has no Layout/Page element", remedy: "export the ALTO again; an ALTO file holds one page", context: context)
        }
        guard pages.count == 1 else {
            throw XMLError(.invalidInput, "holds \(pages.count) pages; Quire imports one page per file", remedy: "split the file into one ALTO per page", context: context)
        }
        var labels: [String: String] = [:]
        for tag in top.first(where: { $0.name == "Tags" })?.children ?? [] {
            if let id = tag.attribute("ID"), let label = tag.attribute("LABEL") { labels[id] = label }
        }
        let walker = ALTOBlockWalker(scale: scale, labels: labels)
        var blocks = walker.blocks(of: page)
        let order = (top.first { $0.name == "ReadingOrder" }?.descendants("ElementRef") ?? []).compactMap { $0.attribute("REF") }
        if !order.isEmpty {
            let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            blocks = blocks.enumerated().sorted { lhs, rhs in
                (rank[lhs.element.id ?? ""] ?? order.count + lhs.offset, lhs.offset) < (rank[rhs.element.id ?? ""] ?? order.count + rhs.offset, rhs.offset)
            }.map(\.element)
        }
        let version = Self.version(of: root.namespace)
        let software = description?.descendants("softwareName").first?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var detail = "ALTO \(version)"
        if let software, !software.isEmpty { detail += "; \(software)" }
        if scale != 1 { detail += "; \(unitName) converted at \(assumedDPI) dpi (assumed)" }
        let result = PageText(
            width: walker.pixels(page.number("WIDTH")) ?? 0, height: walker.pixels(page.number("HEIGHT")) ?? 0,
            dpi: scale == 1 ? nil : assumedDPI, regions: blocks.map(\.region),
            flags: ReaderSupport.flags(fromNote: description?.descendants("processingStepSettings").first?.text),
            provenance: TextProvenance(engine: "alto-import", detail: detail, source: document.name))
        return TextSanitizer.sanitize(result)
    }

    /// `4` for `…/alto/ns-v4#`, `1` without a namespace.
    static func version(of namespace: String?) -> String {
        guard let namespace, let range = namespace.range(of: "ns-v") else { return namespace == nil ? "1" : "(unknown version)" }
        return String(namespace[range.upperBound...].prefix { $0.isNumber })
    }
}

/// Walks an ALTO `Page` into regions: one per `TextBlock`, composed blocks flattened.
struct ALTOBlockWalker {
    /// Pixels per ALTO unit.
    let scale: Double
    /// Tag ID → label.
    let labels: [String: String]

    /// The page's containers in reading order, with the role their blocks default to.
    static let containers: [(name: String, role: RegionRole?)] = [
        ("TopMargin", .runningHeader), ("PrintSpace", nil), ("LeftMargin", .marginalia),
        ("RightMargin", .marginalia), ("BottomMargin", .footer),
    ]

    /// A converted block and its ALTO ID.
    struct Block {
        var id: String?
        var region: TextRegion
    }

    /// Every text block of the page, in container order then document order.
    func blocks(of page: XMLTreeElement) -> [Block] {
        let children = page.children
        return Self.containers.flatMap { container in
            children.filter { $0.name == container.name }.flatMap { blocks(in: $0, inherited: container.role) }
        }
    }

    private func blocks(in element: XMLTreeElement, inherited: RegionRole?) -> [Block] {
        element.children.flatMap { child -> [Block] in
            switch child.name {
            case "TextBlock": [block(child, inherited: inherited)]
            case "ComposedBlock": blocks(in: child, inherited: role(of: child) ?? inherited)
            default: []
            }
        }
    }

    /// The role named by an element's `TAGREFS` labels or `TYPE`, if any.
    func role(of element: XMLTreeElement) -> RegionRole? {
        let tagLabels = (element.attribute("TAGREFS") ?? "").split(separator: " ").compactMap { labels[String($0)] }
        return tagLabels.lazy.compactMap(RegionRoleTable.role(forLabel:)).first ?? element.attribute("TYPE").flatMap(RegionRoleTable.role(forLabel:))
    }

    private func block(_ element: XMLTreeElement, inherited: RegionRole?) -> Block {
        let lineElements = element.children("TextLine")
        let lines = lineElements.map(line)
        var role = role(of: element) ?? inherited ?? .paragraph
        if role == .paragraph, let lineRole = RegionRoleTable.sharedLineRole(lineElements.map { self.role(of: $0) }) { role = lineRole }
        return Block(id: element.attribute("ID"), region: TextRegion(role: role, lines: lines, box: box(element) ?? ReaderSupport.union(of: lines)))
    }

    private func line(_ element: XMLTreeElement) -> TextLine {
        var words: [Word] = []
        var marked = false
        let children = element.children
        for (index, child) in children.enumerated() {
            switch child.name {
            case "String":
                var content = child.attribute("CONTENT") ?? ""
                let isLastString = !children[(index + 1)...].contains { $0.name == "String" }
                if isLastString, child.attribute("SUBS_TYPE") == "HypPart1" {
                    marked = true
                    if content.hasSuffix("-") { content.removeLast() }
                }
                let parts = ReaderSupport.words(fromText: content, confidence: ReaderSupport.confidence(child.number("WC")))
                if parts.count == 1, var word = parts.first {
                    word.box = box(child)
                    words.append(word)
                } else {
                    words.append(contentsOf: parts)
                }
            case "HYP":
                marked = true
            default:
                break
            }
        }
        let box = box(element) ?? BoundingBox.union(of: words.compactMap(\.box))
        let line = TextLine(words: words, box: box, baseline: baseline(element.attribute("BASELINE"), box: box), endsWithHyphenationMark: marked)
        return ReaderSupport.movingHyphenationMark(line)
    }

    /// ALTO v2/v3 `BASELINE` is one vertical position; v4 is a polyline.
    private func baseline(_ value: String?, box: BoundingBox?) -> Baseline? {
        guard let value else { return nil }
        let numbers = ReaderSupport.numbers(in: value)
        if numbers.count == 1, let box, let y = pixels(numbers[0]) {
            return Baseline(points: [Point(x: box.left, y: y), Point(x: box.right, y: y)])
        }
        guard numbers.count >= 4, numbers.count % 2 == 0 else { return nil }
        let points = stride(from: 0, to: numbers.count, by: 2).compactMap { index -> Point? in
            guard let x = pixels(numbers[index]), let y = pixels(numbers[index + 1]) else { return nil }
            return Point(x: x, y: y)
        }
        return points.count >= 2 ? Baseline(points: points) : nil
    }

    /// `HPOS`/`VPOS`/`WIDTH`/`HEIGHT` in pixels; nil when any is missing.
    func box(_ element: XMLTreeElement) -> BoundingBox? {
        guard let x = pixels(element.number("HPOS")), let y = pixels(element.number("VPOS")),
              let width = pixels(element.number("WIDTH")), let height = pixels(element.number("HEIGHT")) else { return nil }
        return BoundingBox(x: x, y: y, width: width, height: height)
    }

    /// An ALTO measurement in pixels.
    func pixels(_ value: Double?) -> Int? {
        guard let value else { return nil }
        return ReaderSupport.integer(value * scale)
    }
}
