import Foundation
import QuireCore

/// Small pieces the three readers share: coordinates, word splitting, hyphenation marks.
enum ReaderSupport {
    /// The marks that, at the end of a line, say "this word continues on the next line":
    /// `¬` (U+00AC, FoNDUE and other transcription guidelines) and the soft hyphen (U+00AD).
    static let hyphenationMarks: Set<Character> = ["\u{00AC}", "\u{00AD}"]

    /// The largest coordinate accepted (far beyond any scan); larger or non-finite values are
    /// dropped rather than trapping on conversion.
    static let coordinateLimit = 10_000_000.0

    /// A coordinate rounded to an integer; nil when not finite or beyond ``coordinateLimit``.
    static func integer(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) <= coordinateLimit else { return nil }
        return Int(value.rounded())
    }

    /// A confidence fit to write: clamped to 0…1; nil when not a finite number.
    static func writable(_ confidence: Confidence?) -> Confidence? {
        guard let confidence, confidence.isFinite else { return nil }
        return min(max(confidence, 0), 1)
    }

    /// Numbers in a points list: `x,y x,y …` (PAGE, ALTO 4.2) or `x y x y …` (ALTO, eScriptorium).
    static func numbers(in list: String) -> [Double] {
        list.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }).compactMap { Double($0) }
    }

    /// The points of a points list; nil unless there are at least one full pair.
    static func points(_ list: String) -> [Point]? {
        let values = numbers(in: list).compactMap(integer)
        guard values.count >= 2, values.count % 2 == 0 else { return nil }
        return stride(from: 0, to: values.count, by: 2).map { Point(x: values[$0], y: values[$0 + 1]) }
    }

    /// The bounding box of a polygon's points.
    static func box(of points: [Point]) -> BoundingBox? {
        guard let first = points.first else { return nil }
        var box = BoundingBox(left: first.x, top: first.y, right: first.x, bottom: first.y)
        for point in points.dropFirst() {
            box = BoundingBox(left: min(box.left, point.x), top: min(box.top, point.y), right: max(box.right, point.x), bottom: max(box.bottom, point.y))
        }
        return box
    }

    /// A box from an `x0 y0 x1 y1` rectangle (hOCR `bbox`).
    static func box(corners values: [Double]) -> BoundingBox? {
        let corners = values.compactMap(integer)
        guard values.count == 4, corners.count == 4 else { return nil }
        return BoundingBox(left: corners[0], top: corners[1], right: corners[2], bottom: corners[3])
    }

    /// Words from running text, split at spaces, tabs and line breaks (not at no-break spaces,
    /// which transcriptions use on purpose); they share `confidence` and have no box.
    static func words(fromText text: String, confidence: Confidence? = nil) -> [Word] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map { Word(text: String($0), confidence: confidence) }
    }

    /// A confidence from a producer's number: 0…1 kept, 1…100 read as a percentage.
    static func confidence(_ value: Double?) -> Confidence? {
        guard let value, value.isFinite, value >= 0 else { return nil }
        return value <= 1 ? value : min(value / 100, 1)
    }

    /// The line with a trailing `¬` or soft hyphen removed from its last word and recorded as
    /// ``TextLine/endsWithHyphenationMark``; a word that was only the mark is dropped.
    static func movingHyphenationMark(_ line: TextLine) -> TextLine {
        guard var last = line.words.last, let mark = last.text.last, hyphenationMarks.contains(mark) else { return line }
        var result = line
        last.text.removeLast()
        result.words.removeLast()
        if !last.text.isEmpty { result.words.append(last) }
        result.endsWithHyphenationMark = true
        return result
    }

    /// The flags in a note the writers leave (`flags: sanitised_text low_confidence`); unknown
    /// codes are ignored.
    static func flags(fromNote note: String?) -> Set<PageFlag> {
        guard let note, let range = note.range(of: "flags:") else { return [] }
        return Set(note[range.upperBound...].split(whereSeparator: \.isWhitespace).compactMap { PageFlag(rawValue: String($0)) })
    }

    /// The smallest box holding the lines' boxes.
    static func union(of lines: [TextLine]) -> BoundingBox? {
        BoundingBox.union(of: lines.compactMap(\.box))
    }
}
