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

/// Makes ``FakeOCREngine``s; can fail every page of chosen files, or crash-simulate by throwing.
public struct FakeEngineFactory: OCREngineFactory {
    public var pages: [String: PageText]
    public var failing: Set<String>

    public init(pages: [String: PageText] = [:], failing: Set<String> = []) {
        self.pages = pages
        self.failing = failing
    }

    public func makeEngine(languages: LanguageSet) throws -> any OCREngine {
        FakeOCREngine(pages: pages, failing: failing)
    }
}

/// Character error rate after collapsing whitespace: for tests that must not depend on QuireAlign.
public enum TestMetrics {
    public static func cer(reference: String, hypothesis: String) -> Double {
        let ref = Array(reference.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        let hyp = Array(hypothesis.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        guard !ref.isEmpty else { return hyp.isEmpty ? 0 : 1 }
        var previous = Array(0...hyp.count)
        for (i, r) in ref.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: hyp.count)
            for (j, h) in hyp.enumerated() {
                current[j + 1] = min(previous[j] + (r == h ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        return Double(previous[hyp.count]) / Double(ref.count)
    }
}
