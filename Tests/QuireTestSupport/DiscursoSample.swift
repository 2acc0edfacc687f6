import Foundation
public import QuireCore

/// The bundled sample's recorded layout (`Corpora/discurso-sample/gt/layout.json`) as text
/// models, the way an import (roles tagged) or an OCR engine (no roles) would give it.
public enum DiscursoSample {
    private struct Layout: Decodable {
        let width: Int
        let height: Int
        let dpi: Int
        let pages: [Page]
    }

    private struct Page: Decodable {
        let page: Int
        let blocks: [Block]
    }

    private struct Block: Decodable {
        let role: String
        let bbox: [Int]
        let lines: [Line]
    }

    private struct Line: Decodable {
        let text: String
        let bbox: [Int]
    }

    /// The path of the layout file.
    public static var layoutPath: String { RepositoryPaths.bundledSample + "/gt/layout.json" }

    /// The sample's metadata as the catalogue would hold it.
    public static func metadata() throws -> DocumentMetadata {
        DocumentMetadata(
            title: "La luz que se enciende",
            contributors: [Contributor(role: .author, identity: .person(name: "Anselmo Urrutia Bravo", born: nil, death: .unknown))],
            publication: Publication(date: HistoricalDate(year: 1931), place: "Talca", country: CountryCode("CL")),
            languages: LanguageSet([LanguageCode(tesseract: "spa")].compactMap { $0 }),
            publisher: "Imprenta y Encuadernación «La Provincia»",
            wikiFileName: "Discurso 1931.tif")
    }

    /// The four pages. With `tagged`, regions keep the layout's roles (as an ALTO/PAGE import
    /// gives them); without, every region is a paragraph and the running header and the page
    /// number are one line, words in x order (as Tesseract gives them).
    public static func pages(tagged: Bool) throws -> [PageNumber: PageText] {
        let data = try Data(contentsOf: URL(fileURLWithPath: layoutPath))
        let layout = try JSONDecoder().decode(Layout.self, from: data)
        var pages: [PageNumber: PageText] = [:]
        for page in layout.pages {
            guard let number = PageNumber(page.page) else { continue }
            var regions = page.blocks.map { block in
                TextRegion(role: tagged ? role(block.role) : .paragraph, lines: block.lines.map(line), box: box(block.bbox))
            }
            if !tagged { regions = mergedFurniture(regions, roles: page.blocks.map(\.role)) }
            pages[number] = PageText(width: layout.width, height: layout.height, dpi: layout.dpi, regions: regions)
        }
        return pages
    }

    private static func role(_ name: String) -> RegionRole {
        name == "title" ? .heading : RegionRole(rawValue: name) ?? .other
    }

    private static func box(_ values: [Int]) -> BoundingBox? {
        values.count == 4 ? BoundingBox(left: values[0], top: values[1], right: values[2], bottom: values[3]) : nil
    }

    /// A line's words with boxes shared out by character count across the line's box.
    private static func line(_ line: Line) -> TextLine {
        let lineBox = box(line.bbox)
        let texts = line.text.split(separator: " ").map(String.init)
        guard let lineBox else { return TextLine(words: texts.map { Word(text: $0) }) }
        let totalChars = max(1, texts.reduce(0) { $0 + $1.count } + texts.count - 1)
        var x = Double(lineBox.left)
        let perChar = Double(lineBox.width) / Double(totalChars)
        let words = texts.map { text -> Word in
            let width = perChar * Double(text.count)
            defer { x += width + perChar }
            return Word(text: text, box: BoundingBox(x: Int(x.rounded()), y: lineBox.top, width: Int(width.rounded()), height: lineBox.height))
        }
        return TextLine(words: words, box: lineBox)
    }

    /// The running header and page number of a page as one untagged line.
    private static func mergedFurniture(_ regions: [TextRegion], roles: [String]) -> [TextRegion] {
        let furniture = regions.indices.filter { roles[$0] == "running-header" || roles[$0] == "page-number" }
        guard !furniture.isEmpty else { return regions }
        let words = furniture.flatMap { regions[$0].lines.flatMap(\.words) }.sorted { ($0.box?.left ?? 0) < ($1.box?.left ?? 0) }
        let box = BoundingBox.union(of: furniture.compactMap { regions[$0].box })
        let merged = TextRegion(role: .paragraph, lines: [TextLine(words: words, box: box)], box: box)
        return [merged] + regions.indices.filter { !furniture.contains($0) }.map { regions[$0] }
    }
}
