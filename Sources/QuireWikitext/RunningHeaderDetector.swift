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

/// What the catalogue knows of the document that a running head may print: its title, its
/// works' titles and its authors (a head of a short excerpt cannot be found by repetition).
struct FurnitureHints: Sendable {
    /// Lower-case letter keys of the title, the works' titles and the authors' names.
    var keys: [String] = []

    init(keys: [String] = []) { self.keys = keys.filter { $0.count >= 4 } }

    init(document: DocumentMetadata, works: [String] = []) {
        let names = [document.title] + works + document.contributors.filter { $0.role == .author }.map(\.displayName)
        self.init(keys: names.map(RunningHeaderDetector.key(of:)))
    }

    /// The band's key is a title or author, or a part of one of two words or more (heads are
    /// often shortened titles), allowing one OCR error in eight letters.
    func matches(_ key: String) -> Bool {
        guard key.count >= 6 else { return false }
        return keys.contains { title in
            title.contains(key) && key.contains(" ") || RunningHeaderDetector.fuzzyEqual(key, title)
        }
    }
}

/// Finds running headers, running footers and printed page numbers across a whole document.
///
/// Regions that an import tagged (`running-header`, `page-number`, `footer`, `catchword`,
/// `signature-mark`) are taken as they are. On untagged pages the top band is the topmost line
/// and the lines level with it, in the top fifth of the page (a line read with less than 25%
/// confidence, a stamp, is passed over unless it is digits alone or another page's top band
/// reads the same); the bottom band likewise at the foot. Words of the band that are debris (no
/// letter or digit, or one or two characters read with less than 50% confidence that are not a
/// number, or specks that read as one, or words read with less than 50% confidence less than a
/// third as tall as the band's tallest confident word: dashes read as letters) are left out; a
/// top band of debris only is noise. The
/// band is cut into pieces at wide gaps (two and a half line heights); a piece that reads as a
/// number (``PrintedPageNumber/readings(_:)``) is a folio. The top band is a running header when:
///
/// - it is a folio alone: arabic digits (a final stop allowed), or any reading another page's
///   number agrees with (same offset from the physical page);
/// - or, standing apart from the text below (further than lines usually stand from each other),
///   its text (folios and single letters at its ends left out) recurs in the top band of another
///   page (one OCR error in eight letters allowed, roman numerals compared exactly, so
///   `CAPÍTULO II` is not `CAPÍTULO III`), or is the document's title or author (or part of the
///   title), or is a short line (six words at most) in type no larger than the body's beside a
///   folio (`6 AUTHOR NAME`, `TITLE 7`: verso and recto heads of a short excerpt); a head of
///   scraps only (words under 50% confidence or of two letters) needs four letters or more;
/// - or it is a scrap of one to three characters where other pages print their folio (a folio
///   OCR misread).
///
/// The bottom band is a running footer when it is a folio alone, or when it does not start at
/// the left margin and holds only folios, signature marks and a catch-word at the right
/// (``PageMarks``); a catch-word read with less than 25% confidence, which the band passes over
/// as a stamp, counts when the next page bears it out. Each piece goes to the left, centre or
/// right slot by where its box stands.
///
/// A folio the OCR misread (a scrap of four characters at most, or a word left out as debris,
/// where other pages print theirs or at the mirror image of that place) is the number the
/// document's folio sequence gives the page; one accepted folio is sequence enough for a scrap
/// whose letters read as digits give that very number (`ss` for 55 beside `56.`)
/// (``misreadFolios(_:pages:accepted:)``).
///
/// A printed number counts for the `<pagelist>` only when another page's number has the same
/// offset from the physical page (or when it is the only number found), so that a folio misread
/// by OCR does not shift the numbering.
enum RunningHeaderDetector {
    /// A piece of a band: text with its box, and whether it is a page number.
    struct Piece: Hashable {
        var text: String
        var box: BoundingBox?
        var number: PrintedPageNumber?
        /// Every reading of the piece as a folio (``PrintedPageNumber/readings(_:)``).
        var readings: [PrintedPageNumber] = []
        /// The mean confidence of its words, when known.
        var confidence: Double?
    }

    /// A band of a page: its pieces and lines, whether it stands apart, how tall its type is.
    struct Band {
        var pieces: [Piece] = []
        var lines: Set<LineAddress> = []
        var apart = false
        var height = 0
        var box: BoundingBox?
        /// In the outer fifth of the page; else the last line of a page whose text ends early,
        /// which can only be a catch-word.
        var inZone = true
        /// The band's lines when they hold nothing but debris (`ey` at 38% above the text): noise.
        var debris: Set<LineAddress> = []
        /// Words of the band left out as debris or specks that hold a letter or digit, one piece
        /// each: where the document's folio sequence shows a folio, one of them is it misread.
        var scraps: [Piece] = []
    }

    /// A page's top and bottom bands before classification.
    struct Bands {
        var tagged = false
        var footerTagged = false
        var top = Band()
        /// The top band when a line read with less than 25% confidence is not skipped, where
        /// that changes it: a head the OCR barely read, if another page's top bears it out.
        var poorlyReadTop: Band?
        var bottom = Band()
        /// The bottom band when a line read with less than 25% confidence is not skipped, where
        /// that changes it: a catch-word the OCR barely read, if the next page bears it out.
        var poorlyReadBottom: Band?
        var taggedRegions: Set<Int> = []
        /// The median line height of the page's other lines.
        var bodyHeight = 1
        /// The first words of the page's first readable line (mean confidence 50% or more) and
        /// of the first readable line below the top band: a catch-word on the page before
        /// repeats one of them. Empty when the page's first lines are unreadable.
        var firstWords: [String] = []
    }

    struct LineAddress: Hashable {
        let region: Int
        let line: Int
    }

    /// The furniture of every page.
    static func analyse(_ pages: [PageNumber: PageText], geometry: DocumentGeometry, hints: FurnitureHints = FurnitureHints()) -> [PageNumber: PageFurniture] {
        var bands = pages.mapValues(findBands)
        let topKeys = bands.mapValues { key(of: $0.top.pieces) }
        for (page, band) in bands {
            guard let poor = band.poorlyReadTop else { continue }
            let poorKey = key(of: poor.pieces)
            if !poorKey.isEmpty, topKeys.contains(where: { $0.key != page && fuzzyEqual($0.value, poorKey) }) { bands[page]?.top = poor }
        }
        let repeated = repeatedKeys(bands.values.map { key(of: $0.top.pieces) })
        var candidates: [(page: PageNumber, text: String, readings: [PrintedPageNumber])] = []
        for (page, band) in bands {
            if let piece = (band.top.pieces + band.bottom.pieces).first(where: { !$0.readings.isEmpty }) { candidates.append((page, piece.text, piece.readings)) }
        }
        var accepted = consistentNumbers(candidates)
        let misread = misreadFolios(bands, pages: pages, accepted: accepted)
        bands = restoring(misread, in: bands)
        for (page, folio) in misread { accepted[page] = folio.number }
        var result: [PageNumber: PageFurniture] = [:]
        var slots: [(page: PageNumber, x: Double, y: Double)] = []
        var topIsHeader: [PageNumber: Bool] = [:]
        for (number, page) in pages {
            guard let band = bands[number] else { continue }
            let isHeader = band.tagged ? !band.top.pieces.isEmpty : isRunningHeader(band.top, bodyHeight: band.bodyHeight, accepted: accepted[number], repeated: repeated, hints: hints)
            topIsHeader[number] = isHeader
            if isHeader, let piece = band.top.pieces.first(where: { !$0.readings.isEmpty }), let box = piece.box, page.width > 0, page.height > 0 {
                slots.append((number, Double(box.left + box.right) / 2 / Double(page.width), Double(box.top + box.bottom) / 2 / Double(page.height)))
            }
        }
        for (number, page) in pages {
            guard let band = bands[number] else { continue }
            let frame = geometry.frame(for: number)
            var isHeader = topIsHeader[number] ?? false
            if !isHeader, !band.tagged, band.top.apart || band.top.pieces.count == 1, isScrap(band.top.pieces), let box = band.top.box, page.width > 0, page.height > 0 {
                // A folio misread: a scrap where other pages print their number.
                let x = Double(box.left + box.right) / 2 / Double(page.width), y = Double(box.top + box.bottom) / 2 / Double(page.height)
                isHeader = slots.contains { $0.page != number && abs($0.x - x) < 0.05 && abs($0.y - y) < 0.02 }
            }
            let next = bands[number.next]?.firstWords
            var footerPieces: [Piece] = band.footerTagged ? band.bottom.pieces : []
            var removed = Set<LineAddress>()
            var cutAt: [LineAddress: Int] = [:]  // lines that lose their words from this x on (a catch-word set on the last text line)
            if isHeader && !band.tagged { removed.formUnion(band.top.lines) }
            removed.formUnion(band.top.debris)
            if !band.tagged && !band.footerTagged, let poor = band.poorlyReadBottom, isBarelyReadCatchWord(poor, frame: frame, nextFirstWords: next ?? []) {
                footerPieces = poor.pieces
                removed.formUnion(poor.lines)
            } else if !band.tagged && !band.footerTagged, !band.bottom.pieces.isEmpty {
                let isMark = { (piece: Piece, index: Int) in
                    isFootMark(piece, last: index == band.bottom.pieces.count - 1, afterSignature: index > 0 && PageMarks.isSignature(band.bottom.pieces[index - 1].text),
                               frame: frame, accepted: accepted[number], nextFirstWords: next ?? [])
                }
                if !band.bottom.inZone {
                    // A page whose text ends early: only a catch-word the next page bears out.
                    if band.bottom.pieces.count == 1, let piece = band.bottom.pieces.first, piece.readings.isEmpty, let frame, let box = piece.box,
                       !piece.text.contains(" "), frame.right - box.right <= frame.lineHeight * 3, box.left - frame.left > frame.width / 4,
                       next?.contains(where: { PageMarks.repeats(piece.text, nextFirstWord: $0) }) == true {
                        footerPieces = band.bottom.pieces
                        removed.formUnion(band.bottom.lines)
                    }
                } else if isRunningFooter(band.bottom, frame: frame, isMark: isMark) {
                    footerPieces = band.bottom.pieces
                    removed.formUnion(band.bottom.lines)
                } else if band.bottom.lines.count == 1, let line = band.bottom.lines.first, band.bottom.pieces.count >= 2,
                          let last = band.bottom.pieces.last, let left = last.box?.left, !last.text.contains(" "), last.readings.isEmpty,
                          isMark(last, band.bottom.pieces.count - 1) {
                    footerPieces = [last]
                    cutAt[line] = left
                }
            }
            let regions = page.regions.enumerated().compactMap { index, region -> TextRegion? in
                guard !band.taggedRegions.contains(index) else { return nil }
                guard !region.lines.isEmpty else { return region.role == .other ? region : nil }  // a footnote rule landmark
                var region = region
                region.lines = region.lines.enumerated().compactMap { offset, line -> TextLine? in
                    let address = LineAddress(region: index, line: offset)
                    guard !removed.contains(address) else { return nil }
                    guard let cut = cutAt[address] else { return line }
                    var line = line
                    line.words = line.words.filter { ($0.box?.left ?? 0) < cut }
                    line.box = BoundingBox.union(of: line.words.compactMap(\.box))
                    return line.words.isEmpty ? nil : line
                }
                return region.lines.isEmpty ? nil : region
            }
            result[number] = PageFurniture(
                header: isHeader ? slotted(band.top.pieces, frame: frame) : nil,
                footer: footerPieces.isEmpty ? nil : slotted(footerPieces, frame: frame),
                printedNumber: accepted[number], regions: regions)
        }
        return result
    }

    /// The rules for the top band of an untagged page (see the type's summary).
    private static func isRunningHeader(_ band: Band, bodyHeight: Int, accepted: PrintedPageNumber?, repeated: [String: Int], hints: FurnitureHints) -> Bool {
        guard !band.pieces.isEmpty else { return false }
        let folios = band.pieces.filter { !$0.readings.isEmpty }
        let key = key(of: band.pieces)
        let isFolio = { (piece: Piece) in PrintedPageNumber.isPlainArabic(piece.text) || accepted.map(piece.readings.contains) == true }
        // A folio with nothing beside it but scraps: words of one or two letters, or read with
        // less than 50% confidence (ornaments, specks, a rule).
        let scraps = band.pieces.filter { $0.readings.isEmpty }.allSatisfy { piece in
            (piece.confidence ?? 1) < 0.5 || Self.key(of: [piece]).split(separator: " ").allSatisfy { $0.count <= 2 }
        }
        // Without a folio, a poorly read word of four letters or more may still be a head that
        // recurs (`Dorrede.` read at 0%); shorter scraps are not.
        if scraps && (!folios.isEmpty || key.count < 4) { return folios.contains(where: isFolio) }
        let smallType = band.height * 10 <= bodyHeight * 13
        let short = key.split(separator: " ").count <= 6
        // Tight against the text a recurring line needs two words or more, or three pages: a
        // speaker's name that opens two pages of a play is not a head.
        let recurs = repeated[key] ?? 0
        if recurs >= 2 && (band.apart || short && (key.contains(" ") || recurs >= 3)) { return true }
        guard band.apart else {
            // Set tight against the text: only beside a folio that agrees with the other pages'.
            return smallType && short && folios.contains { accepted.map($0.readings.contains) == true }
        }
        if smallType && hints.matches(key) { return true }
        return smallType && short && !folios.isEmpty
    }

    /// The rules for the bottom band of an untagged page (see the type's summary).
    private static func isRunningFooter(_ band: Band, frame: TextFrame?, isMark: (Piece, Int) -> Bool) -> Bool {
        guard !band.pieces.isEmpty else { return false }
        if band.pieces.allSatisfy({ !$0.readings.isEmpty }) {
            return (band.apart || band.pieces.count == 1) && band.pieces.indices.allSatisfy { isMark(band.pieces[$0], $0) }
        }
        guard let frame, let box = band.box, box.left - frame.left > frame.width / 4,
              band.pieces.map({ $0.text.split(separator: " ").count }).reduce(0, +) <= 4 else { return false }
        return band.pieces.indices.allSatisfy { isMark(band.pieces[$0], $0) }
    }

    /// A piece of a foot line that is furniture: a folio (digits, or a reading the other pages
    /// agree with), a signature mark (or a scrap of five characters at most read with less than
    /// 50% confidence, as OCR leaves one), or, as the last piece, a catch-word: one word ending at
    /// the right margin that is the next page's first word (``PageMarks/repeats(_:nextFirstWord:)``),
    /// or right after a signature mark (`D3  tödts`: the mark vouches for the line), or, where
    /// there is no readable next page to compare with, a word that cannot end a text (lower-case,
    /// or hyphenated).
    private static func isFootMark(_ piece: Piece, last: Bool, afterSignature: Bool, frame: TextFrame?, accepted: PrintedPageNumber?, nextFirstWords: [String]) -> Bool {
        if !piece.readings.isEmpty {
            return PrintedPageNumber.isPlainArabic(piece.text) || accepted.map(piece.readings.contains) == true
        }
        if PageMarks.isSignature(piece.text) || piece.text.count <= 5 && (piece.confidence ?? 1) < 0.5 { return true }
        guard last, let frame, !piece.text.contains(" "), let box = piece.box, frame.right - box.right <= frame.lineHeight * 3 else { return false }
        if afterSignature || nextFirstWords.contains(where: { PageMarks.repeats(piece.text, nextFirstWord: $0) }) { return true }
        return nextFirstWords.isEmpty && PageMarks.looksLikeCatchWord(piece.text)
    }

    /// A bottom band the OCR barely read (passed over as a stamp) that is a catch-word: one word,
    /// ending at the right margin and starting right of its first quarter, that the next page's
    /// first word bears out (``PageMarks/repeats(_:nextFirstWord:)``).
    private static func isBarelyReadCatchWord(_ band: Band, frame: TextFrame?, nextFirstWords: [String]) -> Bool {
        guard band.pieces.count == 1, let piece = band.pieces.first, piece.readings.isEmpty, !piece.text.contains(" "),
              let frame, let box = piece.box, frame.right - box.right <= frame.lineHeight * 3, box.left - frame.left > frame.width / 4 else { return false }
        return nextFirstWords.contains { PageMarks.repeats(piece.text, nextFirstWord: $0) }
    }

    /// One to three characters with no word of three letters: what OCR makes of a folio it cannot read.
    private static func isScrap(_ pieces: [Piece]) -> Bool {
        let text = pieces.map(\.text).joined()
        return !pieces.isEmpty && (1...3).contains(text.count) && pieces.allSatisfy { $0.readings.isEmpty }
    }

    /// The band's text without its numbers and without single letters at its ends (a folio
    /// misread: `DE MI TIERRA S`), reduced to lower-case letters and single spaces.
    static func key(of pieces: [Piece]) -> String {
        var words = key(of: pieces.filter { $0.readings.isEmpty }.map(\.text).joined(separator: " ")).split(separator: " ")
        while let first = words.first, first.count == 1, words.count > 1 { words.removeFirst() }
        while let last = words.last, last.count == 1, words.count > 1 { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// Text reduced to lower-case letters and single spaces (`ſ` as `s`).
    static func key(of text: String) -> String {
        let letters = text.lowercased().map { $0 == "ſ" ? "s" : ($0.isLetter ? $0 : " ") }
        return String(letters).split(separator: " ").joined(separator: " ")
    }

    /// Two keys are the same head: equal, or (six letters or more) one OCR error in eight
    /// letters apart (at least one) with the same roman numerals (`capítulo ii` is not
    /// `capítulo iii`; `vorrede` is `borrede`).
    static func fuzzyEqual(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard min(a.count, b.count) >= 6, a.count <= 80, b.count <= 80 else { return false }
        let romans = { (key: String) in key.split(separator: " ").filter { PrintedPageNumber.romanValue($0.uppercased()) != nil } }
        guard romans(a) == romans(b) else { return false }
        let limit = max(1, max(a.count, b.count) / 8)
        return abs(a.count - b.count) <= limit && editDistance(a, b, limit: limit) <= limit
    }

    /// How many pages' top bands carry each key, allowing OCR errors (``fuzzyEqual(_:_:)``).
    private static func repeatedKeys(_ keys: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for key in keys where !key.isEmpty { counts[key, default: 0] += 1 }
        var recurrences: [String: Int] = [:]
        for (key, count) in counts {
            recurrences[key] = count + counts.filter { $0.key != key && fuzzyEqual($0.key, key) }.values.reduce(0, +)
        }
        return recurrences
    }

    /// The reading of each page's folio that shares style and offset from the physical page
    /// with another page's (the reading most pages agree with), or the only number's own reading.
    private static func consistentNumbers(_ candidates: [(page: PageNumber, text: String, readings: [PrintedPageNumber])]) -> [PageNumber: PrintedPageNumber] {
        func group(_ page: PageNumber, _ number: PrintedPageNumber) -> String { "\(number.style)/\(page.rawValue - number.value)" }
        var groups: [String: Set<PageNumber>] = [:]
        for candidate in candidates {
            for reading in candidate.readings { groups[group(candidate.page, reading), default: []].insert(candidate.page) }
        }
        var accepted: [PageNumber: PrintedPageNumber] = [:]
        for candidate in candidates {
            if candidates.count == 1 {
                // The only number: as printed, strictly (`12`, `xii`) or digits with a stop (`8.`).
                if let only = candidate.readings.first, PrintedPageNumber.isPlainArabic(candidate.text) || PrintedPageNumber(candidate.text) != nil {
                    accepted[candidate.page] = only
                }
                continue
            }
            let best = candidate.readings.max { (groups[group(candidate.page, $0)]?.count ?? 0) < (groups[group(candidate.page, $1)]?.count ?? 0) }
            if let best, (groups[group(candidate.page, best)]?.count ?? 0) >= 2 { accepted[candidate.page] = best }
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
