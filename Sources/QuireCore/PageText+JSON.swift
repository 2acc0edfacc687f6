import Foundation

extension PageText {
    /// The page text stored as JSON (what `JSONEncoder` writes for ``PageText``), read with
    /// ``JSONByteReader`` — about ten times faster than `JSONDecoder`, which took a third of a
    /// 500-page e-book export. Anything the fast reader does not know (a key added to the model
    /// later, a value of another shape) is read by `JSONDecoder` instead, so both always agree;
    /// malformed JSON throws `JSONDecoder`'s error.
    public static func decodeJSON(_ json: String) throws -> PageText {
        var json = json
        let fast: PageText? = json.withUTF8 { bytes in
            var reader = JSONByteReader(bytes)
            guard let page = try? readPage(&reader), reader.atEnd() else { return nil }
            return page
        }
        if let fast { return fast }
        return try JSONDecoder().decode(PageText.self, from: Data(json.utf8))
    }

    private static func readPage(_ reader: inout JSONByteReader) throws(JSONByteReader.Failure) -> PageText {
        var width: Int?, height: Int?, dpi: Int?
        var regions: [TextRegion]?
        var flags: Set<PageFlag>?
        var provenance: TextProvenance?
        var originals: [String]?
        try reader.readObject { reader, key throws(JSONByteReader.Failure) in
            switch key {
            case "width": width = try reader.readInt()
            case "height": height = try reader.readInt()
            case "dpi": dpi = try reader.readNull() ? nil : try reader.readInt()
            case "regions": regions = try readArray(&reader, readRegion)
            case "flags":
                flags = Set(try readArray(&reader) { reader throws(JSONByteReader.Failure) in
                    guard let flag = PageFlag(rawValue: try reader.readString()) else { throw reader.failure }
                    return flag
                })
            case "provenance": provenance = try reader.readNull() ? nil : try readProvenance(&reader)
            case "sanitisedOriginals": originals = try reader.readNull() ? nil : try readArray(&reader) { reader throws(JSONByteReader.Failure) in try reader.readString() }
            default: throw reader.failure
            }
        }
        guard let width, let height, let regions, let flags else { throw reader.failure }
        var page = PageText(width: width, height: height, dpi: dpi, regions: regions, flags: flags, provenance: provenance)
        page.sanitisedOriginals = originals
        return page
    }

    private static func readRegion(_ reader: inout JSONByteReader) throws(JSONByteReader.Failure) -> TextRegion {
        var role: RegionRole?
        var lines: [TextLine]?
        var box: BoundingBox?
        try reader.readObject { reader, key throws(JSONByteReader.Failure) in
            switch key {
            case "role":
                guard let known = RegionRole(rawValue: try reader.readString()) else { throw reader.failure }
                role = known
            case "lines": lines = try readArray(&reader, readLine)
            case "box": box = try readOptionalBox(&reader)
            default: throw reader.failure
            }
        }
        guard let role, let lines else { throw reader.failure }
        return TextRegion(role: role, lines: lines, box: box)
    }

    private static func readLine(_ reader: inout JSONByteReader) throws(JSONByteReader.Failure) -> TextLine {
        var words: [Word]?
        var box: BoundingBox?
        var baseline: Baseline?
        var hyphenated: Bool?
        try reader.readObject { reader, key throws(JSONByteReader.Failure) in
            switch key {
            case "words": words = try readArray(&reader, readWord)
            case "box": box = try readOptionalBox(&reader)
            case "baseline":
                guard try !reader.readNull() else { break }
                var points: [Point]?
                try reader.readObject { reader, key throws(JSONByteReader.Failure) in
                    guard key == "points" else { throw reader.failure }
                    points = try readArray(&reader, readPoint)
                }
                guard let points else { throw reader.failure }
                baseline = Baseline(points: points)
            case "endsWithHyphenationMark": hyphenated = try reader.readBool()
            default: throw reader.failure
            }
        }
        guard let words, let hyphenated else { throw reader.failure }
        return TextLine(words: words, box: box, baseline: baseline, endsWithHyphenationMark: hyphenated)
    }

    private static func readWord(_ reader: inout JSONByteReader) throws(JSONByteReader.Failure) -> Word {
        var text: String?
        var box: BoundingBox?
        var confidence: Confidence?
        try reader.readObject { reader, key throws(JSONByteReader.Failure) in
            switch key {
            case "text": text = try reader.readString()
            case "box": box = try readOptionalBox(&reader)
            case "confidence": confidence = try reader.readNull() ? nil : try reader.readDouble()
            default: throw reader.failure
            }
        }
        guard let text else { throw reader.failure }
        return Word(text: text, box: box, confidence: confidence)
    }

    private static func readOptionalBox(_ reader: inout JSONByteReader) throws(JSONByteReader.Failure) -> BoundingBox? {
        if try reader.readNull() { return nil }
        var x: Int?, y: Int?, width: Int?, height: Int?
        try reader.readObject { reader, key throws(JSONByteReader.Failure) in
            switch key {
            case "x": x = try reader.readInt()
            case "y": y = try reader.readInt()
            case "width": width = try reader.readInt()
            case "height": height = try reader.readInt()
            default: throw reader.failure
            }
        }
        // Negative sizes are clamped by the initialiser but kept by JSONDecoder's synthesised
        // decoding: leave those to it.
        guard let x, let y, let width, let height, width >= 0, height >= 0 else { throw reader.failure }
        return BoundingBox(x: x, y: y, width: width, height: height)
    }

    private static func readPoint(_ reader: inout JSONByteReader) throws(JSONByteReader.Failure) -> Point {
        var x: Int?, y: Int?
        try reader.readObject { reader, key throws(JSONByteReader.Failure) in
            switch key {
            case "x": x = try reader.readInt()
            case "y": y = try reader.readInt()
            default: throw reader.failure
            }
        }
        guard let x, let y else { throw reader.failure }
        return Point(x: x, y: y)
    }

    private static func readProvenance(_ reader: inout JSONByteReader) throws(JSONByteReader.Failure) -> TextProvenance {
        var engine: String?, detail: String?, source: String?
        try reader.readObject { reader, key throws(JSONByteReader.Failure) in
            switch key {
            case "engine": engine = try reader.readString()
            case "detail": detail = try reader.readNull() ? nil : try reader.readString()
            case "source": source = try reader.readNull() ? nil : try reader.readString()
            default: throw reader.failure
            }
        }
        guard let engine else { throw reader.failure }
        return TextProvenance(engine: engine, detail: detail, source: source)
    }

    private static func readArray<Element>(
        _ reader: inout JSONByteReader, _ element: (inout JSONByteReader) throws(JSONByteReader.Failure) -> Element
    ) throws(JSONByteReader.Failure) -> [Element] {
        var elements: [Element] = []
        try reader.readArray { reader throws(JSONByteReader.Failure) in elements.append(try element(&reader)) }
        return elements
    }
}
