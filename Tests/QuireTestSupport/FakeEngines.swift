public import QuireCore

/// An OCR engine that returns prepared pages: for pipeline and CLI tests without Tesseract.
public struct FakeOCREngine: OCREngine {
    public let identity = EngineIdentity(name: "fake", version: "1")
    /// The text returned for each source path (pages of a multi-page file share it).
    public var pages: [String: PageText]
    /// Paths that throw `invalid_input`.
    public var failing: Set<String>

    public init(pages: [String: PageText] = [:], failing: Set<String> = []) {
        self.pages = pages
        self.failing = failing
    }

    public mutating func recognize(_ source: PageImageSource) throws -> PageText {
        if failing.contains(source.path) {
            throw CoreError(.invalidInput, "fake failure", remedy: "none: this is a test engine", context: ErrorContext(file: source.path, page: source.pageIndex + 1))
        }
        return pages[source.path] ?? PageText(width: 100, height: 100, regions: [], flags: [.blankPage])
    }
}

/// Text-model fixtures: a page from lines of text, each word with a confidence.
public enum TextFixtures {
    /// A page with one paragraph region per block of lines.
    public static func page(_ blocks: [[String]], role: RegionRole = .paragraph, confidence: Double = 0.9) -> PageText {
        var y = 10
        let regions = blocks.map { block -> TextRegion in
            let lines = block.map { line -> TextLine in
                defer { y += 30 }
                var x = 10
                let words = line.split(separator: " ").map { word -> Word in
                    defer { x += word.count * 12 + 12 }
                    return Word(text: String(word), box: BoundingBox(x: x, y: y, width: word.count * 12, height: 24), confidence: confidence)
                }
                return TextLine(words: words, box: BoundingBox.union(of: words.compactMap(\.box)))
            }
            y += 20
            return TextRegion(role: role, lines: lines, box: BoundingBox.union(of: lines.compactMap(\.box)))
        }
        return PageText(width: 1000, height: max(y, 100), dpi: 300, regions: regions)
    }
}
