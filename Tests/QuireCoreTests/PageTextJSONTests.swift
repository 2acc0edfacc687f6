import Foundation
import QuireCore
import Testing

/// The hand-written reader of stored page texts must read exactly what `JSONDecoder` reads.
@Suite("Page text JSON")
struct PageTextJSONTests {
    private static func encoded(_ page: PageText) throws -> String {
        String(decoding: try JSONEncoder().encode(page), as: UTF8.self)
    }

    private static func decoded(_ json: String) throws -> PageText {
        try JSONDecoder().decode(PageText.self, from: Data(json.utf8))
    }

    /// Every field of the model, strings that need escapes, and numbers of every shape.
    static let fullPage: PageText = {
        let hostile = "\"quoted\" back\\slash / tab\t nl\n \u{1} é ſ 𝔄 \u{202E}rtl <script>"
        let words = [
            Word(text: hostile, box: BoundingBox(x: -3, y: 0, width: 12, height: 7), confidence: 0.1 + 0.2),
            Word(text: "plain", box: nil, confidence: nil),
            Word(text: "", box: BoundingBox(x: 1, y: 2, width: 0, height: 0), confidence: 1e-7),
            Word(text: "big", box: BoundingBox(x: Int(Int32.max), y: 5, width: 1, height: 1), confidence: 1),
        ]
        let line = TextLine(words: words, box: BoundingBox(x: 0, y: 0, width: 100, height: 10),
                            baseline: Baseline(points: [Point(x: 0, y: 9), Point(x: -100, y: 10)]), endsWithHyphenationMark: true)
        let regions = RegionRole.allCases.map { TextRegion(role: $0, lines: [line, TextLine(words: [])], box: $0 == .other ? nil : BoundingBox(x: 0, y: 0, width: 1, height: 1)) }
        var page = PageText(width: 2480, height: 3508, dpi: 300, regions: regions, flags: Set(PageFlag.allCases),
                            provenance: TextProvenance(engine: "tesseract 5.3.0", detail: hostile, source: nil))
        page.sanitisedOriginals = ["a\u{0}b", hostile]
        return page
    }()

    @Test func readsWhatTheEncoderWrites() throws {
        let json = try Self.encoded(Self.fullPage)
        #expect(try PageText.decodeJSON(json) == Self.fullPage)
        let bare = PageText(width: 1, height: 1, regions: [])
        #expect(try PageText.decodeJSON(try Self.encoded(bare)) == bare)
    }

    /// JSON written by other encoders: spaces, escaped slashes, `\u` escapes with surrogate
    /// pairs, explicit nulls, exponents.
    @Test func readsHandWrittenJSON() throws {
        let json = """
         { "width" : 10 , "height":20, "dpi": null, "flags": [ "blank_page" ], "provenance": {"engine": "x\\/y", "detail": null},
           "regions": [ {"role": "page-number", "box": null, "lines": [ {"endsWithHyphenationMark": false, "baseline": null,
             "words": [ {"text": "\\u00e9\\ud835\\udd04\\n", "confidence": 9.5E-1, "box": {"x": 1, "y": 2, "width": 3, "height": 4}} ] } ] } ] }
        """
        let page = try PageText.decodeJSON(json)
        #expect(page == (try Self.decoded(json)))
        #expect(page.words.first?.text == "é𝔄\n" && page.words.first?.confidence == 0.95 && page.provenance?.engine == "x/y")
    }

    /// A key the fast reader does not know (a later version of the model), a negative size: read
    /// by `JSONDecoder`, with the same result.
    @Test("falls back to JSONDecoder", arguments: [
        #"{"width":10,"height":20,"flags":[],"regions":[],"futureField":{"a":[1,2]}}"#,
        #"{"width":10,"height":20,"flags":[],"regions":[{"role":"paragraph","lines":[],"box":{"x":0,"y":0,"width":-5,"height":2}}]}"#,
    ])
    func fallsBack(json: String) throws {
        #expect(try PageText.decodeJSON(json) == (try Self.decoded(json)))
    }

    /// Where `JSONDecoder` itself decides (a lone surrogate, a fractional whole number, a trailing
    /// comma, which it accepts), the fast reader's answer is the same.
    @Test("agrees with JSONDecoder on edge cases", arguments: [
        #"{"width":10,"height":20,"flags":[],"regions":[{"role":"paragraph","lines":[{"words":[{"text":"\ud800"}],"endsWithHyphenationMark":false}]}]}"#,
        #"{"width":10.5,"height":20,"flags":[],"regions":[]}"#, #"{"width":10.0,"height":20,"flags":[],"regions":[]}"#,
        #"{"width":1e2,"height":20,"flags":[],"regions":[]}"#,
        #"{"width":10,"height":20,"flags":[],"regions":[],}"#,
    ])
    func agreesOnEdgeCases(json: String) {
        #expect((try? PageText.decodeJSON(json)) == (try? Self.decoded(json)))
    }

    /// Malformed text is an error, as it is for `JSONDecoder`.
    @Test("refuses malformed JSON", arguments: [
        "", "{", #"{"width":10,"height":20,"flags":[],"regions":[]} x"#, #"{"width":10,"height":20,"flags":["nope"],"regions":[]}"#,
        #"{"height":20,"flags":[],"regions":[]}"#,
    ])
    func refusesMalformed(json: String) {
        #expect(throws: (any Error).self) { try PageText.decodeJSON(json) }
    }

    /// Many random pages, as the OCR writes them: read back equal.
    @Test func randomPagesRoundTrip() throws {
        var generator = SeededGenerator(seed: 20261207)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzÁÉÍÓÚñſß—–-.,;:!?¿¡«»\"\\/ 0123456789\u{301}\u{7}")
        for _ in 0..<200 {
            let regions = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                TextRegion(role: RegionRole.allCases.randomElement(using: &generator)!, lines: (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                    TextLine(words: (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                        Word(text: String((0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }),
                             box: Bool.random(using: &generator) ? BoundingBox(x: Int.random(in: -50...5000, using: &generator), y: Int.random(in: 0...5000, using: &generator),
                                                                                width: Int.random(in: 0...400, using: &generator), height: Int.random(in: 0...90, using: &generator)) : nil,
                             confidence: Bool.random(using: &generator) ? Double.random(in: 0...1, using: &generator) : nil)
                    }, endsWithHyphenationMark: Bool.random(using: &generator))
                })
            }
            let page = PageText(width: Int.random(in: 1...9000, using: &generator), height: Int.random(in: 1...9000, using: &generator), regions: regions)
            #expect(try PageText.decodeJSON(try Self.encoded(page)) == page)
        }
    }
}

/// A small deterministic generator (SplitMix64), so the random pages are the same every run.
private struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
