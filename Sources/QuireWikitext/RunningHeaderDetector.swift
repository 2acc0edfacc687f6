import QuireCore

/// A page's furniture: its running header and footer, the printed number found on it, and the
/// regions that remain for the body and notes.
struct PageFurniture: Sendable {
    var header: RunningTitle?
    var footer: RunningTitle?
    /// The number printed on the page, when found and consistent with the other pages.
    var printedNumber: PrintedPageNumber?
    var regions: [TextRegion]
}

/// Finds running headers, running footers and printed page numbers across a whole document.
///
/// Regions that an import tagged (`running-header`, `page-number`, `footer`) are taken as they
/// are. On untagged pages the top band is the topmost line and the lines level with it, in the
/// top fifth of the page and standing further from the text below than lines usually stand from
/// each other. It is a running header when its text (numbers standing apart at its ends left
/// out) recurs in the top band of another page, allowing one OCR error in eight letters in a long
/// title; or when it is a lone arabic number, or a lone roman number that fits the sequence. A
/// lone number at the foot of the page is a running footer on the same terms. The band is cut
/// into pieces at wide gaps (two and a half line heights), and each piece goes to the left,
/// centre or right slot by where its box stands in the text frame.
///
/// A printed number counts for the `<pagelist>` only when another page's number has the same
/// style and the same offset from the physical page (or when it is the only number found), so
/// that a folio misread by OCR does not shift the numbering.
enum RunningHeaderDetector {
    /// A piece of a band: text with its box, and whether it is a page number.
    struct Piece: Hashable {
        var text: String
        var box: BoundingBox?
        var number: PrintedPageNumber?
    }

    /// A page's top and bottom bands before classification.
    private struct Bands {
        var tagged = false
        var footerTagged = false
        var top: [Piece] = []
        var bottom: [Piece] = []
        var topLines: Set<LineAddress> = []
        var bottomLines: Set<LineAddress> = []
        var taggedRegions: Set<Int> = []
    }

    private struct LineAddress: Hashable {
        let region: Int
        let line: Int
    }

    /// The furniture of every page.
    static func analyse(_ pages: [PageNumber: PageText], geometry: DocumentGeometry) -> [PageNumber: PageFurniture] {
        let bands = pages.mapValues(findBands)
        let keys = bands.mapValues { key(of: $0.top) }
        let repeated = repeatedKeys(Array(keys.values))
        var candidates: [(page: PageNumber, number: PrintedPageNumber)] = []
        for (page, band) in bands {
            if let number = (band.top + band.bottom).lazy.compactMap(\.number).first { candidates.append((page, number)) }
        }
        let accepted = consistentNumbers(candidates)
        var result: [PageNumber: PageFurniture] = [:]
        for (number, page) in pages {
            guard let band = bands[number] else { continue }
            let frame = geometry.frame(for: number)
            let isFurniture: ([Piece]) -> Bool = { pieces in
                if band.tagged { return !pieces.isEmpty }
                guard !pieces.isEmpty else { return false }
                if pieces.allSatisfy({ $0.number != nil }) {
                    return pieces.allSatisfy { $0.number?.style == .arabic || accepted[number] == $0.number }
                }
                return repeated.contains(key(of: pieces))
            }
            let topIsHeader = isFurniture(band.top)
            let bottomIsFooter = band.footerTagged || (!band.bottom.isEmpty && band.bottom.allSatisfy { $0.number != nil } && isFurniture(band.bottom))
            var removed = Set<LineAddress>()
            if topIsHeader { removed.formUnion(band.topLines) }
            if bottomIsFooter { removed.formUnion(band.bottomLines) }
            let regions = page.regions.enumerated().compactMap { index, region -> TextRegion? in
                guard !band.taggedRegions.contains(index) else { return nil }
                guard !region.lines.isEmpty else { return region.role == .other ? region : nil }  // a footnote rule landmark
                var region = region
                region.lines = region.lines.enumerated().filter { !removed.contains(LineAddress(region: index, line: $0.offset)) }.map(\.element)
                return region.lines.isEmpty ? nil : region
            }
            result[number] = PageFurniture(
                header: topIsHeader ? slotted(band.top, frame: frame) : nil,
                footer: bottomIsFooter ? slotted(band.bottom, frame: frame) : nil,
                printedNumber: accepted[number], regions: regions)
        }
        return result
    }

    /// The tagged furniture of a page, or else its top band and a bottom band.
    private static func findBands(_ page: PageText) -> Bands {
        var bands = Bands()
        let furnitureRoles: Set<RegionRole> = [.runningHeader, .pageNumber, .footer]
        let tagged = page.regions.indices.filter { furnitureRoles.contains(page.regions[$0].role) }
        if page.regions.contains(where: { $0.role == .runningHeader || $0.role == .pageNumber }) {
            bands.tagged = true
            let height = lineHeight(page.regions.flatMap(\.lines))
            for index in tagged {
                let region = page.regions[index]
                let box = region.box ?? BoundingBox.union(of: region.lines.compactMap(\.box))
                let regionPieces: [Piece]
                if region.role == .pageNumber {
                    let text = region.lines.map(\.text).joined(separator: " ")
                    regionPieces = [Piece(text: text, box: box, number: PrintedPageNumber(text))]
                } else {
                    regionPieces = pieces(region.lines, lineHeight: height)
                }
                let atFoot = region.role == .footer || box.map { $0.top + $0.height / 2 > page.height / 2 } ?? false
                if atFoot { bands.bottom += regionPieces } else { bands.top += regionPieces }
                bands.taggedRegions.insert(index)
            }
            bands.footerTagged = !bands.bottom.isEmpty
            return bands
        }
        for index in tagged {  // footers tagged on an otherwise untagged page
            bands.bottom += page.regions[index].lines.map { Piece(text: $0.text, box: $0.box, number: nil) }
            bands.taggedRegions.insert(index)
            bands.footerTagged = true
        }
        let lines = page.regions.enumerated().flatMap { regionIndex, region in
            region.role == .footer ? [] : region.lines.enumerated().map { (LineAddress(region: regionIndex, line: $0.offset), $0.element) }
        }
        guard lines.count >= 2 else { return bands }
        let top = band(lines, page: page, atTop: true)
        bands.top = pieces(top.map(\.1), lineHeight: lineHeight(lines.map(\.1)))
        bands.topLines = Set(top.map(\.0))
        let bottom = band(lines.filter { !bands.topLines.contains($0.0) }, page: page, atTop: false)
        let bottomPieces = pieces(bottom.map(\.1), lineHeight: lineHeight(lines.map(\.1)))
        if !bottom.isEmpty, bottomPieces.allSatisfy({ $0.number != nil }) {
            bands.bottom += bottomPieces
            bands.bottomLines = Set(bottom.map(\.0))
        }
        return bands
    }

    /// The topmost (or bottommost) line and the lines level with it, when in the outer fifth of
    /// the page; without boxes, the first (or last) line in reading order.
    private static func band(_ lines: [(LineAddress, TextLine)], page: PageText, atTop: Bool) -> [(LineAddress, TextLine)] {
        guard lines.count >= 2 else { return [] }
        let boxed = lines.filter { $0.1.box != nil }
        guard boxed.count == lines.count, page.height > 0 else {
            return atTop ? [lines[0]] : [lines[lines.count - 1]]
        }
        let edge = atTop ? boxed.min { ($0.1.box?.top ?? 0) < ($1.1.box?.top ?? 0) } : boxed.max { ($0.1.box?.bottom ?? 0) < ($1.1.box?.bottom ?? 0) }
        guard let edge, let edgeBox = edge.1.box else { return [] }
        let inZone = atTop ? edgeBox.top * 5 < page.height : edgeBox.bottom * 5 > page.height * 4
        guard inZone else { return [] }
        let level = boxed.filter { candidate in
            guard let box = candidate.1.box else { return false }
            let overlap = min(box.bottom, edgeBox.bottom) - max(box.top, edgeBox.top)
            return overlap * 2 >= min(box.height, edgeBox.height)
        }
        guard level.count < lines.count, standsApart(level.compactMap(\.1.box), from: boxed, atTop: atTop) else { return [] }
        return level
    }

    /// The band is further from the nearest other line than lines usually are from each other
    /// (by half a line height): a running header stands apart from the text block.
    private static func standsApart(_ band: [BoundingBox], from lines: [(LineAddress, TextLine)], atTop: Bool) -> Bool {
        guard let bandTop = band.map(\.top).min(), let bandBottom = band.map(\.bottom).max() else { return false }
        var gaps: [Int] = []
        let byRegion = Dictionary(grouping: lines, by: \.0.region)
        for (_, regionLines) in byRegion {
            let boxes = regionLines.compactMap(\.1.box).sorted { $0.top < $1.top }
            gaps += zip(boxes, boxes.dropFirst()).map { $1.top - $0.bottom }
        }
        let others = lines.compactMap(\.1.box).filter { atTop ? $0.top >= bandBottom : $0.bottom <= bandTop }
        guard let nearest = atTop ? others.map(\.top).min() : others.map(\.bottom).max() else { return false }
        let gap = atTop ? nearest - bandBottom : bandTop - nearest
        let usual = TextFrame.percentile(gaps, 0.5) ?? 0
        let height = TextFrame.percentile(lines.compactMap { $0.1.box?.height }, 0.5) ?? 1
        return gap > usual + height / 2
    }

    /// The band's words cut into pieces at page numbers and at gaps wider than 2.5 lines.
    private static func pieces(_ lines: [TextLine], lineHeight: Int) -> [Piece] {
        let words = lines.flatMap(\.words).enumerated().sorted { a, b in
            guard let left = a.element.box, let right = b.element.box else { return a.offset < b.offset }
            return left.left < right.left
        }.map(\.element)
        var pieces: [Piece] = []
        var current: [Word] = []
        func flush() {
            guard !current.isEmpty else { return }
            let text = current.map(\.text).joined(separator: " ")
            pieces.append(Piece(text: text, box: BoundingBox.union(of: current.compactMap(\.box)), number: nil))
            current = []
        }
        let wide = lineHeight * 5 / 2
        for (index, word) in words.enumerated() {
            let gapBefore = index > 0 ? word.box.flatMap { box in words[index - 1].box.map { box.left - $0.right } } : nil
            let gapAfter = index + 1 < words.count ? word.box.flatMap { box in words[index + 1].box.map { $0.left - box.right } } : nil
            // A number is the folio when it stands apart (or, without boxes, at an end of the band);
            // set close to words it belongs to them ("CAPÍTULO I").
            let apart = word.box == nil ? (index == 0 || index == words.count - 1) : ((gapBefore ?? .max) > wide && (gapAfter ?? .max) > wide)
            if apart, let number = PrintedPageNumber(word.text) {
                flush()
                pieces.append(Piece(text: word.text, box: word.box, number: number))
                continue
            }
            if let gapBefore, gapBefore > wide { flush() }
            current.append(word)
        }
        flush()
        return pieces
    }

    private static func lineHeight(_ lines: [TextLine]) -> Int {
        TextFrame.percentile(lines.compactMap { $0.box?.height }, 0.5) ?? 1
    }

    /// The band's text without its numbers, reduced to lower-case letters and single spaces.
    private static func key(of pieces: [Piece]) -> String {
        let text = pieces.filter { $0.number == nil }.map(\.text).joined(separator: " ")
        let letters = text.lowercased().map { $0.isLetter ? $0 : " " }
        return String(letters).split(separator: " ").joined(separator: " ")
    }

    /// Keys found on at least two pages; keys of 15 to 60 letters may differ by one edit in eight
    /// (OCR errors), shorter ones must be equal (`CAPÍTULO II` is not `CAPÍTULO III`).
    private static func repeatedKeys(_ keys: [String]) -> Set<String> {
        var counts: [String: Int] = [:]
        for key in keys where !key.isEmpty { counts[key, default: 0] += 1 }
        var repeated = Set(counts.filter { $0.value >= 2 }.keys)
        let distinct = Array(counts.keys)
        for key in distinct where !repeated.contains(key) && (15...60).contains(key.count) {
            let limit = key.count / 8
            if distinct.contains(where: { $0 != key && abs($0.count - key.count) <= limit && editDistance($0, key, limit: limit) <= limit }) {
                repeated.insert(key)
            }
        }
        return repeated
    }

    /// Numbers that share style and offset with another page's number (or the only number).
    private static func consistentNumbers(_ candidates: [(page: PageNumber, number: PrintedPageNumber)]) -> [PageNumber: PrintedPageNumber] {
        var groups: [String: Int] = [:]
        for candidate in candidates { groups["\(candidate.number.style)/\(candidate.page.rawValue - candidate.number.value)", default: 0] += 1 }
        var accepted: [PageNumber: PrintedPageNumber] = [:]
        for candidate in candidates where candidates.count == 1 || (groups["\(candidate.number.style)/\(candidate.page.rawValue - candidate.number.value)"] ?? 0) >= 2 {
            accepted[candidate.page] = candidate.number
        }
        return accepted
    }

    /// The pieces in the left, centre and right slots of a running title.
    static func slotted(_ pieces: [Piece], frame: TextFrame?) -> RunningTitle {
        var slots = ["", "", ""]
        func put(_ text: String, _ slot: Int) { slots[slot] = slots[slot].isEmpty ? text : slots[slot] + " " + text }
        if let frame, pieces.allSatisfy({ $0.box != nil }) {
            for piece in pieces {
                guard let box = piece.box else { continue }
                put(piece.text, frame.third(ofCentre: Double(box.left + box.right) / 2))
            }
        } else if pieces.count == 1, let piece = pieces.first {
            put(piece.text, 1)
        } else {
            for (index, piece) in pieces.enumerated() {
                let slot = index == 0 ? (piece.number != nil || pieces.count == 2 && pieces[1].number == nil ? 0 : 1) : (index == pieces.count - 1 ? 2 : 1)
                put(piece.text, slot)
            }
        }
        return RunningTitle(left: slots[0], centre: slots[1], right: slots[2])
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if (current.min() ?? 0) > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
